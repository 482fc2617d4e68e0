"""The scenario library: list, detail, create/edit, status and timeline, server-rendered with htmx.

Each view serves both the full page and, for htmx, the fragment it changed; every form also
works without JavaScript (full POST, then a redirect).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.guards import allows, staff_permission
from core.rules import Visitor

from . import selectors, services
from .forms import LibraryFilterForm, ScenarioForm, StatusForm, TimelineEventForm, add_service_errors
from .models import Scenario, TimelineEvent

# Prefixes keep the timeline forms' field ids apart from the scenario form's on the edit page.
ADD_PREFIX = "event"
EDIT_PREFIX = "edit"

INVALID = 422  # a form re-rendered with its errors (htmx swaps it in)
CONFLICT = 409  # someone else changed it meanwhile: the answer shows its current state


def _form_status(form) -> int:
    return INVALID if form.is_bound and form.errors else 200


def _is_conflict(error: ValidationError) -> bool:
    if hasattr(error, "error_dict"):
        errors = [e for field_errors in error.error_dict.values() for e in field_errors]
    else:
        errors = error.error_list
    return any(e.code == "conflict" for e in errors)


def _is_fragment_request(request: HttpRequest) -> bool:
    # A history restore after a cache miss needs the whole page, not the fragment.
    return bool(request.htmx) and not request.htmx.history_restore_request


def _scenario_or_404(request: HttpRequest, pk: int, *, detailed: bool = False) -> Scenario:
    try:
        if detailed:
            return selectors.scenario_get_detailed(user=request.user, pk=pk)
        return selectors.scenario_get(user=request.user, pk=pk)
    except Scenario.DoesNotExist:
        raise Http404(_("No such scenario.")) from None


def _event_or_404(scenario: Scenario, event_pk: int) -> TimelineEvent:
    try:
        return selectors.timeline_event_get(scenario=scenario, pk=event_pk)
    except TimelineEvent.DoesNotExist:
        raise Http404(_("No such event in this scenario's timeline.")) from None


def _detail_url(scenario: Scenario, anchor: str = "") -> str:
    url = reverse("scenarios:detail", args=[scenario.pk])
    return f"{url}#{anchor}" if anchor else url


def _status_context(scenario: Scenario, error: str = "", *, can_edit: bool = True) -> dict:
    previous, following = services.status_neighbours(scenario.status)
    return {
        "scenario": scenario,
        "status_steps": Scenario.Status.choices,
        "can_edit": can_edit,
        "previous_status": previous and Scenario.Status(previous),
        "next_status": following and Scenario.Status(following),
        "status_error": error,
    }


def _timeline_context(scenario: Scenario, *, event_form=None, editing=None, edit_form=None) -> dict:
    events = list(selectors.timeline_ordered(scenario=scenario))
    return {
        "scenario": scenario,
        "timeline_years": selectors.timeline_by_year(events),
        "event_form": event_form or TimelineEventForm(prefix=ADD_PREFIX),
        "editing_event": editing,
        "edit_form": edit_form,
        # Only people allowed to edit reach the views that render the timeline alone.
        "can_edit": True,
    }


def _render_detail(request: HttpRequest, pk: int, *, status: int = 200, **timeline) -> HttpResponse:
    scenario = _scenario_or_404(request, pk, detailed=True)
    can_edit = allows("scenarios.edit_scenario", Visitor(user=request.user))
    context = {
        **_status_context(scenario, can_edit=can_edit),
        **_timeline_context(scenario, **timeline),
        "tags": list(scenario.tags.all()),
        "sections": selectors.entries_by_section(scenario.entries.all()),
        "can_edit": can_edit,
    }
    return render(request, "scenarios/detail.html", context, status=status)


def _render_timeline(request: HttpRequest, scenario: Scenario, *, status: int = 200, **timeline) -> HttpResponse:
    context = _timeline_context(scenario, **timeline)
    return render(request, "scenarios/partials/timeline.html", context, status=status)


@require_GET
@staff_permission("scenarios.view_library")
def library(request: HttpRequest) -> HttpResponse:
    filter_form = LibraryFilterForm(request.GET or None)
    filters = filter_form.filters()
    scenarios = list(selectors.scenario_list(user=request.user, **filters))
    context = {
        "filter_form": filter_form,
        "scenarios": scenarios,
        "is_filtered": any(filters.values()),
        "editions": list(filter_form.fields["edition"].queryset),
        "selected_edition_id": filters.get("edition_id"),
        "title_max_length": ScenarioForm.base_fields["title"].max_length,
    }
    if _is_fragment_request(request) and request.htmx.target == "library-results":
        return render(request, "scenarios/partials/library_results.html", context)
    return render(request, "scenarios/library.html", context)


@require_GET
@staff_permission("scenarios.view_library")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, pk)


@require_http_methods(["GET", "POST"])
@staff_permission("scenarios.edit_scenario")
def create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ScenarioForm(request.POST)
        if form.is_valid():
            try:
                scenario = services.scenario_create(**form.cleaned_data, user=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Scenario created."))
                return redirect(_detail_url(scenario))
    else:
        # The library's short form sends a title and an edition here to start from.
        initial = {key: request.GET[key] for key in ("title", "edition") if request.GET.get(key)}
        form = ScenarioForm(initial=initial)
    return render(request, "scenarios/scenario_form.html", {"form": form, "scenario": None}, status=_form_status(form))


@require_http_methods(["GET", "POST"])
@staff_permission("scenarios.edit_scenario")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _scenario_or_404(request, pk)
    if request.method == "POST":
        form = ScenarioForm(request.POST)
        if form.is_valid():
            try:
                scenario = services.scenario_update(scenario=scenario, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Scenario saved."))
                return redirect(_detail_url(scenario))
    else:
        form = ScenarioForm(initial=ScenarioForm.initial_for(scenario))
    context = {"form": form, "scenario": scenario, **_timeline_context(scenario)}
    return render(request, "scenarios/scenario_form.html", context, status=_form_status(form))


@require_POST
@staff_permission("scenarios.edit_scenario")
def set_status(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _scenario_or_404(request, pk)
    form = StatusForm(request.POST)
    error, status = "", 200
    if form.is_valid():
        try:
            scenario = services.scenario_set_status(
                scenario=scenario,
                status=form.cleaned_data["status"],
                expected_status=form.cleaned_data["expected_status"] or None,
            )
        except ValidationError as exc:
            error, status = " ".join(exc.messages), CONFLICT if _is_conflict(exc) else INVALID
    else:
        error, status = _("Choose a status from the list."), INVALID
    if _is_fragment_request(request):
        return render(request, "scenarios/partials/status.html", _status_context(scenario, error), status=status)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Status changed to “%(status)s”.") % {"status": scenario.get_status_display()})
    return redirect(_detail_url(scenario))


@require_POST
@staff_permission("scenarios.edit_scenario")
def timeline_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _scenario_or_404(request, pk)
    form = TimelineEventForm(request.POST, prefix=ADD_PREFIX)
    if form.is_valid():
        try:
            services.timeline_event_add(scenario=scenario, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if _is_fragment_request(request):
                return _render_timeline(request, scenario)
            messages.success(request, _("Event added to the timeline."))
            return redirect(_detail_url(scenario, "timeline"))
    if _is_fragment_request(request):
        return _render_timeline(request, scenario, event_form=form, status=INVALID)
    return _render_detail(request, scenario.pk, event_form=form, status=INVALID)


@require_http_methods(["GET", "POST"])
@staff_permission("scenarios.edit_scenario")
def timeline_edit(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    scenario = _scenario_or_404(request, pk)
    event = _event_or_404(scenario, event_pk)
    if request.method == "POST":
        form = TimelineEventForm(request.POST, prefix=EDIT_PREFIX)
        if form.is_valid():
            try:
                services.timeline_event_update(scenario=scenario, event_id=event.pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if _is_fragment_request(request):
                    return _render_timeline(request, scenario)
                messages.success(request, _("Event saved."))
                return redirect(_detail_url(scenario, "timeline"))
    else:
        form = TimelineEventForm(
            prefix=EDIT_PREFIX, initial={"year": event.year, "title": event.title, "text": event.text}
        )
    status = _form_status(form)
    if _is_fragment_request(request):
        return _render_timeline(request, scenario, editing=event, edit_form=form, status=status)
    context = {"scenario": scenario, "event": event, "form": form}
    return render(request, "scenarios/timeline_event_form.html", context, status=status)


@require_POST
@staff_permission("scenarios.edit_scenario")
def timeline_delete(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    scenario = _scenario_or_404(request, pk)
    event = _event_or_404(scenario, event_pk)
    try:
        services.timeline_event_delete(scenario=scenario, event_id=event.pk)
    except ValidationError:
        # Deleted by someone else between the lookup and the lock: it is gone either way.
        raise Http404(_("No such event in this scenario's timeline.")) from None
    if _is_fragment_request(request):
        return _render_timeline(request, scenario)
    messages.success(request, _("Event removed from the timeline."))
    return redirect(_detail_url(scenario, "timeline"))
