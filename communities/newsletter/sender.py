"""The e-mails of a mailing: one recipient's message, and the Sender that puts a
batch of them on the wire over one connection.

Building and serialising an e-mail with Python's e-mail package, and smtplib's
checks on every address and line of it, cost more than the SMTP server's own work
to take it. So a batch builds its e-mail once and sends each recipient a copy of
those bytes with their own address and links put in; see `Sender`.
"""

import contextlib
import email.policy
import re
import smtplib
from email.utils import make_msgid

from django.core.mail import DEFAULT_MAILER_ALIAS, EmailMultiAlternatives, mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPMailer
from django.core.mail.utils import DNS_NAME
from django.utils.html import escape

from . import links
from .models import PREFERENCES_PLACEHOLDER


class NewsletterMessage(EmailMultiAlternatives):
    """An e-mail whose header lines may be long (up to RFC 5322's 998 characters).

    With the usual limit of 78, Python's e-mail package cannot fold the one long URL
    in List-Unsubscribe and writes it as an encoded word (=?utf-8?q?...?=), which
    mail programs do not read as an unsubscribe address."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def message(mailing, address, preferences_url, unsubscribe_url) -> NewsletterMessage:
    """The e-mail for one recipient: the frozen issue with their own links."""
    mail = NewsletterMessage(
        subject=mailing.subject,
        body=mailing.text.replace(PREFERENCES_PLACEHOLDER, preferences_url),
        to=[address],
        headers={
            # RFC 8058: mail programs show an unsubscribe button that POSTs here.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    mail.attach_alternative(
        mailing.html.replace(PREFERENCES_PLACEHOLDER, escape(preferences_url)), "text/html"
    )
    return mail


# Stand-ins for a recipient's own parts in the e-mail Sender builds once per batch.
RECIPIENT = "recipient@recipient.invalid"
PREFERENCES = "https://recipient.invalid/preferences"
UNSUBSCRIBE = "https://recipient.invalid/unsubscribe"
# Addresses that appear as they are in the To header and the SMTP envelope; Django
# quotes or encodes others, so their e-mail is built by Django in full.
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+")
MAX_LINE = 998  # RFC 5322


class Sender:
    """Sends a mailing's e-mails over one connection of the default mailer.

    For the SMTP mailer, the e-mail is built once (`message()`, with stand-ins for
    the address and the links) and kept as the bytes that go over the wire after
    DATA (line ends and leading dots as SMTP wants them); each recipient's e-mail is
    those bytes with the stand-ins replaced and a Message-ID of its own (the Date
    stays the batch's start, a second or so earlier), sent on the open connection
    with the three SMTP commands (`_transaction`). None of the values put in holds a
    line break, so the bytes stay valid SMTP data. Where the stand-ins
    do not survive the encoding as they are (a body that needs quoted-printable,
    say), where a line would grow past 998 characters, for an address Django would
    quote or encode, and for the other mailers (the console in development, memory
    in tests), Django builds each e-mail in full."""

    def __init__(self, mailing):
        self.mailing = mailing
        self.mailer = mailers.create_connection(DEFAULT_MAILER_ALIAS)
        self.links = links.ManageLinks()
        self.template = None
        self._ready = {}  # the upcoming recipient's wire bytes, put together in advance
        if isinstance(self.mailer, SMTPMailer):
            built = message(mailing, RECIPIENT, PREFERENCES, UNSUBSCRIBE)
            mime = built.message(policy=email.policy.SMTP)
            template = mime.as_bytes()
            self.message_id = mime["Message-ID"].encode()
            stand_ins = (RECIPIENT, PREFERENCES, UNSUBSCRIBE)
            if all(stand_in.encode() in template for stand_in in stand_ins):
                self.template = DOT_AT_LINE_START.sub(b"..", template) + b"\r\n.\r\n"
                lines = [line for line in template.split(b"\r\n") if b"recipient.invalid" in line]
                self.room = MAX_LINE - max(len(line) for line in lines)
                self.envelope_from = self.mailer.prep_address(built.from_email)

    def send(self, delivery, before_data=lambda: None, upcoming=None) -> None:
        """Send one e-mail; `before_data()` is called before the server can take it.
        While the server reads this e-mail, the `upcoming` one is put together, so
        the server gets the next command without waiting for that work."""
        data = self._ready.pop(delivery.pk) if delivery.pk in self._ready else self._wire(delivery)
        if data is not None:
            self.mailer.open()
            _transaction(
                self.mailer.connection,
                self.envelope_from,
                delivery.email,
                data,
                before_data,
                while_server_reads=lambda: self._get_ready(upcoming),
            )
        else:
            preferences, unsubscribe = self.links.of(delivery.subscriber_id, delivery.email)
            mail = message(self.mailing, delivery.email, preferences, unsubscribe)
            before_data()
            self.mailer.send_messages([mail])

    def _wire(self, delivery) -> bytes | None:
        """The recipient's e-mail as it goes over the wire after DATA, from the bytes
        built once; None where Django must build it in full (see the class)."""
        if not self.template or not PLAIN_ADDRESS.fullmatch(delivery.email):
            return None
        preferences, unsubscribe = self.links.of(delivery.subscriber_id, delivery.email)
        if (
            escape(preferences) != preferences
            or len(delivery.email) + len(preferences) + len(unsubscribe) > self.room
        ):
            return None
        return (
            self.template.replace(self.message_id, make_msgid(domain=DNS_NAME).encode())
            .replace(RECIPIENT.encode(), delivery.email.encode())
            .replace(PREFERENCES.encode(), preferences.encode())
            .replace(UNSUBSCRIBE.encode(), unsubscribe.encode())
        )

    def _get_ready(self, upcoming) -> None:
        self._ready = {upcoming.pk: self._wire(upcoming)} if upcoming is not None else {}

    def close(self) -> None:
        self.mailer.close()


DOT_AT_LINE_START = re.compile(rb"^\.", re.MULTILINE)  # RFC 5321 4.5.2: doubled


def _transaction(
    smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes, before_data, while_server_reads
):
    """One e-mail on an open connection, as `smtplib.SMTP.sendmail` sends it, for
    plain addresses and data already in wire form; the same errors on a refusal.
    `before_data()` runs once the recipient is accepted, before DATA;
    `while_server_reads()` once the e-mail is on its way, before the server's answer
    is read."""
    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.docmd("MAIL", f"FROM:<{sender}>")
    if code != 250:
        _reset(smtp)
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.docmd("RCPT", f"TO:<{recipient}>")
    if code not in (250, 251):
        _reset(smtp)
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    before_data()
    code, reply = smtp.docmd("DATA")
    if code != 354:
        _reset(smtp)
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(data)
    while_server_reads()
    code, reply = smtp.getreply()
    if code != 250:
        _reset(smtp)
        raise smtplib.SMTPDataError(code, reply)


def _reset(smtp):
    """After a refusal the connection goes on with the next e-mail, as smtplib does."""
    with contextlib.suppress(smtplib.SMTPServerDisconnected):
        smtp.rset()
