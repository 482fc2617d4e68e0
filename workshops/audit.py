"""The audit trail: every act of power over a workshop or a format, written by the service that acts.

`audit_record` is called inside the service's transaction, after its checks and its writes, so an
act refused writes no entry and an entry never outlives a rolled-back act. It locks nothing (it
inserts one row; the caller holds the workshop row, or the format's). The apps above this one
(voting, promises) record through it too: the trail is one table, read by one page.

Who acted is given by the caller as `by`: a signed-in user (the facilitator), a Participant (a
table's scribe) or None (the app itself: a loader, a script). Names are kept as they were then.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from .models import Activity, AuditEntry, Participant, Workshop, WorkshopPhase

Action = AuditEntry.Action
Target = AuditEntry.Target

# A target's short text: enough to recognise it in a list; the whole text is in before/after.
TARGET_LABEL_LENGTH = 80

# The names of the fields before/after carry, as the page says them (the export keeps the keys).
FIELD_LABELS = {
    "text": _("text"),
    "hidden": _("hidden"),
    "group": _("group"),
    "postits": _("post-its"),
    "merged_into": _("merged into"),
    "plus_ones": _("+1s"),
    "status": _("status"),
    "closed_phase": _("phase closed with it"),
    "allow_self_plus_one": _("participants may +1 their own post-its"),
    "name": _("name"),
    "description": _("description"),
    "scenario": _("scenario"),
    "capacity": _("capacity"),
    "table": _("table"),
    "scribe": _("scribe"),
    "revealed": _("results shown"),
    "retained": _("retained"),
    "kept": _("kept"),
    "phrase": _("phrase"),
    "alternatives": _("alternatives"),
    "co_owners": _("co-owners"),
    "activity": _("activity"),
    "canvas": _("canvas"),
    "sections": _("sections"),
    "duration_seconds": _("timer length (seconds)"),
    "position": _("position"),
    "phases": _("phases"),
}


def short(text) -> str:
    """A target's label: the text on one line, cut with an ellipsis past TARGET_LABEL_LENGTH."""
    return Truncator(" ".join(str(text or "").split())).chars(TARGET_LABEL_LENGTH)


def _actor(by) -> dict:
    if isinstance(by, Participant):
        return {"actor_kind": AuditEntry.ActorKind.PARTICIPANT, "actor_participant_id": by.pk, "actor_name": by.display_name}
    if by is not None and getattr(by, "is_authenticated", False):
        return {"actor_kind": AuditEntry.ActorKind.USER, "actor_user_id": by.pk, "actor_name": by.get_username()}
    return {"actor_kind": AuditEntry.ActorKind.SYSTEM}


def audit_record(
    *,
    action: str,
    by,
    target_type: str,
    target_id: int | None = None,
    target_label: str = "",
    workshop_id: int | None = None,
    format_id: int | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Write one entry (a workshop's, or a format's when `workshop_id` is None). Locks nothing: an insert."""
    return AuditEntry.objects.create(
        workshop_id=workshop_id,
        format_id=format_id,
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=short(target_label),
        before=before or {},
        after=after or {},
        **_actor(by),
    )


def changed_fields(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that changed, on both sides: an edit's entry says what it changed, not the rest."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


def field_label(key: str) -> str:
    return str(FIELD_LABELS.get(key, key))


# --- Reading an entry: the page and the Markdown record say it in the reader's language ----------

# Codes a before/after value may hold, said in words: a workshop's status in a workshop's words, any
# other (a phase's, a ballot's: draft, open, closed) in a phase's.
VALUE_LABELS = {
    "status": {**dict(Workshop.Status.choices), **dict(WorkshopPhase.Status.choices)},
    "activity": dict(Activity.choices),
}
WORKSHOP_VALUE_LABELS = VALUE_LABELS | {"status": dict(Workshop.Status.choices)}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _say(key: str, value, labels=VALUE_LABELS) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return gettext_now("yes") if value else gettext_now("no")
    if key in labels and isinstance(value, str) and value in labels[key]:
        return str(labels[key][value])
    if isinstance(value, dict):
        text = f" «{value['text']}»" if "text" in value else ""
        return f"#{value['id']}{text}" if "id" in value else ", ".join(f"{field_label(k)}: {_say(k, v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_say(key, item) if isinstance(item, dict) else (f"#{item}" if key == "postits" else str(item)) for item in value)
    if key == "merged_into":
        return f"#{value}"
    return str(value)


def changes(before: dict, after: dict, target_type: str = "") -> list[Change]:
    """What an act changed, field by field, before and after (the fields of either side, in order)."""
    labels = WORKSHOP_VALUE_LABELS if target_type == Target.WORKSHOP else VALUE_LABELS
    keys = list(dict.fromkeys([*before, *after]))
    return [Change(field_label(key), _say(key, before.get(key), labels), _say(key, after.get(key), labels)) for key in keys]


def action_label(code: str) -> str:
    """A stable code as the reader's language says it (an unknown code, from a newer export, as it is)."""
    try:
        return str(Action(code).label)
    except ValueError:
        return code


def entry_actor(entry: AuditEntry) -> str:
    if entry.actor_kind == AuditEntry.ActorKind.SYSTEM:
        return str(AuditEntry.ActorKind.SYSTEM.label)
    return f"{entry.actor_name} ({entry.get_actor_kind_display()})"


def entry_data(entry: AuditEntry) -> dict:
    """An entry as the workshop's record carries it: codes and values, as stored (JSON-able)."""
    return {
        "at": entry.at.isoformat(),
        "action": entry.action,
        "actor": {
            "kind": entry.actor_kind,
            "name": entry.actor_name,
            "user_id": entry.actor_user_id,
            "participant_id": entry.actor_participant_id,
        },
        "target": {"type": entry.target_type, "id": entry.target_id, "label": entry.target_label},
        "before": entry.before,
        "after": entry.after,
    }
