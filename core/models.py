"""The vocabulary every app shares: editions (a foresight cycle) and canvases with their sections.

These models were born in `workshops`; they kept its tables (`db_table`) when they moved here, so
the move (the `*vocabulary*` migrations of core, workshops and scenarios) changed no row.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
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


class OwnedQuerySet(models.QuerySet):
    """Formats and canvases belong to their author (`owner`), who shares them with named co-owners.

    Those without an owner are shipped as data (the seed formats): every facilitator may use and
    duplicate them, only a superuser edits them. The rules in `workshops/rules.py` say the same of
    one object (`workshops.use_format`, `workshops.edit_canvas`…); these say it of a list. They read
    ownership only: the views check the facilitator role first.
    """

    def _co_owned_by(self, user) -> Q:
        through = self.model.co_owners.through
        # A subquery rather than a join: a join would repeat a row per co-owner.
        return Q(pk__in=through.objects.filter(user=user).values(f"{self.model._meta.model_name}_id"))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(owner=user) | self._co_owned_by(user))

    def usable_by(self, user):
        """What a facilitator sees in their lists and may build on: the shared seed, theirs, shared with them."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(owner__isnull=True) | Q(owner=user) | self._co_owned_by(user))


class Owned(models.Model):
    """What a format and a canvas share: a name, a slug, a description and who owns them."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    # Empty for those shipped as data: shared by every facilitator, edited by a superuser.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("owner")
    )
    co_owners = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("co-owners"))

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


class Canvas(Owned):
    """A structured wall: an ordered list of sections, each with optional axes.

    The canvases a co-owner of a format may use through it: workshops.selectors.canvases_usable_by.
    """

    class Meta:
        db_table = "workshops_canvas"
        verbose_name = _("canvas")
        verbose_name_plural = _("canvases")
        ordering = ["name"]

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


class ApiToken(models.Model):
    """A personal API token of a facilitator or an editor, for their scripts (core.tokens).

    Only the SHA-256 of the secret is kept: the secret is shown once, when the token is created.
    `prefix` (the secret's first characters) lets its owner tell their tokens apart.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=5, choices=Scope.choices, default=Scope.READ)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
