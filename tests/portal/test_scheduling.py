"""The daily jobs run by themselves, from the worker: once a day, however many
workers there are, and a job that fails does not stop the others."""

import datetime
import logging
import threading

import pytest
from django.db import connection
from django.utils import timezone

from portal import scheduling
from portal.management.commands import run_worker
from portal.management.commands.run_worker import check_schedule
from portal.models import ScheduledRun

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NINE_TODAY = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)


@pytest.fixture
def only_jobs(monkeypatch):
    """Replace the registered daily jobs by the given ones, each at 03:00 (or `at`)."""

    def register(at=datetime.time(3), **jobs):
        monkeypatch.setattr(scheduling, "_jobs", {})
        for name, run in jobs.items():
            scheduling.register(name, run, at=at)

    return register


def test_two_workers_run_each_daily_job_once_on_the_same_day(only_jobs):
    calls = []
    only_jobs(reminders=lambda: calls.append("reminders"), cleanup=lambda: calls.append("cleanup"))
    start = threading.Barrier(2)

    def worker_scheduler():
        try:
            start.wait()
            scheduling.enqueue_due_jobs(now=NINE_TODAY)
        finally:
            connection.close()

    workers = [threading.Thread(target=worker_scheduler) for _worker in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    scheduling.enqueue_due_jobs(now=NINE_TODAY + datetime.timedelta(hours=5))

    assert sorted(calls) == ["cleanup", "reminders"]
    runs = ScheduledRun.objects.filter(day=NINE_TODAY.date())
    assert sorted(runs.values_list("job", "outcome")) == [
        ("cleanup", "succeeded"),
        ("reminders", "succeeded"),
    ]


def test_a_job_that_raised_is_recorded_with_its_error_and_the_others_still_run(only_jobs):
    def broken():
        raise RuntimeError("SMTP-server onbereikbaar")

    only_jobs(anonymise=broken, reminders=lambda: "3 reminder(s) sent.")
    scheduling.enqueue_due_jobs(now=NINE_TODAY)

    failed = ScheduledRun.objects.get(job="anonymise")
    assert failed.outcome == "failed" and failed.finished_at
    assert failed.result == "RuntimeError: SMTP-server onbereikbaar"
    succeeded = ScheduledRun.objects.get(job="reminders")
    assert (succeeded.outcome, succeeded.result) == ("succeeded", "3 reminder(s) sent.")


def test_a_job_waits_for_its_time(only_jobs):
    calls = []
    only_jobs(cleanup=lambda: calls.append(1))
    assert scheduling.enqueue_due_jobs(now=NINE_TODAY.replace(hour=2)) == []
    assert calls == [] and not ScheduledRun.objects.exists()


def test_a_day_missed_while_no_worker_ran_catches_up_as_soon_as_a_worker_starts(only_jobs):
    calls = []
    only_jobs(cleanup=lambda: calls.append(1), at=datetime.time(0))
    two_days_ago = timezone.localdate() - datetime.timedelta(days=2)
    ScheduledRun.objects.create(job="cleanup", day=two_days_ago, outcome="succeeded")

    stop = threading.Event()
    stop.set()  # the worker's scheduler thread makes its first check, then stops
    check_schedule(stop)
    assert calls == [1]
    assert ScheduledRun.objects.filter(day=timezone.localdate(), outcome="succeeded").exists()


def test_every_daily_job_of_the_portal_is_registered():
    assert {job.name for job in scheduling.jobs()} == {
        "send_event_reminders",
        "anonymise_attendees",
        "delete_unconfirmed_registrations",
        "delete_unconfirmed_subscribers",
        "prune_task_results",
        "clear_outbox",
        "prune_rate_limits",
        "prune_decided_reports",
    }


def test_finished_task_results_older_than_a_day_are_pruned_by_the_daily_job(database_worker):
    from django_tasks_db.models import DBTaskResult

    from portal.emails import deliver_email

    old, recent = deliver_email.enqueue(0), deliver_email.enqueue(0)
    database_worker()
    DBTaskResult.objects.filter(pk=old.id).update(
        finished_at=timezone.now() - datetime.timedelta(days=2)
    )
    prune = {job.name: job for job in scheduling.jobs()}["prune_task_results"]
    prune.run()
    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [recent.id]


def test_only_superusers_see_the_scheduled_jobs_in_the_admin_and_nobody_edits_them(
    client, editor, make_user
):
    ScheduledRun.objects.create(
        job="anonymise_attendees",
        day=timezone.localdate(),
        outcome="failed",
        result="RuntimeError: database weg",
    )
    client.force_login(editor)
    assert client.get("/admin/geplande-taken/").status_code == 302

    client.force_login(make_user(email="beheer@example.org", is_superuser=True, is_staff=True))
    listing = client.get("/admin/geplande-taken/")
    assert listing.status_code == 200
    assert "anonymise_attendees" in listing.text and "RuntimeError: database weg" in listing.text
    assert "Geplande taken" in client.get("/admin/").text
    assert client.get("/admin/geplande-taken/new/").status_code == 302


def test_the_worker_keeps_the_log_levels_of_the_settings():
    """Every task's start and end at INFO would bury make run's terminal."""
    tasks_logger = logging.getLogger("django.tasks")
    before = tasks_logger.level
    run_worker.Command().configure_logging(1)
    assert tasks_logger.level == before == logging.WARNING
