"""Sending one newsletter issue to many subscribers (`manage.py bench_newsletter`):
mails per second and the worker's peak memory.

Runs against the benchmark database (scripts/bench.sh): it adds the subscribers
once, starts an SMTP server in this process that counts what arrives, sends a new
issue and lets real task workers (`manage.py db_worker --batch`) deliver it.
"""

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

from communities.newsletter import consent, sending
from communities.newsletter.models import (
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)

from .newsletter import copy_of_demo_issue


class CountingServer:
    """An SMTP server that only counts the recipients of what it receives."""

    def __init__(self):
        self.received = Counter()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook
        self.received.update(envelope.rcpt_tos)
        return "250 OK"


def measure_sending(subscribers: int, workers: int) -> str:
    """Send a new issue to `subscribers` confirmed subscribers with `workers` worker
    processes; the report to print."""
    _fill(subscribers)
    number = NewsletterIssuePage.objects.filter(slug__startswith="bench-").count()
    issue = copy_of_demo_issue(f"Benchmark-nieuwsbrief {number}", f"bench-{number}")
    recipients = issue.recipients().count()

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command log
    server = CountingServer()
    controller = Controller(server, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        began = time.perf_counter()
        mailing = sending.start(issue, user=None)
        queued = time.perf_counter() - began
        returncodes = _run_workers(controller.port, workers)
        seconds = time.perf_counter() - began
    finally:
        controller.stop()
    mailing.refresh_from_db()
    progress = mailing.progress()
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if any(returncodes) or mailing.finished_at is None:
        raise CommandError(f"The worker stopped before the end: {progress}")
    twice = sum(1 for count in server.received.values() if count > 1)
    return (
        f"{recipients} recipients: {progress['sent']} sent, {progress['failed']} failed, "
        f"{len(server.received)} received by the SMTP server, {twice} twice\n"
        f"queueing {queued:.1f} s, sending {seconds:.1f} s in total: "
        f"{progress['sent'] / seconds:.0f} mails per second with {workers} worker(s)\n"
        f"peak memory of one worker: {peak_kib / 1024:.0f} MiB"
    )


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


def _run_workers(smtp_port, count):
    """Real worker processes, like production's, that exit once the queue is empty."""
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
        "--batch",
        "--no-startup-delay",
        "--verbosity=0",
    ]
    workers = [
        subprocess.Popen(command, env=environment, cwd=settings.BASE_DIR)  # noqa: S603 - our own manage.py
        for _ in range(count)
    ]
    return [worker.wait() for worker in workers]
