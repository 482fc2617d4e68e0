"""What an edition's JSON document holds: one entry per kind of row, in the order they are written.

The document is `{"format": "agora-edition", "version": 1, "exported_at", "edition", "counts",
"objects": {kind: [row, …]}}`. A row is `{"id": n, field: value, …}` where `id` is local to the
document (1, 2, 3… per kind, never a database key) and every field is the model's own name:

- a plain field is its value (dates and times in ISO 8601);
- a foreign key is the local id of a row of the kind it points to (or null);
- a many-to-many is the list of those ids;
- a person (an author, a facilitator, an owner) is their username: accounts are not exported,
  an import matches them by username or leaves the field empty;
- a value holding database ids in itself (a merge's moved +1s, a promise chapter's key) is
  translated both ways by its `Embedded` entry.

Every field of a model is in unless its kind `skip`s it; a new field is exported without a word
here. A new model of these apps must be given a `Kind` (one entry) or a reason in `LEFT_OUT`
(tests/cahiers/exchange/test_schema.py checks it). What is left out, and why:

- `workshops.WriteReceipt`: a laptop's idempotency receipts, pruned after a retry window;
- `cahiers.DraftRun`: the worker's bookkeeping of a drafting, not what it wrote;
- `core.ApiToken`: a person's credential for scripts, tied to their account here;
- `workshops.AuditEntry`: who did what on this instance (its accounts by name and id); the trail
  travels in each workshop's own record (voting/record.py), not in the edition's document;
- the `version` counters of workshops, tables and ballots: they only tell a polling page that
  something changed, and start again from 1;
- people's accounts, groups and passwords, and the browser sessions a participant is known by:
  an imported participant is a name on post-its, not someone who can resume at their laptop.

Shared rows (canvases and their sections, formats and their phases, tags) are exported when the
edition uses them, and matched by their natural key on import: an existing canvas, format or tag
of the same slug or name is used rather than copied (see load.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet

from core.models import Canvas, CanvasSection, Edition
from promises import models as promises
from scenarios.models import Scenario, SectionEntry, Tag, TimelineEvent
from voting.models import Allocation, Ballot, BallotOption, BallotPaper
from workshops import models as workshops

from .. import models as cahiers

FORMAT = "agora-edition"
VERSION = 1

# The apps whose models an edition's document covers, each model a kind or left out.
APPS = ("core", "scenarios", "workshops", "voting", "promises", "cahiers")

# model label -> why its rows are not in the document (module docstring).
LEFT_OUT = {
    "workshops.writereceipt": "a laptop's idempotency receipts, pruned after a retry window",
    "cahiers.draftrun": "the worker's bookkeeping of a drafting, not what it wrote",
    "cahiers.exportrun": "the worker's bookkeeping of an export, and a file any instance makes again",
    "core.apitoken": "a person's credential for scripts, tied to their account on this instance",
    "workshops.auditentry": "who did what on this instance, naming its accounts; each workshop's record carries its trail",
}


# --- Values that hold database ids ----------------------------------------------------------------


class Embedded:
    """A field whose value names rows by their database ids: translated to local ids and back."""

    kind: str

    def export(self, value, local_of: Callable[[int], int | None]):
        raise NotImplementedError

    def load(self, value, pk_of: Callable[[int], int]):
        raise NotImplementedError

    def local_ids(self, value) -> list:
        """The local ids the value names, checked against the document; raises ValueError on a bad shape."""
        raise NotImplementedError


@dataclass(frozen=True)
class IdList(Embedded):
    """A JSON list of ids of one kind (a merge's moved +1s, its followers). Ids of rows deleted
    since are dropped on export: they named nothing any more."""

    kind: str

    def export(self, value, local_of):
        return [local for local in (local_of(pk) for pk in value or []) if local is not None]

    def load(self, value, pk_of):
        return [pk_of(local) for local in value]

    def local_ids(self, value):
        if not isinstance(value, list) or not all(_is_id(v) for v in value):
            raise ValueError("a list of ids")
        return list(value)


@dataclass(frozen=True)
class FirstOfPairs(Embedded):
    """A JSON list of [id, anything] pairs (the +1s a merge removed: [participant, time])."""

    kind: str

    def export(self, value, local_of):
        pairs = [[local_of(pair[0]), *pair[1:]] for pair in value or []]
        return [pair for pair in pairs if pair[0] is not None]

    def load(self, value, pk_of):
        return [[pk_of(pair[0]), *pair[1:]] for pair in value]

    def local_ids(self, value):
        if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 and _is_id(p[0]) for p in value):
            raise ValueError("a list of [id, value] pairs")
        return [pair[0] for pair in value]


@dataclass(frozen=True)
class KeySuffix(Embedded):
    """A key ending in an id after one of `prefixes` (the drafting's "promise-<workshop id>",
    "cartography-<workshop id>"); any other key is kept as it is."""

    prefixes: tuple[str, ...]
    kind: str

    @cached_property
    def pattern(self):
        return re.compile("(" + "|".join(re.escape(p) for p in self.prefixes) + r")([0-9]{1,18})")

    def _split(self, value) -> tuple[str, int] | None:
        match = self.pattern.fullmatch(value or "")
        return (match.group(1), int(match.group(2))) if match else None

    def export(self, value, local_of):
        split = self._split(value)
        if split is None:
            return value
        local = local_of(split[1])
        return f"{split[0]}{local}" if local is not None else ""

    def load(self, value, pk_of):
        split = self._split(value)
        return value if split is None else f"{split[0]}{pk_of(split[1])}"

    def local_ids(self, value):
        if not isinstance(value, str):
            raise ValueError("a text")
        split = self._split(value)
        return [] if split is None else [split[1]]


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


# --- Kinds ----------------------------------------------------------------------------------------


def within(path: str) -> Callable[[type[models.Model]], Callable[[Edition], QuerySet]]:
    """The rows that belong to the edition by `path` (e.g. "workshop__edition")."""
    return lambda model: lambda edition: model._base_manager.filter(**{path: edition})


def _canvases(edition: Edition) -> QuerySet:
    """The canvases the edition writes on: its formats' and phases', and those its rows name a section of."""
    return Canvas.objects.filter(
        Q(pk__in=workshops.FormatPhase.objects.filter(format__workshops__edition=edition).values("canvas"))
        | Q(pk__in=workshops.WorkshopPhase.objects.filter(workshop__edition=edition).values("canvas"))
        | Q(pk__in=SectionEntry.objects.filter(scenario__edition=edition).values("section__canvas"))
        | Q(pk__in=workshops.Contribution.objects.filter(workshop__edition=edition).values("section__canvas"))
        | Q(pk__in=workshops.TableOutput.objects.filter(table__workshop__edition=edition).values("section__canvas"))
    )


@dataclass(frozen=True)
class Kind:
    """One kind of row: its model, which rows the edition has, and what is not exported of it."""

    name: str
    model: type[models.Model]
    # The edition's rows, given the model: `within(path)` for most, a function for shared rows.
    rows: Callable
    order: tuple[str, ...] = ("pk",)
    skip: tuple[str, ...] = ()
    # Shared rows are matched here by these fields (local refs resolved) instead of being copied.
    natural_key: tuple[str, ...] = ()
    embedded: dict[str, Embedded] = field(default_factory=dict)

    def queryset(self, edition: Edition) -> QuerySet:
        return self.rows(self.model)(edition).order_by(*self.order)

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)


def _shared(query: Callable[[Edition], QuerySet]):
    return lambda model: query


KINDS: tuple[Kind, ...] = (
    Kind("core.edition", Edition, _shared(lambda e: Edition.objects.filter(pk=e.pk))),
    Kind("core.canvas", Canvas, _shared(_canvases), order=("slug",), natural_key=("slug",)),
    Kind(
        "core.canvassection", CanvasSection, _shared(lambda e: CanvasSection.objects.filter(canvas__in=_canvases(e))),
        order=("canvas__slug", "position"), natural_key=("canvas", "slug"),
    ),
    Kind(
        "workshops.format", workshops.Format,
        _shared(lambda e: workshops.Format.objects.filter(pk__in=workshops.Workshop.objects.filter(edition=e).values("format"))),
        order=("slug",), natural_key=("slug",),
    ),
    Kind(
        "workshops.formatphase", workshops.FormatPhase,
        _shared(lambda e: workshops.FormatPhase.objects.filter(format__in=workshops.Workshop.objects.filter(edition=e).values("format"))),
        order=("format__slug", "position"), natural_key=("format", "position"),
    ),
    Kind(
        "scenarios.tag", Tag, _shared(lambda e: Tag.objects.filter(pk__in=Scenario.objects.filter(edition=e).values("tags"))),
        order=("name",), natural_key=("name",),
    ),
    Kind("scenarios.scenario", Scenario, within("edition")),
    Kind("scenarios.timelineevent", TimelineEvent, within("scenario__edition")),
    Kind("scenarios.sectionentry", SectionEntry, within("scenario__edition")),
    Kind("workshops.workshop", workshops.Workshop, within("edition"), skip=("version", "stage_version")),
    Kind("workshops.workshopphase", workshops.WorkshopPhase, within("workshop__edition")),
    Kind("workshops.table", workshops.Table, within("workshop__edition"), skip=("version",)),
    Kind("workshops.participant", workshops.Participant, within("workshop__edition")),
    Kind("workshops.contribution", workshops.Contribution, within("workshop__edition")),
    Kind("workshops.plusone", workshops.PlusOne, within("contribution__workshop__edition")),
    Kind(
        "workshops.merge", workshops.Merge, within("source__workshop__edition"),
        embedded={
            "moved_plus_ones": IdList("workshops.plusone"),
            "removed_plus_ones": FirstOfPairs("workshops.participant"),
            "followers": IdList("workshops.contribution"),
        },
    ),
    Kind("workshops.tableoutput", workshops.TableOutput, within("table__workshop__edition")),
    Kind("workshops.tableoutputline", workshops.TableOutputLine, within("output__table__workshop__edition")),
    Kind("workshops.tablesynthesis", workshops.TableSynthesis, within("table__workshop__edition")),
    Kind("voting.ballot", Ballot, within("workshop__edition"), skip=("version",)),
    Kind("voting.ballotoption", BallotOption, within("ballot__workshop__edition")),
    Kind("voting.ballotpaper", BallotPaper, within("ballot__workshop__edition")),
    Kind("voting.allocation", Allocation, within("paper__ballot__workshop__edition")),
    Kind("promises.keyword", promises.Keyword, within("workshop__edition")),
    Kind("promises.keywordentry", promises.KeywordEntry, within("keyword__workshop__edition")),
    Kind("promises.promise", promises.Promise, within("workshop__edition")),
    Kind("promises.promisealternative", promises.PromiseAlternative, within("promise__workshop__edition")),
    Kind("promises.persona", promises.Persona, within("workshop__edition")),
    Kind("promises.personastep", promises.PersonaStep, within("persona__workshop__edition")),
    Kind("promises.commitment", promises.Commitment, within("workshop__edition")),
    Kind("promises.keyaction", promises.KeyAction, within("workshop__edition")),
    Kind("promises.stakeholder", promises.Stakeholder, within("workshop__edition")),
    Kind("promises.stakeholderitem", promises.StakeholderItem, within("stakeholder__workshop__edition")),
    Kind("promises.phrase", promises.Phrase, within("workshop__edition")),
    Kind("promises.promiseballot", promises.PromiseBallot, within("workshop__edition")),
    Kind("promises.promiseballotoption", promises.PromiseBallotOption, within("option__ballot__workshop__edition")),
    Kind("cahiers.cahier", cahiers.Cahier, within("edition")),
    Kind(
        "cahiers.chapter", cahiers.Chapter, within("cahier__edition"),
        embedded={"key": KeySuffix(("promise-", "cartography-"), "workshops.workshop")},
    ),
    # A section's latest and live revisions come after its revisions are in (a later kind: deferred).
    Kind("cahiers.section", cahiers.Section, within("chapter__cahier__edition")),
    Kind("cahiers.revision", cahiers.Revision, within("section__chapter__cahier__edition")),
    Kind("cahiers.comment", cahiers.Comment, within("section__chapter__cahier__edition")),
)

BY_NAME = {kind.name: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}


# --- What each kind's fields are --------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """A kind's fields, sorted by what they hold. Refs map a field to the kind it points to."""

    kind: Kind
    plain: tuple[models.Field, ...]
    refs: dict[str, str]
    many: dict[str, str]
    users: tuple[str, ...]
    many_users: tuple[str, ...]
    # Refs to this kind or a later one: written once every row is in (they are all nullable).
    deferred: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (*(f.name for f in self.plain), *self.refs, *self.users, *self.many, *self.many_users)


def _is_user(model) -> bool:
    return model._meta.label_lower == settings.AUTH_USER_MODEL.lower()


class SchemaError(Exception):
    """The kinds above contradict the models (a test runs this on every model)."""


def spec_of(kind: Kind) -> Spec:
    position = {k.name: n for n, k in enumerate(KINDS)}
    plain, refs, many, users, many_users, deferred = [], {}, {}, [], [], []
    meta = kind.model._meta
    for f in meta.concrete_fields:
        if f.primary_key or f.name in kind.skip:
            continue
        if not f.is_relation:
            plain.append(f)
            continue
        target = f.related_model
        if _is_user(target):
            users.append(f.name)
            continue
        if target not in BY_MODEL:
            raise SchemaError(f"{kind.name}.{f.name} points to {target._meta.label}, which has no kind")
        refs[f.name] = BY_MODEL[target].name
        if position[refs[f.name]] >= position[kind.name]:
            if not f.null:
                raise SchemaError(f"{kind.name}.{f.name} points forward and cannot be empty meanwhile")
            deferred.append(f.name)
    for f in meta.local_many_to_many:
        if f.name in kind.skip:
            continue
        if _is_user(f.related_model):
            many_users.append(f.name)
        elif f.related_model in BY_MODEL:
            many[f.name] = BY_MODEL[f.related_model].name
        else:
            raise SchemaError(f"{kind.name}.{f.name} lists {f.related_model._meta.label}, which has no kind")
    return Spec(
        kind=kind, plain=tuple(plain), refs=refs, many=many, users=tuple(users), many_users=tuple(many_users),
        deferred=tuple(deferred),
    )


_SPECS: dict[str, Spec] = {}


def specs() -> dict[str, Spec]:
    if not _SPECS:
        _SPECS.update({kind.name: spec_of(kind) for kind in KINDS})
    return _SPECS
