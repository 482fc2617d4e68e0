"""The guards of every page and API endpoint: each asks one named rule (the apps' rules.py).

- `staff_permission(perm)` (from core.guards): staff pages with no object (the dashboard, the library).
- `workshop_permission(perm)`: /facilitate/<pk>/… pages; the view receives `workshop`.
- `participant_permission(perm, target=…)`: /w/<code>/… pages; the view receives `workshop`,
  `participant` and, with a target, the object the rule was asked about.
- `participant_access(...)`: the same check for the JSON API (workshops.api.ParticipantAPIView).

Refusals: an anonymous visitor of a staff page goes to the login page (the whole page, under
htmx); a browser that has not joined the workshop goes to its join page (the API answers 403),
whether or not the code is a workshop's (NotJoined);
anyone else the rule refuses gets PermissionDenied (403). An object that does not exist, or is not
in this workshop, is a 404. The guards enforce the rule's access part (`rules.access`); the timing
part is the service's, under the lock (see rules.py).
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.guards import allows, to_login
from core.rules import Visitor

from .models import Contribution, Workshop
from .participation import current_participant


def workshop_permission(perm: str, *, lookup: str = "pk"):
    """A page about one workshop, found by the URL's `lookup` (404), for signed-in staff the rule allows."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return to_login(request)
            workshop = get_object_or_404(Workshop.objects.select_related("edition", "format"), pk=kwargs.pop(lookup))
            if not allows(perm, Visitor(user=request.user), workshop):
                raise PermissionDenied
            return view(request, *args, workshop=workshop, **kwargs)

        return wrapper

    return decorator


class NotJoined(Exception):
    """This browser has not joined a workshop of this code (the page sends it to the join page).

    Raised alike whether the code is a workshop's or not: to a browser without a session there,
    a real code and a wrong one answer the same, so the /w/<code>/ pages tell a guesser nothing;
    only the join pages look the code up, and they count the wrong guesses (workshops.limits).
    """

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def participant_access(request, code: str, perm: str, target=None, message: str | None = None, **url_kwargs):
    """(workshop, participant, target object) if the rule lets this browser's participant act; raises otherwise.

    `target(workshop, participant, url_kwargs)` finds the object the rule is asked about (404 if it is
    not in this workshop); without one, the rule is asked about the workshop.
    """
    workshop = Workshop.objects.filter(join_code=code.upper()).first()
    participant = current_participant(request, workshop) if workshop is not None else None
    if participant is None:
        raise NotJoined(code)
    obj = target(workshop, participant, url_kwargs) if target else workshop
    if not allows(perm, Visitor(user=request.user, participant=participant), obj):
        raise PermissionDenied(message if message is not None else "")
    return workshop, participant, obj


def join_url(code: str) -> str:
    return reverse("workshops:join") + "?" + urlencode({"code": code.upper()})


def participant_permission(perm: str, target=None, *, name: str | None = None, message: str | None = None):
    """A /w/<code>/ page: the workshop by its join code (404), this browser's participant (or the
    join page), then the rule about `target` (403). The view gets `workshop`, `participant` and,
    under `name`, the target object."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            try:
                workshop, participant, obj = participant_access(request, code, perm, target, message, **kwargs)
            except NotJoined as refused:
                return redirect(join_url(refused.code))
            if name:
                kwargs[name] = obj
            return view(request, *args, workshop=workshop, participant=participant, **kwargs)

        return wrapper

    return decorator


# Targets: what a rule is asked about, found in the workshop of the URL.


def own_table(workshop, participant, url_kwargs):
    """The participant's table (None when standing: table rules refuse)."""
    if participant.table is not None:
        participant.table.workshop = workshop  # the rules read its state: no second query for it
    return participant.table


class Missing(Http404):
    """A 404 that tells the visitor what is missing (the API's error handler shows `visitor_message`)."""

    def __init__(self, visitor_message):
        super().__init__(visitor_message)
        self.visitor_message = visitor_message


def contribution(workshop, participant, url_kwargs):
    """The post-it of the URL's `contribution_id`, if it is in this workshop (404 otherwise)."""
    postit = (
        Contribution.objects.select_related("phase", "workshop")
        .filter(pk=url_kwargs["contribution_id"], workshop=workshop)
        .first()
    )
    if postit is None:
        raise Missing(_("This post-it does not exist in your workshop."))
    return postit
