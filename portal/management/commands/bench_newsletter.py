"""`manage.py bench_newsletter [--subscribers 20000]`: send one issue to that many
subscribers through a local SMTP server and report mails per second, as a fraction
of the SMTP server's own rate measured just before and just after, and the worker's
peak memory.

Runs against the benchmark database (scripts/bench.sh). The measurement is in
`portal.demo.bench.sending`.
"""

from django.core.management.base import BaseCommand

from portal.demo.bench.sending import measure_sending


class Command(BaseCommand):
    help = "Measure sending a newsletter issue to many subscribers (mails/s, peak memory)."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=20_000)
        parser.add_argument(
            "--workers", type=int, default=2, help="Worker processes sending side by side."
        )
        parser.add_argument(
            "--smtp-only",
            type=int,
            default=5_000,
            help="E-mails for measuring the SMTP server alone (plain clients, one per worker).",
        )

    def handle(self, *args, subscribers, workers, smtp_only, **options):
        self.stdout.write(measure_sending(subscribers, workers, smtp_only))
