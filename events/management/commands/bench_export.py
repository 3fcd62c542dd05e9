"""`manage.py bench_export [--rows 10000]`: time and peak memory of the attendee
export (CSV and XLSX) of one event with that many registrations.

Makes (once) an event with the rows in the current database; run it against the
benchmark database, as scripts/bench.sh does.
"""

import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.utils import timezone

from events import exports
from events.bench import fill_registrations
from events.models import Event

SLUG = "bench-export"


class Command(BaseCommand):
    help = "Measure the attendee export of a large event (time, peak memory)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows, **options):
        start = timezone.now() + timezone.timedelta(days=30)
        event, _ = Event.objects.get_or_create(
            slug=SLUG,
            defaults={
                "title": "Export-benchmark",
                "summary": "Een grote bijeenkomst.",
                "description": "<p>Tekst.</p>",
                "starts_at": start,
                "ends_at": start + timezone.timedelta(hours=3),
                "status": "draft",
            },
        )
        fill_registrations(event, rows)
        attendees = exports.AttendeeList(event, event.registrations.order_by("name", "pk"))
        for kind in ("csv", "xlsx"):
            began = time.perf_counter()
            size = _export(attendees, kind)
            seconds = time.perf_counter() - began
            # A second run under tracemalloc (which slows Python down) for the peak.
            tracemalloc.start()
            _export(attendees, kind)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            self.stdout.write(
                f"export {kind}\t{rows} rows\t{seconds:.2f} s\t"
                f"peak {peak / 1_048_576:.1f} MiB\t{size / 1024:.0f} KiB"
            )


def _export(attendees, kind) -> int:
    """Produce the whole download, as a client would receive it; its size in bytes."""
    if kind == "csv":
        return sum(len(chunk) for chunk in attendees.csv_response())
    with attendees.xlsx_file() as output:
        return len(output.read())
