"""JSON API: a participant casts a vote; errors answer 4xx with a readable body (foresight.api)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from workshops.models import Workshop
from workshops.participation import current_participant

from . import services


class VoteInputSerializer(serializers.Serializer):
    choices = serializers.JSONField(help_text="{option_id: value}: dots, 1 (approval), rank, scale value, 1/0 (yes/no); a list of ids for approval.")
    revision = serializers.IntegerField(required=False, min_value=0, allow_null=True)


class VoteOutputSerializer(serializers.Serializer):
    ballot = serializers.IntegerField(source="ballot_id")
    revision = serializers.IntegerField()
    choices = serializers.SerializerMethodField()

    def get_choices(self, paper) -> dict[str, int]:
        return {str(a.option_id): (a.rank if a.rank is not None else a.value) for a in paper.allocations.all()}


@extend_schema(request=VoteInputSerializer, responses={200: VoteOutputSerializer})
class VoteCastApi(APIView):
    """POST /api/w/<code>/ballots/<id>/vote/ — participants have no account: their session says who they are."""

    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Participants are anonymous, so DRF's session authentication would skip its CSRF check: enforce it here.
        SessionAuthentication().enforce_csrf(request)

    def post(self, request, code, ballot_pk):
        workshop = get_object_or_404(Workshop, join_code=code.upper())
        participant = current_participant(request, workshop)
        if participant is None:
            raise PermissionDenied("Join this workshop before voting.")
        data = VoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            paper = services.vote_cast(
                participant=participant,
                ballot_id=ballot_pk,
                choices=data.validated_data["choices"],
                revision=data.validated_data.get("revision"),
            )
        except services.VoteConflict as error:
            return Response({"detail": error.messages}, status=status.HTTP_409_CONFLICT)
        return Response(VoteOutputSerializer(paper).data, status=status.HTTP_200_OK)
