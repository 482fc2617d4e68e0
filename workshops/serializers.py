from django.conf import settings
from rest_framework import serializers

from .services import AXIS_MAX_LENGTH


class ContributionInputSerializer(serializers.Serializer):
    section = serializers.IntegerField()
    text = serializers.CharField(max_length=settings.CONTRIBUTION_MAX_LENGTH, allow_blank=True, trim_whitespace=True)
    axis = serializers.CharField(max_length=AXIS_MAX_LENGTH, required=False, allow_blank=True, default="")


class ContributionOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    section = serializers.IntegerField(source="section_id")
    axis = serializers.CharField()
    text = serializers.CharField()
    author = serializers.CharField(source="participant.display_name")
    plus_ones = serializers.IntegerField()
    group = serializers.CharField(source="group_label")
    created_at = serializers.DateTimeField()


class SectionBoardSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="section.pk")
    title = serializers.CharField(source="section.title")
    prompt = serializers.CharField(source="section.prompt")
    axes = serializers.ListField(child=serializers.CharField(), source="section.axes")
    contributions = ContributionOutputSerializer(many=True)


class PhaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    activity = serializers.CharField()
    timer_remaining_seconds = serializers.SerializerMethodField()
    timer_running = serializers.BooleanField()

    def get_timer_remaining_seconds(self, phase) -> int:
        return phase.timer_remaining_seconds()


class BoardSerializer(serializers.Serializer):
    version = serializers.CharField()
    phase = PhaseSerializer(allow_null=True)
    table = serializers.CharField(allow_null=True)
    sections = SectionBoardSerializer(many=True)
