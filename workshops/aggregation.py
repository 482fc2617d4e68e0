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

from .models import Contribution, TableOutput, TableOutputLine, Workshop, WorkshopPhase
from .services import workshop_bump_version


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: what makes two post-its 'the same'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def similar(a: str, b: str, threshold: float) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= threshold


@dataclass
class Cluster:
    axis: str
    key: str
    members: list[Contribution] = field(default_factory=list)

    @property
    def plus_ones(self) -> int:
        return sum(c.plus_ones for c in self.members)

    @property
    def representative(self) -> Contribution:
        # The most supported wording, the earliest on ties.
        return min(self.members, key=lambda c: (-c.plus_ones, c.created_at, c.pk))


def cluster_contributions(contributions: list[Contribution], threshold: float) -> list[Cluster]:
    clusters: list[Cluster] = []
    for contribution in sorted(contributions, key=lambda c: (c.created_at, c.pk)):
        key = normalise(contribution.text)
        match = next(
            (cl for cl in clusters if cl.axis == contribution.axis and similar(cl.key, key, threshold)), None
        )
        if match is None:
            clusters.append(Cluster(axis=contribution.axis, key=key, members=[contribution]))
        else:
            match.members.append(contribution)
    return sorted(clusters, key=lambda cl: (-cl.plus_ones, cl.representative.created_at, cl.representative.pk))


@transaction.atomic
def phase_aggregate(*, phase_id: int) -> int:
    """(Re)build every table output of a phase; returns the number of lines written."""
    phase = WorkshopPhase.objects.get(pk=phase_id)
    # Same lock order as the phase services (workshop row first), so a re-run never deadlocks with them.
    Workshop.objects.select_for_update().filter(pk=phase.workshop_id).first()
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

    TableOutput.objects.filter(phase=phase).delete()
    written = 0
    for (table_id, section_id), items in on_board.items():
        output = TableOutput.objects.create(phase=phase, table_id=table_id, section_id=section_id)
        for position, cluster in enumerate(cluster_contributions(items, threshold), start=1):
            line = TableOutputLine.objects.create(
                output=output,
                position=position,
                axis=cluster.axis,
                text=cluster.representative.text,
                plus_ones=cluster.plus_ones,
            )
            sources = [s for m in cluster.members for s in [m, *merged_sources.get(m.pk, [])]]
            line.sources.set(sources)
            written += 1
    workshop_bump_version(workshop_id=phase.workshop_id)
    return written
