"""The demo workshop's real choice: which 7 of the 19 rupture scenarios to develop (the cahier 2012/2013)."""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from scenarios.models import Scenario
from workshops.models import Participant, Workshop

from voting import tallies
from voting.models import Allocation, Ballot, BallotOption, BallotPaper, Method
from voting.services import ballot_create, options_from_scenarios

from .seed import questions_numeriques as seed

DEMO_TITLE = "Quels 7 scénarios développer ?"
DEMO_QUESTION = "Choisissez jusqu'à 7 des 19 scénarios de rupture : les 7 les plus choisis seront développés en tables."
DEMO_VOTERS = 100
RETAIN = 7


def _demo_participants(workshop: Workshop, count: int) -> list[Participant]:
    people = list(Participant.objects.filter(workshop=workshop).order_by("pk"))
    taken = {p.display_name.lower() for p in people}
    missing = []
    n = 1
    while len(people) + len(missing) < count:
        name = f"Participant·e {n:03d}"
        n += 1
        if name.lower() not in taken:
            missing.append(Participant(workshop=workshop, display_name=name))
    Participant.objects.bulk_create(missing)
    return list(Participant.objects.filter(workshop=workshop).order_by("pk"))[:count]


def _demo_papers(developed: list[int], proposed: list[int], voters: int) -> list[list[int]]:
    """Each voter approves 7 scenarios, mostly among the developed ones: a plausible, fixed result."""
    rng = random.Random(20121206)
    papers = []
    for _ in range(voters):
        k = rng.choice([4, 5, 5, 6, 6, 7])
        picks = rng.sample(developed, min(k, len(developed))) + rng.sample(proposed, min(RETAIN - k, len(proposed)))
        papers.append(picks)
    return papers


@transaction.atomic
def demo_ballot_load(*, workshop: Workshop) -> Ballot:
    """Load (once) the closed, revealed approval ballot over the edition's scenarios.

    Its result retains exactly the scenarios whose status is "developed". The papers are written
    directly, as a fixture of the past: the live services refuse to open a ballot in a closed workshop.
    """
    existing = Ballot.objects.filter(workshop=workshop, title=DEMO_TITLE).first()
    if existing is not None:
        return existing
    options = options_from_scenarios(workshop=workshop)
    ballot = ballot_create(
        workshop=workshop,
        title=DEMO_TITLE,
        question=DEMO_QUESTION,
        method=Method.APPROVAL,
        options=options,
        min_choices=1,
        max_choices=min(RETAIN, len(options)),
        retain_count=min(RETAIN, max(len(options) - 1, 1)),
        shuffle_options=True,
        hide_results=True,
        forbid_own=False,
        anonymous=True,
    )
    by_scenario = {o.scenario_id: o.pk for o in ballot.options.all()}
    developed_ids = set(
        Scenario.objects.filter(edition_id=workshop.edition_id, status=Scenario.Status.DEVELOPED).values_list("pk", flat=True)
    )
    developed = [by_scenario[s] for s in sorted(developed_ids)]
    proposed = [pk for s, pk in sorted(by_scenario.items()) if s not in developed_ids]
    participants = _demo_participants(workshop, DEMO_VOTERS)
    picks = _demo_papers(developed, proposed, len(participants))

    papers = BallotPaper.objects.bulk_create(BallotPaper(ballot=ballot, participant=p, revision=1) for p in participants)
    Allocation.objects.bulk_create(
        Allocation(paper=paper, option_id=option_id, value=1) for paper, chosen in zip(papers, picks) for option_id in chosen
    )
    scores = tallies.approval_counts(list(by_scenario.values()), picks)
    retained, tied = tallies.top_n(scores, ballot.retain_count)
    # The seed's outcome is a fact: the fixed draw above must reproduce it (and roll back otherwise).
    if tied or set(retained) != set(developed):
        raise ValueError(f"The demo votes must retain the {RETAIN} developed scenarios of the edition.")
    BallotOption.objects.filter(ballot=ballot, pk__in=retained).update(retained=True)
    start = timezone.make_aware(datetime.datetime.combine(workshop.date, datetime.time(10, 30)))
    Ballot.objects.filter(pk=ballot.pk).update(
        status=Ballot.Status.CLOSED,
        revealed=True,
        opened_at=start,
        closed_at=start + datetime.timedelta(minutes=15),
        version=2,
    )
    ballot.refresh_from_db()
    return ballot


# The map of the seed cahier ("cartographie des scénarios de rupture"): the 19 scenarios placed by
# the room on two scale questions, the 7 retained in capitals. The seed prints the map without its
# numbers: these answers are a fixed draw that puts the retained ones high on both questions.
MAP_BALLOTS = (
    {
        "title": "Plausibilité",
        "question": "Ce scénario vous paraît-il plausible d'ici 10 ans ?",
        "scale_min_label": "improbable",
        "scale_max_label": "très plausible",
    },
    {
        "title": "Impact",
        "question": "S'il arrivait, quel serait son impact ?",
        "scale_min_label": "marginal",
        "scale_max_label": "majeur",
    },
)
MAP_SEED = 20111019
# Where each scenario lands on average (plausibility, impact), by its place in the seed: the 7
# developed ones in the upper half, the 12 others below and around them, spread so that their
# titles sit beside their dots.
DEVELOPED_PLACES = [(2.9, 4.25), (1.5, 4.6), (4.2, 4.3), (2.3, 3.8), (3.2, 3.85), (3.6, 3.3), (1.7, 3.45)]
OTHER_PLACES = [
    (1.5, 2.7), (2.3, 3.05), (3.4, 2.75), (4.2, 2.35), (1.8, 2.0), (2.6, 2.3),
    (3.5, 2.05), (1.3, 1.7), (2.9, 1.45), (3.3, 1.75), (1.3, 1.15), (4.3, 1.3),
]  # fmt: skip


def _map_targets(scenarios: list[Scenario]) -> dict[int, tuple[float, float]]:
    """Each scenario's mean answers: developed ones take DEVELOPED_PLACES in the seed's order, the others OTHER_PLACES."""
    by_slug = {s.slug: s for s in scenarios}
    targets = {}
    developed = [d["slug"] for d in seed.DEVELOPED_SCENARIOS]
    others = [d["slug"] for d in seed.OTHER_SCENARIOS]
    for slugs, places in ((developed, DEVELOPED_PLACES), (others, OTHER_PLACES)):
        for slug, place in zip(slugs, places):
            if slug in by_slug:
                targets[by_slug.pop(slug).pk] = place
    for n, scenario in enumerate(sorted(by_slug.values(), key=lambda s: s.pk)):  # not in the seed: along the middle
        targets[scenario.pk] = (1.5 + (n % 7) * 0.5, 3.0)
    return targets


@transaction.atomic
def demo_map_load(*, workshop: Workshop) -> list[Ballot]:
    """Load (once) the two closed scale ballots whose answers draw the demo's map of scenarios.

    As `demo_ballot_load`, the papers are written directly, a fixture of the past: 100 voters
    answer each question for each scenario, around a fixed mean.
    """
    existing = list(Ballot.objects.filter(workshop=workshop, method=Method.SCALE, title__in=[b["title"] for b in MAP_BALLOTS]))
    if len(existing) == len(MAP_BALLOTS):
        return sorted(existing, key=lambda b: (b.created_at, b.pk))
    scenarios = list(Scenario.objects.filter(edition_id=workshop.edition_id))
    targets = _map_targets(scenarios)
    participants = _demo_participants(workshop, DEMO_VOTERS)
    rng = random.Random(MAP_SEED + 1)
    start = timezone.make_aware(datetime.datetime.combine(workshop.date, datetime.time(10, 50)))
    ballots = []
    for axis, data in enumerate(MAP_BALLOTS):
        if any(b.title == data["title"] for b in existing):
            ballots.append(next(b for b in existing if b.title == data["title"]))
            continue
        ballot = ballot_create(
            workshop=workshop, method=Method.SCALE, options=options_from_scenarios(workshop=workshop),
            scale_min=1, scale_max=5, anonymous=True, forbid_own=False, **data,
        )  # fmt: skip
        options = {o.scenario_id: o.pk for o in ballot.options.all()}
        papers = BallotPaper.objects.bulk_create(BallotPaper(ballot=ballot, participant=p, revision=1) for p in participants)
        Allocation.objects.bulk_create(
            Allocation(paper=paper, option_id=options[scenario_id], value=min(5, max(1, round(rng.gauss(target[axis], 0.6)))))
            for paper in papers
            for scenario_id, target in sorted(targets.items())
        )
        opened = start + datetime.timedelta(minutes=10 * axis)
        Ballot.objects.filter(pk=ballot.pk).update(
            status=Ballot.Status.CLOSED, revealed=True, opened_at=opened, closed_at=opened + datetime.timedelta(minutes=8), version=2
        )
        ballot.refresh_from_db()
        ballots.append(ballot)
    return ballots
