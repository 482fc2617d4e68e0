"""The demo workshop's ballot: the seed's real choice of 7 scenarios out of 19."""

import pytest

from demo.ballot import DEMO_TITLE, demo_ballot_load
from voting.models import Ballot
from voting.selectors import ballot_tally

pytestmark = pytest.mark.django_db


def test_the_demo_ballot_retains_the_seven_developed_scenarios(workshop_factory, scenario_factory):
    workshop = workshop_factory()
    developed = {scenario_factory(edition=workshop.edition, status="developed").pk for _ in range(7)}
    for _ in range(12):
        scenario_factory(edition=workshop.edition, status="proposed")

    ballot = demo_ballot_load(workshop=workshop)

    assert ballot.title == DEMO_TITLE and ballot.status == Ballot.Status.CLOSED and ballot.revealed
    assert ballot.options.count() == 19
    assert set(ballot.options.filter(retained=True).values_list("scenario_id", flat=True)) == developed
    tally = ballot_tally(ballot=ballot)
    assert tally.papers == 100 == tally.eligible
    top7 = {row.option.scenario_id for row in tally.ranked_rows[:7]}
    assert top7 == developed
    assert demo_ballot_load(workshop=workshop) == ballot
    assert Ballot.objects.count() == 1
