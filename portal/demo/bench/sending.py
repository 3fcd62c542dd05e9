"""Sending one newsletter issue to many subscribers (`manage.py bench_newsletter`):
mails per second, as a fraction of what the SMTP server takes when nothing else
is done, and the worker's peak memory.

Runs against the benchmark database (scripts/bench.sh): it adds the subscribers
once and starts an SMTP server in this process that counts what arrives. First
plain SMTP clients, as many as there will be workers, send it one of the issue's
e-mails over and over: the server's own rate. Then a new issue goes out through
real task workers (`manage.py db_worker --batch`). Both rates are taken at the
server, from the first e-mail's arrival to the last, so the workers' start-up
does not count against them; the total time is printed as well.
"""

import email.policy
import logging
import os
import resource
import socket
import subprocess
import sys
import time
from collections import Counter

from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from communities.newsletter import consent, links, sender, sending
from communities.newsletter.models import (
    UNFINISHED,
    Delivery,
    DeliveryStatus,
    Mailing,
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)

from .newsletter import copy_of_demo_issue


class CountingServer:
    """An SMTP server that only counts the recipients of what it receives, and notes
    when the first and the last e-mail arrived."""

    def __init__(self):
        self.received = Counter()
        self.first = self.last = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook
        self.last = time.perf_counter()
        self.first = self.first or self.last
        self.received.update(envelope.rcpt_tos)
        return "250 OK"

    def rate(self) -> float:
        """E-mails per second from the first arrival to the last."""
        count = sum(self.received.values())
        return (count - 1) / (self.last - self.first) if count > 1 else 0.0


# A plain SMTP client: one connection, the same e-mail (read from stdin) to `count`
# addresses. A script of its own, so that it runs in a process of its own, like a worker.
SMTP_CLIENT = """
import smtplib, sys
port, count, prefix = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
message = sys.stdin.buffer.read()
with smtplib.SMTP("127.0.0.1", port) as smtp:
    for number in range(count):
        smtp.sendmail("noreply@example.org", [f"{prefix}-{number}@example.org"], message)
"""


def measure_sending(subscribers: int, workers: int, smtp_only: int) -> str:
    """Measure the SMTP server alone with `smtp_only` e-mails, then send a new issue
    to `subscribers` confirmed subscribers with `workers` worker processes; the
    report to print."""
    _fill(subscribers)
    _finish_earlier_runs()
    number = NewsletterIssuePage.objects.filter(slug__startswith="bench-").count()
    issue = copy_of_demo_issue(f"Benchmark-nieuwsbrief {number}", f"bench-{number}")
    recipients = issue.recipients().count()

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command log
    alone, server = CountingServer(), CountingServer()
    controller = Controller(alone, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        _run_smtp_clients(controller.port, workers, smtp_only, _sample_email(issue))
        controller.handler = server
        began = time.perf_counter()
        mailing = sending.start(issue, user=None)
        queued = time.perf_counter() - began
        _run_workers(controller.port, workers, mailing)
        seconds = time.perf_counter() - began
    finally:
        controller.stop()
    progress = mailing.progress()
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    twice = sum(1 for count in server.received.values() if count > 1)
    return (
        f"SMTP server alone: {sum(alone.received.values())} e-mails over {workers} "
        f"connection(s): {alone.rate():.0f} mails per second\n"
        f"{recipients} recipients: {progress['sent']} sent, {progress['failed']} failed, "
        f"{len(server.received)} received by the SMTP server, {twice} twice\n"
        f"queueing {queued:.1f} s, sending {seconds:.1f} s until the mailing was finished "
        f"(workers' start-up included): {progress['sent'] / seconds:.0f} mails per second\n"
        f"newsletter: {server.rate():.0f} mails per second with {workers} worker(s), "
        f"{server.rate() / alone.rate():.0%} of the SMTP server alone\n"
        f"peak memory of one worker: {peak_kib / 1024:.0f} MiB"
    )


def _sample_email(issue) -> bytes:
    """One of the issue's e-mails as it goes over the wire, for the SMTP server alone."""
    subject, html, text = issue.render_email()
    reader = Subscriber(pk=1, email="lezer@example.org")
    mail = sender.message(
        Mailing(subject=subject, html=html, text=text),
        reader.email,
        links.preferences_url(reader),
        links.unsubscribe_url(reader),
    )
    return mail.message(policy=email.policy.SMTP).as_bytes()


def _run_smtp_clients(port, count, emails, message):
    clients = [
        subprocess.Popen(  # noqa: S603 - this interpreter, with the script above
            [sys.executable, "-c", SMTP_CLIENT, str(port), str(emails // count), f"alone{n}"],
            stdin=subprocess.PIPE,
        )
        for n in range(count)
    ]
    for client in clients:
        client.stdin.write(message)
        client.stdin.close()
    if any(client.wait() for client in clients):
        raise CommandError("An SMTP client failed.")


def _finish_earlier_runs():
    """An interrupted run leaves e-mails queued; the workers must not send those now."""
    Delivery.objects.filter(status__in=UNFINISHED).update(status=DeliveryStatus.SKIPPED)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fill(count):
    existing = Subscriber.objects.filter(email__startswith="bench-lezer-").count()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"bench-lezer-{number}@example.org",
                status=SubscriberStatus.CONFIRMED,
                consent_given_at=now,
                consent_source=SubscriptionSource.PAGE,
                consent_version=consent.current_version(),
                confirmed_at=now,
            )
            for number in range(existing, count)
        ),
        batch_size=5000,
        ignore_conflicts=True,
    )


def _run_workers(smtp_port, count, mailing) -> None:
    """Real worker processes, as in production, until the mailing is finished.

    They keep polling (every 0.05 s) rather than run with `--batch`: a worker in batch
    mode stops the first time it finds the queue empty, and the next batch is only
    queued once the running batch has claimed its rows, so the second worker would
    usually stop at once and leave the mailing to the first."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "NEWSLETTER_BATCH_SIZE": str(settings.NEWSLETTER_BATCH_SIZE),
    }
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--interval=0.05",
        "--no-startup-delay",
        "--verbosity=0",
    ]
    workers = [
        subprocess.Popen(command, env=environment, cwd=settings.BASE_DIR)  # noqa: S603 - our own manage.py
        for _ in range(count)
    ]
    try:
        while not Mailing.objects.filter(pk=mailing.pk, finished_at__isnull=False).exists():
            if any(worker.poll() is not None for worker in workers):
                raise CommandError("A worker stopped before the end of the mailing.")
            time.sleep(0.2)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait()
