"""JSON API: a participant casts a vote; errors answer 4xx with a readable body (foresight.api)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from core.api import WRITE, errors
from workshops.api import ParticipantAPIView

from . import selectors, services
from .guards import visible_ballot


class VoteInputSerializer(serializers.Serializer):
    choices = serializers.JSONField(help_text="{option_id: value}: dots, 1 (approval), rank, scale value, 1/0 (yes/no); a list of ids for approval.")
    revision = serializers.IntegerField(required=False, min_value=0, allow_null=True)


class VoteOutputSerializer(serializers.Serializer):
    ballot = serializers.IntegerField(source="ballot_id")
    revision = serializers.IntegerField()
    choices = serializers.SerializerMethodField()

    def get_choices(self, paper) -> dict[str, int]:
        # The allocations vote_cast just wrote, not read again (selectors.paper_choices).
        return {str(option_id): value for option_id, value in selectors.paper_choices(paper).items()}


@extend_schema(request=VoteInputSerializer, responses={200: VoteOutputSerializer, **errors(*WRITE, 409, 429)})
class VoteCastApi(ParticipantAPIView):
    """POST /api/w/<code>/ballots/<id>/vote/ — participants have no account: their session says who they are."""

    def post(self, request, code, ballot_pk):
        _workshop, participant, _ballot = self.guard(request, code, "voting.cast_vote", visible_ballot, ballot_pk=ballot_pk)

        def handler():
            self.spend(participant, "vote")
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

        return self.once(request, participant, handler)
