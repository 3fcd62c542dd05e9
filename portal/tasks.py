"""Background tasks of the portal app. Task arguments are ids, never messages or
addresses: the task table is kept for a while and must hold no personal data."""

from django.tasks import task

from . import emails, scheduling


@task()
def deliver_email(outgoing_id: int) -> None:
    """Send one message from the outbox (SMTP in production) and delete it."""
    emails.deliver(outgoing_id)


@task()
def run_scheduled_job(run_id: int) -> None:
    """Run one daily job that a worker's scheduler claimed (see `portal.scheduling`)."""
    scheduling.run_job(run_id)
