"""Sending e-mail through the background worker.

A web request never waits for an SMTP server: messages are turned into plain data
and written to the outbox (`OutgoingEmail`); once the surrounding transaction has been
committed (so a rolled-back action sends nothing), the `deliver_email` task is queued
with the outbox row's id. The task table thus never holds a message: password-reset,
confirmation and unsubscribe links live only in the outbox, and only until the mail
server has taken the message. Every app sends through here.

A message the mail server refused is tried again a few minutes later (RETRY_MINUTES,
when the task backend can run tasks later) and removed by the daily clean-up
(`clear_outbox`) a day after it was written, sent or not.
"""

import base64
import datetime
import smtplib
from email.mime.base import MIMEBase

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

RETRY_MINUTES = [1, 5, 30]
KEEP_UNSENT = datetime.timedelta(days=1)


def message_to_data(message: EmailMessage) -> dict:
    """An e-mail message as JSON-serialisable data, for a task argument."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError("Attach files as (filename, content, mimetype), not MIME parts.")
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def send_later(message: EmailMessage) -> None:
    """Put a message in the outbox and queue it for the worker, after the current
    transaction commits."""
    from .models import OutgoingEmail

    outgoing = OutgoingEmail.objects.create(message=message_to_data(message))
    transaction.on_commit(lambda: deliver_email.enqueue(outgoing.pk))


@task()
def deliver_email(outgoing_id: int) -> None:
    """Send one message from the outbox (SMTP in production) and delete it.

    A refused message stays with its error, and is tried again later; the error is
    kept on the row rather than raised, so no recipient's address ends up in the
    task table's tracebacks."""
    from .models import OutgoingEmail

    with transaction.atomic():
        outgoing = (
            OutgoingEmail.objects.select_for_update(skip_locked=True).filter(pk=outgoing_id).first()
        )
        if outgoing is None:
            return  # sent already, cleared, or being sent by another worker
        try:
            message_from_data(outgoing.message).send()
        except (smtplib.SMTPException, OSError) as error:
            outgoing.attempts += 1
            outgoing.error = str(error)[:1000] or repr(error)
            outgoing.save(update_fields=["attempts", "error"])
        else:
            outgoing.delete()
            return
    backend = deliver_email.get_backend()
    if backend.supports_defer and outgoing.attempts <= len(RETRY_MINUTES):
        delay = datetime.timedelta(minutes=RETRY_MINUTES[outgoing.attempts - 1])
        deliver_email.using(run_after=timezone.now() + delay).enqueue(outgoing.pk)


def forget_messages_to(addresses: list[str]) -> int:
    """Remove unsent messages to any of these addresses (on deleting an account)."""
    from .models import OutgoingEmail

    outbox = OutgoingEmail.objects.annotate(text=Cast("message", TextField()))
    to_any = Q(pk__in=[])
    for address in addresses:
        to_any |= Q(text__icontains=address)
    deleted, _ = outbox.filter(to_any).delete()
    return deleted


def clear_outbox(now=None) -> str:
    """The daily clean-up: forget messages written more than a day ago (only those
    that could not be sent are still there)."""
    from .models import OutgoingEmail

    cutoff = (now or timezone.now()) - KEEP_UNSENT
    deleted, _ = OutgoingEmail.objects.filter(created_at__lt=cutoff).delete()
    return f"{deleted} unsent e-mail(s) removed."


def send_templated_email(template_prefix: str, context: dict, to: list[str], **kwargs) -> None:
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` and queue it.

    Extra keyword arguments (headers, attachments, reply_to) go to the message.
    """
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template_prefix}.txt", context),
        to=to,
        **kwargs,
    )
    message.attach_alternative(render_to_string(f"{template_prefix}.html", context), "text/html")
    send_later(message)
