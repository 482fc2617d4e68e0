"""Every workshops rule, for every role, in every state of the workshop and its phases.

Each case compares the whole row of roles at once, so a failure prints who got in and who did not.
"""

import pytest
import rules

from tests import factories
from tests.rules_world import PARTICIPANTS, ROLES
from workshops import services
from workshops.models import Activity, Contribution, Table, Workshop, WorkshopPhase
from core.rules import access

STATES = ["draft", "discover", "postits", "synthesis", "between", "closed"]
ALWAYS = set(STATES)
WRITABLE = ALWAYS - {"closed"}
LIVE = WRITABLE - {"draft"}

# rule: (target, roles it lets in, states it lets them in)
RULES = {
    "workshops.create_workshop": (None, {"facilitator", "other_facilitator", "superuser"}, ALWAYS),
    "workshops.run_workshop": ("workshop", {"facilitator", "superuser"}, ALWAYS),
    "workshops.remove_participant": ("workshop", {"facilitator", "superuser"}, WRITABLE),
    "workshops.view_workshop": ("workshop", PARTICIPANTS, ALWAYS),
    "workshops.change_table": ("workshop", PARTICIPANTS, WRITABLE),
    # Reading the scenarios on offer: any participant, seated or not, while the discovery is open.
    "workshops.discover_scenarios": ("workshop", PARTICIPANTS, {"discover"}),
    "workshops.post_contribution": ("workshop", PARTICIPANTS, {"postits"}),
    "workshops.plus_one": ("postit", {"participant", "scribe"}, {"postits"}),
    "workshops.view_outputs": ("table1", {"participant", "scribe", "facilitator", "editor", "superuser"}, ALWAYS),
    "workshops.scribe_table": ("table1", {"scribe"}, ALWAYS),
    "workshops.moderate_contribution": ("postit", {"scribe"}, WRITABLE),
    "workshops.write_synthesis": ("table1", {"scribe"}, {"synthesis"}),
    # The record as files: its facilitators at any time, editors once it is closed (for the cahier).
    "workshops.export_workshop": ("workshop", {"facilitator": ALWAYS, "superuser": ALWAYS, "editor": {"closed"}}, ALWAYS),
    # The audit trail: those who run the workshop, in every state; no participant, editor or other facilitator.
    "workshops.view_audit_trail": ("workshop", {"facilitator", "superuser"}, ALWAYS),
    "workshops.view_records": (None, {"facilitator", "other_facilitator", "editor", "superuser"}, ALWAYS),
    # What one wrote: listed for any participant, deleted by its author (here the participant's own post-it).
    "workshops.view_own_contributions": ("workshop", PARTICIPANTS, ALWAYS),
    "workshops.delete_own_contribution": ("own_postit", {"participant"}, LIVE),
}

# What the pages and the API enforce (403): the rule without its timing part, which the service
# checks again under the workshop lock and answers with a message.
ACCESS = {
    **RULES,
    "workshops.discover_scenarios": ("workshop", PARTICIPANTS, ALWAYS),
    "workshops.post_contribution": ("workshop", PARTICIPANTS, WRITABLE),
    "workshops.plus_one": ("postit", {"participant", "scribe"}, WRITABLE),
    "workshops.write_synthesis": ("table1", {"scribe"}, WRITABLE),
}


@pytest.fixture
def in_state(world):
    """Put the workshop in a state; return its objects freshly read, as a request would."""
    workshop = world.workshop
    author = factories.ParticipantFactory(workshop=workshop, table=world.table1, display_name="Auteur")
    postit = factories.ContributionFactory(participant=author)  # opens the first post-it phase: live
    own_postit = factories.ContributionFactory(participant=world.visitor("participant").participant)
    first = workshop.phases.get(position=1)
    synthesis = WorkshopPhase.objects.create(workshop=workshop, position=9, name="Synthèse", activity=Activity.SYNTHESIS)
    discovery = WorkshopPhase.objects.create(workshop=workshop, position=8, name="Découverte", activity=Activity.DISCOVER)

    def put(state):
        if state == "between":
            services.phase_close(phase=first)
        elif state == "synthesis":
            services.phase_open(phase=synthesis)
        elif state == "discover":
            services.phase_open(phase=discovery)
        elif state == "draft":
            services.phase_close(phase=first)
            Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.DRAFT)
        elif state == "closed":
            services.workshop_close(workshop=workshop)
        return {
            None: None,
            "workshop": Workshop.objects.get(pk=workshop.pk),
            "table1": Table.objects.select_related("workshop").get(pk=world.table1.pk),
            "postit": Contribution.objects.select_related("phase", "workshop").get(pk=postit.pk),
            "own_postit": Contribution.objects.select_related("phase", "workshop").get(pk=own_postit.pk),
        }

    return put


def _expected(roles, states, state) -> dict:
    """Who the rule lets in, in this state: `roles` is a set (each in `states`) or {role: its own states}."""
    if isinstance(roles, dict):
        return {role: state in roles.get(role, ()) and state in states for role in ROLES}
    return {role: role in roles and state in states for role in ROLES}


def _row(check, world, target):
    return {role: check(world.visitor(role), target) for role in ROLES}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_lets_in_exactly_its_roles_in_its_states(world, in_state, rule, state):
    target_name, roles, states = RULES[rule]
    target = in_state(state)[target_name]
    expected = _expected(roles, states, state)
    assert _row(lambda visitor, obj: rules.has_perm(rule, visitor, obj), world, target) == expected


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(ACCESS))
def test_the_guards_access_part_refuses_outsiders_in_every_state(world, in_state, rule, state):
    target_name, roles, states = ACCESS[rule]
    target = in_state(state)[target_name]
    expected = _expected(roles, states, state)
    assert _row(lambda visitor, obj: access(rule).test(visitor, obj), world, target) == expected


def test_every_workshops_rule_is_in_the_matrix():
    from tests.workshops.rules.test_format_rules import OWNED

    # The formats' and canvases' rules have their own matrix (test_format_rules.py).
    registered = {name for name in rules.permissions.permissions if name.startswith("workshops.")}
    assert registered == set(RULES) | set(OWNED)


def test_a_scribe_is_scribe_of_their_seat_only(world):
    """Authority belongs to the seat: the scribe of table 1 is nobody's scribe at table 2."""
    scribe = world.visitor("scribe")
    assert rules.has_perm("workshops.scribe_table", scribe, world.table1)
    assert not rules.has_perm("workshops.scribe_table", scribe, world.table2)
    scribe.participant.table = world.table2  # seated elsewhere, even keeping the flag
    assert not rules.has_perm("workshops.scribe_table", scribe, world.table1)


def test_a_standing_scribe_scribes_no_table(world):
    scribe = world.visitor("scribe")
    scribe.participant.table = None
    assert not rules.has_perm("workshops.scribe_table", scribe, None)
    assert not rules.has_perm("workshops.post_contribution", scribe, world.workshop)


def test_the_rule_and_the_dashboard_list_agree_on_who_runs_a_workshop(world):
    """One definition: Workshop.objects.facilitated_by, which the rule asks."""
    alice = world.visitor("facilitator").user
    assert list(Workshop.objects.facilitated_by(alice)) == [world.workshop]
    # Listed as a facilitator of the workshop but no longer holding the role: neither lists nor lets in.
    alice.groups.clear()
    assert list(Workshop.objects.facilitated_by(alice)) == []
    assert not rules.has_perm("workshops.run_workshop", alice, world.workshop)


def test_a_superuser_runs_every_workshop_and_the_dashboard_lists_them_all(world):
    root = world.visitor("superuser").user
    assert set(Workshop.objects.facilitated_by(root)) == {world.workshop, world.other_workshop}
    assert rules.has_perm("workshops.run_workshop", root, world.other_workshop)


def test_a_user_object_and_a_participant_object_are_actors_too(world):
    """user.has_perm and the {% has_perm %} tag pass a User; services may pass a Participant."""
    alice = world.visitor("facilitator").user
    daniel = world.visitor("participant").participant
    assert alice.has_perm("workshops.run_workshop", world.workshop)
    assert not alice.has_perm("workshops.post_contribution", world.workshop)
    assert rules.has_perm("workshops.view_workshop", daniel, world.workshop)
    assert not rules.has_perm("workshops.view_workshop", daniel, world.other_workshop)
