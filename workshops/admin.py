"""Formats are data: staff edit them here without a deploy (canvases and editions: core/admin.py)."""

from django.contrib import admin

from core.models import Canvas, CanvasSection

from .models import AuditEntry, Format, FormatPhase, Workshop, WorkshopPhase
from .selectors import canvas_runs_a_workshop


class CanvasSectionInline(admin.TabularInline):
    model = CanvasSection
    extra = 1
    prepopulated_fields = {"slug": ("title",)}

    # A canvas that a live or closed workshop runs on keeps its sections, here as in the app
    # (see workshops/formats.py): duplicate it to make a new version.
    def has_add_permission(self, request, obj=None):
        return not (obj and canvas_runs_a_workshop(obj)) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not (obj and canvas_runs_a_workshop(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj and canvas_runs_a_workshop(obj)) and super().has_delete_permission(request, obj)


@admin.register(Canvas)
class CanvasAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "owner"]
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ["co_owners"]
    inlines = [CanvasSectionInline]


class FormatPhaseInline(admin.TabularInline):
    model = FormatPhase
    extra = 1


@admin.register(Format)
class FormatAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "owner"]
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ["co_owners"]
    inlines = [FormatPhaseInline]


class WorkshopPhaseInline(admin.TabularInline):
    model = WorkshopPhase
    extra = 0
    fields = ["position", "name", "activity", "canvas", "duration_seconds", "status"]
    readonly_fields = ["status"]


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["title", "edition", "date", "status", "join_code"]
    list_filter = ["status", "edition"]
    filter_horizontal = ["facilitators"]
    inlines = [WorkshopPhaseInline]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The trail, read-only: an entry is never added, changed or deleted by hand (workshops/audit.py)."""

    list_display = ["at", "action", "actor_name", "actor_kind", "target_type", "target_id", "target_label", "workshop", "format_id"]
    list_filter = ["action", "actor_kind", "target_type"]
    search_fields = ["actor_name", "target_label"]
    list_select_related = ["workshop"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
