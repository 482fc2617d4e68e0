"""Foresight artefacts: rupture scenarios with their narrative, timeline and canvas content."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Scenario(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        RETAINED = "retained", _("Retained")
        DEVELOPED = "developed", _("Developed")
        PUBLISHED = "published", _("Published")

    edition = models.ForeignKey("core.Edition", on_delete=models.CASCADE, related_name="scenarios")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED)
    tags = models.ManyToManyField(Tag, blank=True, related_name="scenarios", verbose_name=_("tags"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["edition", "title"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="unique_scenario_slug_per_edition"),
        ]

    def __str__(self):
        return self.title


class TimelineEvent(models.Model):
    """A dated step of a scenario's story, e.g. 2016: "Posséder, c'est dépassé"."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="timeline")
    year = models.PositiveSmallIntegerField(_("year"))
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["scenario", "year", "position"]


class SectionEntry(models.Model):
    """A line of a developed scenario's canvas (e.g. one "signe avant-coureur")."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="entries")
    section = models.ForeignKey("core.CanvasSection", on_delete=models.PROTECT, related_name="entries")
    axis = models.CharField(_("axis"), max_length=100, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("section entry")
        verbose_name_plural = _("section entries")
        ordering = ["scenario", "section__position", "axis", "position"]
