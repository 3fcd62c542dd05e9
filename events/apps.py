import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The agenda, registrations and attendee lists (issue #5)."""

    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save

        from portal import content_versions, personal_data, scheduling, sitemaps
        from portal.search import SearchSource, register

        from . import certificates, privacy, tasks
        from .models import (
            SEATED,
            Certificate,
            Event,
            EventPartner,
            EventQuestion,
            Registration,
            RegistrationStatus,
            YearTarget,
        )
        from .sitemaps import EventSitemap

        for model in (Event, EventQuestion, EventPartner, YearTarget):
            content_versions.follow(model, "events")
        # Seats left and the waiting list: only a registration that holds or held a
        # seat or a place in line changes them (not one awaiting its e-mail confirmation).
        content_versions.follow(
            Registration,
            "events",
            shown=lambda made: made.status in (*SEATED, RegistrationStatus.WAITING),
        )
        content_versions.changes_by_time("events", next_change_by_time)

        sitemaps.register("agenda", EventSitemap)

        personal_data.register(
            "event_registrations",
            export=privacy.export,
            erase=privacy.erase,
            models=["events.Registration"],
        )
        # Certificates go with the account (on delete cascade), their files with them.
        personal_data.register(
            "event_certificates", export=certificates.export, models=["events.Certificate"]
        )
        post_delete.connect(certificates.delete_file, sender=Certificate)
        post_save.connect(tasks.event_saved, sender=Event)
        post_save.connect(tasks.user_saved, sender=settings.AUTH_USER_MODEL)
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


def next_change_by_time():
    """When the agenda next changes by the clock alone: a published event starts or
    ends, its registration opens or closes, or a new year starts the key figures."""
    from django.db.models import Min, Q
    from django.utils import timezone

    from .models import AMSTERDAM, Event, EventStatus

    now = timezone.now()
    fields = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
    moments = Event.objects.filter(status=EventStatus.PUBLISHED).aggregate(
        **{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields}
    )
    local = timezone.localtime(now, AMSTERDAM)
    new_year = local.replace(
        year=local.year + 1, month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    return min(moment for moment in (*moments.values(), new_year) if moment is not None)
