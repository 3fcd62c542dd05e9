"""The one exporter every download uses: formula-safe CSV and XLSX, streamed."""

import io

import pytest
from openpyxl import load_workbook

from portal.exports import ListExporter, csv_safe


class Names(ListExporter):
    filename = "namen"
    sheet_title = "Namen"

    def headings(self):
        return ["Naam", "Aantal"]

    def rows(self):
        yield ['=HYPERLINK("http://evil.example")', 3]
        yield ["Gemeente Ede", None]


@pytest.mark.parametrize("value", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_values_that_would_run_as_a_formula_get_an_apostrophe(value):
    assert csv_safe(value) == "'" + value
    assert csv_safe("Gewoon = goed") == "Gewoon = goed" and csv_safe(3) == 3


def test_dutch_excel_csv_has_a_byte_order_mark_and_semicolons():
    response = Names().response("csv-excel")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffNaam;Aantal\r\n")
    assert "'=HYPERLINK" in body and "Gemeente Ede;\r\n" in body
    assert response["Content-Disposition"] == 'attachment; filename="namen.csv"'
    assert response["Cache-Control"] == "no-store"


def test_xlsx_writes_typed_text_as_text_cells_without_an_apostrophe():
    response = Names().response("xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["Namen"]
    evil = sheet["A2"]
    assert evil.value == '=HYPERLINK("http://evil.example")' and evil.data_type == "s"
    assert sheet["B2"].value == 3
    assert response["Content-Disposition"] == 'attachment; filename="namen.xlsx"'
