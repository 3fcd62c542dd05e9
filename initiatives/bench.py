"""Benchmark data and pages of the map (see `manage.py bench` and `bench_geojson`).

At the default scale of 10 there are 10,000 published initiatives: the size the map
must stay usable at.
"""

from itertools import cycle

from django.utils import timezone

from portal.models import Theme
from portal.taxonomy import Sector

from .models import Initiative, Municipality

PER_SCALE = 1000


def add_synthetic(count: int) -> None:
    """Add `count` published initiatives, spread over every municipality, in bulk."""
    municipalities = cycle(Municipality.objects.order_by("pk"))
    sectors = cycle(Sector.values)
    themes = list(Theme.objects.order_by("pk"))
    start = Initiative.objects.count()
    now = timezone.now()
    batch = []
    for number in range(start, start + count):
        municipality = next(municipalities)
        batch.append(
            Initiative(
                title=f"Proef met open data {number} in {municipality.name}",
                slug=f"bench-{number}",
                summary="Een proefinitiatief om de kaart met veel punten te meten.",
                description="Dit initiatief is gemaakt voor de meting van de kaart.",
                organisation_name=f"Gemeente {municipality.name}",
                organisation_type=next(sectors),
                municipality=municipality,
                province=municipality.province,
                latitude=municipality.latitude,
                longitude=municipality.longitude,
                status=Initiative.Status.PUBLISHED,
                published_at=now,
            )
        )
    created = Initiative.objects.bulk_create(batch, batch_size=1000)
    if themes:
        through = Initiative.themes.through
        through.objects.bulk_create(
            [
                through(initiative_id=initiative.pk, theme_id=themes[position % len(themes)].pk)
                for position, initiative in enumerate(created)
            ],
            batch_size=2000,
        )


def fill(scale: int) -> None:
    wanted = PER_SCALE * scale
    existing = Initiative.objects.published().count()
    if existing < wanted:
        add_synthetic(wanted - existing)


def pages() -> list[tuple[str, str]]:
    first = Initiative.objects.published().order_by("pk").first()
    return [
        ("map", "/kaart/"),
        ("map, filtered", "/kaart/?thema=open-data&provincie=gelderland"),
        ("initiative", first.get_absolute_url() if first else "/kaart/"),
        ("geojson", "/kaart/initiatieven.geojson"),
        ("submit initiative", "/kaart/aanmelden/"),
    ]
