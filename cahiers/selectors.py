"""Reads of the cahier: the editor's list and outline, a section's history, the pending draft."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import Count, Prefetch

from core.models import Edition

from .exports import formats as export_formats
from .models import Cahier, Chapter, DraftRun, ExportRun, Revision, Section, Status


def editions_with_cahiers():
    """Every edition, with its cahier if it has one (the editor's list)."""
    return Edition.objects.select_related("cahier").order_by("title")


def cahier_outline(cahier_id: int) -> Cahier:
    """The cahier with its chapters and sections in order, and each section's latest revision."""
    sections = Section.objects.select_related("latest_revision").order_by("position")
    chapters = Chapter.objects.prefetch_related(Prefetch("sections", queryset=sections)).order_by("position")
    return Cahier.objects.select_related("edition").prefetch_related(Prefetch("chapters", queryset=chapters)).get(pk=cahier_id)


def section_for_editing(section_id: int) -> Section:
    return Section.objects.select_related("chapter__cahier__edition", "latest_revision", "live_revision").get(pk=section_id)


def section_history(section: Section):
    """The section's revisions, newest first, with their authors."""
    return section.revisions.select_related("author").order_by("-created_at", "-pk")


def revision_of(section: Section, revision_id) -> Revision | None:
    try:
        return section.revisions.select_related("author").get(pk=int(revision_id))
    except (TypeError, ValueError, Revision.DoesNotExist):
        return None


@dataclass(frozen=True)
class PendingDraft:
    """A worker's draft written after the editor's latest text, which it did not cover."""

    revision: Revision
    new_lines: list[str]  # its lines the editor's text does not have yet

    @property
    def count(self) -> int:
        return len(self.new_lines)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def pending_draft(section: Section) -> PendingDraft | None:
    """The newest draft written after the section's latest (an editor's) revision, if any, and
    its new lines: "N new contributions since your edit"."""
    latest = section.latest_revision
    if latest is None or latest.reason == Revision.Reason.DRAFT:
        return None
    # Ids grow with time: a draft with a greater id was written after the editor's text.
    draft = section.revisions.filter(reason=Revision.Reason.DRAFT, pk__gt=latest.pk).order_by("-pk").first()
    if draft is None:
        return None
    have = set(_lines(latest.text))
    new_lines = [line for line in _lines(draft.text) if line not in have]
    if not new_lines:
        return None
    return PendingDraft(revision=draft, new_lines=new_lines)


def taken_in(section: Section, pending: PendingDraft) -> str:
    """The editor's text with the pending draft's new lines added at its end."""
    text = section.latest_revision.text.rstrip("\n")
    return (text + "\n\n" if text else "") + "\n".join(pending.new_lines) + "\n"


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "ins" or "del"
    text: str


def diff(old: str, new: str) -> list[DiffLine]:
    """A line diff from `old` to `new` (the template escapes the text and marks it ins/del)."""
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            lines += [DiffLine("same", line) for line in matcher.a[a1:a2]]
            continue
        lines += [DiffLine("del", line) for line in matcher.a[a1:a2]]
        lines += [DiffLine("ins", line) for line in matcher.b[b1:b2]]
    return lines


def revision_counts(cahier: Cahier) -> dict[int, int]:
    return dict(
        Section.objects.filter(chapter__cahier=cahier).annotate(n=Count("revisions")).values_list("pk", "n")
    )


def last_draft_run(cahier_id: int) -> DraftRun | None:
    """The cahier's newest drafting run (the one queued or running, if any: at most one is)."""
    return DraftRun.objects.filter(cahier_id=cahier_id).order_by("-created_at", "-pk").first()


# --- Exports --------------------------------------------------------------------------------------

RECENT_EXPORTS = 10


def recent_exports(cahier_id: int, limit: int = RECENT_EXPORTS) -> list[ExportRun]:
    """The cahier's newest exports (the ones queued or running among them), with who asked."""
    return list(
        ExportRun.objects.filter(cahier_id=cahier_id).select_related("requested_by").order_by("-created_at", "-pk")[:limit]
    )


def latest_public_export(cahier: Cahier, format: str) -> ExportRun | None:
    """What anyone downloads: the newest finished export of the published text of a published
    cahier in `format`, or None (not published, no export finished yet, or a format for the
    editors only). One query."""
    export_format = export_formats.get(format)
    if cahier.status != Status.PUBLISHED or export_format is None or not export_format.public:
        return None
    return (
        ExportRun.objects.filter(
            cahier=cahier, format=format, version=ExportRun.Version.PUBLISHED, status=ExportRun.Status.DONE
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
