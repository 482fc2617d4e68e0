"""Counting, as pure functions over plain data: no ORM, so each method is checked by hand in tests.

Options are identified by any hashable key (ids in the app, letters in tests). A paper is a
dict {option: value}; a ranking is a list of options, favourite first (it may stop early:
unranked options are tied below every ranked one).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field


def dot_totals(options: Sequence, papers: Iterable[Mapping]) -> dict:
    """Dots per option."""
    totals = {option: 0 for option in options}
    for paper in papers:
        for option, dots in paper.items():
            totals[option] += dots
    return totals


def approval_counts(options: Sequence, papers: Iterable[Iterable]) -> dict:
    """How many papers approve each option."""
    counts = {option: 0 for option in options}
    for paper in papers:
        for option in set(paper):
            counts[option] += 1
    return counts


def borda_scores(options: Sequence, rankings: Iterable[Sequence]) -> dict:
    """Borda count: with n options, first place gets n-1 points, second n-2, ... unranked 0."""
    n = len(options)
    scores = {option: 0 for option in options}
    for ranking in rankings:
        for place, option in enumerate(ranking):
            scores[option] += n - 1 - place
    return scores


def pairwise_preferences(options: Sequence, rankings: Iterable[Sequence]) -> dict:
    """d[a][b]: how many voters prefer a to b."""
    d = {a: {b: 0 for b in options if b != a} for a in options}
    for ranking in rankings:
        ranked = list(ranking)
        unranked = [o for o in options if o not in set(ranked)]
        for i, a in enumerate(ranked):
            for b in ranked[i + 1 :]:
                d[a][b] += 1
            for b in unranked:
                d[a][b] += 1
    return d


def condorcet_winner(options: Sequence, rankings: Iterable[Sequence]):
    """The option that beats every other one head to head, or None (a cycle or a tie)."""
    d = pairwise_preferences(options, rankings)
    for a in options:
        if all(d[a][b] > d[b][a] for b in options if b != a):
            return a
    return None


def schulze_strengths(options: Sequence, d: Mapping) -> dict:
    """Strongest path strengths p[a][b] (widest paths over the winning margins, Schulze 2011)."""
    p = {a: {b: (d[a][b] if d[a][b] > d[b][a] else 0) for b in options if b != a} for a in options}
    for i in options:
        for j in options:
            if i == j:
                continue
            for k in options:
                if k in (i, j):
                    continue
                p[j][k] = max(p[j][k], min(p[j][i], p[i][k]))
    return p


def schulze_ranking(options: Sequence, rankings: Iterable[Sequence]) -> list[list]:
    """Schulze order as a list of tiers (each a list of tied options), winners first.

    It agrees with the Condorcet winner when there is one and breaks cycles otherwise.
    """
    d = pairwise_preferences(options, rankings)
    p = schulze_strengths(options, d)
    wins = {a: sum(1 for b in options if b != a and p[a][b] > p[b][a]) for a in options}
    tiers: dict[int, list] = {}
    for option in options:
        tiers.setdefault(wins[option], []).append(option)
    return [tiers[w] for w in sorted(tiers, reverse=True)]


@dataclass
class ScaleResult:
    count: int = 0
    total: int = 0
    distribution: dict = field(default_factory=dict)

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None


def scale_results(options: Sequence, papers: Iterable[Mapping], values: Sequence[int]) -> dict:
    """Per option: how many answered, the mean and how many chose each value of the scale."""
    results = {option: ScaleResult(distribution={v: 0 for v in values}) for option in options}
    for paper in papers:
        for option, value in paper.items():
            result = results[option]
            result.count += 1
            result.total += value
            result.distribution[value] = result.distribution.get(value, 0) + 1
    return results


def yes_no_counts(options: Sequence, papers: Iterable[Mapping]) -> dict:
    """Per option: (yes, no)."""
    counts = {option: [0, 0] for option in options}
    for paper in papers:
        for option, value in paper.items():
            counts[option][0 if value else 1] += 1
    return {option: tuple(c) for option, c in counts.items()}


def top_n(scores: Mapping, n: int) -> tuple[list, list]:
    """The options sure to be in the top n by score, and those tied on the boundary.

    Returns (retained, tied): len(retained) <= n; when the n-th and (n+1)-th scores are
    equal, every option with that score is in `tied` and the facilitator settles it.
    """
    ordered = sorted(scores, key=lambda o: scores[o], reverse=True)
    if len(ordered) <= n:
        return ordered, []
    boundary = scores[ordered[n - 1]]
    if scores[ordered[n]] != boundary:
        return ordered[:n], []
    retained = [o for o in ordered if scores[o] > boundary]
    tied = [o for o in ordered if scores[o] == boundary]
    return retained, tied
