"""Admin registrations of the leerkringen. The permission policy is registered
first, so every Wagtail view of the model uses it."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from portal.panels import has_role
from portal.roles import COORDINATORS

from .models import Leerkring, Membership
from .panels import RequestsWaitingPanel
from .viewsets import LeerkringPermissionPolicy, LeerkringViewSet

register_permission_policy(Leerkring, LeerkringPermissionPolicy(Leerkring))


class MembershipDecision(LogFormatter):
    """A coordinator's decision in the leerkring's history. The entry holds only the
    membership's id; the member's name is looked up when the history is shown, so
    it disappears with their account."""

    template = ""

    def format_message(self, log_entry):
        membership = (
            Membership.objects.filter(pk=log_entry.data.get("membership"))
            .select_related("user")
            .first()
        )
        if membership is None:
            return self.template % {"name": _("a former member")}
        return self.template % {"name": membership.user.full_name or _("a member")}


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    @actions.register_action("communities.membership.approve")
    class Approved(MembershipDecision):
        label = _("Approve membership request")
        template = _("Approved the request of %(name)s")

    @actions.register_action("communities.membership.decline")
    class Declined(MembershipDecision):
        label = _("Decline membership request")
        template = _("Declined the request of %(name)s")

    @actions.register_action("communities.membership.remove")
    class Removed(MembershipDecision):
        label = _("Remove member")
        template = _("Removed %(name)s from the leerkring")


@hooks.register("register_admin_viewset")
def register_leerkring_viewset():
    return LeerkringViewSet()


@hooks.register("construct_homepage_panels")
def add_requests_waiting_panel(request, panels):
    if has_role(request.user, COORDINATORS) and request.user.has_perm(
        "communities.change_leerkring"
    ):
        panels.append(RequestsWaitingPanel())
