"""The workshop's own record (phases, tables, people, post-its, outputs, syntheses) as data and CSV.

The whole record, ballots included, is assembled one layer up in voting/record.py: voting sits
above workshops, so this module knows nothing of ballots. Everything here is read in a fixed number
of queries whatever the size of the room (no query per table, post-it or line).

What is left out on purpose: the join code and anything about browser sessions. Participants
appear by the display name they gave the room, which is what the room saw.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.models import CanvasSection
from core.spreadsheets import csv_text

from .audit import entry_data
from .models import (
    AuditEntry,
    Contribution,
    Participant,
    Table,
    TableOutput,
    TableOutputLine,
    TableSynthesis,
    Workshop,
    WorkshopPhase,
)

# The shape of the JSON document: bumped when a field changes meaning or disappears (adding one does not).
RECORD_VERSION = 1

POSTITS_CSV_HEADER = [
    "id", "table_number", "table", "phase_position", "phase", "section", "axis", "author", "text",
    "plus_ones", "hidden", "merged_into", "group",
]  # fmt: skip


def pseudonyms(participant_ids) -> dict[int, str]:
    """"Participant 1", "Participant 2"… in the given order: an export that leaves names out, or an
    anonymised edition (cahiers.services.edition_anonymise), names people by these."""
    return {pk: _("Participant %(n)d") % {"n": n} for n, pk in enumerate(participant_ids, start=1)}


def _iso(value):
    return value.isoformat() if value is not None else None


class WorkshopRows:
    """The rows of one workshop, each read once, indexed for the exports that walk them."""

    def __init__(self, workshop: Workshop, *, names: bool = True):
        self.workshop = workshop
        self.phases = list(workshop.phases.select_related("canvas").order_by("position"))
        canvas_ids = {p.canvas_id for p in self.phases if p.canvas_id}
        self.sections = {s.pk: s for s in CanvasSection.objects.filter(canvas_id__in=canvas_ids).order_by("position")}
        self.sections_of_canvas = defaultdict(list)
        for section in self.sections.values():
            self.sections_of_canvas[section.canvas_id].append(section)
        # The sections each phase names (none: its whole canvas), as selectors.phase_sections reads them.
        self.named_sections = defaultdict(set)
        named = WorkshopPhase.sections.through.objects.filter(workshopphase__workshop=workshop)
        for phase_id, section_id in named.values_list("workshopphase_id", "canvassection_id"):
            self.named_sections[phase_id].add(section_id)
        self.tables = list(Table.objects.filter(workshop=workshop).select_related("scenario").order_by("number"))
        self.table_by_id = {t.pk: t for t in self.tables}
        self.participants = list(Participant.objects.filter(workshop=workshop).order_by("joined_at", "pk"))
        # Without names, people are numbered in the order they joined: who wrote what stays linked, not who they are.
        self.name_of = (
            {p.pk: p.display_name for p in self.participants} if names else pseudonyms([p.pk for p in self.participants])
        )
        self.postits = list(Contribution.objects.filter(workshop=workshop).order_by("table__number", "phase__position", "created_at", "pk"))
        self.outputs = list(
            TableOutput.objects.filter(phase__workshop=workshop)
            .prefetch_related(
                Prefetch(
                    "lines",
                    queryset=TableOutputLine.objects.order_by("position").prefetch_related(
                        Prefetch("sources", queryset=Contribution.objects.only("pk").order_by("pk"))
                    ),
                )
            )
            .order_by("phase__position", "table__number", "section__position")
        )
        self.syntheses = list(TableSynthesis.objects.filter(phase__workshop=workshop).order_by("phase__position", "table__number"))
        self.phase_by_id = {p.pk: p for p in self.phases}
        # Oldest first, as a record reads: who did what, in the order it was done.
        self.audit_entries = list(AuditEntry.objects.filter(workshop=workshop).order_by("at", "pk"))

    def table_number(self, table_id):
        table = self.table_by_id.get(table_id)
        return table.number if table else None

    def table_label(self, table_id) -> str:
        table = self.table_by_id.get(table_id)
        return str(table.label) if table else ""

    def sections_of_phase(self, phase) -> list[CanvasSection]:
        named = self.named_sections.get(phase.pk)
        return [s for s in self.sections_of_canvas.get(phase.canvas_id, []) if not named or s.pk in named]

    def section_title(self, section_id) -> str:
        section = self.sections.get(section_id)
        return section.title if section else ""


def workshop_record_data(rows: WorkshopRows) -> dict:
    """The workshop's own part of the record: everything but the ballots (voting/record.py adds them)."""
    workshop = rows.workshop
    return {
        "workshop": {
            "id": workshop.pk,
            "title": workshop.title,
            "date": workshop.date.isoformat(),
            "place": workshop.place,
            "status": workshop.status,
            "edition": workshop.edition.title,
            "format": workshop.format.name,
        },
        "phases": [
            {
                "id": phase.pk,
                "position": phase.position,
                "name": phase.name,
                "activity": phase.activity,
                "status": phase.status,
                "opened_at": _iso(phase.opened_at),
                "closed_at": _iso(phase.closed_at),
                "canvas": phase.canvas.name if phase.canvas_id else None,
                "sections": [
                    {"id": s.pk, "position": s.position, "slug": s.slug, "title": s.title, "axes": s.axes}
                    for s in rows.sections_of_phase(phase)
                ],
            }
            for phase in rows.phases
        ],
        "tables": [
            {
                "id": table.pk,
                "number": table.number,
                "label": str(table.label),
                "capacity": table.capacity,
                "scenario": {"slug": table.scenario.slug, "title": table.scenario.title} if table.scenario_id else None,
            }
            for table in rows.tables
        ],
        "participants": [
            {"display_name": rows.name_of[p.pk], "table": rows.table_number(p.table_id), "scribe": p.is_scribe}
            for p in rows.participants
        ],
        "postits": [
            {
                "id": c.pk,
                "phase_id": c.phase_id,
                "table": rows.table_number(c.table_id),
                "section_id": c.section_id,
                "section": rows.section_title(c.section_id),
                "axis": c.axis,
                "author": rows.name_of.get(c.participant_id),
                "text": c.text,
                "plus_ones": c.plus_ones,
                "group": c.group_label,
                "hidden": c.hidden,
                "merged_into": c.merged_into_id,
                "created_at": _iso(c.created_at),
            }
            for c in rows.postits
        ],
        "outputs": [
            {
                "phase_id": o.phase_id,
                "table": rows.table_number(o.table_id),
                "section_id": o.section_id,
                "section": rows.section_title(o.section_id),
                "generated_at": _iso(o.generated_at),
                "lines": [
                    {
                        "position": line.position,
                        "axis": line.axis,
                        "group": line.group_label,
                        "text": line.text,
                        "plus_ones": line.plus_ones,
                        "sources": [c.pk for c in line.sources.all()],
                    }
                    for line in o.lines.all()
                ],
            }
            for o in rows.outputs
        ],
        "syntheses": [
            {
                "phase_id": s.phase_id,
                "table": rows.table_number(s.table_id),
                "text": s.text,
                "written_by": rows.name_of.get(s.written_by_id),
                "updated_at": _iso(s.updated_at),
            }
            for s in rows.syntheses
        ],
        # Every act of power over the workshop (workshops.audit): codes and values as stored.
        "audit_trail": [entry_data(entry) for entry in rows.audit_entries],
    }


def postits_csv(rows: WorkshopRows) -> str:
    """One row per post-it, hidden and merged ones included (flagged): the room's raw material."""
    return csv_text(
        POSTITS_CSV_HEADER,
        (
            [
                c.pk,
                rows.table_number(c.table_id),
                rows.table_label(c.table_id),
                rows.phase_by_id[c.phase_id].position,
                rows.phase_by_id[c.phase_id].name,
                rows.section_title(c.section_id),
                c.axis,
                rows.name_of.get(c.participant_id, ""),
                c.text,
                c.plus_ones,
                c.hidden,
                c.merged_into_id or "",
                c.group_label,
            ]
            for c in rows.postits
        ),
    )
