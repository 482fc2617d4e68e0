"""Pages of the people in the room: joining, the canvas of their table, the scribe's board."""

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import reswap, retarget

from scenarios.selectors import scenario_catalogue

from .. import activities, deltas, limits, live, selectors, services
from ..forms import ContributionForm, JoinCodeForm, JoinForm, TableChoiceForm
from ..models import Activity, Workshop
from ..idempotency import idempotent
from ..guards import NotJoined, allows, contribution, participant_access, participant_permission
from ..participation import SESSION_KEY, current_participant, remember_participant
from .common import INVALID, add_errors, limited, no_change, raise_if_missing, rate_limited


def join(request):
    """Step 1: the code (typed, or from the projector's QR code which links here with ?code=)."""
    data = request.POST if request.method == "POST" else (request.GET if "code" in request.GET else None)
    form = JoinCodeForm(data)
    if data is not None and form.is_valid():
        try:
            limits.check("join_code", request)
        except limits.Limited as error:
            return limited(request, error, back=reverse("workshops:join"))
        try:
            workshop = services.workshop_for_join_code(form.cleaned_data["code"])
        except ValidationError as error:
            _count_wrong_code(request, error)
            add_errors(form, error)
        else:
            return redirect("workshops:join_workshop", code=workshop.join_code)
    status = INVALID if form.errors else 200
    return render(request, "workshops/join.html", {"form": form}, status=status)


def join_workshop(request, code):
    """Step 2: a display name and a table; the browser session remembers the participant.

    The code in the address is looked up here too: a wrong one is a guess, counted as step 1's."""
    try:
        limits.check("join_code", request)
    except limits.Limited as error:
        return limited(request, error, back=reverse("workshops:join"))
    workshop = Workshop.objects.filter(join_code=code.upper()).first()
    if workshop is None:
        limits.spend("join_code", request)
    if workshop is None or not workshop.is_joinable:
        form = JoinCodeForm({"code": code})
        form.is_valid()
        form.add_error("code", _("No workshop has this code. Check the code shown on the projector.") if workshop is None else _("This workshop is over: its code has expired."))
        return render(request, "workshops/join.html", {"form": form}, status=404 if workshop is None else 410)
    if current_participant(request, workshop) is not None:
        return redirect("workshops:canvas", code=workshop.join_code)
    form = JoinForm(request.POST or None, workshop=workshop)
    if request.method == "POST" and form.is_valid():
        table = form.cleaned_data["table"]
        try:
            participant = services.participant_join(
                workshop=workshop,
                display_name=form.cleaned_data["display_name"],
                table_id=table.pk if table else None,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            # A new session that carries nothing of the browser's (a sign-in, another workshop's
            # seat, a key someone planted): on a shared laptop, who joins is only this participant.
            request.session.flush()
            remember_participant(request, participant)
            limits.joined_from(request)  # a room behind this address: its typos get more room
            return redirect("workshops:canvas", code=workshop.join_code)
    status = INVALID if form.errors else 200
    return render(request, "workshops/join_workshop.html", {"form": form, "workshop": workshop}, status=status)


def _count_wrong_code(request, error: ValidationError) -> None:
    """A code that opens no workshop is a guess: counted per client, refused past its rate (workshops.limits).

    Counted after the look-up, checked before it: requests of one client in flight at the same
    moment may each pass the check, so a guesser gets at most the web server's concurrency more.
    """
    if any(e.code == "unknown_code" for e in getattr(error, "error_dict", {}).get("code", [])):
        limits.spend("join_code", request)


TEXT_MAX_LENGTH = ContributionForm.base_fields["text"].max_length


def _canvas_context(workshop, participant, form=None, form_section_id=None, q=""):
    phase = selectors.open_phase(workshop)
    context = {
        "workshop": workshop,
        "participant": participant,
        "phase": phase,
        "version": live.participant_version(workshop.pk, participant.table_id),
        "board_key": deltas.board_key(participant.pk, participant.table_id),
        "stage_key": _stage_key(workshop, phase, participant),
        "table_form": TableChoiceForm(workshop=workshop, own_table_id=participant.table_id, initial={"table": participant.table_id}),
        "form": form,
        "form_section_id": form_section_id,
        "text_max_length": TEXT_MAX_LENGTH,
    }
    if phase and phase.activity == Activity.DISCOVER:
        # The scenarios the room may vote on next: its edition's, readable without an account.
        context["scenarios"] = scenario_catalogue(edition_id=workshop.edition_id, q=q)
        context["q"] = q
    if phase and phase.activity == Activity.SYNTHESIS and participant.table_id:
        context["synthesis"] = selectors.table_synthesis(phase=phase, table_id=participant.table_id)
    if phase and phase.activity == Activity.POSTITS and participant.table_id:
        context["boards"] = selectors.table_board(phase=phase, table_id=participant.table_id)
        context["plus_oned"] = selectors.plus_oned_ids(participant=participant, phase=phase)
    # An activity of an app above this one (the promise workshop's): its own panel, registered there.
    context["panel"] = activities.panel_context(workshop, participant, phase)
    if phase and phase.activity == Activity.RESTITUTION:
        # The whole room's work, the participant's own table first; the projector steps through it.
        context["restitution"] = selectors.restitution(workshop=workshop, first_table_id=participant.table_id)
        # What apps above this one add to it (the promise workshop's report), registered there.
        context["restitution_parts"] = activities.restitution_parts(workshop)
    elif allows("workshops.view_outputs", participant, participant.table):
        context["record"] = selectors.workshop_record(workshop=workshop, table_id=participant.table_id)
    return context


def _stage_key(workshop, phase, participant) -> str:
    """What decides the page's layout: when it changes, the whole stage (and the seat picker) is swapped."""
    return f"{workshop.status}-{phase.pk if phase else 0}-{participant.table_id or 0}-{int(participant.is_scribe)}"


@require_GET
@participant_permission("workshops.view_workshop")
def canvas(request, *, workshop, participant):
    return render(request, "workshops/canvas.html", _canvas_context(workshop, participant))


@require_GET
def canvas_live(request, code):
    """The canvas page's poll: 204 when nothing changed, the changes since its version when they
    are known (workshops.deltas: no query), otherwise the board redrawn as out-of-band fragments."""
    workshop_id = live.workshop_id_for_code(code)
    # The unchanged poll costs no query: only a browser that joined this workshop learns "nothing changed".
    viewer_id = request.session.get(SESSION_KEY, {}).get(str(workshop_id)) if workshop_id is not None else None
    if viewer_id is None:
        # The same answer for a real code and a wrong one: the poll is no oracle for guessers.
        return render(request, "workshops/gone.html", status=404)
    answer = board_changes_since(request.GET, code, workshop_id, viewer_id)
    if answer is not None:
        return HttpResponse(answer[0]) if answer[0] else no_change()
    answer = board_redrawn(request, code)
    if answer is None:
        # Removed from the workshop since: the page has nothing left to show.
        return render(request, "workshops/gone.html", status=403)
    return HttpResponse(answer[0])


def board_changes_since(params, code, workshop_id, viewer_id, current=None) -> tuple[str, str] | None:
    """What a laptop at ?v= lacks, from the cache alone: ("", version) when nothing changed, the
    changed fragments with the poller at its new version, or None when the board must be redrawn.
    The page says which table it shows (t, signed in k for this participant): only that table's
    post-its and the stage matter to it. The poll and the stream (views.stream) share it; a stream
    may pass the participant's `current` version, read once for the streams woken with it."""
    table_id = _int(params.get("t"))
    held = params.get("v")
    if current is None:
        current = live.participant_version(workshop_id, table_id)
    if not deltas.key_matches(params.get("k"), viewer_id, table_id):
        # An unsigned or foreign table: at most "unchanged", as before the changes were kept.
        return ("", held) if held == current else None
    delta = deltas.participant_delta(
        workshop_id=workshop_id, table_id=table_id, viewer_id=viewer_id, held=held, current=current,
        banner=lambda: _banner(workshop_id, current),
    )
    if delta is None or not delta[0]:
        return delta
    fragments, version = delta
    poller = deltas.poller(code=code, version=version, table_id=table_id, stage_key=params.get("s", ""), key=params.get("k"))
    return poller + fragments, version


def _banner(workshop_id, version) -> str:
    """The phase banner alone, out of band, for a laptop whose stage moved by its timer only (the
    timer's seconds left counted when rendered)."""
    status, phase = live.stage_banner(workshop_id, deltas.parse_version(version)[0])
    context = {"workshop": {"status": status}, "phase": phase, "banner_oob": True}
    return render_to_string("workshops/partials/banner.html", context)


def board_redrawn(request, code, stage_key=None) -> tuple[str, dict] | None:
    """The board redrawn as out-of-band fragments (the whole stage when its layout changed), with
    the page's new context; None when the browser is no longer a participant of the workshop."""
    try:
        workshop, participant, _target = participant_access(request, code, "workshops.view_workshop")
    except (NotJoined, PermissionDenied):
        return None
    context = _canvas_context(workshop, participant)
    context["restage"] = (request.GET.get("s") if stage_key is None else stage_key) != context["stage_key"]
    return render_to_string("workshops/canvas.html#live", context, request=request), context


DISCOVER_QUERY_MAX_LENGTH = 200


@require_GET
@participant_permission("workshops.discover_scenarios")
def discover(request, *, workshop, participant):
    """The discovery's search (?q=): the list alone for htmx, the page with it otherwise."""
    q = " ".join(request.GET.get("q", "").split())
    if len(q) > DISCOVER_QUERY_MAX_LENGTH:
        message = _("A search has at most %(max)d characters.") % {"max": DISCOVER_QUERY_MAX_LENGTH}
        if request.htmx:
            return _flash([message])
        messages.error(request, message)
        return redirect("workshops:canvas", code=workshop.join_code)
    if not rules.has_perm("workshops.discover_scenarios", participant, workshop):
        # The facilitator moved on between the keystroke and the request: the page follows them.
        if request.htmx:
            return _flash([_("The discovery of the scenarios is over: the page shows the open phase.")], status=409)
        return redirect("workshops:canvas", code=workshop.join_code)
    context = _canvas_context(workshop, participant, q=q)
    template = "workshops/canvas.html#discover-list" if request.htmx else "workshops/canvas.html"
    return render(request, template, context)


@require_POST
@participant_permission("workshops.post_contribution")
@idempotent
@rate_limited("post")
def post_contribution(request, *, workshop, participant):
    form = ContributionForm(request.POST)
    section_id = request.POST.get("section")
    posted = None
    if form.is_valid():
        try:
            posted = services.contribution_post(
                participant=participant,
                section_id=form.cleaned_data["section"],
                text=form.cleaned_data["text"],
                axis=form.cleaned_data["axis"],
            )
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        if request.htmx:
            context = _canvas_context(workshop, participant, form=form, form_section_id=_int(section_id))
            section = _section_for(context, section_id)
            if section["board"] is None:
                # The section is gone from the page (phase closed or changed): say so above the canvas.
                return _flash([e for errs in form.errors.values() for e in errs], kept=form.data.get("text", ""))
            return render(request, "workshops/canvas.html#section-form", {**context, **section}, status=INVALID)
        return render(request, "workshops/canvas.html", _canvas_context(workshop, participant, form=form, form_section_id=_int(section_id)), status=INVALID)
    if request.htmx:
        # The emptied form and the new post-it alone, appended to its list: the rest of the table's
        # changes reach the page as everyone's do (stream or poll), without the whole board redrawn here.
        context = {"workshop": workshop, "participant": participant, "note": posted, "plus_oned": (),
                   "board": {"section": posted.section}, "text_max_length": TEXT_MAX_LENGTH}
        return render(request, "workshops/canvas.html#posted", context)
    return redirect("workshops:canvas", code=workshop.join_code)


def _flash(errors, kept: str = "", status: int = INVALID):
    """Errors above the canvas; `kept`, the text of a post-it that was not accepted, given back to copy."""
    response = render_to_string("workshops/partials/flash.html", {"errors": errors, "kept": kept})
    return reswap(retarget(HttpResponse(response, status=status), "#flash"), "innerHTML")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _section_for(context, section_id) -> dict:
    """The board of one section, for re-rendering only that section's form and list."""
    section_id = _int(section_id)
    for board in context.get("boards", []):
        if board.section.pk == section_id:
            return {"board": board}
    return {"board": None}


@require_POST
@participant_permission("workshops.plus_one", contribution)
@idempotent
@rate_limited("plus_one")
def plus_one(request, *, workshop, participant, contribution_id):
    try:
        given = services.contribution_plus_one(participant=participant, contribution_id=contribution_id)
    except ValidationError as error:
        raise_if_missing(error)
        if request.htmx:
            return _flash(error.messages)
        for message in error.messages:
            messages.error(request, message)
    if request.htmx:
        # That post-it alone, as this participant now sees it (their +1 given, its new count).
        return render(request, "workshops/canvas.html#plus-oned", {"workshop": workshop, "participant": participant, "note": given, "plus_oned": {given.pk}})
    return redirect("workshops:canvas", code=workshop.join_code)


@require_POST
@participant_permission("workshops.change_table")
@idempotent
@rate_limited("table")
def choose_table(request, *, workshop, participant):
    form = TableChoiceForm(request.POST, workshop=workshop, own_table_id=participant.table_id)
    if form.is_valid():
        table = form.cleaned_data["table"]
        try:
            services.participant_set_table(participant=participant, table_id=table.pk if table else None)
        except ValidationError as error:
            add_errors(form, error)
    if form.errors:
        for message in form.errors.get("table", []) + form.non_field_errors():
            messages.error(request, message)
    return redirect("workshops:canvas", code=workshop.join_code)


@require_GET
@participant_permission("workshops.view_own_contributions")
def own_contributions(request, *, workshop, participant):
    """Everything this participant wrote in the workshop, to review and, while it is live, take back."""
    contributions = selectors.own_contributions(participant)
    return render(
        request,
        "workshops/own_contributions.html",
        {
            "workshop": workshop,
            "participant": participant,
            "contributions": contributions,
            "may_delete": allows("workshops.delete_own_contribution", participant, contributions[0]) if contributions else False,
        },
    )


@require_POST
@participant_permission("workshops.view_own_contributions")
@idempotent
def delete_own_contribution(request, *, workshop, participant, contribution_id):
    # The post-it is looked up after the receipt: a retried delete gets its first answer, not a 404.
    postit = contribution(workshop, participant, {"contribution_id": contribution_id})
    if not allows("workshops.delete_own_contribution", participant, postit):
        raise PermissionDenied(_("Only its author may delete a post-it, and only while the workshop is live."))
    try:
        services.contribution_delete(participant=participant, contribution_id=contribution_id)
    except ValidationError as error:
        raise_if_missing(error)
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your post-it was deleted."))
    return redirect("workshops:own_contributions", code=workshop.join_code)
