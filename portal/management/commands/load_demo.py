"""`manage.py load_demo`: fill the portal with demo content (idempotent).

Run by `make run`. The content itself is in `portal.demo`.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import content_versions, demo, frame_defaults


class Command(BaseCommand):
    help = "Load the demo content and demo accounts (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even with DEBUG off. The demo accounts have known passwords!",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "The demo accounts have known passwords; load_demo runs only with DEBUG on."
            )
        with transaction.atomic():
            accounts = demo.load()
            frame_defaults.fill(apps)  # the demo's pages join the main menu and the footer
        content_versions.bump(*content_versions.KINDS)  # every page shows the new content
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"Demo accounts (password for all: {demo.DEMO_PASSWORD}):")
        for email, role in accounts:
            self.stdout.write(f"  {email:<28} {role}")
