"""Turning a table's post-its into its output for each section.

Lines are ordered by +1s; exact and near duplicates (same axis, similar
normalised text) become one line that keeps links to every post-it it came
from. The result depends only on the post-its, so running it twice gives the
same output.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Contribution, PlusOne, TableOutput, TableOutputLine, Workshop, WorkshopPhase
from .live import workshop_bump_version


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: what makes two post-its 'the same'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


# Small words whose absence changes nothing; any other word added or removed is a different idea.
FILLERS = frozenset("le la les l de des du d un une et a au aux en the a an of and to".split())
TYPO_MIN_LENGTH = 4


def _is_typo(a: str, b: str) -> bool:
    """Two words a slip of the keyboard apart; never numbers, never short words (pas/non, CDI/CDD)."""
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < TYPO_MIN_LENGTH:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def similar(a: str, b: str, threshold: float) -> bool:
    """Same normalised text, or the same words but for typos and filler words.

    Character similarity alone merges opposites ("Plus de CDI" / "Plus de CDD",
    "Souhaitable : oui" / "non"), so the words that differ must each be a typo.
    """
    if a == b:
        return True
    if difflib.SequenceMatcher(None, a, b).ratio() < threshold:
        return False
    words_a, words_b = a.split(), b.split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, words_a, words_b).get_opcodes():
        left, right = words_a[i1:i2], words_b[j1:j2]
        if tag == "equal":
            continue
        if tag == "replace" and len(left) == len(right):
            if all(_is_typo(x, y) for x, y in zip(left, right)):
                continue
            return False
        if not set(left + right) <= FILLERS:
            return False
    return True


@dataclass
class Cluster:
    axis: str
    key: str
    members: list[Contribution] = field(default_factory=list)
    # Who +1'd which post-it: a person who +1'd two post-its of one line counts once, as in a scribe's merge.
    fans: dict[int, set[int]] = field(default_factory=dict, repr=False)

    @property
    def plus_ones(self) -> int:
        if not self.fans:
            return sum(c.plus_ones for c in self.members)
        return len(set().union(*(self.fans.get(c.pk, set()) for c in self.members)))

    @property
    def representative(self) -> Contribution:
        # The most supported wording, the earliest on ties.
        return min(self.members, key=lambda c: (-c.plus_ones, c.created_at, c.pk))


def cluster_contributions(
    contributions: list[Contribution], threshold: float, fans: dict[int, set[int]] | None = None
) -> list[Cluster]:
    clusters: list[Cluster] = []
    for contribution in sorted(contributions, key=lambda c: (c.created_at, c.pk)):
        key = normalise(contribution.text)
        match = next(
            (cl for cl in clusters if cl.axis == contribution.axis and similar(cl.key, key, threshold)), None
        )
        if match is None:
            clusters.append(Cluster(axis=contribution.axis, key=key, members=[contribution], fans=fans or {}))
        else:
            match.members.append(contribution)
    return sorted(clusters, key=lambda cl: (-cl.plus_ones, cl.representative.created_at, cl.representative.pk))


LinePlan = tuple[str, str, str, int, frozenset[int]]  # axis, group label, text, +1s, source post-it ids


def group_label_of(cluster: Cluster) -> str:
    """The scribe's label for a line: its representative's, else the first one its post-its carry."""
    labels = [cluster.representative.group_label] + [c.group_label for c in cluster.members]
    return next((label for label in labels if label), "")


@transaction.atomic
def phase_aggregate(*, phase_id: int) -> int:
    """(Re)build every table output of a phase; returns the number of lines it has.

    Locks: the workshop row first (the order of workshops.services), so a re-run never deadlocks
    with the room's writes and sees the post-its as the last committed write left them; then the
    outputs it replaces. An output whose lines come out the same is left as it is, rows and ids
    included: a ballot option made from one of its lines keeps its line.
    """
    workshop_id = WorkshopPhase.objects.values_list("workshop_id", flat=True).get(pk=phase_id)
    Workshop.objects.select_for_update(no_key=True).filter(pk=workshop_id).first()
    phase = WorkshopPhase.objects.get(pk=phase_id)
    planned = _plan(phase)

    WorkshopPhase.objects.filter(pk=phase.pk).update(aggregated_at=timezone.now())
    # Ordered by pk: the model's ordering would join (and lock) the tables and canvas sections too.
    outputs = TableOutput.objects.select_for_update().filter(phase=phase).order_by("pk")
    existing = {(o.table_id, o.section_id): o for o in outputs}
    kept = set()
    for key, output in existing.items():
        if planned.get(key) == _lines_of(output):
            kept.add(key)
        else:
            output.delete()
    for (table_id, section_id), lines in planned.items():
        if (table_id, section_id) in kept:
            continue
        output = TableOutput.objects.create(phase=phase, table_id=table_id, section_id=section_id)
        for position, (axis, group_label, text, plus_ones, sources) in enumerate(lines, start=1):
            line = TableOutputLine.objects.create(
                output=output, position=position, axis=axis, group_label=group_label, text=text, plus_ones=plus_ones
            )
            line.sources.set(sources)
    # Outputs show on every laptop of the room.
    workshop_bump_version(workshop_id=phase.workshop_id, stage=True)
    return sum(len(lines) for lines in planned.values())


def _plan(phase: WorkshopPhase) -> dict[tuple[int, int], list[LinePlan]]:
    """The lines each (table, section) of the phase should have, computed from its post-its only."""
    threshold = settings.AGGREGATION_SIMILARITY
    contributions = list(
        Contribution.objects.filter(phase=phase, hidden=False).select_related("section").order_by("created_at", "pk")
    )
    # A post-it the scribe merged into another counts as a source of the line of the one it joined.
    merged_sources: dict[int, list[Contribution]] = {}
    on_board: dict[tuple[int, int], list[Contribution]] = {}
    for contribution in contributions:
        if contribution.merged_into_id:
            merged_sources.setdefault(contribution.merged_into_id, []).append(contribution)
        else:
            on_board.setdefault((contribution.table_id, contribution.section_id), []).append(contribution)

    fans: dict[int, set[int]] = {}
    for contribution_id, participant_id in PlusOne.objects.filter(contribution__phase=phase).values_list(
        "contribution_id", "participant_id"
    ):
        fans.setdefault(contribution_id, set()).add(participant_id)

    planned = {}
    for key, items in on_board.items():
        planned[key] = [
            (
                cluster.axis,
                group_label_of(cluster),
                cluster.representative.text,
                cluster.plus_ones,
                frozenset(s.pk for m in cluster.members for s in [m, *merged_sources.get(m.pk, [])]),
            )
            for cluster in cluster_contributions(items, threshold, fans)
        ]
    return planned


def _lines_of(output: TableOutput) -> list[LinePlan]:
    return [
        (line.axis, line.group_label, line.text, line.plus_ones, frozenset(line.sources.values_list("pk", flat=True)))
        for line in output.lines.order_by("position")
    ]
