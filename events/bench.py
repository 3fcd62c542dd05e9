"""Benchmark data and pages of the agenda (see `manage.py bench`), and the attendee
export measured by `manage.py bench_export`."""

import datetime

from django.utils import timezone

from .models import Event, Registration

BENCH_SLUG = "bench-bijeenkomst"


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
