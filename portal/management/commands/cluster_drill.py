"""`manage.py cluster_drill`: the in-process half of `make cluster` (scripts/cluster.sh).

Starts HAProxy in front of two gunicorn app servers and two task workers, runs the
drill's checks against them (portal/demo/cluster/drill.py), stops every process it
started and prints a summary; exits 1 when any check failed. Run it the way
scripts/cluster.sh does: production settings, the bench database filled, REDIS_URL
set, TRUSTED_PROXY_COUNT=1.
"""

import os
import signal
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo.cluster.cluster import Cluster
from portal.demo.cluster.drill import Drill


class Command(BaseCommand):
    help = "Run the cluster drill: load balancer, two app servers, two workers, nodes killed."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8300, help="HAProxy on 127.0.0.1.")
        parser.add_argument(
            "--app-port", type=int, default=8301, help="gunicorn on 127.0.0.2 and 127.0.0.3."
        )
        parser.add_argument("--registrations", type=int, default=1000)
        parser.add_argument("--seats", type=int, default=50)
        parser.add_argument("--concurrency", type=int, default=50, help="Clients at a time.")
        parser.add_argument("--subscribers", type=int, default=20_000)
        parser.add_argument("--mailing-timeout", type=float, default=300)
        parser.add_argument("--visitors", type=int, default=8, help="Visitors while a node dies.")
        parser.add_argument("--connections", type=int, default=8, help="wrk's connections.")
        parser.add_argument("--duration", type=int, default=6, help="Seconds per wrk run.")
        parser.add_argument("--filled", default="not done here", help="What the fill did.")
        parser.add_argument(
            "--checks", default="bcdef", help="The checks to run, by letter (e.g. df)."
        )

    def handle(self, *args, **options):
        if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
            raise CommandError("The drill needs the shared cache: set REDIS_URL.")
        if settings.TRUSTED_PROXY_COUNT != 1:
            raise CommandError("Set TRUSTED_PROXY_COUNT=1: HAProxy is the one proxy in front.")
        # SIGTERM (scripts/cluster.sh's clean-up) unwinds like Ctrl-C, through the
        # drill's own clean-up.
        signal.signal(signal.SIGTERM, signal.default_int_handler)

        def say(line):
            self.stdout.write(line)
            self.stdout.flush()

        cluster = Cluster(
            Path(settings.BASE_DIR) / "var" / "cluster",
            options["port"],
            options["app_port"],
            environment=dict(os.environ),
        )
        if not Drill(cluster, say, options).run():
            sys.exit(1)
