import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The agenda, registrations and attendee lists (issue #5)."""

    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from portal import personal_data, scheduling, sitemaps
        from portal.search import SearchSource, register

        from . import privacy
        from .sitemaps import EventSitemap

        sitemaps.register("agenda", EventSitemap)

        personal_data.register(
            "event_registrations",
            export=privacy.export,
            erase=privacy.erase,
            models=["events.Registration"],
        )
        scheduling.register(
            "send_event_reminders",
            scheduling.command("send_event_reminders"),
            at=datetime.time(8),
        )
        scheduling.register("anonymise_attendees", scheduling.command("anonymise_attendees"))
        scheduling.register("delete_unconfirmed_registrations", privacy.delete_expired_pending)
        register(
            SearchSource(
                key="events",
                label=_("Agenda"),
                search=search_events,
                template="events/includes/search_result.html",
            )
        )


def search_events(query):
    """Published events matching every word, best match first."""
    from portal.search import search

    from .models import Event

    return search(Event.objects.published(), query)
