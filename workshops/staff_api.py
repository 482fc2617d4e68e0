"""JSON API for facilitators' and editors' scripts: what the facilitator's pages read, and closing a phase.

Signed in by a personal API token (core.authentication: `Authorization: Bearer …`) or the pages'
session. Each endpoint asks the rule its page asks (workshops/rules.py): a facilitator reads only the
workshops they run (403 otherwise, as the control room answers), an editor the closed ones' results.
A read-only token's write is a 403 (core.authentication.TokenScope).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors
from core.guards import allows
from core.rules import Visitor

from . import selectors, services
from .models import Workshop, WorkshopPhase
from .serializers import ContributionOutputSerializer

# A staff endpoint answers 401 without credentials (or with a bad token), 403 when the rule refuses.
STAFF_READ = (401, 403, 404)
STAFF_WRITE = (400, 401, 403, 404, 415, 422)


def staff_workshop(request, pk: int, perm: str) -> Workshop:
    """The workshop `pk` (404) if the rule `perm` lets the signed-in user act on it (403), as the pages' guard."""
    workshop = get_object_or_404(Workshop.objects.select_related("edition", "format"), pk=pk)
    if not allows(perm, Visitor(user=request.user), workshop):
        raise PermissionDenied
    return workshop


class WorkshopSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.DateField()
    place = serializers.CharField()
    status = serializers.CharField()
    join_code = serializers.CharField()
    edition = serializers.CharField(source="edition.slug")


class WorkshopPhaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    name = serializers.CharField()
    activity = serializers.CharField()
    status = serializers.CharField()
    opened_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)


class TableSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    label = serializers.CharField()
    scenario = serializers.IntegerField(source="scenario_id", allow_null=True)
    capacity = serializers.IntegerField()


class WorkshopDetailSerializer(WorkshopSummarySerializer):
    phases = WorkshopPhaseSerializer(many=True)
    tables = TableSerializer(many=True)


class TableBoardSerializer(serializers.Serializer):
    table = serializers.IntegerField(source="table.pk")
    contributions = serializers.SerializerMethodField()

    def get_contributions(self, column) -> list[dict]:
        return [ContributionOutputSerializer(c).data for board in column.sections for c in board.contributions]


class OutputLineSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    axis = serializers.CharField()
    group = serializers.CharField(source="group_label")
    text = serializers.CharField()
    plus_ones = serializers.IntegerField()


class OutputSerializer(serializers.Serializer):
    section = serializers.IntegerField(source="section_id")
    lines = OutputLineSerializer(many=True)


class TableRecordSerializer(serializers.Serializer):
    table = serializers.IntegerField(source="table.pk")
    outputs = OutputSerializer(many=True)
    synthesis = serializers.CharField(source="synthesis.text", allow_null=True, default=None)


class PhaseRecordSerializer(serializers.Serializer):
    phase = WorkshopPhaseSerializer()
    tables = TableRecordSerializer(many=True)


class StaffAPIView(APIView):
    """Signed-in staff only (401 otherwise); the rule is asked per workshop by `staff_workshop`."""


@extend_schema(responses={200: WorkshopSummarySerializer(many=True), **errors(401, 403)})
class WorkshopListApi(StaffAPIView):
    """GET /api/workshops/ — the workshops I run (the facilitator's dashboard)."""

    def get(self, request):
        if not allows("workshops.create_workshop", Visitor(user=request.user)):
            raise PermissionDenied
        workshops = Workshop.objects.facilitated_by(request.user).select_related("edition").order_by("-date", "-pk")
        return Response(WorkshopSummarySerializer(workshops, many=True).data)


@extend_schema(responses={200: WorkshopDetailSerializer, **errors(*STAFF_READ)})
class WorkshopDetailApi(StaffAPIView):
    """GET /api/workshops/<pk>/ — a workshop I run, its phases (agenda order) and tables (the control room)."""

    def get(self, request, pk):
        workshop = staff_workshop(request, pk, "workshops.run_workshop")
        data = WorkshopSummarySerializer(workshop).data
        data["phases"] = WorkshopPhaseSerializer(workshop.phases.order_by("position"), many=True).data
        data["tables"] = TableSerializer(selectors.workshop_tables(workshop), many=True).data
        return Response(data)


def _phase_of(workshop, phase_id) -> WorkshopPhase:
    return get_object_or_404(WorkshopPhase, pk=phase_id, workshop=workshop)


@extend_schema(responses={200: TableBoardSerializer(many=True), **errors(*STAFF_READ)})
class PhaseContributionsApi(StaffAPIView):
    """GET /api/workshops/<pk>/phases/<id>/contributions/ — every table's visible post-its (the projector's board)."""

    def get(self, request, pk, phase_id):
        workshop = staff_workshop(request, pk, "workshops.run_workshop")
        phase = _phase_of(workshop, phase_id)
        return Response(TableBoardSerializer(selectors.room_board(workshop=workshop, phase=phase), many=True).data)


@extend_schema(responses={200: PhaseRecordSerializer(many=True), **errors(*STAFF_READ)})
class WorkshopResultsApi(StaffAPIView):
    """GET /api/workshops/<pk>/results/ — every closed phase's outputs and syntheses by table (the results page)."""

    def get(self, request, pk):
        workshop = staff_workshop(request, pk, "workshops.view_outputs")
        return Response(PhaseRecordSerializer(selectors.workshop_record(workshop=workshop), many=True).data)


@extend_schema(request=None, responses={200: WorkshopPhaseSerializer, **errors(*STAFF_WRITE)})
class PhaseCloseApi(StaffAPIView):
    """POST /api/workshops/<pk>/phases/<id>/close/ — close the open phase, as the control room's button (422 if not open)."""

    def post(self, request, pk, phase_id):
        workshop = staff_workshop(request, pk, "workshops.run_workshop")
        phase = services.phase_close(phase=_phase_of(workshop, phase_id))
        return Response(WorkshopPhaseSerializer(phase).data)
