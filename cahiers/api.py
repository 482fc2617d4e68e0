"""The published cahiers as open data: anyone reads them as JSON, no account needed (the reader's pages' rule).

`GET /api/publications/` lists the published cahiers; `GET /api/publications/<edition slug>/` gives one
whole, each section's published text as Markdown. A cahier not published is a 404, as its page is,
except for editors, who preview its working text (rule `cahiers.read_cahier`).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import errors
from core.guards import allows
from core.rules import Visitor

from . import reading
from .models import Status


class CahierSummarySerializer(serializers.Serializer):
    slug = serializers.CharField(source="edition.slug")
    edition = serializers.CharField(source="edition.title")
    title = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)


class SectionTextSerializer(serializers.Serializer):
    heading = serializers.CharField()
    markdown = serializers.CharField()


class ChapterTextSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    sections = SectionTextSerializer(many=True)


class CahierTextSerializer(CahierSummarySerializer):
    preview = serializers.BooleanField(help_text="True for an editor reading a cahier not published yet (its working text).")
    chapters = ChapterTextSerializer(many=True)


class OpenDataAPIView(APIView):
    permission_classes = [AllowAny]


@extend_schema(responses={200: CahierSummarySerializer(many=True), **errors(401)})
class PublicationListApi(OpenDataAPIView):
    """GET /api/publications/ — the published cahiers, the newest first."""

    def get(self, request):
        return Response(CahierSummarySerializer(reading.published_cahiers(), many=True).data)


@extend_schema(responses={200: CahierTextSerializer, **errors(401, 404)})
class PublicationApi(OpenDataAPIView):
    """GET /api/publications/<slug>/ — a published cahier whole: its chapters and sections' Markdown."""

    def get(self, request, slug):
        cahier = reading.cahier_by_slug(slug)
        if cahier is None or not allows("cahiers.read_cahier", Visitor(user=request.user), cahier):
            raise Http404(_("No such publication."))
        preview = cahier.status != Status.PUBLISHED
        data = CahierSummarySerializer(cahier).data
        data["preview"] = preview
        data["chapters"] = [
            {
                "id": chapter.pk,
                "title": chapter.title,
                "kind": chapter.kind,
                "sections": [{"heading": s.heading, "markdown": revision.text} for s, revision in sections],
            }
            for chapter, sections in reading.whole_text(cahier, preview=preview)
        ]
        return Response(data)
