"""Sending an issue to every recipient once, in batches, by the task worker.

`start` freezes the message and writes one Delivery row per recipient. Batches
(the `send_mailing_batch` task) then work through the rows:

1. A batch takes a PostgreSQL advisory lock with a random number, its *claim*, and
   marks up to BATCH_SIZE queued rows with that claim. The lock lives as long as
   the batch's database connection, so it tells a running batch from a dead one.
2. If it claimed any rows, it queues the next batch *before* sending. When a
   worker is killed, that next batch is already waiting for the restarted worker.
   A batch that finds nothing to claim queues no successor, which ends the chain.
3. It sends the rows in order over one SMTP connection. Before each e-mail goes
   out, the batch's BatchProgress row names that row (committed), so every row
   before it has been taken by the server, or marked "failed" at once when the
   server refused it. When the batch ends, its rows are marked "sent" together.
   Each e-mail is the message built once per batch with the recipient's own links
   put in (`Sender`).
   A batch that starts first looks for claims whose lock is free: their batch
   died. Rows before the one it was sending are marked sent, rows after it go back
   to the queue. The row that was being sent may or may not have arrived; it is
   marked failed with that explanation rather than sent twice, and the editor can
   retry it.
"""

import random
import select
import smtplib
from typing import NamedTuple

import psycopg
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from psycopg import pq
from wagtail.log_actions import log

from portal.emails import send_later
from portal.errors import RuleError

from . import links
from .models import (
    UNFINISHED,
    BatchProgress,
    Delivery,
    DeliveryStatus,
    Mailing,
    Subscriber,
    SubscriberStatus,
)
from .sender import Sender

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
        # Tell PostgreSQL's statistics about the new rows now rather than when
        # autovacuum comes by: until then it does not know this mailing, and each batch
        # would sort every queued row instead of reading the first ones from the index.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Delivery._meta.db_table}")
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
        # A small commit per e-mail (the progress row); waiting for the disk on each
        # would make the database the bottleneck. Without the wait a commit is still
        # final for every other connection and survives this worker dying; only a
        # crash of the database server itself could lose the last fraction of a
        # second of progress.
        cursor.execute("SET synchronous_commit TO off")
    try:
        ids = _claim_rows(mailing, claim)
        if ids:
            _queue_batch(mailing_id)
        sent = _send_rows(mailing, claim, ids)
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


def _send_rows(mailing, claim, ids) -> int:
    """Send the claimed rows in order over one mail connection; see step 3 above."""
    rows = Delivery.objects.filter(pk__in=ids).order_by("pk")
    claimed = [Recipient(*row) for row in rows.values_list("pk", "subscriber_id", "email")]
    # By the subscribers' own keys alone, and their status checked here: so the
    # primary key is the only index PostgreSQL can use, whatever its statistics say
    # (after a large import it read every confirmed subscriber instead).
    subscribers = Subscriber.objects.filter(pk__in={row.subscriber_id for row in claimed})
    still_subscribed = {
        pk
        for pk, status in subscribers.order_by().values_list("pk", "status")
        if status == SubscriberStatus.CONFIRMED
    }
    recipients = [row for row in claimed if row.subscriber_id in still_subscribed]
    if len(recipients) < len(claimed):
        skipped = [row.pk for row in claimed if row.subscriber_id not in still_subscribed]
        Delivery.objects.filter(pk__in=skipped).update(status=DeliveryStatus.SKIPPED)
    BatchProgress.objects.create(claim=claim)
    sent = 0
    sender = Sender(mailing)
    progress = Progress(claim)
    try:
        for delivery, upcoming in zip(recipients, [*recipients[1:], None], strict=True):
            progress.note(delivery.pk)
            try:
                sender.send(delivery, before_data=progress.wait, upcoming=upcoming)
            except (smtplib.SMTPException, OSError) as error:
                progress.wait()  # before the connection serves Django again
                sender.close()  # the next message starts a fresh connection
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=DeliveryStatus.FAILED,
                    error=str(error)[:1000] or repr(error),
                    attempts=F("attempts") + 1,
                )
            else:
                sent += 1
    finally:
        sender.close()
        progress.close()
    _settle(mailing, claim, finished=True)
    return sent


class Progress:
    """Notes in the batch's BatchProgress row which delivery it is sending.

    The note goes out on the batch's own database connection without waiting for
    the answer (libpq's asynchronous calls) and travels while the SMTP server
    answers MAIL and RCPT; `wait()` reads the answer before DATA. So a row is still
    noted, and committed, before the server can take its e-mail, while the round
    trip to the database no longer adds to each e-mail's, and no second connection
    or thread is needed. Django must not use the connection while a note is on its
    way: the loop calls `wait()` after every e-mail, sent or refused."""

    def __init__(self, claim):
        self.claim = str(claim).encode()
        self.statement = f"newsletter_progress_{claim}".encode()
        connection.ensure_connection()
        self.database = connection.connection.pgconn
        self.database.send_prepare(self.statement, NOW_SENDING.encode())
        self.pending = True
        self.wait()

    def note(self, pk) -> None:
        self.database.send_query_prepared(self.statement, [str(pk).encode(), self.claim])
        self.pending = True

    def wait(self) -> None:
        """Read the answer to the last note, if not read yet; a refusal raises."""
        if not self.pending:
            return
        self.pending = False
        database = self.database
        while database.flush():
            select.select([], [database.socket], [])
        while True:
            database.consume_input()
            if not database.is_busy():
                break
            select.select([database.socket], [], [])
        result = database.get_result()
        while database.get_result() is not None:
            pass
        if result.status != pq.ExecStatus.COMMAND_OK:
            raise psycopg.DatabaseError(result.get_error_field(pq.DiagnosticField.MESSAGE_PRIMARY))

    def close(self):
        self.wait()
        with connection.cursor() as cursor:
            cursor.execute(f"DEALLOCATE {self.statement.decode()}")


class Recipient(NamedTuple):
    """The parts of a Delivery a batch needs; lighter than the model instance."""

    pk: int
    subscriber_id: int
    email: str


NOW_SENDING = f"UPDATE {BatchProgress._meta.db_table} SET sending = $1 WHERE claim = $2"  # noqa: S608 - the model's own table name


def _settle(mailing, claim, finished=False) -> None:
    """Mark the claim's rows as its batch left them, and forget the batch.

    Every row still claimed before the one the batch was sending has been taken by
    the server; in a batch that `finished`, that is every row still claimed. A batch
    that died was sending a row that may or may not have arrived (marked failed, for
    the editor to retry), and never tried the rows after it (queued again)."""
    with transaction.atomic():
        # Found through the mailing's index; the claim itself has none.
        rows = mailing.deliveries.filter(status=DeliveryStatus.CLAIMED, claim=claim)
        if not finished:
            progress = BatchProgress.objects.filter(claim=claim).first()
            sending = (progress and progress.sending) or 0  # 0: it died before sending
            rows.filter(pk__gt=sending).update(status=DeliveryStatus.QUEUED, claim=None)
            rows.filter(pk=sending).update(
                status=DeliveryStatus.FAILED, error=INTERRUPTED, attempts=F("attempts") + 1
            )
        rows.update(
            status=DeliveryStatus.SENT, sent_at=timezone.now(), error="", attempts=F("attempts") + 1
        )
        BatchProgress.objects.filter(claim=claim).delete()


def recover_dead_batches(mailing) -> None:
    """Find claims whose batch died (its advisory lock is free) and settle their rows."""
    claims = set(
        mailing.deliveries.filter(status=DeliveryStatus.CLAIMED)
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
            _settle(mailing, claim)
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
