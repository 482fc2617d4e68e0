"""Forced interleavings on PostgreSQL for the voting services (see tests/interleave.py).

Every voting write takes the workshop row first, like the workshop's own services: a seat taken
at a retained scenario's table racing a facilitator's seat form, a close retaining scenarios while
the facilitator edits their table, a vote racing the close or its voter leaving the table: each
pair either serialises or refuses with a readable message, never a deadlock.
"""

import pytest
from django.core.exceptions import ValidationError

from tests.interleave import assert_no_database_error, pair
from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Ballot, BallotPaper
from voting.selectors import ballot_tally
from workshops import services as workshop_services
from workshops.models import Participant, Workshop

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def retained_table(live_workshop, scenario_factory, participant_factory):
    """A closed retain ballot whose scenario has a table of one seat, open for picking."""
    scenario = scenario_factory(edition=live_workshop.edition, title="Posséder, c'est dépassé")
    scenario_factory(edition=live_workshop.edition, title="La fin du salariat")
    ballot = make_ballot(live_workshop, "approval", options=services.options_from_scenarios(workshop=live_workshop), retain_count=1)
    voter = participant_factory(workshop=live_workshop, table=None)
    services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=[ballot.options.get(scenario=scenario).pk])
    services.ballot_close(ballot=ballot)
    table = live_workshop.tables.get(scenario=scenario)
    workshop_services.table_update(table=table, name="", scenario=scenario, capacity=1)
    return table


@pytest.mark.parametrize("swap", [False, True], ids=["vote-first", "close-first"])
def test_a_vote_and_closing_the_ballot_both_finish(live_workshop, participant_factory, swap):
    voter = participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")
    a = option_ids(ballot)[0]

    voted, closed = pair(
        lambda: services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=[a]),
        lambda: services.ballot_close(ballot=ballot),
        swap,
    )

    assert_no_database_error({"vote": voted, "close": closed})
    assert isinstance(closed, Ballot)
    # Either the vote landed before the close, or it was refused after it.
    assert BallotPaper.objects.filter(ballot=ballot).exists() == (not swap)
    assert isinstance(voted, ValidationError) == swap


@pytest.mark.parametrize("swap", [False, True], ids=["vote-first", "workshop-close-first"])
def test_a_vote_and_closing_the_workshop_both_finish(live_workshop, participant_factory, swap):
    voter = participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")

    voted, closed = pair(
        lambda: services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=option_ids(ballot)[:1]),
        lambda: workshop_services.workshop_close(workshop=live_workshop),
        swap,
    )

    assert_no_database_error({"vote": voted, "close": closed})
    assert Workshop.objects.get(pk=live_workshop.pk).status == Workshop.Status.CLOSED
    assert BallotPaper.objects.filter(ballot=ballot).exists() == (not swap)


@pytest.mark.parametrize("swap", [False, True], ids=["vote-first", "leave-first"])
def test_a_table_vote_and_its_voter_leaving_the_table_both_finish(live_workshop, participant_factory, swap):
    table = live_workshop.tables.get(number=1)
    voter = participant_factory(workshop=live_workshop, table=table)
    ballot = make_ballot(live_workshop, "approval", table=table)

    voted, left = pair(
        lambda: services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=option_ids(ballot)[:1]),
        lambda: workshop_services.participant_set_table(participant=voter, table_id=None),
        swap,
    )

    assert_no_database_error({"vote": voted, "leave": left})
    assert isinstance(left, Participant)
    # Left first: the vote is refused. Voted first: the paper is kept but no longer counts.
    assert isinstance(voted, ValidationError) == swap
    assert ballot_tally(ballot=ballot).papers == 0


@pytest.mark.parametrize("swap", [False, True], ids=["reveal-first", "vote-first"])
def test_revealing_the_results_and_a_vote_both_finish(live_workshop, participant_factory, swap):
    voter = participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")

    revealed, voted = pair(
        lambda: services.ballot_reveal(ballot=ballot),
        lambda: services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=option_ids(ballot)[:1]),
        swap,
    )

    assert_no_database_error({"reveal": revealed, "vote": voted})
    ballot.refresh_from_db()
    assert ballot.revealed and ballot_tally(ballot=ballot).papers == 1


SEAT_TAKERS = {
    # Someone walks over to the table, or the facilitator seats someone there as its scribe.
    "set_table": lambda participant, table: workshop_services.participant_set_table(participant=participant, table_id=table.pk),
    "seat": lambda participant, table: workshop_services.participant_seat(participant=participant, table_id=table.pk, is_scribe=True),
}


@pytest.mark.parametrize("swap", [False, True], ids=["pick-first", "other-first"])
@pytest.mark.parametrize("other", sorted(SEAT_TAKERS))
def test_picking_the_last_seat_while_someone_else_takes_it_leaves_one_seated(live_workshop, retained_table, participant_factory, other, swap):
    picker = participant_factory(workshop=live_workshop, table=None)
    someone = participant_factory(workshop=live_workshop, table=None)

    picked, taken = pair(
        lambda: services.table_pick(participant=picker, table_id=retained_table.pk),
        lambda: SEAT_TAKERS[other](someone, retained_table),
        swap,
    )

    assert_no_database_error({"pick": picked, other: taken})
    assert Participant.objects.filter(table=retained_table).count() == 1
    # The first one in sits down; the second learns the table is full.
    assert [isinstance(o, ValidationError) for o in (picked, taken)] == ([True, False] if swap else [False, True])


@pytest.mark.parametrize("swap", [False, True], ids=["pick-first", "table-update-first"])
def test_picking_a_seat_while_the_facilitator_edits_the_table_both_finish(live_workshop, retained_table, participant_factory, swap):
    picker = participant_factory(workshop=live_workshop, table=None)

    picked, updated = pair(
        lambda: services.table_pick(participant=picker, table_id=retained_table.pk),
        lambda: workshop_services.table_update(table=retained_table, name="Salle A", scenario=retained_table.scenario, capacity=2),
        swap,
    )

    assert_no_database_error({"pick": picked, "update": updated})
    retained_table.refresh_from_db()
    assert (retained_table.name, retained_table.capacity) == ("Salle A", 2)
    assert Participant.objects.get(pk=picker.pk).table_id == retained_table.pk


@pytest.mark.parametrize("swap", [False, True], ids=["close-first", "table-update-first"])
def test_a_close_retaining_scenarios_while_the_facilitator_edits_their_table_both_finish(
    live_workshop, scenario_factory, participant_factory, swap
):
    scenario = scenario_factory(edition=live_workshop.edition, title="Posséder, c'est dépassé")
    scenario_factory(edition=live_workshop.edition, title="La fin du salariat")
    # The scenario has its table already: the close only balances its capacity (_apply_retain).
    table = workshop_services.table_create(workshop=live_workshop, name="", scenario=scenario, capacity=15)
    ballot = make_ballot(live_workshop, "approval", options=services.options_from_scenarios(workshop=live_workshop), retain_count=1)
    voter = participant_factory(workshop=live_workshop, table=None)
    services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=[ballot.options.get(scenario=scenario).pk])

    closed, updated = pair(
        lambda: services.ballot_close(ballot=ballot),
        lambda: workshop_services.table_update(table=table, name="Salle A", scenario=scenario, capacity=30),
        swap,
    )

    assert_no_database_error({"close": closed, "update": updated})
    assert isinstance(closed, Ballot) and closed.assignment_open
    table.refresh_from_db()
    assert table.name == "Salle A"
    # Whoever wrote last set the capacity: the facilitator's 30, or after it the balanced share (1 voter, 1 table).
    assert table.capacity == (1 if swap else 30)
