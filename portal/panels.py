"""The dashboard's panels per role: who sees which (has_role, used by every app's
panels), and the editors' own: the pages with changes that are not live yet, and
the items visitors reported.

Each app puts the panel of the data it owns on the dashboard from its wagtail_hooks;
a panel costs a fixed number of queries, however much is waiting.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import flags

# How many waiting things a panel lists; the count says how many there are in all.
SHOWN = 5


def has_role(user, role) -> bool:
    """Whether the dashboard shows `role`'s panel to this person: superusers see every
    role's panel, the others those of their groups. The names are read once per
    request, however many panels ask."""
    if user.is_superuser:
        return True
    if not hasattr(user, "_role_names"):
        user._role_names = frozenset(user.groups.values_list("name", flat=True))
    return role in user._role_names


class DraftsPanel(Component):
    """Pages this editor may edit whose latest changes are not published: new pages
    never published and live pages with a newer draft, most recently changed first."""

    name = "portal_drafts"
    order = 100
    template_name = "portal/admin/drafts_panel.html"

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        drafts = (
            PagePermissionPolicy(Page)
            .instances_user_has_permission_for(user, "change")
            .filter(has_unpublished_changes=True)
        )
        return {
            "count": drafts.count(),
            "drafts": drafts.select_related("latest_revision__user").order_by(
                "-latest_revision_created_at", "-pk"
            )[:SHOWN],
        }


class ReportsPanel(Component):
    """How many reported items wait for an editor's decision (portal/flags.py); one
    query, a link to the queue."""

    name = "portal_reports"
    order = 105
    template_name = "portal/admin/reports_panel.html"

    def get_context_data(self, parent_context=None):
        return {"count": flags.open_count(), "queue_url": reverse("portal_reports:index")}
