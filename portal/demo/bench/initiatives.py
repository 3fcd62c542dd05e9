"""Benchmark data and pages of the map (see `manage.py bench`), and the measurement
of its GeoJSON (`manage.py bench_geojson`).

At the default scale of 10 there are 10,000 published initiatives: the size the map
must stay usable at.
"""

import gzip
import time
from itertools import cycle

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from initiatives.models import Initiative, Municipality
from portal.models import Theme
from portal.taxonomy import Sector

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


def measure_geojson(count: int, runs: int, keep: bool):
    """How long the map's GeoJSON takes and how big it is, raw and gzipped, for `count`
    published initiatives, as lines to print. Missing initiatives are added for the
    measurement and rolled back afterwards, unless `keep`."""
    with transaction.atomic():
        missing = count - Initiative.objects.published().count()
        if missing > 0:
            add_synthetic(missing)
        lines = _measure(runs)
        if not keep:
            transaction.set_rollback(True)
    return lines


def _measure(runs):
    """The first request builds the GeoJSON; the others get it as bytes from the cache
    (portal/cached_bytes.py), gzipped as a browser asks for it."""
    client = Client(SERVER_NAME="localhost")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/kaart/initiatieven.geojson", headers={"Accept-Encoding": "gzip"}
            )
        timings.append(time.perf_counter() - started)
    body = gzip.decompress(response.content)
    features = body.count(b'"type":"Feature"')
    built, cached = timings[0], sorted(timings[1:]) or timings
    return [
        f"features      {features}",
        f"queries       {len(queries)} (cached)",
        f"time built    {built * 1000:.0f} ms",
        f"time cached   {cached[len(cached) // 2] * 1000:.1f} ms (median)",
        f"size raw      {len(body) / 1024:.0f} KiB",
        f"size gzip     {len(response.content) / 1024:.0f} KiB (on the wire)",
    ]
