"""Small helpers shared by the workshop views."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse


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
