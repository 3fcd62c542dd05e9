"""Task workers side by side, on one machine or several: two real `db_worker`
processes (production settings, so through the connection pool) share one queue in
PostgreSQL; every task runs exactly once, and a daily job that two workers' schedulers
claim at the same moment is queued and run once."""

import datetime
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal import scheduling
from portal.models import ScheduledRun
from tests.conftest import subprocess_database_url
from tests.portal.test_settings import REAL_KEY
from tests.portal.worker_tasks import take_a_turn

ROOT = Path(__file__).resolve().parents[2]
TASKS = 30

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_queue(settings):
    """This process queues tasks in the database, as the app servers do."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(scope="module")
def started_workers(django_db_setup, tmp_path_factory):
    """Two worker processes polling the queue, for the tests of this module (starting
    them is most of their time); waits until both have started."""
    tmp_path = tmp_path_factory.mktemp("workers")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=REAL_KEY,
        DATABASE_URL=subprocess_database_url(),
    )
    logs = [tmp_path / f"worker-{number}.log" for number in (1, 2)]
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1"]
            + ["--no-startup-delay", "--worker-id", f"worker-{number}"],
            cwd=ROOT,
            env=environment,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        for number, log in zip((1, 2), logs, strict=True)
    ]
    try:
        wait_until(lambda: all("Starting worker" in log.read_text() for log in logs), workers)
        yield workers
    finally:
        for worker in workers:
            worker.terminate()  # idle: stops at once; busy: after the task
        for worker in workers:
            worker.wait(timeout=30)


@pytest.fixture
def two_workers(started_workers, database_queue):
    return started_workers


def wait_until(condition, workers, within=90):
    deadline = time.monotonic() + within
    while not condition():
        for worker in workers:
            assert worker.poll() is None, f"a worker stopped with {worker.returncode}"
        assert time.monotonic() < deadline, "the workers did not finish in time"
        time.sleep(0.1)


def test_two_worker_processes_share_the_queue_and_run_each_task_once(two_workers, tmp_path):
    runs_file = tmp_path / "runs.txt"
    runs_file.touch()
    results = [take_a_turn.enqueue(number, str(runs_file)) for number in range(TASKS)]
    done = DBTaskResult.objects.filter(status="SUCCESSFUL")
    wait_until(lambda: done.count() == TASKS, two_workers)

    runs = [line.split() for line in runs_file.read_text().splitlines()]
    assert sorted(int(number) for number, _pid in runs) == list(range(TASKS))
    by_process = {pid for _number, pid in runs}
    assert by_process == {str(worker.pid) for worker in two_workers}, "both took a share"
    rows = DBTaskResult.objects.filter(pk__in=[result.id for result in results])
    assert all(len(row.worker_ids) == 1 for row in rows)
    assert {row.worker_ids[0] for row in rows} == {"worker-1", "worker-2"}


def test_a_daily_job_claimed_by_two_schedulers_at_once_is_queued_and_run_once(
    two_workers, monkeypatch
):
    """Each worker's scheduler asks at the same moment; the unique (job, day) row lets
    one of them queue the job, and one of the two workers runs it."""
    job = {job.name: job for job in scheduling.jobs()}["prune_rate_limits"]
    monkeypatch.setattr(scheduling, "_jobs", {job.name: job})
    nine_today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    start = threading.Barrier(2)
    queued = []

    def scheduler():
        try:
            start.wait()
            queued.append(scheduling.enqueue_due_jobs(now=nine_today))
        finally:
            connection.close()

    schedulers = [threading.Thread(target=scheduler) for _worker in range(2)]
    for thread in schedulers:
        thread.start()
    for thread in schedulers:
        thread.join()

    assert sorted(queued) == [[], ["prune_rate_limits"]]
    run = ScheduledRun.objects.get()
    wait_until(lambda: ScheduledRun.objects.get().finished_at is not None, two_workers)
    run.refresh_from_db()
    assert (run.job, run.day, run.outcome) == ("prune_rate_limits", nine_today.date(), "succeeded")
    [task] = DBTaskResult.objects.filter(task_path="portal.scheduling.run_scheduled_job")
    assert task.status == "SUCCESSFUL" and len(task.worker_ids) == 1
    # Later the same day, neither scheduler queues it again.
    assert scheduling.enqueue_due_jobs(now=nine_today + datetime.timedelta(hours=5)) == []
