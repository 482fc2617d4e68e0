"""Ballot life cycle and outcomes: open, close, reveal, retain the top N, settle ties, seat people."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from scenarios.models import Scenario
from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Ballot
from workshops import services as workshop_services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "method, settings, field",
    [
        ("dots", {"budget": 3, "max_per_option": 4}, "max_per_option"),
        ("approval", {"min_choices": 3, "max_choices": 2}, "min_choices"),
        ("approval", {"max_choices": 9}, "max_choices"),
        ("scale", {"scale_min": 5, "scale_max": 1}, "scale_max"),
        ("dots", {"retain_count": 3}, "retain_count"),
    ],
)
def test_inconsistent_settings_are_refused(live_workshop, method, settings, field):
    with pytest.raises(ValidationError) as error:
        make_ballot(live_workshop, method, open=False, **settings)
    assert field in error.value.message_dict
    assert not Ballot.objects.exists()


def test_a_ballot_needs_options(live_workshop):
    with pytest.raises(ValidationError, match="au moins une option"):
        make_ballot(live_workshop, "dots", labels=["  ", ""], open=False)


def test_a_ballot_defaults_to_the_workshops_vote_phase(live_workshop):
    ballot = make_ballot(live_workshop, "dots", open=False)
    assert ballot.phase.activity == "vote"


def test_reveal_needs_an_opened_ballot(live_workshop):
    ballot = make_ballot(live_workshop, "dots", open=False)
    with pytest.raises(ValidationError):
        services.ballot_reveal(ballot=ballot)
    services.ballot_open(ballot=ballot)
    assert services.ballot_reveal(ballot=ballot).revealed


def _retain_ballot(workshop, scenario_factory, n_options=4, retain=2):
    scenarios = [scenario_factory(edition=workshop.edition, title=f"Scénario {i}") for i in range(n_options)]
    ballot = make_ballot(
        workshop, "approval", options=services.options_from_scenarios(workshop=workshop), retain_count=retain, max_choices=retain
    )
    return ballot, scenarios


def test_closing_a_retain_ballot_retains_the_top_scenarios_and_opens_tables(live_workshop, participant_factory, scenario_factory):
    ballot, scenarios = _retain_ballot(live_workshop, scenario_factory)
    a, b, c, d = option_ids(ballot)
    voters = [participant_factory(workshop=live_workshop, table=None) for _ in range(3)]
    for voter, picks in zip(voters, [[a, b], [a, c], [a, b]]):
        services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=picks)

    ballot = services.ballot_close(ballot=ballot)

    assert not ballot.outcome_pending and ballot.assignment_open
    assert set(ballot.options.filter(retained=True).values_list("pk", flat=True)) == {a, b}
    retained = Scenario.objects.filter(status="retained")
    assert set(retained) == {scenarios[0], scenarios[1]}
    tables = live_workshop.tables.filter(scenario__in=retained)
    assert tables.count() == 2
    assert all(t.capacity == 2 for t in tables)  # 3 people over 2 tables


def test_a_tie_on_the_boundary_waits_for_the_facilitator(live_workshop, participant_factory, scenario_factory):
    ballot, scenarios = _retain_ballot(live_workshop, scenario_factory)
    a, b, c, d = option_ids(ballot)
    for picks in ([a, b], [a, c]):
        services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=picks)

    ballot = services.ballot_close(ballot=ballot)

    assert ballot.outcome_pending and not ballot.assignment_open
    assert [o.pk for o in services.ballot_tied_options(ballot=ballot)] == [b, c]
    with pytest.raises(ValidationError, match="exactement 1"):
        services.ballot_settle_tie(ballot=ballot, option_ids=[b, c])
    with pytest.raises(ValidationError, match="parmi les options à égalité"):
        services.ballot_settle_tie(ballot=ballot, option_ids=[d])
    ballot = services.ballot_settle_tie(ballot=ballot, option_ids=[c])
    assert set(ballot.options.filter(retained=True).values_list("pk", flat=True)) == {a, c}
    assert ballot.assignment_open


def test_participants_pick_a_table_within_its_capacity(live_workshop, participant_factory, scenario_factory):
    ballot, scenarios = _retain_ballot(live_workshop, scenario_factory)
    a, b, c, d = option_ids(ballot)
    people = [participant_factory(workshop=live_workshop, table=None) for _ in range(4)]
    for person in people:
        services.vote_cast(participant=person, ballot_id=ballot.pk, choices=[a, b])
    workshop_services.table_create(workshop=live_workshop)  # a third table, left without a scenario
    services.ballot_close(ballot=ballot)
    first, second = services.assignment_tables(workshop_id=live_workshop.pk)
    assert first.capacity == 2

    services.table_pick(participant=people[0], table_id=first.pk)
    services.table_pick(participant=people[1], table_id=first.pk)
    with translation.override("en"), pytest.raises(ValidationError, match=f"This table is full: {first.label} has 2 seats. Tables with room: {second.label} \\(2 seats left\\)"):
        services.table_pick(participant=people[2], table_id=first.pk)
    services.table_pick(participant=people[2], table_id=second.pk)
    with pytest.raises(ValidationError, match="scénarios retenus"):
        services.table_pick(participant=people[3], table_id=live_workshop.tables.filter(scenario__isnull=True).first().pk)
    people[2].refresh_from_db()
    assert people[2].table == second


def test_ballot_prepare_takes_the_options_of_its_source_and_the_settings_of_its_method(live_workshop):
    table = live_workshop.tables.order_by("number").last()
    ballot = services.ballot_prepare(
        workshop=live_workshop, title="Souhaitable ?", method="scale", source="lines", lines="A\n\nB", table_id=table.pk,
        settings={"scale_min": -2, "scale_max": None, "budget": 0, "anonymous": False},
    )  # fmt: skip
    assert list(ballot.options.values_list("label", flat=True)) == ["A", "B"]
    assert (ballot.scale_min, ballot.scale_max, ballot.budget, ballot.anonymous, ballot.table) == (-2, 5, 5, False, table)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"source": "outputs"}, "source"),
        ({"source": "elsewhere"}, "source"),
        ({"source": "lines", "lines": "A", "method": "plurality"}, "method"),
        ({"source": "lines", "lines": "A", "table_id": 10**9}, "table"),
        ({"source": "lines", "lines": "A\nB", "settings": {"budget": 2, "max_per_option": 3}}, "max_per_option"),
    ],
)
def test_ballot_prepare_refuses_bad_input_and_writes_nothing(live_workshop, kwargs, field):
    with pytest.raises(ValidationError) as error:
        services.ballot_prepare(workshop=live_workshop, title="T", **{"method": "dots", **kwargs})
    assert field in error.value.message_dict
    assert not Ballot.objects.exists()


def test_ballot_prepare_refuses_another_workshops_table(live_workshop, workshop_factory):
    elsewhere = workshop_factory().tables.create(number=9)
    with pytest.raises(ValidationError) as error:
        services.ballot_prepare(workshop=live_workshop, title="T", method="yesno", source="lines", lines="A", table_id=elsewhere.pk)
    assert "table" in error.value.message_dict and not Ballot.objects.exists()


def test_every_ballot_change_moves_the_stage_but_a_vote_does_not(live_workshop, participant_factory, scenario_factory):
    """The participants' vote pages poll the stage version: what they show must move it, a vote must not.

    A vote moves no workshop version at all (no screen but the ballot's tally shows it, and votes
    holding the workshop row shared could not all update it): it moves the tally's version only.
    """
    from voting.selectors import tally_version
    from workshops.models import Workshop

    def versions():
        return Workshop.objects.values_list("version", "stage_version").get(pk=live_workshop.pk)

    for title in ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    options = services.options_from_scenarios(workshop=live_workshop)
    before = versions()
    ballot = make_ballot(live_workshop, "approval", options=options, open=False, retain_count=1)
    assert versions()[1] == before[1]  # a draft is not on anybody's page
    steps = [
        lambda: services.ballot_open(ballot=ballot),
        lambda: services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=[option_ids(ballot)[0]]),
        lambda: services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=[option_ids(ballot)[1]]),
        lambda: services.ballot_close(ballot=ballot),
        lambda: services.ballot_settle_tie(ballot=ballot, option_ids=[option_ids(ballot)[0]]),
        lambda: services.ballot_reveal(ballot=ballot),
        lambda: services.ballot_reveal(ballot=ballot, revealed=False),
    ]
    moves_stage = [True, False, False, True, True, True, True]
    is_vote = [False, True, True, False, False, False, False]
    for step, stage, vote in zip(steps, moves_stage, is_vote, strict=True):
        version, stage_version = versions()
        tally = tally_version(Ballot.objects.get(pk=ballot.pk))
        step()
        after = versions()
        assert (after[0] > version) == (not vote)
        assert (after[1] > stage_version) == stage
        assert tally_version(Ballot.objects.get(pk=ballot.pk)) != tally


# --- Retaining fills the tables the room already has ----------------------------------------------


def test_retained_scenarios_fill_the_tables_without_a_scenario_before_new_ones(live_workshop, participant_factory, scenario_factory):
    ballot, scenarios = _retain_ballot(live_workshop, scenario_factory, n_options=4, retain=3)
    a, b, c, d = option_ids(ballot)
    first, second = live_workshop.tables.order_by("number")
    seated = [participant_factory(workshop=live_workshop, table=first) for _ in range(5)]
    for person in seated:
        services.vote_cast(participant=person, ballot_id=ballot.pk, choices=[a, b, c])

    services.ballot_close(ballot=ballot)

    tables = list(live_workshop.tables.order_by("number").values_list("number", "scenario__title", "capacity"))
    # Tables 1 and 2 take the first two scenarios, a third table the last: 5 people over 3 tables = 2 seats,
    # but table 1 keeps a seat for each of the 5 people already sitting there.
    assert tables == [(1, "Scénario 0", 5), (2, "Scénario 1", 2), (3, "Scénario 2", 2)]
    assert all(p.table_id == first.pk for p in live_workshop.participants.all())


def test_a_scenario_that_already_has_a_table_keeps_it(live_workshop, participant_factory, scenario_factory):
    ballot, scenarios = _retain_ballot(live_workshop, scenario_factory, n_options=3, retain=2)
    a, b, c = option_ids(ballot)
    second = live_workshop.tables.get(number=2)
    workshop_services.table_update(table=second, name="Salle B", scenario=scenarios[1])
    services.vote_cast(participant=participant_factory(workshop=live_workshop, table=None), ballot_id=ballot.pk, choices=[a, b])

    services.ballot_close(ballot=ballot)

    tables = list(live_workshop.tables.order_by("number").values_list("number", "name", "scenario__title"))
    assert tables == [(1, "Scénario 0", "Scénario 0"), (2, "Salle B", "Scénario 1")]
