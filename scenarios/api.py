"""JSON API for facilitators' and editors' scripts: the scenario library (the library page's read and rule)."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors
from core.guards import allows
from core.rules import Visitor

from . import selectors
from .models import Scenario


class LibraryFilterSerializer(serializers.Serializer):
    edition = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(choices=Scenario.Status.choices, required=False)
    tag = serializers.CharField(required=False, max_length=100)
    q = serializers.CharField(required=False, max_length=200)


class ScenarioSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = serializers.CharField(source="edition.slug")
    title = serializers.CharField()
    summary = serializers.CharField()
    narrative = serializers.CharField()
    status = serializers.CharField()
    tags = serializers.SerializerMethodField()

    def get_tags(self, scenario) -> list[str]:
        return [tag.name for tag in scenario.tags.all()]


@extend_schema(parameters=[LibraryFilterSerializer], responses={200: ScenarioSerializer(many=True), **errors(401, 403, 422)})
class ScenarioListApi(APIView):
    """GET /api/scenarios/ — the scenario library, filtered as on its page (edition, status, tag, words)."""

    def get(self, request):
        if not allows("scenarios.view_library", Visitor(user=request.user)):
            raise PermissionDenied
        filters = LibraryFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        scenarios = selectors.scenario_list(
            user=request.user, edition_id=data.get("edition"), status=data.get("status", ""), tag=data.get("tag", ""), q=data.get("q", "")
        )
        return Response(ScenarioSerializer(scenarios, many=True).data)
