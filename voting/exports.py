"""Results as CSV and JSON, per ballot and per workshop, at any moment (also mid-workshop)."""

from __future__ import annotations

from core.spreadsheets import csv_text

from .models import Ballot
from .selectors import ballot_tally, cartography, counted_papers

CSV_HEADER = [
    "ballot_id", "ballot", "method", "status", "revealed", "table", "papers", "eligible",
    "option_id", "position", "option", "scenario", "score", "display", "detail", "retained", "voters",
    # Where the option came from (see option_source); appended so that existing columns keep their place.
    "source", "source_id", "source_table", "source_section",
]  # fmt: skip

# What option_source needs, in the query that reads the options.
SOURCE_RELATED = ("scenario", "output_line__output__table", "output_line__output__section")


def option_source(option) -> dict:
    """Where an option came from: a scenario, a post-it, a line of a table's output, or typed by the facilitator.

    A table output rebuilt after the ballot was made loses its lines (SET_NULL): such an option reads "typed".
    """
    if option.scenario_id:
        return {"kind": "scenario", "id": option.scenario_id, "slug": option.scenario.slug}
    if option.contribution_id:
        return {"kind": "postit", "id": option.contribution_id}
    if option.output_line_id:
        output = option.output_line.output
        return {
            "kind": "output_line",
            "id": option.output_line_id,
            "table_id": output.table_id,
            "table": output.table.label,
            "section_id": output.section_id,
            "section": output.section.title,
        }
    return {"kind": "typed"}


def _options(ballot: Ballot) -> list:
    return list(ballot.options.select_related(*SOURCE_RELATED))


def _score(value):
    return None if value == float("-inf") else value


def ballot_csv_rows(ballot: Ballot) -> list[list]:
    tally = ballot_tally(ballot=ballot, options=_options(ballot))
    rows = []
    for row in tally.rows:
        o = row.option
        source = option_source(o)
        rows.append(
            [
                ballot.pk, ballot.title, ballot.method, ballot.status, ballot.revealed,
                ballot.table.label if ballot.table_id else "", tally.papers, tally.eligible,
                o.pk, o.position, o.label, o.scenario.slug if o.scenario_id else "",
                "" if _score(row.score) is None else round(row.score, 4), row.display, row.detail,
                o.retained, "; ".join(row.voters),
                source["kind"], source.get("id", ""), source.get("table", ""), source.get("section", ""),
            ]
        )  # fmt: skip
    return rows


def _write_csv(rows) -> str:
    # csv_text neutralises formulas: option labels can be participants' post-its (`=HYPERLINK(…)`).
    return csv_text(CSV_HEADER, rows)


def ballot_csv(ballot: Ballot) -> str:
    return _write_csv(ballot_csv_rows(ballot))


def workshop_csv(ballots) -> str:
    return _write_csv([row for ballot in ballots for row in ballot_csv_rows(ballot)])


def ballot_data(ballot: Ballot, *, names: bool = True) -> dict:
    """A ballot, its settings, results and papers (names only when the ballot is named and `names`)."""
    anonymous = ballot.anonymous or not names
    tally = ballot_tally(ballot=ballot, options=_options(ballot))
    papers = []
    # The papers the tally counts: a table's ballot leaves out those of people seated elsewhere now.
    qs = counted_papers(ballot).select_related("participant").prefetch_related("allocations")
    for index, paper in enumerate(qs.order_by("cast_at", "pk"), start=1):
        papers.append(
            {
                "voter": index if anonymous else paper.participant.display_name,
                "choices": [
                    {"option_id": a.option_id, "value": a.value, "rank": a.rank}
                    for a in sorted(paper.allocations.all(), key=lambda a: (a.rank or 0, a.option_id))
                ],
            }
        )
    data = {
        "id": ballot.pk,
        "title": ballot.title,
        "question": ballot.question,
        "method": ballot.method,
        "status": ballot.status,
        "revealed": ballot.revealed,
        "table": ballot.table.label if ballot.table_id else None,
        "phase": ballot.phase.name if ballot.phase_id else None,
        "settings": {
            "budget": ballot.budget,
            "max_per_option": ballot.max_per_option,
            "min_choices": ballot.min_choices,
            "max_choices": ballot.max_choices,
            "scale_min": ballot.scale_min,
            "scale_max": ballot.scale_max,
            "retain_count": ballot.retain_count,
            "shuffle_options": ballot.shuffle_options,
            "hide_results": ballot.hide_results,
            "forbid_own": ballot.forbid_own,
            "anonymous": ballot.anonymous,
        },
        "turnout": {"papers": tally.papers, "eligible": tally.eligible},
        "options": [
            {
                "id": row.option.pk,
                "position": row.option.position,
                "label": row.option.label,
                "scenario": row.option.scenario.slug if row.option.scenario_id else None,
                "contribution_id": row.option.contribution_id,
                "source": option_source(row.option),
                "score": _score(row.score),
                "display": row.display,
                "retained": row.option.retained,
                **({"voters": row.voters} if not anonymous else {}),
            }
            for row in tally.rows
        ],
        "papers": papers,
    }
    if tally.schulze:
        data["condorcet_winner"] = tally.condorcet.pk if tally.condorcet else None
        data["schulze"] = [[o.pk for o in tier] for tier in tally.schulze]
    return data


def workshop_data(workshop, ballots, *, names: bool = True) -> dict:
    ballots = list(ballots)
    data = {
        "workshop": {"id": workshop.pk, "title": workshop.title, "date": workshop.date.isoformat()},
        "ballots": [ballot_data(b, names=names) for b in ballots],
    }
    scales = [b for b in ballots if b.method == "scale"]
    if len(scales) >= 2:
        data["cartography"] = {
            "x": scales[0].pk,
            "y": scales[1].pk,
            "points": [
                {
                    "option": p.option.label,
                    "scenario": p.option.scenario.slug if p.option.scenario_id else None,
                    "source": option_source(p.option),
                    "x": p.x,
                    "y": p.y,
                }
                for p in cartography(x_ballot=scales[0], y_ballot=scales[1])
            ],
        }
    return data
