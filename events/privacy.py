"""What the agenda keeps about people, and how long (AVG/GDPR).

A person can download their registrations (also those made as a guest under the
account's address); deleting an account cancels their future registrations (so the
waiting list moves up) and wipes the details of all of them. Some time after an
event, attendees' personal details are wiped: the registrations stay, so the counts
stay. A guest registration that was never confirmed is deleted once its confirmation
link has expired: the address may have been typed in by somebody else.
"""

import contextlib
import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from portal.personal_data import address_matches

from . import links
from . import registration as rules
from .models import CANCELLABLE, Event, Registration, RegistrationStatus

ANONYMOUS_NAME = "—"


def registrations_of(user):
    """The account's registrations and guest registrations under its addresses."""
    return Registration.objects.filter(Q(user=user) | address_matches(user, "email"))


def export(user):
    registrations = registrations_of(user).select_related("event")
    return [
        {
            "event": item.event.title,
            "starts_at": item.event.starts_at.isoformat(),
            "status": item.status,
            "name": item.name,
            "email": item.email,
            "organisation": item.organisation,
            "job_title": item.job_title,
            "dietary": item.dietary,
            "accessibility": item.accessibility,
            "answers": item.answers,
            "registered_at": item.created_at.isoformat(),
        }
        for item in registrations.order_by("created_at")
    ]


def erase(user):
    """Cancel what lies ahead (freeing seats for the waiting list), then forget the
    person's details on every registration; the account link goes with the account.
    What the rules no longer let anyone cancel (the event is over) is only wiped."""
    live = registrations_of(user).filter(status__in=CANCELLABLE)
    for pk in live.values_list("pk", flat=True):
        with contextlib.suppress(rules.RegistrationError):
            rules.cancel(pk, notify=False)
    _wipe(registrations_of(user))


def _wipe(registrations):
    return registrations.update(
        user=None,
        name=ANONYMOUS_NAME,
        # Unique per row: attendances of a past event stay "live" for the counts.
        email=Concat(Value("anoniem-"), Cast("id", CharField()), Value("@invalid")),
        organisation="",
        job_title="",
        dietary="",
        accessibility="",
        answers={},
    )


def anonymise_past_events(now=None) -> tuple[int, int]:
    """Wipe attendee details of events that ended EVENTS_ANONYMISE_AFTER_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.EVENTS_ANONYMISE_AFTER_DAYS)
    events = Event.objects.filter(ends_at__lt=cutoff, anonymised_at__isnull=True)
    event_count = rows = 0
    for event in events:
        with transaction.atomic():
            rows += _wipe(event.registrations.all())
            event.anonymised_at = now
            event.save(update_fields=["anonymised_at"])
            event_count += 1
    return event_count, rows


def delete_expired_pending(now=None) -> str:
    """Delete guest registrations whose confirmation link has expired unused (a
    daily job); they hold no seat, only somebody's address."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=links.MAX_AGE[links.CONFIRM])
    deleted, _ = Registration.objects.filter(
        status=RegistrationStatus.PENDING, created_at__lt=cutoff
    ).delete()
    return f"{deleted} unconfirmed registration(s) deleted."
