"""iCalendar (RFC 5545) files: the agenda feed, one event, and a person's own copy.

Built with the `icalendar` package, so folding, escaping and line endings are right.
The UID is stable per event, so a calendar that imports the file again updates the
event instead of adding it twice.
"""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .links import site_url
from .models import EventStatus

PRODID = "-//Open Overheid//Agenda//NL"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _component(event, *, online_link=False):
    url = site_url() + event.get_absolute_url()
    component = CalendarEvent()
    component.add("uid", f"event-{event.pk}@open-overheid")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at)
    component.add("summary", event.title)
    description = [event.summary, url]
    if online_link and event.is_online and event.online_url:
        description.insert(1, event.online_url)
    component.add("description", "\n\n".join(part for part in description if part))
    component.add("location", event.location_text)
    component.add("url", url)
    component.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    component.add("last-modified", event.updated_at)
    return component


def agenda_calendar(events, name) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_component(event))
    return calendar.to_ical()


def event_calendar(event, *, online_link=False) -> bytes:
    """One event; `online_link` adds the meeting link, for confirmed attendees only."""
    calendar = _calendar(event.title)
    calendar.add_component(_component(event, online_link=online_link))
    return calendar.to_ical()
