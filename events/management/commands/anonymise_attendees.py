"""`manage.py anonymise_attendees`: run daily. Wipes attendees' personal details of
events that ended more than EVENTS_ANONYMISE_AFTER_DAYS days ago; counts stay."""

from django.core.management.base import BaseCommand

from events.privacy import anonymise_past_events


class Command(BaseCommand):
    help = "Anonymise the attendees of events that ended long enough ago."

    def handle(self, *args, **options):
        events, rows = anonymise_past_events()
        self.stdout.write(f"{events} event(s), {rows} registration(s) anonymised.")
