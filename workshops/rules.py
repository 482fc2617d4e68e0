"""Who may do what in a workshop, and when: named rules (django-rules).

The design, shared by voting/rules.py and scenarios/rules.py:

- The **actor** is whoever makes the request. Staff have an account (a `User`); participants have
  none, their browser session says who they are (participation.py). A predicate therefore takes
  a `Visitor` (the user *and* the participant this browser joined the target's workshop as), or
  just a `User` (`user.has_perm(...)`, the `{% has_perm %}` tag) or just a `Participant`.
  `visitor_of()` reads any of the three.
- The **target** is the object acted on: a Workshop, a Table, a Contribution, a Ballot… A
  predicate finds the workshop and the table of any of them (`workshop_of`, `table_id_of`), so one
  predicate serves every target: "participant of this workshop" is true of a Contribution of it.
- Each action is one named rule, **who & when**: `workshops.post_contribution` is "a participant
  of this workshop, seated" & "the workshop is not closed and a post-it phase is open".
  `rules.has_perm(name, visitor, target)` answers both.
- Pages and the API are guarded (workshops/guards.py) by the rule's **access** part (`access()`):
  who, and the workshop's lasting state (a closed workshop never reopens, so it is read-only for
  its participants and scribes). Refused, the visitor gets a 403 (or the login / join page). The
  **timing** part (a phase or a ballot open) flips under the facilitator's hand between the page
  and the click: the service checks it again under the workshop's lock and answers with a message
  the page shows (422), never a bare 403. The full rule is what a page asks to show or hide a form.
- Which workshops a user runs is one QuerySet method, `Workshop.objects.facilitated_by()`; the
  rule `workshops.run_workshop` asks it, so the dashboard's list and the permission never disagree.
"""

from __future__ import annotations

import rules

from core.rules import add_action, is_editor, is_facilitator, is_superuser, visitor_of

from .models import Activity, Contribution, Participant, Table, Workshop, WorkshopPhase
from .selectors import canvas_runs_a_workshop

# --- Targets -------------------------------------------------------------------------------------


def workshop_of(target) -> Workshop | None:
    """The workshop a target belongs to (a Workshop is its own)."""
    if target is None or isinstance(target, Workshop):
        return target
    return getattr(target, "workshop", None)


def workshop_id_of(target) -> int | None:
    """The id of the workshop a target belongs to, without a query."""
    if target is None or isinstance(target, Workshop):
        return target.pk if target is not None else None
    return getattr(target, "workshop_id", None)


def table_id_of(target) -> int | None:
    """The table a target is about: a Table, or the table of a post-it or of a table ballot."""
    if isinstance(target, Table):
        return target.pk
    return getattr(target, "table_id", None)


def _participant_here(actor, target) -> Participant | None:
    """The actor's participant, if it belongs to the target's workshop."""
    participant = visitor_of(actor).participant
    workshop_id = workshop_id_of(target)
    if participant is None or workshop_id is None or participant.workshop_id != workshop_id:
        return None
    return participant


@rules.predicate
def facilitates_workshop(actor, target) -> bool:
    """Facilitator of this workshop: the one definition is `Workshop.objects.facilitated_by`."""
    workshop_id = workshop_id_of(target)
    user = visitor_of(actor).user
    if workshop_id is None or not user.is_authenticated:
        return False
    return Workshop.objects.facilitated_by(user).filter(pk=workshop_id).exists()


@rules.predicate
def is_participant(actor, target) -> bool:
    """Participant of this workshop: the browser joined the target's workshop."""
    return _participant_here(actor, target) is not None


@rules.predicate
def is_seated(actor, target) -> bool:
    """A participant of this workshop who sits at a table."""
    participant = _participant_here(actor, target)
    return participant is not None and participant.table_id is not None


@rules.predicate
def is_seated_at_table(actor, target) -> bool:
    """Seated at the target's table (a Table, or a post-it's table)."""
    participant = _participant_here(actor, target)
    table_id = table_id_of(target)
    return participant is not None and table_id is not None and participant.table_id == table_id


@rules.predicate
def is_scribe_of_table(actor, target) -> bool:
    """Scribe of this table: the authority belongs to the seat, so it holds only at their own table."""
    participant = _participant_here(actor, target)
    return participant is not None and participant.is_scribe and is_seated_at_table(actor, target)


@rules.predicate
def wrote_contribution(actor, contribution) -> bool:
    """The author of this post-it: what one wrote is one's own to take back."""
    participant = _participant_here(actor, contribution)
    return participant is not None and isinstance(contribution, Contribution) and contribution.participant_id == participant.pk


# --- States --------------------------------------------------------------------------------------


def _workshop_status(status: str):
    @rules.predicate(name=f"workshop_is_{status}")
    def workshop_in_status(_actor, target) -> bool:
        workshop = workshop_of(target)
        return workshop is not None and workshop.status == status

    return workshop_in_status


workshop_is_draft = _workshop_status(Workshop.Status.DRAFT)
workshop_is_live = _workshop_status(Workshop.Status.LIVE)
workshop_is_closed = _workshop_status(Workshop.Status.CLOSED)


def _open_phase(target) -> WorkshopPhase | None:
    if isinstance(target, Contribution):
        # A post-it belongs to its phase: +1s count while that phase, not another, is open.
        return target.phase if target.phase.is_open else None
    workshop_id = workshop_id_of(target)
    if workshop_id is None:
        return None
    return WorkshopPhase.objects.filter(workshop_id=workshop_id, status=WorkshopPhase.Status.OPEN).first()


def _phase_open(activity: str):
    @rules.predicate(name=f"{activity}_phase_open")
    def phase_open(_actor, target) -> bool:
        phase = _open_phase(target)
        return phase is not None and phase.activity == activity

    return phase_open


postit_phase_open = _phase_open(Activity.POSTITS)
discover_phase_open = _phase_open(Activity.DISCOVER)
synthesis_phase_open = _phase_open(Activity.SYNTHESIS)

# --- Rules ---------------------------------------------------------------------------------------



writable = ~workshop_is_closed  # a closed workshop is read-only for participants and scribes

# Staff.
add_action("workshops.create_workshop", is_facilitator)
add_action("workshops.run_workshop", facilitates_workshop)  # control room, phases, tables, seats, projector
# Remove someone from the room, with what they posted: while the workshop is not closed (its record is final then).
add_action("workshops.remove_participant", facilitates_workshop & writable)

# Participants: target the workshop, unless said otherwise.
add_action("workshops.view_workshop", is_participant)  # the canvas page, its poll, the board API
add_action("workshops.change_table", is_participant & writable)
# The scenarios on offer (their narratives, timelines, tags), searched: the room reads them before voting.
add_action("workshops.discover_scenarios", is_participant, discover_phase_open)
add_action("workshops.post_contribution", is_seated & writable, postit_phase_open)
add_action("workshops.plus_one", is_seated_at_table & writable, postit_phase_open)  # target: the post-it
# What one wrote, reviewed on a page of its own and taken back while the workshop is live.
add_action("workshops.view_own_contributions", is_participant)
add_action("workshops.delete_own_contribution", wrote_contribution & workshop_is_live)  # target: the post-it
# The outputs and synthesis of a table (target: the table): its people, and those who run or edit.
add_action("workshops.view_outputs", is_seated_at_table | facilitates_workshop | is_editor)
# The whole record as files (JSON, Markdown, CSV; voting/record.py): whoever runs the workshop, at any
# time; editors once it is closed, since they consolidate the cahier from it afterwards. It names who
# wrote and voted what, so neither participants nor other facilitators get it.
add_action("workshops.export_workshop", facilitates_workshop | is_editor & workshop_is_closed)
# The audit trail (who hid, merged, opened, closed, revealed…; workshops.audit): those who run the
# workshop. Not its participants, not other facilitators; editors read the record once it is closed.
add_action("workshops.view_audit_trail", facilitates_workshop)
# The list of those records (`Workshop.objects.records_for`): staff who run workshops or edit cahiers.
add_action("workshops.view_records", is_facilitator | is_editor)

# Scribes (target: the table, or the post-it).
add_action("workshops.scribe_table", is_scribe_of_table)  # the scribe's board, read-only once closed
add_action("workshops.moderate_contribution", is_scribe_of_table & writable)  # hide, group, merge
add_action("workshops.write_synthesis", is_scribe_of_table & writable, synthesis_phase_open)


# Formats and canvases ----------------------------------------------------------------------------
# A format or canvas belongs to its author (`owner`) and the co-owners they name; one without an
# owner is shipped as data (the seed formats): every facilitator may use and duplicate it, only a
# superuser edits it. `Format.objects.usable_by` / `editable_by` say the same of a list.


@rules.predicate
def owns(actor, obj):
    """The author of this format or canvas."""
    user = visitor_of(actor).user
    return obj is not None and user.is_authenticated and obj.owner_id == user.pk


@rules.predicate
def co_owns(actor, obj):
    """A facilitator the author shared this format or canvas with."""
    user = visitor_of(actor).user
    # all(), not filter(): the lists prefetch co-owners, so a page of cards asks nothing more.
    return obj is not None and user.is_authenticated and any(u.pk == user.pk for u in obj.co_owners.all())


@rules.predicate
def is_shipped_as_data(user, obj):
    """A seed format or canvas: nobody's, shared by every facilitator."""
    return obj is not None and obj.owner_id is None


@rules.predicate
def canvas_on_a_format_they_edit(actor, canvas):
    """A co-owner of a format may see the canvases its phases post into, to keep or change them."""
    user = visitor_of(actor).user
    if canvas is None or not user.is_authenticated:
        return False
    from .models import Format, FormatPhase

    return FormatPhase.objects.filter(canvas=canvas, format__in=Format.objects.editable_by(user)).exists()


@rules.predicate
def canvas_in_use(user, canvas):
    """A live or closed workshop runs on this canvas: its sections no longer change (see formats.py)."""
    return canvas is not None and canvas_runs_a_workshop(canvas)


may_edit_owned = is_superuser | is_facilitator & (owns | co_owns)
may_delete_owned = is_superuser | is_facilitator & owns

rules.add_perm("workshops.use_format", is_superuser | is_facilitator & (is_shipped_as_data | owns | co_owns))
rules.add_perm("workshops.edit_format", may_edit_owned)
rules.add_perm("workshops.delete_format", may_delete_owned)
rules.add_perm("workshops.share_format", may_delete_owned)

rules.add_perm(
    "workshops.use_canvas",
    is_superuser | is_facilitator & (is_shipped_as_data | owns | co_owns | canvas_on_a_format_they_edit),
)
rules.add_perm("workshops.edit_canvas", may_edit_owned)
rules.add_perm("workshops.edit_canvas_sections", may_edit_owned & ~canvas_in_use)
rules.add_perm("workshops.delete_canvas", may_delete_owned)
rules.add_perm("workshops.share_canvas", may_delete_owned)
