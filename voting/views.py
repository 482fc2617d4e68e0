"""Pages of the voting app: the participant's ballot paper, the facilitator's ballots, the projector.

Each view serves its full page and, for htmx, the fragment (a {% partialdef %} of the same template).
"""

from __future__ import annotations

import hashlib
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.guards import staff_permission
from workshops import live
from workshops.guards import NotJoined, participant_access, participant_permission
from workshops.idempotency import idempotent
from workshops.models import Workshop
from workshops.participation import SESSION_KEY
from workshops.views.common import INVALID, add_errors, no_change, rate_limited

from . import exports, record, selectors, services
from .cartography import cartography_context, cartography_svg
from .forms import BallotForm
from .guards import export_ballots, export_record, run_ballots, visible_ballot
from .methods import ALL_SETTINGS
from .models import Ballot, Method

# --- Helpers -------------------------------------------------------------------------------------


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def parse_choices(ballot: Ballot, data) -> dict | list:
    """A ballot paper from a form, as its method's fields send it (methods.py)."""
    return ballot.voting_method.form_choices(data)


def parse_revision(data):
    try:
        return int(data.get("revision"))
    except (TypeError, ValueError):
        return None


def _stored_rows(ballot: Ballot, ordered, stored: dict) -> list[dict]:
    """The stored paper as the person reads it, beside what they tried after a conflict (a 409)."""
    rows = []
    for option in ordered:
        value = stored.get(option.pk)
        if value in (None, "") or (ballot.method == Method.DOTS and not value):
            continue
        if ballot.method == Method.APPROVAL:
            shown = ""
        elif ballot.method == Method.YESNO:
            shown = _("Yes") if int(value) else _("No")
        elif ballot.method == Method.DOTS:
            shown = ngettext("%(n)s dot", "%(n)s dots", int(value)) % {"n": value}
        elif ballot.method == Method.RANKING:
            shown = _("choice %(n)s") % {"n": value}
        else:
            shown = str(value)
        rows.append({"option": option, "shown": shown})
    return rows


def _card_context(ballot, participant, *, choices=None, error="", saved=False, with_results=True, conflict=False, paper=None):
    """`paper`: the one vote_cast just wrote, which brings its ballot's options and its allocations (no read again)."""
    options = getattr(ballot, "option_list", None)
    if options is None:
        options = list(ballot.options.select_related("scenario").order_by("position", "pk"))
    if paper is None:
        paper = selectors.paper_of(ballot=ballot, participant_id=participant.pk)
    saved_choices = selectors.paper_choices(paper)
    # A refused paper is shown as sent (pairs reads every method's shape: {id: value}, or approval's ids).
    shown = dict(ballot.voting_method.pairs(choices)) if choices is not None else saved_choices
    ordered = selectors.option_order(ballot=ballot, options=options, participant_id=participant.pk)
    own = selectors.own_option_ids(ballot=ballot, participant_id=participant.pk, options=options)
    rows = []
    for option in ordered:
        value = shown.get(option.pk, shown.get(str(option.pk)))
        rows.append(
            {
                "option": option,
                "value": "" if value in (None, "") else str(value),
                "own": option.pk in own,
            }
        )
    tally = selectors.ballot_tally(ballot=ballot, options=options) if with_results and ballot.results_visible else None
    return {
        # After a conflict the form holds what the person tried, at the stored revision: sending it again applies it.
        "conflict": conflict,
        "stored": _stored_rows(ballot, ordered, saved_choices) if conflict else [],
        "ballot": ballot,
        "method": ballot.voting_method,
        "rows": rows,
        "paper": paper,
        "revision": paper.revision if paper else 0,
        "error": error,
        "saved": saved,
        "tally": tally,
        **ballot.voting_method.card_context(ballot, shown),
    }


def ballot_state(ballot: Ballot, workshop: Workshop) -> str:
    """What a participant's card of this ballot depends on, as the poll compares it: "o1" is open, results shown.

    An open ballot of a closed workshop is "x": closing the workshop redraws its card without the form.
    """
    status = "x" if ballot.is_open and _workshop_closed(workshop) else ballot.status[0]
    return f"{status}{int(ballot.results_visible)}"


def _workshop_closed(workshop: Workshop) -> bool:
    return workshop.status == Workshop.Status.CLOSED


def _states_string(ballots, workshop) -> str:
    return ",".join(f"{b.pk}{ballot_state(b, workshop)}" for b in ballots)


def _parse_states(text: str) -> dict[int, str]:
    """"12o0,13c1" → {12: "o0", 13: "c1"}; anything unreadable is dropped (that card is then redrawn)."""
    states = {}
    for item in (text or "").split(","):
        item = item.strip()
        if len(item) > 2 and item[:-2].isdigit():
            states[int(item[:-2])] = item[-2:]
    return states


def _tables_state(tables, participant) -> str:
    # Seat counts are left out: a radio being chosen is not lost each time someone else sits down.
    return hashlib.sha1(json.dumps([[t.pk for t in tables], participant.table_id]).encode()).hexdigest()[:12]


def _participant_ballots(participant) -> list[Ballot]:
    return list(Ballot.objects.for_participant(participant).select_related("table").order_by("-opened_at", "-pk"))


def _page_state(workshop, participant, ballots, tables, version) -> dict:
    return {
        "workshop": workshop,
        # What the poll sends back (?v=): the stage version, read before the ballots so no change is missed.
        "version": version,
        "participant": participant,
        "tables": tables,
        "states": _states_string(ballots, workshop),
        "tables_state": _tables_state(tables, participant),
        # The "no ballot open" notice: as before, closed ballots with hidden results do not count.
        "has_items": bool(tables) or any(b.is_open or b.results_visible for b in ballots),
    }


def _card(ballot, participant, workshop, **kwargs) -> dict:
    card = _card_context(ballot, participant, **kwargs)
    card["state"] = ballot_state(ballot, workshop)
    # Votes are refused in a closed workshop (services.vote_cast): the card shows no form, but says why.
    card["workshop_closed"] = _workshop_closed(workshop)
    return card


def _poll_version(workshop_id: int) -> str:
    """The vote page depends on the workshop's stage only (ballots opened, closed, revealed; seats; the workshop
    closed), never on post-its or votes: read from the cache (live.py), "<stage>.0" whatever the table."""
    return live.participant_version(workshop_id, None)


def _participant_page_context(workshop, participant):
    """One card per ballot the participant sees (open, revealed, or closed awaiting its results), newest first."""
    version = _poll_version(workshop.pk)
    ballots = _participant_ballots(participant)
    tables = list(services.assignment_tables(workshop_id=workshop.pk))
    context = _page_state(workshop, participant, ballots, tables, version)
    context["cards"] = [_card(b, participant, workshop) for b in ballots]
    return context


# --- Participant ---------------------------------------------------------------------------------


@never_cache  # the back button and a tab left open must not show a paper older than the stored one
@require_GET
@participant_permission("voting.view_ballots")
def cast(request, *, workshop, participant):
    """The participant's page: every ballot they may vote on, their remaining budget, revealed results."""
    return render(request, "voting/cast.html", _participant_page_context(workshop, participant))


@require_GET
def cast_live(request, code):
    """Polled every 2 s: 204 while the workshop's stage is unchanged, without a query (cached versions and
    session, as the canvas's poll); otherwise the poller itself with the new state, and out-of-band only
    the cards whose ballot changed state (opened, closed, revealed, hidden again).

    The client sends the state of the cards it shows (`b`), so another card's form, half filled in
    and not yet sent, is never redrawn.
    """
    workshop_id = live.workshop_id_for_code(code)
    # The unchanged poll costs no query: only a browser that joined this workshop learns "nothing changed".
    # Any other gets the same answer for a real code and a wrong one: the poll is no oracle for guessers.
    if workshop_id is None or str(workshop_id) not in request.session.get(SESSION_KEY, {}):
        return render(request, "workshops/gone.html", status=404)
    version = _poll_version(workshop_id)
    if request.GET.get("v") == version:
        return no_change()
    try:
        workshop, participant, _target = participant_access(request, code, "voting.view_ballots")
    except (NotJoined, PermissionDenied):
        # Removed from the workshop since: the page has nothing left to show.
        return render(request, "workshops/gone.html", status=403)
    ballots = _participant_ballots(participant)
    tables = list(services.assignment_tables(workshop_id=workshop.pk))
    context = _page_state(workshop, participant, ballots, tables, version)
    known = _parse_states(request.GET.get("b", ""))
    current = {b.pk for b in ballots}
    context["changed"] = [
        _card(b, participant, workshop) for b in ballots if b.pk in known and known[b.pk] != ballot_state(b, workshop)
    ]
    context["added"] = [_card(b, participant, workshop) for b in ballots if b.pk not in known]
    context["removed"] = [pk for pk in known if pk not in current]
    context["tables_changed"] = request.GET.get("t") != context["tables_state"]
    return render(request, "voting/cast.html#live", context)


@never_cache
@require_http_methods(["GET", "POST"])
@participant_permission("voting.cast_vote", visible_ballot, name="ballot")
@idempotent
@rate_limited("vote")
def vote(request, ballot_pk, *, workshop, participant, ballot):
    """Cast or change a vote on one ballot; htmx gets the ballot card back, with the error if any (4xx).

    A stale paper (another tab voted since, VoteConflict) answers 409 with the stored vote and, in the
    form, what the person tried at the stored revision: one click applies theirs.
    """
    if request.method == "GET":
        if not request.htmx:
            # The card alone is htmx's; a person who lands here gets the vote page, at this ballot.
            return redirect(reverse("voting:cast", kwargs={"code": workshop.join_code}) + f"#ballot-{ballot.pk}")
        return render(request, "voting/cast.html#ballot-card", {"card": _card(ballot, participant, workshop), "workshop": workshop})
    choices = parse_choices(ballot, request.POST)
    status = 200
    try:
        paper = services.vote_cast(participant=participant, ballot_id=ballot.pk, choices=choices, revision=parse_revision(request.POST))
    except services.VoteConflict:
        ballot.refresh_from_db()
        card = _card(ballot, participant, workshop, choices=choices, conflict=True)
        status = 409
    except ValidationError as error:
        ballot.refresh_from_db()
        card = _card(ballot, participant, workshop, choices=choices, error=error_text(error))
        status = INVALID
    else:
        # The ballot as the vote read it under its locks: it was open then, and nothing closes it before the commit.
        card = _card(paper.ballot, participant, workshop, saved=True, paper=paper)
    if request.htmx:
        return render(request, "voting/cast.html#ballot-card", {"card": card, "workshop": workshop}, status=status)
    if status == 200:
        messages.success(request, _("Your vote is recorded. You can change it until the ballot closes."))
        return redirect("voting:cast", code=workshop.join_code)
    context = _participant_page_context(workshop, participant)
    context["cards"] = [card if c["ballot"].pk == ballot.pk else c for c in context["cards"]]
    return render(request, "voting/cast.html", context, status=status)


@require_POST
@participant_permission("workshops.change_table")
@idempotent
@rate_limited("table")
def pick_table(request, *, workshop, participant):
    try:
        services.table_pick(participant=participant, table_id=request.POST.get("table"))
    except ValidationError as error:
        messages.error(request, error_text(error))
        context = _participant_page_context(workshop, participant)
        return render(request, "voting/cast.html", context, status=INVALID)
    messages.success(request, _("You are seated. See you at your table!"))
    return redirect("voting:cast", code=workshop.join_code)


# --- Facilitator ---------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@run_ballots
def ballots(request, *, workshop):
    """The facilitator's ballots of a workshop, and the form to prepare a new one."""
    form = BallotForm(request.POST or None, workshop=workshop)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                ballot = services.ballot_prepare(
                    workshop=workshop,
                    title=data["title"],
                    question=data["question"],
                    method=data["method"],
                    source=data["source"],
                    table_id=data["table"],
                    section_id=data["section"],
                    lines=data["lines"],
                    settings={name: data[name] for name in ALL_SETTINGS},
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Ballot prepared: open it when the room is ready."))
                return redirect("voting:ballot", workshop_pk=workshop.pk, ballot_pk=ballot.pk)
        status = INVALID
    items = list(selectors.ballots_of_workshop(workshop_id=workshop.pk).order_by("-created_at", "-pk"))
    scale_count = sum(1 for b in items if b.method == Method.SCALE)
    return render(
        request,
        "voting/ballots.html",
        {"workshop": workshop, "ballots": items, "form": form, "has_map": scale_count >= 2},
        status=status,
    )


def _ballot_of(workshop, ballot_pk) -> Ballot:
    return get_object_or_404(Ballot.objects.select_related("table", "phase"), pk=ballot_pk, workshop=workshop)


@require_GET
@run_ballots
def ballot(request, ballot_pk, *, workshop):
    """One ballot for the facilitator: controls, live tally, ties to settle, exports."""
    ballot = _ballot_of(workshop, ballot_pk)
    tally = selectors.ballot_tally(ballot=ballot)
    return render(
        request,
        "voting/ballot.html",
        {
            "workshop": workshop,
            "ballot": ballot,
            "tally": tally,
            "tied": services.ballot_tied_options(ballot=ballot),
            "places": (ballot.retain_count or 0) - sum(1 for r in tally.rows if r.option.retained),
        },
    )


# Lazy: this table is built at import, its messages are read in the facilitator's language at each request.
ACTIONS = {
    "open": (services.ballot_open, gettext_lazy("Ballot open: participants can vote.")),
    "close": (services.ballot_close, gettext_lazy("Ballot closed.")),
    "reveal": (services.ballot_reveal, gettext_lazy("Results revealed.")),
}


@require_POST
@run_ballots
def ballot_action(request, ballot_pk, action, *, workshop):
    ballot = _ballot_of(workshop, ballot_pk)
    try:
        if action == "settle":
            services.ballot_settle_tie(ballot=ballot, option_ids=request.POST.getlist("option"), by=request.user)
            message = _("Tie settled: the retained scenarios have their tables.")
        elif action == "hide":
            services.ballot_reveal(ballot=ballot, revealed=False, by=request.user)
            message = _("Results hidden again.")
        elif action in ACTIONS:
            service, message = ACTIONS[action]
            service(ballot=ballot, by=request.user)
        else:
            return HttpResponse(status=404)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, str(message))
    return redirect("voting:ballot", workshop_pk=workshop.pk, ballot_pk=ballot.pk)


@require_GET
@run_ballots
def projector(request, ballot_pk, *, workshop):
    """The big screen: turnout and bars, live."""
    ballot = _ballot_of(workshop, ballot_pk)
    return render(request, "voting/projector.html", _tally_context(workshop, ballot))


def _tally_context(workshop, ballot) -> dict:
    # The version first: a vote committed while the tally is read drops it, and the next poll redraws.
    version = selectors.tally_version(ballot)
    return {"workshop": workshop, "ballot": ballot, "tally": selectors.ballot_tally(ballot=ballot), "version": version}


@require_GET
@run_ballots
def tally(request, ballot_pk, *, workshop):
    """Polled every 2 s by the projector: 204 while the tally's version is unchanged, the fragment otherwise."""
    version = request.GET.get("v")
    if version is not None:
        current = Ballot.objects.filter(pk=ballot_pk, workshop=workshop).only("version", "table_id", "workshop_id").first()
        if current is None:
            return HttpResponse(status=404)
        if version == selectors.tally_version(current):
            return HttpResponse(status=204)
    ballot = _ballot_of(workshop, ballot_pk)
    return render(request, "voting/projector.html#tally", _tally_context(workshop, ballot))


@require_GET
@export_ballots
def export_ballot(request, ballot_pk, fmt, *, workshop):
    if fmt not in ("csv", "json"):
        return HttpResponse(status=404)
    ballot = _ballot_of(workshop, ballot_pk)
    name = f"ballot-{ballot.pk}"
    if fmt == "csv":
        response = HttpResponse(exports.ballot_csv(ballot), content_type="text/csv; charset=utf-8")
    else:
        response = JsonResponse(exports.ballot_data(ballot), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
@staff_permission("workshops.view_records")
def records(request):
    """The workshops whose record this person may download: those they run, every closed one for an editor."""
    workshops = Workshop.objects.records_for(request.user).select_related("edition", "format").order_by("-date", "-pk")
    return render(request, "voting/records.html", {"workshops": workshops})


@require_GET
@export_record
def export_record(request, fmt, *, workshop):
    """The workshop's whole record as a download: `json` (everything), `md` (to read), `csv` (the post-its).

    `?names=0`: the record naming nobody (voting.record.record_data), to share beyond the room.
    """
    names = request.GET.get("names") != "0"
    suffix = "" if names else "anonymous"
    if fmt == "json":
        response = JsonResponse(record.record_data(workshop, names=names), json_dumps_params={"ensure_ascii": False, "indent": 2})
        name = record.record_filename(workshop, suffix, "json")
    elif fmt == "md":
        text = record.record_markdown(record.record_data(workshop, names=names))
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
        name = record.record_filename(workshop, suffix, "md")
    elif fmt == "csv":
        response = HttpResponse(record.record_postits_csv(workshop, names=names), content_type="text/csv; charset=utf-8")
        name = record.record_filename(workshop, "postits" if names else "postits-anonymous", "csv")
    else:
        return HttpResponse(status=404)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@export_ballots
def export_workshop(request, fmt, *, workshop):
    if fmt not in ("csv", "json"):
        return HttpResponse(status=404)
    items = list(selectors.ballots_of_workshop(workshop_id=workshop.pk).order_by("created_at", "pk"))
    name = f"workshop-{workshop.pk}-votes"
    if fmt == "csv":
        response = HttpResponse(exports.workshop_csv(items), content_type="text/csv; charset=utf-8")
    else:
        response = JsonResponse(exports.workshop_data(workshop, items), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _map_ballots(request, workshop):
    scales = list(selectors.scale_ballots(workshop_id=workshop.pk))
    by_id = {str(b.pk): b for b in scales}
    x = by_id.get(request.GET.get("x")) or (scales[0] if scales else None)
    y = by_id.get(request.GET.get("y")) or next((b for b in scales if b != x), None)
    return scales, x, y


@require_GET
@run_ballots
def cartography_page(request, *, workshop):
    """The map of scenarios on two scale questions (e.g. plausibility × desirability)."""
    scales, x, y = _map_ballots(request, workshop)
    context = {"workshop": workshop, "scales": scales, "x_ballot": x, "y_ballot": y}
    if x and y and x != y:
        context["map"] = cartography_context(x_ballot=x, y_ballot=y)
    return render(request, "voting/cartography.html", context)


@require_GET
@export_ballots
def cartography_export(request, *, workshop):
    scales, x, y = _map_ballots(request, workshop)
    if not (x and y and x != y):
        return HttpResponse(_("Two scale ballots are needed to draw the map."), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(cartography_svg(x_ballot=x, y_ballot=y), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="cartographie-{workshop.pk}.svg"'
    return response

