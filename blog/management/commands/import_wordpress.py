"""`manage.py import_wordpress EXPORT.xml [--uploads DIR] [--mapping FILE]`: move a
WordPress site in from its export (Tools → Export → All content). Safe to run again:
only what is new or changed is written. See blog/wordpress/ and the README."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blog.wordpress import report
from blog.wordpress.importer import ImportFailed, run_import
from blog.wordpress.mapping import MappingError, load


class Command(BaseCommand):
    help = (
        "Import a WordPress export file (WXR): articles, authors, categories and tags, "
        "comments, images and redirects from the old addresses. Running it again with the "
        "same file changes nothing; a newer export adds and updates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file WordPress exported.")
        parser.add_argument(
            "--uploads",
            type=Path,
            help="A copy of the site's wp-content/uploads directory, for the images.",
        )
        parser.add_argument(
            "--mapping",
            type=Path,
            help="A JSON or TOML file saying which WordPress category becomes which "
            "portal category, theme or tag, and which authors are guests.",
        )

    def handle(self, *args, export, uploads=None, **options):
        if not export.is_file():
            raise CommandError(f"{export}: no such file")
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"{uploads}: no such directory")
        try:
            result = run_import(
                export,
                uploads_dir=uploads,
                mapping=load(options["mapping"]),
                progress=self.progress if options["verbosity"] > 1 else None,
            )
        except (ImportFailed, MappingError) as error:
            raise CommandError(str(error)) from None
        for line in report.lines(result.as_dict()):
            self.stdout.write(line)

    def progress(self, done, total):
        self.stderr.write(f"{done}/{total} posts")
