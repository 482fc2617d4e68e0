"""What every endpoint of the API answers when it refuses: one `Error` component in the OpenAPI schema.

The bodies are foresight.api.exception_handler's: `{"detail": "…"}` or `{"detail": ["…", …]}` for a
refusal, a conflict or something missing, and for invalid input (422) the fields' messages,
`{"<field>": ["…"]}` (`non_field_errors` for the body as a whole). Each endpoint names the statuses it
may answer with `errors(...)`, so that its description lists them and schemathesis can hold it to them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """Stands for the error body in the schema (never used to serialise: the handler writes the body)."""


_MESSAGES = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


class ErrorSchema(OpenApiSerializerExtension):
    """The `Error` component, written by hand: a serializer cannot say "any field name, its messages"."""

    target_class = ErrorSerializer

    def get_name(self, auto_schema, direction):
        return "Error"

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": "A refusal: `detail` says why, in the visitor's language; invalid input (422) "
            "names each field with its messages (`non_field_errors`: the body as a whole).",
            "properties": {"detail": _MESSAGES},
            "additionalProperties": _MESSAGES,
            "example": {"detail": "You do not have permission to perform this action."},
        }


WHY = {
    400: _("The body is not JSON that can be read (or is nested too deeply)."),
    401: _("The API token is unknown, revoked or expired."),
    403: _("The rule refuses this visitor (not joined, not seated, not theirs, a read-only token, or CSRF)."),
    404: _("No such workshop, or the object is not in it."),
    409: _("A conflict: done already, someone else's newer change, or an Idempotency-Key reused for another body."),
    415: _("The body's Content-Type is not JSON, a form or multipart."),
    422: _("Well-formed but invalid input, or an action the workshop's state refuses now: the messages say why."),
    429: _("Over the participant's rate for this kind of write: nothing was written; Retry-After says when to try again."),
}


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    """The error answers of an endpoint, for `extend_schema(responses={200: …, **errors(403, 404)})`."""
    return {status: OpenApiResponse(ErrorSerializer, description=str(WHY[status])) for status in statuses}


WRITE = (400, 403, 404, 415, 422)  # what any write of the API may answer, besides its own conflicts
READ = (403, 404)
