"""Sending an issue to every recipient once, in batches, by the task worker.

`start` freezes the message and writes one Delivery row per recipient. Batches
(the `send_mailing_batch` task) then work through the rows:

1. A batch takes a PostgreSQL advisory lock with a random number, its *claim*, and
   marks up to BATCH_SIZE queued rows with that claim. The lock lives as long as
   the batch's database connection, so it tells a running batch from a dead one.
2. If it claimed any rows, it queues the next batch *before* sending. When a
   worker is killed, that next batch is already waiting for the restarted worker.
   A batch that finds nothing to claim queues no successor, which ends the chain.
3. Each row is marked "sending" (committed) before its e-mail goes out, and "sent"
   as soon as the server took it: in the statement that marks the next row
   "sending", or at the end of the batch ("failed" right away when the server
   refuses it). The batch sends over one SMTP connection, and each e-mail is the
   message built once per batch with the recipient's own links put in (`Sender`).
   A batch that starts first looks for rows whose claim's lock is free: their batch
   died. Claimed rows that were never tried go back to the queue. A row that was
   being sent when its worker died may or may not have arrived; it is marked failed
   with that explanation rather than sent twice, and the editor can retry it.
"""

import email.policy
import random
import re
import smtplib
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import DEFAULT_MAILER_ALIAS, EmailMultiAlternatives, mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPMailer
from django.core.mail.utils import DNS_NAME
from django.db import connection, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.emails import send_later
from portal.errors import RuleError

from . import links
from .models import (
    PREFERENCES_PLACEHOLDER,
    UNFINISHED,
    Delivery,
    DeliveryStatus,
    Mailing,
    Subscriber,
    SubscriberStatus,
)

INTERRUPTED = (
    "De verzending werd onderbroken terwijl deze e-mail werd verstuurd. Misschien is hij "
    "aangekomen, misschien niet. Probeer opnieuw als je het zeker wilt weten."
)


error_messages = {
    "not_published": _("This issue has not been published. Publish it first, then send it."),
    "unpublished_changes": _(
        "This issue has changes that have not been published. Publish it first, so "
        "the subscribers get the latest version."
    ),
    "already_sent": _("This issue has already been sent."),
}


class SendingError(RuleError):
    error_messages = error_messages


def obstacle(issue) -> SendingError | None:
    """Why the issue cannot be sent (now), or None: it goes out once, and only as
    the editor last published it, so what subscribers get is what the site shows."""
    if issue.is_sent:
        return SendingError("already_sent")
    if not issue.live:
        return SendingError("not_published")
    if issue.has_unpublished_changes:
        return SendingError("unpublished_changes")
    return None


def start(issue, user) -> Mailing:
    """Freeze the issue's message and queue it for every recipient it has now. The
    issue's history in the admin records who sent it to how many.

    The rules are checked again with the issue's row locked, so two editors who
    press "send" at once, or one who publishes a change meanwhile, cannot make it
    go out twice or in a version nobody published."""
    with transaction.atomic():
        issue = type(issue).objects.select_for_update().get(pk=issue.pk)
        refused = obstacle(issue)
        if refused:
            raise refused
        subject, html, text = issue.render_email()
        mailing = Mailing.objects.create(
            issue=issue, subject=subject, html=html, text=text, started_by=user
        )
        deliveries = Delivery.objects.bulk_create(
            (
                Delivery(mailing=mailing, subscriber_id=pk, email=email)
                for pk, email in issue.recipients().values_list("pk", "email").iterator()
            ),
            batch_size=5000,
        )
        log(issue, "newsletter.send", user=user, data={"recipients": len(deliveries)})
        transaction.on_commit(lambda: _queue_batch(mailing.pk))
    return mailing


def _queue_batch(mailing_id):
    send_mailing_batch.enqueue(mailing_id)


def send_test(issue, user) -> None:
    """The issue as it will look, sent to the editor alone. Its preferences link
    points to the newsletter page, because an editor need not be a subscriber."""
    site_url = links.site_url()
    subject, html, text = issue.render_email(preferences_url=site_url + issue.get_parent().url)
    message = EmailMultiAlternatives(subject=f"[Test] {subject}", body=text, to=[user.email])
    message.attach_alternative(html, "text/html")
    send_later(message)
    log(issue, "newsletter.send_test", user=user)


def retry(mailing, delivery_ids=None) -> int:
    """Queue failed deliveries again (all of them, or the given ones)."""
    failed = mailing.deliveries.filter(status=DeliveryStatus.FAILED)
    if delivery_ids is not None:
        failed = failed.filter(pk__in=delivery_ids)
    count = failed.update(status=DeliveryStatus.QUEUED, claim=None)
    if count:
        Mailing.objects.filter(pk=mailing.pk).update(finished_at=None)
        transaction.on_commit(lambda: _queue_batch(mailing.pk))
    return count


@task()
def send_mailing_batch(mailing_id: int) -> int:
    """Send one batch of a mailing (a task). Returns how many were sent."""
    mailing = Mailing.objects.get(pk=mailing_id)
    recover_dead_batches(mailing)
    claim = random.randint(1, 2**62)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [claim])
        # A small commit per e-mail; waiting for the disk on each would make the
        # database the bottleneck. Without the wait a commit is still final for every
        # other connection and survives this worker dying; only a crash of the
        # database server itself could lose the last fraction of a second of marks.
        cursor.execute("SET synchronous_commit TO off")
    try:
        ids = _claim_rows(mailing, claim)
        if ids:
            _queue_batch(mailing_id)
        sent = _send_rows(mailing, ids)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
            cursor.execute("SELECT pg_advisory_unlock(%s)", [claim])
    _finish_if_done(mailing)
    return sent


def _claim_rows(mailing, claim) -> list[int]:
    """Mark up to a batch of queued rows as this batch's; rows another batch is
    claiming at this very moment are skipped, not waited for."""
    with transaction.atomic():
        queued = mailing.deliveries.filter(status=DeliveryStatus.QUEUED).order_by("pk")
        ids = list(
            queued.select_for_update(skip_locked=True).values_list("pk", flat=True)[
                : settings.NEWSLETTER_BATCH_SIZE
            ]
        )
        Delivery.objects.filter(pk__in=ids).update(status=DeliveryStatus.CLAIMED, claim=claim)
    return ids


def _send_rows(mailing, ids) -> int:
    """Send the claimed rows in order over one mail connection.

    A row is marked "sending" (committed) before its e-mail goes out, and "sent" in
    the same statement that marks the next one "sending": one round trip to the
    database per e-mail, and still at most one row whose fate a crash leaves open."""
    still_subscribed = set(
        Subscriber.objects.filter(
            deliveries__in=ids, status=SubscriberStatus.CONFIRMED
        ).values_list("pk", flat=True)
    )
    rows = Delivery.objects.filter(pk__in=ids).order_by("pk").only("pk", "subscriber", "email")
    recipients = [row for row in rows if row.subscriber_id in still_subscribed]
    Delivery.objects.filter(pk__in=ids).exclude(pk__in=[row.pk for row in recipients]).update(
        status=DeliveryStatus.SKIPPED
    )
    sent = 0
    accepted = None  # the last row whose e-mail the server took, not yet marked "sent"
    sender = Sender(mailing)
    try:
        for delivery in recipients:
            _mark_sending(delivery.pk, accepted)
            accepted = None
            try:
                sender.send(delivery)
            except (smtplib.SMTPException, OSError) as error:
                sender.close()  # the next message starts a fresh connection
                _mark(delivery, DeliveryStatus.FAILED, error=str(error)[:1000] or repr(error))
            else:
                accepted = delivery.pk
                sent += 1
    finally:
        sender.close()
        if accepted:
            _mark_sending(None, accepted)
    return sent


def _mark_sending(pk, accepted) -> None:
    """Mark row `pk` "sending" and row `accepted` "sent", in one statement; either
    may be None. Plain SQL: building this update with the ORM took longer than
    sending the e-mail."""
    with connection.cursor() as cursor:
        cursor.execute(MARK_SENDING, {"sending": pk, "sent": accepted})


MARK_SENDING = f"""
    UPDATE {Delivery._meta.db_table} SET
        status = CASE WHEN id = %(sent)s THEN '{DeliveryStatus.SENT}'
                      ELSE '{DeliveryStatus.SENDING}' END,
        sent_at = CASE WHEN id = %(sent)s THEN now() ELSE sent_at END,
        error = CASE WHEN id = %(sent)s THEN '' ELSE error END,
        attempts = CASE WHEN id = %(sending)s THEN attempts + 1 ELSE attempts END
    WHERE id IN (%(sending)s, %(sent)s)
"""  # noqa: S608 - only the model's own table name and status values are formatted in


def _mark(delivery, status, **fields):
    Delivery.objects.filter(pk=delivery.pk).update(status=status, **fields)


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

    Building and serialising an e-mail with Python's e-mail package costs more than
    the SMTP server's own work to take it. So, for the SMTP mailer, the e-mail is
    built once (`message()`, with stand-ins for the address and the links) and kept
    as bytes; each recipient's e-mail is those bytes with the stand-ins replaced and
    a Message-ID of its own (the Date stays the batch's start, a second or so
    earlier), sent on the open SMTP connection. Where the stand-ins
    do not survive the encoding as they are (a body that needs quoted-printable,
    say), where a line would grow past 998 characters, for an address Django would
    quote or encode, and for the other mailers (the console in development, memory
    in tests), Django builds each e-mail in full."""

    def __init__(self, mailing):
        self.mailing = mailing
        self.mailer = mailers.create_connection(DEFAULT_MAILER_ALIAS)
        self.template = None
        if isinstance(self.mailer, SMTPMailer):
            built = message(mailing, RECIPIENT, PREFERENCES, UNSUBSCRIBE)
            mime = built.message(policy=email.policy.SMTP)
            template = mime.as_bytes()
            self.message_id = mime["Message-ID"].encode()
            stand_ins = (RECIPIENT, PREFERENCES, UNSUBSCRIBE)
            if all(stand_in.encode() in template for stand_in in stand_ins):
                self.template = template
                lines = [line for line in template.split(b"\r\n") if b"recipient.invalid" in line]
                self.room = MAX_LINE - max(len(line) for line in lines)
                self.envelope_from = self.mailer.prep_address(built.from_email)

    def send(self, delivery) -> None:
        subscriber = Subscriber(pk=delivery.subscriber_id, email=delivery.email)
        preferences = links.preferences_url(subscriber)
        unsubscribe = links.unsubscribe_url(subscriber)
        if (
            self.template
            and PLAIN_ADDRESS.fullmatch(delivery.email)
            and escape(preferences) == preferences
            and len(delivery.email) + len(preferences) + len(unsubscribe) <= self.room
        ):
            data = (
                self.template.replace(self.message_id, make_msgid(domain=DNS_NAME).encode())
                .replace(RECIPIENT.encode(), delivery.email.encode())
                .replace(PREFERENCES.encode(), preferences.encode())
                .replace(UNSUBSCRIBE.encode(), unsubscribe.encode())
            )
            self.mailer.open()
            self.mailer.connection.sendmail(self.envelope_from, [delivery.email], data)
        else:
            mail = message(self.mailing, delivery.email, preferences, unsubscribe)
            self.mailer.send_messages([mail])

    def close(self) -> None:
        self.mailer.close()


def recover_dead_batches(mailing) -> None:
    """Find rows whose batch died (its advisory lock is free) and deal with them."""
    claims = set(
        mailing.deliveries.filter(status__in=[DeliveryStatus.CLAIMED, DeliveryStatus.SENDING])
        .values_list("claim", flat=True)
        .distinct()
    )
    for claim in claims:
        if _batch_runs(claim):
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [claim])
            if not cursor.fetchone()[0]:
                continue  # that batch is still running, in another worker
        try:
            rows = mailing.deliveries.filter(claim=claim)
            rows.filter(status=DeliveryStatus.CLAIMED).update(
                status=DeliveryStatus.QUEUED, claim=None
            )
            rows.filter(status=DeliveryStatus.SENDING).update(
                status=DeliveryStatus.FAILED, error=INTERRUPTED
            )
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [claim])


def _batch_runs(claim) -> bool:
    """Whether some database session, this one included, holds the claim's advisory
    lock: the batch behind it still runs. (Taking the lock cannot tell: a session may
    take its own lock again, and a batch's successor can run in the batch's own
    session, as the tests' immediate task backend does.) PostgreSQL shows a bigint
    key as its high and low 32 bits."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND classid::bigint = %s AND objid::bigint = %s AND objsubid = 1)",
            [claim >> 32, claim & 0xFFFFFFFF],
        )
        return cursor.fetchone()[0]


def _finish_if_done(mailing) -> None:
    if not mailing.deliveries.filter(status__in=UNFINISHED).exists():
        Mailing.objects.filter(pk=mailing.pk, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )
