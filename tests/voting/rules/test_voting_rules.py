"""Every voting rule, for every role, in every state of the ballot (and of a closed workshop)."""

import pytest
import rules

from tests.rules_world import PARTICIPANTS, ROLES
from tests.voting.factories import make_ballot
from voting import services
from voting.models import Ballot
from workshops import services as workshop_services
from workshops.models import Workshop
from core.rules import access

STATES = ["draft", "open", "closed", "revealed", "workshop_closed"]
ALWAYS = set(STATES)
RUNNERS = {"facilitator", "superuser"}

# rule: (target, roles it lets in, states it lets them in) for a room-wide ballot.
RULES = {
    "voting.run_ballots": ("ballot", RUNNERS, ALWAYS),
    "voting.export_ballot": ("ballot", RUNNERS, ALWAYS),
    "voting.view_ballots": ("workshop", PARTICIPANTS, ALWAYS),
    # A draft is nobody's to see; a closed workshop takes no more votes.
    "voting.cast_vote": ("ballot", PARTICIPANTS, {"open"}),
}
ACCESS = {**RULES, "voting.cast_vote": ("ballot", PARTICIPANTS, ALWAYS - {"draft"})}


def _put(world, state, **settings) -> dict:
    ballot = make_ballot(world.workshop, open=state != "draft", **settings)
    # Voting needs a live workshop: the room's first phase is open.
    workshop_services.phase_open(phase=world.workshop.phases.get(position=1))
    if state in ("closed", "revealed"):
        ballot = services.ballot_close(ballot=ballot, open_assignment=False)
    if state == "revealed":
        ballot = services.ballot_reveal(ballot=ballot)
    if state == "workshop_closed":
        workshop_services.workshop_close(workshop=world.workshop)
    return {
        "workshop": Workshop.objects.get(pk=world.workshop.pk),
        "ballot": Ballot.objects.select_related("workshop").get(pk=ballot.pk),
    }


def _row(check, world, target):
    return {role: check(world.visitor(role), target) for role in ROLES}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_lets_in_exactly_its_roles_in_its_states(world, rule, state):
    target_name, roles, states = RULES[rule]
    target = _put(world, state)[target_name]
    expected = {role: role in roles and state in states for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm(rule, visitor, obj), world, target) == expected


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(ACCESS))
def test_the_guards_access_part_refuses_outsiders_in_every_state(world, rule, state):
    target_name, roles, states = ACCESS[rule]
    target = _put(world, state)[target_name]
    expected = {role: role in roles and state in states for role in ROLES}
    assert _row(lambda visitor, obj: access(rule).test(visitor, obj), world, target) == expected


@pytest.mark.parametrize(
    "state,hide_results,public",
    [
        ("draft", True, False),
        ("open", True, False),
        ("closed", True, False),
        ("revealed", True, True),
        ("open", False, True),  # results never hidden: shown live
        ("draft", False, False),  # but a draft is nobody's to see
    ],
)
def test_results_are_the_runners_and_once_public_the_rooms(world, state, hide_results, public):
    ballot = _put(world, state, hide_results=hide_results)["ballot"]
    expected = {role: role in RUNNERS or (public and role in PARTICIPANTS) for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm("voting.view_results", visitor, obj), world, ballot) == expected


@pytest.mark.parametrize("state", ["open", "revealed"])
def test_a_table_ballot_is_only_for_the_people_seated_at_that_table(world, state):
    ballot = _put(world, state, table=world.table1, hide_results=False)["ballot"]
    seated_here = {"participant", "scribe"}
    assert _row(lambda visitor, obj: access("voting.cast_vote").test(visitor, obj), world, ballot) == {
        role: role in seated_here for role in ROLES
    }
    assert _row(lambda visitor, obj: rules.has_perm("voting.view_results", visitor, obj), world, ballot) == {
        role: role in seated_here | RUNNERS for role in ROLES
    }


def test_every_voting_rule_is_in_the_matrix():
    registered = {name for name in rules.permissions.permissions if name.startswith("voting.")}
    assert registered == set(RULES) | {"voting.view_results"}
