"""JSON API for participants' laptops: the table's board, posting a post-it, +1.

Writes carry an `Idempotency-Key` header (workshops.idempotency): a retry is answered as the
first request was and writes nothing again; the same key with another body is a 409.
Errors answer 4xx with a JSON body (foresight.api.exception_handler turns the
services' ValidationError into a 422 with its messages, 404 or 409 by its code).
"""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder as JSONEncoder
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import idempotency, live, selectors, services, throttle
from .guards import NotJoined, participant_access
from .guards import contribution as contribution_of_url
from .models import Activity
from .serializers import BoardSerializer, ContributionInputSerializer, ContributionOutputSerializer


class ParticipantAPIView(APIView):
    """A participant's API call: no account, the browser session says who they are, CSRF still checked."""

    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Anonymous sessions would skip DRF's CSRF check: unsafe methods must carry the token all the same.
        SessionAuthentication().enforce_csrf(request)

    def guard(self, request, code, perm: str, target=None, **url_kwargs):
        """(workshop, participant, target): the same rule as the page's (workshops.guards), 403 in JSON."""
        try:
            return participant_access(request, code, perm, target, **url_kwargs)
        except NotJoined:
            raise PermissionDenied(_("Join this workshop first.")) from None

    def once(self, request, participant, handler):
        """`handler()`'s answer, stored with the request's Idempotency-Key: a retry gets it again, writes nothing."""
        return idempotency.run_once(request, participant=participant, data=request.data, handler=handler, kind=API_RECEIPT)


class ApiReceipt(idempotency.Receipt):
    """The API's answers are stored as their data and replayed through DRF (same renderer, same headers)."""

    def content(self, response) -> tuple[bytes, dict]:
        return json.dumps(response.data, cls=JSONEncoder).encode(), {}

    def replay(self, receipt):
        return Response(json.loads(bytes(receipt.content) or b"null"), status=receipt.status_code)

    def conflict(self, request):
        detail = _("This Idempotency-Key was already used for a different request; nothing was saved. Use a new key for a new write.")
        response = Response({"detail": [detail]}, status=status.HTTP_409_CONFLICT)
        response[idempotency.CONFLICT_HEADER] = "1"
        return response


API_RECEIPT = ApiReceipt()


@extend_schema(responses={200: BoardSerializer})
class BoardApi(ParticipantAPIView):
    """GET /api/w/<code>/board/ — the open phase and the participant's table's post-its."""

    def get(self, request, code):
        workshop, participant, _workshop = self.guard(request, code, "workshops.view_workshop")
        phase = selectors.open_phase(workshop)
        sections = []
        if phase and phase.activity == Activity.POSTITS and participant.table_id:
            sections = selectors.table_board(phase=phase, table_id=participant.table_id)
        board = {
            "version": live.participant_version(workshop.pk, participant.table_id),
            "phase": phase,
            "table": participant.table.label if participant.table_id else None,
            "sections": sections,
        }
        return Response(BoardSerializer(board).data)


@extend_schema(request=ContributionInputSerializer, responses={201: ContributionOutputSerializer})
class ContributionCreateApi(ParticipantAPIView):
    """POST /api/w/<code>/contributions/ — post a post-it at one's table."""

    def post(self, request, code):
        _workshop, participant, _target = self.guard(request, code, "workshops.post_contribution")
        if not throttle.allow_post(participant.pk):
            raise Throttled(detail=_("You are posting faster than anyone types: wait a minute, then post again."))

        def handler():
            data = ContributionInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            contribution = services.contribution_post(
                participant=participant,
                section_id=data.validated_data["section"],
                text=data.validated_data["text"],
                axis=data.validated_data["axis"],
            )
            return Response(ContributionOutputSerializer(contribution).data, status=status.HTTP_201_CREATED)

        return self.once(request, participant, handler)


@extend_schema(request=None, responses={200: ContributionOutputSerializer})
class PlusOneApi(ParticipantAPIView):
    """POST /api/w/<code>/contributions/<id>/plus-one/ — +1 a post-it of one's table, once."""

    def post(self, request, code, contribution_id):
        _workshop, participant, _postit = self.guard(
            request, code, "workshops.plus_one", contribution_of_url, contribution_id=contribution_id
        )

        def handler():
            contribution = services.contribution_plus_one(participant=participant, contribution_id=contribution_id)
            return Response(ContributionOutputSerializer(contribution).data)

        return self.once(request, participant, handler)
