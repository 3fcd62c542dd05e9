"""The coordinators' panel on the admin dashboard: membership requests waiting for
their decision, per leerkring they run."""

from django.db.models import Count, Min, Q
from wagtail.admin.ui.components import Component

from .models import Leerkring, MembershipStatus

WAITING = Q(memberships__status=MembershipStatus.PENDING)


class RequestsWaitingPanel(Component):
    """Every leerkring this person runs that has requests waiting, the one waiting
    longest first, with how many wait: one query, however many leerkringen."""

    name = "communities_requests_waiting"
    order = 130
    template_name = "communities/admin/requests_waiting_panel.html"

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        leerkringen = list(
            Leerkring.objects.managed_by(user)
            .annotate(
                waiting=Count("memberships", filter=WAITING),
                waiting_since=Min("memberships__created_at", filter=WAITING),
            )
            .filter(waiting__gt=0)
            .order_by("waiting_since", "pk")
        )
        return {
            "leerkringen": leerkringen,
            "count": sum(leerkring.waiting for leerkring in leerkringen),
        }
