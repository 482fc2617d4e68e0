"""The promise workshop's report, in the seed's order, as data a page, an export or a worker reads.

The compte-rendu of 24 October 2012 reads: the evaluation of the promise (what it evokes, what
worked, failed, surprised, was learnt) and its *bilan*; what will be different tomorrow; the
personas; the keywords; the new promise and its alternatives; the key actions; what each
stakeholder should do; the individual commitments. `report_data` gives that as plain JSON-able
data (no model instances), in a fixed number of queries; `report_markdown` writes it to read.

The canvas parts come from the workshop's post-it phases (their sections' table outputs) and its
synthesis phases (the tables' syntheses: the *bilan*), in the order the format runs them.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from workshops.exports import WorkshopRows
from workshops.models import Activity, Workshop

from . import selectors
from .models import Promise

REPORT_KIND = "agora.promise-report"
REPORT_VERSION = 1
# A workshop has a report when one of its phases runs one of these (or it already holds a promise).
PROMISE_ACTIVITIES = (Activity.PERSONAS, Activity.KEYWORDS, Activity.PHRASES, Activity.COMMITMENTS)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _parts(rows: WorkshopRows) -> list[dict]:
    outputs = {}
    for output in rows.outputs:
        outputs.setdefault((output.phase_id, output.section_id), []).append(output)
    syntheses = {}
    for synthesis in rows.syntheses:
        if synthesis.text.strip():
            syntheses.setdefault(synthesis.phase_id, []).append(synthesis)
    parts = []
    for phase in rows.phases:
        if phase.activity == Activity.POSTITS:
            sections = []
            for section in rows.sections_of_phase(phase):
                tables = [
                    {
                        "table": rows.table_label(o.table_id),
                        "lines": [{"axis": line.axis, "text": line.text, "plus_ones": line.plus_ones} for line in o.lines.all()],
                    }
                    for o in outputs.get((phase.pk, section.pk), [])
                    if o.lines.all()
                ]
                if tables:
                    sections.append({"title": section.title, "axes": section.axes, "tables": tables})
            if sections:
                parts.append({"phase": phase.name, "activity": phase.activity, "sections": sections})
        elif phase.activity == Activity.SYNTHESIS and phase.pk in syntheses:
            parts.append(
                {
                    "phase": phase.name,
                    "activity": phase.activity,
                    "syntheses": [{"table": rows.table_label(s.table_id), "text": s.text.strip()} for s in syntheses[phase.pk]],
                }
            )
    return parts


def has_report(workshop: Workshop) -> bool:
    """Whether the workshop is a promise workshop: a promise activity in its format, or a promise (1 query)."""
    return (
        Workshop.objects.filter(pk=workshop.pk)
        .filter(Q(phases__activity__in=PROMISE_ACTIVITIES) | Q(promises__isnull=False))
        .exists()
    )


def report_data(workshop: Workshop, rows: WorkshopRows | None = None) -> dict:
    """The report as data, in the seed's order (about 20 queries whatever the room)."""
    rows = rows or WorkshopRows(workshop)
    found = selectors.promises(workshop=workshop)
    evaluated, produced = found.get(Promise.Kind.EVALUATED), found.get(Promise.Kind.PRODUCED)
    wall = selectors.keyword_wall(workshop=workshop)
    return {
        "kind": REPORT_KIND,
        "version": REPORT_VERSION,
        "workshop": {"id": workshop.pk, "title": workshop.title, "date": workshop.date.isoformat(), "place": workshop.place},
        "evaluated": {"phrase": evaluated.phrase, "origin": evaluated.origin} if evaluated else None,
        "parts": _parts(rows),
        "personas": [
            {
                "table": str(p.table.label),
                "name": p.name,
                "age": p.age,
                "profile": p.profile,
                "keywords": p.keywords,
                "steps": [step.text for step in p.steps.all()],
            }
            for p in selectors.personas(workshop=workshop)
        ],
        # Kept ones first, then by how many people gave them.
        "keywords": [
            {"label": w.label, "givers": w.givers, "kept": w.keyword.kept, "merged": [m.label for m in w.merged]}
            for w in sorted(wall, key=lambda w: (not w.keyword.kept, -w.givers, w.label.casefold()))
        ],
        "promise": {
            "phrase": produced.phrase,
            "alternatives": [a.phrase for a in produced.alternatives.all()],
            "benefits": _lines(produced.benefits),
            "keywords": [k.label for k in produced.keywords.all()],
        }
        if produced
        else None,
        "key_actions": [a.text for a in selectors.key_actions(workshop=workshop)],
        "stakeholders": [
            {
                "name": s.name,
                "obstacles": [i.text for i in s.items.all() if i.kind == "obstacle"],
                "actions": [i.text for i in s.items.all() if i.kind == "action"],
            }
            for s in selectors.stakeholders(workshop=workshop)
            # A role nobody said anything about is not part of the report.
            if s.items.all()
        ],
        "commitments": [
            {"text": c.text, "signed_by": c.participant.display_name if c.signed else None}
            for c in selectors.commitments(workshop=workshop)
        ],
    }


def record_part(workshop: Workshop, *, names: bool = True) -> dict | None:
    """The record's `promise_report` (voting.record's contributors): only for a promise workshop.
    Without `names`, commitments are all unsigned."""
    if not has_report(workshop):
        return None
    data = report_data(workshop)
    if not names:
        data["commitments"] = [{**c, "signed_by": None} for c in data["commitments"]]
    return data


def _md(text: str) -> str:
    return "  \n  ".join(line.rstrip() for line in str(text).strip().splitlines()) or "…"


def report_markdown(data: dict, level: int = 2) -> list[str]:
    """The report as Markdown lines, its title at `level` (2 inside the workshop's record)."""
    h = "#" * level
    out = [f"{h} {_('The promise workshop’s report')}", ""]
    if data["evaluated"]:
        out += [f"**{_('The promise under evaluation')}**: “{data['evaluated']['phrase']}”", ""]
        if data["evaluated"]["origin"]:
            out += [_md(data["evaluated"]["origin"]), ""]
    for part in data["parts"]:
        out += [f"{h}# {part['phase']}", ""]
        for section in part.get("sections", []):
            out += [f"{h}## {section['title']}", ""]
            several = len(section["tables"]) > 1
            for table in section["tables"]:
                if several:
                    out += [f"*{table['table']}*", ""]
                axis = None
                for line in table["lines"]:
                    if line["axis"] != axis:
                        axis = line["axis"]
                        if axis:
                            out += ["", f"*{axis}*", ""]
                    out.append(f"- {_md(line['text'])}")
                out.append("")
        for synthesis in part.get("syntheses", []):
            out += [f"**{_('Bilan')}** ({synthesis['table']})", "", synthesis["text"], ""]
    if data["personas"]:
        out += [f"{h}# {_('Personas')}", ""]
        for persona in data["personas"]:
            age = f", {persona['age']}" if persona["age"] is not None else ""
            out += [f"{h}## {persona['name']}{age}", ""]
            if persona["profile"]:
                out += [_md(persona["profile"]), ""]
            out += [f"{n}. {_md(step)}" for n, step in enumerate(persona["steps"], start=1)]
            if persona["keywords"]:
                out += ["", f"*{_('Keywords')}*: {persona['keywords']}"]
            out.append("")
    if data["keywords"]:
        out += [f"{h}# {_('Keywords')}", ""]
        kept = [k["label"] for k in data["keywords"] if k["kept"]]
        others = [k["label"] for k in data["keywords"] if not k["kept"]]
        if kept:
            out += [f"**{_('Kept')}**: {', '.join(kept)}", ""]
        if others:
            out += [f"{_('Other keywords')}: {', '.join(others)}", ""]
    if data["promise"]:
        promise = data["promise"]
        out += [f"{h}# {_('The promise')}", "", f"**{_('The retained phrase')}**: “{promise['phrase']}”", ""]
        if promise["alternatives"]:
            out += [f"**{_('Alternative phrases')}**", ""] + [f"- “{a}”" for a in promise["alternatives"]] + [""]
        if promise["benefits"]:
            out += [f"**{_('Benefits')}**", ""] + [f"- {b}" for b in promise["benefits"]] + [""]
    if data["key_actions"]:
        out += [f"{h}# {_('Key actions')}", ""] + [f"{n}. {_md(a)}" for n, a in enumerate(data["key_actions"], start=1)] + [""]
    if data["stakeholders"]:
        out += [f"{h}# {_('What they should do')}", ""]
        for s in data["stakeholders"]:
            out += [f"{h}## {s['name']}", ""]
            if s["obstacles"]:
                out += [f"*{_('Obstacles')}*", ""] + [f"- {_md(o)}" for o in s["obstacles"]] + [""]
            if s["actions"]:
                out += [f"*{_('Key actions')}*", ""] + [f"- {_md(a)}" for a in s["actions"]] + [""]
    if data["commitments"]:
        out += [f"{h}# {_('Individual commitments')}", ""]
        for c in data["commitments"]:
            who = c["signed_by"] or _("anonymous")
            out.append(f"- « {_md(c['text'])} » — {who}")
        out.append("")
    return out
