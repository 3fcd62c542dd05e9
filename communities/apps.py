from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    """Leerkringen, memberships and newsletter subscribers (issues #4 and #7)."""

    name = "communities"
    verbose_name = _("Leerkringen")
