"""The facilitator's pages: dashboard, the control room of one workshop, the projector."""

import segno
from functools import partial, wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

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


def _control_context(request, workshop, parts=selectors.CONTROL_PARTS):
    """What the control room's parts render; `parts` names the live parts needed (all of them for the page)."""
    context = {
        "workshop": workshop,
        "parts": live.control_parts(workshop.pk),
        "join_address": _join_address(request, workshop),
        # The room's rules' bounds come from their form, not typed again in the template.
        "settings_form": WorkshopSettingsForm(),
    }
    if "agenda" in parts:
        context["phases"] = list(workshop.phases.select_related("canvas").order_by("position"))
        for phase in context["phases"]:
            # An activity of an app above this one may have a page of its own (the keyword wall's merges).
            phase.control_link = activities.control_link(workshop, phase)
        # Pages of apps above this one about the whole workshop (the promise, the report).
        context["workshop_pages"] = activities.workshop_pages(workshop, context["phases"])
    if "tables" in parts or "people" in parts:
        context["tables"] = selectors.workshop_tables(workshop)
    if "tables" in parts:
        context["table_form"] = TableForm(workshop=workshop)
    if "people" in parts:
        context["participants"] = selectors.workshop_participants(workshop)
        options = _seat_options(context["tables"])
        for participant in context["participants"]:
            participant.table_options = options[participant.table_id]
    return context


def _seat_options(tables) -> dict:
    """The options of the seat menu, rendered once per table (each with its own table selected), not once
    per participant: the people part of a room of 1,000 at 40 tables renders 41 lists, not 1,000."""
    def options(selected):
        rows = [(table.pk, " selected" if table.pk == selected else "", table.label) for table in tables]
        none = format_html('<option value="">{}</option>', _("No table"))
        return none + format_html_join("", '<option value="{}"{}>{}</option>', rows)

    rendered = {table.pk: options(table.pk) for table in tables}
    rendered[None] = options(None)
    return rendered


@require_GET
@runs_workshop
def control(request, *, workshop):
    return render(request, "workshops/control.html", _control_context(request, workshop))


@require_GET
def control_part(request, pk, part):
    """One live part of the control room (agenda, tables, people), polled with the digest it shows.

    An unchanged part is answered 204 before the user is even loaded from the database, so a
    post-it in the room (which changes no part) costs the control room nothing but three tiny polls.
    """
    if part not in selectors.CONTROL_PARTS:
        raise Http404
    if int(pk) in request.session.get(RUNS_KEY, []) and request.GET.get("h") == live.control_parts(int(pk))[part]:
        return no_change()
    if not request.user.is_authenticated:
        raise PermissionDenied  # a poll: the page itself sends a lost session to the login page
    return _control_part(request, pk=pk, part=part)


@runs_workshop
def _control_part(request, part, *, workshop):
    return render(request, f"workshops/control.html#{part}", _control_context(request, workshop, parts=(part,)))


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


def _go(request, url):
    """A redirect that htmx follows as a page load (the confirmation is a page of its own)."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_POST
@runs_workshop
def phase_action(request, phase_id, action, *, workshop):
    phase = _phase_of(workshop, phase_id)
    act = PHASE_ACTIONS.get(action)
    if act is None:
        raise Http404
    if action == "open":
        return _open_phase(request, workshop, phase)
    refused = None
    # Closing is an act the audit trail names its author for; timers and the projector's steps are not.
    by = {"by": request.user} if action == "close" else {}
    try:
        act(phase=phase, **by)
    except ValidationError as error:
        refused = error
    if refused is None and action == "close":
        messages.success(request, _closed_message(phase))
    if request.POST.get("back") == "projector":
        # The projector's own restitution controls: back to the projector, not the control room.
        for message in refused.messages if refused else []:
            messages.error(request, message)
        return redirect("workshops:projector", pk=workshop.pk)
    return _back(request, workshop, refused)


def _closed_message(phase) -> str:
    if phase.activity == Activity.POSTITS:
        return _("“%(phase)s” is closed: its table outputs are being built.") % {"phase": phase.name}
    return _("“%(phase)s” is closed.") % {"phase": phase.name}


def _open_phase(request, workshop, phase):
    """Open a phase; when another one is open, only once the facilitator confirmed which one closes.

    The confirmation page posts back the open phase it named (`closing`): if another phase was
    opened meanwhile, the service refuses and the facilitator is asked again about that one.
    """
    current = selectors.open_phase(workshop)
    closing = current if current is not None and current.pk != phase.pk else None
    confirm_url = reverse("workshops:phase_open_confirm", args=[workshop.pk, phase.pk])
    if closing is not None and request.POST.get("closing") != str(closing.pk):
        return _go(request, confirm_url)
    try:
        services.phase_open(phase=phase, closing=closing.pk if closing else None, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _go(request, confirm_url if error.code == "conflict" else reverse("workshops:control", args=[workshop.pk]))
    if closing is not None:
        messages.success(request, _("“%(opened)s” is open.") % {"opened": phase.name} + " " + _closed_message(closing))
    else:
        messages.success(request, _("“%(opened)s” is open.") % {"opened": phase.name})
    return _go(request, reverse("workshops:control", args=[workshop.pk]))


@require_GET
@runs_workshop
def phase_open_confirm(request, phase_id, *, workshop):
    """Before a phase opens while another is open: which phase will close, and what that does."""
    phase = _phase_of(workshop, phase_id)
    current = selectors.open_phase(workshop)
    if workshop.status == Workshop.Status.CLOSED or phase.is_open:
        return redirect("workshops:control", pk=workshop.pk)
    context = {"workshop": workshop, "phase": phase, "closing": current if current and current.pk != phase.pk else None}
    return render(request, "workshops/confirm_open_phase.html", context)


@require_http_methods(["GET", "POST"])
@runs_workshop
def close_workshop(request, *, workshop):
    """GET: what closing the workshop does, and that it cannot be undone; POST with confirm=1 closes it."""
    if request.method == "GET" or request.POST.get("confirm") != "1":
        if workshop.status == Workshop.Status.CLOSED:
            return redirect("workshops:control", pk=workshop.pk)
        if request.method == "POST":
            return _go(request, reverse("workshops:close", args=[workshop.pk]))
        context = {"workshop": workshop, "open_phase": selectors.open_phase(workshop)}
        return render(request, "workshops/confirm_close_workshop.html", context)
    if workshop.status != Workshop.Status.CLOSED:
        services.workshop_close(workshop=workshop, by=request.user)
        messages.success(
            request,
            _("The workshop is closed. Participants see that it is over and find their table's results; its record stays downloadable here."),
        )
    return _go(request, reverse("workshops:control", args=[workshop.pk]))


@require_POST
@runs_workshop
def workshop_settings(request, *, workshop):
    """The room's rules: checkboxes (an unticked box is absent from the POST, hence False) and the cap
    on participants (empty: none). A wrong cap changes nothing and says why above the control room."""
    form = WorkshopSettingsForm(request.POST)
    if not form.is_valid():
        return _back(request, workshop, ValidationError([_("%(label)s: %(message)s") % {"label": form.fields[name].label, "message": e} for name, errs in form.errors.items() for e in errs]))
    try:
        services.workshop_update_settings(
            workshop=workshop,
            allow_self_plus_one=form.cleaned_data["allow_self_plus_one"],
            max_participants=form.cleaned_data["max_participants"],
            by=request.user,
        )
    except ValidationError as error:
        return _back(request, workshop, error)
    return _back(request, workshop)


def _form_messages(form) -> ValidationError:
    return ValidationError([e for errs in form.errors.values() for e in errs])


def _refused(request, workshop, error: ValidationError, **at):
    """An invalid table or seat form: the control room again (for htmx, the part holding the form), 422.

    `at` names the form the error is shown beside (error_table: a table's pk or "new",
    error_participant: a participant's pk); the service wrote nothing.
    """
    part = "people" if "error_participant" in at else "tables"
    context = _control_context(request, workshop) | at | {"form_errors": error.messages}
    template = f"workshops/control.html#{part}" if request.htmx else "workshops/control.html"
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
    return _save_table(request, workshop, lambda **data: services.table_update(table=table, by=request.user, **data), at=table.pk)


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
            participant=participant,
            table_id=table.pk if table else None,
            is_scribe=None if scribe is None else scribe == "1",
            by=request.user,
        )
    except ValidationError as error:
        return _refused(request, workshop, error, error_participant=participant.pk)
    return _back(request, workshop)


@require_http_methods(["GET", "POST"])
@workshop_permission("workshops.remove_participant")
def remove_participant(request, participant_id, *, workshop):
    """GET: who goes and what goes with them; POST with confirm=1 removes them for good."""
    participant = Participant.objects.filter(pk=participant_id, workshop=workshop).select_related("table").first()
    if participant is None:
        # Removed already (a second click, another facilitator): the control room shows the room as it is.
        messages.info(request, _("This participant is no longer in the workshop."))
        return _go(request, reverse("workshops:control", args=[workshop.pk]))
    if request.method == "GET" or request.POST.get("confirm") != "1":
        context = {"workshop": workshop, "participant": participant, "postits": participant.contributions.count()}
        return render(request, "workshops/confirm_remove_participant.html", context)
    try:
        removed = services.participant_remove(participant=participant, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext(
                "%(name)s was removed from the workshop, with their %(n)d post-it.",
                "%(name)s was removed from the workshop, with their %(n)d post-its.",
                removed.postits,
            )
            % {"name": removed.name, "n": removed.postits},
        )
    return _go(request, reverse("workshops:control", args=[workshop.pk]))


def _join_url(workshop) -> str:
    return reverse("workshops:join") + f"?code={workshop.join_code}"


def _join_address(request, workshop) -> str:
    """The join URL as the room's laptops reach it: settings.JOIN_BASE_URL when set (`make demo
    HOST=0.0.0.0` sets it to this machine's address on the local network), else this request's host."""
    base = settings.JOIN_BASE_URL.rstrip("/")
    return base + _join_url(workshop) if base else request.build_absolute_uri(_join_url(workshop))


@require_GET
@runs_workshop
def join_qr(request, *, workshop):
    qr = segno.make(_join_address(request, workshop), error="m")
    response = HttpResponse(content_type="image/svg+xml")
    qr.save(response, kind="svg", scale=8, border=2, dark="#1b1f3b", xmldecl=False)
    return response


def _projector_context(request, workshop):
    phase = selectors.open_phase(workshop)
    context = {
        "workshop": workshop,
        "phase": phase,
        "version": live.workshop_version(workshop.pk),
        "join_address": _join_address(request, workshop),
    }
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
@workshop_permission("workshops.view_audit_trail")
def audit_trail(request, *, workshop):
    """Every act of power over the workshop, newest first, a page at a time (`?page=`)."""
    page = selectors.audit_trail_page(workshop=workshop, page=request.GET.get("page"))
    return render(request, "workshops/audit_trail.html", {"workshop": workshop, "page": page})


@require_GET
@runs_workshop
def projector(request, *, workshop):
    return render(request, "workshops/projector.html", _projector_context(request, workshop))


@require_GET
def projector_live(request, pk):
    if _poll_unchanged(request, pk):
        return no_change()
    if not request.user.is_authenticated:
        raise PermissionDenied  # a poll: the projector page itself sends a lost session to the login page
    return _projector_live(request, pk=pk)


@runs_workshop
def _projector_live(request, *, workshop):
    return render(request, "workshops/projector.html#live", _projector_context(request, workshop))
