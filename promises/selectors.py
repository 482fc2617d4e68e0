"""Reads of the promise workshop's artefacts, each with a fixed number of queries whatever the room."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from voting.models import Ballot
from voting.selectors import ballot_tally
from workshops.models import Workshop

from .models import (
    ACTION_MAX_LENGTH,
    Commitment,
    KeyAction,
    Keyword,
    KeywordEntry,
    Persona,
    PersonaStep,
    Phrase,
    Promise,
    PromiseBallot,
    Stakeholder,
    StakeholderItem,
)

# The wall draws a keyword in one of these sizes, by how many people gave it relative to the most given.
WALL_SIZES = 5


def personas(*, workshop: Workshop, table_id: int | None = None) -> list[Persona]:
    """The personas of a table (or of every table), each with its steps in order (2 queries)."""
    found = Persona.objects.filter(workshop=workshop).select_related("table")
    if table_id is not None:
        found = found.filter(table_id=table_id)
    return list(found.prefetch_related(Prefetch("steps", queryset=PersonaStep.objects.order_by("position"))))


@dataclass
class WallWord:
    keyword: Keyword
    givers: int  # distinct participants, those of the keywords merged into it included
    size: int  # 1..WALL_SIZES
    merged: list[Keyword]

    @property
    def label(self) -> str:
        return self.keyword.label


def keyword_wall(*, workshop: Workshop) -> list[WallWord]:
    """The wall: each keyword not merged into another, with its distinct givers, most given first (2 queries)."""
    keywords = list(Keyword.objects.filter(workshop=workshop).order_by("label", "pk"))
    counts = dict(
        KeywordEntry.objects.filter(keyword__workshop=workshop)
        .annotate(root=Coalesce("keyword__merged_into_id", "keyword_id"))
        .values("root")
        .annotate(n=Count("participant", distinct=True))
        .values_list("root", "n")
    )
    merged: dict[int, list[Keyword]] = {}
    for keyword in keywords:
        if keyword.merged_into_id:
            merged.setdefault(keyword.merged_into_id, []).append(keyword)
    roots = [k for k in keywords if k.merged_into_id is None]
    most = max((counts.get(k.pk, 0) for k in roots), default=0) or 1
    words = [
        WallWord(
            keyword=k,
            givers=counts.get(k.pk, 0),
            size=1 + (WALL_SIZES - 1) * counts.get(k.pk, 0) // most,
            merged=merged.get(k.pk, []),
        )
        for k in roots
    ]
    return sorted(words, key=lambda w: (-w.givers, w.label.casefold()))


def keywords_given_by(*, participant) -> list[str]:
    """The keywords a participant gave, as they wrote them (1 query)."""
    return list(KeywordEntry.objects.filter(participant=participant).order_by("created_at").values_list("text", flat=True))


def commitments(*, workshop: Workshop) -> list[Commitment]:
    """The room's commitments, oldest first, with their authors for the signed ones (1 query)."""
    return list(Commitment.objects.filter(workshop=workshop).select_related("participant").order_by("created_at", "pk"))


def promises(*, workshop: Workshop) -> dict[str, Promise]:
    """The evaluated and the produced promise of a workshop, by kind, with alternatives and keywords (3 queries)."""
    found = Promise.objects.filter(workshop=workshop).prefetch_related("alternatives", "keywords")
    return {p.kind: p for p in found}


def key_actions(*, workshop: Workshop) -> list[KeyAction]:
    return list(KeyAction.objects.filter(workshop=workshop).order_by("position"))


def stakeholders(*, workshop: Workshop) -> list[Stakeholder]:
    """The roles with their obstacles and actions in order (2 queries)."""
    return list(Stakeholder.objects.filter(workshop=workshop).order_by("position").prefetch_related("items"))


def phrases(*, workshop: Workshop) -> list[Phrase]:
    """The drafted phrases, table by table, oldest first, with their table and author (1 query)."""
    return list(Phrase.objects.filter(workshop=workshop).select_related("table", "author").order_by("table__number", "created_at", "pk"))


def latest_vote(*, workshop: Workshop, purpose: str) -> PromiseBallot | None:
    """The workshop's latest keyword or phrase ballot, with its ballot (1 query)."""
    return (
        PromiseBallot.objects.filter(workshop=workshop, purpose=purpose).select_related("ballot").order_by("-created_at", "-pk").first()
    )


def open_vote(*, workshop: Workshop, purpose: str) -> Ballot | None:
    """The keyword or phrase ballot open right now, for the participants' link to it (1 query)."""
    return (
        Ballot.objects.filter(promise_use__workshop=workshop, promise_use__purpose=purpose, status=Ballot.Status.OPEN)
        .order_by("-created_at", "-pk")
        .first()
    )


def vote_results(use: PromiseBallot | None):
    """A promise ballot's tally, best first, once votes may be read (4 queries), else None."""
    if use is None or use.ballot.status == Ballot.Status.DRAFT:
        return None
    return ballot_tally(ballot=use.ballot)


def kept_keywords(*, workshop: Workshop) -> list[Keyword]:
    """The keywords the vote (or the facilitator) kept, as the wall reads them (1 query)."""
    return list(Keyword.objects.filter(workshop=workshop, kept=True, merged_into__isnull=True).order_by("label", "pk"))


def promise_page(*, workshop: Workshop) -> dict:
    """What the facilitator's promise page shows, in a fixed number of queries (about 14)."""
    found = promises(workshop=workshop)
    vote = latest_vote(workshop=workshop, purpose=PromiseBallot.Purpose.PHRASES)
    results = vote_results(vote)
    order, tied = ([], [])
    if results is not None and vote.ballot.status == Ballot.Status.CLOSED:
        order, tied = phrase_order(results)
    return {
        "workshop": workshop,
        "evaluated": found.get(Promise.Kind.EVALUATED),
        "produced": found.get(Promise.Kind.PRODUCED),
        "phrases": phrases(workshop=workshop),
        "vote": vote,
        "results": results,
        "order": order,
        "tied": tied,
        "kept": kept_keywords(workshop=workshop),
        "key_actions": key_actions(workshop=workshop),
        "stakeholders": stakeholders(workshop=workshop),
        "role_kinds": [(StakeholderItem.Kind.OBSTACLE, _("Obstacles")), (StakeholderItem.Kind.ACTION, _("Key actions"))],
        "limits": {"phrase_max": Promise._meta.get_field("phrase").max_length, "action_max": ACTION_MAX_LENGTH,
                   "role_max": Stakeholder._meta.get_field("name").max_length},
    }


def phrase_order(tally) -> tuple[list, list]:
    """A phrase ballot's options in its order (Schulze tiers, the Borda count within one), and the
    first tier when it holds more than one option (a tie the facilitator settles)."""
    borda = {row.option.pk: row.score for row in tally.rows}
    tiers = tally.schulze or [[row.option for row in tally.rows]]
    ordered = [o for tier in tiers for o in sorted(tier, key=lambda o: (-borda[o.pk], o.position))]
    return ordered, (tiers[0] if len(tiers[0]) > 1 else [])
