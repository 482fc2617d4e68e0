"""Every write of the cahier. Lock order, for every service: the cahier row, then its chapters,
then its sections, each in pk order. Each service says which rows it locks; the worker's
`draft_apply` takes the same locks as the editor's save, so the two queue rather than race.

A revision is never changed (the migration's trigger refuses it): a save, a restore and a
worker's draft each add one, and move the section's `latest_revision` pointer with a conditional
UPDATE whose count is checked, so a writer who lost the race learns it and keeps its text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db import models
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Edition

from scenarios.models import Scenario
from workshops.exports import pseudonyms
from workshops.live import workshop_bump_version
from workshops.models import Participant, Workshop, WriteReceipt

from .drafting import DraftChapter
from .models import SECTION_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Cahier, Chapter, DraftRun, ExportRun, Revision, Section, Status

logger = logging.getLogger(__name__)

# Forward through the workflow; back to draft from anywhere (an editor reopens a text).
TRANSITIONS = {
    Status.DRAFT: {Status.IN_REVIEW},
    Status.IN_REVIEW: {Status.DRAFT, Status.PUBLISHED},
    Status.PUBLISHED: {Status.DRAFT},
}


class RevisionConflict(ValidationError):
    """Someone saved the section since `based_on` was opened: both texts, so that neither is lost."""

    def __init__(self, *, mine: str, theirs: Revision | None):
        super().__init__(_("Someone saved this section since you opened it. Both texts are kept below: merge them and save again."))
        self.mine = mine
        self.theirs = theirs


# --- Locks ----------------------------------------------------------------------------------------


def _lock_cahier(cahier_id: int) -> Cahier:
    return Cahier.objects.select_for_update(no_key=True).get(pk=cahier_id)


def _lock_section(section_id: int) -> Section:
    return Section.objects.select_for_update(no_key=True).get(pk=section_id)


def _cahier_id_of_section(section_id: int) -> int:
    return Section.objects.values_list("chapter__cahier_id", flat=True).get(pk=section_id)


def _refuse_nul(value: str, field: str) -> None:
    # PostgreSQL stores no NUL character: refused here rather than failing in the database.
    if "\x00" in value:
        raise ValidationError({field: _("This text contains a character that cannot be stored.")})


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n")
    _refuse_nul(text, "text")
    if len(text) > SECTION_TEXT_MAX_LENGTH:
        raise ValidationError(
            {"text": _("The text is too long (at most %(max)d characters).") % {"max": SECTION_TEXT_MAX_LENGTH}}
        )
    return text


def _clean_title(value: str, field: str) -> str:
    value = (value or "").strip()
    _refuse_nul(value, field)
    if not value:
        raise ValidationError({field: _("This cannot be empty.")})
    if len(value) > TITLE_MAX_LENGTH:
        raise ValidationError({field: _("At most %(max)d characters.") % {"max": TITLE_MAX_LENGTH}})
    return value


def _move_latest(section_id: int, *, expected_id: int | None, revision: Revision) -> bool:
    """The conditional UPDATE: the pointer moves only from what the writer saw."""
    return Section.objects.filter(pk=section_id, latest_revision_id=expected_id).update(latest_revision=revision) == 1


# --- The cahier, its chapters and sections --------------------------------------------------------


@transaction.atomic
def cahier_create(*, edition: Edition, title: str) -> Cahier:
    """An edition's cahier (one per edition). Locks the edition row, so two editors creating it
    at once make one cahier and the second is told."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    title = _clean_title(title, "title")
    if Cahier.objects.filter(edition=edition).exists():
        raise ValidationError({"edition": _("This edition already has its cahier.")})
    return Cahier.objects.create(edition=edition, title=title)


@transaction.atomic
def chapter_create(*, cahier: Cahier, title: str, kind: str = Chapter.Kind.FREE, scenario=None, key: str = "") -> Chapter:
    """A chapter at the end of the cahier. Locks the cahier row (positions are given under it)."""
    cahier = _lock_cahier(cahier.pk)
    title = _clean_title(title, "title")
    if kind not in Chapter.Kind.values:
        raise ValidationError({"kind": _("Unknown kind of chapter.")})
    if (kind == Chapter.Kind.SCENARIO) != (scenario is not None):
        raise ValidationError({"scenario": _("A scenario chapter develops one scenario, and only it does.")})
    if scenario is not None and scenario.edition_id != cahier.edition_id:
        raise ValidationError({"scenario": _("This scenario belongs to another edition.")})
    last = cahier.chapters.aggregate(last=Max("position"))["last"] or 0
    return Chapter.objects.create(cahier=cahier, position=last + 1, title=title, kind=kind, scenario=scenario, key=key)


@transaction.atomic
def section_create(*, chapter: Chapter, heading: str, key: str = "") -> Section:
    """A section at the end of its chapter. Locks the cahier row, then the chapter row."""
    _lock_cahier(chapter.cahier_id)
    chapter = Chapter.objects.select_for_update(no_key=True).get(pk=chapter.pk)
    heading = _clean_title(heading, "heading")
    last = chapter.sections.aggregate(last=Max("position"))["last"] or 0
    return Section.objects.create(chapter=chapter, position=last + 1, heading=heading, key=key)


def _reorder(rows, ordered_ids: list[int], model) -> None:
    current = [row.pk for row in rows]
    if sorted(current) != sorted(ordered_ids) or len(set(ordered_ids)) != len(ordered_ids):
        raise ValidationError(_("The order must name every item once, and nothing else."))
    # The unique positions are deferred: swapping them inside the transaction is allowed.
    by_pk = {row.pk: row for row in rows}
    for position, pk in enumerate(ordered_ids, start=1):
        if by_pk[pk].position != position:
            model.objects.filter(pk=pk).update(position=position)


@transaction.atomic
def chapters_reorder(*, cahier: Cahier, ordered_ids: list[int]) -> None:
    """Put the cahier's chapters in this order. Locks the cahier, then its chapters (pk order)."""
    cahier = _lock_cahier(cahier.pk)
    chapters = list(cahier.chapters.select_for_update(no_key=True).order_by("pk"))
    _reorder(chapters, ordered_ids, Chapter)


@transaction.atomic
def sections_reorder(*, chapter: Chapter, ordered_ids: list[int]) -> None:
    """Put the chapter's sections in this order. Locks the cahier, the chapter, then its sections."""
    _lock_cahier(chapter.cahier_id)
    chapter = Chapter.objects.select_for_update(no_key=True).get(pk=chapter.pk)
    sections = list(chapter.sections.select_for_update(no_key=True).order_by("pk"))
    _reorder(sections, ordered_ids, Section)


def moved(ids: list[int], pk: int, direction: str) -> list[int]:
    """The order after moving `pk` one step up or down (the buttons of the page without JS)."""
    ids = list(ids)
    index = ids.index(pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    return ids


def _check_transition(current: str, new: str) -> None:
    if new not in Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    if new != current and new not in TRANSITIONS[current]:
        raise ValidationError(
            {"status": _("A text goes from draft to review to published, and back to draft; not from “%(from)s” to “%(to)s”.")
             % {"from": Status(current).label, "to": Status(new).label}}
        )


@transaction.atomic
def section_set_status(*, section: Section, status: str) -> Section:
    """Move a section through the workflow. Locks the cahier, then the section."""
    _lock_cahier(_cahier_id_of_section(section.pk))
    section = _lock_section(section.pk)
    _check_transition(section.status, status)
    if status == Status.PUBLISHED and section.latest_revision_id is None:
        raise ValidationError({"status": _("An empty section cannot be published: write it first.")})
    section.status = status
    section.save(update_fields=["status"])
    return section


@transaction.atomic
def chapter_set_status(*, chapter: Chapter, status: str) -> Chapter:
    """Move a chapter through the workflow. Locks the cahier, then the chapter."""
    _lock_cahier(chapter.cahier_id)
    chapter = Chapter.objects.select_for_update(no_key=True).get(pk=chapter.pk)
    _check_transition(chapter.status, status)
    chapter.status = status
    chapter.save(update_fields=["status"])
    return chapter


# --- Revisions ------------------------------------------------------------------------------------


@transaction.atomic
def section_save(*, section: Section, text: str, author, based_on: Revision | None) -> Revision:
    """The editor's save: a new revision, if nobody saved the section since `based_on` was opened.

    Locks the cahier, then the section. Otherwise raises RevisionConflict with both texts: the
    editor's (never written) and the latest one.
    """
    text = _clean_text(text)
    _lock_cahier(_cahier_id_of_section(section.pk))
    section = _lock_section(section.pk)
    if based_on is not None and based_on.section_id != section.pk:
        raise ValidationError({"based_on": _("This revision belongs to another section.")})
    expected = based_on.pk if based_on is not None else None
    if section.latest_revision_id != expected:
        raise RevisionConflict(mine=text, theirs=section.latest_revision)
    revision = Revision.objects.create(section=section, text=text, author=author, reason=Revision.Reason.EDIT, based_on=based_on)
    if not _move_latest(section.pk, expected_id=expected, revision=revision):  # pragma: no cover - we hold the lock
        raise RevisionConflict(mine=text, theirs=Section.objects.get(pk=section.pk).latest_revision)
    return revision


@transaction.atomic
def section_restore(*, section: Section, revision: Revision, author) -> Revision:
    """Bring back an earlier text as a new revision (reason restore): history only grows.
    Locks the cahier, then the section."""
    _lock_cahier(_cahier_id_of_section(section.pk))
    section = _lock_section(section.pk)
    if revision.section_id != section.pk:
        raise ValidationError({"revision": _("This revision belongs to another section.")})
    restored = Revision.objects.create(
        section=section, text=revision.text, author=author, reason=Revision.Reason.RESTORE, based_on=revision,
        provenance=revision.provenance,
    )
    _move_latest(section.pk, expected_id=section.latest_revision_id, revision=restored)
    return restored


@dataclass(frozen=True)
class DraftOutcome:
    revision: Revision | None  # None: the same source was drafted already
    became_latest: bool  # False: an editor's text is the latest, the draft waits beside it


@transaction.atomic
def draft_apply(*, section: Section, text: str, provenance: list, source_hash: str) -> DraftOutcome:
    """The worker's draft of a section. Locks the cahier, then the section.

    The same source as the last draft writes nothing. Otherwise a draft revision is written, and
    it becomes the section's latest only while the latest is still a draft (or there is none): a
    conditional UPDATE on the pointer, so a re-draft never covers an editor's text. The draft
    then waits beside the edit (selectors.pending_draft) for the editor to take it in.
    """
    if not source_hash:
        raise ValidationError({"source_hash": _("A draft says what it was drafted from.")})
    text = _clean_text(text)
    _lock_cahier(_cahier_id_of_section(section.pk))
    section = _lock_section(section.pk)
    last_draft = section.revisions.filter(reason=Revision.Reason.DRAFT).order_by("-created_at", "-pk").first()
    if last_draft is not None and last_draft.source_hash == source_hash:
        return DraftOutcome(revision=None, became_latest=False)
    latest = section.latest_revision
    revision = Revision.objects.create(
        section=section, text=text, author=None, reason=Revision.Reason.DRAFT, source_hash=source_hash,
        provenance=provenance, based_on=last_draft,
    )
    became_latest = False
    if latest is None or latest.reason == Revision.Reason.DRAFT:
        # Revisions never change, so "the latest is a draft" holds as long as the pointer is unmoved.
        became_latest = _move_latest(section.pk, expected_id=latest.pk if latest else None, revision=revision)
    return DraftOutcome(revision=revision, became_latest=became_latest)


@transaction.atomic
def cahier_publish(*, cahier: Cahier) -> Cahier:
    """Publish the cahier: every written section's live revision is pinned to its latest, and the
    cahier, its chapters and those sections are published, all in one transaction.
    Locks the cahier, then its chapters, then its sections (pk order)."""
    cahier = _lock_cahier(cahier.pk)
    chapters = list(cahier.chapters.select_for_update(no_key=True).order_by("pk"))
    sections = list(Section.objects.filter(chapter__cahier=cahier).select_for_update(no_key=True).order_by("pk"))
    written = [s for s in sections if s.latest_revision_id is not None]
    if not written:
        raise ValidationError(_("Nothing is written yet: there is nothing to publish."))
    for section in written:
        section.live_revision_id = section.latest_revision_id
        section.status = Status.PUBLISHED
    Section.objects.bulk_update(written, ["live_revision", "status"])
    Chapter.objects.filter(pk__in=[c.pk for c in chapters]).update(status=Status.PUBLISHED)
    cahier.status = Status.PUBLISHED
    cahier.published_at = timezone.now()
    cahier.save(update_fields=["status", "published_at"])
    # Readers download what was just published: its exports are queued with it (their tasks start
    # once this commits). A format that is already being exported is left to its run.
    for export_format in PUBLISHED_EXPORTS:
        export_request(cahier=cahier, format=export_format, version=ExportRun.Version.PUBLISHED)
    return cahier


# --- The worker's drafting ------------------------------------------------------------------------

# A running worker moves its heartbeat after every chapter; one silent this long has died.
DRAFT_RUN_ABANDONED_AFTER = timedelta(minutes=15)

# What a drafted chapter's kind is in the cahier.
DRAFT_KINDS = {
    "introduction": Chapter.Kind.INTRODUCTION,
    "cartography": Chapter.Kind.CARTOGRAPHY,
    "scenario": Chapter.Kind.SCENARIO,
    "promise": Chapter.Kind.PROMISE,
    "others": Chapter.Kind.OTHER_RUPTURES,
}


@transaction.atomic
def draft_request(*, cahier: Cahier, user=None) -> tuple[DraftRun, bool]:
    """Ask the workers to draft the cahier: a queued run, and its task once the transaction commits.

    Locks the cahier row. While a run is queued or running, asking again returns it (False: not
    created): two clicks, or two editors at once, make one task. A run whose worker died (silent
    for `DRAFT_RUN_ABANDONED_AFTER`) is marked failed and a new one is queued.
    """
    from .tasks import draft_cahier  # the task module imports this one

    cahier = _lock_cahier(cahier.pk)
    current = DraftRun.objects.filter(cahier=cahier, status__in=DraftRun.ACTIVE).first()
    if current is not None:
        last_sign = current.heartbeat_at or current.created_at
        if current.status == DraftRun.Status.QUEUED or timezone.now() - last_sign < DRAFT_RUN_ABANDONED_AFTER:
            return current, False
        DraftRun.objects.filter(pk=current.pk, status=DraftRun.Status.RUNNING).update(
            status=DraftRun.Status.FAILED, finished_at=timezone.now(), error=_("The worker stopped answering.")
        )
    run = DraftRun.objects.create(cahier=cahier, requested_by=user)
    transaction.on_commit(lambda: draft_cahier.delay(run.pk))
    return run, True


def draft_claim(*, run_id: int) -> bool:
    """The worker takes a queued run: a conditional UPDATE, so of two workers given the same run
    (a redelivered message) one runs it and the other is told (False)."""
    now = timezone.now()
    claimed = DraftRun.objects.filter(pk=run_id, status=DraftRun.Status.QUEUED).update(
        status=DraftRun.Status.RUNNING, started_at=now, heartbeat_at=now
    )
    return claimed == 1


def _new_chapter_position(cahier: Cahier, chapter: Chapter, after_key: str | None) -> int | None:
    """Where a newly drafted chapter goes: right after the chapter drafted before it (wherever an
    editor moved that one), first when it is the first drafted; None (the end) when that chapter
    is not in the cahier, or for "". The chapters after it move down one (the unique positions are deferred)."""
    if after_key == "":
        return None
    if after_key is None:
        position = 1
    else:
        before = cahier.chapters.filter(key=after_key).values_list("position", flat=True).first()
        if before is None:
            return None
        position = before + 1
    cahier.chapters.filter(position__gte=position).exclude(pk=chapter.pk).update(position=models.F("position") + 1)
    return position


def _draft_chapter_row(cahier: Cahier, drafted: DraftChapter, scenarios: dict[str, Scenario], after_key: str | None) -> Chapter:
    chapter = cahier.chapters.filter(key=drafted.key).first()
    if chapter is not None:
        return chapter
    kind = DRAFT_KINDS[drafted.kind]
    scenario = None
    if kind == Chapter.Kind.SCENARIO:
        scenario = scenarios[drafted.key.removeprefix("scenario-")]
        # An editor may have made this scenario's chapter by hand: the draft goes into it.
        chapter = cahier.chapters.filter(scenario=scenario).first()
        if chapter is not None:
            Chapter.objects.filter(pk=chapter.pk).update(key=drafted.key)
            return chapter
    chapter = chapter_create(cahier=cahier, title=drafted.title[:TITLE_MAX_LENGTH], kind=kind, scenario=scenario, key=drafted.key)
    position = _new_chapter_position(cahier, chapter, after_key)
    if position is not None:
        Chapter.objects.filter(pk=chapter.pk).update(position=position)
        chapter.position = position
    return chapter


@transaction.atomic
def draft_chapter_apply(*, run: DraftRun, drafted: DraftChapter, scenarios: dict[str, Scenario], after_key: str | None = "") -> int:
    """One chunk of a run: a drafted chapter into the cahier, then the run's progress moves by one.

    Locks the cahier row, then (in `draft_apply`) each section. The chapter and its sections are
    found by their keys, made when missing; each section gets `draft_apply`, which never covers an
    editor's text and writes nothing for an unchanged source. A new chapter goes right after the
    chapter keyed `after_key` (the one drafted before it; None: first; "": at the end), so a
    cahier drafted before a kind of chapter existed gets it in its place. A chapter's figure is
    written when it differs (the worker alone writes it). Returns the revisions written.
    """
    cahier = _lock_cahier(run.cahier_id)
    chapter = _draft_chapter_row(cahier, drafted, scenarios, after_key)
    if chapter.figure != drafted.figure:
        Chapter.objects.filter(pk=chapter.pk).update(figure=drafted.figure)
    sections = {s.key: s for s in chapter.sections.exclude(key="")}
    written = 0
    for drafted_section in drafted.sections:
        section = sections.get(drafted_section.key)
        if section is None:
            section = section_create(chapter=chapter, heading=drafted_section.heading[:TITLE_MAX_LENGTH], key=drafted_section.key)
        provenance = [
            {"line": line.text, "axis": line.axis, "postits": [{"kind": p.kind, "text": p.text, "table": p.table, "workshop": p.workshop} for p in line.provenance]}
            for line in drafted_section.lines
        ]
        outcome = draft_apply(section=section, text=drafted_section.markdown, provenance=provenance, source_hash=drafted_section.source_hash)
        written += outcome.revision is not None
    DraftRun.objects.filter(pk=run.pk).update(done=models.F("done") + 1, heartbeat_at=timezone.now())
    return written


def draft_run_start(*, run: DraftRun, total: int) -> None:
    DraftRun.objects.filter(pk=run.pk).update(total=total, done=0, heartbeat_at=timezone.now())


def draft_run_finish(*, run: DraftRun, error: str = "") -> None:
    """The run's end: done, or failed with what went wrong (the chapters already drafted stay)."""
    status = DraftRun.Status.FAILED if error else DraftRun.Status.DONE
    DraftRun.objects.filter(pk=run.pk, status=DraftRun.Status.RUNNING).update(
        status=status, finished_at=timezone.now(), heartbeat_at=timezone.now(), error=error[:2000]
    )


# --- Exports --------------------------------------------------------------------------------------

# A running export moves its heartbeat at every chapter; one silent this long has died.
EXPORT_RUN_ABANDONED_AFTER = timedelta(minutes=15)
# What publishing the cahier exports for its readers.
PUBLISHED_EXPORTS = ("pdf", "markdown")


@transaction.atomic
def export_request(*, cahier: Cahier, format: str, version: str, user=None) -> tuple[ExportRun, bool]:
    """Ask the workers to export the cahier in `format` (a key of exports/formats.py), of its
    published text or its working text: a queued run, and its task once the transaction commits.

    Locks the cahier row. While a run of the same format and version is queued or running, asking
    again returns it (False: not created): two clicks, two editors, or a publish during an export
    make one task. A run whose worker died is marked failed and a new one queued. An unknown
    format or version, or the published text of a cahier never published, is refused.
    """
    from .exports import formats
    from .tasks import export_cahier  # the task module imports this one

    if formats.get(format) is None:
        raise ValidationError(_("Unknown export format."), code="format")
    if version not in ExportRun.Version.values:
        raise ValidationError(_("Export the published text or the working text."), code="version")
    cahier = _lock_cahier(cahier.pk)
    if version == ExportRun.Version.PUBLISHED and cahier.published_at is None:
        raise ValidationError(_("The cahier has never been published: export its working text."), code="unpublished")
    current = ExportRun.objects.filter(cahier=cahier, format=format, version=version, status__in=ExportRun.ACTIVE).first()
    if current is not None:
        last_sign = current.heartbeat_at or current.created_at
        if current.status == ExportRun.Status.QUEUED or timezone.now() - last_sign < EXPORT_RUN_ABANDONED_AFTER:
            return current, False
        ExportRun.objects.filter(pk=current.pk, status=ExportRun.Status.RUNNING).update(
            status=ExportRun.Status.FAILED, finished_at=timezone.now(), error=_("The worker stopped answering.")
        )
    run = ExportRun.objects.create(cahier=cahier, format=format, version=version, requested_by=user)
    transaction.on_commit(lambda: _dispatch_export(export_cahier, run.pk))
    return run, True


def _dispatch_export(task, run_id: int) -> None:
    """To the workers; or, where tasks run eagerly in the request (the embedded demo), in a thread
    of this process, so that publishing or an export button answers at once and the progress bar
    follows a PDF that takes its seconds to lay out (EXPORTS_IN_A_THREAD_WHEN_EAGER, off in tests)."""
    from django.conf import settings

    if not (task.app.conf.task_always_eager and getattr(settings, "EXPORTS_IN_A_THREAD_WHEN_EAGER", False)):
        task.delay(run_id)
        return
    import threading

    def run() -> None:
        from django.db import connections

        try:
            task(run_id)
        finally:
            connections.close_all()

    threading.Thread(target=run, name=f"cahier-export-{run_id}", daemon=True).start()


def export_claim(*, run_id: int) -> bool:
    """The worker takes a queued export: a conditional UPDATE, so of two workers given the same
    run (a redelivered message) one runs it and the other is told (False)."""
    now = timezone.now()
    claimed = ExportRun.objects.filter(pk=run_id, status=ExportRun.Status.QUEUED).update(
        status=ExportRun.Status.RUNNING, started_at=now, heartbeat_at=now
    )
    return claimed == 1


def export_progress(*, run_id: int, done: int, total: int) -> None:
    """The running export's progress (and its heartbeat); a run no longer running is left as it is."""
    total = max(total, 0)
    done = min(max(done, 0), total)
    ExportRun.objects.filter(pk=run_id, status=ExportRun.Status.RUNNING).update(
        done=done, total=total, heartbeat_at=timezone.now()
    )


def export_finish(*, run_id: int, rendered=None, error: str = "") -> bool:
    """The export's end: its file stored and the run done, or failed with what went wrong.

    The file is written first (Django's storage), then the run moves with a conditional UPDATE;
    if the run is no longer running (marked abandoned meanwhile), the file is deleted and False
    returned: a run's file is only ever the one its own claim produced.
    """
    now = timezone.now()
    running = ExportRun.objects.filter(pk=run_id, status=ExportRun.Status.RUNNING)
    if error or rendered is None:
        running.update(status=ExportRun.Status.FAILED, finished_at=now, heartbeat_at=now,
                       error=(error or _("The export produced nothing."))[:2000])
        return False
    from django.core.files.base import ContentFile

    run = ExportRun.objects.get(pk=run_id)
    field = run.file.field
    name = field.generate_filename(run, rendered.filename)
    stored = field.storage.save(name, ContentFile(rendered.content), max_length=field.max_length)
    moved = running.update(
        status=ExportRun.Status.DONE, file=stored, content_type=rendered.content_type[:100], size=len(rendered.content),
        done=models.F("total"), finished_at=now, heartbeat_at=now, error="",
    )
    if not moved:
        field.storage.delete(stored)
    return bool(moved)


# --- Privacy ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anonymised:
    workshops: int
    participants: int


@transaction.atomic
def edition_anonymise(*, cahier: Cahier) -> Anonymised:
    """Replace the display names of everyone who took part in the edition's workshops by
    "Participant 1", "Participant 2"… (in the order they joined each workshop), once the cahier is
    published. Post-its, +1s, votes, commitments and outputs stay, now under those numbers. The
    laptops' write receipts go: a replayed answer could still show a name. Cannot be undone.

    Refused while one of the edition's workshops is live: its room still knows people by name.
    Locks: the edition's workshops (pk order), then the cahier.
    """
    workshops = list(Workshop.objects.select_for_update(no_key=True).filter(edition_id=cahier.edition_id).order_by("pk"))
    cahier = _lock_cahier(cahier.pk)
    if cahier.status != Status.PUBLISHED:
        raise ValidationError(_("Publish the cahier first: the names are replaced once it is out."))
    live = [w.title for w in workshops if w.status == Workshop.Status.LIVE]
    if live:
        raise ValidationError(
            _("These workshops are still live: close them first. %(titles)s") % {"titles": ", ".join(live)}
        )
    renamed = 0
    for workshop in workshops:
        people = list(Participant.objects.filter(workshop=workshop).order_by("joined_at", "pk").only("pk"))
        if not people:
            continue
        # Two passes: names are unique per workshop (case-insensitive), checked row by row, and a
        # participant may already be called "Participant 2".
        for person in people:
            person.display_name = f"#{person.pk}"
        Participant.objects.bulk_update(people, ["display_name"])
        names = pseudonyms([p.pk for p in people])
        for person in people:
            person.display_name = names[person.pk]
        Participant.objects.bulk_update(people, ["display_name"])
        WriteReceipt.objects.filter(participant__workshop=workshop).delete()
        workshop_bump_version(workshop_id=workshop.pk, stage=True)
        renamed += len(people)
    cahier.names_anonymised_at = timezone.now()
    cahier.save(update_fields=["names_anonymised_at"])
    return Anonymised(workshops=len(workshops), participants=renamed)
