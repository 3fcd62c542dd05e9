"""Background work of the agenda: e-mailing every attendee is slow for big events, and
so is making everyone's certificate of attendance (events.certificates)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.tasks import task

from . import certificates, emails
from .models import Certificate, Event, RegistrationStatus

# What an event prints on its certificates: a save that touches none of these (the
# anonymising job's, for one) cannot change them.
PRINTED_EVENT_FIELDS = {"title", "starts_at", "ends_at", "study_hours"}


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


@task()
def issue_certificates(event_id: int, by_user_id: int | None = None) -> int:
    """The certificates of everyone who attended and has none yet; the organiser who
    asked is named in the event's history."""
    by = get_user_model().objects.filter(pk=by_user_id).first() if by_user_id else None
    return certificates.issue(event_id, by=by)


@task()
def refresh_certificates(event_id: int | None = None, user_id: int | None = None) -> int:
    """Make again the certificates of an event, or of a person, whose text changed."""
    return certificates.refresh(event_id=event_id, user_id=user_id)


def _refresh_later(**scope):
    """After the change is committed, and only when there are certificates to check."""

    def queue():
        if Certificate.objects.filter(**scope).exists():
            refresh_certificates.enqueue(**scope)

    transaction.on_commit(queue)


def event_saved(sender, instance, created, update_fields=None, **kwargs):
    """post_save of an event: its certificates may print something else now."""
    if created or (update_fields is not None and not PRINTED_EVENT_FIELDS & set(update_fields)):
        return
    _refresh_later(event_id=instance.pk)


def user_saved(sender, instance, created, update_fields=None, **kwargs):
    """post_save of an account: a new name goes on its certificates."""
    if created or (update_fields is not None and "full_name" not in update_fields):
        return
    _refresh_later(user_id=instance.pk)
