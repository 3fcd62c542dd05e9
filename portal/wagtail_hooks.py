"""Admin registrations of the portal app, the editors' drafts and the queue of
visitors' reports on the dashboard, and the portal's colours in the admin."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import flag_views
from .models import ScheduledRun
from .panels import DraftsPanel, ReportsPanel, has_role
from .roles import EDITORS
from .viewsets import ScheduledRunViewSet, SuperuserViewOnlyPolicy, ThemeViewSet

register_permission_policy(ScheduledRun, SuperuserViewOnlyPolicy(ScheduledRun))
register_snippet(ThemeViewSet)


@hooks.register("register_admin_viewset")
def register_scheduled_run_viewset():
    return ScheduledRunViewSet()


@hooks.register("construct_homepage_panels")
def add_drafts_panel(request, panels):
    if has_role(request.user, EDITORS):
        panels.append(DraftsPanel())


@hooks.register("register_admin_urls")
def register_report_urls():
    """The queue of visitors' reports (portal/flags.py) and its two decisions."""
    urls = [
        path("", flag_views.queue, name="index"),
        path(
            "<slug:key>/<int:pk>/terugzetten/",
            flag_views.decide,
            {"decision": "restore"},
            name="restore",
        ),
        path(
            "<slug:key>/<int:pk>/verwijderen/",
            flag_views.decide,
            {"decision": "remove"},
            name="remove",
        ),
    ]
    return [path("meldingen/", include((urls, "portal_reports"), namespace="portal_reports"))]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(flag_views.QUEUE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Visitor reports"), reverse("portal_reports:index"), icon_name="warning", order=215
    )


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    if has_role(request.user, EDITORS) and request.user.has_perm(flag_views.QUEUE_PERMISSION):
        panels.append(ReportsPanel())


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    actions.register_action(
        "portal.flags.hide", _("Hide after reports"), _("Hidden after reports by visitors")
    )
    actions.register_action(
        "portal.flags.restore", _("Restore after reports"), _("Dismissed the reports and restored")
    )
    actions.register_action(
        "portal.flags.remove", _("Remove after reports"), _("Removed after reports by visitors")
    )


@hooks.register("insert_global_admin_css")
def admin_theme_css():
    """The portal's colours in the admin, through the custom properties Wagtail
    offers for this (see static/css/admin-theme.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-theme.css"))
