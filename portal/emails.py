"""Sending e-mail through the background worker.

A web request never waits for an SMTP server: messages are turned into plain data
and handed to the `deliver_email` task once the surrounding transaction has been
committed (so a rolled-back action sends nothing). Every app sends through here.
"""

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string


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
    """Queue a message for the worker, after the current transaction commits."""
    from .tasks import deliver_email

    data = message_to_data(message)
    transaction.on_commit(lambda: deliver_email.enqueue(data))


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
