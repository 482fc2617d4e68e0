"""API-wide behaviour: every error answers a JSON body with a readable message, in the visitor's language.

Statuses: 422 for input that is well-formed but invalid (a serializer's or a service's
ValidationError), 400 for a body that cannot even be parsed, 403 refused, 404 missing, 409 a
conflict (the view says so), 503 while the database is unreachable (foresight.views.server_error).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser as DRFJSONParser
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

INVALID = status.HTTP_422_UNPROCESSABLE_ENTITY


def exception_handler(exc, context):
    # Services raise Django's ValidationError; the API turns it into a 422 with the messages.
    if isinstance(exc, ValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        return Response(detail, status=_status_for(exc))
    if isinstance(exc, PermissionDenied):
        return Response({"detail": str(exc) or _("You do not have permission to perform this action.")}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, Http404):
        # get_object_or_404's message is English and names our models: say it the visitor's way,
        # unless the guard said what is missing in words meant for the visitor (`visitor_message`).
        said = getattr(exc, "visitor_message", None)
        return Response({"detail": [str(said)] if said else _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        response.status_code = INVALID
    return response


def _status_for(error: ValidationError) -> int:
    """A service names what went wrong with the error's code: no such object, a conflict, or invalid input."""
    codes = {e.code for e in error.error_list} if not hasattr(error, "error_dict") else {
        e.code for errors in error.error_dict.values() for e in errors
    }
    if codes == {"not_found"}:
        return status.HTTP_404_NOT_FOUND
    if codes == {"conflict"}:
        return status.HTTP_409_CONFLICT
    return INVALID


class JSONParser(DRFJSONParser):
    """DRF's JSON parser, with a body nested deeper than Python can recurse answered as a 400.

    `[` three thousand times is valid JSON that makes the decoder raise RecursionError, which
    DRF does not expect and would let through as a 500.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(_("The JSON body is nested too deeply.")) from None
        except exceptions.ParseError as error:
            # DRF's message is English; keep the decoder's position, which helps whoever wrote the client.
            raise exceptions.ParseError(
                _("The body is not valid JSON (%(error)s).") % {"error": error.__context__ or error.detail}
            ) from None
