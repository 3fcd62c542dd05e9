"""`manage.py import_initiatives file.csv`: the admin's import, from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from initiatives.importer import COLUMNS, import_initiatives


class Command(BaseCommand):
    help = (
        "Import initiatives from a CSV file (columns: "
        + ", ".join(COLUMNS)
        + "). All rows are checked first; if one is wrong, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        report = import_initiatives(data)
        if not report.ok:
            for line, message in report.errors:
                self.stderr.write(f"line {line}: {message}")
            raise CommandError(
                f"Nothing imported: {len(report.errors)} problem(s) in {report.rows} row(s)."
            )
        self.stdout.write(self.style.SUCCESS(f"Imported {report.created} initiative(s)."))
