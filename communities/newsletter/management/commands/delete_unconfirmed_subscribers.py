"""`manage.py delete_unconfirmed_subscribers`: run daily. Forgets newsletter sign-ups
that were not confirmed within seven days, as the sign-up form promises."""

from django.core.management.base import BaseCommand

from communities.newsletter.subscriptions import delete_unconfirmed


class Command(BaseCommand):
    help = "Delete newsletter sign-ups that were never confirmed within seven days."

    def handle(self, *args, **options):
        self.stdout.write(f"{delete_unconfirmed()} unconfirmed sign-up(s) deleted.")
