"""An edition's document into the database: everything, in one transaction, or nothing.

document.read() checks the file (size first, then JSON, format, version, fields, references)
before anything is written. Then, inside one transaction: what the document needs from this
database (its edition's slug free, the shared rows it names, the people it names), then every
kind in the order of schema.KINDS (a reference to an earlier kind is known when a row is
written), then the references to a later kind or to the same one (a section's latest and live
revisions, a revision's `based_on`, a merged post-it's target), then the deferred constraints are
checked before the transaction ends. Any failure rolls all of it back and names what is wrong.

Decisions:
- People are matched by username. One unknown here leaves the field empty (a revision without
  author, a workshop without that facilitator): a file never creates accounts, so a file cannot
  make someone exist on this instance. The result lists the usernames not found.
- Shared rows are matched by natural key: a canvas or format of the same slug, a tag of the same
  name, is used as it is here (the document's copy is not written over it; a format found here
  keeps its own phases). A canvas found here must have every section the document names.
- A workshop's join code is kept unless a workshop here has it: then it gets a new one.
- Rows are written with their own dates (created, updated, published): `raw` inserts, so that
  `auto_now` fields keep the document's values. A revision is only ever inserted; the one update
  it gets is its `based_on`, which the immutability trigger (migration 0002) lets through.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DataError, IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from core.models import Edition
from workshops.models import Workshop, new_join_code

from .document import ImportRefused, Row, Rows, read
from .schema import BY_NAME, KINDS, specs

logger = logging.getLogger(__name__)

BATCH = 500


@dataclass
class Imported:
    edition: Edition
    counts: dict[str, int]
    # Usernames the document names that have no account here: those fields were left empty.
    unknown_users: list[str] = field(default_factory=list)
    # Shared rows (canvases, formats, tags) found here and used instead of the document's copy.
    reused: dict[str, int] = field(default_factory=dict)


def max_bytes() -> int:
    return settings.EDITION_IMPORT_MAX_BYTES


def import_edition(payload: bytes, *, user=None) -> Edition:
    """Import an edition's JSON document (export_edition_bytes); raises ImportRefused, writing nothing.
    `user` is who imports it, for the log: the rows' people are the document's (matched by username)."""
    return load_edition(payload, user=user).edition


def load_edition(payload: bytes, *, user=None, limit: int | None = None) -> Imported:
    """As import_edition, with what the view and the command report: counts, people not found.
    `limit`: the size limit in bytes, EDITION_IMPORT_MAX_BYTES unless given (the command's option)."""
    rows = read(payload, max_bytes=limit if limit is not None else max_bytes())
    try:
        with transaction.atomic():
            imported = _write(rows)
            # Deferred constraints (a section's pointers, positions) are checked now, inside the
            # transaction, so that a breach rolls back here rather than failing some later commit.
            connection.check_constraints()
    except IntegrityError as error:
        raise ImportRefused([_constraint_message(error)]) from error
    except DataError as error:
        # A value the checks let through but the column cannot hold: refused, like a broken rule.
        raise ImportRefused([_("The database refused the file (%(error)s): nothing was imported.") % {"error": _first_line(error)}]) from error
    logger.info(
        "edition %s imported by %s: %d rows", imported.edition.slug, getattr(user, "username", None) or "a command",
        sum(imported.counts.values()),
    )
    return imported


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0][:300]


def _constraint_message(error: IntegrityError) -> str:
    name = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
    if name:
        return _("The file breaks the database rule “%(rule)s”: nothing was imported.") % {"rule": name}
    return _("The file breaks a rule of the database (%(error)s): nothing was imported.") % {"error": _first_line(error)}


# --- Writing ----------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, rows: Rows):
        self.rows = rows
        self.pks: dict[str, dict[int, int]] = {kind.name: {} for kind in KINDS}
        self.users: dict[str, int] = {}
        self.unknown_users: list[str] = []
        self.reused: dict[str, int] = {}
        # (kind, local id, field, target kind, target local id): set once every row is in.
        self.deferred: list[tuple] = []
        # kind -> local ids of the document's shared rows found here (not written).
        self.reused_locals: dict[str, set[int]] = {}

    def pk_of(self, kind: str):
        return lambda local: self.pks[kind][local]

    # Users and what must not exist yet.

    def people(self) -> None:
        wanted = self.rows.usernames()
        found = dict(get_user_model().objects.filter(username__in=wanted).values_list("username", "pk"))
        self.users = found
        self.unknown_users = sorted(wanted - set(found))

    def edition_is_new(self) -> None:
        slug = self.rows.edition.values.get("slug")
        if Edition.objects.filter(slug=slug).exists():
            raise ImportRefused([
                _("An edition with the slug “%(slug)s” exists here already: nothing was imported. Delete it, or import the file elsewhere.")
                % {"slug": slug}
            ])

    # Shared rows.

    def match_shared(self, kind) -> set[int]:
        """Map the document's shared rows found here to their rows; return the local ids to write.

        A canvas, a format or a tag is found by its slug or name. A section of a canvas found here
        must be in it (else the file is refused: the canvas here is not the one the file used); a
        phase of a format found here is its own, whatever the file says (nothing else names it).
        Rows under a parent written from the document are written with it.
        """
        spec = specs()[kind.name]
        rows = self.rows.by_kind[kind.name]
        key = kind.natural_key
        parent = next((f for f in key if f in spec.refs), None)
        parent_kind = spec.refs.get(parent)
        reused_parents = self.reused_locals.get(parent_kind, set())
        if parent is None:
            existing = kind.model._base_manager.filter(**{f"{key[0]}__in": [row.values.get(key[0]) for row in rows]})
        else:
            existing = kind.model._base_manager.filter(
                **{f"{parent}__in": [self.pks[parent_kind][local] for local in reused_parents]}
            )
        attnames = [kind.model._meta.get_field(f).attname for f in key]
        here = {tuple(getattr(obj, a) for a in attnames): obj.pk for obj in existing} if rows else {}
        reused = self.reused_locals.setdefault(kind.name, set())
        to_write = set()
        for row in rows:
            if parent is not None and row.refs[parent] not in reused_parents:
                to_write.add(row.id)
                continue
            natural = tuple(self.pks[spec.refs[f]][row.refs[f]] if f in spec.refs else row.values.get(f) for f in key)
            pk = here.get(natural)
            if pk is not None:
                self.pks[kind.name][row.id] = pk
                reused.add(row.id)
            elif parent is None:
                to_write.add(row.id)
            elif kind.name == "core.canvassection":
                raise ImportRefused([
                    _("The %(parent)s “%(name)s” exists here without the %(kind)s “%(missing)s” the file uses: nothing was imported.")
                    % {
                        "parent": BY_NAME[parent_kind].label,
                        "name": self._parent_name(parent_kind, row.refs[parent]),
                        "kind": kind.label,
                        "missing": row.values.get("slug", row.id),
                    }
                ])
        self.reused[kind.name] = len(reused)
        return to_write

    def _parent_name(self, kind: str, local: int) -> str:
        row = next(r for r in self.rows.by_kind[kind] if r.id == local)
        return row.values.get("slug") or row.values.get("name") or str(local)

    # Rows.

    def instance(self, kind, row: Row):
        spec = specs()[kind.name]
        model = kind.model
        obj = model(**row.values)
        for name, target in spec.refs.items():
            attname = model._meta.get_field(name).attname
            local = row.refs.get(name)
            if name in spec.deferred:
                if local is not None:
                    self.deferred.append((kind, row.id, name, target, local))
                setattr(obj, attname, None)
            else:
                setattr(obj, attname, None if local is None else self.pks[target][local])
        for name, embedded in kind.embedded.items():
            if name in row.refs:
                setattr(obj, name, embedded.load(row.refs[name], self.pk_of(embedded.kind)))
        for name in spec.users:
            username = row.users.get(name)
            setattr(obj, model._meta.get_field(name).attname, self.users.get(username) if username else None)
        return obj

    def insert(self, kind, rows: list[Row]) -> None:
        model = kind.model
        objs = [self.instance(kind, row) for row in rows]
        if kind.name == "workshops.workshop":
            self._free_join_codes(objs)
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        manager = model._base_manager
        for start in range(0, len(objs), BATCH):
            batch = objs[start : start + BATCH]
            # raw: the fields' pre_save is skipped, so auto_now(_add) dates are the document's.
            returned = manager._insert(batch, fields=fields, returning_fields=[model._meta.pk], raw=True, using=manager.db)
            for obj, (pk,) in zip(batch, returned):
                obj.pk = pk
        for row, obj in zip(rows, objs):
            self.pks[kind.name][row.id] = obj.pk
        self.many(kind, rows)

    def _free_join_codes(self, workshops: list[Workshop]) -> None:
        codes = [w.join_code for w in workshops]
        taken = set(Workshop.objects.filter(join_code__in=codes).values_list("join_code", flat=True))
        seen = set()
        for workshop in workshops:
            if workshop.join_code in taken or workshop.join_code in seen:
                code = new_join_code()
                while Workshop.objects.filter(join_code=code).exists() or code in seen:
                    code = new_join_code()
                workshop.join_code = code
            seen.add(workshop.join_code)

    def many(self, kind, rows: list[Row]) -> None:
        spec = specs()[kind.name]
        for name in (*spec.many, *spec.many_users):
            field_ = kind.model._meta.get_field(name)
            through = field_.remote_field.through
            source, target = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
            links = []
            for row in rows:
                pk = self.pks[kind.name][row.id]
                if name in spec.many:
                    targets = [self.pks[spec.many[name]][local] for local in row.many.get(name, [])]
                else:
                    targets = [self.users[u] for u in row.many_users.get(name, []) if u in self.users]
                links.extend(through(**{source: pk, target: other}) for other in dict.fromkeys(targets))
            through.objects.bulk_create(links, batch_size=BATCH)

    def deferred_refs(self) -> None:
        by_kind: dict[str, dict[int, dict[str, int]]] = {}
        for kind, local, name, target, target_local in self.deferred:
            by_kind.setdefault(kind.name, {}).setdefault(self.pks[kind.name][local], {})[name] = self.pks[target][target_local]
        for kind_name, updates in by_kind.items():
            kind = BY_NAME[kind_name]
            names = sorted({name for values in updates.values() for name in values})
            objs = []
            for pk, values in updates.items():
                obj = kind.model(pk=pk)
                for name in names:
                    setattr(obj, kind.model._meta.get_field(name).attname, values.get(name))
                objs.append(obj)
            # Rows missing a name (a section with a latest but no live revision) keep it empty: None.
            kind.model._base_manager.bulk_update(objs, names, batch_size=BATCH)


def _write(rows: Rows) -> Imported:
    writer = _Writer(rows)
    writer.edition_is_new()
    writer.people()
    for kind in KINDS:
        kind_rows = rows.by_kind[kind.name]
        if kind.natural_key:
            to_write = writer.match_shared(kind)
            kind_rows = [row for row in kind_rows if row.id in to_write]
        writer.insert(kind, kind_rows)
    writer.deferred_refs()
    edition = Edition.objects.get(pk=writer.pks["core.edition"][rows.edition.id])
    return Imported(edition=edition, counts=rows.counts(), unknown_users=writer.unknown_users, reused=writer.reused)
