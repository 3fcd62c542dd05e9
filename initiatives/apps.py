from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    """The map of initiatives (issue #6)."""

    name = "initiatives"
    verbose_name = _("Initiatives")
