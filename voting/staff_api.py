"""JSON API for facilitators' scripts: a workshop's ballots and their results (the ballots page's reads).

Same sign-in and rules as workshops.staff_api: `voting.run_ballots` lists a workshop's ballots,
`voting.view_results` reads one's tally (its facilitators; 403 for another facilitator's workshop).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from core.api import errors
from core.guards import allows
from core.rules import Visitor
from workshops.staff_api import STAFF_READ, StaffAPIView, staff_workshop

from . import selectors
from .models import Ballot


class BallotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    question = serializers.CharField()
    method = serializers.CharField()
    status = serializers.CharField()
    revealed = serializers.BooleanField()
    anonymous = serializers.BooleanField()
    phase = serializers.IntegerField(source="phase_id", allow_null=True)
    table = serializers.IntegerField(source="table_id", allow_null=True)


class ResultRowSerializer(serializers.Serializer):
    option = serializers.IntegerField(source="option.pk")
    label = serializers.CharField(source="option.label")
    score = serializers.FloatField()
    display = serializers.CharField()
    retained = serializers.BooleanField(source="option.retained")


class TallySerializer(serializers.Serializer):
    ballot = BallotSerializer()
    papers = serializers.IntegerField()
    eligible = serializers.IntegerField()
    rows = ResultRowSerializer(many=True, source="ranked_rows")


@extend_schema(responses={200: BallotSerializer(many=True), **errors(*STAFF_READ)})
class BallotListApi(StaffAPIView):
    """GET /api/workshops/<pk>/ballots/ — the workshop's ballots, the newest first."""

    def get(self, request, pk):
        workshop = staff_workshop(request, pk, "voting.run_ballots")
        ballots = selectors.ballots_of_workshop(workshop_id=workshop.pk).order_by("-created_at", "-pk")
        return Response(BallotSerializer(ballots, many=True).data)


@extend_schema(responses={200: TallySerializer, **errors(*STAFF_READ)})
class BallotResultsApi(StaffAPIView):
    """GET /api/workshops/<pk>/ballots/<id>/results/ — a ballot's turnout and its options ranked by score."""

    def get(self, request, pk, ballot_pk):
        workshop = staff_workshop(request, pk, "voting.run_ballots")
        ballot = get_object_or_404(Ballot.objects.select_related("phase", "table"), pk=ballot_pk, workshop=workshop)
        if not allows("voting.view_results", Visitor(user=request.user), ballot):
            raise PermissionDenied
        return Response(TallySerializer(selectors.ballot_tally(ballot=ballot)).data)
