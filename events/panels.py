"""The agenda's panels on the admin dashboard: the key figures, and an organiser's
next events with their free seats and waiting lists."""

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from portal.panels import SHOWN

from .figures import chart_context
from .models import SEATED, EventStatus, RegistrationStatus
from .permissions import events_for


class KeyFiguresPanel(Component):
    name = "event_key_figures"
    order = 150
    template_name = "events/admin/key_figures_panel.html"

    def get_context_data(self, parent_context=None):
        request = parent_context.get("request") if parent_context else None
        context = chart_context()
        context["can_set_targets"] = bool(
            request and request.user.has_perm("events.change_yeartarget")
        )
        return context


class NextEventsPanel(Component):
    """The next events this person organises (all events for those who see all), each
    with its seats left and its waiting list, counted in the same query."""

    name = "events_next"
    order = 120
    template_name = "events/admin/next_events_panel.html"

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        events = list(
            events_for(user)
            .upcoming()
            .exclude(status=EventStatus.CANCELLED)
            .annotate(
                seated=Count("registrations", filter=Q(registrations__status__in=SEATED)),
                waiting=Count(
                    "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
                ),
            )
            .order_by("starts_at", "pk")[:SHOWN]
        )
        for event in events:
            event.seats_left = (
                None if event.capacity is None else max(event.capacity - event.seated, 0)
            )
        return {"events": events}
