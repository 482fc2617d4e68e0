"""The table scribe's board: group, merge and hide the table's post-its."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from .. import live, selectors, services
from ..idempotency import idempotent
from ..guards import allows, contribution, own_table, participant_permission
from ..models import Contribution
from core.rules import Visitor
from .common import INVALID, no_change, raise_if_missing

ONLY_THE_SCRIBE = _("Only your table's scribe can use this page.")


def scribe_permission(perm: str, target=own_table, name=None):
    """Scribe pages: the rule about the participant's own table (or the post-it of the URL)."""
    return participant_permission(perm, target, name=name, message=ONLY_THE_SCRIBE)


def _check_each(request, workshop, participant, ids) -> None:
    """Group and merge name several post-its: each one of this workshop must be the scribe's to touch.

    Ids that are not numbers or not in this workshop are left to the service, which says so (422).
    """
    wanted = {int(pk) for pk in ids if str(pk).isdigit() and len(str(pk)) < 19}
    visitor = Visitor(user=request.user, participant=participant)
    for postit in Contribution.objects.select_related("workshop").filter(workshop=workshop, pk__in=wanted):
        if not allows("workshops.moderate_contribution", visitor, postit):
            raise PermissionDenied(ONLY_THE_SCRIBE)


def _context(workshop, participant):
    phase = selectors.open_phase(workshop)
    context = {
        "workshop": workshop,
        "participant": participant,
        "phase": phase,
        "version": live.participant_version(workshop.pk, participant.table_id),
        # The inputs' limits are the ones the services enforce.
        "label_max_length": services.GROUP_LABEL_MAX_LENGTH,
        "synthesis_max_length": services.SYNTHESIS_MAX_LENGTH,
    }
    if phase and phase.activity == "synthesis":
        context["synthesis"] = selectors.table_synthesis(phase=phase, table_id=participant.table_id)
    if phase and phase.canvas_id:
        context["boards"] = selectors.table_board(phase=phase, table_id=participant.table_id, include_hidden=True)
    if allows("workshops.view_outputs", participant, participant.table):
        context["record"] = selectors.workshop_record(workshop=workshop, table_id=participant.table_id)
    return context


@require_GET
@scribe_permission("workshops.scribe_table")
def scribe_board(request, *, workshop, participant):
    if request.GET.get("v") == live.participant_version(workshop.pk, participant.table_id):
        return no_change()
    template = "workshops/scribe.html#live" if request.htmx else "workshops/scribe.html"
    return render(request, template, _context(workshop, participant))


def _done(request, workshop, participant, error: ValidationError | None = None, typed: dict | None = None):
    """The scribe's board after a write; a refused write shows its message and keeps what was typed (`typed`)."""
    if error is not None:
        for message in error.messages:
            messages.error(request, message)
    context = _context(workshop, participant) | {"typed": typed or {}}
    if request.htmx:
        return render(request, "workshops/scribe.html#live", context, status=INVALID if error else 200)
    if error is not None and typed:
        # A redirect would lose the text: the page comes back with it in its box.
        return render(request, "workshops/scribe.html", context, status=INVALID)
    return redirect("workshops:scribe", code=workshop.join_code)


@require_POST
@scribe_permission("workshops.moderate_contribution", contribution)
@idempotent
def scribe_hide(request, *, workshop, participant, contribution_id):
    try:
        services.contribution_set_hidden(
            scribe=participant, contribution_id=contribution_id, hidden=request.POST.get("hidden") != "0"
        )
    except ValidationError as error:
        raise_if_missing(error)
        return _done(request, workshop, participant, error)
    return _done(request, workshop, participant)


@require_POST
@scribe_permission("workshops.moderate_contribution")
@idempotent
def scribe_group(request, *, workshop, participant):
    _check_each(request, workshop, participant, request.POST.getlist("contributions"))
    try:
        services.contribution_group(
            scribe=participant, contribution_ids=request.POST.getlist("contributions"), label=request.POST.get("label", "")
        )
    except ValidationError as error:
        return _done(request, workshop, participant, error, typed={"label": request.POST.get("label", ""), "section": request.POST.get("section")})
    return _done(request, workshop, participant)


@require_POST
@scribe_permission("workshops.moderate_contribution")
@idempotent
def scribe_merge(request, *, workshop, participant):
    _check_each(request, workshop, participant, [request.POST.get("target"), request.POST.get("source")])
    try:
        services.contribution_merge(
            scribe=participant, target_id=request.POST.get("target"), source_id=request.POST.get("source")
        )
    except ValidationError as error:
        return _done(request, workshop, participant, error)
    return _done(request, workshop, participant)


@require_POST
@scribe_permission("workshops.moderate_contribution", contribution)
@idempotent
def scribe_unmerge(request, *, workshop, participant, contribution_id):
    try:
        services.contribution_unmerge(scribe=participant, contribution_id=contribution_id)
    except ValidationError as error:
        raise_if_missing(error)
        return _done(request, workshop, participant, error)
    return _done(request, workshop, participant)


@require_POST
@scribe_permission("workshops.write_synthesis")
@idempotent
def scribe_synthesis(request, *, workshop, participant):
    try:
        services.synthesis_save(scribe=participant, text=request.POST.get("text", ""))
    except ValidationError as error:
        return _done(request, workshop, participant, error, typed={"synthesis": request.POST.get("text", "")})
    return _done(request, workshop, participant)
