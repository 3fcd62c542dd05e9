"""One exporter for every list that organisers, coordinators and editors download.

Modelled on pretix's ListExporter: a subclass says what is in the list (`headings()`
and `rows()`, declared once), this class says how it is written: CSV with commas, CSV
for Dutch Excel (semicolons) or XLSX. All are streamed, so a list of 10,000 rows never
sits in memory, and marked `no-store`, because they hold people's details.

Formula injection: a value somebody typed (a name, an organisation) that starts with
=, +, -, @, a tab or a carriage return would run as a formula when the file is opened.
CSV has no cell types, so there such a value gets a leading apostrophe (OWASP's
advice). XLSX does have them: the value is written as a text cell, which no
spreadsheet evaluates, and shows exactly as it was typed.
"""

import csv
import datetime
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The CSV flavours, by the name the admin's export links use.
CSV_DELIMITERS = {"csv": ",", "csv-excel": ";"}


def csv_safe(value):
    """A CSV value that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return csv_safe(value)


class _Echo:
    """A file-like object whose write() returns the line: csv.writer into a generator."""

    def write(self, value):
        return value


class ListExporter:
    """A downloadable list. Subclasses set `filename` (without extension) and
    `sheet_title`, and implement `headings()` and `rows()`."""

    filename = "export"
    sheet_title = "Export"

    def headings(self) -> list:
        raise NotImplementedError

    def rows(self):
        raise NotImplementedError

    def response(self, file_format):
        """The download in `file_format`: "csv", "csv-excel" or "xlsx"."""
        if file_format == "xlsx":
            return self.xlsx_response()
        return self.csv_response(CSV_DELIMITERS[file_format])

    def csv_lines(self, delimiter=","):
        """UTF-8 with a byte order mark, so Excel reads the accents right."""
        writer = csv.writer(_Echo(), delimiter=delimiter)
        yield "\ufeff" + writer.writerow([_csv_value(heading) for heading in self.headings()])
        for row in self.rows():
            yield writer.writerow([_csv_value(value) for value in row])

    def csv_response(self, delimiter=","):
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in self.csv_lines(delimiter)),
            content_type="text/csv; charset=utf-8",
        )
        return self._as_download(response, "csv")

    def xlsx_file(self):
        """The list as an XLSX in a temporary file. openpyxl's write-only mode writes
        each row to disk as it comes, so memory stays flat however long the list is."""
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=str(self.sheet_title)[:31])
        sheet.append(self._xlsx_row(sheet, self.headings()))
        for row in self.rows():
            sheet.append(self._xlsx_row(sheet, row))
        output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
        workbook.save(output)
        output.seek(0)
        return output

    def xlsx_response(self):
        response = FileResponse(self.xlsx_file(), content_type=XLSX_TYPE)
        return self._as_download(response, "xlsx")

    @staticmethod
    def _xlsx_row(sheet, values):
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            if cell.data_type == "f":  # openpyxl took typed text for a formula
                cell.data_type = "s"
            cells.append(cell)
        return cells

    def _as_download(self, response, extension):
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.{extension}"'
        response["Cache-Control"] = "no-store"
        return response
