"""Load the promise workshop of 24 October 2012 (demo/seed/promesse.py) as a workshop at its restitution.

The room's work is written as it would have been: the participants' post-its (aggregated into the
table's outputs by the real aggregation), the scribe's bilan, the persona cards with their numbered
steps, the keyword wall (the kept ones marked), the table's phrases, the produced promise with its
alternatives, the key actions, the stakeholders and the commitments. Every phase is closed but the
restitution, which is open: whoever joins with the code reads the report there.

Loaded once: a workshop with this join code is left as it is (its facilitator may have edited it),
so running the loader again changes nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from promises.keywords import keyword_key
from promises.models import (
    Commitment,
    KeyAction,
    Keyword,
    KeywordEntry,
    Persona,
    PersonaStep,
    Phrase,
    Promise,
    PromiseAlternative,
    Stakeholder,
    StakeholderItem,
)
from workshops import services
from workshops.aggregation import phase_aggregate
from workshops.models import Activity, Contribution, Participant, TableSynthesis, Workshop, WorkshopPhase

from . import promesse
from .questions_numeriques import DEMO_USERS


def _participants(workshop: Workshop, table) -> list[Participant]:
    people = [
        Participant.objects.create(workshop=workshop, table=table, display_name=name, is_scribe=(n == 0))
        for n, name in enumerate(promesse.PARTICIPANTS)
    ]
    return people


def _postits(phase: WorkshopPhase, table, people: list[Participant], items: dict) -> None:
    """The items as the room's post-its, each section's in the report's order, then the table's output."""
    sections = {s.slug: s for s in phase.sections.all()}
    n = 0
    for slug, entries in items.items():
        for axis, text in entries:
            Contribution.objects.create(
                workshop_id=phase.workshop_id, phase=phase, table=table, participant=people[n % len(people)],
                section=sections[slug], axis=axis, text=text,
            )  # fmt: skip
            n += 1
    phase_aggregate(phase_id=phase.pk)


def _personas(workshop: Workshop, table) -> None:
    for data in promesse.PERSONAS:
        persona = Persona.objects.create(
            workshop=workshop, table=table, name=data["name"], age=data["age"], profile=data["profile"], keywords=data["keywords"]
        )
        PersonaStep.objects.bulk_create(
            PersonaStep(persona=persona, position=n, text=text) for n, text in enumerate(data["steps"], start=1)
        )


def _keywords(workshop: Workshop, people: list[Participant]) -> list[Keyword]:
    """The wall: each keyword given by one person of the room (the report gives no counts), the 6-7 kept marked."""
    kept = []
    for n, label in enumerate(promesse.KEPT_KEYWORDS + promesse.OTHER_KEYWORDS):
        is_kept = label in promesse.KEPT_KEYWORDS
        keyword = Keyword.objects.create(workshop=workshop, key=keyword_key(label), label=label, kept=is_kept)
        KeywordEntry.objects.create(keyword=keyword, participant=people[n % len(people)], text=label)
        if is_kept:
            kept.append(keyword)
    return kept


def _promise(workshop: Workshop, table, people: list[Participant], kept: list[Keyword]) -> None:
    Promise.objects.create(
        edition_id=workshop.edition_id, workshop=workshop, kind=Promise.Kind.EVALUATED, **promesse.EVALUATED_PROMISE
    )
    phrases = [promesse.RETAINED_PHRASE, *promesse.ALTERNATIVE_PHRASES]
    for n, text in enumerate(phrases):
        Phrase.objects.create(workshop=workshop, table=table, author=people[n % len(people)], text=text)
    produced = Promise.objects.create(
        edition_id=workshop.edition_id,
        workshop=workshop,
        kind=Promise.Kind.PRODUCED,
        phrase=promesse.RETAINED_PHRASE,
        benefits="\n".join(promesse.BENEFITS),
    )
    PromiseAlternative.objects.bulk_create(
        PromiseAlternative(promise=produced, position=n, phrase=text) for n, text in enumerate(promesse.ALTERNATIVE_PHRASES, start=1)
    )
    produced.keywords.set(kept)


def _actions(workshop: Workshop) -> None:
    KeyAction.objects.bulk_create(
        KeyAction(workshop=workshop, position=n, text=text) for n, text in enumerate(promesse.KEY_ACTIONS, start=1)
    )
    for position, data in enumerate(promesse.STAKEHOLDERS, start=1):
        role = Stakeholder.objects.create(workshop=workshop, position=position, name=data["name"])
        StakeholderItem.objects.bulk_create(
            [StakeholderItem(stakeholder=role, kind="obstacle", position=n, text=t) for n, t in enumerate(data["obstacles"], start=1)]
            + [StakeholderItem(stakeholder=role, kind="action", position=n, text=t) for n, t in enumerate(data["actions"], start=1)]
        )


def _commitments(workshop: Workshop, people: list[Participant]) -> None:
    # The report signs none of them.
    for n, text in enumerate(promesse.COMMITMENTS):
        Commitment.objects.create(workshop=workshop, participant=people[n % len(people)], text=text, signed=False)


def _create(*, edition, format, facilitator) -> Workshop:
    data = promesse.WORKSHOP
    workshop = services.workshop_create(
        edition=edition, format=format, title=data["title"], user=facilitator,
        date=datetime.date.fromisoformat(data["date"]), place=data["place"], table_count=1,
    )  # fmt: skip
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.LIVE)  # its join code: random, as every workshop's
    workshop.refresh_from_db()
    table = workshop.tables.get()
    people = _participants(workshop, table)
    phases = {p.name: p for p in workshop.phases.all()}
    # Every phase but the restitution has been run: closed, as after the day.
    now = timezone.now()
    workshop.phases.exclude(activity=Activity.RESTITUTION).update(status=WorkshopPhase.Status.CLOSED, opened_at=now, closed_at=now)
    _postits(phases["Évaluer la promesse"], table, people, promesse.EVALUATION)
    _postits(phases["Ce qui va changer"], table, people, promesse.TOMORROW)
    TableSynthesis.objects.create(phase=phases["Bilan de l'évaluation"], table=table, text=promesse.BILAN, written_by=people[0])
    _personas(workshop, table)
    kept = _keywords(workshop, people)
    _promise(workshop, table, people, kept)
    _actions(workshop)
    _commitments(workshop, people)
    services.phase_open(phase=workshop.phases.get(activity=Activity.RESTITUTION))
    workshop.refresh_from_db()
    return workshop


def promise_workshop_load(*, edition, format, facilitator) -> tuple[Workshop, bool]:
    """The promise workshop of the demo, created with its content the first time only."""
    existing = promise_demo_workshops().first()
    if existing is not None:
        return existing, False
    return _create(edition=edition, format=format, facilitator=facilitator), True


def demo_workshops_titled(title: str, date: str):
    """A demo workshop: the seed's title and date, run by the demo's facilitator. Its join code is
    random (a fixed one would open a served demo to whoever read the repository), so it is not how
    the demo finds its workshops; a workshop of that title someone else runs is theirs."""
    return Workshop.objects.filter(
        title=title, date=datetime.date.fromisoformat(date), facilitators__username=DEMO_USERS["facilitator"]["username"]
    ).distinct()


def promise_demo_workshops():
    """The demo's promise workshop: what a reset of the demo deletes before loading it again."""
    data = promesse.WORKSHOP
    return demo_workshops_titled(data["title"], data["date"])
