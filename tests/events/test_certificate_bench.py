"""Certificates for 500 attendees are made by a real task worker (`manage.py db_worker`,
in its own process, as in production) within bounded memory: the worker's peak memory
for 500 attendees is that for 50 plus little, since it reads the attendees in chunks
and holds one PDF at a time. The figures are printed (pytest -s) for the closing note."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from events import tasks
from events.models import Certificate, Registration, RegistrationStatus
from portal.models import User
from tests.conftest import subprocess_database_url
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(django_settings.BASE_DIR)
# What 450 attendees more may add to the worker's peak memory (MiB). Holding every
# PDF (about 20 KiB each) or every attendee at once would go far past it.
ALLOWED_GROWTH_MIB = 8


def event_with_attendees(count, prefix):
    event = EventFactory(title=f"Grote bijeenkomst {prefix}")
    users = User.objects.bulk_create(
        User(email=f"{prefix}-{number}@example.org", full_name=f"Deelnemer {prefix} {number}")
        for number in range(count)
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            name=user.full_name,
            email=user.email,
            status=RegistrationStatus.ATTENDED,
        )
        for user in users
    )
    return event


def work_off_queue(media):
    """One worker process until the queue is empty: its wall time and peak RSS (MiB)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": subprocess_database_url(),
        "MEDIA_ROOT": str(media),
        "LOG_LEVEL": "WARNING",
    }
    began = time.perf_counter()
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0"]
        + ["--no-startup-delay"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(worker.pid, 0)
    seconds = time.perf_counter() - began
    assert status == 0, worker.stderr.read().decode()
    return seconds, usage.ru_maxrss / 1024


def test_500_certificates_are_made_by_the_worker_in_bounded_memory(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    figures = {}
    for count in (50, 500):
        event = event_with_attendees(count, f"bench{count}")
        result = tasks.issue_certificates.enqueue(event.pk)
        wall, peak = work_off_queue(tmp_path)
        result.refresh()
        assert result.return_value == count
        task_seconds = (result.finished_at - result.started_at).total_seconds()
        figures[count] = (task_seconds, wall, peak)
        assert Certificate.objects.filter(event=event).count() == count

    assert len(list(tmp_path.rglob("*.pdf"))) == 550
    growth = figures[500][2] - figures[50][2]
    for count, (task_seconds, wall, peak) in figures.items():
        print(
            f"\ncertificates for {count} attendees: task {task_seconds:.1f} s "
            f"({count / task_seconds:.0f} per second), worker process {wall:.1f} s, "
            f"peak RSS {peak:.0f} MiB"
        )
    assert growth < ALLOWED_GROWTH_MIB, figures
