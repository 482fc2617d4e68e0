"""Formats and canvases as data: the reads and writes behind the facilitators' editors.

A format is an ordered list of phases; a canvas an ordered list of sections with optional axes.
Writes are keyword-only, run under one transaction, lock the format or canvas they reorder and
raise ValidationError with a readable message on bad input, having written nothing then.

Lock order: a section write locks the workshops running on its canvas first (in id order, with the
workshop services' `workshop_lock`), then the canvas, then its sections; every other write here
locks only its format or canvas row (`_lock`), then that row's children. Nothing here locks a
workshop after a format or canvas, so this order never meets workshops.services' one the other way.

Each format and canvas belongs to its author (`owner`) and the co-owners they name; those shipped
as data have no owner. Who may do what is said by the rules in `rules.py` (`workshops.edit_format`…),
which the views check: these services only keep the data sound.

A canvas that a live or closed workshop runs on keeps its sections as they are: adding, editing,
moving or removing one is refused, and "Duplicate" makes the new version that future workshops use.
We refuse rather than copy on write because a copy made behind the facilitator's back would have to
decide alone which formats and draft workshops follow the new version (some of them another
facilitator's), and the post-its, table outputs and scenario entries of the workshops that ran
point at the old sections anyway: a duplicate is the same copy, made in plain sight, and the
refusal says so. Names and descriptions still change: participants never see them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Prefetch, ProtectedError, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.models import Canvas, CanvasSection
from core.roles import FACILITATORS
from core.slugs import unique_slug
from scenarios.models import SectionEntry

from .models import (
    Activity,
    Contribution,
    Format,
    FormatPhase,
    TableOutput,
    TableOutputLine,
    Workshop,
    WorkshopPhase,
)
from . import selectors
from .audit import Action, Target, audit_record, changed_fields
from .live import workshop_bump_version
from .services import phase_plan, phase_sections_copy, workshop_lock

NAME_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 2000
PROMPT_MAX_LENGTH = 1000
AXES_MAX = 8
AXIS_MAX_LENGTH = 100
TIMER_MAX_MINUTES = 600
# Out of reach of real positions: a row parks here while it swaps places with its neighbour,
# since the (parent, position) unique constraints are checked row by row.
PARKING_POSITION = 2_000_000_000

UP, DOWN = "up", "down"


# Reads -------------------------------------------------------------------------------------------


def format_list(*, user) -> QuerySet[Format]:
    """The formats this user may use (theirs, shared with them, the seed), with their phases (and
    canvases), owner, co-owners and how many workshops use them: 4 queries."""
    phases = FormatPhase.objects.select_related("canvas").order_by("position")
    return (
        Format.objects.usable_by(user)
        .select_related("owner")
        .annotate(workshop_count=Count("workshops", distinct=True))
        .prefetch_related(Prefetch("phases", queryset=phases), "co_owners")
        .order_by("name", "pk")
    )


def canvas_list(*, user) -> QuerySet[Canvas]:
    """The canvases this user may use, with their owner, co-owners and number of sections: 2 queries."""
    return (
        selectors.canvases_usable_by(user)
        .select_related("owner")
        .annotate(section_count=Count("sections", distinct=True))
        .prefetch_related("co_owners")
        .order_by("name", "pk")
    )


def facilitators_to_share_with(*, owned: Canvas | Format) -> QuerySet:
    """Who may be named co-owner: the other facilitators."""
    users = get_user_model().objects.filter(groups__name=FACILITATORS, is_active=True).distinct()
    if owned.owner_id is not None:
        users = users.exclude(pk=owned.owner_id)
    return users.order_by("username")


def canvas_sections(*, canvas: Canvas) -> list[CanvasSection]:
    return list(canvas.sections.order_by("position"))


def format_phases(*, format: Format) -> list[FormatPhase]:
    sections = CanvasSection.objects.order_by("position")
    return list(
        format.phases.select_related("canvas").prefetch_related(Prefetch("sections", queryset=sections)).order_by("position")
    )


def canvas_usage(*, canvas: Canvas, user) -> dict:
    """Who depends on this canvas, as this user may know it.

    The formats they may use and the workshops they facilitate are named; the others are only
    counted (`other_formats`, `other_workshops`): another facilitator's titles are theirs.
    `in_use`: a live or closed workshop runs on it, so its sections no longer change.
    """
    formats = Format.objects.filter(pk__in=FormatPhase.objects.filter(canvas=canvas).values("format_id"))
    workshops = Workshop.objects.filter(pk__in=WorkshopPhase.objects.filter(canvas=canvas).values("workshop_id"))
    named_formats = list(formats.usable_by(user).order_by("name").values_list("name", flat=True))
    named_workshops = list(workshops.facilitated_by(user).order_by("title").values_list("title", flat=True))
    return {
        "formats": named_formats,
        "other_formats": formats.count() - len(named_formats),
        "workshops": named_workshops,
        "other_workshops": workshops.count() - len(named_workshops),
        "live": workshops.filter(status=Workshop.Status.LIVE).exists(),
        "in_use": workshops.filter(status__in=[Workshop.Status.LIVE, Workshop.Status.CLOSED]).exists(),
    }


def _names(names: list[str], others: int, *, workshops: bool) -> str:
    """"A, B and 2 other workshops": the names a user may read, the rest counted."""
    if not others:
        return ", ".join(names)
    if workshops:
        rest = ngettext("%(count)d other workshop", "%(count)d other workshops", others) % {"count": others}
    else:
        rest = ngettext("%(count)d other format", "%(count)d other formats", others) % {"count": others}
    if not names:
        return rest
    return _("%(names)s and %(rest)s") % {"names": ", ".join(names), "rest": rest}


def parse_axes(text: str) -> list[str]:
    """Axes typed as a comma-separated list: "Pour une entreprise, Pour un acteur public"."""
    return [" ".join(axis.split()) for axis in (text or "").split(",") if axis.strip()]


# Validation --------------------------------------------------------------------------------------


def _clean_line(value: str, *, field: str, max_length: int, empty_message: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError({field: empty_message})
    if len(value) > max_length:
        raise ValidationError(
            {field: _("At most %(max)d characters (this one has %(n)d).") % {"max": max_length, "n": len(value)}}
        )
    return value


def _clean_text(value: str, *, field: str, max_length: int) -> str:
    value = (value or "").strip()
    if len(value) > max_length:
        raise ValidationError(
            {field: _("At most %(max)d characters (this one has %(n)d).") % {"max": max_length, "n": len(value)}}
        )
    return value


def _clean_axes(axes: Iterable[str] | str) -> list[str]:
    if isinstance(axes, str):
        axes = parse_axes(axes)
    cleaned = [" ".join(str(axis).split()) for axis in axes]
    cleaned = [axis for axis in cleaned if axis]
    if len(cleaned) > AXES_MAX:
        raise ValidationError({"axes": _("A section has at most %(max)d axes.") % {"max": AXES_MAX}})
    seen = set()
    for axis in cleaned:
        if len(axis) > AXIS_MAX_LENGTH:
            raise ValidationError(
                {"axes": _("An axis has at most %(max)d characters: “%(axis)s…” is longer.")
                 % {"max": AXIS_MAX_LENGTH, "axis": axis[:30]}}
            )
        if axis.casefold() in seen:
            raise ValidationError({"axes": _("The axis “%(axis)s” is listed twice.") % {"axis": axis}})
        seen.add(axis.casefold())
    return cleaned


def _clean_details(*, name: str, description: str, empty_message: str) -> tuple[str, str]:
    name = _clean_line(name, field="name", max_length=NAME_MAX_LENGTH, empty_message=empty_message)
    description = _clean_text(description, field="description", max_length=DESCRIPTION_MAX_LENGTH)
    return name, description


def _protected_message(error: ProtectedError) -> str:
    kinds = {type(obj) for obj in error.protected_objects}
    if kinds & {Contribution, TableOutput, TableOutputLine}:
        return _("Post-its were already posted in it: it cannot be deleted.")
    if SectionEntry in kinds:
        return _("Developed scenarios already use it: it cannot be deleted.")
    if kinds & {WorkshopPhase, Workshop}:
        return _("Workshops already use it: it cannot be deleted.")
    if FormatPhase in kinds:
        return _("Formats already use it: it cannot be deleted.")
    return _("It is already in use: it cannot be deleted.")


def _bump_workshops_on(canvas_id: int) -> None:
    """Rooms running on this canvas re-render their boards (titles, prompts, axes or order changed)."""
    workshop_ids = (
        WorkshopPhase.objects.filter(canvas_id=canvas_id)
        .exclude(workshop__status=Workshop.Status.CLOSED)
        .values_list("workshop_id", flat=True)
        .order_by("workshop_id")
        .distinct()
    )
    # In id order: two edits bumping the same workshops take their rows in the same order.
    for workshop_id in workshop_ids:
        workshop_bump_version(workshop_id=workshop_id, stage=True)


# Canvases and formats alike ----------------------------------------------------------------------


def _lock(parent: Canvas | Format) -> Canvas | Format:
    # Writes to a canvas's sections or a format's phases serialise on that row,
    # so positions are computed and swapped safely.
    return type(parent).objects.select_for_update().get(pk=parent.pk)


def _create_named(
    model: type[Canvas] | type[Format], *, name: str, description: str, owner, empty_message: str, fallback: str
):
    """A new canvas or format, its slug made from its name, owned by its author."""
    name, description = _clean_details(name=name, description=description, empty_message=empty_message)
    # Two facilitators may pick the same name at the same moment: the unique constraint decides,
    # and the loser takes the next suffix.
    for _attempt in range(5):
        slug = unique_slug(queryset=model.objects.all(), text=name, fallback=fallback)
        try:
            with transaction.atomic():
                return model.objects.create(slug=slug, name=name, description=description, owner=owner)
        except IntegrityError:
            continue
    raise ValidationError(_("This name is being used right now: try again."))


def _update_details(parent: Canvas | Format, *, name: str, description: str, empty_message: str):
    name, description = _clean_details(name=name, description=description, empty_message=empty_message)
    parent = _lock(parent)
    parent.name, parent.description = name, description
    parent.save(update_fields=["name", "description"])
    return parent


def _share(owned: Canvas | Format, co_owners: Iterable) -> Canvas | Format:
    co_owners = list(co_owners)
    facilitators = set(facilitators_to_share_with(owned=owned).values_list("pk", flat=True))
    strangers = [user for user in co_owners if user.pk not in facilitators]
    if strangers:
        raise ValidationError(
            {"co_owners": _("Only other facilitators can be co-owners: %(names)s cannot.")
             % {"names": ", ".join(sorted(user.get_username() for user in strangers))}}
        )
    owned = _lock(owned)
    owned.co_owners.set(co_owners)
    return owned


def _delete(obj) -> None:
    """Delete, or say in words what still depends on it."""
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError as error:
        raise ValidationError(_protected_message(error)) from None


# Their ordered children (a canvas's sections, a format's phases) are added, found and moved alike.


def _next_position(children: QuerySet) -> int:
    """A new child goes at the end."""
    return (children.aggregate(top=Max("position"))["top"] or 0) + 1


def _child_of(model, parent_field: str, parent, child_id, missing_message: str):
    """The child, locked, only if it belongs to this parent: ids come from URLs."""
    child = model.objects.select_for_update().filter(pk=child_id, **{parent_field: parent}).first()
    if child is None:
        raise ValidationError(missing_message)
    return child


def _swap(model, parent_field: str, parent, item_id, direction: str, missing_message: str):
    """Move a child one place up or down: it trades positions with its neighbour."""
    if direction not in (UP, DOWN):
        raise ValidationError(_("Move up or down."))
    siblings = model.objects.select_for_update().filter(**{parent_field: parent})
    item = _child_of(model, parent_field, parent, item_id, missing_message)
    if direction == UP:
        neighbour = siblings.filter(position__lt=item.position).order_by("-position").first()
    else:
        neighbour = siblings.filter(position__gt=item.position).order_by("position").first()
    if neighbour is None:
        return item  # already first (or last): nothing to do
    mine, theirs = item.position, neighbour.position
    model.objects.filter(pk=item.pk).update(position=PARKING_POSITION)
    model.objects.filter(pk=neighbour.pk).update(position=mine)
    model.objects.filter(pk=item.pk).update(position=theirs)
    item.position = theirs
    return item


# Canvases ----------------------------------------------------------------------------------------


@transaction.atomic
def canvas_create(*, name: str, description: str = "", owner) -> Canvas:
    """A new canvas owned by `owner` (None: shared by everyone, edited by a superuser, as the seed's). Locks nothing."""
    return _create_named(
        Canvas, name=name, description=description, owner=owner, empty_message=_("Give the canvas a name."), fallback="canvas"
    )


@transaction.atomic
def canvas_update(*, canvas: Canvas, name: str, description: str = "") -> Canvas:
    """Rename or describe a canvas; its slug stays, since the seed data and links rely on it. Locks: the canvas."""
    return _update_details(canvas, name=name, description=description, empty_message=_("Give the canvas a name."))


@transaction.atomic
def canvas_duplicate(*, canvas: Canvas, name: str, owner) -> Canvas:
    """A new canvas with a copy of every section, owned by whoever made it (co-owners are not copied):
    how one adapts a seed canvas, another's, or one that workshops already run on. Locks nothing: it reads the original."""
    copy = canvas_create(name=name, description=canvas.description, owner=owner)
    CanvasSection.objects.bulk_create(
        CanvasSection(canvas=copy, position=s.position, slug=s.slug, title=s.title, prompt=s.prompt, axes=list(s.axes))
        for s in canvas.sections.order_by("position")
    )
    return copy


@transaction.atomic
def canvas_share(*, canvas: Canvas, co_owners: Iterable) -> Canvas:
    """Name the facilitators who edit this canvas with its owner (all of them: the others lose it). Locks: the canvas."""
    return _share(canvas, co_owners)


@transaction.atomic
def canvas_delete(*, canvas: Canvas, user) -> None:
    """Delete an unused canvas; a refusal names only what `user` may know of. Locks: the canvas."""
    canvas = _lock(canvas)
    usage = canvas_usage(canvas=canvas, user=user)
    if usage["workshops"] or usage["other_workshops"]:
        names = _names(usage["workshops"], usage["other_workshops"], workshops=True)
        raise ValidationError(
            _("Workshops use this canvas (%(names)s): it cannot be deleted. Duplicate it to make a new version.")
            % {"names": names}
        )
    if usage["formats"] or usage["other_formats"]:
        names = _names(usage["formats"], usage["other_formats"], workshops=False)
        raise ValidationError(
            _("Formats use this canvas (%(names)s): remove it from their phases first.") % {"names": names}
        )
    _delete(canvas)


def _lock_sections(canvas: Canvas) -> Canvas:
    """Lock the workshops that run on this canvas (by id), then the canvas; refuse if one is live or closed.

    Workshop rows first, as every write service takes them: a workshop cannot go live between the
    check and the change, since opening its first phase waits for its row.
    """
    workshop_ids = (
        WorkshopPhase.objects.filter(canvas_id=canvas.pk).order_by("workshop_id").values_list("workshop_id", flat=True).distinct()
    )
    # The workshop services' own helper (FOR NO KEY UPDATE), in id order: two edits of one canvas queue alike.
    statuses = {workshop_lock(workshop_id).status for workshop_id in workshop_ids}
    if statuses & {Workshop.Status.LIVE, Workshop.Status.CLOSED}:
        raise ValidationError(frozen_message())
    return _lock(canvas)


def frozen_message() -> str:
    """Why a canvas's sections no longer change: the editor page shows it too."""
    return _("A live or closed workshop runs on this canvas: its sections no longer change. "
             "Duplicate the canvas to make a new version for the next workshops.")


def _section_of(canvas: Canvas, section_id) -> CanvasSection:
    return _child_of(CanvasSection, "canvas", canvas, section_id, _("This section is not part of this canvas."))


@transaction.atomic
def section_add(*, canvas: Canvas, title: str, prompt: str = "", axes: Iterable[str] | str = ()) -> CanvasSection:
    """Add a section at the end of the canvas. Locks the workshops running on it, then the canvas."""
    title = _clean_line(title, field="title", max_length=NAME_MAX_LENGTH, empty_message=_("Give the section a title."))
    prompt = _clean_text(prompt, field="prompt", max_length=PROMPT_MAX_LENGTH)
    axes = _clean_axes(axes)
    canvas = _lock_sections(canvas)
    slug = unique_slug(queryset=canvas.sections.all(), text=title, fallback="section")
    section = CanvasSection.objects.create(
        canvas=canvas, position=_next_position(canvas.sections.all()), slug=slug, title=title, prompt=prompt, axes=axes
    )
    _bump_workshops_on(canvas.pk)
    return section


def _axes_in_use(section: CanvasSection) -> set[str]:
    used = set(Contribution.objects.filter(section=section).values_list("axis", flat=True).distinct())
    used |= set(SectionEntry.objects.filter(section=section).values_list("axis", flat=True).distinct())
    used |= set(TableOutputLine.objects.filter(output__section=section).values_list("axis", flat=True).distinct())
    return used


@transaction.atomic
def section_update(
    *, canvas: Canvas, section_id: int, title: str, prompt: str = "", axes: Iterable[str] | str = ()
) -> CanvasSection:
    """Edit a section of a canvas no workshop has run on yet; an axis that scenario entries use stays.

    Locks the workshops running on the canvas, then the canvas, then the section.
    """
    title = _clean_line(title, field="title", max_length=NAME_MAX_LENGTH, empty_message=_("Give the section a title."))
    prompt = _clean_text(prompt, field="prompt", max_length=PROMPT_MAX_LENGTH)
    axes = _clean_axes(axes)
    canvas = _lock_sections(canvas)
    section = _section_of(canvas, section_id)
    # Only scenario entries can be found here (post-its live on canvases that workshops ran on,
    # which no longer change), but the check is cheap and keeps the rule whole.
    # Without axes, entries are filed under "no axis": that counts as an axis that must survive.
    kept = set(axes) or {""}
    lost = sorted(_axes_in_use(section) - kept)
    if lost == [""]:
        raise ValidationError(
            {"axes": _("Developed scenarios or post-its use this section without an axis: it cannot get axes now.")}
        )
    if lost:
        lost = [axis for axis in lost if axis]
        raise ValidationError(
            {"axes": _("Developed scenarios or post-its use the axis “%(axis)s”: keep it in the list.") % {"axis": lost[0]}}
        )
    section.title, section.prompt, section.axes = title, prompt, axes
    section.save(update_fields=["title", "prompt", "axes"])
    _bump_workshops_on(canvas.pk)
    return section


@transaction.atomic
def section_delete(*, canvas: Canvas, section_id: int) -> None:
    """Locks the workshops running on the canvas, then the canvas, then the section."""
    canvas = _lock_sections(canvas)
    section = _section_of(canvas, section_id)
    # Dropped silently, a phase naming only this section would turn into one on the whole canvas.
    if FormatPhase.sections.through.objects.filter(canvassection=section).exists() or (
        WorkshopPhase.sections.through.objects.filter(canvassection=section).exists()
    ):
        raise ValidationError(_("Phases work on this section: take it out of their sections first."))
    _delete(section)
    _bump_workshops_on(canvas.pk)


@transaction.atomic
def section_move(*, canvas: Canvas, section_id: int, direction: str) -> CanvasSection:
    """Locks the workshops running on the canvas, then the canvas, then its sections."""
    canvas = _lock_sections(canvas)
    section = _swap(CanvasSection, "canvas", canvas, section_id, direction, _("This section is not part of this canvas."))
    _bump_workshops_on(canvas.pk)
    return section


# Formats -----------------------------------------------------------------------------------------


@transaction.atomic
def format_create(*, name: str, description: str = "", owner) -> Format:
    """A new format owned by `owner` (None: shared by everyone, edited by a superuser, as the seed's). Locks nothing."""
    return _create_named(
        Format, name=name, description=description, owner=owner, empty_message=_("Give the format a name."), fallback="format"
    )


@transaction.atomic
def format_update(*, format: Format, name: str, description: str = "", by=None) -> Format:
    """Rename or describe a format; the audit trail keeps what changed. Locks: the format."""
    format = _lock(format)  # what it was, read under the lock the edit takes
    before = {"name": format.name, "description": format.description}
    format = _update_details(format, name=name, description=description, empty_message=_("Give the format a name."))
    before, after = changed_fields(before, {"name": format.name, "description": format.description})
    if after:
        _audit_format(format, Action.FORMAT_CHANGED, by=by, before=before, after=after)
    return format


def _audit_format(format: Format, action: str, *, by, before=None, after=None, phase: FormatPhase | None = None) -> None:
    """A format's entry in the audit trail: no workshop (a format belongs to no room), its id kept as a number."""
    audit_record(
        format_id=format.pk, action=action, by=by, before=before, after=after,
        target_type=Target.FORMAT_PHASE if phase is not None else Target.FORMAT,
        target_id=phase.pk if phase is not None else format.pk,
        target_label=f"{format.name} · {phase.name}" if phase is not None else format.name,
    )


def _phase_fields(phase: FormatPhase, sections) -> dict:
    return {
        "name": phase.name,
        "activity": phase.activity,
        "canvas": phase.canvas.name if phase.canvas_id else None,
        "sections": sorted(section.title for section in sections),
        "duration_seconds": phase.duration_seconds,
    }


@transaction.atomic
def format_duplicate(*, format: Format, name: str, owner) -> Format:
    """A new format with a copy of every phase (the same canvases), owned by whoever made it
    (co-owners are not copied): how one adapts a seed format or another's. Locks nothing: it reads the original."""
    copy = format_create(name=name, description=format.description, owner=owner)
    originals = list(format.phases.order_by("position"))
    FormatPhase.objects.bulk_create(FormatPhase(format=copy, **phase_plan(p)) for p in originals)
    phase_sections_copy(originals=originals, copies=list(copy.phases.all()))
    return copy


@transaction.atomic
def format_share(*, format: Format, co_owners: Iterable, by=None) -> Format:
    """Name the facilitators who edit this format with its owner (all of them: the others lose it). Locks: the format."""
    co_owners = list(co_owners)
    format = _lock(format)
    before = sorted(format.co_owners.values_list("username", flat=True))
    format = _share(format, co_owners)
    after = sorted(user.get_username() for user in co_owners)
    if before != after:
        _audit_format(format, Action.FORMAT_SHARED, by=by, before={"co_owners": before}, after={"co_owners": after})
    return format


@transaction.atomic
def format_delete(*, format: Format, user) -> None:
    """Delete a format no workshop was created from; a refusal names only the workshops `user` runs.

    Locks: the format.
    """
    format = _lock(format)
    workshops = format.workshops.all()
    titles = list(workshops.facilitated_by(user).order_by("title").values_list("title", flat=True))
    others = workshops.count() - len(titles)
    if titles or others:
        names = _names(titles, others, workshops=True)
        raise ValidationError(
            _("Workshops were created from this format (%(names)s): it cannot be deleted.") % {"names": names}
        )
    phases = list(format.phases.order_by("position").values_list("name", flat=True))
    _audit_format(format, Action.FORMAT_DELETED, by=user, before={"name": format.name, "description": format.description, "phases": phases})
    _delete(format)


def _clean_sections(sections: Iterable[CanvasSection], canvas: Canvas | None) -> list[CanvasSection]:
    """The sections a phase works on must be its canvas's: another canvas's would never show."""
    sections = list(dict.fromkeys(sections or ()))
    if not sections:
        return []
    if canvas is None:
        raise ValidationError({"sections": _("Choose a canvas before choosing its sections.")})
    ids = {section.pk for section in sections}
    known = set(CanvasSection.objects.filter(canvas=canvas, pk__in=ids).values_list("pk", flat=True))
    foreign = [section for section in sections if section.pk not in known]
    if foreign:
        raise ValidationError(
            {"sections": _("“%(section)s” is not a section of the canvas “%(canvas)s”: choose only sections of the phase's canvas.")
             % {"section": foreign[0].title, "canvas": canvas.name}}
        )
    return sections


def _clean_phase(*, name: str, activity: str, canvas: Canvas | None, duration_minutes) -> dict:
    name = _clean_line(name, field="name", max_length=NAME_MAX_LENGTH, empty_message=_("Give the phase a name."))
    if activity not in Activity.values:
        raise ValidationError({"activity": _("Choose an activity from the list.")})
    if activity == Activity.POSTITS and canvas is None:
        raise ValidationError({"canvas": _("A post-it phase needs a canvas to post into.")})
    if canvas is not None and not Canvas.objects.filter(pk=canvas.pk).exists():
        raise ValidationError({"canvas": _("This canvas no longer exists.")})
    try:
        minutes = int(duration_minutes)
    except (TypeError, ValueError):
        raise ValidationError({"duration_minutes": _("Give the timer length in whole minutes.")}) from None
    if not 0 <= minutes <= TIMER_MAX_MINUTES:
        raise ValidationError(
            {"duration_minutes": _("The timer lasts between 0 and %(max)d minutes.") % {"max": TIMER_MAX_MINUTES}}
        )
    return {"name": name, "activity": activity, "canvas": canvas, "duration_seconds": minutes * 60}


@transaction.atomic
def phase_add(
    *, format: Format, name: str, activity: str, canvas: Canvas | None = None, duration_minutes: int = 0,
    sections: Iterable[CanvasSection] = (), by=None,
) -> FormatPhase:
    """Add a phase at the end of the format, working on `sections` of its canvas (none: the whole
    canvas). Workshops already created keep their own copy. Locks: the format."""
    fields = _clean_phase(name=name, activity=activity, canvas=canvas, duration_minutes=duration_minutes)
    sections = _clean_sections(sections, canvas)
    format = _lock(format)
    phase = FormatPhase.objects.create(format=format, position=_next_position(format.phases.all()), **fields)
    phase.sections.set(sections)
    _audit_format(format, Action.FORMAT_PHASE_ADDED, by=by, after=_phase_fields(phase, sections), phase=phase)
    return phase


def _phase_of(format: Format, phase_id) -> FormatPhase:
    return _child_of(FormatPhase, "format", format, phase_id, _("This phase is not part of this format."))


@transaction.atomic
def phase_update(
    *, format: Format, phase_id: int, name: str, activity: str, canvas: Canvas | None = None, duration_minutes: int = 0,
    sections: Iterable[CanvasSection] = (), by=None,
) -> FormatPhase:
    """Change a phase of the format, and the sections of its canvas it works on (none: the whole
    canvas). Locks: the format, then the phase."""
    fields = _clean_phase(name=name, activity=activity, canvas=canvas, duration_minutes=duration_minutes)
    sections = _clean_sections(sections, canvas)
    format = _lock(format)
    phase = _phase_of(format, phase_id)
    before = _phase_fields(phase, phase.sections.all())
    for attribute, value in fields.items():
        setattr(phase, attribute, value)
    phase.save(update_fields=list(fields))
    phase.sections.set(sections)
    before, after = changed_fields(before, _phase_fields(phase, sections))
    if after:
        _audit_format(format, Action.FORMAT_PHASE_CHANGED, by=by, before=before, after=after, phase=phase)
    return phase


@transaction.atomic
def phase_delete(*, format: Format, phase_id: int, by=None) -> None:
    """Remove a phase of the format. Locks: the format, then the phase."""
    format = _lock(format)
    phase = _phase_of(format, phase_id)
    _audit_format(format, Action.FORMAT_PHASE_REMOVED, by=by, before=_phase_fields(phase, phase.sections.all()), phase=phase)
    phase.delete()


@transaction.atomic
def phase_move(*, format: Format, phase_id: int, direction: str, by=None) -> FormatPhase:
    """Move a phase one place up or down. Locks: the format, then its phases."""
    format = _lock(format)
    before = FormatPhase.objects.filter(pk=phase_id, format=format).values_list("position", flat=True).first()
    phase = _swap(FormatPhase, "format", format, phase_id, direction, _("This phase is not part of this format."))
    if before is not None and phase.position != before:
        _audit_format(format, Action.FORMAT_PHASE_MOVED, by=by, before={"position": before}, after={"position": phase.position}, phase=phase)
    return phase
