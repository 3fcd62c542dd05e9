"""`manage.py bench_export [--rows 10000]`: time and peak memory of the attendee
export (CSV and XLSX) of one event with that many registrations.

Makes (once) an event with the rows in the current database; run it against the
benchmark database, as scripts/bench.sh does. The measurement is in
`portal.demo.bench.events`.
"""

from django.core.management.base import BaseCommand

from portal.demo.bench.events import measure_export


class Command(BaseCommand):
    help = "Measure the attendee export of a large event (time, peak memory)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows, **options):
        for line in measure_export(rows):
            self.stdout.write(line)
