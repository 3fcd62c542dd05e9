"""The member list of a leerkring as CSV (for Dutch Excel) and XLSX, streamed.

CSV: UTF-8 with a byte order mark and `;` as separator, which is what Excel with
Dutch regional settings opens correctly. In both formats a cell that starts with
= + - @ (or a tab or carriage return) gets a leading apostrophe, so a member who
calls themselves "=HYPERLINK(...)" cannot plant a formula in a coordinator's sheet.
"""

import csv
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def headers():
    return [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Job title"),
        _("Sector"),
        _("Status"),
        _("Since"),
    ]


def rows(memberships):
    """One row per membership, with the person's current profile details."""
    for membership in memberships.iterator(chunk_size=500):
        user = membership.user
        yield [
            neutralise(value)
            for value in (
                user.full_name,
                user.email,
                user.organisation,
                user.job_title,
                user.get_sector_display(),
                membership.get_status_display(),
            )
        ] + [timezone.localdate(membership.since)]


def filename(leerkring, extension):
    return f"leden-{slugify(leerkring.slug)}-{timezone.localdate():%Y-%m-%d}.{extension}"


class _Echo:
    def write(self, value):
        return value


def csv_response(leerkring, memberships):
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff"
        yield writer.writerow(headers())
        for row in rows(memberships):
            yield writer.writerow(row[:-1] + [row[-1].isoformat()])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(leerkring, "csv")}"'
    response["Cache-Control"] = "no-store"
    return response


def xlsx_response(leerkring, memberships):
    """Write the sheet in openpyxl's write-only mode to a temporary file and stream
    that file: memory stays small however long the list is."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Members"))
    sheet.append(headers())
    for row in rows(memberships):
        sheet.append(row)
    spooled = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(spooled)
    spooled.seek(0)
    response = FileResponse(
        spooled,
        as_attachment=True,
        filename=filename(leerkring, "xlsx"),
        content_type=XLSX_TYPE,
    )
    response["Cache-Control"] = "no-store"
    return response
