"""Project-wide pages that belong to no app: where a login lands (foresight.accounts), and the error pages.

Error pages speak the visitor's language (the locale middleware has already run) and say where
to go next. Under /api/ every error is a JSON body, as the API's own errors are. A database that
is down or restarting answers 503 with Retry-After, not a 500: the 500 and 503 pages are rendered
without the request's context, since the session, the user and the nav all need the database.
"""

import sys

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from cahiers.reading import published_cahiers

# The home page shows the latest publications; the rest are one click away (/publications/).
HOME_PUBLICATIONS = 3

# A PostgreSQL restart takes seconds; clients and browsers may try again after this many.
RETRY_AFTER_SECONDS = 10
DATABASE_DOWN = (OperationalError, InterfaceError)


def home(request: HttpRequest) -> HttpResponse:
    """The way in for every role: join a workshop, sign in, or read what the cycles published."""
    return render(request, "home.html", {"publications": published_cahiers()[:HOME_PUBLICATIONS]})


def landing_url(user) -> str:
    """Each role's own page: facilitators their workshops, editors the scenario library."""
    if user.has_perm("workshops.create_workshop"):
        return reverse("workshops:dashboard")
    if user.has_perm("scenarios.view_library"):
        return reverse("scenarios:library")
    return reverse("home")


def landing_link(user) -> dict:
    """The role's own page, with a button label that names it (for the 403 and 404 pages)."""
    url = landing_url(user)
    labels = {
        reverse("workshops:dashboard"): _("Go to your workshops"),
        reverse("scenarios:library"): _("Go to the scenario library"),
    }
    return {"landing_url": url, "landing_label": labels.get(url, _("Home page"))}


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _is_authenticated(request: HttpRequest) -> bool:
    # An error raised before the authentication middleware ran leaves no user on the request.
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def _json(detail: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def _plain(template: str, status: int) -> HttpResponse:
    # No RequestContext: no context processor may touch the session or the database.
    return HttpResponse(loader.get_template(template).render(), status=status)


def _message(exception) -> str:
    """A message a view raised on purpose (a translated sentence), not Django's technical text."""
    message = exception.args[0] if exception is not None and exception.args else ""
    return str(message) if isinstance(message, (str, Promise)) else ""


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    if _is_api(request):
        return _json(_("This request is malformed."), 400)
    return _plain("400.html", 400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    reason = _message(exception)
    if _is_api(request):
        return _json(reason or _("You do not have permission to perform this action."), 403)
    context = {"reason": reason, "next_url": request.get_full_path()}
    if _is_authenticated(request):
        context.update(landing_link(request.user))
    code = request.resolver_match.kwargs.get("code") if request.resolver_match else None
    if code:
        # Refused inside a workshop (a participant on the scribe's page): back to their canvas.
        context["canvas_url"] = reverse("workshops:canvas", kwargs={"code": code})
    return render(request, "403.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form from an expired session or an old tab: say so, in the visitor's language (CSRF_FAILURE_VIEW)."""
    message = _("This form has expired (the session ended or the page is old): reload the page and try again.")
    return permission_denied(request, PermissionDenied(message))


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if _is_api(request):
        return _json(_("Not found."), 404)
    context = landing_link(request.user) if _is_authenticated(request) else {}
    if context.get("landing_url") == reverse("home"):
        context = {}  # the page links home anyway
    return render(request, "404.html", context, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Called while the exception is being handled: an unreachable database is a 503, not our bug.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        if _is_api(request):
            response = _json(_("The service is briefly unavailable. Try again in a few seconds."), 503)
        else:
            response = _plain("503.html", 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if _is_api(request):
        return _json(_("Something went wrong on our side. Try again later."), 500)
    return _plain("500.html", 500)
