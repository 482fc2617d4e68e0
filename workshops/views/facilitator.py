"""The facilitator's pages: dashboard, the control room of one workshop, the projector."""

import segno
from functools import partial, wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from .. import activities, live, selectors, services
from core.guards import staff_permission
from scenarios.selectors import scenario_catalogue

from ..guards import workshop_permission
from ..forms import TableChoiceForm, TableForm, WorkshopCreateForm, WorkshopSettingsForm
from ..models import Activity, Participant, Table, Workshop, WorkshopPhase
from .common import INVALID, add_errors, no_change


RUNS_KEY = "agora_runs"  # ids of the workshops this session was found allowed to run


def runs_workshop(view):
    """The rule `workshops.run_workshop` (login, 404, 403); remembers that this session may run the workshop."""

    @workshop_permission("workshops.run_workshop")
    @wraps(view)
    def wrapper(request, *args, workshop, **kwargs):
        runs = request.session.get(RUNS_KEY, [])
        if workshop.pk not in runs:
            request.session[RUNS_KEY] = [*runs, workshop.pk]
        return view(request, *args, workshop=workshop, **kwargs)

    return wrapper


def _poll_unchanged(request, pk) -> bool:
    """An unchanged poll from a session already allowed to run this workshop: answer 204 at once.

    It only ever learns "nothing changed"; anything else goes through the full permission check,
    and logging out clears the session.
    """
    return int(pk) in request.session.get(RUNS_KEY, []) and live.unchanged(request, int(pk))


@staff_permission("workshops.create_workshop")
def dashboard(request):
    # A format's editor links here with ?format=<id>: start from that format.
    form = WorkshopCreateForm(
        request.POST or None, initial={"format": request.GET.get("format"), "table_count": 7}, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workshop = services.workshop_create(
                edition=data["edition"],
                format=data["format"],
                title=data["title"],
                date=data["date"],
                place=data["place"],
                table_count=data["table_count"],
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("workshops:control", pk=workshop.pk)
    workshops = Workshop.objects.facilitated_by(request.user).select_related("edition", "format")
    return render(
        request,
        "workshops/dashboard.html",
        {"form": form, "workshops": workshops},
        status=INVALID if form.errors else 200,
    )


def _control_context(workshop):
    phases = list(workshop.phases.select_related("canvas").order_by("position"))
    for phase in phases:
        # An activity of an app above this one may have a page of its own (the keyword wall's merges).
        phase.control_link = activities.control_link(workshop, phase)
    return {
        "workshop": workshop,
        "phases": phases,
        "open_phase": next((p for p in phases if p.is_open), None),
        # Pages of apps above this one about the whole workshop (the promise, the report).
        "workshop_pages": activities.workshop_pages(workshop, phases),
        "tables": selectors.workshop_tables(workshop),
        "participants": selectors.workshop_participants(workshop),
        "table_form": TableForm(workshop=workshop),
        "seat_form": TableChoiceForm(workshop=workshop),
        "version": live.workshop_version(workshop.pk),
        "join_url": _join_url(workshop),
    }


@require_GET
def control(request, pk):
    # The unchanged poll is answered before the user is even loaded from the database.
    if request.GET.get("v") and _poll_unchanged(request, pk):
        return no_change()
    return _control(request, pk=pk)


@runs_workshop
def _control(request, *, workshop):
    template = "workshops/control.html#live" if request.htmx and request.GET.get("v") else "workshops/control.html"
    return render(request, template, _control_context(workshop))


def _back(request, workshop, error: ValidationError | None = None):
    if error is not None:
        for message in error.messages:
            messages.error(request, message)
    return redirect("workshops:control", pk=workshop.pk)


def _phase_of(workshop, phase_id) -> WorkshopPhase:
    return get_object_or_404(WorkshopPhase, pk=phase_id, workshop=workshop)


PHASE_ACTIONS = {
    "open": services.phase_open,
    "close": services.phase_close,
    "timer-start": services.timer_start,
    "timer-pause": services.timer_pause,
    "timer-reset": services.timer_reset,
    "rebuild-outputs": services.phase_rebuild_outputs,
    "restitution-next": partial(services.restitution_step, step=1),
    "restitution-previous": partial(services.restitution_step, step=-1),
}


@require_POST
@runs_workshop
def phase_action(request, phase_id, action, *, workshop):
    phase = _phase_of(workshop, phase_id)
    act = PHASE_ACTIONS.get(action)
    if act is None:
        raise Http404
    refused = None
    try:
        act(phase=phase)
    except ValidationError as error:
        refused = error
    if request.POST.get("back") == "projector":
        # The projector's own restitution controls: back to the projector, not the control room.
        for message in refused.messages if refused else []:
            messages.error(request, message)
        return redirect("workshops:projector", pk=workshop.pk)
    return _back(request, workshop, refused)


@require_POST
@runs_workshop
def close_workshop(request, *, workshop):
    services.workshop_close(workshop=workshop)
    return _back(request, workshop)


@require_POST
@runs_workshop
def workshop_settings(request, *, workshop):
    """The room's rules (a checkbox each): an unticked box is absent from the POST, hence False."""
    form = WorkshopSettingsForm(request.POST)
    form.is_valid()  # only booleans: every POST is valid
    services.workshop_update_settings(workshop=workshop, allow_self_plus_one=form.cleaned_data["allow_self_plus_one"])
    return _back(request, workshop)


def _form_messages(form) -> ValidationError:
    return ValidationError([e for errs in form.errors.values() for e in errs])


def _refused(request, workshop, error: ValidationError, **at):
    """An invalid table or seat form: the control room again (its live fragment for htmx), 422.

    `at` names the form the error is shown beside (error_table: a table's pk or "new",
    error_participant: a participant's pk); the service wrote nothing.
    """
    context = _control_context(workshop) | at | {"form_errors": error.messages}
    template = "workshops/control.html#live" if request.htmx else "workshops/control.html"
    return render(request, template, context, status=INVALID)


def _save_table(request, workshop, save, *, at):
    """Validate the table form, then call `save(**cleaned_data)`; an error comes back beside the form,
    with the name as typed in its box (a refused name is not lost in a redirect)."""
    form = TableForm(request.POST, workshop=workshop)
    try:
        if not form.is_valid():
            raise _form_messages(form)
        save(**form.cleaned_data)
    except ValidationError as error:
        typed = {"id": at, "name": request.POST.get("name", "")}
        return _refused(request, workshop, error, error_table=at, typed_table=typed)
    return _back(request, workshop)


@require_POST
@runs_workshop
def add_table(request, *, workshop):
    return _save_table(request, workshop, lambda **data: services.table_create(workshop=workshop, **data), at="new")


@require_POST
@runs_workshop
def edit_table(request, table_id, *, workshop):
    table = get_object_or_404(Table, pk=table_id, workshop=workshop)
    return _save_table(request, workshop, lambda **data: services.table_update(table=table, **data), at=table.pk)


@require_POST
@runs_workshop
def seat_participant(request, participant_id, *, workshop):
    participant = get_object_or_404(Participant, pk=participant_id, workshop=workshop)
    form = TableChoiceForm(request.POST, workshop=workshop)
    try:
        if not form.is_valid():
            raise _form_messages(form)
        table = form.cleaned_data["table"]
        scribe = request.POST.get("scribe")
        # One service, one transaction: a refused role leaves the seat as it was too.
        services.participant_seat(
            participant=participant, table_id=table.pk if table else None, is_scribe=None if scribe is None else scribe == "1"
        )
    except ValidationError as error:
        return _refused(request, workshop, error, error_participant=participant.pk)
    return _back(request, workshop)


def _join_url(workshop) -> str:
    return reverse("workshops:join") + f"?code={workshop.join_code}"


@require_GET
@runs_workshop
def join_qr(request, *, workshop):
    qr = segno.make(request.build_absolute_uri(_join_url(workshop)), error="m")
    response = HttpResponse(content_type="image/svg+xml")
    qr.save(response, kind="svg", scale=8, border=2, dark="#1b1f3b", xmldecl=False)
    return response


def _projector_context(workshop):
    phase = selectors.open_phase(workshop)
    context = {"workshop": workshop, "phase": phase, "version": live.workshop_version(workshop.pk), "join_url": _join_url(workshop)}
    if phase and phase.activity == Activity.RESTITUTION:
        context |= _restitution_context(phase, selectors.restitution(workshop=workshop))
    elif phase and phase.activity == Activity.DISCOVER:
        context["discover_scenarios"] = scenario_catalogue(edition_id=workshop.edition_id)
    elif phase and phase.activity == Activity.SYNTHESIS:
        syntheses = selectors.phase_syntheses(phase=phase)
        context["syntheses"] = [(table, syntheses.get(table.pk)) for table in selectors.workshop_tables(workshop)]
    elif phase and phase.canvas_id:
        context["columns"] = selectors.room_board(workshop=workshop, phase=phase)
    else:
        context["record"] = selectors.workshop_record(workshop=workshop)
    return context


def _restitution_context(phase, tables) -> dict:
    """The one table the projector shows, as the facilitator stepped to it."""
    if not tables:
        return {"restitution_count": 0}
    index = min(phase.restitution_index, len(tables) - 1)
    return {
        "shown": tables[index],
        "restitution_number": index + 1,
        "restitution_count": len(tables),
        "restitution_first": index == 0,
        "restitution_last": index == len(tables) - 1,
    }


@require_GET
@runs_workshop
def results(request, *, workshop):
    """Every closed phase's outputs and every synthesis, by phase, for every table: during and after."""
    context = {"workshop": workshop, "record": selectors.workshop_record(workshop=workshop), "show_tables": True}
    return render(request, "workshops/results.html", context)


@require_GET
@runs_workshop
def projector(request, *, workshop):
    return render(request, "workshops/projector.html", _projector_context(workshop))


@require_GET
def projector_live(request, pk):
    if _poll_unchanged(request, pk):
        return no_change()
    if not request.user.is_authenticated:
        raise PermissionDenied  # a poll: the projector page itself sends a lost session to the login page
    return _projector_live(request, pk=pk)


@runs_workshop
def _projector_live(request, *, workshop):
    return render(request, "workshops/projector.html#live", _projector_context(workshop))
