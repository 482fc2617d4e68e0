"""Reads: tallies, turnout, shuffled option orders, the cartography of scenarios."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from workshops import live
from workshops.models import Participant

from .methods import Row
from .models import Allocation, Ballot, BallotOption, BallotPaper, Method


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
        return self.ballot.voting_method.decided_by_schulze

    def outcome_scores(self) -> dict:
        """What decides a retain ballot: the scores, or what the method decides by (methods.py)."""
        return self.ballot.voting_method.outcome_scores(self)


def eligible_participants(ballot: Ballot):
    """Whom the turnout counts: the workshop's participants (or those seated at the ballot's table
    right now) who were there when the ballot opened, and whoever joined later and voted.

    Someone who arrives after the ballot opened and does not vote, or after it closed, is not
    counted as an abstention: they were not in the room when the question was asked.
    """
    qs = Participant.objects.filter(workshop_id=ballot.workshop_id)
    if ballot.table_id:
        qs = qs.filter(table_id=ballot.table_id)
    if ballot.opened_at is not None:
        voted = BallotPaper.objects.filter(ballot_id=ballot.pk, participant_id=OuterRef("pk"))
        qs = qs.filter(Q(joined_at__lte=ballot.opened_at) | Exists(voted))
    return qs


def tally_version(ballot: Ballot) -> str:
    """What the projector's tally depends on, as its poll compares it (?v=): the ballot's version
    (opened, closed, revealed, settled) and its votes' token (live.ballot_votes_token: a vote writes
    no shared row, so that the room's votes do not queue behind one another).

    A table's ballot counts the papers of those seated there now (counted_papers), so its tally
    also follows the seats, which move the workshop's stage version (read from the cache).
    Read before the tally it describes: a vote committed in between then shows at the next poll.
    """
    version = f"{ballot.version}.{live.ballot_votes_token(ballot.pk)}"
    if ballot.table_id is None:
        return version
    return f"{version}.{live.stage_version(ballot.workshop_id)}"


def counted_papers(ballot: Ballot):
    """The papers that count: all of them, or for a table's ballot those of the people seated there now.

    A participant who votes at a table and moves to another keeps their paper (they may come back)
    but it stops counting, so nobody votes in a table's ballot by hopping there and back.
    """
    qs = BallotPaper.objects.filter(ballot=ballot)
    if ballot.table_id:
        qs = qs.filter(participant__table_id=ballot.table_id)
    return qs


def _papers(ballot: Ballot, *, with_names: bool = False) -> tuple[dict, dict, dict]:
    """{paper_id: {option_id: value}} and {paper_id: [option ids by rank]}; one query."""
    fields = ["paper_id", "option_id", "value", "rank"]
    if with_names:
        fields.append("paper__participant__display_name")
    papers: dict = {}
    ranks: dict = {}
    names: dict = {}
    allocations = Allocation.objects.filter(paper__in=counted_papers(ballot).values("pk"))
    for row in allocations.order_by("paper_id", "rank").values_list(*fields):
        paper_id, option_id, value, rank = row[:4]
        papers.setdefault(paper_id, {})[option_id] = value
        if rank is not None:
            ranks.setdefault(paper_id, []).append(option_id)
        if with_names:
            names[paper_id] = row[4]
    return papers, ranks, names


def ballot_tally(*, ballot: Ballot, options: list[BallotOption] | None = None) -> Tally:
    """The ballot's count in three queries whatever the number of votes; the method counts (methods.py)."""
    options = list(options if options is not None else ballot.options.select_related("scenario"))
    named = not ballot.anonymous
    papers, ranks, names = _papers(ballot, with_names=named)
    eligible = eligible_participants(ballot).count()
    method = ballot.voting_method
    rankings = list(ranks.values())
    rows = method.tally_rows(ballot, options, list(papers.values()), rankings)
    tally = Tally(ballot=ballot, rows=rows, papers=len(papers), eligible=eligible, **method.tally_extra(options, rankings))
    method.size_bars(ballot, rows)
    if named:
        by_option: dict = {}
        for paper_id, choices in papers.items():
            for option_id in choices:
                by_option.setdefault(option_id, []).append(names[paper_id])
        for row in rows:
            row.voters = sorted(by_option.get(row.option.pk, []), key=str.lower)
    return tally


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
    """{option_id: value or rank}; from the paper's `allocation_list` when vote_cast just wrote them (no query)."""
    if paper is None:
        return {}
    allocations = getattr(paper, "allocation_list", None)
    if allocations is None:
        allocations = paper.allocations.all()
    return {a.option_id: (a.rank if a.rank is not None else a.value) for a in allocations}


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
