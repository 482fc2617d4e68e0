"""Every write of the live workshop goes through these functions.

They validate, write under a transaction and bump the workshop's version so
that polling boards notice; they raise django.core.exceptions.ValidationError
with a readable message on bad input and write nothing then.

Lock order (every service here; workshops.aggregation takes none of the room's rows while it
works, and the workshop row only alone, for its version bump: see its docstring):

0. when the write came with an idempotency key, its receipt's (participant, key) entry in the
   unique index (workshops.idempotency), inserted before the service runs, in the same transaction;
1. the workshop row (`workshop_lock`, FOR NO KEY UPDATE), always first: it is the one lock every
   write of a workshop queues on, so two writes of one workshop never hold each other's rows;
2. its phase rows, in position order;
3. a table row (`table_update`);
4. participant rows;
5. post-it rows, in primary-key order (`_lock_contributions`), so two scribes merging two
   post-its into each other queue instead of each holding the other's;
6. rows that only hang off those (+1s, syntheses, table outputs), inserted or deleted last; the
   act's audit entry (workshops.audit.audit_record) is one such insert, and locks nothing.

A service may skip a level, never go back up one. Each service's docstring says what it locks.
The last write of a service is `workshop_bump_version`: the workshop row (held already), then a
table's version counter. That one late table write is safe only because whoever locks a table
row holds the workshop row first; a table row must never be locked before the workshop's.
The voting services follow this order too, a ballot row coming right after the workshop row
(see voting.services); nothing here locks a ballot. A vote takes the workshop row FOR SHARE and
writes no version: the room's votes do not queue behind one another, and every write here (FOR
NO KEY UPDATE) still waits for the votes under way, as they wait for it.
State read before the workshop lock (the participant a view loaded, the phase it was given) is
read again after it: a seat, a scribe's role or a phase may have changed in between.
A closed workshop is read-only for its participants and scribes: every write of theirs checks
the workshop's status under the workshop lock.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from kombu.exceptions import OperationalError as KombuOperationalError

from core import names
from core.models import Edition

from . import board_changes
from .audit import Action, Target, audit_record, changed_fields
from .live import roster_changed, workshop_bump_version
from .selectors import phase_sections, tables_with_seats
from .models import (
    Activity,
    Contribution,
    Format,
    FormatPhase,
    Merge,
    Participant,
    PlusOne,
    Table,
    TableSynthesis,
    Workshop,
    WorkshopPhase,
)

logger = logging.getLogger(__name__)

# The length limits of what people type, read from the models: forms and pages read these (never a literal),
# so the server's limit and the page's are one; a text over its limit is refused whole, never cut.
DISPLAY_NAME_MAX_LENGTH = Participant._meta.get_field("display_name").max_length
WORKSHOP_TITLE_MAX_LENGTH = Workshop._meta.get_field("title").max_length
WORKSHOP_PLACE_MAX_LENGTH = Workshop._meta.get_field("place").max_length
TABLE_NAME_MAX_LENGTH = Table._meta.get_field("name").max_length
GROUP_LABEL_MAX_LENGTH = Contribution._meta.get_field("group_label").max_length
AXIS_MAX_LENGTH = Contribution._meta.get_field("axis").max_length


def _check_length(value: str, *, field: str, max_length: int) -> str:
    if len(value) > max_length:
        raise ValidationError(
            {field: _("At most %(max)d characters (this one has %(n)d).") % {"max": max_length, "n": len(value)}}
        )
    return value


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
    """Create a workshop whose phases are copied from its format, with numbered tables.

    Locks nothing: every row it writes is new.
    """
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the workshop a title.")})
    _check_length(title, field="title", max_length=WORKSHOP_TITLE_MAX_LENGTH)
    place = _check_length((place or "").strip(), field="place", max_length=WORKSHOP_PLACE_MAX_LENGTH)
    workshop = Workshop.objects.create(
        edition=edition, format=format, title=title, date=date or timezone.localdate(), place=place
    )
    format_phases = list(format.phases.all())
    WorkshopPhase.objects.bulk_create(WorkshopPhase(workshop=workshop, **phase_plan(phase)) for phase in format_phases)
    phase_sections_copy(originals=format_phases, copies=list(workshop.phases.all()))
    Table.objects.bulk_create(Table(workshop=workshop, number=n) for n in range(1, table_count + 1))
    if user is not None:
        workshop.facilitators.add(user)
    return workshop


def phase_plan(phase) -> dict:
    """What a copy of a format's phase takes from it.

    A new workshop's phases and a duplicated format's phases are both made from this,
    so a field added to phases is copied everywhere once it is listed here; the sections
    a phase names (a many-to-many) follow with `phase_sections_copy`.
    """
    return {
        "position": phase.position,
        "name": phase.name,
        "activity": phase.activity,
        "canvas_id": phase.canvas_id,
        "duration_seconds": phase.duration_seconds,
    }


def phase_sections_copy(*, originals: list, copies: list) -> None:
    """Give each copied phase the sections its original names, matched by position: a workshop's
    phases from its format's, a duplicated format's from the original's. Locks nothing: the copies are new.
    """
    if not originals or not copies:
        return
    column = {FormatPhase: "formatphase_id", WorkshopPhase: "workshopphase_id"}
    source, target = type(originals[0]), type(copies[0])
    copy_of = {phase.position: phase.pk for phase in copies}
    position_of = {phase.pk: phase.position for phase in originals}
    named = source.sections.through.objects.filter(**{f"{column[source]}__in": list(position_of)})
    target.sections.through.objects.bulk_create(
        target.sections.through(**{column[target]: copy_of[position_of[phase_id]], "canvassection_id": section_id})
        for phase_id, section_id in named.values_list(column[source], "canvassection_id")
        if position_of[phase_id] in copy_of
    )


def workshop_lock(workshop_id: int) -> Workshop:
    """Lock the workshop row: the first lock of every write (see the lock order above).

    NO KEY UPDATE: writes of one workshop queue on it, yet rows that merely point at the workshop
    (a new participant, post-it or ballot) can still be inserted meanwhile.
    """
    return Workshop.objects.select_for_update(no_key=True).get(pk=workshop_id)


def _refuse_if_closed(workshop: Workshop) -> None:
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop is closed: nothing can be changed any more."))


def _lock_phase(phase_id: int) -> WorkshopPhase:
    return WorkshopPhase.objects.select_for_update(no_key=True).get(pk=phase_id)


def _lock_participant(participant: Participant) -> Participant:
    """The participant as it is now (a seat may have changed since the view loaded it), locked."""
    # of=self: the model's ordering joins the workshop, which FOR UPDATE would lock a second time.
    fresh = Participant.objects.select_for_update(no_key=True, of=("self",)).filter(pk=participant.pk).first()
    if fresh is None:
        raise ValidationError(_("You are no longer part of this workshop."))
    return fresh


ANY_OPEN = object()  # phase_open's default: whichever phase is open closes


@transaction.atomic
def phase_open(*, phase: WorkshopPhase, closing=ANY_OPEN, by=None) -> WorkshopPhase:
    """Open a phase, closing the one that was open; the workshop goes live.

    `by` (the facilitator) is who the audit trail names, for the opening and the closing.

    `closing`: the id of the open phase the facilitator agreed to close (None: none was open).
    When another phase is open by then (someone else switched meanwhile), nothing is written and
    the facilitator is asked again: a phase is never closed without their knowing which.
    Locks: the workshop, then this phase and the open one (position order).
    """
    workshop = workshop_lock(phase.workshop_id)
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop is closed."))
    involved = WorkshopPhase.objects.select_for_update(no_key=True).filter(
        Q(pk=phase.pk) | Q(workshop=workshop, status=WorkshopPhase.Status.OPEN)
    )
    phases = {p.pk: p for p in involved.order_by("position")}
    phase = phases.pop(phase.pk)
    if phase.is_open:
        return phase
    if closing is not ANY_OPEN and sorted(phases) != ([closing] if closing else []):
        raise ValidationError(_("The open phase changed meanwhile: check which phase opening this one would close."), code="conflict")
    for current in phases.values():
        _close(current, by=by)
    was = phase.status
    phase.status = WorkshopPhase.Status.OPEN
    phase.opened_at = timezone.now()
    phase.closed_at = None
    phase.save(update_fields=["status", "opened_at", "closed_at"])
    if workshop.status == Workshop.Status.DRAFT:
        Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.LIVE)
    _audit_phase(phase, Action.PHASE_OPENED, by=by, was=was)
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return phase


def _audit_phase(phase: WorkshopPhase, action: str, *, by, was: str) -> None:
    audit_record(
        workshop_id=phase.workshop_id, action=action, by=by, target_type=Target.PHASE, target_id=phase.pk,
        target_label=phase.name, before={"status": was}, after={"status": phase.status},
    )


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


def _close(phase: WorkshopPhase, *, by) -> None:
    """Close a phase whose row the caller has locked (after the workshop's); the trail names `by`."""
    now = timezone.now()
    if phase.timer_started_at is not None:
        phase.timer_elapsed_seconds += int((now - phase.timer_started_at).total_seconds())
        phase.timer_started_at = None
    phase.status = WorkshopPhase.Status.CLOSED
    phase.closed_at = now
    phase.save(update_fields=["status", "closed_at", "timer_started_at", "timer_elapsed_seconds"])
    _audit_phase(phase, Action.PHASE_CLOSED, by=by, was=WorkshopPhase.Status.OPEN)
    if phase.activity == Activity.POSTITS:
        phase_id = phase.pk
        # Queued after commit: the worker must find the closed phase and every post-it.
        transaction.on_commit(lambda: queue_aggregation(phase_id))


def phase_rebuild_outputs(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Build a closed post-it phase's table outputs again (idempotent: same post-its, same output).

    Locks nothing itself: the worker's `phase_aggregate` claims the phase and writes the outputs
    without holding the room's rows (workshops.aggregation). Allowed in a closed workshop, where the post-its can no longer change.
    """
    if phase.status != WorkshopPhase.Status.CLOSED or phase.activity != Activity.POSTITS:
        raise ValidationError(_("Only a closed post-it phase has table outputs to build."))
    if not queue_aggregation(phase.pk):
        raise ValidationError(_("The workers cannot be reached right now: the outputs will be built as soon as they are back."))
    return phase


@transaction.atomic
def phase_close(*, phase: WorkshopPhase, by=None) -> WorkshopPhase:
    """Close an open phase; its post-its are aggregated into table outputs by a worker.

    Locks: the workshop, then the phase.
    """
    workshop_lock(phase.workshop_id)
    phase = _lock_phase(phase.pk)
    if not phase.is_open:
        raise ValidationError(_("This phase is not open."))
    _close(phase, by=by)
    workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return phase


@transaction.atomic
def workshop_close(*, workshop: Workshop, by=None) -> Workshop:
    """Close the workshop and its open phase: from now on it is read-only for the room.

    Locks: the workshop, then its open phase.
    """
    workshop = workshop_lock(workshop.pk)
    if workshop.status == Workshop.Status.CLOSED:
        return workshop
    open_phases = WorkshopPhase.objects.select_for_update(no_key=True).filter(workshop=workshop, status=WorkshopPhase.Status.OPEN)
    closed = []
    for current in open_phases.order_by("position"):
        _close(current, by=by)
        closed.append(current.name)
    before = {"status": workshop.status}
    workshop.status = Workshop.Status.CLOSED
    workshop.save(update_fields=["status"])
    audit_record(
        workshop_id=workshop.pk, action=Action.WORKSHOP_CLOSED, by=by, target_type=Target.WORKSHOP, target_id=workshop.pk,
        target_label=workshop.title, before=before, after={"status": workshop.status, **({"closed_phase": closed[0]} if closed else {})},
    )
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return workshop


@transaction.atomic
def timer_start(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Start (or resume) the open phase's timer. Locks: the workshop, then the phase."""
    workshop_lock(phase.workshop_id)
    phase = _lock_phase(phase.pk)
    if not phase.is_open:
        raise ValidationError(_("Open the phase before starting its timer."))
    if phase.timer_started_at is None:
        phase.timer_started_at = timezone.now()
        phase.save(update_fields=["timer_started_at"])
        workshop_bump_version(workshop_id=phase.workshop_id, stage=True, banner_only=True)
    return phase


@transaction.atomic
def timer_pause(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Pause the phase's timer, keeping the seconds run. Locks: the workshop, then the phase."""
    workshop_lock(phase.workshop_id)
    phase = _lock_phase(phase.pk)
    if phase.timer_started_at is not None:
        phase.timer_elapsed_seconds += int((timezone.now() - phase.timer_started_at).total_seconds())
        phase.timer_started_at = None
        phase.save(update_fields=["timer_started_at", "timer_elapsed_seconds"])
        workshop_bump_version(workshop_id=phase.workshop_id, stage=True, banner_only=True)
    return phase


@transaction.atomic
def timer_reset(*, phase: WorkshopPhase) -> WorkshopPhase:
    """Stop the phase's timer and give it its full length again. Locks: the workshop, then the phase."""
    workshop_lock(phase.workshop_id)
    phase = _lock_phase(phase.pk)
    phase.timer_started_at = None
    phase.timer_elapsed_seconds = 0
    phase.save(update_fields=["timer_started_at", "timer_elapsed_seconds"])
    workshop_bump_version(workshop_id=phase.workshop_id, stage=True, banner_only=True)
    return phase


@transaction.atomic
def restitution_step(*, phase: WorkshopPhase, step: int) -> WorkshopPhase:
    """Show the next (`step` 1) or previous (-1) table of the open restitution on the projector.

    The index stays within the tables; every page follows through the stage version.
    Locks: the workshop, then the phase.
    """
    workshop_lock(phase.workshop_id)
    phase = _lock_phase(phase.pk)
    if not phase.is_open or phase.activity != Activity.RESTITUTION:
        raise ValidationError(_("Open the restitution phase to step through the tables."))
    last = max(Table.objects.filter(workshop_id=phase.workshop_id).count() - 1, 0)
    index = max(0, min(phase.restitution_index + step, last))
    if index != phase.restitution_index:
        phase.restitution_index = index
        phase.save(update_fields=["restitution_index"])
        workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return phase


UNCHANGED = object()


@transaction.atomic
def workshop_update_settings(*, workshop: Workshop, allow_self_plus_one: bool, max_participants=UNCHANGED, by=None) -> Workshop:
    """The room's rules a facilitator may switch during the workshop. Locks: the workshop.

    `max_participants`: the cap on joining (None: no cap; left as it is when not given). A cap
    below the people already there removes nobody: it only stops new ones.
    """
    workshop = workshop_lock(workshop.pk)
    if max_participants is not UNCHANGED and max_participants is not None and max_participants < 1:
        raise ValidationError({"max_participants": _("A workshop takes at least one participant.")})
    before, after = {}, {}
    if max_participants is not UNCHANGED and workshop.max_participants != max_participants:
        before["max_participants"], after["max_participants"] = workshop.max_participants, max_participants
    if workshop.allow_self_plus_one != allow_self_plus_one:
        before["allow_self_plus_one"], after["allow_self_plus_one"] = workshop.allow_self_plus_one, allow_self_plus_one
    if not after:
        return workshop
    audit_record(
        workshop_id=workshop.pk, action=Action.WORKSHOP_SETTINGS, by=by, target_type=Target.WORKSHOP,
        target_id=workshop.pk, target_label=workshop.title, before=before, after=after,
    )
    for field, value in after.items():
        setattr(workshop, field, value)
    workshop.save(update_fields=list(after))
    if "allow_self_plus_one" in after:
        workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return workshop


@transaction.atomic
def table_create(*, workshop: Workshop, name: str = "", scenario=None, capacity: int = 15) -> Table:
    """Add the next numbered table. Locks: the workshop (which also serialises the numbering)."""
    if scenario is not None and scenario.edition_id != workshop.edition_id:
        raise ValidationError({"scenario": _("This scenario belongs to another edition.")})
    _check_capacity_value(capacity)
    name = _check_length((name or "").strip(), field="name", max_length=TABLE_NAME_MAX_LENGTH)
    workshop_lock(workshop.pk)
    number = (workshop.tables.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    table = Table.objects.create(workshop=workshop, number=number, name=name, scenario=scenario, capacity=capacity)
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return table


def _check_capacity_value(capacity: int | None) -> None:
    if capacity is not None and capacity < 1:
        raise ValidationError({"capacity": _("A table seats at least one person.")})


@transaction.atomic
def table_update(*, table: Table, name: str, scenario=None, capacity: int | None = None, by=None) -> Table:
    """Rename a table, give it a scenario, change its capacity (never below the people seated there).

    Locks: the workshop, then the table.
    """
    if scenario is not None and scenario.edition_id != table.workshop.edition_id:
        raise ValidationError({"scenario": _("This scenario belongs to another edition.")})
    _check_capacity_value(capacity)
    name = _check_length((name or "").strip(), field="name", max_length=TABLE_NAME_MAX_LENGTH)
    workshop_lock(table.workshop_id)
    table = Table.objects.select_for_update(no_key=True).get(pk=table.pk)
    if capacity is not None and capacity < table.capacity:
        seated = Participant.objects.filter(table=table).count()
        if capacity < seated:
            raise ValidationError(
                {"capacity": ngettext("%(n)d person sits at this table: move them before lowering its capacity.", "%(n)d people sit at this table: move some before lowering its capacity.", seated) % {"n": seated}}
            )
    before = _table_fields(table)
    table.name = name
    table.scenario = scenario
    if capacity is not None:
        table.capacity = capacity
    table.save(update_fields=["name", "scenario", "capacity"])
    before, after = changed_fields(before, _table_fields(table))
    if after:
        audit_record(
            workshop_id=table.workshop_id, action=Action.TABLE_CHANGED, by=by, target_type=Target.TABLE, target_id=table.pk,
            target_label=table.label, before=before, after=after,
        )
    workshop_bump_version(workshop_id=table.workshop_id, stage=True)
    return table


def _table_fields(table: Table) -> dict:
    return {"name": table.name, "scenario": table.scenario.title if table.scenario_id else None, "capacity": table.capacity}


def _clean_display_name(display_name: str) -> str:
    """The name as stored (core.names: NFKC, one space between words), or a message saying what is wrong."""
    hidden = names.invisible_characters(display_name or "")
    if hidden and not names.has_visible_character(display_name):
        raise ValidationError({"display_name": _("This name is made only of invisible characters: type a name people can read.")})
    if hidden:
        raise ValidationError(
            {
                "display_name": _(
                    "A display name cannot contain invisible or control characters (here: %(characters)s): type it again by hand."
                )
                % {"characters": ", ".join(hidden)}
            }
        )
    name = names.normalise(display_name)
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
        raise ValidationError(
            {"code": ValidationError(_("No workshop has this code. Check the code shown on the projector."), code="unknown_code")}
        )
    if not workshop.is_joinable:
        raise ValidationError({"code": _("This workshop is over: its code has expired.")})
    return workshop


def _table_of_workshop(workshop_id: int, table_id) -> Table | None:
    """The table a form chose (None for "no table"); a table of another workshop is refused."""
    if not table_id:
        return None
    table = Table.objects.filter(pk=_as_pk(table_id), workshop_id=workshop_id).first()
    if table is None:
        raise ValidationError({"table": _("Choose one of this workshop's tables.")})
    return table


def _check_seat_left(table: Table, participant_id: int | None = None) -> None:
    """Capacity holds on every path; callers hold the workshop row, so seats are counted once.

    A full table is refused with the tables that still have room, so the person can pick one.
    """
    seated = Participant.objects.filter(table=table).exclude(pk=participant_id).count()
    if seated >= table.capacity:
        raise ValidationError({"table": full_table_message(table, participant_id)})


def full_table_message(table: Table, participant_id: int | None = None) -> str:
    """'This table is full' and where there is room (never the person's own table), or that every table is full."""
    full = ngettext(
        "This table is full: %(table)s has %(n)d seat.", "This table is full: %(table)s has %(n)d seats.", table.capacity
    ) % {"table": table.label, "n": table.capacity}
    own = Participant.objects.filter(pk=participant_id).values_list("table_id", flat=True).first() if participant_id else None
    room = [t for t in tables_with_seats(workshop_id=table.workshop_id) if t.seats_left > 0 and t.pk not in (table.pk, own)]
    if not room:
        return f"{full} {_('Every other table is full too: ask the facilitator for a seat.')}"
    offers = ", ".join(
        ngettext("%(table)s (%(n)d seat left)", "%(table)s (%(n)d seats left)", t.seats_left) % {"table": t.label, "n": t.seats_left}
        for t in room
    )
    return f"{full} {_('Tables with room: %(tables)s.') % {'tables': offers}}"


def _check_room_left(workshop: Workshop) -> None:
    """The facilitator's cap on participants (the caller holds the workshop's lock, so the count is final)."""
    if workshop.max_participants is None:
        return
    if Participant.objects.filter(workshop=workshop).count() >= workshop.max_participants:
        raise ValidationError(
            _("This workshop is full (%(max)d participants): ask the facilitator to make room.") % {"max": workshop.max_participants},
            code="workshop_full",
        )


@transaction.atomic
def participant_join(*, workshop: Workshop, display_name: str, table_id: int | None) -> Participant:
    """Join the workshop under a display name, at a table with a seat left (or none yet), while the
    facilitator's cap on participants (`max_participants`) leaves room.

    Locks: the workshop.
    """
    workshop = workshop_lock(workshop.pk)
    if not workshop.is_joinable:
        raise ValidationError({"code": _("This workshop is over: its code has expired.")})
    _check_room_left(workshop)
    name = _clean_display_name(display_name)
    table = _table_of_workshop(workshop.pk, table_id)
    if table is not None:
        _check_seat_left(table)
    if Participant.objects.filter(workshop=workshop, display_name__iexact=name).exists():
        raise ValidationError({"display_name": _("Someone already uses this name here: pick another one.")})
    # Under the workshop lock: two look-alike names joining at once cannot both get in.
    lookalike = names.confusable_with(name, Participant.objects.filter(workshop=workshop).values_list("display_name", flat=True))
    if lookalike is not None:
        raise ValidationError(
            {
                "display_name": _("This name looks like “%(name)s”, already in the workshop: pick one that reads differently.")
                % {"name": lookalike}
            }
        )
    try:
        with transaction.atomic():
            participant = Participant.objects.create(workshop=workshop, display_name=name, table=table)
    except IntegrityError:
        # The database has the last word on names (its unique constraint ignores case).
        raise ValidationError({"display_name": _("Someone already uses this name here: pick another one.")})
    # Nobody's board shows a newcomer, only the control room's people and tables: no version moves.
    roster_changed(workshop.pk)
    return participant


def _seat(participant: Participant, table: Table | None, is_scribe: bool) -> Participant:
    """Write a seat; the caller holds the workshop and the participant rows."""
    if is_scribe and table is None:
        raise ValidationError(_("A scribe must sit at a table."))
    if table is not None and table.pk != participant.table_id:
        _check_seat_left(table, participant.pk)
    if (participant.table_id, participant.is_scribe) == (table.pk if table else None, is_scribe):
        return participant
    participant.table = table
    participant.is_scribe = is_scribe
    participant.save(update_fields=["table", "is_scribe"])
    workshop_bump_version(workshop_id=participant.workshop_id, stage=True)
    return participant


@transaction.atomic
def participant_set_table(*, participant: Participant, table_id: int | None) -> Participant:
    """A participant changes table (or leaves theirs), if the new one has a seat left.

    A scribe's authority belongs to their seat: changing table drops it.
    Locks: the workshop, then the participant.
    """
    workshop = workshop_lock(participant.workshop_id)
    _refuse_if_closed(workshop)
    table = _table_of_workshop(workshop.pk, table_id)
    participant = _lock_participant(participant)
    if table is not None and table.pk == participant.table_id:
        return participant
    return _seat(participant, table, is_scribe=False)


@transaction.atomic
def participant_set_scribe(*, participant: Participant, is_scribe: bool) -> Participant:
    """Name the participant their table's scribe, or take it back. Locks: the workshop, then the participant."""
    workshop = workshop_lock(participant.workshop_id)
    _refuse_if_closed(workshop)
    participant = _lock_participant(participant)
    return _seat(participant, participant.table, is_scribe=is_scribe)


@transaction.atomic
def participant_seat(*, participant: Participant, table_id: int | None, is_scribe: bool | None = None, by=None) -> Participant:
    """The facilitator's seat form: a table (or none) and whether they are its scribe, in one write.

    `is_scribe=None` keeps the role if the table stays, drops it if the table changes; True or False
    is the facilitator's explicit choice for the (new) seat. A scribe without a table is refused and
    nothing is written, not even the table.
    Locks: the workshop, then the participant.
    """
    workshop = workshop_lock(participant.workshop_id)
    _refuse_if_closed(workshop)
    table = _table_of_workshop(workshop.pk, table_id)
    participant = _lock_participant(participant)
    if is_scribe is None:
        is_scribe = participant.is_scribe and table is not None and table.pk == participant.table_id
    before = _seat_fields(participant.table, participant.is_scribe)
    seated = _seat(participant, table, is_scribe=is_scribe)
    before, after = changed_fields(before, _seat_fields(table, is_scribe))
    if after:
        audit_record(
            workshop_id=workshop.pk, action=Action.PARTICIPANT_SEATED, by=by, target_type=Target.PARTICIPANT,
            target_id=participant.pk, target_label=participant.display_name, before=before, after=after,
        )
    return seated


@dataclass(frozen=True)
class Removal:
    name: str
    postits: int


@transaction.atomic
def participant_remove(*, participant: Participant, by=None) -> Removal:
    """Remove someone from the room (an intruder, a second laptop of the same person): their row
    goes, and with it their post-its, +1s, votes and promise entries, so the room no longer shows
    them. Their laptop's session loses the workshop at its next request (participation.py): the
    removal is final whatever the cache holds. Recorded in the audit trail with what went.
    Locks: the workshop, then the participant.
    """
    workshop = workshop_lock(participant.workshop_id)
    _refuse_if_closed(workshop)
    participant = _lock_participant(participant)
    postits = Contribution.objects.filter(participant=participant)
    tables = set(postits.values_list("table_id", flat=True))
    count = postits.count()
    audit_record(
        workshop_id=workshop.pk, action=Action.PARTICIPANT_REMOVED, by=by, target_type=Target.PARTICIPANT,
        target_id=participant.pk, target_label=participant.display_name,
        before={**_seat_fields(participant.table, participant.is_scribe), "postits": count},
    )
    name = participant.display_name
    participant.delete()
    for table_id in tables:
        workshop_bump_version(workshop_id=workshop.pk, table_id=table_id)
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    roster_changed(workshop.pk)
    return Removal(name=name, postits=count)


def _seat_fields(table: Table | None, is_scribe: bool) -> dict:
    return {"table": str(table.label) if table is not None else None, "scribe": is_scribe}


def _open_postit_phase(workshop_id: int) -> WorkshopPhase:
    phase = WorkshopPhase.objects.filter(workshop_id=workshop_id, status=WorkshopPhase.Status.OPEN).first()
    if phase is None or phase.activity != Activity.POSTITS:
        raise ValidationError(_("Posting is closed: wait for the facilitator to open a post-it phase."))
    return phase


@transaction.atomic
def contribution_post(*, participant: Participant, section_id: int, text: str, axis: str = "") -> Contribution:
    """Post a post-it at the participant's table, into a section of the open phase's canvas.

    Locks: the workshop (so the phase cannot close between the check and the commit).
    """
    text = (text or "").strip()
    max_length = settings.CONTRIBUTION_MAX_LENGTH
    if not text:
        raise ValidationError({"text": _("A post-it cannot be empty.")})
    if len(text) > max_length:
        raise ValidationError(
            {"text": _("A post-it has at most %(max)d characters (this one has %(n)d).") % {"max": max_length, "n": len(text)}}
        )
    workshop = workshop_lock(participant.workshop_id)
    _refuse_if_closed(workshop)
    participant = _current(participant)
    if participant.table_id is None:
        raise ValidationError(_("Pick a table before posting."))
    phase = _open_postit_phase(participant.workshop_id)
    section = next((s for s in phase_sections(phase) if s.pk == _as_pk(section_id)), None)
    if section is None:
        raise ValidationError({"section": _("This section is not part of the open phase.")})
    axis = (axis or "").strip()
    if section.axes:
        if not axis:
            # No axis is ticked in advance (a pre-ticked one filed post-its under it unnoticed): ask.
            raise ValidationError({"axis": _("Choose the axis of this post-it: %(axes)s.") % {"axes": ", ".join(section.axes)}})
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
    workshop_bump_version(
        workshop_id=participant.workshop_id,
        table_id=participant.table_id,
        change=board_changes.postit_added(contribution, workshop=workshop),
    )
    return contribution


def _as_pk(value) -> int | None:
    """A primary key from a form or URL; anything else (text, 0, out of range) is None."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk < 2**63 else None


def _current(participant: Participant) -> Participant:
    """The participant re-read under the workshop lock: seats and roles only change under it."""
    fresh = Participant.objects.filter(pk=participant.pk).first()
    if fresh is None:
        raise ValidationError(_("You are no longer part of this workshop."))
    return fresh


def _lock_contributions(*, workshop_id: int, contribution_ids) -> list[Contribution]:
    """Lock post-its of the workshop in primary-key order (after the workshop row); all must exist."""
    pks = list(dict.fromkeys(_as_pk(pk) for pk in contribution_ids))
    if not pks:
        raise ValidationError(_("Select at least one post-it."))
    if None in pks:
        # "not_found": the views and the API answer 404, not a form error.
        raise ValidationError(_("This post-it does not exist in your workshop."), code="not_found")
    contributions = list(
        # of=self: the join reads the phase without locking it (phases come before post-its).
        Contribution.objects.select_for_update(no_key=True, of=("self",))
        .select_related("phase", "participant")
        .filter(pk__in=pks, workshop_id=workshop_id)
        .order_by("pk")
    )
    if len(contributions) != len(pks):
        raise ValidationError(_("This post-it does not exist in your workshop."), code="not_found")
    return contributions


@transaction.atomic
def contribution_plus_one(*, participant: Participant, contribution_id) -> Contribution:
    """+1 a post-it of one's own table, once; the database's unique constraint has the last word.

    One's own post-it only when the workshop allows it (`allow_self_plus_one`).
    Locks: the workshop, then the post-it.
    """
    workshop = workshop_lock(participant.workshop_id)
    _refuse_if_closed(workshop)
    participant = _current(participant)
    [contribution] = _lock_contributions(workshop_id=workshop.pk, contribution_ids=[contribution_id])
    if contribution.table_id != participant.table_id:
        raise ValidationError(_("You can only +1 post-its of your own table."))
    if contribution.phase.status != WorkshopPhase.Status.OPEN:
        raise ValidationError(_("This phase is closed: +1s are no longer counted."))
    if contribution.hidden or contribution.merged_into_id:
        raise ValidationError(_("This post-it is no longer on the board."))
    if contribution.participant_id == participant.pk and not workshop.allow_self_plus_one:
        raise ValidationError(_("+1 the post-its of the others: in this workshop, your own do not take a +1."))
    try:
        with transaction.atomic():
            PlusOne.objects.create(contribution=contribution, participant=participant)
    except IntegrityError:
        raise ValidationError(_("You already gave this post-it a +1."), code="conflict")
    Contribution.objects.filter(pk=contribution.pk).update(plus_ones=F("plus_ones") + 1)
    contribution.refresh_from_db(fields=["plus_ones"])
    workshop_bump_version(
        workshop_id=participant.workshop_id,
        table_id=contribution.table_id,
        change=board_changes.plus_ones_moved(contribution),
    )
    return contribution


def _current_scribe(scribe: Participant) -> Participant:
    """The scribe as they are now, under the workshop lock: a move or a demotion has taken their role."""
    scribe = _current(scribe)
    if not scribe.is_scribe or scribe.table_id is None:
        raise ValidationError(_("Only the table's scribe can do this."))
    return scribe


def _check_scribe(participant: Participant, contribution: Contribution) -> None:
    if contribution.table_id != participant.table_id:
        raise ValidationError(_("This post-it belongs to another table."))
    if contribution.phase.status != WorkshopPhase.Status.OPEN:
        # A closed phase's post-its are what its table outputs are built from: they stay as they were.
        raise ValidationError(_("This phase is closed: its post-its can no longer be changed."))


@transaction.atomic
def contribution_set_hidden(*, scribe: Participant, contribution_id, hidden: bool) -> Contribution:
    """The scribe hides a post-it of their table (or shows it again). Locks: the workshop, then the post-it."""
    workshop = workshop_lock(scribe.workshop_id)
    _refuse_if_closed(workshop)
    scribe = _current_scribe(scribe)
    [contribution] = _lock_contributions(workshop_id=workshop.pk, contribution_ids=[contribution_id])
    _check_scribe(scribe, contribution)
    if contribution.hidden != hidden:
        audit_record(
            workshop_id=workshop.pk, action=Action.POSTIT_HIDDEN if hidden else Action.POSTIT_SHOWN, by=scribe,
            target_type=Target.POSTIT, target_id=contribution.pk, target_label=contribution.text,
            before={"hidden": contribution.hidden, "text": contribution.text}, after={"hidden": hidden},
        )
    contribution.hidden = hidden
    contribution.save(update_fields=["hidden"])
    # Hidden: it leaves the laptops' boards; shown again: they redraw (it goes back in its place).
    change = board_changes.postit_removed(contribution) if hidden else None
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=contribution.table_id, change=change)
    return contribution


@transaction.atomic
def contribution_group(*, scribe: Participant, contribution_ids: list, label: str) -> list[Contribution]:
    """Put post-its of one section under a common label (an empty label ungroups them).

    Locks: the workshop, then the post-its in primary-key order.
    """
    label = " ".join((label or "").split())
    if len(label) > GROUP_LABEL_MAX_LENGTH:
        raise ValidationError({"label": _("A group label has at most %(max)d characters.") % {"max": GROUP_LABEL_MAX_LENGTH}})
    workshop = workshop_lock(scribe.workshop_id)
    _refuse_if_closed(workshop)
    scribe = _current_scribe(scribe)
    contributions = _lock_contributions(workshop_id=workshop.pk, contribution_ids=contribution_ids)
    for contribution in contributions:
        _check_scribe(scribe, contribution)
    audit_record(
        workshop_id=workshop.pk, action=Action.POSTITS_GROUPED if label else Action.POSTITS_UNGROUPED, by=scribe,
        target_type=Target.POSTIT, target_id=contributions[0].pk, target_label=label or contributions[0].text,
        before={"postits": [{"id": c.pk, "text": c.text, "group": c.group_label} for c in contributions]},
        after={"group": label, "postits": [c.pk for c in contributions]},
    )
    Contribution.objects.filter(pk__in=[c.pk for c in contributions]).update(group_label=label)
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=scribe.table_id)
    return contributions


@transaction.atomic
def contribution_merge(*, scribe: Participant, target_id, source_id) -> Contribution:
    """Fold a duplicate post-it into another: its +1s move over, counted once per participant.

    What moved is written down (a Merge row) so that `contribution_unmerge` restores it exactly.
    Locks: the workshop, then both post-its in primary-key order (whichever is the target), then
    their +1s: two scribes merging A into B and B into A queue, and the second is told it was merged.
    """
    if _as_pk(target_id) is not None and _as_pk(target_id) == _as_pk(source_id):
        raise ValidationError(_("A post-it cannot be merged into itself."))
    workshop = workshop_lock(scribe.workshop_id)
    _refuse_if_closed(workshop)
    scribe = _current_scribe(scribe)
    if _as_pk(target_id) is None or _as_pk(source_id) is None:
        raise ValidationError(_("This post-it does not exist in your workshop."))
    locked = {c.pk: c for c in _lock_contributions(workshop_id=workshop.pk, contribution_ids=[target_id, source_id])}
    target, source = locked[_as_pk(target_id)], locked[_as_pk(source_id)]
    _check_scribe(scribe, target)
    _check_scribe(scribe, source)
    if target.section_id != source.section_id or target.phase_id != source.phase_id:
        raise ValidationError(_("Only post-its of the same section can be merged."))
    if target.merged_into_id or source.merged_into_id:
        raise ValidationError(_("This post-it was already merged."))
    before = {"text": source.text, "plus_ones": source.plus_ones, "merged_into": None}
    already = set(PlusOne.objects.filter(contribution=target).values_list("participant_id", flat=True))
    source_plus_ones = PlusOne.objects.filter(contribution=source).order_by("pk")
    moved = list(source_plus_ones.exclude(participant_id__in=already).values_list("pk", flat=True))
    removed = [
        [participant_id, created_at.isoformat()]
        for participant_id, created_at in source_plus_ones.filter(participant_id__in=already).values_list("participant_id", "created_at")
    ]
    followers = list(Contribution.objects.filter(merged_into=source).order_by("pk").values_list("pk", flat=True))
    PlusOne.objects.filter(pk__in=moved).update(contribution=target)
    PlusOne.objects.filter(contribution=source).delete()
    # Post-its merged into the source follow it.
    Contribution.objects.filter(pk__in=followers).update(merged_into=target)
    source.merged_into = target
    source.plus_ones = 0
    source.save(update_fields=["merged_into", "plus_ones"])
    target.plus_ones = PlusOne.objects.filter(contribution=target).count()
    target.save(update_fields=["plus_ones"])
    Merge.objects.create(
        source=source, target=target, moved_plus_ones=moved, removed_plus_ones=removed, followers=followers, merged_by=scribe
    )
    # The group as it stands now: the target, the source and whatever had been merged into the source.
    members = [{"id": c.pk, "text": c.text} for c in [target, source, *Contribution.objects.filter(pk__in=followers).order_by("pk")]]
    audit_record(
        workshop_id=workshop.pk, action=Action.POSTIT_MERGED, by=scribe, target_type=Target.POSTIT, target_id=source.pk,
        target_label=source.text, before=before,
        after={"merged_into": {"id": target.pk, "text": target.text}, "postits": members},
    )
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=target.table_id)
    return target


@transaction.atomic
def contribution_unmerge(*, scribe: Participant, contribution_id) -> Contribution:
    """Undo the merge of a post-it: it is back on the board with the +1s it had, and so are the
    post-its that had followed it; the target keeps only its own.

    A merge whose target was merged further is undone after that later merge (last done, first undone).
    Locks: the workshop, then the source, its target and the followers in primary-key order, then their +1s.
    """
    workshop = workshop_lock(scribe.workshop_id)
    _refuse_if_closed(workshop)
    scribe = _current_scribe(scribe)
    # Read under the workshop lock, which every merge and undo holds: the row cannot change meanwhile.
    merge = Merge.objects.filter(source_id=_as_pk(contribution_id), source__workshop_id=workshop.pk).first()
    involved = [contribution_id] if merge is None else [merge.source_id, merge.target_id, *merge.followers]
    locked = {c.pk: c for c in _lock_contributions(workshop_id=workshop.pk, contribution_ids=involved)}
    source = locked[_as_pk(contribution_id)]
    _check_scribe(scribe, source)
    if merge is None:
        raise ValidationError(_("This post-it is not merged into another one: there is nothing to undo."))
    target = locked[merge.target_id]
    # Followed its target into a later merge (or the target was merged since): that one comes undone first.
    if source.merged_into_id != target.pk or target.merged_into_id:
        raise ValidationError(_("The post-it it was merged into was merged in turn: undo that merge first."))
    PlusOne.objects.filter(pk__in=merge.moved_plus_ones, contribution=target).update(contribution=source)
    still_here = set(Participant.objects.filter(pk__in=[pid for pid, _at in merge.removed_plus_ones]).values_list("pk", flat=True))
    for participant_id, created_at in merge.removed_plus_ones:
        if participant_id not in still_here:
            continue
        plus_one = PlusOne.objects.create(contribution=source, participant_id=participant_id)
        # created_at is auto_now_add: the original time is written back after the insert.
        PlusOne.objects.filter(pk=plus_one.pk).update(created_at=datetime.datetime.fromisoformat(created_at))
    Contribution.objects.filter(pk__in=merge.followers, merged_into=target).update(merged_into=source)
    for post_it in (source, target):
        post_it.plus_ones = PlusOne.objects.filter(contribution=post_it).count()
    source.merged_into = None
    source.save(update_fields=["merged_into", "plus_ones"])
    target.save(update_fields=["plus_ones"])
    merge.delete()
    back = [{"id": c.pk, "text": c.text} for c in Contribution.objects.filter(merged_into=source).order_by("pk")]
    audit_record(
        workshop_id=workshop.pk, action=Action.POSTIT_UNMERGED, by=scribe, target_type=Target.POSTIT, target_id=source.pk,
        target_label=source.text, before={"merged_into": {"id": target.pk, "text": target.text}},
        after={"merged_into": None, "plus_ones": source.plus_ones, "postits": [{"id": source.pk, "text": source.text}, *back]},
    )
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=source.table_id)
    return source


@transaction.atomic
def contribution_delete(*, participant: Participant, contribution_id) -> Contribution:
    """Delete a post-it its author no longer wants kept (DESIGN: a participant owns their words).

    Allowed to its author while the workshop is live, in any phase: a participant may take back
    what they wrote, not only what they wrote in the open phase. Its +1s go with it. A post-it
    others were merged into is refused until a scribe undoes those merges: deleting it would drop
    the +1s that moved onto it from other people's post-its. When the phase's outputs were built
    already, they are built again without it (after the commit, by the worker).
    Locks: the workshop, then the post-it.
    """
    workshop = workshop_lock(participant.workshop_id)
    if workshop.status != Workshop.Status.LIVE:
        raise ValidationError(_("Post-its can be deleted only while the workshop is live."))
    participant = _current(participant)
    (contribution,) = _lock_contributions(workshop_id=workshop.pk, contribution_ids=[contribution_id])
    if contribution.participant_id != participant.pk:
        # As for a post-it of another workshop: nobody learns what others wrote by guessing ids.
        raise ValidationError(_("This post-it does not exist in your workshop."), code="not_found")
    if Merge.objects.filter(target=contribution).exists():
        raise ValidationError(
            _("A scribe merged other post-its into this one: ask your table's scribe to undo the merge, then delete it.")
        )
    phase = contribution.phase
    contribution.delete()
    workshop_bump_version(workshop_id=workshop.pk, table_id=contribution.table_id, stage=phase.aggregated_at is not None)
    if phase.status == WorkshopPhase.Status.CLOSED and phase.activity == Activity.POSTITS and phase.aggregated_at is not None:
        phase_id = phase.pk
        transaction.on_commit(lambda: queue_aggregation(phase_id))
    return contribution


SYNTHESIS_MAX_LENGTH = 5000


@transaction.atomic
def synthesis_save(*, scribe: Participant, text: str) -> TableSynthesis:
    """The scribe writes their table's synthesis during an open synthesis phase (saving again replaces it).

    Locks: the workshop, then the table's synthesis row (by update_or_create).
    """
    text = (text or "").strip()
    if len(text) > SYNTHESIS_MAX_LENGTH:
        raise ValidationError(
            {"text": _("A synthesis has at most %(max)d characters (this one has %(n)d).") % {"max": SYNTHESIS_MAX_LENGTH, "n": len(text)}}
        )
    workshop = workshop_lock(scribe.workshop_id)
    _refuse_if_closed(workshop)
    scribe = _current_scribe(scribe)
    phase = WorkshopPhase.objects.filter(workshop_id=scribe.workshop_id, status=WorkshopPhase.Status.OPEN).first()
    if phase is None or phase.activity != Activity.SYNTHESIS:
        raise ValidationError(_("The synthesis is written during a synthesis phase: wait for the facilitator to open one."))
    synthesis, _created = TableSynthesis.objects.update_or_create(
        phase=phase, table_id=scribe.table_id, defaults={"text": text, "written_by": scribe}
    )
    workshop_bump_version(workshop_id=scribe.workshop_id, table_id=scribe.table_id)
    return synthesis
