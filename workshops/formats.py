"""Formats and canvases as data: the reads and writes behind the facilitators' editors.

A format is an ordered list of phases; a canvas an ordered list of sections with optional axes.
Writes are keyword-only, run under one transaction, lock the format or canvas they reorder and
raise ValidationError with a readable message on bad input, having written nothing then.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Prefetch, ProtectedError, QuerySet
from django.utils.translation import gettext as _

from core.models import Canvas, CanvasSection
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
from .services import phase_plan, workshop_bump_version

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


def format_list() -> QuerySet[Format]:
    """Every format with its phases (and their canvases) and how many workshops use it: 3 queries."""
    phases = FormatPhase.objects.select_related("canvas").order_by("position")
    return Format.objects.annotate(workshop_count=Count("workshops", distinct=True)).prefetch_related(
        Prefetch("phases", queryset=phases)
    ).order_by("name", "pk")


def canvas_list() -> QuerySet[Canvas]:
    """Every canvas with its number of sections: 1 query."""
    return Canvas.objects.annotate(section_count=Count("sections", distinct=True)).order_by("name", "pk")


def canvas_sections(*, canvas: Canvas) -> list[CanvasSection]:
    return list(canvas.sections.order_by("position"))


def format_phases(*, format: Format) -> list[FormatPhase]:
    return list(format.phases.select_related("canvas").order_by("position"))


def canvas_usage(*, canvas: Canvas) -> dict:
    """Who depends on this canvas: names of formats, workshops, and whether a live one runs on it."""
    workshops = Workshop.objects.filter(phases__canvas=canvas).distinct()
    return {
        "formats": list(Format.objects.filter(phases__canvas=canvas).distinct().order_by("name").values_list("name", flat=True)),
        "workshops": list(workshops.order_by("title").values_list("title", flat=True)),
        "live": workshops.filter(status=Workshop.Status.LIVE).exists(),
    }


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
        .distinct()
    )
    for workshop_id in workshop_ids:
        workshop_bump_version(workshop_id=workshop_id, stage=True)


# Canvases and formats alike ----------------------------------------------------------------------


def _lock(parent: Canvas | Format) -> Canvas | Format:
    # Writes to a canvas's sections or a format's phases serialise on that row,
    # so positions are computed and swapped safely.
    return type(parent).objects.select_for_update().get(pk=parent.pk)


def _create_named(model: type[Canvas] | type[Format], *, name: str, description: str, empty_message: str, fallback: str):
    """A new canvas or format, its slug made from its name."""
    name, description = _clean_details(name=name, description=description, empty_message=empty_message)
    # Two facilitators may pick the same name at the same moment: the unique constraint decides,
    # and the loser takes the next suffix.
    for _attempt in range(5):
        slug = unique_slug(queryset=model.objects.all(), text=name, fallback=fallback)
        try:
            with transaction.atomic():
                return model.objects.create(slug=slug, name=name, description=description)
        except IntegrityError:
            continue
    raise ValidationError(_("This name is being used right now: try again."))


def _update_details(parent: Canvas | Format, *, name: str, description: str, empty_message: str):
    name, description = _clean_details(name=name, description=description, empty_message=empty_message)
    parent = _lock(parent)
    parent.name, parent.description = name, description
    parent.save(update_fields=["name", "description"])
    return parent


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
def canvas_create(*, name: str, description: str = "") -> Canvas:
    return _create_named(Canvas, name=name, description=description, empty_message=_("Give the canvas a name."), fallback="canvas")


@transaction.atomic
def canvas_update(*, canvas: Canvas, name: str, description: str = "") -> Canvas:
    """Rename or describe a canvas; its slug stays, since the seed data and links rely on it."""
    return _update_details(canvas, name=name, description=description, empty_message=_("Give the canvas a name."))


@transaction.atomic
def canvas_duplicate(*, canvas: Canvas, name: str) -> Canvas:
    """A new canvas with a copy of every section: how one adapts a canvas workshops already use."""
    copy = canvas_create(name=name, description=canvas.description)
    CanvasSection.objects.bulk_create(
        CanvasSection(canvas=copy, position=s.position, slug=s.slug, title=s.title, prompt=s.prompt, axes=list(s.axes))
        for s in canvas.sections.order_by("position")
    )
    return copy


@transaction.atomic
def canvas_delete(*, canvas: Canvas) -> None:
    canvas = _lock(canvas)
    usage = canvas_usage(canvas=canvas)
    if usage["workshops"]:
        raise ValidationError(
            _("Workshops use this canvas (%(names)s): it cannot be deleted. Duplicate it to make a new version.")
            % {"names": ", ".join(usage["workshops"])}
        )
    if usage["formats"]:
        raise ValidationError(
            _("Formats use this canvas (%(names)s): remove it from their phases first.") % {"names": ", ".join(usage["formats"])}
        )
    _delete(canvas)


def _section_of(canvas: Canvas, section_id) -> CanvasSection:
    return _child_of(CanvasSection, "canvas", canvas, section_id, _("This section is not part of this canvas."))


@transaction.atomic
def section_add(*, canvas: Canvas, title: str, prompt: str = "", axes: Iterable[str] | str = ()) -> CanvasSection:
    """Add a section at the end of the canvas."""
    title = _clean_line(title, field="title", max_length=NAME_MAX_LENGTH, empty_message=_("Give the section a title."))
    prompt = _clean_text(prompt, field="prompt", max_length=PROMPT_MAX_LENGTH)
    axes = _clean_axes(axes)
    canvas = _lock(canvas)
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
    """Edit a section. Titles and prompts may change at any time; an axis that post-its use stays."""
    title = _clean_line(title, field="title", max_length=NAME_MAX_LENGTH, empty_message=_("Give the section a title."))
    prompt = _clean_text(prompt, field="prompt", max_length=PROMPT_MAX_LENGTH)
    axes = _clean_axes(axes)
    canvas = _lock(canvas)
    section = _section_of(canvas, section_id)
    # Without axes, post-its are filed under "no axis": that counts as an axis that must survive.
    kept = set(axes) or {""}
    lost = sorted(_axes_in_use(section) - kept)
    if lost == [""]:
        raise ValidationError({"axes": _("Post-its were posted in this section without an axis: it cannot get axes now.")})
    if lost:
        lost = [axis for axis in lost if axis]
        raise ValidationError(
            {"axes": _("Post-its already use the axis “%(axis)s”: keep it in the list.") % {"axis": lost[0]}}
        )
    section.title, section.prompt, section.axes = title, prompt, axes
    section.save(update_fields=["title", "prompt", "axes"])
    _bump_workshops_on(canvas.pk)
    return section


@transaction.atomic
def section_delete(*, canvas: Canvas, section_id: int) -> None:
    canvas = _lock(canvas)
    section = _section_of(canvas, section_id)
    if Workshop.objects.filter(phases__canvas=canvas, status=Workshop.Status.LIVE).exists():
        raise ValidationError(
            _("A live workshop runs on this canvas: its sections cannot be removed now. Duplicate the canvas to make a new version.")
        )
    _delete(section)
    _bump_workshops_on(canvas.pk)


@transaction.atomic
def section_move(*, canvas: Canvas, section_id: int, direction: str) -> CanvasSection:
    canvas = _lock(canvas)
    section = _swap(CanvasSection, "canvas", canvas, section_id, direction, _("This section is not part of this canvas."))
    _bump_workshops_on(canvas.pk)
    return section


# Formats -----------------------------------------------------------------------------------------


@transaction.atomic
def format_create(*, name: str, description: str = "") -> Format:
    return _create_named(Format, name=name, description=description, empty_message=_("Give the format a name."), fallback="format")


@transaction.atomic
def format_update(*, format: Format, name: str, description: str = "") -> Format:
    return _update_details(format, name=name, description=description, empty_message=_("Give the format a name."))


@transaction.atomic
def format_duplicate(*, format: Format, name: str) -> Format:
    """A new format with a copy of every phase (the same canvases): how one adapts a seed format."""
    copy = format_create(name=name, description=format.description)
    FormatPhase.objects.bulk_create(FormatPhase(format=copy, **phase_plan(p)) for p in format.phases.order_by("position"))
    return copy


@transaction.atomic
def format_delete(*, format: Format) -> None:
    format = _lock(format)
    titles = list(format.workshops.order_by("title").values_list("title", flat=True))
    if titles:
        raise ValidationError(
            _("Workshops were created from this format (%(names)s): it cannot be deleted.") % {"names": ", ".join(titles)}
        )
    _delete(format)


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
def phase_add(*, format: Format, name: str, activity: str, canvas: Canvas | None = None, duration_minutes: int = 0) -> FormatPhase:
    """Add a phase at the end of the format. Workshops already created keep their own copy."""
    fields = _clean_phase(name=name, activity=activity, canvas=canvas, duration_minutes=duration_minutes)
    format = _lock(format)
    return FormatPhase.objects.create(format=format, position=_next_position(format.phases.all()), **fields)


def _phase_of(format: Format, phase_id) -> FormatPhase:
    return _child_of(FormatPhase, "format", format, phase_id, _("This phase is not part of this format."))


@transaction.atomic
def phase_update(
    *, format: Format, phase_id: int, name: str, activity: str, canvas: Canvas | None = None, duration_minutes: int = 0
) -> FormatPhase:
    fields = _clean_phase(name=name, activity=activity, canvas=canvas, duration_minutes=duration_minutes)
    format = _lock(format)
    phase = _phase_of(format, phase_id)
    for attribute, value in fields.items():
        setattr(phase, attribute, value)
    phase.save(update_fields=list(fields))
    return phase


@transaction.atomic
def phase_delete(*, format: Format, phase_id: int) -> None:
    format = _lock(format)
    _phase_of(format, phase_id).delete()


@transaction.atomic
def phase_move(*, format: Format, phase_id: int, direction: str) -> FormatPhase:
    format = _lock(format)
    return _swap(FormatPhase, "format", format, phase_id, direction, _("This phase is not part of this format."))
