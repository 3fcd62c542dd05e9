"""Sending one newsletter issue to many subscribers (`manage.py bench_newsletter`):
mails per second, as a fraction of what the SMTP server takes when nothing else
is done, and the worker's peak memory.

Runs against the benchmark database (scripts/bench.sh): it adds the subscribers
once and starts an SMTP server in this process that counts what arrives. Plain
SMTP clients, as many as there will be workers, send it one of the issue's e-mails
over and over: the server's own rate. A new issue goes out through real task
workers (`manage.py db_worker`), started and settled before the issue is queued.
The server's own rate is taken just before the mailing and again just after it, and
the mailing is compared with the average of the two: the speed of a shared virtual
machine drifts by a quarter and more within a minute, and one reading before would
compare the mailing with a moment that may have been faster or slower than its own.
All rates are taken at the server, from the first e-mail's arrival to the last; the
total time is printed as well, and the CPU that the SMTP server, the clients or
workers and PostgreSQL used per e-mail.
"""

import contextlib
import email.policy
import logging
import os
import resource
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

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

    def count(self) -> int:
        return sum(self.received.values())

    def rate(self) -> float:
        """E-mails per second from the first arrival to the last."""
        count = self.count()
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
    """Measure the SMTP server alone with `smtp_only` e-mails, send a new issue to
    `subscribers` confirmed subscribers with `workers` worker processes, and measure
    the server alone again; the report to print."""
    _fill(subscribers)
    _finish_earlier_runs()
    number = NewsletterIssuePage.objects.filter(slug__startswith="bench-").count()
    issue = copy_of_demo_issue(f"Benchmark-nieuwsbrief {number}", f"bench-{number}")
    recipients = issue.recipients().count()

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command log
    before, server, after = CountingServer(), CountingServer(), CountingServer()
    controller = Controller(before, hostname="127.0.0.1", port=_free_port())
    controller.start()
    sample = _sample_email(issue)
    try:
        cpu_before = _run_smtp_clients(controller.port, workers, smtp_only, sample)
        controller.handler = server
        with _running_workers(controller.port, workers) as processes:
            pids = [process.pid for process in processes]
            began = time.perf_counter()
            mailing = sending.start(issue, user=None)
            queued = time.perf_counter() - began
            start_cpu = CPU.now(pids)
            _wait_until_finished(mailing, processes)
            cpu = CPU.now(pids) - start_cpu
            seconds = time.perf_counter() - began
        controller.handler = after
        cpu_after = _run_smtp_clients(controller.port, workers, smtp_only, sample)
    finally:
        controller.stop()
    progress = mailing.progress()
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    twice = sum(1 for count in server.received.values() if count > 1)
    alone = (before.rate() + after.rate()) / 2
    return (
        f"SMTP server alone, {workers} connection(s): {before.rate():.0f} mails per second "
        f"before the mailing, {after.rate():.0f} after it ({smtp_only} e-mails each): "
        f"{alone:.0f} on average\n"
        f"  CPU per e-mail before: {cpu_before.per_mail(before.count(), 'SMTP clients')}\n"
        f"  CPU per e-mail after: {cpu_after.per_mail(after.count(), 'SMTP clients')}\n"
        f"{recipients} recipients: {progress['sent']} sent, {progress['failed']} failed, "
        f"{len(server.received)} received by the SMTP server, {twice} twice\n"
        f"queueing {queued:.1f} s, then {seconds - queued:.1f} s until the mailing was "
        f"finished: {progress['sent'] / seconds:.0f} mails per second in all\n"
        f"newsletter: {server.rate():.0f} mails per second with {workers} worker(s), "
        f"{server.rate() / alone:.0%} of the SMTP server alone\n"
        f"  CPU per e-mail: {cpu.per_mail(progress['sent'], 'workers')}\n"
        f"peak memory of one worker: {peak_kib / 1024:.0f} MiB"
    )


class CPU(NamedTuple):
    """CPU seconds used by this process (the SMTP server), by the given processes
    (the SMTP clients or the workers) and by the local PostgreSQL server's processes,
    if it runs here. On a 2-core machine they share the cores, so the SMTP server's
    rate depends on what the others leave it; these figures show how much that is."""

    server: float
    others: float
    database: float

    @classmethod
    def now(cls, pids=()):
        own = resource.getrusage(resource.RUSAGE_SELF)
        return cls(
            own.ru_utime + own.ru_stime,
            sum(_process_cpu(pid) for pid in pids),
            _postgres_cpu(),
        )

    def __sub__(self, other):
        return CPU(*(mine - theirs for mine, theirs in zip(self, other, strict=True)))

    def per_mail(self, count, others) -> str:
        names = ("SMTP server", others, "PostgreSQL")
        return ", ".join(
            f"{name} {seconds / max(count, 1) * 1e6:.0f} µs"
            for name, seconds in zip(names, self, strict=True)
        )


def _process_cpu(pid, children=False) -> float:
    """Seconds of CPU a process has used so far (user + system), 0 once it is gone.
    A process that has ended but not been waited for still shows its total. With
    `children`, also what its ended children used."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    ticks = sum(int(field) for field in fields[11 : 15 if children else 13])
    return ticks / os.sysconf("SC_CLK_TCK")


def _postgres_cpu() -> float:
    """CPU seconds of a PostgreSQL server on this machine, if there is one here: its
    processes' own, plus what its ended processes used (a connection's backend ends
    with the connection, and its parent then holds its figures)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().startswith(f"{stat.parent.name} (postgres)"):
                total += _process_cpu(stat.parent.name, children=True)
        except OSError:
            continue  # it ended meanwhile
    return total


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


def _run_smtp_clients(port, count, emails, message) -> "CPU":
    """Run the plain clients until they are done; the CPU used meanwhile."""
    before = CPU.now()
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
    pids = [client.pid for client in clients]
    # Not waited for yet: an ended process keeps its CPU figures in /proc until then.
    while any(Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z" for pid in pids):
        time.sleep(0.05)
    cpu = CPU.now(pids) - before
    if any(client.wait() for client in clients):
        raise CommandError("An SMTP client failed.")
    return cpu


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


@contextlib.contextmanager
def _running_workers(smtp_port, count):
    """Real worker processes, as in production, started and settled before the
    mailing is queued. Production's workers run all the time; one that is still
    importing the portal (several seconds of CPU) while the other already sends would
    make the rate that of one worker and starve the SMTP server.

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
        _wait_until_idle(workers)
        yield workers
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait()


def _wait_until_idle(workers, timeout=180):
    """Until every worker only polls the empty queue: less than a tenth of a core each."""
    deadline = time.monotonic() + timeout
    used = [_process_cpu(worker.pid) for worker in workers]
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if any(worker.poll() is not None for worker in workers):
            raise CommandError("A worker stopped while starting.")
        now = [_process_cpu(worker.pid) for worker in workers]
        if all(after - before < 0.05 for before, after in zip(used, now, strict=True)):
            return
        used = now
    raise CommandError(f"The workers did not settle within {timeout} s.")


def _wait_until_finished(mailing, workers):
    while not Mailing.objects.filter(pk=mailing.pk, finished_at__isnull=False).exists():
        if any(worker.poll() is not None for worker in workers):
            raise CommandError("A worker stopped before the end of the mailing.")
        time.sleep(0.2)
