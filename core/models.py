"""The vocabulary every app shares: editions (a foresight cycle) and canvases with their sections.

These models were born in `workshops`; they kept its tables (`db_table`) when they moved here, so
the move (the `*vocabulary*` migrations of core, workshops and scenarios) changed no row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Edition(models.Model):
    """A foresight cycle, e.g. "Questions Numériques 2012/2013"."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        db_table = "workshops_edition"
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Canvas(models.Model):
    """A structured wall: an ordered list of sections, each with optional axes."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        db_table = "workshops_canvas"
        verbose_name = _("canvas")
        verbose_name_plural = _("canvases")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CanvasSection(models.Model):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(_("position"))
    slug = models.SlugField(_("slug"))
    title = models.CharField(_("title"), max_length=200)
    prompt = models.TextField(_("prompt"), blank=True)
    # Optional axes, e.g. ["Pour une entreprise", "Pour un acteur public"]: a post-it picks one.
    axes = models.JSONField(_("axes"), default=list, blank=True)

    class Meta:
        db_table = "workshops_canvassection"
        verbose_name = _("canvas section")
        verbose_name_plural = _("canvas sections")
        ordering = ["canvas", "position"]
        constraints = [
            models.UniqueConstraint(fields=["canvas", "slug"], name="unique_section_slug_per_canvas"),
            models.UniqueConstraint(fields=["canvas", "position"], name="unique_section_position_per_canvas"),
        ]

    def __str__(self):
        return self.title
