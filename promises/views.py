"""The promise workshop's writes from the participant page, and the facilitator's keyword wall.

The participant page itself is workshops' (`/w/<code>/`): it draws this app's panels through the
registry (workshops/activities.py). These views validate, call a service and answer: under htmx
the panel again (422 with the person's text in its box when refused); without JavaScript a
redirect to the page, or the panel on a page of its own with the error (422).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from core.guards import Visitor, allows
from voting import services as voting_services
from voting.models import Method
from voting.record import record_filename
from workshops import activities
from workshops import selectors as workshop_selectors
from workshops.guards import own_table, participant_permission, workshop_permission
from workshops.idempotency import idempotent
from workshops.views.common import INVALID, raise_if_missing, rate_limited

from . import report, selectors, services
from .models import PromiseBallot


def _errors(error: ValidationError) -> list[str]:
    return [m for messages in getattr(error, "message_dict", {"": error.messages}).values() for m in messages]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _flash(errors):
    """The panel left the page (the phase changed): say why above it."""
    response = render_to_string("workshops/partials/flash.html", {"errors": errors})
    return reswap(retarget(HttpResponse(response, status=INVALID), "#flash"), "innerHTML")


def _answer(request, workshop, participant, error: ValidationError | None = None, **bound):
    """After a write: the panel (htmx), the page (redirect), or the refusal with what was typed."""
    if error is None and not request.htmx:
        return redirect("workshops:canvas", code=workshop.join_code)
    if error is not None:
        raise_if_missing(error)
    panel = activities.panel_context(workshop, participant, workshop_selectors.open_phase(workshop))
    errors = _errors(error) if error is not None else []
    if panel is None:
        if request.htmx:
            return _flash(errors)
        return redirect("workshops:canvas", code=workshop.join_code)
    context = {
        "workshop": workshop,
        "participant": participant,
        "panel": panel,
        "errors": errors,
        "data": request.POST if error is not None else {},
        **(bound if error is not None else {}),
    }
    template = panel["template"] if request.htmx else "promises/panel_page.html"
    return render(request, template, context, status=INVALID if error is not None else 200)


def _write(request, workshop, participant, call, **bound):
    try:
        call()
    except ValidationError as error:
        return _answer(request, workshop, participant, error, **bound)
    return _answer(request, workshop, participant)


def participant_write(rule: str, *guards):
    """A participant's write: POST only, the rule (and guards) checked, a retried request answered once,
    counted against the participant's rate of writes (the post-its', workshops.limits)."""

    def decorate(view):
        return require_POST(participant_permission(rule, *guards)(idempotent(rate_limited("post")(view))))

    return decorate


def _card(post) -> dict:
    return {k: post.get(k, "") for k in ("name", "age", "profile", "keywords")}


# --- Personas: the scribe of the table ------------------------------------------------------------


@participant_write("promises.write_persona", own_table)
def persona_create(request, *, workshop, participant):
    return _write(
        request, workshop, participant,
        lambda: services.persona_create(scribe=participant, **_card(request.POST)),
        bound_key="new-persona",
    )


@participant_write("promises.write_persona", own_table)
def persona_update(request, *, workshop, participant, persona_id):
    return _write(
        request, workshop, participant,
        lambda: services.persona_update(scribe=participant, persona_id=persona_id, **_card(request.POST)),
        bound_key="persona", bound_id=persona_id,
    )


@participant_write("promises.write_persona", own_table)
def persona_delete(request, *, workshop, participant, persona_id):
    return _write(request, workshop, participant, lambda: services.persona_delete(scribe=participant, persona_id=persona_id))


@participant_write("promises.write_persona", own_table)
def step_add(request, *, workshop, participant, persona_id):
    return _write(
        request, workshop, participant,
        lambda: services.persona_step_add(scribe=participant, persona_id=persona_id, text=request.POST.get("text", "")),
        bound_key="new-step", bound_id=persona_id,
    )


@participant_write("promises.write_persona", own_table)
def step_update(request, *, workshop, participant, step_id):
    return _write(
        request, workshop, participant,
        lambda: services.persona_step_update(scribe=participant, step_id=step_id, text=request.POST.get("text", "")),
        bound_key="step", bound_id=step_id,
    )


@participant_write("promises.write_persona", own_table)
def step_delete(request, *, workshop, participant, step_id):
    return _write(request, workshop, participant, lambda: services.persona_step_delete(scribe=participant, step_id=step_id))


@participant_write("promises.write_persona", own_table)
def step_move(request, *, workshop, participant, step_id, direction):
    return _write(
        request, workshop, participant,
        lambda: services.persona_step_move(scribe=participant, step_id=step_id, direction=direction),
    )


@participant_write("promises.write_persona", own_table)
def steps_reorder(request, *, workshop, participant, persona_id):
    """The whole order at once (`step` repeated, first to last), as a script or a drag would send it."""
    return _write(
        request, workshop, participant,
        lambda: services.persona_steps_reorder(scribe=participant, persona_id=persona_id, step_ids=request.POST.getlist("step")),
    )


# --- Phrases: the table proposes, its scribe edits ---------------------------------------------------


@participant_write("promises.propose_phrase", own_table)
def phrase_propose(request, *, workshop, participant):
    return _write(
        request, workshop, participant,
        lambda: services.phrase_propose(workshop=workshop, participant=participant, text=request.POST.get("text", "")),
        bound_key="phrase",
    )


@participant_write("promises.edit_phrase", own_table)
def phrase_update(request, *, workshop, participant, phrase_id):
    return _write(
        request, workshop, participant,
        lambda: services.phrase_update(scribe=participant, phrase_id=phrase_id, text=request.POST.get("text", "")),
        bound_key="edit-phrase", bound_id=phrase_id,
    )


@participant_write("promises.edit_phrase", own_table)
def phrase_delete(request, *, workshop, participant, phrase_id):
    return _write(request, workshop, participant, lambda: services.phrase_delete(scribe=participant, phrase_id=phrase_id))


# --- The keyword wall and the commitments: every participant ---------------------------------------


@participant_write("promises.add_keyword")
def keyword_add(request, *, workshop, participant):
    return _write(
        request, workshop, participant,
        lambda: services.keyword_add(workshop=workshop, participant=participant, text=request.POST.get("text", "")),
        bound_key="keyword",
    )


@participant_write("promises.make_commitment")
def commitment_make(request, *, workshop, participant):
    return _write(
        request, workshop, participant,
        lambda: services.commitment_make(
            workshop=workshop, participant=participant, text=request.POST.get("text", ""), signed=bool(request.POST.get("signed"))
        ),
        bound_key="commitment",
    )


# --- The facilitator's wall: merge and rename ----------------------------------------------------------


def _keywords_page(request, workshop, *, errors=(), status=200, **bound):
    use = selectors.latest_vote(workshop=workshop, purpose=PromiseBallot.Purpose.KEYWORDS)
    context = {
        "workshop": workshop,
        "wall": selectors.keyword_wall(workshop=workshop),
        "errors": list(errors),
        "limits": {"keyword_max": services.KEYWORD_MAX_LENGTH},
        "vote": use,
        "results": selectors.vote_results(use),
        "methods": [(m, Method(m).label) for m in services.KEYWORD_METHODS],
        "default_keep": services.DEFAULT_KEEP,
        "may_vote": allows("promises.run_votes", Visitor(user=request.user), workshop),
        **bound,
    }
    return render(request, "promises/keywords_curate.html", context, status=status)


@require_http_methods(["GET", "POST"])
@workshop_permission("promises.curate_keywords")
def keywords_curate(request, *, workshop):
    """The wall with a rename and a merge form per keyword, and "Separate" for each merged one."""
    if request.method == "POST":
        action, keyword_id = request.POST.get("action"), request.POST.get("keyword")
        try:
            if action == "rename":
                services.keyword_rename(workshop=workshop, keyword_id=keyword_id, label=request.POST.get("label", ""))
            elif action == "merge":
                services.keyword_merge(workshop=workshop, target_id=request.POST.get("into"), source_id=keyword_id)
            elif action == "unmerge":
                services.keyword_unmerge(workshop=workshop, keyword_id=keyword_id)
            elif action in ("keep", "unkeep"):
                services.keyword_set_kept(workshop=workshop, keyword_id=keyword_id, kept=action == "keep", by=request.user)
            else:
                raise ValidationError(_("Choose rename, merge or separate."))
        except ValidationError as error:
            raise_if_missing(error)
            return _keywords_page(
                request, workshop, errors=_errors(error), status=INVALID, bound_id=_int(keyword_id), data=request.POST
            )
        return redirect("promises:keywords", pk=workshop.pk)
    return _keywords_page(request, workshop)


@require_POST
@workshop_permission("promises.curate_keywords")
def keywords_vote(request, *, workshop):
    """The keyword vote from the wall's page: start it (a method, how many to keep), close it (which
    keeps its winners, voting.signals), or keep the winners of a closed one again."""
    action = request.POST.get("action")
    try:
        if action == "start":
            if not allows("promises.run_votes", Visitor(user=request.user), workshop):
                raise PermissionDenied
            services.keyword_vote_create(
                workshop=workshop,
                method=request.POST.get("method", ""),
                keep=request.POST.get("keep"),
                title=request.POST.get("title", ""),
                by=request.user,
            )
        elif action == "close":
            use = selectors.latest_vote(workshop=workshop, purpose=PromiseBallot.Purpose.KEYWORDS)
            if use is None or str(use.ballot_id) != request.POST.get("ballot"):
                raise ValidationError(_("This vote is no longer the wall's latest: reload the page."))
            voting_services.ballot_close(ballot=use.ballot, by=request.user)
        elif action == "keep":
            tied = services.keyword_vote_keep(workshop=workshop, ballot_id=request.POST.get("ballot"))
            if tied:
                messages.info(request, _("Tied on the boundary: %(words)s. Keep the ones you choose below.") % {"words": ", ".join(k.label for k in tied)})
        else:
            raise ValidationError(_("Start, close or keep the winners of a vote."))
    except ValidationError as error:
        raise_if_missing(error)
        return _keywords_page(request, workshop, errors=_errors(error), status=INVALID, data=request.POST, bound_id="vote")
    return redirect("promises:keywords", pk=workshop.pk)


# --- The facilitator's promise page: the promise, the phrase vote, key actions, stakeholders -----------


def _lines(text) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _promise_action(request, workshop, action: str):
    """One write of the promise page, as its form's `action` names it."""
    post = request.POST
    if action == "evaluated":
        return services.promise_set_evaluated(workshop=workshop, phrase=post.get("phrase", ""), origin=post.get("origin", ""))
    if action == "retain":
        kept = selectors.kept_keywords(workshop=workshop)
        return services.promise_retain(
            workshop=workshop,
            phrase=post.get("phrase", ""),
            alternatives=_lines(post.get("alternatives")),
            keyword_ids=[k.pk for k in kept],
            benefits=post.get("benefits", ""),
        )
    if action == "phrase-vote-start":
        if not allows("promises.run_votes", Visitor(user=request.user), workshop):
            raise PermissionDenied
        return services.phrase_vote_create(workshop=workshop, phrase_ids=post.getlist("phrase"), by=request.user)
    if action == "phrase-vote-close":
        use = selectors.latest_vote(workshop=workshop, purpose=PromiseBallot.Purpose.PHRASES)
        if use is None or str(use.ballot_id) != post.get("ballot"):
            raise ValidationError(_("This vote is no longer the latest phrase vote: reload the page."))
        return voting_services.ballot_close(ballot=use.ballot, by=request.user)
    if action == "phrase-vote-retain":
        return services.phrase_vote_retain(
            workshop=workshop, ballot_id=post.get("ballot"), option_id=post.get("option") or None, by=request.user
        )
    if action == "action-add":
        return services.key_action_add(workshop=workshop, text=post.get("text", ""))
    if action == "action-update":
        return services.key_action_update(workshop=workshop, action_id=post.get("id"), text=post.get("text", ""))
    if action == "action-delete":
        return services.key_action_delete(workshop=workshop, action_id=post.get("id"))
    if action == "action-move":
        return services.key_action_move(workshop=workshop, action_id=post.get("id"), direction=post.get("direction", ""))
    if action == "roles-default":
        return services.stakeholders_ensure_defaults(workshop=workshop)
    if action == "role-add":
        return services.stakeholder_add(workshop=workshop, name=post.get("name", ""))
    if action == "role-rename":
        return services.stakeholder_rename(workshop=workshop, stakeholder_id=post.get("id"), name=post.get("name", ""))
    if action == "role-delete":
        return services.stakeholder_delete(workshop=workshop, stakeholder_id=post.get("id"))
    if action == "item-add":
        return services.stakeholder_item_add(workshop=workshop, stakeholder_id=post.get("id"), kind=post.get("kind", ""), text=post.get("text", ""))
    if action == "item-delete":
        return services.stakeholder_item_delete(workshop=workshop, item_id=post.get("id"))
    raise ValidationError(_("Choose what to change on this page."))


@require_http_methods(["GET", "POST"])
@workshop_permission("promises.edit_promise")
def promise_page(request, *, workshop):
    """The promise under evaluation, the phrase vote and the produced promise, the key actions in
    order, and each stakeholder role's obstacles and actions. One form per change; a refused one
    comes back with its error beside it and what was typed (422)."""
    errors, status, bound = [], 200, {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            _promise_action(request, workshop, action)
        except ValidationError as error:
            raise_if_missing(error)
            errors, status = _errors(error), INVALID
            bound = {"bound_action": action, "bound_id": _int(request.POST.get("id")), "data": request.POST}
        else:
            return redirect(f"{reverse('promises:promise', args=[workshop.pk])}#{_anchor(action)}")
    return render(request, "promises/promise.html", {**selectors.promise_page(workshop=workshop), "errors": errors,
                  "may_vote": allows("promises.run_votes", Visitor(user=request.user), workshop), **bound}, status=status)


def _anchor(action: str) -> str:
    """Where the page opens after a change: the part that changed."""
    part = action.split("-", 1)[0]
    return {"evaluated": "evaluated", "retain": "produced", "phrase": "phrase-vote", "action": "key-actions"}.get(part, "stakeholders")


@require_GET
@workshop_permission("promises.view_report")
def report_page(request, *, workshop):
    """The promise workshop's report, in the seed's order, for its facilitator and the editors."""
    context = {
        "workshop": workshop,
        "report": report.report_data(workshop),
        "may_edit": allows("promises.edit_promise", Visitor(user=request.user), workshop),
    }
    return render(request, "promises/report.html", context)


@require_GET
@workshop_permission("promises.view_report")
def report_markdown(request, *, workshop):
    """The report as a Markdown file (the cahier's chapters are drafted from it)."""
    text = "\n".join([f"# {workshop.title}", ""] + report.report_markdown(report.report_data(workshop)))
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{record_filename(workshop, "report", "md")}"'
    return response
