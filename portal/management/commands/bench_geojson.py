"""`manage.py bench_geojson`: how long the map's GeoJSON takes and how big it is, raw
and gzipped, for (by default) 10,000 published initiatives.

Missing initiatives are added for the measurement and rolled back afterwards, so the
database is left as it was (unless --keep). The measurement is in
`portal.demo.bench.initiatives`.
"""

from django.core.management.base import BaseCommand

from portal.demo.bench.initiatives import measure_geojson


class Command(BaseCommand):
    help = "Measure the map's GeoJSON: time, queries and size (raw and gzip)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--keep", action="store_true", help="Keep the added initiatives.")

    def handle(self, *args, count, runs, keep, **options):
        for line in measure_geojson(count, runs, keep):
            self.stdout.write(line)
