"""Background tasks of the portal app."""

from django.tasks import task

from .emails import message_from_data


@task()
def deliver_email(data: dict) -> None:
    """Hand one queued message to the configured e-mail backend (SMTP in production)."""
    message_from_data(data).send()
