"""Reads for the live pages, each with a fixed number of queries whatever the size of the room."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, ExpressionWrapper, F, IntegerField, OuterRef, Prefetch, Q

from core.models import Canvas, CanvasSection
from scenarios.models import Scenario

from .audit import changes
from .models import (
    AuditEntry,
    Format,
    FormatPhase,
    Merge,
    TableSynthesis,
    Contribution,
    Participant,
    PlusOne,
    Table,
    TableOutput,
    TableOutputLine,
    Workshop,
    WorkshopPhase,
)


def tables_with_seats(*, workshop_id: int):
    """The workshop's tables by number, each with `seated` and `seats_left` (one query)."""
    return (
        Table.objects.filter(workshop_id=workshop_id)
        .select_related("scenario")
        .annotate(seated=Count("participants"))
        .annotate(seats_left=ExpressionWrapper(F("capacity") - F("seated"), output_field=IntegerField()))
        .order_by("number")
    )


def open_phase(workshop: Workshop) -> WorkshopPhase | None:
    return workshop.phases.select_related("canvas").filter(status=WorkshopPhase.Status.OPEN).first()


def phase_sections(phase: WorkshopPhase | FormatPhase) -> list[CanvasSection]:
    """The sections a phase works on, in the canvas's order: those it names, or its whole canvas
    when it names none (1 query). What every page of the phase shows and where its post-its go."""
    if phase.canvas_id is None:
        return []
    through = type(phase).sections.through
    owner = "formatphase_id" if isinstance(phase, FormatPhase) else "workshopphase_id"
    named = through.objects.filter(**{owner: phase.pk})
    chosen = Q(pk__in=named.values("canvassection_id")) | ~Exists(named)
    return list(CanvasSection.objects.filter(chosen, canvas_id=phase.canvas_id).order_by("position"))


@dataclass
class SectionBoard:
    section: CanvasSection
    contributions: list[Contribution] = field(default_factory=list)


def table_board(*, phase: WorkshopPhase, table_id: int, include_hidden: bool = False) -> list[SectionBoard]:
    """The sections of the phase's canvas with the table's post-its, most +1'd first (2 queries)."""
    if phase.canvas_id is None:
        return []
    boards = {s.pk: SectionBoard(s) for s in phase_sections(phase)}
    contributions = Contribution.objects.filter(phase=phase, table_id=table_id).select_related("participant")
    contributions = contributions if include_hidden else contributions.visible()
    for contribution in contributions.order_by("-plus_ones", "created_at"):
        board = boards.get(contribution.section_id)
        if board is not None:
            board.contributions.append(contribution)
    return list(boards.values())


def plus_oned_ids(*, participant: Participant, phase: WorkshopPhase) -> set[int]:
    return set(
        PlusOne.objects.filter(participant=participant, contribution__phase=phase).values_list(
            "contribution_id", flat=True
        )
    )


@dataclass
class TableColumn:
    table: Table
    sections: list[SectionBoard]
    count: int


def room_board(*, workshop: Workshop, phase: WorkshopPhase) -> list[TableColumn]:
    """Every table's post-its for the projector (3 queries)."""
    tables = list(workshop.tables.select_related("scenario").order_by("number"))
    sections = phase_sections(phase)
    per_table = {t.pk: {s.pk: SectionBoard(s) for s in sections} for t in tables}
    counts = dict.fromkeys(per_table, 0)
    for c in Contribution.objects.visible().filter(phase=phase).select_related("participant").order_by("-plus_ones", "created_at"):
        board = per_table.get(c.table_id, {}).get(c.section_id)
        if board is not None:
            board.contributions.append(c)
            counts[c.table_id] += 1
    return [
        TableColumn(table=t, sections=[b for b in per_table[t.pk].values() if b.contributions], count=counts[t.pk])
        for t in tables
    ]


def phase_outputs(*, phase: WorkshopPhase, table_id: int | None = None) -> list[TableOutput]:
    """Table outputs of a phase with their lines and each line's source post-its (3 queries)."""
    outputs = TableOutput.objects.filter(phase=phase).select_related("table", "section").order_by(
        "table__number", "section__position"
    )
    if table_id is not None:
        outputs = outputs.filter(table_id=table_id)
    lines = TableOutputLine.objects.order_by("position").prefetch_related(
        Prefetch("sources", queryset=Contribution.objects.order_by("created_at"))
    )
    return list(outputs.prefetch_related(Prefetch("lines", queryset=lines)))


def latest_closed_postit_phase(workshop: Workshop) -> WorkshopPhase | None:
    return (
        workshop.phases.filter(status=WorkshopPhase.Status.CLOSED, activity="postits")
        .order_by("-closed_at", "-position")
        .first()
    )


@dataclass
class TableRecord:
    """What one table produced in one phase: its outputs (post-it phase) or its synthesis (synthesis phase)."""

    table: Table
    outputs: list[TableOutput] = field(default_factory=list)
    synthesis: TableSynthesis | None = None


@dataclass
class PhaseRecord:
    phase: WorkshopPhase
    tables: list[TableRecord]


RECORDED_ACTIVITIES = ("postits", "synthesis")


def workshop_record(*, workshop: Workshop, table_id: int | None = None) -> list[PhaseRecord]:
    """Every closed post-it phase's table outputs and every closed synthesis phase's syntheses, by
    phase in agenda order, each with every table (or only `table_id`'s) in number order (6 queries).

    A later phase never hides an earlier one: this is the workshop's record, during it and after.
    """
    phases = list(
        workshop.phases.filter(status=WorkshopPhase.Status.CLOSED, activity__in=RECORDED_ACTIVITIES).order_by("position")
    )
    if not phases:
        return []
    tables = workshop.tables.select_related("scenario").order_by("number")
    if table_id is not None:
        tables = tables.filter(pk=table_id)
    tables = list(tables)
    records = {(p.pk, t.pk): TableRecord(table=t) for p in phases for t in tables}
    postit_phases = [p for p in phases if p.activity == "postits"]
    if postit_phases:
        outputs = TableOutput.objects.filter(phase__in=postit_phases).select_related("section").order_by(
            "table__number", "section__position"
        )
        if table_id is not None:
            outputs = outputs.filter(table_id=table_id)
        lines = TableOutputLine.objects.order_by("position").prefetch_related(
            Prefetch("sources", queryset=Contribution.objects.order_by("created_at"))
        )
        for output in outputs.prefetch_related(Prefetch("lines", queryset=lines)):
            record = records.get((output.phase_id, output.table_id))
            if record is not None:
                record.outputs.append(output)
    synthesis_phases = [p for p in phases if p.activity == "synthesis"]
    if synthesis_phases:
        syntheses = TableSynthesis.objects.filter(phase__in=synthesis_phases).select_related("written_by")
        if table_id is not None:
            syntheses = syntheses.filter(table_id=table_id)
        for synthesis in syntheses:
            record = records.get((synthesis.phase_id, synthesis.table_id))
            if record is not None:
                record.synthesis = synthesis
    return [PhaseRecord(phase=p, tables=[records[p.pk, t.pk] for t in tables]) for p in phases]


@dataclass
class TableRestitution:
    """One table as the restitution presents it: its scenario, its syntheses, then its outputs by phase."""

    table: Table
    syntheses: list[tuple[WorkshopPhase, TableSynthesis]] = field(default_factory=list)
    outputs: list[tuple[WorkshopPhase, list[TableOutput]]] = field(default_factory=list)


def restitution(*, workshop: Workshop, first_table_id: int | None = None) -> list[TableRestitution]:
    """Every table's record, table by table in number order; `first_table_id` (a laptop's own
    table) comes first. The same 6 queries as `workshop_record`."""
    tables: dict[int, TableRestitution] = {}
    for record in workshop_record(workshop=workshop):
        for entry in record.tables:
            table = tables.setdefault(entry.table.pk, TableRestitution(table=entry.table))
            if entry.synthesis is not None and entry.synthesis.text:
                table.syntheses.append((record.phase, entry.synthesis))
            if entry.outputs:
                table.outputs.append((record.phase, entry.outputs))
    if not tables:
        # No phase closed yet: the tables still come, so the restitution can name them.
        tables = {t.pk: TableRestitution(table=t) for t in workshop.tables.select_related("scenario").order_by("number")}
    ordered = list(tables.values())
    ordered.sort(key=lambda t: (t.table.pk != first_table_id, t.table.number))
    return ordered


def workshop_tables(workshop: Workshop) -> list[Table]:
    return list(
        workshop.tables.select_related("scenario").annotate(seated=Count("participants")).order_by("number")
    )


def workshop_participants(workshop: Workshop) -> list[Participant]:
    return list(workshop.participants.select_related("table").order_by("display_name"))


def own_contributions(participant: Participant) -> list[Contribution]:
    """Every post-it a participant wrote in their workshop, whatever became of it (hidden, merged),
    newest first: what they may review and take back (workshops.delete_own_contribution). Two queries."""
    return list(
        Contribution.objects.filter(participant=participant)
        .select_related("phase", "section", "table", "merged_into")
        .annotate(merged_here=Exists(Merge.objects.filter(target=OuterRef("pk"))))
        .order_by("-created_at", "-pk")
    )


def table_synthesis(*, phase: WorkshopPhase, table_id: int) -> TableSynthesis | None:
    return TableSynthesis.objects.filter(phase=phase, table_id=table_id).first()


def phase_syntheses(*, phase: WorkshopPhase) -> dict[int, TableSynthesis]:
    """Each table's synthesis in this phase, by table id (1 query)."""
    return {s.table_id: s for s in TableSynthesis.objects.filter(phase=phase)}


def canvases_usable_by(user):
    """The canvases a facilitator may build on: `Canvas.objects.usable_by`, and those that the
    phases of a format they edit post into (a co-owner of a format keeps its canvases, even one its
    owner did not share)."""
    usable = Canvas.objects.usable_by(user)
    if not user.is_authenticated or user.is_superuser:
        return usable
    on_their_formats = FormatPhase.objects.filter(format__in=Format.objects.editable_by(user)).values("canvas_id")
    return usable | Canvas.objects.filter(pk__in=on_their_formats)


def canvas_runs_a_workshop(canvas: Canvas) -> bool:
    """A live or closed workshop runs on this canvas: its sections no longer change (see formats.py)."""
    return Workshop.objects.filter(phases__canvas=canvas, status__in=[Workshop.Status.LIVE, Workshop.Status.CLOSED]).exists()


CONTROL_PARTS = ("agenda", "tables", "people")


def control_parts_state(workshop_id: int) -> dict[str, str]:
    """A short digest of what each live part of the control room shows (5 queries).

    The control room refreshes each part only when its digest changes: a post-it bumps the
    workshop's version but changes none of them, a seat changes the tables and the people.
    Only the fields a part renders go in (a table's own `version` moves with every post-it).
    """
    status = Workshop.objects.filter(pk=workshop_id).values_list("status", flat=True).first()
    phases = list(WorkshopPhase.objects.filter(workshop_id=workshop_id).order_by("position").values())
    tables = list(
        Table.objects.filter(workshop_id=workshop_id)
        .annotate(seated=Count("participants"))
        .order_by("number")
        .values_list("pk", "number", "name", "scenario_id", "capacity", "seated")
    )
    scenarios = list(
        Scenario.objects.filter(edition__workshops=workshop_id).order_by("title").values_list("pk", "title")
    )
    people = list(
        Participant.objects.filter(workshop_id=workshop_id)
        .order_by("display_name", "pk")
        .values_list("pk", "display_name", "table_id", "is_scribe")
    )
    labels = [(pk, number, name) for pk, number, name, *_ in tables]
    return {
        "agenda": _digest([status, phases]),
        "tables": _digest([status, tables, scenarios]),
        "people": _digest([status, people, labels]),
    }


def _digest(value) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=8).hexdigest()


AUDIT_PAGE_SIZE = 50
FORMAT_HISTORY_SIZE = 10


def format_audit_trail(*, format: Format) -> list[AuditEntry]:
    """A format's latest edits, newest first (1 query), each with its `changes`."""
    entries = list(AuditEntry.objects.filter(format_id=format.pk).order_by("-at", "-pk")[:FORMAT_HISTORY_SIZE])
    for entry in entries:
        entry.changes = changes(entry.before, entry.after, entry.target_type)
    return entries


def audit_trail_page(*, workshop: Workshop, page: str | int | None) -> Page:
    """One page of the workshop's audit trail, newest first (2 queries: the count, the page).

    A page number out of range (or not a number) gives the nearest page, as Paginator.get_page does.
    Each entry carries `changes` (workshops.audit.changes), read from its own row: no query per entry.
    """
    entries = AuditEntry.objects.filter(workshop=workshop).order_by("-at", "-pk")
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(page)
    for entry in page.object_list:
        entry.changes = changes(entry.before, entry.after, entry.target_type)
    return page
