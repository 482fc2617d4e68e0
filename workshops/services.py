"""Every write of the live workshop goes through these functions.

They validate, write under a transaction and bump the workshop's version so
that polling boards notice; they raise django.core.exceptions.ValidationError
with a readable message on bad input and write nothing then.
"""

from __future__ import annotations

import datetime

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from core.models import Edition

from .live import forget_on_commit
from .models import (
    Activity,
    Contribution,
    Format,
    Participant,
    PlusOne,
    Table,
    TableSynthesis,
    Workshop,
    WorkshopPhase,
)

logger = logging.getLogger(__name__)

DISPLAY_NAME_MAX_LENGTH = 60


def workshop_bump_version(*, workshop_id: int, stage: bool = False, table_id: int | None = None) -> None:
    """Tell the boards of this workshop that something changed.

    `stage`: every participant's page must follow (phase, timer, tables, seats, outputs);
    `table_id`: that table's post-its changed. The projector and control room follow every bump.
    """
    changes = {"version": F("version") + 1}
    if stage:
        changes["stage_version"] = F("stage_version") + 1
    Workshop.objects.filter(pk=workshop_id).update(**changes)
    if table_id is not None:
        Table.objects.filter(pk=table_id).update(version=F("version") + 1)
    forget_on_commit(workshop_id=workshop_id, stage=stage, table_id=table_id)


@transaction.atomic
def workshop_create(
    *,
    edition: Edition,
    format: Format,
    title: str,
    user=None,
    date: datetime.date | None = None,
    place: str = "",
    table_count: int = 0,
) -> Workshop:
    """Create a workshop whose phases are copied from its format, with numbered tables."""
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the workshop a title.")})
    workshop = Workshop.objects.create(
        edition=edition, format=format, title=title, date=date or timezone.localdate(), place=place.strip()
    )
    WorkshopPhase.objects.bulk_create(WorkshopPhase(workshop=workshop, **phase_plan(phase)) for phase in format.phases.all())
    Table.objects.bulk_create(Table(workshop=workshop, number=n) for n in range(1, table_count + 1))
    if user is not None:
        workshop.facilitators.add(user)
    return workshop


def phase_plan(phase) -> dict:
    """What a copy of a format's phase takes from it.

    A new workshop's phases and a duplicated format's phases are both made from this,
    so a field added to phases is copied everywhere once it is listed here.
    """
    return {
        "position": phase.position,
        "name": phase.name,
        "activity": phase.activity,
        "canvas_id": phase.canvas_id,
        "duration_seconds": phase.duration_seconds,
    }


def _lock_workshop(workshop_id: int) -> Workshop:
    # Phase changes serialise on the workshop row, so two clicks never open two phases.
    return Workshop.objects.select_for_update().get(pk=workshop_id)


@transaction.atomic
def phase_open(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Open a phase, closing the one that was open; the workshop goes live."""
    workshop = _lock_workshop(phase.workshop_id)
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop is closed."))
    phase = WorkshopPhase.objects.select_for_update().get(pk=phase.pk)
    if phase.is_open:
        return phase
    for current in WorkshopPhase.objects.select_for_update().filter(workshop=workshop, status=WorkshopPhase.Status.OPEN):
        _close(current)
    phase.status = WorkshopPhase.Status.OPEN
    phase.opened_at = timezone.now()
    phase.closed_at = None
    phase.save(update_fields=["status", "opened_at", "closed_at"])
    if workshop.status == Workshop.Status.DRAFT:
        Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.LIVE)
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return phase


def queue_aggregation(phase_id: int) -> bool:
    """Queue the aggregation of a closed phase.

    With the broker down the phase stays pending (outputs_pending): the periodic
    `aggregate_pending` task or the facilitator's "rebuild" button catches up later.
    """
    from .tasks import aggregate_phase

    try:
        aggregate_phase.delay(phase_id)
    except KombuOperationalError:
        logger.warning("Broker unreachable: aggregation of phase %s left pending", phase_id)
        return False
    return True


def _close(phase: WorkshopPhase) -> None:
    now = timezone.now()
    if phase.timer_started_at is not None:
        phase.timer_elapsed_seconds += int((now - phase.timer_started_at).total_seconds())
        phase.timer_started_at = None
    phase.status = WorkshopPhase.Status.CLOSED
    phase.closed_at = now
    phase.save(update_fields=["status", "closed_at", "timer_started_at", "timer_elapsed_seconds"])
    if phase.activity == Activity.POSTITS:
        phase_id = phase.pk
        # Queued after commit: the worker must find the closed phase and every post-it.
        transaction.on_commit(lambda: queue_aggregation(phase_id))


def phase_rebuild_outputs(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Build a closed post-it phase's table outputs again (idempotent: same post-its, same output)."""
    if phase.status != WorkshopPhase.Status.CLOSED or phase.activity != Activity.POSTITS:
        raise ValidationError(_("Only a closed post-it phase has table outputs to build."))
    if not queue_aggregation(phase.pk):
        raise ValidationError(_("The workers cannot be reached right now: the outputs will be built as soon as they are back."))
    return phase


@transaction.atomic
def phase_close(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Close an open phase; its post-its are aggregated into table outputs by a worker."""
    _lock_workshop(phase.workshop_id)
    phase = WorkshopPhase.objects.select_for_update().get(pk=phase.pk)
    if not phase.is_open:
        raise ValidationError(_("This phase is not open."))
    _close(phase)
    workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return phase


@transaction.atomic
def workshop_close(*, workshop: Workshop) -> Workshop:
    workshop = _lock_workshop(workshop.pk)
    for current in WorkshopPhase.objects.select_for_update().filter(workshop=workshop, status=WorkshopPhase.Status.OPEN):
        _close(current)
    workshop.status = Workshop.Status.CLOSED
    workshop.save(update_fields=["status"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return workshop


@transaction.atomic
def timer_start(*, phase: WorkshopPhase) -> WorkshopPhase:
    phase = WorkshopPhase.objects.select_for_update().get(pk=phase.pk)
    if not phase.is_open:
        raise ValidationError(_("Open the phase before starting its timer."))
    if phase.timer_started_at is None:
        phase.timer_started_at = timezone.now()
        phase.save(update_fields=["timer_started_at"])
        workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return phase


@transaction.atomic
def timer_pause(*, phase: WorkshopPhase) -> WorkshopPhase:
    phase = WorkshopPhase.objects.select_for_update().get(pk=phase.pk)
    if phase.timer_started_at is not None:
        phase.timer_elapsed_seconds += int((timezone.now() - phase.timer_started_at).total_seconds())
        phase.timer_started_at = None
        phase.save(update_fields=["timer_started_at", "timer_elapsed_seconds"])
        workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return phase


@transaction.atomic
def timer_reset(*, phase: WorkshopPhase) -> WorkshopPhase:
    phase = WorkshopPhase.objects.select_for_update().get(pk=phase.pk)
    phase.timer_started_at = None
    phase.timer_elapsed_seconds = 0
    phase.save(update_fields=["timer_started_at", "timer_elapsed_seconds"])
    workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return phase


@transaction.atomic
def table_create(*, workshop: Workshop, name: str = "", scenario=None, capacity: int = 15) -> Table:
    if scenario is not None and scenario.edition_id != workshop.edition_id:
        raise ValidationError({"scenario": _("This scenario belongs to another edition.")})
    _lock_workshop(workshop.pk)
    number = (workshop.tables.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    table = Table.objects.create(workshop=workshop, number=number, name=name.strip(), scenario=scenario, capacity=capacity)
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return table


@transaction.atomic
def table_update(*, table: Table, name: str, scenario=None, capacity: int | None = None) -> Table:
    if scenario is not None and scenario.edition_id != table.workshop.edition_id:
        raise ValidationError({"scenario": _("This scenario belongs to another edition.")})
    table.name = name.strip()
    table.scenario = scenario
    if capacity is not None:
        table.capacity = capacity
    table.save(update_fields=["name", "scenario", "capacity"])
    workshop_bump_version(workshop_id=table.workshop_id, stage=True)
    return table


def _clean_display_name(display_name: str) -> str:
    name = " ".join((display_name or "").split())
    if not name:
        raise ValidationError({"display_name": _("Choose a display name.")})
    if len(name) > DISPLAY_NAME_MAX_LENGTH:
        raise ValidationError(
            {"display_name": _("A display name has at most %(max)d characters.") % {"max": DISPLAY_NAME_MAX_LENGTH}}
        )
    return name


def workshop_for_join_code(code: str) -> Workshop:
    """The workshop a typed code opens; a wrong or expired code gets a clear message."""
    normalized = "".join((code or "").split()).upper()
    workshop = Workshop.objects.filter(join_code=normalized).first() if normalized else None
    if workshop is None:
        raise ValidationError({"code": _("No workshop has this code. Check the code shown on the projector.")})
    if not workshop.is_joinable:
        raise ValidationError({"code": _("This workshop is over: its code has expired.")})
    return workshop


@transaction.atomic
def participant_join(*, workshop: Workshop, display_name: str, table_id: int | None, session_key: str) -> Participant:
    if not workshop.is_joinable:
        raise ValidationError({"code": _("This workshop is over: its code has expired.")})
    name = _clean_display_name(display_name)
    table = None
    if table_id:
        table = Table.objects.filter(pk=table_id, workshop=workshop).first()
        if table is None:
            raise ValidationError({"table": _("Choose one of this workshop's tables.")})
    if Participant.objects.filter(workshop=workshop, display_name__iexact=name).exists():
        raise ValidationError({"display_name": _("Someone already uses this name here: pick another one.")})
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                workshop=workshop, display_name=name, table=table, session_key=session_key
            )
    except IntegrityError:
        # Two people typed the same name at the same moment: the database decided.
        raise ValidationError({"display_name": _("Someone already uses this name here: pick another one.")})
    workshop_bump_version(workshop_id=workshop.pk)
    return participant


@transaction.atomic
def participant_set_table(*, participant: Participant, table_id: int | None) -> Participant:
    table = None
    if table_id:
        table = Table.objects.filter(pk=table_id, workshop_id=participant.workshop_id).first()
        if table is None:
            raise ValidationError({"table": _("Choose one of this workshop's tables.")})
    participant.table = table
    if table is None:
        participant.is_scribe = False
    participant.save(update_fields=["table", "is_scribe"])
    workshop_bump_version(workshop_id=participant.workshop_id, stage=True)
    return participant


@transaction.atomic
def participant_set_scribe(*, participant: Participant, is_scribe: bool) -> Participant:
    if is_scribe and participant.table_id is None:
        raise ValidationError(_("A scribe must sit at a table."))
    participant.is_scribe = is_scribe
    participant.save(update_fields=["is_scribe"])
    workshop_bump_version(workshop_id=participant.workshop_id, stage=True)
    return participant


def _open_postit_phase(workshop_id: int) -> WorkshopPhase:
    phase = WorkshopPhase.objects.filter(workshop_id=workshop_id, status=WorkshopPhase.Status.OPEN).first()
    if phase is None or phase.activity != Activity.POSTITS:
        raise ValidationError(_("Posting is closed: wait for the facilitator to open a post-it phase."))
    return phase


@transaction.atomic
def contribution_post(*, participant: Participant, section_id: int, text: str, axis: str = "") -> Contribution:
    """Post a post-it at the participant's table, into a section of the open phase's canvas."""
    text = (text or "").strip()
    max_length = settings.CONTRIBUTION_MAX_LENGTH
    if not text:
        raise ValidationError({"text": _("A post-it cannot be empty.")})
    if len(text) > max_length:
        raise ValidationError(
            {"text": _("A post-it has at most %(max)d characters (this one has %(n)d).") % {"max": max_length, "n": len(text)}}
        )
    if participant.table_id is None:
        raise ValidationError(_("Pick a table before posting."))
    # Holding the workshop row means the phase cannot close between this check and the commit.
    _lock_workshop(participant.workshop_id)
    phase = _open_postit_phase(participant.workshop_id)
    section = phase.canvas.sections.filter(pk=section_id).first() if phase.canvas_id else None
    if section is None:
        raise ValidationError({"section": _("This section is not part of the open phase's canvas.")})
    axis = (axis or "").strip()
    if section.axes:
        if axis not in section.axes:
            raise ValidationError({"axis": _("Choose one of: %(axes)s.") % {"axes": ", ".join(section.axes)}})
    elif axis:
        raise ValidationError({"axis": _("This section has no axes.")})
    contribution = Contribution.objects.create(
        workshop_id=participant.workshop_id,
        phase=phase,
        table_id=participant.table_id,
        participant=participant,
        section=section,
        axis=axis,
        text=text,
    )
    workshop_bump_version(workshop_id=participant.workshop_id, table_id=participant.table_id)
    return contribution


def _contribution_of_workshop(*, workshop_id: int, contribution_id) -> Contribution:
    try:
        contribution_id = int(contribution_id)
    except (TypeError, ValueError):
        contribution_id = None
    contribution = (
        Contribution.objects.select_for_update().filter(pk=contribution_id, workshop_id=workshop_id).first()
        if contribution_id
        else None
    )
    if contribution is None:
        raise ValidationError(_("This post-it does not exist in your workshop."))
    return contribution


@transaction.atomic
def contribution_plus_one(*, participant: Participant, contribution_id) -> Contribution:
    """+1 a post-it of one's own table, once; the database's unique constraint has the last word."""
    contribution = _contribution_of_workshop(workshop_id=participant.workshop_id, contribution_id=contribution_id)
    if contribution.table_id != participant.table_id:
        raise ValidationError(_("You can only +1 post-its of your own table."))
    if contribution.phase.status != WorkshopPhase.Status.OPEN:
        raise ValidationError(_("This phase is closed: +1s are no longer counted."))
    if contribution.hidden or contribution.merged_into_id:
        raise ValidationError(_("This post-it is no longer on the board."))
    try:
        with transaction.atomic():
            PlusOne.objects.create(contribution=contribution, participant=participant)
    except IntegrityError:
        raise ValidationError(_("You already gave this post-it a +1."))
    Contribution.objects.filter(pk=contribution.pk).update(plus_ones=F("plus_ones") + 1)
    workshop_bump_version(workshop_id=participant.workshop_id, table_id=contribution.table_id)
    contribution.refresh_from_db(fields=["plus_ones"])
    return contribution


def _check_scribe(participant: Participant, contribution: Contribution) -> None:
    if not participant.is_scribe:
        raise ValidationError(_("Only the table's scribe can do this."))
    if contribution.table_id != participant.table_id:
        raise ValidationError(_("This post-it belongs to another table."))


@transaction.atomic
def contribution_set_hidden(*, scribe: Participant, contribution_id, hidden: bool) -> Contribution:
    contribution = _contribution_of_workshop(workshop_id=scribe.workshop_id, contribution_id=contribution_id)
    _check_scribe(scribe, contribution)
    contribution.hidden = hidden
    contribution.save(update_fields=["hidden"])
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=contribution.table_id)
    return contribution


@transaction.atomic
def contribution_group(*, scribe: Participant, contribution_ids: list, label: str) -> list[Contribution]:
    """Put post-its of one section under a common label (an empty label ungroups them)."""
    label = " ".join((label or "").split())
    if len(label) > 100:
        raise ValidationError({"label": _("A group label has at most %(max)d characters.") % {"max": 100}})
    contributions = [
        _contribution_of_workshop(workshop_id=scribe.workshop_id, contribution_id=pk) for pk in dict.fromkeys(contribution_ids)
    ]
    if not contributions:
        raise ValidationError(_("Select at least one post-it."))
    for contribution in contributions:
        _check_scribe(scribe, contribution)
    Contribution.objects.filter(pk__in=[c.pk for c in contributions]).update(group_label=label)
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=scribe.table_id)
    return contributions


@transaction.atomic
def contribution_merge(*, scribe: Participant, target_id, source_id) -> Contribution:
    """Fold a duplicate post-it into another: its +1s move over, counted once per participant."""
    target = _contribution_of_workshop(workshop_id=scribe.workshop_id, contribution_id=target_id)
    source = _contribution_of_workshop(workshop_id=scribe.workshop_id, contribution_id=source_id)
    _check_scribe(scribe, target)
    _check_scribe(scribe, source)
    if target.pk == source.pk:
        raise ValidationError(_("A post-it cannot be merged into itself."))
    if target.section_id != source.section_id or target.phase_id != source.phase_id:
        raise ValidationError(_("Only post-its of the same section can be merged."))
    if target.merged_into_id or source.merged_into_id:
        raise ValidationError(_("This post-it was already merged."))
    already = set(PlusOne.objects.filter(contribution=target).values_list("participant_id", flat=True))
    PlusOne.objects.filter(contribution=source).exclude(participant_id__in=already).update(contribution=target)
    PlusOne.objects.filter(contribution=source).delete()
    # Post-its merged into the source follow it.
    Contribution.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.plus_ones = 0
    source.save(update_fields=["merged_into", "plus_ones"])
    target.plus_ones = PlusOne.objects.filter(contribution=target).count()
    target.save(update_fields=["plus_ones"])
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=target.table_id)
    return target


SYNTHESIS_MAX_LENGTH = 5000


@transaction.atomic
def synthesis_save(*, scribe: Participant, text: str) -> TableSynthesis:
    """The scribe writes their table's synthesis during an open synthesis phase (saving again replaces it)."""
    if not scribe.is_scribe or scribe.table_id is None:
        raise ValidationError(_("Only the table's scribe can do this."))
    text = (text or "").strip()
    if len(text) > SYNTHESIS_MAX_LENGTH:
        raise ValidationError(
            {"text": _("A synthesis has at most %(max)d characters (this one has %(n)d).") % {"max": SYNTHESIS_MAX_LENGTH, "n": len(text)}}
        )
    _lock_workshop(scribe.workshop_id)
    phase = WorkshopPhase.objects.filter(workshop_id=scribe.workshop_id, status=WorkshopPhase.Status.OPEN).first()
    if phase is None or phase.activity != Activity.SYNTHESIS:
        raise ValidationError(_("The synthesis is written during a synthesis phase: wait for the facilitator to open one."))
    synthesis, _created = TableSynthesis.objects.update_or_create(
        phase=phase, table_id=scribe.table_id, defaults={"text": text, "written_by": scribe}
    )
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=scribe.table_id)
    return synthesis
