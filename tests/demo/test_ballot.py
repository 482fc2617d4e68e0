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


def test_the_demo_map_is_two_closed_scales_placing_the_19_scenarios_and_loads_once(db):
    from demo.ballot import DEVELOPED_PLACES, MAP_BALLOTS, demo_map_load
    from demo.seed import questions_numeriques as seed
    from demo.seed.load import demo_load
    from voting.cartography import map_points

    workshop = demo_load(password="pw").workshop
    x, y = demo_map_load(workshop=workshop)
    assert [x.title, y.title] == [b["title"] for b in MAP_BALLOTS]
    assert all(b.method == "scale" and b.status == Ballot.Status.CLOSED and (b.scale_min, b.scale_max) == (1, 5) for b in (x, y))
    assert ballot_tally(ballot=x).papers == 100
    points = {p.label: p for p in map_points(x_ballot=x, y_ballot=y)}
    assert len(points) == 19 and sum(p.retained for p in points.values()) == 7
    for data, (px, py) in zip(seed.DEVELOPED_SCENARIOS, DEVELOPED_PLACES):
        point = points[data["title"]]
        assert point.retained and abs(point.x - px) < 0.3 and abs(point.y - py) < 0.3
    count = Ballot.objects.count()
    assert demo_map_load(workshop=workshop) == [x, y] and Ballot.objects.count() == count
