"""The workshop's whole record as files: JSON (everything), Markdown (to read), CSV of post-its.

It lives in voting because the record includes the ballots, and voting is the layer above
workshops (README, "Architecture"): workshops/exports.py gives the workshop's own part, this module
adds the ballots (voting/exports.py: options, papers, results) and writes the Markdown.

Votes keep the display names the room saw, as the ballot's own export does; an anonymous ballot's
papers are numbered instead. Available at any time, also after closing (rule
`workshops.export_workshop`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from workshops.audit import action_label, changes
from workshops.exports import RECORD_VERSION, WorkshopRows, postits_csv, workshop_record_data
from workshops.models import Activity, Workshop, WorkshopPhase

from .exports import workshop_data
from .models import Ballot, Method
from .selectors import ballots_of_workshop

RECORD_KIND = "agora.workshop-record"


@dataclass(frozen=True)
class RecordPart:
    """A part of the record an app above this one adds (the promise workshop's report): it may not be
    imported from here, so it registers, in its AppConfig.ready(), how to read and write its part."""

    key: str  # the part's key in the JSON document
    # workshop -> the part as JSON-able data, or None when the workshop has none.
    data: Callable[[Workshop], dict | None]
    # the part's data -> its Markdown lines, appended after the ballots.
    markdown: Callable[[dict], list[str]]


_PARTS: list[RecordPart] = []


def register_part(key: str, *, data: Callable[..., dict | None], markdown: Callable[[dict], list[str]]) -> None:
    """Add a part to every workshop's record (registering a key again replaces it).

    `data(workshop, names=…)`: with `names` false, the part names nobody (see record_data).
    """
    _PARTS[:] = [p for p in _PARTS if p.key != key]
    _PARTS.append(RecordPart(key=key, data=data, markdown=markdown))


def record_data(workshop: Workshop, *, names: bool = True) -> dict:
    """Everything the workshop produced, ballots and results included, with the format's version.

    `names` false: the same record naming nobody (people numbered, every ballot treated as anonymous,
    commitments unsigned), for sharing it beyond those who were in the room.
    """
    ballots = list(
        ballots_of_workshop(workshop_id=workshop.pk).select_related("workshop").order_by("created_at", "pk")
    )
    votes = workshop_data(workshop, ballots, names=names)
    data = {
        "kind": RECORD_KIND,
        "version": RECORD_VERSION,
        "exported_at": timezone.now().isoformat(),
        "names": names,
        **workshop_record_data(WorkshopRows(workshop, names=names)),
        "ballots": votes["ballots"],
        **({"cartography": votes["cartography"]} if "cartography" in votes else {}),
    }
    for part in _PARTS:
        value = part.data(workshop, names=names)
        if value is not None:
            data[part.key] = value
    return data


def record_postits_csv(workshop: Workshop, *, names: bool = True) -> str:
    return postits_csv(WorkshopRows(workshop, names=names))


def record_filename(workshop: Workshop, suffix: str, ext: str) -> str:
    """`<title>-<date>[-suffix].<ext>`, ASCII only so every browser keeps it."""
    stem = slugify(workshop.title)[:60].strip("-") or f"workshop-{workshop.pk}"
    parts = [stem, workshop.date.isoformat()] + ([suffix] if suffix else [])
    return "-".join(parts) + f".{ext}"


# --- Markdown ------------------------------------------------------------------------------------


def _label(choices, value) -> str:
    """A code of the JSON (`postits`, `closed`) as the reader's language says it."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _text(text: str) -> str:
    """A participant's text on a Markdown list line: their line breaks kept, inside the item."""
    return "  \n  ".join(line.rstrip() for line in str(text).strip().splitlines()) or "…"


def _postit_line(postit: dict) -> str:
    bits = [f"- {'[' + postit['axis'] + '] ' if postit['axis'] else ''}{_text(postit['text'])}"]
    notes = [postit["author"] or "?"]
    if postit["plus_ones"]:
        notes.append(f"+{postit['plus_ones']}")
    if postit["group"]:
        notes.append(_("group: %(label)s") % {"label": postit["group"]})
    if postit["merged_into"]:
        notes.append(_("merged into #%(id)s") % {"id": postit["merged_into"]})
    if postit["hidden"]:
        notes.append(_("hidden"))
    return f"{bits[0]} _({', '.join(notes)})_ #{postit['id']}"


def _audit_markdown(entries: list[dict]) -> list[str]:
    """The audit trail, oldest first: one line per act, its changes (before → after) below it."""
    if not entries:
        return []
    out = ["", f"## {_('Audit trail')}", ""]
    for entry in entries:
        actor, target = entry["actor"], entry["target"]
        who = actor["name"] or _("Agora")
        what = f"#{target['id']}" if target["id"] else ""
        label = f" «{_text(target['label'])}»" if target["label"] else ""
        out.append(f"- {entry['at']} · **{action_label(entry['action'])}** · {who} · {what}{label}")
        for change in changes(entry["before"], entry["after"], target["type"]):
            out.append(f"  - {change.field}: {_text(change.before)} → {_text(change.after)}")
    return out


def record_markdown(data: dict) -> str:
    """The record to read: the workshop, then table by table, phase by phase, section by section; then the ballots."""
    w = data["workshop"]
    out = [f"# {w['title']}", ""]
    status = _label(Workshop.Status, w["status"])
    out.append(" · ".join(x for x in (w["date"], w["place"], w["edition"], w["format"], status) if x))
    out += ["", f"## {_('Phases')}", ""]
    for phase in data["phases"]:
        activity, status = _label(Activity, phase["activity"]), _label(WorkshopPhase.Status, phase["status"])
        out.append(f"{phase['position']}. {phase['name']} ({activity}, {status})")

    postits_at = {}
    for p in data["postits"]:
        postits_at.setdefault((p["table"], p["phase_id"], p["section_id"]), []).append(p)
    outputs_at = {(o["table"], o["phase_id"], o["section_id"]): o for o in data["outputs"]}
    syntheses_at = {(s["table"], s["phase_id"]): s for s in data["syntheses"]}
    people_at = {}
    for person in data["participants"]:
        people_at.setdefault(person["table"], []).append(person)

    for table in data["tables"]:
        out += ["", f"## {table['label']}"]
        if table["scenario"]:
            out += ["", _("Scenario: %(title)s") % {"title": table["scenario"]["title"]}]
        people = people_at.get(table["number"], [])
        if people:
            names = ", ".join(p["display_name"] + (f" ({_('scribe')})" if p["scribe"] else "") for p in people)
            out += ["", _("Participants: %(names)s") % {"names": names}]
        for phase in data["phases"]:
            key = (table["number"], phase["id"])
            sections = [
                s for s in phase["sections"]
                if (key + (s["id"],)) in postits_at or (key + (s["id"],)) in outputs_at
            ]  # fmt: skip
            synthesis = syntheses_at.get(key)
            if not sections and not (synthesis and synthesis["text"]):
                continue
            out += ["", f"### {phase['name']}"]
            for section in sections:
                out += ["", f"#### {section['title']}"]
                output = outputs_at.get(key + (section["id"],))
                if output and output["lines"]:
                    out += ["", f"**{_('Output')}**", ""]
                    for line in output["lines"]:
                        axis = f"[{line['axis']}] " if line["axis"] else ""
                        group = f"**{line['group']}** — " if line.get("group") else ""
                        plus = f" (+{line['plus_ones']})" if line["plus_ones"] else ""
                        out.append(f"{line['position']}. {axis}{group}{_text(line['text'])}{plus}")
                postits = postits_at.get(key + (section["id"],), [])
                if postits:
                    out += ["", f"**{_('Post-its')}**", ""]
                    out += [_postit_line(p) for p in postits]
            if synthesis and synthesis["text"]:
                by = f" ({synthesis['written_by']})" if synthesis["written_by"] else ""
                out += ["", f"**{_('Synthesis')}**{by}", "", synthesis["text"].strip()]

    if data["ballots"]:
        out += ["", f"## {_('Ballots')}"]
    for ballot in data["ballots"]:
        out += ["", f"### {ballot['title']}", ""]
        if ballot["question"]:
            out += [ballot["question"], ""]
        where = f" · {ballot['table']}" if ballot["table"] else ""
        method, status = _label(Method, ballot["method"]), _label(Ballot.Status, ballot["status"])
        turnout = _("%(papers)s papers / %(eligible)s eligible") % ballot["turnout"]
        out.append(f"{method} · {status}{where} · {turnout}")
        out += ["", f"| {_('Option')} | {_('Result')} | {_('Retained')} |", "|---|---|---|"]
        for option in ballot["options"]:
            label = str(option["label"]).replace("|", "\\|").replace("\n", " ")
            out.append(f"| {label} | {option['display']} | {_('yes') if option['retained'] else ''} |")
    for part in _PARTS:
        if data.get(part.key) is not None:
            out += [""] + part.markdown(data[part.key])
    out += _audit_markdown(data.get("audit_trail") or [])
    out.append("")
    return "\n".join(out)
