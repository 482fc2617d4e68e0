from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CahiersConfig(AppConfig):
    name = "cahiers"
    verbose_name = _("Cahiers")
