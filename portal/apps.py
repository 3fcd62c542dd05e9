import atexit

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    # This module holds two configs; "portal" in INSTALLED_APPS means this one.
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_migrate
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction, Site

        from . import (
            admin_filters,
            backends,
            content_versions,
            emails,
            flags,
            logs,
            personal_data,
            ratelimit,
            scheduling,
            sites,
        )
        from .account_data import erase_account, export_account
        from .models import FooterLink, MainMenuItem, SiteSettings, Theme

        personal_data.register(
            "account", export=export_account, erase=erase_account, models=["portal.User"]
        )
        post_migrate.connect(sites.follow_site_url, sender=self)
        backends.follow_changes()
        logs.follow_tasks()
        atexit.register(close_connection_pools)
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
        scheduling.register("prune_decided_reports", flags.prune_decided_reports)
        # What the cached pages and frame show; see portal/content_versions.py.
        content_versions.follow_pages()
        content_versions.follow(PageViewRestriction, "pages")
        for model in (get_image_model(), get_document_model()):
            content_versions.follow(model, "pages", new_ones_show=False)
        for model in (SiteSettings, MainMenuItem, FooterLink, Site):
            content_versions.follow(model, "frame")
        content_versions.follow(Theme, "themes")
        # Members' names show with their comments; coordinators' names and
        # organisations on their leerkring's page.
        content_versions.follow(
            get_user_model(),
            "comments",
            "leerkringen",
            fields=["full_name", "organisation"],
            new_ones_show=False,
        )


def close_connection_pools():
    """psycopg's pool (production settings) stops its threads only when closed; left
    to the interpreter's exit, each waits 5 s, so a gunicorn worker being replaced, a
    stopped task worker or a finished `manage.py migrate` would hang for 20 s."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if connection.pool is not None:
            connection.close_pool()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our single full-name field."""

    default = False
    user_viewset = "portal.viewsets.UserViewSet"
