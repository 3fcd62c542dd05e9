"""Admin registrations of the portal app."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import ScheduledRun
from .viewsets import ScheduledRunViewSet, SuperuserViewOnlyPolicy, ThemeViewSet

register_permission_policy(ScheduledRun, SuperuserViewOnlyPolicy(ScheduledRun))
register_snippet(ThemeViewSet)


@hooks.register("register_admin_viewset")
def register_scheduled_run_viewset():
    return ScheduledRunViewSet()
