"""Facilitators edit workshop formats and canvases: data, not code, so no deploy and no admin.

Each list (a canvas's sections, a format's phases) is one fragment that htmx swaps after every
change; every form also works without JavaScript (a full POST, then a redirect). Bad input comes
back as the form with its errors and status 422; a refusal (a canvas in use…) likewise.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from .. import formats as svc
from ..models import Activity, Canvas, CanvasSection, Format, FormatPhase
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

    @staticmethod
    def initial_for(section: CanvasSection) -> dict:
        return {"title": section.title, "prompt": section.prompt, "axes": ", ".join(section.axes)}


class PhaseForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=svc.NAME_MAX_LENGTH)
    activity = forms.ChoiceField(label=gettext_lazy("Activity"), choices=Activity.choices)
    canvas = forms.ModelChoiceField(
        label=gettext_lazy("Canvas"),
        queryset=Canvas.objects.order_by("name", "pk"),
        required=False,
        empty_label=gettext_lazy("No canvas"),
        help_text=gettext_lazy("Required for a post-it phase."),
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Timer (minutes)"), min_value=0, max_value=svc.TIMER_MAX_MINUTES, initial=30
    )

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
            "duration_minutes": phase.duration_seconds // 60,
        }


# Access ------------------------------------------------------------------------------------------


def facilitators_only(view):
    """Anonymous visitors go to the login page; a signed-in user who is not a facilitator gets a 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if request.htmx:
                # A session that expired mid-page: the whole page goes to the login form, not a fragment.
                back_to = request.htmx.current_url_abs_path or request.get_full_path()
                return HttpResponseClientRedirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': back_to})}")
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(PERM):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _fragment(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def _direction(direction: str) -> str:
    if direction not in (svc.UP, svc.DOWN):
        raise Http404(_("Move up or down."))
    return direction


# The formats page --------------------------------------------------------------------------------


def _render_index(request, *, format_form=None, canvas_form=None, status=200):
    context = {
        "formats": list(svc.format_list()),
        "canvases": list(svc.canvas_list()),
        "format_form": format_form or DetailsForm(prefix="format"),
        "canvas_form": canvas_form or DetailsForm(prefix="canvas"),
    }
    return render(request, "workshops/formats/index.html", context, status=status)


@require_GET
@facilitators_only
def index(request):
    return _render_index(request)


@require_POST
@facilitators_only
def format_new(request):
    form = DetailsForm(request.POST, prefix="format")
    if form.is_valid():
        try:
            format = svc.format_create(**form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Format created: add its phases."))
            return redirect("workshops:format_edit", pk=format.pk)
    return _render_index(request, format_form=form, status=INVALID)


@require_POST
@facilitators_only
def canvas_new(request):
    form = DetailsForm(request.POST, prefix="canvas")
    if form.is_valid():
        try:
            canvas = svc.canvas_create(**form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Canvas created: add its sections."))
            return redirect("workshops:canvas_edit", pk=canvas.pk)
    return _render_index(request, canvas_form=form, status=INVALID)


# Canvases ----------------------------------------------------------------------------------------


def _sections_context(canvas, *, section_form=None, editing=None, edit_form=None, list_error="") -> dict:
    return {
        "canvas": canvas,
        "sections": svc.canvas_sections(canvas=canvas),
        "section_form": section_form or SectionForm(prefix=NEW),
        "editing": editing,
        "edit_form": edit_form,
        "list_error": list_error,
    }


def _render_canvas(request, canvas, *, status=200, details_form=None, page_error="", whole_page=False, **sections):
    context = _sections_context(canvas, **sections)
    if _fragment(request) and not whole_page:
        return render(request, "workshops/formats/partials/sections.html", context, status=status)
    context |= {
        "details_form": details_form or DetailsForm(initial={"name": canvas.name, "description": canvas.description}),
        "usage": svc.canvas_usage(canvas=canvas),
        "page_error": page_error,
    }
    return render(request, "workshops/formats/canvas_edit.html", context, status=status)


def _sections_done(request, canvas, message):
    if _fragment(request):
        return _render_canvas(request, canvas)
    messages.success(request, message)
    return redirect(resolve_url("workshops:canvas_edit", pk=canvas.pk) + "#canvas-sections")


@require_http_methods(["GET", "POST"])
@facilitators_only
def canvas_edit(request, pk):
    canvas = get_object_or_404(Canvas, pk=pk)
    if request.method == "GET":
        return _render_canvas(request, canvas, whole_page=True)
    form = DetailsForm(request.POST)
    if form.is_valid():
        try:
            svc.canvas_update(canvas=canvas, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Canvas saved."))
            return redirect("workshops:canvas_edit", pk=canvas.pk)
    return _render_canvas(request, canvas, status=INVALID, details_form=form, whole_page=True)


@require_http_methods(["GET", "POST"])
@facilitators_only
def canvas_duplicate(request, pk):
    canvas = get_object_or_404(Canvas, pk=pk)
    return _duplicate(request, canvas, svc.canvas_duplicate, "canvas", "workshops:canvas_edit")


@require_POST
@facilitators_only
def canvas_delete(request, pk):
    canvas = get_object_or_404(Canvas, pk=pk)
    try:
        svc.canvas_delete(canvas=canvas)
    except ValidationError as error:
        return _render_canvas(request, canvas, status=INVALID, page_error=" ".join(error.messages), whole_page=True)
    messages.success(request, _("Canvas “%(name)s” deleted.") % {"name": canvas.name})
    return redirect("workshops:formats")


@require_POST
@facilitators_only
def section_add(request, pk):
    canvas = get_object_or_404(Canvas, pk=pk)
    form = SectionForm(request.POST, prefix=NEW)
    if form.is_valid():
        try:
            svc.section_add(canvas=canvas, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _sections_done(request, canvas, _("Section added."))
    return _render_canvas(request, canvas, status=INVALID, section_form=form)


@require_http_methods(["GET", "POST"])
@facilitators_only
def section_edit(request, pk, section_id):
    canvas = get_object_or_404(Canvas, pk=pk)
    section = get_object_or_404(CanvasSection, pk=section_id, canvas=canvas)
    if request.method == "GET":
        form = SectionForm(prefix=EDIT, initial=SectionForm.initial_for(section))
        return _render_canvas(request, canvas, editing=section, edit_form=form)
    form = SectionForm(request.POST, prefix=EDIT)
    if form.is_valid():
        try:
            svc.section_update(canvas=canvas, section_id=section.pk, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _sections_done(request, canvas, _("Section saved."))
    return _render_canvas(request, canvas, status=INVALID, editing=section, edit_form=form)


@require_POST
@facilitators_only
def section_delete(request, pk, section_id):
    canvas = get_object_or_404(Canvas, pk=pk)
    section = get_object_or_404(CanvasSection, pk=section_id, canvas=canvas)
    try:
        svc.section_delete(canvas=canvas, section_id=section.pk)
    except ValidationError as error:
        return _render_canvas(request, canvas, status=INVALID, list_error=" ".join(error.messages))
    return _sections_done(request, canvas, _("Section removed."))


@require_POST
@facilitators_only
def section_move(request, pk, section_id, direction):
    canvas = get_object_or_404(Canvas, pk=pk)
    section = get_object_or_404(CanvasSection, pk=section_id, canvas=canvas)
    try:
        svc.section_move(canvas=canvas, section_id=section.pk, direction=_direction(direction))
    except ValidationError as error:
        return _render_canvas(request, canvas, status=INVALID, list_error=" ".join(error.messages))
    return _sections_done(request, canvas, _("Section moved."))


# Formats -----------------------------------------------------------------------------------------


def _phases_context(format, *, phase_form=None, editing=None, edit_form=None, list_error="") -> dict:
    return {
        "format": format,
        "phases": svc.format_phases(format=format),
        "phase_form": phase_form or PhaseForm(prefix=NEW),
        "editing": editing,
        "edit_form": edit_form,
        "list_error": list_error,
    }


def _render_format(request, format, *, status=200, details_form=None, page_error="", whole_page=False, **phases):
    context = _phases_context(format, **phases)
    if _fragment(request) and not whole_page:
        return render(request, "workshops/formats/partials/phases.html", context, status=status)
    context |= {
        "details_form": details_form or DetailsForm(initial={"name": format.name, "description": format.description}),
        "workshop_count": format.workshops.count(),
        "page_error": page_error,
    }
    return render(request, "workshops/formats/format_edit.html", context, status=status)


def _phases_done(request, format, message):
    if _fragment(request):
        return _render_format(request, format)
    messages.success(request, message)
    return redirect(resolve_url("workshops:format_edit", pk=format.pk) + "#format-phases")


@require_http_methods(["GET", "POST"])
@facilitators_only
def format_edit(request, pk):
    format = get_object_or_404(Format, pk=pk)
    if request.method == "GET":
        return _render_format(request, format, whole_page=True)
    form = DetailsForm(request.POST)
    if form.is_valid():
        try:
            svc.format_update(format=format, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Format saved."))
            return redirect("workshops:format_edit", pk=format.pk)
    return _render_format(request, format, status=INVALID, details_form=form, whole_page=True)


@require_http_methods(["GET", "POST"])
@facilitators_only
def format_duplicate(request, pk):
    format = get_object_or_404(Format, pk=pk)
    return _duplicate(request, format, svc.format_duplicate, "format", "workshops:format_edit")


@require_POST
@facilitators_only
def format_delete(request, pk):
    format = get_object_or_404(Format, pk=pk)
    try:
        svc.format_delete(format=format)
    except ValidationError as error:
        return _render_format(request, format, status=INVALID, page_error=" ".join(error.messages), whole_page=True)
    messages.success(request, _("Format “%(name)s” deleted.") % {"name": format.name})
    return redirect("workshops:formats")


def _phase_form(request, prefix):
    return PhaseForm(request.POST, prefix=prefix)


@require_POST
@facilitators_only
def phase_add(request, pk):
    format = get_object_or_404(Format, pk=pk)
    form = _phase_form(request, NEW)
    if form.is_valid():
        try:
            svc.phase_add(format=format, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _phases_done(request, format, _("Phase added."))
    return _render_format(request, format, status=INVALID, phase_form=form)


@require_http_methods(["GET", "POST"])
@facilitators_only
def phase_edit(request, pk, phase_id):
    format = get_object_or_404(Format, pk=pk)
    phase = get_object_or_404(FormatPhase, pk=phase_id, format=format)
    if request.method == "GET":
        form = PhaseForm(prefix=EDIT, initial=PhaseForm.initial_for(phase))
        return _render_format(request, format, editing=phase, edit_form=form)
    form = _phase_form(request, EDIT)
    if form.is_valid():
        try:
            svc.phase_update(format=format, phase_id=phase.pk, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _phases_done(request, format, _("Phase saved."))
    return _render_format(request, format, status=INVALID, editing=phase, edit_form=form)


@require_POST
@facilitators_only
def phase_delete(request, pk, phase_id):
    format = get_object_or_404(Format, pk=pk)
    phase = get_object_or_404(FormatPhase, pk=phase_id, format=format)
    try:
        svc.phase_delete(format=format, phase_id=phase.pk)
    except ValidationError as error:
        return _render_format(request, format, status=INVALID, list_error=" ".join(error.messages))
    return _phases_done(request, format, _("Phase removed."))


@require_POST
@facilitators_only
def phase_move(request, pk, phase_id, direction):
    format = get_object_or_404(Format, pk=pk)
    phase = get_object_or_404(FormatPhase, pk=phase_id, format=format)
    try:
        svc.phase_move(format=format, phase_id=phase.pk, direction=_direction(direction))
    except ValidationError as error:
        return _render_format(request, format, status=INVALID, list_error=" ".join(error.messages))
    return _phases_done(request, format, _("Phase moved."))


# Duplicating either ------------------------------------------------------------------------------


def _duplicate(request, original, duplicate, kind: str, edit_url: str):
    """GET: a form with the copy's name; POST: the copy, then its editor."""
    if request.method == "POST":
        form = DuplicateForm(request.POST)
        if form.is_valid():
            try:
                copy = duplicate(**{kind: original}, name=form.cleaned_data["name"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Copy created: adapt it as you like."))
                return redirect(edit_url, pk=copy.pk)
    else:
        form = DuplicateForm(initial={"name": _("%(name)s (copy)") % {"name": original.name}})
    context = {"form": form, "original": original, "kind": kind}
    return render(request, "workshops/formats/duplicate.html", context, status=INVALID if form.errors else 200)
