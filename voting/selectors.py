"""Reads: tallies, turnout, shuffled option orders, the cartography of scenarios."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.db.models import Q

from workshops.models import Participant

from . import tallies
from .models import Allocation, Ballot, BallotOption, BallotPaper, Method


@dataclass
class Row:
    option: BallotOption
    score: float  # what orders the options and sizes the bar
    display: str  # the score as shown
    fraction: float = 0.0  # bar length, 0..1
    detail: str = ""
    voters: list = field(default_factory=list)  # display names, for named ballots

    @property
    def bar_width(self) -> str:
        # An SVG attribute, not a style (CSP): formatted with a dot whatever the locale.
        return f"{100 * self.fraction:.1f}"


@dataclass
class Tally:
    ballot: Ballot
    rows: list[Row]  # in option order
    papers: int
    eligible: int
    condorcet: BallotOption | None = None
    schulze: list[list[BallotOption]] = field(default_factory=list)

    @property
    def turnout_fraction(self) -> float:
        return self.papers / self.eligible if self.eligible else 0.0

    @property
    def turnout_percent(self) -> int:
        return round(100 * self.turnout_fraction)

    @property
    def turnout_width(self) -> str:
        return f"{100 * self.turnout_fraction:.1f}"

    @property
    def ranked_rows(self) -> list[Row]:
        return sorted(self.rows, key=lambda r: (-r.score, r.option.position))

    def scores(self) -> dict:
        return {row.option.pk: row.score for row in self.rows}

    @property
    def decided_by_schulze(self) -> bool:
        """A ranking's outcome follows the Schulze order, not the Borda count shown in the bars."""
        return self.ballot.method == Method.RANKING

    def outcome_scores(self) -> dict:
        """What decides a retain ballot: the score, or for a ranking its Schulze tier (first tier highest).

        The Schulze order starts with the Condorcet winner when there is one; options of one tier tie.
        Without any ranking every option is in one tier, so all of them tie.
        """
        if not self.decided_by_schulze:
            return self.scores()
        tiers = self.schulze or [[row.option for row in self.rows]]
        return {option.pk: -index for index, tier in enumerate(tiers) for option in tier}


def eligible_participants(ballot: Ballot):
    qs = Participant.objects.filter(workshop_id=ballot.workshop_id)
    if ballot.table_id:
        qs = qs.filter(table_id=ballot.table_id)
    return qs


def _papers(ballot: Ballot, *, with_names: bool = False) -> tuple[dict, dict, dict]:
    """{paper_id: {option_id: value}} and {paper_id: [option ids by rank]}; one query."""
    fields = ["paper_id", "option_id", "value", "rank"]
    if with_names:
        fields.append("paper__participant__display_name")
    papers: dict = {}
    ranks: dict = {}
    names: dict = {}
    for row in Allocation.objects.filter(paper__ballot=ballot).order_by("paper_id", "rank").values_list(*fields):
        paper_id, option_id, value, rank = row[:4]
        papers.setdefault(paper_id, {})[option_id] = value
        if rank is not None:
            ranks.setdefault(paper_id, []).append(option_id)
        if with_names:
            names[paper_id] = row[4]
    return papers, ranks, names


def ballot_tally(*, ballot: Ballot, options: list[BallotOption] | None = None) -> Tally:
    """The ballot's count in three queries whatever the number of votes."""
    options = list(options if options is not None else ballot.options.select_related("scenario"))
    ids = [o.pk for o in options]
    named = not ballot.anonymous
    papers, ranks, names = _papers(ballot, with_names=named)
    eligible = eligible_participants(ballot).count()
    rows = []
    tally = Tally(ballot=ballot, rows=rows, papers=len(papers), eligible=eligible)
    method = ballot.method
    if method == Method.DOTS:
        scores = tallies.dot_totals(ids, papers.values())
        rows += [Row(o, scores[o.pk], str(scores[o.pk])) for o in options]
    elif method == Method.APPROVAL:
        scores = tallies.approval_counts(ids, papers.values())
        rows += [Row(o, scores[o.pk], str(scores[o.pk])) for o in options]
    elif method == Method.RANKING:
        rankings = list(ranks.values())
        scores = tallies.borda_scores(ids, rankings)
        rows += [Row(o, scores[o.pk], str(scores[o.pk])) for o in options]
        by_id = {o.pk: o for o in options}
        winner = tallies.condorcet_winner(ids, rankings) if rankings else None
        tally.condorcet = by_id.get(winner)
        tally.schulze = [[by_id[i] for i in tier] for tier in tallies.schulze_ranking(ids, rankings)] if rankings else []
    elif method == Method.SCALE:
        results = tallies.scale_results(ids, papers.values(), ballot.scale_values)
        for o in options:
            r = results[o.pk]
            mean = r.mean
            rows.append(
                Row(
                    o,
                    mean if mean is not None else float("-inf"),
                    f"{mean:+.2f}" if mean is not None and ballot.scale_min < 0 else (f"{mean:.2f}" if mean is not None else "–"),
                    detail=" · ".join(f"{v}: {n}" for v, n in r.distribution.items()),
                )
            )
    else:
        counts = tallies.yes_no_counts(ids, papers.values())
        for o in options:
            yes, no = counts[o.pk]
            rows.append(Row(o, yes, f"{yes} / {yes + no}", detail=f"{yes}·{no}"))
    _size_bars(ballot, rows)
    if named:
        by_option: dict = {}
        for paper_id, choices in papers.items():
            for option_id in choices:
                by_option.setdefault(option_id, []).append(names[paper_id])
        for row in rows:
            row.voters = sorted(by_option.get(row.option.pk, []), key=str.lower)
    return tally


def _size_bars(ballot: Ballot, rows: list[Row]) -> None:
    if ballot.method == Method.SCALE:
        span = ballot.scale_max - ballot.scale_min
        for row in rows:
            row.fraction = (row.score - ballot.scale_min) / span if row.score != float("-inf") else 0.0
        return
    top = max((row.score for row in rows), default=0)
    for row in rows:
        row.fraction = row.score / top if top else 0.0


def option_order(*, ballot: Ballot, options: list[BallotOption], participant_id: int) -> list[BallotOption]:
    """Options in the order this participant sees them: shuffled per participant, the same on every reload."""
    options = list(options)
    if ballot.shuffle_options:
        random.Random(f"{ballot.pk}:{participant_id}").shuffle(options)
    return options


def own_option_ids(*, ballot: Ballot, participant_id: int, options: list[BallotOption] | None = None) -> set[int]:
    """The options that are the participant's own post-it: the post-it itself, or a table-output line built from it
    (one of the line's sources is theirs). One query, none when no option comes from post-its.

    The "no vote for one's own post-it" rule (services.clean_choices) and the ballot card both read it.
    """
    if options is not None and not any(o.contribution_id or o.output_line_id for o in options):
        return set()
    mine = Q(contribution__participant_id=participant_id) | Q(output_line__sources__participant_id=participant_id)
    return set(BallotOption.objects.filter(mine, ballot=ballot).values_list("pk", flat=True).distinct())


def ballots_of_workshop(*, workshop_id: int):
    return Ballot.objects.filter(workshop_id=workshop_id).select_related("phase", "table")


def paper_of(*, ballot: Ballot, participant_id: int) -> BallotPaper | None:
    return BallotPaper.objects.filter(ballot=ballot, participant_id=participant_id).first()


def paper_choices(paper: BallotPaper | None) -> dict:
    if paper is None:
        return {}
    return {a.option_id: (a.rank if a.rank is not None else a.value) for a in paper.allocations.all()}


@dataclass
class MapPoint:
    option: BallotOption
    x: float
    y: float


def scale_ballots(*, workshop_id: int):
    return Ballot.objects.filter(workshop_id=workshop_id, method=Method.SCALE).order_by("created_at", "pk")


def cartography(*, x_ballot: Ballot, y_ballot: Ballot) -> list[MapPoint]:
    """Scenarios (or labels) placed by their mean on two scale questions, e.g. plausibility × desirability.

    Options are matched by scenario when they have one, by label otherwise.
    """

    def key(option):
        return ("s", option.scenario_id) if option.scenario_id else ("l", option.label.strip().lower())

    x_tally = ballot_tally(ballot=x_ballot)
    y_tally = ballot_tally(ballot=y_ballot)
    y_rows = {key(row.option): row for row in y_tally.rows}
    points = []
    for row in x_tally.rows:
        other = y_rows.get(key(row.option))
        if other is None or row.score == float("-inf") or other.score == float("-inf"):
            continue
        points.append(MapPoint(option=row.option, x=row.score, y=other.score))
    return points
