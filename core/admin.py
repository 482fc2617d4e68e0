"""Editions and canvases are data: staff edit them here without a deploy."""

from django.contrib import admin

from .models import Canvas, CanvasSection, Edition


class CanvasSectionInline(admin.TabularInline):
    model = CanvasSection
    extra = 1
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Canvas)
class CanvasAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CanvasSectionInline]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["title", "slug"]
    prepopulated_fields = {"slug": ("title",)}
