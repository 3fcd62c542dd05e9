"""Admin registrations of the portal app, the editors' drafts on the dashboard and the
portal's colours in the admin."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import ScheduledRun
from .panels import DraftsPanel, has_role
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


@hooks.register("insert_global_admin_css")
def admin_theme_css():
    """The portal's colours in the admin, through the custom properties Wagtail
    offers for this (see static/css/admin-theme.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-theme.css"))
