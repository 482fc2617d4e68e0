"""Writing many rows in one statement each, without a model instance per row.

On PostgreSQL each column travels as one array and the statement reads them back with unnest
(what Django's own bulk_create does since 5.2, minus the model instances, the per-value
preparation and the batches, which cost more than the SQL for 100,000 rows). Elsewhere (the
embedded SQLite) the ORM's bulk methods do the same work, batched.

Rows are plain tuples of values the database takes as they are (ints, strings): no field
conversion is applied. Fields are named as in the model ("output" for a foreign key).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db import connection
from django.db.models import Model

ORM_BATCH = 2000


def _native() -> bool:
    return connection.vendor == "postgresql"


def _fields(model: type[Model], names: Sequence[str]):
    return [model._meta.get_field(name) for name in names]


def _array_type(field) -> str:
    # As Django's unnest insert: the type without its parameters (varchar, not varchar(100)).
    return field.db_type(connection).split("(")[0] + "[]"


def _unnest(fields) -> tuple[str, str]:
    """unnest(%s::type[], …) AS u(c0, c1, …), and the list of its column names."""
    arrays = ", ".join(f"%s::{_array_type(field)}" for field in fields)
    names = ", ".join(f"c{i}" for i in range(len(fields)))
    return f"unnest({arrays}) AS u({names})", names


def _columns(rows: Sequence[tuple], width: int) -> list:
    return [_array_literal(column) for column in zip(*rows)] if rows else [[] for _ in range(width)]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _array_literal(values: tuple):
    """PostgreSQL's text form of an array of ints or of strings, built by str.join in C: psycopg
    dumps a list element by element in Python, which for 100,000 rows cost more than the INSERT.
    Any other kind of value goes as a list, for psycopg to adapt."""
    kinds = set(map(type, values))
    if kinds <= {int, type(None)}:
        if type(None) in kinds:
            return "{" + ",".join("NULL" if value is None else str(value) for value in values) + "}"
        return "{" + ",".join(map(str, values)) + "}"
    if kinds == {str}:
        return "{" + ",".join(map(_quoted, values)) + "}"
    return list(values)


def insert_rows(model: type[Model], names: Sequence[str], rows: Sequence[tuple], returning: bool = True) -> list[int]:
    """Insert `rows` (values in the order of `names`); returns their primary keys in the same
    order (as Django's bulk_create, PostgreSQL returns the rows of an INSERT … SELECT in the order it
    inserted them), or [] when `returning` is False."""
    if not rows:
        return []
    fields = _fields(model, names)
    if not _native():
        created = model.objects.bulk_create(
            [model(**{field.attname: value for field, value in zip(fields, row)}) for row in rows], batch_size=ORM_BATCH
        )
        return [obj.pk for obj in created] if returning else []
    quote = connection.ops.quote_name
    source, names_sql = _unnest(fields)
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) SELECT {names_sql} FROM {source}"
    if returning:
        sql += f" RETURNING {quote(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, _columns(rows, len(fields)))
        return [pk for (pk,) in cursor.fetchall()] if returning else []


def update_rows(model: type[Model], names: Sequence[str], rows: Sequence[tuple]) -> None:
    """Set `names` of each row whose primary key is the row's first value to the values that follow."""
    if not rows:
        return
    fields = _fields(model, names)
    if not _native():
        model.objects.bulk_update(
            [model(pk=pk, **{field.attname: value for field, value in zip(fields, values)}) for pk, *values in rows],
            [field.name for field in fields],
            batch_size=ORM_BATCH,
        )
        return
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), model._meta.pk
    source, _ = _unnest([pk, *fields])
    assignments = ", ".join(f"{quote(field.column)} = u.c{i}" for i, field in enumerate(fields, start=1))
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {assignments} FROM {source} WHERE {table}.{quote(pk.column)} = u.c0", _columns(rows, len(fields) + 1))


def delete_pairs(model: type[Model], left: str, right: str, pairs: Sequence[tuple[int, int]]) -> None:
    """Delete the rows of a two-column table (a many-to-many's) whose (left, right) is one of `pairs`.
    No on_delete rule runs: meant for link tables, which nothing points to."""
    if not pairs:
        return
    fields = _fields(model, [left, right])
    if not _native():
        by_left = defaultdict(list)
        for a, b in pairs:
            by_left[a].append(b)
        for a, bs in by_left.items():
            model.objects.filter(**{fields[0].attname: a, f"{fields[1].attname}__in": bs}).delete()
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    source, _ = _unnest(fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} USING {source} WHERE {table}.{quote(fields[0].column)} = u.c0 AND {table}.{quote(fields[1].column)} = u.c1",
            _columns(pairs, 2),
        )
