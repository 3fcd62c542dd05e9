from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The agenda, registrations and attendee lists (issue #5)."""

    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from portal import personal_data
        from portal.search import SearchSource, register

        from . import privacy

        personal_data.register("event_registrations", export=privacy.export, erase=privacy.erase)
        register(
            SearchSource(
                key="events",
                label=_("Agenda"),
                search=search_events,
                template="events/includes/search_result.html",
            )
        )


def search_events(query):
    """Published events matching every word, the next ones first."""
    from .models import Event

    events = Event.objects.published()
    results = events.search(query, operator="and")
    if not results:
        results = events.autocomplete(query, operator="and")
    return results
