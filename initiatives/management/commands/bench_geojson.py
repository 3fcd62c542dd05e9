"""`manage.py bench_geojson`: how long the map's GeoJSON takes and how big it is, raw
and gzipped, for (by default) 10,000 published initiatives.

Missing initiatives are added for the measurement and rolled back afterwards, so the
database is left as it was (unless --keep).
"""

import gzip
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from initiatives.bench import add_synthetic
from initiatives.models import Initiative


class Command(BaseCommand):
    help = "Measure the map's GeoJSON: time, queries and size (raw and gzip)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--keep", action="store_true", help="Keep the added initiatives.")

    def handle(self, *args, count, runs, keep, **options):
        with transaction.atomic():
            missing = count - Initiative.objects.published().count()
            if missing > 0:
                add_synthetic(missing)
            self.measure(runs)
            if not keep:
                transaction.set_rollback(True)

    def measure(self, runs):
        client = Client(SERVER_NAME="localhost")
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get("/kaart/initiatieven.geojson")
                body = b"".join(response.streaming_content)
            timings.append(time.perf_counter() - started)
        features = body.count(b'"type":"Feature"')
        timings.sort()
        self.stdout.write(f"features      {features}")
        self.stdout.write(f"queries       {len(queries)}")
        self.stdout.write(f"time median   {timings[len(timings) // 2] * 1000:.0f} ms")
        self.stdout.write(f"time best     {timings[0] * 1000:.0f} ms")
        self.stdout.write(f"size raw      {len(body) / 1024:.0f} KiB")
        self.stdout.write(f"size gzip     {len(gzip.compress(body)) / 1024:.0f} KiB")
