from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The agenda, registrations and attendee lists (issue #5)."""

    name = "events"
    verbose_name = _("Agenda")
