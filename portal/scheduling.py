"""Daily jobs, run by the task worker itself (no cron).

Apps register their daily jobs here in their AppConfig.ready(). `manage.py run_worker`
asks `enqueue_due_jobs` every minute which jobs are due and queues each as a task.

Each job runs at most once per (local) day, however many workers are running: a run
starts by inserting its `ScheduledRun` row, and the database's unique (job, day)
constraint lets only one insert succeed. A job whose time has passed and that has not
run today is due, so a job missed because no worker ran catches up when one starts.
The jobs themselves do "everything that is due by now", so one run after a missed day
does the work of both.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DailyJob:
    name: str
    run: Callable[[], object]
    at: datetime.time


_jobs: dict[str, DailyJob] = {}


def register(name: str, run: Callable[[], object], at: datetime.time = datetime.time(3)) -> None:
    """Run `run()` once a day, from `at` (local time) on. What it returns is kept
    (as text) on the run, for the admin."""
    _jobs[name] = DailyJob(name, run, at)


def command(name: str, **options) -> Callable[[], str]:
    """A job that runs a management command and returns what it printed."""

    def run():
        output = StringIO()
        call_command(name, stdout=output, **options)
        return output.getvalue().strip()

    return run


def jobs() -> list[DailyJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def enqueue_due_jobs(now=None) -> list[str]:
    """Claim and queue every job that is due and has not run today; return their names."""
    from .models import ScheduledRun

    now = timezone.localtime(now)
    already = set(ScheduledRun.objects.filter(day=now.date()).values_list("job", flat=True))
    queued = []
    for job in jobs():
        if job.name in already or now.time() < job.at:
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, day=now.date(), started_at=now)
                # In the same transaction: a claim without its task cannot be left behind.
                run_scheduled_job.enqueue(run.pk)
        except IntegrityError:
            continue  # another worker claimed it first
        queued.append(job.name)
    return queued


@task()
def run_scheduled_job(run_id: int) -> None:
    """Run one job that a worker's scheduler claimed and record how it went. An
    error is recorded on the run (and logged), not raised: the other jobs go on, and
    the task table keeps no traceback."""
    from .models import ScheduledRun

    run = ScheduledRun.objects.get(pk=run_id)
    job = _jobs.get(run.job)
    try:
        if job is None:
            raise LookupError(f"No daily job is registered as {run.job!r}.")
        result = job.run()
    except Exception as error:
        logger.exception("Daily job %s failed", run.job)
        run.outcome = ScheduledRun.Outcome.FAILED
        run.result = f"{type(error).__name__}: {error}"[:2000]
    else:
        run.outcome = ScheduledRun.Outcome.SUCCEEDED
        run.result = "" if result is None else str(result)[:2000]
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "result", "finished_at"])
