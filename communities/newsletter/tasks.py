"""Background work of the newsletter (run by the task worker)."""

from django.tasks import task

from . import sending


@task()
def send_mailing_batch(mailing_id: int) -> int:
    """Send one batch of a mailing; see `sending` for how batches follow each other."""
    return sending.send_batch(mailing_id)
