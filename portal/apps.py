from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    # This module holds two configs; "portal" in INSTALLED_APPS means this one.
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import admin_filters, emails, frame, personal_data, ratelimit, scheduling, sites
        from .account_data import erase_account, export_account
        from .models import SiteSettings

        personal_data.register(
            "account", export=export_account, erase=erase_account, models=["portal.User"]
        )
        post_migrate.connect(sites.follow_site_url, sender=self)
        admin_filters.register()
        scheduling.register(
            "prune_task_results",
            # Task arguments are ids only; still, finished results need not stay long.
            scheduling.command(
                "prune_db_task_results", queue_name="*", min_age_days=1, failed_min_age_days=7
            ),
        )
        scheduling.register("clear_outbox", emails.clear_outbox)
        scheduling.register("prune_rate_limits", ratelimit.prune_expired)
        # What the menus and footer show; see portal/frame.py.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(frame.renew, dispatch_uid=f"frame-{id(signal)}")
        for model in (SiteSettings, Site):
            post_save.connect(frame.renew, sender=model, dispatch_uid=f"frame-save-{model}")
            post_delete.connect(frame.renew, sender=model, dispatch_uid=f"frame-del-{model}")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our single full-name field."""

    default = False
    user_viewset = "portal.viewsets.UserViewSet"
