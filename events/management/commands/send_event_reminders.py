"""`manage.py send_event_reminders`: run daily. Reminds everyone with a seat of an
event that starts within EVENTS_REMINDER_DAYS days; each person once (reminded_at)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events import emails
from events.models import EventStatus, Registration, RegistrationStatus


class Command(BaseCommand):
    help = "E-mail a reminder to confirmed attendees of events starting soon."

    def handle(self, *args, **options):
        now = timezone.now()
        due = Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            reminded_at__isnull=True,
            event__status=EventStatus.PUBLISHED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + datetime.timedelta(days=settings.EVENTS_REMINDER_DAYS),
        ).select_related("event")
        sent = 0
        for registration in due.iterator(chunk_size=500):
            with transaction.atomic():
                # Claim the row first: a second run at the same time skips it.
                claimed = Registration.objects.filter(
                    pk=registration.pk, reminded_at__isnull=True
                ).update(reminded_at=now)
                if claimed:
                    emails.send_reminder(registration)
                    sent += claimed
        self.stdout.write(f"{sent} reminder(s) sent.")
