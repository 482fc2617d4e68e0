"""Facilitators edit workshop formats and canvases: data, not code, so no deploy and no admin.

Each list (a canvas's sections, a format's phases) is one fragment that htmx swaps after every
change; every form also works without JavaScript (a full POST, then a redirect). Bad input comes
back as the form with its errors and status 422; a refusal (a canvas in use…) likewise.

Every page is guarded by the format and canvas rules (`workshops.use_format`, `edit_format`,
`delete_format`, `share_format` and their canvas twins, in `rules.py`): a facilitator opens the
formats they may use (theirs, shared with them, the seed) read-only, and changes those they may edit.
Another's format is a 403 that writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.guards import staff_permission
from core.models import Canvas, CanvasSection

from .. import formats as svc
from .. import selectors
from ..models import Activity, Format, FormatPhase
from .common import INVALID, add_errors

PERM = "workshops.create_workshop"
NEW, EDIT = "new", "edit"  # form prefixes: the add form and an inline edit form share a page


# Forms -------------------------------------------------------------------------------------------


class DetailsForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=svc.NAME_MAX_LENGTH)
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=svc.DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DuplicateForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the copy"), max_length=svc.NAME_MAX_LENGTH)


class ShareForm(forms.Form):
    co_owners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Co-owners"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Facilitators who may edit it with you. Everyone else may only duplicate it."),
    )

    def __init__(self, *args, owned, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_owners"].queryset = svc.facilitators_to_share_with(owned=owned)
        self.fields["co_owners"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class SectionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=svc.NAME_MAX_LENGTH)
    prompt = forms.CharField(
        label=gettext_lazy("Prompt"), max_length=svc.PROMPT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    axes = forms.CharField(
        label=gettext_lazy("Axes"),
        # Long enough for the most axes the service accepts; the service gives the precise message.
        max_length=(svc.AXIS_MAX_LENGTH + 2) * (svc.AXES_MAX + 2),
        required=False,
        help_text=gettext_lazy("Optional, separated by commas, e.g. “For a company, For a public actor”."),
    )

    def __init__(self, *args, user=None, **kwargs):
        # The same signature as PhaseForm's, whose canvas choices depend on the user.
        super().__init__(*args, **kwargs)

    @staticmethod
    def initial_for(section: CanvasSection) -> dict:
        return {"title": section.title, "prompt": section.prompt, "axes": ", ".join(section.axes)}


class SectionsWidget(forms.CheckboxSelectMultiple):
    """A phase's sections, one group of checkboxes per canvas (`canvas_ids` in the groups' order):
    static/js/phase_sections.js shows only the chosen canvas's group."""

    template_name = "workshops/formats/widgets/sections.html"
    canvas_ids: list[int] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["canvases"] = [
            {"id": canvas_id, "name": group, "options": options}
            for canvas_id, (group, options, _index) in zip(self.canvas_ids, context["widget"]["optgroups"])
        ]
        return context


class PhaseForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=svc.NAME_MAX_LENGTH)
    activity = forms.ChoiceField(label=gettext_lazy("Activity"), choices=Activity.choices)
    canvas = forms.ModelChoiceField(
        label=gettext_lazy("Canvas"),
        queryset=Canvas.objects.none(),
        required=False,
        empty_label=gettext_lazy("No canvas"),
        help_text=gettext_lazy("Required for a post-it phase."),
    )
    sections = forms.MultipleChoiceField(
        label=gettext_lazy("Sections"),
        required=False,
        widget=SectionsWidget,
        help_text=gettext_lazy("The sections of its canvas this phase works on; none ticked: the whole canvas."),
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Timer (minutes)"), min_value=0, max_value=svc.TIMER_MAX_MINUTES, initial=30
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the canvases this facilitator may use: theirs, shared with them, the seed's.
        canvases = list(selectors.canvases_usable_by(user).order_by("name", "pk").prefetch_related("sections"))
        self.fields["canvas"].queryset = selectors.canvases_usable_by(user).order_by("name", "pk")
        # Every usable canvas's sections are offered, so that one of another canvas than the phase's
        # is refused in words (the service says which) rather than as an unknown choice.
        grouped = [(c, sorted(c.sections.all(), key=lambda s: s.position)) for c in canvases]
        grouped = [(c, sections) for c, sections in grouped if sections]
        self.fields["sections"].choices = [(c.name, [(s.pk, s.title) for s in sections]) for c, sections in grouped]
        self.fields["sections"].widget.canvas_ids = [c.pk for c, _sections in grouped]
        self._sections = {str(s.pk): s for _c, sections in grouped for s in sections}

    def clean_sections(self):
        return [self._sections[pk] for pk in self.cleaned_data["sections"]]

    def clean(self):
        data = super().clean()
        if data.get("activity") == Activity.POSTITS and not data.get("canvas") and "canvas" not in self.errors:
            self.add_error("canvas", _("A post-it phase needs a canvas to post into."))
        return data

    @staticmethod
    def initial_for(phase: FormatPhase) -> dict:
        return {
            "name": phase.name,
            "activity": phase.activity,
            "canvas": phase.canvas_id,
            "sections": [str(section.pk) for section in phase.sections.all()],
            "duration_minutes": phase.duration_seconds // 60,
        }


# Access ------------------------------------------------------------------------------------------


# Anonymous visitors go to the login page; a signed-in user who is not a facilitator gets a 403.
facilitators_only = staff_permission(PERM)


def _get(request: HttpRequest, model, pk, perm: str):
    """The format or canvas, if this user has `perm` on it: 404 if it does not exist, else 403."""
    obj = get_object_or_404(model, pk=pk)
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied
    return obj


def _may_change_list(user, kind, parent) -> bool:
    # The rule itself rather than user.has_perm: Django's ModelBackend grants a superuser every
    # permission, but not even a superuser changes the sections of a canvas a workshop ran on.
    return rules.has_perm(kind.may_change_children, user, parent)


def _fragment(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _direction(direction: str) -> str:
    if direction not in (svc.UP, svc.DOWN):
        raise Http404(_("Move up or down."))
    return direction


# The formats page --------------------------------------------------------------------------------


def _with_rights(user, objects, kind: str) -> list:
    """Each format or canvas with what this user may do with it, for its card."""
    objects = list(objects)
    for obj in objects:
        obj.may_edit = user.has_perm(f"workshops.edit_{kind}", obj)
        obj.is_mine = obj.owner_id == user.pk
    return objects


def _render_index(request, *, format_form=None, canvas_form=None, status=200):
    context = {
        "formats": _with_rights(request.user, svc.format_list(user=request.user), "format"),
        "canvases": _with_rights(request.user, svc.canvas_list(user=request.user), "canvas"),
        "format_form": format_form or DetailsForm(prefix="format"),
        "canvas_form": canvas_form or DetailsForm(prefix="canvas"),
    }
    return render(request, "workshops/formats/index.html", context, status=status)


@require_GET
@facilitators_only
def index(request):
    return _render_index(request)


# Canvases and formats ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A canvas and its sections, or a format and its phases: all their two editors differ by.

    `parent` and `child` are the names URLs, services and templates use: `canvas_edit`, `section_id`,
    `canvas=`, `sections`, `section_form`, `partials/sections.html`…
    """

    parent: str
    child: str
    may_change_children: str  # the rule that lets this user change the list (a frozen canvas's is read-only)
    parent_model: type[Canvas] | type[Format]
    child_model: type[CanvasSection] | type[FormatPhase]
    form: type[SectionForm] | type[PhaseForm]
    children: Callable  # parent -> its children in order
    page_context: Callable  # (parent, user) -> what its page shows beside the list
    anchor: str  # the list's id: htmx swaps it, a redirect without JavaScript lands on it
    audited: bool = False  # its services write the audit trail and take the author (`by`)

    @property
    def edit_url(self) -> str:
        return f"workshops:{self.parent}_edit"

    def by(self, request) -> dict:
        """The author an audited service records (workshops.audit): a format's edits are acts of power."""
        return {"by": request.user} if self.audited else {}

    def perm(self, action: str) -> str:
        """`workshops.use_canvas`, `workshops.edit_format`…"""
        return f"workshops.{action}_{self.parent}"


CANVAS = Kind(
    parent="canvas",
    child="section",
    may_change_children="workshops.edit_canvas_sections",
    parent_model=Canvas,
    child_model=CanvasSection,
    form=SectionForm,
    children=lambda canvas: svc.canvas_sections(canvas=canvas),
    page_context=lambda canvas, user: {
        "usage": svc.canvas_usage(canvas=canvas, user=user),
        "frozen_message": svc.frozen_message(),
    },
    anchor="canvas-sections",
)
FORMAT = Kind(
    parent="format",
    child="phase",
    may_change_children="workshops.edit_format",
    parent_model=Format,
    child_model=FormatPhase,
    form=PhaseForm,
    children=lambda format: svc.format_phases(format=format),
    page_context=lambda format, user: {
        "workshop_count": format.workshops.count(),
        # Its latest edits (workshops.audit), for those who edit it: who changed what.
        "history": selectors.format_audit_trail(format=format) if user.has_perm("workshops.edit_format", format) else [],
    },
    anchor="format-phases",
    audited=True,
)


def _render(
    request, kind: Kind, parent, *, status=200, details_form=None, page_error="", whole_page=False,
    add_form=None, editing=None, edit_form=None, list_error="", share_form=None,
):
    """The list alone for htmx, else the whole editor page; forms only where this user may change things."""
    user = request.user
    context = {
        kind.parent: parent,
        f"{kind.child}s": kind.children(parent),
        f"{kind.child}_form": add_form or kind.form(prefix=NEW, user=user),
        "editing": editing,
        "edit_form": edit_form,
        "list_error": list_error,
        "may_change_list": _may_change_list(user, kind, parent),
    }
    if _fragment(request) and not whole_page:
        return render(request, f"workshops/formats/partials/{kind.child}s.html", context, status=status)
    may_share = user.has_perm(kind.perm("share"), parent)
    context |= {
        "details_form": details_form or DetailsForm(initial={"name": parent.name, "description": parent.description}),
        **kind.page_context(parent, user),
        "page_error": page_error,
        "may_edit": user.has_perm(kind.perm("edit"), parent),
        "may_delete": user.has_perm(kind.perm("delete"), parent),
        "may_share": may_share,
        "share_form": share_form or (
            ShareForm(owned=parent, initial={"co_owners": list(parent.co_owners.all())}) if may_share else None
        ),
        "co_owners": list(parent.co_owners.order_by("username")),
        "is_mine": parent.owner_id == user.pk,
    }
    return render(request, f"workshops/formats/{kind.parent}_edit.html", context, status=status)


def _new(request, kind: Kind, create, created: str):
    """The add form of the formats page: the new canvas or format, owned by its author, then its editor."""
    form = DetailsForm(request.POST, prefix=kind.parent)
    if form.is_valid():
        try:
            parent = create(**form.cleaned_data, owner=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, created)
            return redirect(kind.edit_url, pk=parent.pk)
    return _render_index(request, **{f"{kind.parent}_form": form}, status=INVALID)


def _edit(request, kind: Kind, pk, update, saved: str):
    """GET: the editor page (read-only for those who may only use it); POST: a new name and description."""
    if request.method == "GET":
        parent = _get(request, kind.parent_model, pk, kind.perm("use"))
        return _render(request, kind, parent, whole_page=True)
    parent = _get(request, kind.parent_model, pk, kind.perm("edit"))
    form = DetailsForm(request.POST)
    if form.is_valid():
        try:
            update(**{kind.parent: parent}, **form.cleaned_data, **kind.by(request))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect(kind.edit_url, pk=parent.pk)
    return _render(request, kind, parent, status=INVALID, details_form=form, whole_page=True)


def _delete(request, kind: Kind, pk, delete, deleted: str):
    """Delete, then back to the list of formats; a refusal shows on the editor page."""
    parent = _get(request, kind.parent_model, pk, kind.perm("delete"))
    try:
        delete(**{kind.parent: parent}, user=request.user)
    except ValidationError as error:
        return _render(request, kind, parent, status=INVALID, page_error=" ".join(error.messages), whole_page=True)
    messages.success(request, deleted % {"name": parent.name})
    return redirect("workshops:formats")


def _share(request, kind: Kind, pk, share):
    """The owner names the co-owners; then back to the editor page."""
    parent = _get(request, kind.parent_model, pk, kind.perm("share"))
    form = ShareForm(request.POST, owned=parent)
    if form.is_valid():
        try:
            share(**{kind.parent: parent}, co_owners=form.cleaned_data["co_owners"], **kind.by(request))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Co-owners saved."))
            return redirect(kind.edit_url, pk=parent.pk)
    return _render(request, kind, parent, status=INVALID, share_form=form, whole_page=True)


@require_POST
@facilitators_only
def canvas_new(request):
    return _new(request, CANVAS, svc.canvas_create, _("Canvas created: add its sections."))


@require_http_methods(["GET", "POST"])
@facilitators_only
def canvas_edit(request, pk):
    return _edit(request, CANVAS, pk, svc.canvas_update, _("Canvas saved."))


@require_http_methods(["GET", "POST"])
@facilitators_only
def canvas_duplicate(request, pk):
    canvas = _get(request, Canvas, pk, "workshops.use_canvas")
    return _duplicate(request, canvas, svc.canvas_duplicate, "canvas", "workshops:canvas_edit")


@require_POST
@facilitators_only
def canvas_delete(request, pk):
    return _delete(request, CANVAS, pk, svc.canvas_delete, _("Canvas “%(name)s” deleted."))


@require_POST
@facilitators_only
def canvas_share(request, pk):
    return _share(request, CANVAS, pk, svc.canvas_share)


@require_POST
@facilitators_only
def format_new(request):
    return _new(request, FORMAT, svc.format_create, _("Format created: add its phases."))


@require_http_methods(["GET", "POST"])
@facilitators_only
def format_edit(request, pk):
    return _edit(request, FORMAT, pk, svc.format_update, _("Format saved."))


@require_http_methods(["GET", "POST"])
@facilitators_only
def format_duplicate(request, pk):
    format = _get(request, Format, pk, "workshops.use_format")
    return _duplicate(request, format, svc.format_duplicate, "format", "workshops:format_edit")


@require_POST
@facilitators_only
def format_delete(request, pk):
    return _delete(request, FORMAT, pk, svc.format_delete, _("Format “%(name)s” deleted."))


@require_POST
@facilitators_only
def format_share(request, pk):
    return _share(request, FORMAT, pk, svc.format_share)


# Sections and phases: the ordered children, edited in place ---------------------------------------


def _children_views(kind: Kind, *, add, update, delete, move, added, saved, removed, moved):
    """The add, edit, remove and move views of a canvas's sections or a format's phases.

    `add`… `move` are the services; `added`… `moved` the lazy messages a page without htmx shows.
    """

    def done(request, parent, message):
        if _fragment(request):
            return _render(request, kind, parent)
        messages.success(request, message)
        return redirect(resolve_url(kind.edit_url, pk=parent.pk) + f"#{kind.anchor}")

    def get_parent(request, pk):
        # Owners and co-owners only; a canvas a workshop runs on still opens here, and its
        # service then refuses with the reason (422) rather than a bare 403.
        return _get(request, kind.parent_model, pk, kind.perm("edit"))

    def refused(request, parent, error=None):
        """A list this user may no longer change (a workshop runs on the canvas): the reason above it.

        Checked before the form, and again when the service refused under its locks: the add and
        edit forms are not shown on such a list, so their errors would not be either.
        """
        if _may_change_list(request.user, kind, parent):
            return None
        reason = " ".join(error.messages) if error is not None else svc.frozen_message()
        return _render(request, kind, parent, status=INVALID, list_error=reason)

    def get_child(parent, url_kwargs):
        # The URL names the child `section_id` or `phase_id`; one of another parent is a 404.
        return get_object_or_404(kind.child_model, pk=url_kwargs[f"{kind.child}_id"], **{kind.parent: parent})

    @require_POST
    @facilitators_only
    def add_view(request, pk):
        parent = get_parent(request, pk)
        if response := refused(request, parent):
            return response
        form = kind.form(request.POST, prefix=NEW, user=request.user)
        if form.is_valid():
            try:
                add(**{kind.parent: parent}, **form.cleaned_data, **kind.by(request))
            except ValidationError as error:
                if response := refused(request, parent, error):
                    return response
                add_errors(form, error)
            else:
                return done(request, parent, added)
        return _render(request, kind, parent, status=INVALID, add_form=form)

    @require_http_methods(["GET", "POST"])
    @facilitators_only
    def edit_view(request, pk, **url_kwargs):
        parent = get_parent(request, pk)
        child = get_child(parent, url_kwargs)
        if response := refused(request, parent):
            return response
        if request.method == "GET":
            form = kind.form(prefix=EDIT, initial=kind.form.initial_for(child), user=request.user)
            return _render(request, kind, parent, editing=child, edit_form=form)
        form = kind.form(request.POST, prefix=EDIT, user=request.user)
        if form.is_valid():
            try:
                update(**{kind.parent: parent, f"{kind.child}_id": child.pk}, **form.cleaned_data, **kind.by(request))
            except ValidationError as error:
                if response := refused(request, parent, error):
                    return response
                add_errors(form, error)
            else:
                return done(request, parent, saved)
        return _render(request, kind, parent, status=INVALID, editing=child, edit_form=form)

    def write(request, pk, url_kwargs, service, message, **options):
        # Remove and move: one click, no form; a refusal shows above the list.
        parent = get_parent(request, pk)
        child = get_child(parent, url_kwargs)
        try:
            service(**{kind.parent: parent, f"{kind.child}_id": child.pk}, **options, **kind.by(request))
        except ValidationError as error:
            return _render(request, kind, parent, status=INVALID, list_error=" ".join(error.messages))
        return done(request, parent, message)

    @require_POST
    @facilitators_only
    def delete_view(request, pk, **url_kwargs):
        return write(request, pk, url_kwargs, delete, removed)

    @require_POST
    @facilitators_only
    def move_view(request, pk, direction, **url_kwargs):
        return write(request, pk, url_kwargs, move, moved, direction=_direction(direction))

    return add_view, edit_view, delete_view, move_view


section_add, section_edit, section_delete, section_move = _children_views(
    CANVAS,
    add=svc.section_add,
    update=svc.section_update,
    delete=svc.section_delete,
    move=svc.section_move,
    added=gettext_lazy("Section added."),
    saved=gettext_lazy("Section saved."),
    removed=gettext_lazy("Section removed."),
    moved=gettext_lazy("Section moved."),
)
phase_add, phase_edit, phase_delete, phase_move = _children_views(
    FORMAT,
    add=svc.phase_add,
    update=svc.phase_update,
    delete=svc.phase_delete,
    move=svc.phase_move,
    added=gettext_lazy("Phase added."),
    saved=gettext_lazy("Phase saved."),
    removed=gettext_lazy("Phase removed."),
    moved=gettext_lazy("Phase moved."),
)


# Duplicating either ------------------------------------------------------------------------------


def _duplicate(request, original, duplicate, kind: str, edit_url: str):
    """GET: a form with the copy's name; POST: the copy, then its editor."""
    if request.method == "POST":
        form = DuplicateForm(request.POST)
        if form.is_valid():
            try:
                copy = duplicate(**{kind: original}, name=form.cleaned_data["name"], owner=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Copy created: adapt it as you like."))
                return redirect(edit_url, pk=copy.pk)
    else:
        form = DuplicateForm(initial={"name": _("%(name)s (copy)") % {"name": original.name}})
    context = {"form": form, "original": original, "kind": kind}
    return render(request, "workshops/formats/duplicate.html", context, status=INVALID if form.errors else 200)
