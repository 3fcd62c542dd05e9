"""Template tags that put the agenda on other pages: the home page, the account page
and a leerkring's page."""

from django import template
from django.utils import timezone

from .. import registration as rules
from ..models import CANCELLABLE, Event, EventStatus, Registration

register = template.Library()

HOME_EVENTS = 3


@register.simple_tag
def upcoming_events(limit=HOME_EVENTS):
    events = Event.objects.filter(status=EventStatus.PUBLISHED).upcoming()
    return rules.with_fullness(events.order_by("starts_at")[:limit])


@register.filter
def can_cancel(registration):
    """Whether to offer the cancel button: the rule that cancelling enforces."""
    return rules.may_cancel(registration)


@register.simple_tag
def account_registrations(user, limit=5):
    """A person's live registrations for events still to come, soonest first."""
    return list(
        Registration.objects.filter(
            user=user, status__in=CANCELLABLE, event__ends_at__gte=timezone.now()
        )
        .select_related("event")
        .order_by("event__starts_at")[:limit]
    )


@register.inclusion_tag("events/includes/leerkring_meetings.html")
def leerkring_meetings(leerkring, past_limit=6):
    """A leerkring's coming meetings, and earlier ones with their reports."""
    meetings = Event.objects.filter(
        leerkring=leerkring, status=EventStatus.PUBLISHED
    ).select_related("report_page")
    return {
        "leerkring": leerkring,
        "upcoming": rules.with_fullness(meetings.upcoming().order_by("starts_at")),
        "earlier": list(meetings.past().order_by("-starts_at")[:past_limit]),
    }


def _next_meetings():
    """Every leerkring's next published meeting, in one query (DISTINCT ON)."""
    meetings = (
        Event.objects.filter(status=EventStatus.PUBLISHED, leerkring__isnull=False)
        .upcoming()
        .order_by("leerkring_id", "starts_at")
        .distinct("leerkring_id")
        .only("title", "slug", "starts_at", "ends_at", "leerkring_id")
    )
    return {meeting.leerkring_id: meeting for meeting in meetings}


@register.inclusion_tag("events/includes/leerkring_next_meeting.html", takes_context=True)
def leerkring_next_meeting(context, leerkring):
    """The next meeting on a leerkring's card. A list of cards costs one query in all:
    the answer for every leerkring is kept on the request."""
    request = context.get("request")
    meetings = getattr(request, "_events_next_meetings", None)
    if meetings is None:
        meetings = _next_meetings()
        if request is not None:
            request._events_next_meetings = meetings
    return {"meeting": meetings.get(leerkring.pk)}
