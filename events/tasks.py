"""Background work of the agenda: e-mailing every attendee is slow for big events."""

from django.tasks import task

from . import emails
from .models import Event, RegistrationStatus


@task()
def message_attendees(event_id: int, subject: str, text: str) -> int:
    """An organiser's message to everyone with a confirmed seat."""
    event = Event.objects.get(pk=event_id)
    recipients = event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
        "event"
    )
    count = 0
    for registration in recipients.iterator(chunk_size=500):
        emails.send_organiser_message(registration, subject, text)
        count += 1
    return count
