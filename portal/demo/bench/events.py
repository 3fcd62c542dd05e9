"""Benchmark data and pages of the agenda (see `manage.py bench`), and the
measurement of the attendee export (`manage.py bench_export`)."""

import datetime
import time
import tracemalloc

from django.utils import timezone

from events import exports
from events.models import Event, Registration

BENCH_SLUG = "bench-bijeenkomst"
EXPORT_SLUG = "bench-export"


def fill(scale: int) -> None:
    """`scale` times the demo's events, each with a few dozen registrations."""
    template = Event.objects.order_by("pk").first()
    start = timezone.now() + datetime.timedelta(days=3)
    existing = Event.objects.filter(title__startswith="Benchmarkbijeenkomst").count()
    for number in range(existing, 20 * scale):
        event = Event.objects.create(
            title=f"Benchmarkbijeenkomst {number}",
            slug=BENCH_SLUG if number == 0 else f"bench-{number}",
            summary=template.summary if template else "Een bijeenkomst.",
            description=template.description if template else "<p>Tekst.</p>",
            starts_at=start + datetime.timedelta(days=number % 300),
            ends_at=start + datetime.timedelta(days=number % 300, hours=3),
            city="Utrecht",
            capacity=40,
            status="published",
        )
        fill_registrations(event, 50)


def fill_registrations(event, count) -> None:
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                name=f"Deelnemer {number}",
                email=f"bench-{event.pk}-{number}@example.org",
                organisation="Gemeente Utrecht",
                status="confirmed" if number < (event.capacity or count) else "waiting",
                waiting_position=None
                if number < (event.capacity or count)
                else number - event.capacity + 1,
                created_at=now,
            )
            for number in range(event.registrations.count(), count)
        ],
        batch_size=2000,
    )


def pages() -> list[tuple[str, str]]:
    return [
        ("agenda", "/agenda/"),
        ("agenda filtered", "/agenda/?soort=bijeenkomst&plaats=Utrecht"),
        ("event page", f"/agenda/{BENCH_SLUG}/"),
        ("agenda feed", "/agenda/agenda.ics"),
    ]


def measure_export(rows: int):
    """Time and peak memory of the attendee export (CSV and XLSX) of one event with
    `rows` registrations, one line per format. Makes the event (once) in the current
    database; run it against the benchmark database, as scripts/bench.sh does."""
    start = timezone.now() + timezone.timedelta(days=30)
    event, _ = Event.objects.get_or_create(
        slug=EXPORT_SLUG,
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
        yield (
            f"export {kind}\t{rows} rows\t{seconds:.2f} s\t"
            f"peak {peak / 1_048_576:.1f} MiB\t{size / 1024:.0f} KiB"
        )


def _export(attendees, kind) -> int:
    """Produce the whole download, as a client would receive it; its size in bytes."""
    if kind == "csv":
        return sum(len(chunk) for chunk in attendees.csv_response())
    with attendees.xlsx_file() as output:
        return len(output.read())
