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
