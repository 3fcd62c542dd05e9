"""The editors' CSV export of every initiative, streamed row by row.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
carriage return) get a leading apostrophe, so an exported submission cannot attack
the editor who opens the file.
"""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

from .models import Initiative

HEADER = [
    "title",
    "slug",
    "status",
    "summary",
    "description",
    "themes",
    "organisation",
    "organisation_type",
    "municipality",
    "province",
    "latitude",
    "longitude",
    "website",
    "contact_email",
    "relation",
    "submitter_name",
    "submitter_email",
    "created_at",
    "published_at",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def rows():
    initiatives = (
        Initiative.objects.select_related("municipality", "submitted_by")
        .prefetch_related("themes")
        .order_by("pk")
    )
    yield HEADER
    for initiative in initiatives.iterator(chunk_size=500):
        yield [
            initiative.title,
            initiative.slug,
            initiative.status,
            initiative.summary,
            initiative.description,
            "|".join(theme.slug for theme in initiative.themes.all()),
            initiative.organisation_name,
            initiative.organisation_type,
            initiative.municipality.name,
            initiative.province,
            initiative.latitude,
            initiative.longitude,
            initiative.website,
            initiative.contact_email,
            initiative.relation,
            initiative.submitter_name,
            initiative.submitter_address,
            initiative.created_at.isoformat(),
            initiative.published_at.isoformat() if initiative.published_at else "",
        ]


def csv_response():
    writer = csv.writer(_Echo())
    stream = (writer.writerow([neutralise(cell) for cell in row]) for row in rows())
    filename = f"initiatieven-{timezone.localdate().isoformat()}.csv"
    response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
