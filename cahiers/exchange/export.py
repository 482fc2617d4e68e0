"""An edition as one JSON document (schema.py says what it holds and what it leaves out).

`export_edition(edition)` reads every kind in one query, plus one per many-to-many field: about 50
queries whatever the size of the edition. Rows are read in a fixed order (shared rows by their
natural key, the edition's by creation), and their local ids are 1, 2, 3… in that order, so the
same edition gives the same document, and an edition imported from it gives it again.
"""

from __future__ import annotations

import datetime
import json

from django.db.models import F
from django.utils import timezone

from core.models import Edition

from .schema import FORMAT, KINDS, VERSION, specs


def _value(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _fetch(kind, edition: Edition) -> list[dict]:
    spec = specs()[kind.name]
    columns = {"pk": F("pk")}
    for f in spec.plain:
        columns[f.name] = F(f.attname)
    for name in spec.refs:
        columns[name] = F(kind.model._meta.get_field(name).attname)
    for name in spec.users:
        columns[name] = F(f"{name}__username")
    return list(kind.queryset(edition).values(**{f"x_{key}": value for key, value in columns.items()}))


def _many(kind, edition: Edition, name: str) -> list[tuple[int, object]]:
    """(row pk, target pk or username) pairs of a many-to-many field, for the edition's rows."""
    field = kind.model._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = through.objects.filter(**{f"{source}__in": kind.queryset(edition).order_by().values("pk")})
    other = f"{target}__username" if name in specs()[kind.name].many_users else f"{target}_id"
    return list(rows.values_list(f"{source}_id", other))


def export_edition(edition: Edition) -> dict:
    """The edition and everything that belongs to it, as a JSON-serialisable document."""
    fetched = {kind.name: _fetch(kind, edition) for kind in KINDS}
    local = {name: {row["x_pk"]: n for n, row in enumerate(rows, start=1)} for name, rows in fetched.items()}
    objects = {}
    for kind in KINDS:
        spec = specs()[kind.name]
        many = {name: _many(kind, edition, name) for name in (*spec.many, *spec.many_users)}
        listed = {name: {} for name in many}
        for name, pairs in many.items():
            for pk, other in pairs:
                if name in spec.many:
                    other = local[spec.many[name]].get(other)
                    if other is None:
                        continue  # a row of another edition: not in this document
                listed[name].setdefault(pk, []).append(other)
        rows = []
        for row in fetched[kind.name]:
            pk = row["x_pk"]
            out = {"id": local[kind.name][pk]}
            for f in spec.plain:
                value = row[f"x_{f.name}"]
                embedded = kind.embedded.get(f.name)
                if embedded is not None:
                    value = embedded.export(value, local[embedded.kind].get)
                out[f.name] = _value(value)
            for name, target in spec.refs.items():
                value = row[f"x_{name}"]
                # A row outside the edition (a table's scenario of another edition) is not followed.
                out[name] = local[target].get(value) if value is not None else None
            for name in spec.users:
                out[name] = row[f"x_{name}"]
            for name in spec.many:
                out[name] = sorted(listed[name].get(pk, []))
            for name in spec.many_users:
                out[name] = sorted(listed[name].get(pk, []))
            rows.append(out)
        objects[kind.name] = rows
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "edition": edition.slug,
        "counts": {name: len(rows) for name, rows in objects.items()},
        "objects": objects,
    }


def export_edition_bytes(edition: Edition) -> bytes:
    """The document as UTF-8 JSON, one row per line group (readable in a text editor, diffable)."""
    return json.dumps(export_edition(edition), ensure_ascii=False, indent=1).encode("utf-8")
