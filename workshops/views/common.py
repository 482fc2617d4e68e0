"""Small helpers shared by the workshop views."""

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django_htmx.http import reswap, retarget

from .. import limits


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: field errors where it names a field we show."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def raise_if_missing(error: ValidationError) -> None:
    """A service that found no such object (code "not_found") is a 404 for the view, not a form error."""
    if not hasattr(error, "error_dict") and all(e.code == "not_found" for e in error.error_list):
        raise Http404(" ".join(error.messages))


def no_change() -> HttpResponse:
    """What an unchanged poll gets: nothing to render, nothing to swap."""
    return HttpResponse(status=204)


INVALID = 422  # a form re-rendered with its errors; htmx is configured to swap it


def limited(request, limited_error, *, back: str = "/") -> HttpResponse:
    """A request over its rate limit (workshops.limits): 429, `Retry-After`, and the reason in words.

    htmx gets the message above the page (#flash, as the other refusals); a plain form gets a page
    that says it, with a way back.
    """
    if request.htmx:
        body = render_to_string("workshops/partials/flash.html", {"errors": [limited_error.message]}, request=request)
        response = reswap(retarget(HttpResponse(body, status=429), "#flash"), "innerHTML")
    else:
        response = render(request, "workshops/limited.html", {"message": limited_error.message, "back": back}, status=429)
    response["Retry-After"] = str(limited_error.retry_after)
    return response


def rate_limited(action: str):
    """A participant's write counted against the rate of `action` (workshops.limits), refused past it.

    Below `idempotent`: a retry replayed from its receipt is not counted again, and a refusal is
    not kept as the write's answer (idempotency.run_once rolls a 429's receipt back).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, workshop, participant, **kwargs):
            if request.method == "POST":
                try:
                    limits.spend(action, limits.participant_key(participant))
                except limits.Limited as error:
                    return limited(request, error, back=reverse("workshops:canvas", kwargs={"code": workshop.join_code}))
            return view(request, *args, workshop=workshop, participant=participant, **kwargs)

        return wrapper

    return decorator
