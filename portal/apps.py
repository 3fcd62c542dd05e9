from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    # This module holds two configs; "portal" in INSTALLED_APPS means this one.
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import personal_data
        from .account_data import export_account

        personal_data.register("account", export=export_account)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our single full-name field."""

    default = False
    user_viewset = "portal.viewsets.UserViewSet"
