"""Formats are data: staff edit them here without a deploy (canvases and editions: core/admin.py)."""

from django.contrib import admin

from .models import Format, FormatPhase, Workshop, WorkshopPhase


class FormatPhaseInline(admin.TabularInline):
    model = FormatPhase
    extra = 1


@admin.register(Format)
class FormatAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
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
