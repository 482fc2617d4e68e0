"""What the drafting reads: an edition's scenarios, its workshops' table outputs, votes and promise reports.

`edition_draft_input` builds `cahiers.drafting.EditionInput` (plain frozen dataclasses) from the
database in a bounded number of queries: about a dozen whatever the number of tables, lines and
post-its, plus `promises.report.report_data`'s (about 20) for each promise workshop and the two
tallies of each workshop's map (6). Rows are read
in a fixed order (workshop date, table number, phase, section, line), so the same database gives
the same input, hence the same draft and the same source hashes.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from core.models import CanvasSection, Edition
from promises.report import PROMISE_ACTIVITIES, report_data
from scenarios.models import Scenario, SectionEntry, TimelineEvent
from voting.cartography import map_points
from voting.models import Allocation, Ballot, Method
from workshops.models import Activity, TableOutputLine, Workshop, WorkshopPhase

from .drafting import (
    EditionInput,
    EntryInput,
    LineInput,
    MapInput,
    MapPointInput,
    OtherScenario,
    PostitSnapshot,
    ScaleInput,
    ScenarioInput,
    SectionSpec,
    TimelineInput,
)

# The scenarios a chapter is written for: the room retained them and tables developed them.
DEVELOPED = (Scenario.Status.RETAINED, Scenario.Status.DEVELOPED, Scenario.Status.PUBLISHED)
# What a ballot's allocation says for its option: dots, an approval, a yes; a place in a ranking
# counts one (it was chosen). A scale answers "how much", not "for": it adds nothing.
COUNTED_METHODS = (Method.DOTS, Method.APPROVAL, Method.YESNO, Method.RANKING)


def _canvas_ids(edition: Edition, scenario_ids: list[int]) -> list[int]:
    """The canvases the scenarios are written on: the library's entries', then those of the post-it
    phases of workshops whose tables develop a scenario, in order of first use (2 queries)."""
    ids: list[int] = []
    entries = SectionEntry.objects.filter(scenario_id__in=scenario_ids).order_by("section__canvas_id")
    for canvas_id in entries.values_list("section__canvas_id", flat=True).distinct():
        if canvas_id not in ids:
            ids.append(canvas_id)
    phases = (
        WorkshopPhase.objects.filter(
            workshop__edition=edition, activity=Activity.POSTITS, canvas__isnull=False, workshop__tables__scenario__isnull=False
        )
        .order_by("workshop__date", "workshop_id", "position")
        .values_list("canvas_id", flat=True)
    )
    for canvas_id in phases:
        if canvas_id not in ids:
            ids.append(canvas_id)
    return ids


def _section_specs(canvas_ids: list[int]) -> tuple[SectionSpec, ...]:
    """Sections in canvas order, one per slug: a copy of a canvas (a duplicated format) adds no heading."""
    rank = {canvas_id: n for n, canvas_id in enumerate(canvas_ids)}
    rows = sorted(CanvasSection.objects.filter(canvas_id__in=canvas_ids), key=lambda s: (rank[s.canvas_id], s.position))
    specs: dict[str, SectionSpec] = {}
    for section in rows:
        specs.setdefault(section.slug, SectionSpec(slug=section.slug, heading=section.title, axes=tuple(section.axes or ())))
    return tuple(specs.values())


def _votes(edition: Edition) -> tuple[dict[int, int], dict[int, int]]:
    """What closed ballots gave each output line and each post-it, over the edition (1 query)."""
    by_line: dict[int, int] = defaultdict(int)
    by_postit: dict[int, int] = defaultdict(int)
    allocations = Allocation.objects.filter(
        option__ballot__workshop__edition=edition,
        option__ballot__status=Ballot.Status.CLOSED,
        option__ballot__method__in=COUNTED_METHODS,
    ).filter(Q(option__output_line__isnull=False) | Q(option__contribution__isnull=False))
    for line_id, postit_id, method, value in allocations.values_list(
        "option__output_line_id", "option__contribution_id", "option__ballot__method", "value"
    ):
        score = 1 if method == Method.RANKING else max(value, 0)
        if line_id is not None:
            by_line[line_id] += score
        else:
            by_postit[postit_id] += score
    return by_line, by_postit


def _lines(edition: Edition) -> dict[int, list[LineInput]]:
    """Every table output line on a scenario of the edition, with its post-its as snapshots (2 queries + votes)."""
    rows = list(
        TableOutputLine.objects.filter(output__phase__workshop__edition=edition, output__table__scenario__isnull=False)
        .select_related("output__table__workshop", "output__section", "output__phase")
        .order_by(
            "output__phase__workshop__date",
            "output__phase__workshop_id",
            "output__table__number",
            "output__phase__position",
            "output__section__position",
            "position",
            "pk",
        )
    )
    sources: dict[int, list[PostitSnapshot]] = defaultdict(list)
    # The same filter as the lines', not a list of their ids: an edition's lines may be many thousands.
    through = TableOutputLine.sources.through.objects.filter(
        tableoutputline__output__phase__workshop__edition=edition, tableoutputline__output__table__scenario__isnull=False
    )
    for line_id, postit_id, text, number, name, workshop in through.order_by(
        "tableoutputline_id", "contribution__created_at", "contribution_id"
    ).values_list(
        "tableoutputline_id",
        "contribution_id",
        "contribution__text",
        "contribution__table__number",
        "contribution__table__name",
        "contribution__workshop__title",
    ):
        sources[line_id].append((postit_id, PostitSnapshot(text=text, table=_table_label(number, name), workshop=workshop)))
    by_line, by_postit = _votes(edition)
    lines: dict[int, list[LineInput]] = defaultdict(list)
    for line in rows:
        output = line.output
        table = output.table
        snapshots = sources.get(line.pk, [])
        votes = by_line.get(line.pk, 0) + sum(by_postit.get(postit_id, 0) for postit_id, _snapshot in snapshots)
        lines[table.scenario_id].append(
            LineInput(
                section=output.section.slug,
                axis=line.axis,
                text=line.text,
                plus_ones=line.plus_ones,
                votes=votes,
                group_label=line.group_label,
                table=_table_label(table.number, table.name),
                workshop=table.workshop.title,
                sources=tuple(snapshot for _postit_id, snapshot in snapshots),
            )
        )
    return lines


def _table_label(number: int, name: str) -> str:
    # Table.label without its translation: a snapshot reads the same in every language.
    return name or f"Table {number}"


def _promise_workshops(edition: Edition):
    return (
        Workshop.objects.filter(edition=edition)
        .filter(Q(phases__activity__in=PROMISE_ACTIVITIES) | Q(promises__isnull=False))
        .distinct()
        .order_by("date", "pk")
    )


def _maps(edition: Edition) -> tuple[MapInput, ...]:
    """Each workshop's map, as voting's map page draws it by default: its first two scale ballots
    (voting.selectors.scale_ballots' order), once both are closed (the cahier prints final
    answers). One query, then the two tallies' six per workshop with a map."""
    by_workshop: dict[int, list[Ballot]] = defaultdict(list)
    ballots = (
        Ballot.objects.filter(workshop__edition=edition, method=Method.SCALE)
        .select_related("workshop")
        .order_by("workshop__date", "workshop_id", "created_at", "pk")
    )
    for ballot in ballots:
        by_workshop[ballot.workshop_id].append(ballot)
    maps = []
    for scales in by_workshop.values():
        if len(scales) < 2 or any(b.status != Ballot.Status.CLOSED for b in scales[:2]):
            continue
        x, y = scales[:2]
        points = map_points(x_ballot=x, y_ballot=y)
        if not points:  # two scales over nothing in common: no map to print
            continue
        maps.append(
            MapInput(
                workshop_id=x.workshop_id,
                workshop=x.workshop.title,
                x=ScaleInput(title=x.title, minimum=x.scale_min, maximum=x.scale_max),
                y=ScaleInput(title=y.title, minimum=y.scale_min, maximum=y.scale_max),
                # Rounded: a mean's last float digits are noise, not a change of the map.
                points=tuple(MapPointInput(title=p.label, x=round(p.x, 4), y=round(p.y, 4), retained=p.retained) for p in points),
            )
        )
    return tuple(maps)


def edition_draft_input(*, edition: Edition) -> EditionInput:
    """Everything the cahier of an edition is drafted from, read once."""
    scenarios = list(Scenario.objects.filter(edition=edition).order_by("pk"))
    developed = [s for s in scenarios if s.status in DEVELOPED]
    developed_ids = [s.pk for s in developed]

    timelines: dict[int, list[TimelineInput]] = defaultdict(list)
    for event in TimelineEvent.objects.filter(scenario_id__in=developed_ids).order_by("scenario_id", "year", "position", "pk"):
        timelines[event.scenario_id].append(TimelineInput(year=event.year, title=event.title, text=event.text))
    entries: dict[int, list[EntryInput]] = defaultdict(list)
    for scenario_id, slug, axis, text in (
        SectionEntry.objects.filter(scenario_id__in=developed_ids)
        .order_by("scenario_id", "section__position", "axis", "position", "pk")
        .values_list("scenario_id", "section__slug", "axis", "text")
    ):
        entries[scenario_id].append(EntryInput(section=slug, axis=axis, text=text))

    lines = _lines(edition)
    reports = tuple(report_data(workshop) for workshop in _promise_workshops(edition))
    return EditionInput(
        title=edition.title,
        sections=_section_specs(_canvas_ids(edition, developed_ids)),
        developed=tuple(
            ScenarioInput(
                slug=s.slug,
                title=s.title,
                summary=s.summary,
                narrative=s.narrative,
                timeline=tuple(timelines.get(s.pk, [])),
                lines=tuple(lines.get(s.pk, [])),
                entries=tuple(entries.get(s.pk, [])),
            )
            for s in developed
        ),
        promise_reports=reports,
        others=tuple(OtherScenario(slug=s.slug, title=s.title, summary=s.summary) for s in scenarios if s.status not in DEVELOPED),
        description=edition.description,
        maps=_maps(edition),
    )
