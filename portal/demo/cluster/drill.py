"""The checks of `make cluster`, in the order of the summary (a, the fill, is done
by scripts/cluster.sh). Each prints its figures as it goes and records PASS or FAIL;
a check that raises is a FAIL, and the drill goes on with the next one.
"""

import itertools
import json
import os
import shutil
import subprocess
import threading
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from communities.newsletter import sending
from communities.newsletter.models import DeliveryStatus, Mailing, NewsletterIssuePage
from events import registration
from events.models import Event, RegistrationStatus
from portal.models import User

from ..bench import blog as bench_blog
from ..bench.newsletter import copy_of_demo_issue
from ..bench.sending import _fill as fill_subscribers
from ..bench.sending import _finish_earlier_runs as finish_earlier_mailings
from . import haproxy
from .cluster import APP_SERVERS, Cluster
from .load import Visitor, latency, table, visitor_address
from .processes import CpuMeter, pids_named

ACCOUNT_EMAIL = "cluster-{}@example.org"
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
CPU_COLUMNS = ("app1", "app2", "haproxy", "postgres", "redis", "wrk")


@dataclass
class Check:
    letter: str
    name: str
    figures: str
    passed: bool


class Drill:
    """Runs every check against a `Cluster`; `say` prints a line, `options` are the
    command's (see portal/management/commands/cluster_drill.py)."""

    def __init__(self, cluster: Cluster, say, options: dict):
        self.cluster, self.say, self.options = cluster, say, options
        self.checks: list[Check] = []
        self.stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        self.began = timezone.now()

    def run(self) -> bool:
        """Start the cluster, run the checks, stop it; True when every check passed."""
        self.checks.append(Check("a", "fill the bench database", self.options["filled"], True))
        # What an interrupted run left queued is not this run's to send.
        finish_earlier_mailings()
        steps = [
            self.burst,
            self.limits_behind_the_proxy,
            self.newsletter,
            self.app_server_dies,
            self.worker_dies,
            self.throughput,
        ]
        self.say(f"Machine: {os.cpu_count()} cores, load average {_load()} before the drill.")
        try:
            self.cluster.start(self.say)
            self.cookies = self._accounts(self.options["registrations"])
            self._warm_up()
            for step in steps:
                if step.__doc__.strip()[0] in self.options["checks"]:
                    self._step(step)
        except Exception:  # the cluster did not come up: say why, then clean up
            self.say(traceback.format_exc())
            self.checks.append(Check("-", "start the cluster", "failed, see above", False))
        finally:
            self.cluster.stop()
        self.say(f"\nLoad average {_load()} at the end (other programs on this machine count).")
        free = self.cluster.ports_free()
        self.check(
            "-", "clean-up", f"every process stopped, ports {'free' if free else 'BUSY'}", free
        )
        self.say(
            "\nSummary\n\n"
            + table(
                ["", "check", "figures", "result"],
                [
                    [c.letter, c.name, c.figures, "PASS" if c.passed else "FAIL"]
                    for c in self.checks
                ],
            )
        )
        return all(check.passed for check in self.checks)

    def _step(self, step):
        title = step.__doc__.strip()
        self.say(f"\n{title}")
        try:
            self.cluster.processes.check_alive()
            step()
        except Exception:
            self.say(traceback.format_exc())
            self.check(title[0], step.__name__.replace("_", " "), "crashed, see above", False)

    def check(self, letter, name, figures, passed):
        self.say(f"  {'PASS' if passed else 'FAIL'}  {name}: {figures}")
        self.checks.append(Check(letter, name, figures, passed))

    # b --------------------------------------------------------------------------------

    def burst(self):
        """b. A burst of registrations for one event with few seats: logged-in
        professionals, each from an address of their own, all at once through HAProxy."""
        count, seats = self.options["registrations"], self.options["seats"]
        event = self._event("Clusterdrill", seats)
        path = event.get_absolute_url()
        counting = self.cluster.counting()

        def register(number):
            visitor = Visitor(self.cluster.port, visitor_address(1, number))
            headers = {
                "Cookie": self.cookies[number],
                "X-Request-ID": f"cluster-{self.stamp}-{number}",
                **SAME_ORIGIN,
            }
            result = visitor.request("POST", path, f"name=Deelnemer+{number}", headers)
            visitor.close()
            return result

        began = time.monotonic()
        with ThreadPoolExecutor(self.options["concurrency"]) as pool:
            results = list(pool.map(register, range(count)))
        seconds = time.monotonic() - began
        statuses = Counter(result.status for result in results)
        errors = sum(result.failed for result in results)
        spread = Counter(result.served_by for result in results)
        counts = registration.counts(event)
        positions = sorted(
            event.registrations.filter(status=RegistrationStatus.WAITING).values_list(
                "waiting_position", flat=True
            )
        )
        no_gaps = positions == list(range(1, len(positions) + 1))
        self.say(
            f"  {count} POSTs from {self.options['concurrency']} clients at a time in "
            f"{seconds:.1f} s ({count / seconds:.0f}/s); statuses {dict(statuses)}; "
            f"served by {dict(spread)}\n"
            f"  latency {latency(results)} (waiting in HAProxy's queue included)\n"
            f"  in the database: {counts.confirmed} confirmed, {counts.waiting} waiting "
            f"(positions 1..{len(positions)} without gaps: {no_gaps}), {counts.pending} pending"
        )
        self.check(
            "b",
            f"{count} registrations for {seats} seats",
            f"{counts.confirmed} confirmed, {counts.waiting} waiting, {errors} errors; "
            + latency(results).replace(", max", "; max"),
            counts.confirmed == seats
            and counts.waiting == count - seats
            and no_gaps
            and errors == 0
            and statuses == Counter({302: count})
            and all(spread[name] for name in APP_SERVERS),
        )
        # Each registration queued its confirmation e-mail; both workers work them off.
        self._drain_queue()
        wanted = {ACCOUNT_EMAIL.format(number) for number in range(count)}
        once = sum(1 for address in wanted if counting.received[address] == 1)
        workers = Counter(
            worker_id.split(".")[0]
            for ids in DBTaskResult.objects.filter(enqueued_at__gte=self.began).values_list(
                "worker_ids", flat=True
            )
            for worker_id in ids
        )
        self.check(
            "b",
            "one confirmation e-mail each, by both workers",
            f"{once} of {count} got exactly one; tasks per worker {dict(workers)}",
            once == count and len(workers) == 2,
        )
        self._request_id_in_logs(f"cluster-{self.stamp}-0")

    def _request_id_in_logs(self, request_id):
        """The id a request came in with (HAProxy keeps a client's own) is in the app
        server's JSON log line for it and in the worker's line for the task it queued."""

        def lines(name):
            log = self.cluster.folder / f"{name}.log"
            return sum(
                request_id in line and _is_json(line)
                for line in log.read_text(errors="replace").splitlines()
            )

        apps = sum(lines(name) for name in APP_SERVERS)
        workers = sum(lines(name) for name in self.cluster.worker_ids)
        self.check(
            "b",
            "X-Request-ID from HAProxy into the logs",
            f"{request_id}: {apps} JSON line(s) in the app servers' logs, {workers} in "
            "the workers'",
            apps >= 1 and workers >= 1,
        )

    def limits_behind_the_proxy(self):
        """b. Per-visitor limits behind the proxy: a guest who writes X-Forwarded-For
        themselves is still counted at the address HAProxy saw."""
        path = self._event("Clusterdrill grenzen", None).get_absolute_url()
        limit = registration.REGISTRATIONS_PER_CLIENT
        one = Visitor(self.cluster.port, visitor_address(2, 0))
        statuses = [
            one.request(
                "POST",
                path,
                f"name=Gast+{n}&email=gast-{self.stamp}-{n}%40example.org&organisation=Gemeente",
                {"X-Forwarded-For": f"198.51.100.{n + 1}", **SAME_ORIGIN},
            ).status
            for n in range(limit + 2)
        ]
        one.close()
        other = Visitor(self.cluster.port, visitor_address(2, 1))
        other_status = other.request(
            "POST",
            path,
            f"name=Ander&email=ander-{self.stamp}%40example.org&organisation=Gemeente",
            SAME_ORIGIN,
        ).status
        other.close()
        self.check(
            "b",
            "per-visitor limit behind HAProxy",
            f"{limit + 2} guest sign-ups from one address, each with another forged "
            f"X-Forwarded-For: {dict(Counter(statuses))}; then another address: {other_status}",
            statuses == [302] * limit + [429] * 2 and other_status == 302,
        )

    # c --------------------------------------------------------------------------------

    def newsletter(self):
        """c. A newsletter to every subscriber through the local SMTP server, with both
        workers and then with one (two mailings)."""
        fill_subscribers(self.options["subscribers"])
        finish_earlier_mailings()
        two = self._mailing("two workers")
        self.cluster.stop_worker("worker2")
        try:
            one = self._mailing("one worker")
        finally:
            self.cluster.start_worker("worker2")
        for name, outcome in (("two workers", two), ("one worker", one)):
            self.check(
                "c",
                f"newsletter, {name}",
                f"{outcome['recipients']} recipients, {outcome['received']} received, "
                f"{outcome['twice']} twice, {outcome['missed']} missed, "
                f"{outcome['failed']} failed; {outcome['rate']:.0f} mails/s",
                outcome["recipients"] == outcome["received"] == outcome["sent"]
                and outcome["twice"] == outcome["missed"] == outcome["failed"] == 0,
            )
        self.say(
            f"  two workers against one: {two['rate']:.0f} / {one['rate']:.0f} mails/s = "
            f"{two['rate'] / one['rate']:.2f}x (the SMTP server, the workers and PostgreSQL "
            f"share {os.cpu_count()} cores)"
        )

    def _mailing(self, label, kill_after=None):
        """Send a new issue to every subscriber and wait until it is finished. With
        `kill_after` (a fraction), worker1 gets SIGKILL once that much has arrived."""
        self._drain_queue()
        number = NewsletterIssuePage.objects.filter(slug__startswith="cluster-").count()
        issue = copy_of_demo_issue(f"Clusterdrill {number}", f"cluster-{self.stamp}-{number}")
        counting = self.cluster.counting()
        began = time.perf_counter()
        mailing = sending.start(issue, user=None)
        recipients = mailing.deliveries.count()
        killed = None
        deadline = time.monotonic() + self.options["mailing_timeout"]
        while not Mailing.objects.filter(pk=mailing.pk, finished_at__isnull=False).exists():
            self.cluster.processes.check_alive()
            if time.monotonic() > deadline:
                raise TimeoutError(f"The mailing ({label}) did not finish: {mailing.progress()}")
            arrived = sum(counting.received.values())
            if kill_after and killed is None and arrived >= kill_after * recipients:
                self.cluster.kill_worker("worker1")
                killed = (time.perf_counter(), sum(counting.received.values()))
                self.say(f"  SIGKILL to worker1 after {killed[1]} e-mails had arrived")
            time.sleep(0.05)
        seconds = time.perf_counter() - began
        progress = mailing.progress()
        sent = set(
            mailing.deliveries.filter(status=DeliveryStatus.SENT).values_list("email", flat=True)
        )
        outcome = {
            "recipients": recipients,
            "sent": progress["sent"],
            "failed": progress["failed"],
            "received": len(counting.received),
            "twice": sum(1 for n in counting.received.values() if n > 1),
            "missed": len(sent - set(counting.received)),
            "rate": counting.rate(),
            "mailing": mailing,
            "counting": counting,
        }
        self.say(
            f"  {label}: {recipients} recipients, {progress['sent']} sent, {progress['failed']} "
            f"failed; {outcome['received']} received by the SMTP server, {outcome['twice']} "
            f"twice, {outcome['missed']} sent but not received; {outcome['rate']:.0f} mails/s "
            f"at the server (first e-mail to last), {seconds:.1f} s from send to finished"
        )
        if killed:
            after = sum(counting.received.values()) - killed[1]
            outcome["rate_after_kill"] = after / max(counting.last - killed[0], 1e-9)
        return outcome

    def _drain_queue(self, timeout=180):
        """Wait until the workers have done every task queued so far (a dead worker's
        task stays RUNNING for ever: django-tasks-db cannot know it died)."""
        dead = Q()
        for worker_id in self.cluster.dead_worker_ids:
            dead |= Q(worker_ids__contains=[worker_id])
        waiting = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exclude(
            Q(status="RUNNING", enqueued_at__lt=self.began) | dead
        )
        deadline = time.monotonic() + timeout
        while waiting.exists():
            self.cluster.processes.check_alive()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{waiting.count()} tasks still waiting for a worker.")
            time.sleep(0.1)

    # d --------------------------------------------------------------------------------

    def app_server_dies(self):
        """d. One app server killed (SIGKILL to its master and workers) under load,
        then started again."""
        event = self._event("Clusterdrill storing", None)
        event_path = event.get_absolute_url()
        article = dict(bench_blog.pages())["article"]
        accounts = iter(range(len(self.cookies)))
        take = threading.Lock()
        results, stop = [], threading.Event()

        def visit(number):
            """A quarter each: a registration (POST, a new account each time), the
            home page and an article anonymously, the home page logged in."""
            visitor = Visitor(self.cluster.port, visitor_address(3, number))
            own_cookie = {"Cookie": self.cookies[-1 - number]}
            for turn in itertools.count():
                if stop.is_set():
                    break
                if turn % 4 == 0:
                    with take:
                        account = next(accounts, None)
                    if account is not None:
                        headers = {"Cookie": self.cookies[account], **SAME_ORIGIN}
                        body = f"name=Deelnemer+{account}"
                        results.append(visitor.request("POST", event_path, body, headers))
                else:
                    path = article if turn % 4 == 2 else "/"
                    headers = own_cookie if turn % 4 == 3 else None
                    results.append(visitor.request("GET", path, headers=headers))
                if results and results[-1].failed:
                    time.sleep(0.2)  # as a person would, rather than hammer on
            visitor.close()

        stats = self.cluster.stats
        retries_before = _retries(stats)
        log = self.cluster.folder / "haproxy.log"
        log_before = log.stat().st_size
        visitors = [
            threading.Thread(target=visit, args=(n,)) for n in range(self.options["visitors"])
        ]
        for thread in visitors:
            thread.start()
        try:
            time.sleep(3)
            self.cluster.processes.kill("app2")
            killed = time.monotonic()
            detected = stats.wait_for("app2", "DOWN", timeout=30)
            time.sleep(2)
            restarted = time.monotonic()
            self.cluster.start_app_server("app2")
            back = self.cluster.wait_until_up("app2")
            # Until app2 has answered a few requests again (its workers' first ones are
            # slow), for at most half a minute.
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and (
                sum(r.served_by == "app2" and r.started >= back for r in results) < 5
            ):
                time.sleep(0.2)
        finally:
            stop.set()
            for thread in visitors:
                thread.join()
        retries = {key: value - retries_before[key] for key, value in _retries(stats).items()}
        with log.open(errors="replace") as lines:
            lines.seek(log_before)
            reasons = haproxy.termination_states(lines.read())
        before = [r for r in results if r.started < detected]
        after = [r for r in results if r.started >= detected]
        failed_before = Counter((r.method, r.status or r.error) for r in before if r.failed)
        failed_after = Counter((r.method, r.status or r.error) for r in after if r.failed)
        served_again = sum(r.served_by == "app2" and r.started >= back for r in results)
        posts_done = sum(r.method == "POST" and r.status == 302 for r in results)
        stored = event.registrations.count()
        self.say(
            f"  {len(results)} requests from {self.options['visitors']} visitors; served by "
            f"{dict(Counter(r.served_by for r in results))}\n"
            f"  app2 killed; HAProxy had it DOWN {detected - killed:.2f} s later; started again "
            f"{restarted - killed:.1f} s after the kill, UP {back - restarted:.1f} s after that\n"
            f"  before the detection: {len(before)} requests, {failed_before.total()} failed "
            f"{dict(failed_before)}; HAProxy retried {retries['wretr']} request(s), "
            f"{retries['wredis']} on the other server; its log of the requests that did not "
            f"go straight (server, status, reason): {dict(reasons)}\n"
            f"  after the detection: {len(after)} requests, {failed_after.total()} failed "
            f"{dict(failed_after)}; app2 served {served_again} once back\n"
            f"  registrations: {posts_done} answered 302, {stored} in the database (a POST "
            "cut off by the kill may or may not have been stored; HAProxy does not repeat it)"
        )
        self.check(
            "d",
            "app server killed under load",
            f"{failed_before.total()} failed before detection ({detected - killed:.2f} s), "
            f"{failed_after.total()} after; back in {back - restarted:.1f} s, "
            f"then served {served_again}",
            not failed_after and served_again > 0 and stored >= posts_done,
        )

    # e --------------------------------------------------------------------------------

    def worker_dies(self):
        """e. One worker killed (SIGKILL) while a newsletter goes out: the other one
        finishes the mailing."""
        dead = self.cluster.worker_ids["worker1"]
        outcome = self._mailing("worker1 killed", kill_after=0.25)
        mailing, counting = outcome["mailing"], outcome["counting"]
        failed = list(
            mailing.deliveries.filter(status=DeliveryStatus.FAILED).values_list("email", "error")
        )
        interrupted = [email for email, error in failed if error == sending.INTERRUPTED]
        arrived = sum(1 for email in interrupted if counting.received[email])
        orphans = DBTaskResult.objects.filter(status="RUNNING", worker_ids__contains=[dead]).count()
        self.say(
            f"  worker2 alone after the kill: {outcome['rate_after_kill']:.0f} mails/s; "
            f'{len(interrupted)} marked failed, "maybe arrived" ({arrived} of them did); '
            f"{orphans} task(s) of the dead worker stay RUNNING in the task table"
        )
        self.check(
            "e",
            "worker killed mid-send",
            f"{outcome['sent']} sent + {outcome['failed']} failed (maybe arrived: {arrived}) "
            f"of {outcome['recipients']}, {outcome['twice']} twice, {outcome['missed']} missed",
            outcome["sent"] + outcome["failed"] == outcome["recipients"]
            and outcome["twice"] == outcome["missed"] == 0
            and len(failed) == len(interrupted) <= 1,
        )
        self.cluster.start_worker("worker1")

    # f --------------------------------------------------------------------------------

    def throughput(self):
        """f. Throughput through HAProxy (wrk) with two app servers and with one (app2
        taken out on HAProxy's stats socket), anonymous (the page cache answers) and
        logged in (every page rendered), with the CPU each process used."""
        article = dict(bench_blog.pages())["article"]
        rows, ratios = [], []
        for kind, cookie in (("anonymous", ""), ("logged in", self.cookies[0])):
            for page, path in (("home", "/"), ("article", article)):
                rates = {}
                for servers in (2, 1):
                    rate, p50, non2xx, cpu, meter = self._wrk(path, cookie, servers)
                    rates[servers] = rate
                    seconds = {label: sum(cpu[label]) for label in CPU_COLUMNS}
                    rows.append(
                        [f"{page}, {kind}", servers, f"{rate:.0f}", p50, non2xx]
                        + [f"{seconds[label]:.1f}" for label in CPU_COLUMNS]
                        + [f"{meter.busy - sum(seconds.values()):.1f}", f"{meter.cores:.2f}"]
                    )
                    apps = "; ".join(
                        f"{name} " + " + ".join(f"{s:.1f}" for s in cpu[name])
                        for name in APP_SERVERS
                    )
                    self.say(
                        f"  {page}, {kind}, {servers} app server(s): {rate:.0f} req/s, p50 {p50}, "
                        f"{non2xx} non-2xx; gunicorn processes' CPU s (master + workers): {apps}"
                    )
                ratios.append(f"{page}, {kind} {rates[2] / rates[1]:.2f}x")
        self.say(
            "\n"
            + table(
                ["page", "servers", "req/s", "p50", "non-2xx"]
                + [f"{label} CPU s" for label in CPU_COLUMNS]
                + ["other CPU s", "cores busy"],
                rows,
            )
        )
        self.say(
            f"  CPU s: over the {self.options['duration']} s of each wrk run; postgres is every "
            "PostgreSQL process on this machine and redis the Redis server, shared with whatever "
            "else runs here; other is the rest of the machine's busy time (other programs, and "
            "the kernel's work not charged to a process); cores busy is the whole machine's. "
            f"The machine has {os.cpu_count()} cores: both app servers' 4 "
            "gunicorn workers, HAProxy, wrk, PostgreSQL and Redis share them, so a second app "
            "server adds processes but no cores, and the ratio cannot show what a second "
            "machine would add."
        )
        self.check(
            "f",
            "throughput, two app servers / one",
            "; ".join(ratios),
            all(row[4] == "0" and float(row[2]) > 0 for row in rows),
        )

    def _wrk(self, path, cookie, servers):
        """wrk through HAProxy with `servers` app servers in: req/s, p50, non-2xx
        answers, CPU seconds per process by group, and the CpuMeter (the machine's
        busy time)."""
        stats = self.cluster.stats
        if servers == 1:
            stats.disable("app2")
            stats.wait_for("app2", "MAINT", timeout=10)
        try:
            headers = ["-H", "Accept-Encoding: gzip"] + (
                ["-H", f"Cookie: {cookie}"] if cookie else []
            )
            warm = Visitor(self.cluster.port, "127.0.0.1", cookie)
            warm.request("GET", path)  # the page cache's copy, and each worker's imports
            warm.close()
            meter = CpuMeter(self._cpu_groups)
            meter.start()
            wrk = subprocess.Popen(  # noqa: S603 - wrk from Debian's packages
                [
                    shutil.which("wrk") or "/usr/bin/wrk",
                    "-t2",
                    f"-c{self.options['connections']}",
                    f"-d{self.options['duration']}s",
                    "--latency",
                    *headers,
                    f"http://127.0.0.1:{self.cluster.port}{path}",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            output = wrk.stdout.read()
            _, status, usage = os.wait4(wrk.pid, 0)
            wrk.returncode = os.waitstatus_to_exitcode(status)
            cpu = meter.stop()
        finally:
            if servers == 1:
                stats.enable("app2")
                self.cluster.wait_until_up("app2", timeout=30)
        if wrk.returncode:
            raise RuntimeError(f"wrk failed:\n{output}")
        cpu["wrk"] = [usage.ru_utime + usage.ru_stime]
        words = {line.split()[0]: line.split() for line in output.splitlines() if line.split()}
        rate = float(words["Requests/sec:"][1])
        p50 = words["50%"][1]
        non2xx = words["Non-2xx"][-1] if "Non-2xx" in words else "0"
        return rate, p50, non2xx, cpu, meter

    def _cpu_groups(self):
        groups = {name: self.cluster.app_server_processes(name) for name in APP_SERVERS}
        groups["haproxy"] = [self.cluster.processes.pid("haproxy")]
        groups["postgres"] = pids_named("postgres")
        groups["redis"] = pids_named("redis-server")
        return groups

    # helpers ------------------------------------------------------------------------

    def _warm_up(self, rounds=8):
        """A few requests of each kind the checks send, so that every gunicorn worker
        has its first (slow) rendering of each page behind it."""
        visitor = Visitor(self.cluster.port, visitor_address(4, 0))
        article = dict(bench_blog.pages())["article"]
        for _ in range(rounds):
            for path, cookie in (("/", ""), (article, ""), ("/", self.cookies[0])):
                visitor.request("GET", path, headers={"Cookie": cookie} if cookie else None)
        visitor.close()

    def _event(self, title, capacity) -> Event:
        start = timezone.now() + timedelta(days=30)
        return Event.objects.create(
            title=f"{title} {self.stamp}",
            slug=f"{title.lower().replace(' ', '-')}-{self.stamp}",
            summary="Een bijeenkomst van de clusterdrill.",
            description="<p>Tekst.</p>",
            starts_at=start,
            ends_at=start + timedelta(hours=3),
            city="Utrecht",
            capacity=capacity,
            status="published",
        )

    def _accounts(self, count) -> list[str]:
        """`count` professionals, logged in: their session cookies, as the log-in page
        would set them. Made here, not through the log-in form, whose rate limits and
        password hashing are not what the drill is about."""
        existing = User.objects.filter(email__startswith="cluster-").count()
        User.objects.bulk_create(
            User(
                email=ACCOUNT_EMAIL.format(number),
                full_name=f"Deelnemer {number}",
                password=make_password(None),
            )
            for number in range(existing, count)
        )
        users = {user.email: user for user in User.objects.filter(email__startswith="cluster-")}
        store = import_module(settings.SESSION_ENGINE).SessionStore
        cookies = []
        for number in range(count):
            user = users[ACCOUNT_EMAIL.format(number)]
            session = store()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
        return cookies


def _load() -> str:
    """The machine's load average over 1, 5 and 15 minutes."""
    return " / ".join(Path("/proc/loadavg").read_text().split()[:3])


def _is_json(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _retries(stats) -> dict[str, int]:
    row = stats.servers()[haproxy.BACKEND]
    return {key: int(row[key] or 0) for key in ("wretr", "wredis")}
