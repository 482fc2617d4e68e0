"""Reading an edition's document, without the database: size, JSON, format and version, then every
row's fields and references. Nothing is written until all of it holds (load.py).

`read(payload, max_bytes)` returns the document as `Rows`: per kind, the rows with their values
converted to Python (dates parsed, lengths and choices checked) and their references still local
ids, each of which names a row of the document. A document that fails anywhere raises
`ImportRefused` with every problem found (up to `MAX_PROBLEMS`), each naming the row and field.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .schema import BY_NAME, FORMAT, KINDS, VERSION, Spec, specs

# Past this many, a document is wrong in a way a list will not help with.
MAX_PROBLEMS = 30


class ImportRefused(ValidationError):
    """The document is refused whole: nothing of it was written."""

    def __init__(self, problems: list[str]):
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems = [*problems[:MAX_PROBLEMS], _("… and %(count)d more problems.") % {"count": more}]
        super().__init__(problems)
        self.problems = problems


@dataclass
class Row:
    id: int
    values: dict  # plain fields, converted
    refs: dict  # field -> local id or None (embedded fields: their value, still local)
    many: dict  # field -> [local ids]
    users: dict  # field -> username or None
    many_users: dict  # field -> [usernames]


@dataclass
class Rows:
    by_kind: dict[str, list[Row]]

    @property
    def edition(self) -> Row:
        return self.by_kind["core.edition"][0]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.by_kind.items()}

    def usernames(self) -> set[str]:
        names = set()
        for rows in self.by_kind.values():
            for row in rows:
                names.update(v for v in row.users.values() if v)
                for values in row.many_users.values():
                    names.update(values)
        return names


# --- Bytes to JSON ----------------------------------------------------------------------------------


def check_size(size: int, *, max_bytes: int) -> None:
    """Refuse a file by its size alone: the view and the command ask before reading it."""
    if size > max_bytes:
        raise ImportRefused([
            _("The file is %(size)s: an edition's file may be %(max)s at most.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_bytes)}
        ])


def parse(payload: bytes, *, max_bytes: int) -> dict:
    """The document's JSON object; the size is checked before anything is read."""
    check_size(len(payload), max_bytes=max_bytes)
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused([_("The file is not text in UTF-8: it is not an edition exported by Agora.")]) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused([
            _("The file is not valid JSON (line %(line)d, column %(column)d: %(error)s).")
            % {"line": error.lineno, "column": error.colno, "error": error.msg}
        ]) from None
    except (ValueError, RecursionError):
        # A number too long to read, or arrays nested past what any export makes.
        raise ImportRefused([_("The file is not JSON that Agora can read.")]) from None
    if not isinstance(document, dict):
        raise ImportRefused([_("The file holds a JSON %(type)s, not an edition (a JSON object).") % {"type": _json_type(document)}])
    return document


def _json_type(value) -> str:
    if isinstance(value, list):
        return _("list")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, bool):
        return _("true/false value")
    if isinstance(value, (int, float)):
        return _("number")
    if value is None:
        return "null"
    return _("object")


def check_header(document: dict) -> None:
    if document.get("format") != FORMAT:
        raise ImportRefused([
            _("This is not an edition exported by Agora: its “format” is %(found)s, not “%(expected)s”.")
            % {"found": _shown(document.get("format")), "expected": FORMAT}
        ])
    version = document.get("version")
    # Exactly the integer: 1.0 and true equal 1 in Python, and are not what an export writes.
    if type(version) is not int or version != VERSION:
        raise ImportRefused([
            _("This file is version %(found)s of Agora's edition format; this Agora reads version %(expected)d only.")
            % {"found": _shown(version), "expected": VERSION}
        ])


def _shown(value) -> str:
    """A value of the file, shown in a message: short, and only ever as text."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


# --- The rows -----------------------------------------------------------------------------------------


class _Problems(list):
    def at(self, kind: str, local, field: str | None, message: str) -> None:
        where = _("%(kind)s #%(id)s") % {"kind": BY_NAME[kind].label, "id": local}
        if field:
            where = _("%(where)s, field “%(field)s”") % {"where": where, "field": field}
        self.append(f"{where} ({kind}): {message}")


def _text_problem(value: str) -> str | None:
    if "\x00" in value:
        return _("it contains a NUL character, which cannot be stored")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _("it contains an unpaired surrogate, which is not text")
    return None


def _json_text_problem(value) -> str | None:
    """The first text problem anywhere inside a JSON value (a JSON field's content)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            problem = _text_problem(item)
            if problem:
                return problem
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
    return None


def _plain(field: models.Field, value):
    """The field's Python value from its JSON one; raises ValueError with what is wrong."""
    if value is None:
        if field.null:
            return None
        raise ValueError(_("it cannot be empty (null)"))
    if isinstance(field, models.JSONField):
        problem = _json_text_problem(value)
        if problem:
            raise ValueError(problem)
        return value
    if isinstance(field, models.BooleanField):
        if not isinstance(value, bool):
            raise ValueError(_("true or false expected"))
        return value
    if isinstance(field, (models.IntegerField, models.AutoField)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(_("a whole number expected"))
    elif isinstance(field, (models.DateTimeField, models.DateField, models.TimeField)):
        if not isinstance(value, str):
            raise ValueError(_("a date in ISO 8601 expected"))
        try:
            value = field.to_python(value)
        except ValidationError:
            raise ValueError(_("a date in ISO 8601 expected")) from None
        if isinstance(field, models.DateTimeField) and isinstance(value, datetime.datetime) and value.tzinfo is None:
            raise ValueError(_("a time with its offset from UTC expected"))
    elif isinstance(field, (models.CharField, models.TextField)):
        if not isinstance(value, str):
            raise ValueError(_("a text expected"))
        problem = _text_problem(value)
        if problem:
            raise ValueError(problem)
    else:  # pragma: no cover - a field type these models do not use yet
        raise ValueError(_("a field of a type Agora cannot import"))
    if field.choices and value not in {choice for choice, _label in field.flatchoices}:
        raise ValueError(_("%(value)s is not one of its choices") % {"value": _shown(value)})
    try:
        field.run_validators(value)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    return value


def _row(spec: Spec, raw: dict, problems: _Problems) -> Row:
    kind = spec.kind.name
    local = raw["id"]
    known = set(spec.names) | {"id"}
    for name in raw:
        if name not in known:
            problems.at(kind, local, name, _("no such field in this version"))
    row = Row(id=local, values={}, refs={}, many={}, users={}, many_users={})
    for f in spec.plain:
        if f.name not in raw:
            if f.has_default() or f.null:
                continue  # the model's default, as on a row created here
            problems.at(kind, local, f.name, _("missing"))
            continue
        value = raw[f.name]
        try:
            converted = _plain(f, value)
        except ValueError as error:
            problems.at(kind, local, f.name, str(error))
            continue
        if f.name in spec.kind.embedded:
            row.refs[f.name] = converted  # its ids are checked with the references
        else:
            row.values[f.name] = converted
    for name in spec.refs:
        value = raw.get(name)
        if value is not None and not _is_local(value):
            problems.at(kind, local, name, _("a row's id (a whole number from 1) or null expected"))
            continue
        row.refs[name] = value
    for name in spec.many:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(_is_local(v) for v in value):
            problems.at(kind, local, name, _("a list of ids expected"))
            continue
        row.many[name] = value
    for name in spec.users:
        value = raw.get(name)
        if value is not None and not (isinstance(value, str) and value and _text_problem(value) is None):
            problems.at(kind, local, name, _("a username or null expected"))
            continue
        row.users[name] = value
    for name in spec.many_users:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v and _text_problem(v) is None for v in value):
            problems.at(kind, local, name, _("a list of usernames expected"))
            continue
        row.many_users[name] = value
    return row


def _is_local(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _check_references(rows: dict[str, list[Row]], problems: _Problems) -> None:
    ids = {kind: {row.id for row in kind_rows} for kind, kind_rows in rows.items()}
    by_id = {kind: {row.id: row for row in kind_rows} for kind, kind_rows in rows.items()}
    all_specs = specs()

    def missing(target: str, local) -> str:
        return _("it names %(kind)s #%(id)s, which is not in the file") % {"kind": BY_NAME[target].label, "id": local}

    for kind, kind_rows in rows.items():
        spec = all_specs[kind]
        for row in kind_rows:
            for name, target in spec.refs.items():
                value = row.refs.get(name)
                if value is None:
                    if not spec.kind.model._meta.get_field(name).null:
                        problems.at(kind, row.id, name, _("it cannot be empty (null)"))
                elif value not in ids[target]:
                    problems.at(kind, row.id, name, missing(target, value))
            for name, target in spec.many.items():
                for value in row.many.get(name, []):
                    if value not in ids[target]:
                        problems.at(kind, row.id, name, missing(target, value))
            for name, embedded in spec.kind.embedded.items():
                if name not in row.refs:
                    continue
                try:
                    named = embedded.local_ids(row.refs[name])
                except ValueError as error:
                    problems.at(kind, row.id, name, _("%(shape)s expected") % {"shape": error})
                    continue
                for value in named:
                    if value not in ids[embedded.kind]:
                        problems.at(kind, row.id, name, missing(embedded.kind, value))
    # A section's pointers name revisions of that section (the database says so too, at commit).
    revisions = by_id.get("cahiers.revision", {})
    for section in rows.get("cahiers.section", []):
        for name in ("latest_revision", "live_revision"):
            revision = revisions.get(section.refs.get(name))
            if revision is not None and revision.refs.get("section") != section.id:
                problems.at("cahiers.section", section.id, name, _("it names a revision of another section"))


def read(payload: bytes, *, max_bytes: int) -> Rows:
    """The whole document checked: size, JSON, format and version, kinds, rows, references."""
    document = parse(payload, max_bytes=max_bytes)
    check_header(document)
    objects = document.get("objects")
    if not isinstance(objects, dict):
        raise ImportRefused([_("The file has no “objects”: it holds no edition.")])
    problems = _Problems()
    for name in objects:
        if name not in BY_NAME:
            problems.append(_("The file holds rows of “%(kind)s”, which this version does not know.") % {"kind": _shown(name)[1:-1]})
    counts = document.get("counts", {})
    rows: dict[str, list[Row]] = {}
    for kind in KINDS:
        raw_rows = objects.get(kind.name, [])
        if not isinstance(raw_rows, list) or not all(isinstance(r, dict) for r in raw_rows):
            problems.append(_("“%(kind)s” must be a list of rows (JSON objects).") % {"kind": kind.name})
            rows[kind.name] = []
            continue
        if isinstance(counts, dict) and kind.name in counts and counts[kind.name] != len(raw_rows):
            problems.append(
                _("The file announces %(announced)s rows of “%(kind)s” but holds %(held)d: it was cut or changed.")
                % {"announced": _shown(counts[kind.name]), "kind": kind.name, "held": len(raw_rows)}
            )
        seen = set()
        rows[kind.name] = []
        for position, raw in enumerate(raw_rows, start=1):
            local = raw.get("id")
            if not _is_local(local) or local in seen:
                problems.append(
                    _("Row %(position)d of “%(kind)s” has no id of its own (a whole number from 1, once per kind).")
                    % {"position": position, "kind": kind.name}
                )
                continue
            seen.add(local)
            rows[kind.name].append(_row(specs()[kind.name], raw, problems))
    if len(rows["core.edition"]) != 1 and not problems:
        problems.append(_("The file must hold exactly one edition; it holds %(count)d.") % {"count": len(rows["core.edition"])})
    if not problems:
        _check_references(rows, problems)
    if problems:
        raise ImportRefused(list(problems))
    return Rows(by_kind=rows)
