"""`manage.py bench_export` measures the attendee export of a large event."""

import io

import pytest
from django.core.management import call_command

from events.models import Event

pytestmark = pytest.mark.django_db


def test_bench_export_reports_time_and_peak_memory_for_both_formats():
    output = io.StringIO()
    call_command("bench_export", rows=120, stdout=output)
    lines = output.getvalue().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["export csv", "export xlsx"]
    assert all("120 rows" in line and "MiB" in line for line in lines)
    assert Event.objects.get(slug="bench-export").registrations.count() == 120
