from django.contrib import admin

from .models import Scenario, SectionEntry, Tag, TimelineEvent


class TimelineEventInline(admin.TabularInline):
    model = TimelineEvent
    extra = 0
    fields = ["year", "position", "title", "text"]


class SectionEntryInline(admin.TabularInline):
    model = SectionEntry
    extra = 0
    fields = ["section", "axis", "position", "text"]
    raw_id_fields = ["section"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("section")


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ["title", "edition", "status", "updated_at"]
    list_filter = ["status", "edition"]
    list_select_related = ["edition"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["tags"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [TimelineEventInline, SectionEntryInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
