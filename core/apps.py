from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The vocabulary every other app shares; it imports none of them (see the README's dependency graph)."""

    name = "core"
    verbose_name = _("Shared vocabulary")
