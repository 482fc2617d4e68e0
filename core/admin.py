"""Editions are data: staff edit them here without a deploy.

Canvases are registered by workshops/admin.py: whether a canvas's sections may change depends on
the workshops that run on it, which core does not know.
"""

from django.contrib import admin

from .models import Edition


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["title", "slug"]
    prepopulated_fields = {"slug": ("title",)}
