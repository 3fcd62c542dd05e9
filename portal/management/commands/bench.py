"""`manage.py bench fill|pages|queries|static|login`: the in-process half of `make bench`.

`fill` loads the demo content and multiplies it (`--scale`, 10 by default) through
`portal.demo.bench`; `pages` prints the paths to measure, marking the main pages that
are also measured logged in; `queries` prints the number of database queries each
page takes, anonymously and (main pages) for the demo professional; `static` prints
the address of the static file the pages are compared with; `login` logs the demo
professional in and prints the session cookie (name=value). scripts/bench.sh does the
rest: it serves the portal with gunicorn and loads it with wrk.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.templatetags.static import static
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.demo import bench
from portal.models import User


class Command(BaseCommand):
    help = "Fill the benchmark database, list its pages, count their queries, or log in."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["fill", "pages", "queries", "static", "login"])
        parser.add_argument("--scale", type=int, default=10)

    def handle(self, *args, action, scale, **options):
        if action == "fill":
            call_command("load_demo", allow_production=True, stdout=self.stdout)
            for module in bench.MODULES:
                module.fill(scale)
                self.stdout.write(f"filled {module.__name__} at {scale}x")
        elif action == "pages":
            for name, path in bench.bench_pages():
                self.stdout.write(f"{name}\t{path}\t{'main' if name in bench.MAIN_PAGES else '-'}")
        elif action == "static":
            self.stdout.write(static(bench.STATIC_FILE))
        elif action == "login":
            client = _professional()
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            self.stdout.write(f"{cookie.key}={cookie.value}")
        else:
            anonymous = Client(headers={"x-forwarded-proto": "https"})
            professional = _professional()
            for name, path in bench.bench_pages():
                status, queries = _count_queries(anonymous, path)
                main = name in bench.MAIN_PAGES
                logged_in = _count_queries(professional, path)[1] if main else "-"
                self.stdout.write(f"{name}\t{path}\t{status}\t{queries}\t{logged_in}")


def _professional() -> Client:
    client = Client(headers={"x-forwarded-proto": "https"})
    client.force_login(User.objects.get(email=bench.PROFESSIONAL))
    return client


def _count_queries(client, path) -> tuple[int, int]:
    """The status and query count of a page on its second request, with the caches
    warm as they would be on a served page."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries)
