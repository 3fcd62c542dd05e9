"""Importing initiatives from a CSV file: every row is checked first, and only when
all rows are good are they stored, in one transaction. Nothing is half-imported.

Columns (header row, UTF-8, comma or semicolon separated): title, summary,
description, themes (theme names or slugs, separated by "|"), organisation,
organisation_type (a value or label of the sector list), municipality, latitude and
longitude (optional: the municipality's centre), website, contact_email.
Imported initiatives are published at once: editors vouch for them.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import Theme
from portal.taxonomy import Sector

from .forms import InitiativeFieldsForm
from .models import Initiative, unique_slug

COLUMNS = [
    "title",
    "summary",
    "description",
    "themes",
    "organisation",
    "organisation_type",
    "municipality",
    "latitude",
    "longitude",
    "website",
    "contact_email",
]
REQUIRED_COLUMNS = {"title", "summary", "description", "themes", "organisation", "municipality"}
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


class ImportRowForm(InitiativeFieldsForm):
    """One row of the file, with themes and organisation type written as text."""

    themes = forms.CharField(max_length=500)
    organisation_type = forms.CharField(max_length=60)

    def __init__(self, *args, themes_by_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes_by_key = themes_by_key

    def clean_themes(self):
        chosen, unknown = [], []
        for key in self.cleaned_data["themes"].split("|"):
            key = " ".join(key.split()).lower()
            if key:
                (chosen if key in self.themes_by_key else unknown).append(key)
        if unknown:
            raise forms.ValidationError(
                _("Unknown theme: %(names)s.") % {"names": ", ".join(unknown)}
            )
        if not chosen:
            raise forms.ValidationError(_("Name at least one theme."))
        return [self.themes_by_key[key] for key in chosen]

    def clean_organisation_type(self):
        value = self.cleaned_data["organisation_type"].strip().lower()
        for choice, label in Sector.choices:
            if value in (choice, str(label).lower()):
                return choice
        raise forms.ValidationError(
            _("Unknown type of organisation: %(value)s.") % {"value": value}
        )


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    errors: list = field(default_factory=list)  # (line number, message)

    @property
    def ok(self):
        return not self.errors


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(_("The file is not UTF-8 text.")) from None


def _themes_by_key():
    keys = {}
    for theme in Theme.objects.all():
        keys[theme.slug.lower()] = theme
        keys[theme.name.lower()] = theme
    return keys


def import_initiatives(data: bytes) -> ImportReport:
    """Check every row; store all of them, or none."""
    report = ImportReport()
    if len(data) > MAX_BYTES:
        report.errors.append((0, _("The file is larger than 5 MB.")))
        return report
    try:
        text = _decode(data)
    except ValueError as error:
        report.errors.append((0, str(error)))
        return report
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    missing = sorted(REQUIRED_COLUMNS - header)
    if missing:
        report.errors.append(
            (1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return report

    themes_by_key = _themes_by_key()
    forms_to_save, slugs = [], set()
    for line, raw in enumerate(reader, start=2):
        report.rows += 1
        if report.rows > MAX_ROWS:
            report.errors.append((line, _("More than %(max)s rows.") % {"max": MAX_ROWS}))
            break
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
        row["organisation_name"] = row.pop("organisation", "")
        row.setdefault("organisation_type", "")
        form = ImportRowForm(row, themes_by_key=themes_by_key)
        if not form.is_valid():
            for name, messages in form.errors.items():
                label = "" if name == "__all__" else f"{name}: "
                report.errors.extend((line, f"{label}{message}") for message in messages)
            continue
        form.instance.status = Initiative.Status.PUBLISHED
        form.instance.slug = unique_slug(form.instance.title, taken=slugs)
        slugs.add(form.instance.slug)
        forms_to_save.append(form)

    if report.ok:
        with transaction.atomic():
            for form in forms_to_save:
                form.save()
        report.created = len(forms_to_save)
    return report
