"""Attendee lists as CSV and XLSX, streamed so that 10,000 rows never sit in memory.

Headings are Dutch (the organisers' spreadsheets are), with one column per custom
question. CSV comes in UTF-8 with a byte order mark, comma- or semicolon-separated
(Dutch Excel expects semicolons). Cells that a spreadsheet would read as a formula
(starting with =, +, -, @, or a tab or carriage return) get a leading apostrophe.
"""

import csv
import tempfile

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .models import AMSTERDAM, RegistrationStatus

CHUNK_SIZE = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """A cell value that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _moment(value):
    return timezone.localtime(value, AMSTERDAM).strftime("%d-%m-%Y %H:%M") if value else ""


class AttendeeList:
    """The rows of one event's attendee list, headings first."""

    def __init__(self, event, registrations):
        self.event = event
        self.registrations = registrations
        self.questions = list(event.questions.all())

    def headings(self):
        with translation.override(settings.LANGUAGE_CODE):
            return [
                _("Name"),
                _("E-mail address"),
                _("Organisation"),
                _("Job title"),
                _("Dietary wishes"),
                _("Accessibility needs"),
                *(question.label for question in self.questions),
                _("Status"),
                _("Waiting list position"),
                _("Registered at"),
                _("Checked in at"),
            ]

    def rows(self):
        with translation.override(settings.LANGUAGE_CODE):
            labels = dict(RegistrationStatus.choices)
            labels = {key: str(label) for key, label in labels.items()}
        keys = [question.key for question in self.questions]
        fields = [
            "name",
            "email",
            "organisation",
            "job_title",
            "dietary",
            "accessibility",
            "answers",
            "status",
            "waiting_position",
            "created_at",
            "checked_in_at",
        ]
        for row in self.registrations.values_list(*fields).iterator(chunk_size=CHUNK_SIZE):
            (
                name,
                email,
                organisation,
                job,
                dietary,
                access,
                answers,
                status,
                position,
                created,
                checked_in,
            ) = row
            answers = answers or {}
            yield [
                neutralise(value)
                for value in (
                    name,
                    email,
                    organisation,
                    job,
                    dietary,
                    access,
                    *(str(answers.get(key, "")) for key in keys),
                    labels.get(status, status),
                    position or "",
                    _moment(created),
                    _moment(checked_in),
                )
            ]


class _Echo:
    """A file-like object whose write() returns the line: csv.writer into a generator."""

    def write(self, value):
        return value


def csv_response(attendees, filename, delimiter=","):
    writer = csv.writer(_Echo(), delimiter=delimiter)

    def lines():
        yield "\ufeff" + writer.writerow([neutralise(h) for h in attendees.headings()])
        for row in attendees.rows():
            yield writer.writerow(row)

    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_file(attendees):
    """The list as an XLSX in a temporary file. openpyxl's write-only mode writes each
    row to disk as it comes, so memory stays flat however long the list is."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Attendees")[:31])
    sheet.append([neutralise(h) for h in attendees.headings()])
    for row in attendees.rows():
        sheet.append(row)
    output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(output)
    output.seek(0)
    return output


def xlsx_response(attendees, filename):
    return FileResponse(
        xlsx_file(attendees), as_attachment=True, filename=filename, content_type=XLSX_TYPE
    )
