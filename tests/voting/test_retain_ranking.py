"""A ranking ballot retains by the Schulze order (Condorcet winner first), not by the Borda count it also shows."""

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.selectors import ballot_tally

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranking(live_workshop, scenario_factory):
    for title in ["A. Posséder, c'est dépassé", "B. La fin du salariat", "C. Tous fabricants"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    return make_ballot(
        live_workshop, "ranking", options=services.options_from_scenarios(workshop=live_workshop),
        retain_count=1, max_choices=3, min_choices=3,
    )  # fmt: skip


def cast(workshop, participant_factory, ballot, *orders):
    for order in orders:
        voter = participant_factory(workshop=workshop)
        services.vote_cast(participant=voter, ballot_id=ballot.pk, choices={pk: rank for rank, pk in enumerate(order, start=1)})


def test_borda_and_schulze_disagree_and_schulze_decides(live_workshop, participant_factory, ranking, client, facilitator):
    a, b, c = option_ids(ranking)
    # 3 voters: A > B > C; 2 voters: B > C > A.
    cast(live_workshop, participant_factory, ranking, *([[a, b, c]] * 3 + [[b, c, a]] * 2))
    # By hand, Borda with 3 options gives 2, 1, 0 points:
    #   A = 3×2 + 2×0 = 6, B = 3×1 + 2×2 = 7, C = 3×0 + 2×1 = 2 → Borda would retain B.
    # Head to head: A beats B 3–2 and A beats C 3–2 → A is the Condorcet winner (B beats C 5–0).
    tally = ballot_tally(ballot=ranking)
    assert tally.scores() == {a: 6, b: 7, c: 2}
    assert tally.condorcet.pk == a
    assert [[o.pk for o in tier] for tier in tally.schulze] == [[a], [b], [c]]

    closed = services.ballot_close(ballot=ranking)

    assert not closed.outcome_pending
    assert list(closed.options.filter(retained=True).values_list("pk", flat=True)) == [a]
    client.force_login(facilitator)
    page = client.get(reverse("voting:ballot", kwargs={"workshop_pk": live_workshop.pk, "ballot_pk": ranking.pk}))
    assert 'id="vote-decided"' in page.content.decode() and "Schulze" in page.content.decode()


def test_the_facilitator_page_names_the_method_in_english(live_workshop, participant_factory, ranking, client, facilitator, english):
    client.force_login(facilitator)
    page = client.get(reverse("voting:ballot", kwargs={"workshop_pk": live_workshop.pk, "ballot_pk": ranking.pk})).content.decode()
    assert "Decided by the Schulze method" in page


def test_a_cycle_is_a_tie_for_the_facilitator_to_settle(live_workshop, participant_factory, ranking):
    a, b, c = option_ids(ranking)
    # A > B > C, B > C > A, C > A > B: each beats another 2–1, a cycle with equal strengths.
    cast(live_workshop, participant_factory, ranking, [a, b, c], [b, c, a], [c, a, b])

    closed = services.ballot_close(ballot=ranking)

    assert closed.outcome_pending
    assert {o.pk for o in services.ballot_tied_options(ballot=closed)} == {a, b, c}
    services.ballot_settle_tie(ballot=closed, option_ids=[b])
    assert list(closed.options.filter(retained=True).values_list("pk", flat=True)) == [b]


def test_schulze_breaks_a_cycle_by_its_strongest_paths(live_workshop, participant_factory, scenario_factory):
    for title in ["A", "B", "C", "D"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    ballot = make_ballot(
        live_workshop, "ranking", options=services.options_from_scenarios(workshop=live_workshop), retain_count=2, max_choices=4
    )
    a, b, c, d = option_ids(ballot)
    # 4 × A>B>C>D, 3 × B>C>A>D, 2 × C>A>B>D: A beats B 6–3, B beats C 7–2, C beats A 5–4 (a cycle), all beat D 9–0.
    # Strongest paths: A→B 6, A→C min(6,7)=6, B→C 7, B→A min(7,5)=5, C→A 5, C→B min(5,6)=5.
    # So A > B (6 > 5), A > C (6 > 5), B > C (7 > 5): the order is A, B, C, D; Borda (A 19, B 19, C 16) ties A and B.
    cast(live_workshop, participant_factory, ballot, *([[a, b, c, d]] * 4 + [[b, c, a, d]] * 3 + [[c, a, b, d]] * 2))
    tally = ballot_tally(ballot=ballot)
    assert tally.condorcet is None
    assert tally.scores() == {a: 4 * 3 + 3 * 1 + 2 * 2, b: 4 * 2 + 3 * 3 + 2 * 1, c: 4 * 1 + 3 * 2 + 2 * 3, d: 0}

    closed = services.ballot_close(ballot=ballot, open_assignment=False)

    assert not closed.outcome_pending
    assert set(closed.options.filter(retained=True).values_list("pk", flat=True)) == {a, b}
