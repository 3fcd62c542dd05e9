"""`manage.py bench fill|pages|queries`: the in-process half of `make bench`.

`fill` loads the demo content and multiplies it (`--scale`, 10 by default) through
`portal.demo.bench`; `pages` prints the paths to measure; `queries` prints the
number of database queries each page takes. scripts/bench.sh does the rest: it
serves the portal with gunicorn and loads it with wrk.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.demo import bench


class Command(BaseCommand):
    help = "Fill the benchmark database, list its pages, or count their queries."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["fill", "pages", "queries"])
        parser.add_argument("--scale", type=int, default=10)

    def handle(self, *args, action, scale, **options):
        if action == "fill":
            call_command("load_demo", allow_production=True, stdout=self.stdout)
            for module in bench.MODULES:
                module.fill(scale)
                self.stdout.write(f"filled {module.__name__} at {scale}x")
        elif action == "pages":
            for name, path in bench.bench_pages():
                self.stdout.write(f"{name}\t{path}")
        else:
            client = Client(headers={"x-forwarded-proto": "https"})
            for name, path in bench.bench_pages():
                client.get(path)  # warm caches, as a served page would be
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                self.stdout.write(f"{name}\t{path}\t{response.status_code}\t{len(queries)}")
