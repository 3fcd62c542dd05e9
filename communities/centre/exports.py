"""The quarterly figures as downloads: an XLSX (portal.exports.ListExporter) and a PDF
that can go to the ministry as it is: title, year, the date it was made, the table,
a bar chart of each measure against its target, and page numbers."""

from io import BytesIO

from django.http import HttpResponse
from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from portal.exports import ListExporter

from .figures import CHART_MAX_PERCENTAGE

DARK_BLUE = colors.HexColor("#154273")
LIGHT_BLUE = colors.HexColor("#e6ebf2")
EMPTY = "–"


def headings():
    return [
        _("Measure"),
        _("Target"),
        _("Quarter 1"),
        _("Quarter 2"),
        _("Quarter 3"),
        _("Quarter 4"),
        _("Year"),
        _("% of target"),
    ]


def table_rows(figures):
    """A row per measure: label, target, the quarters, the year and the share of the
    target; None where there is no number (no target, a quarter to come)."""
    return [
        [str(row.label), row.target, *row.quarters, row.total, row.percentage]
        for row in figures.rows
    ]


class FiguresList(ListExporter):
    def __init__(self, figures):
        self.figures = figures
        self.filename = f"kwartaalcijfers-{figures.year}"
        self.sheet_title = _("Quarterly figures %(year)s") % {"year": figures.year}

    def headings(self):
        return headings()

    def rows(self):
        return table_rows(self.figures)


def pdf_response(figures):
    response = HttpResponse(figures_pdf(figures), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kwartaalcijfers-{figures.year}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def figures_pdf(figures) -> bytes:
    output = BytesIO()
    title = _("Quarterly figures %(year)s") % {"year": figures.year}
    document = SimpleDocTemplate(
        output,
        pagesize=landscape(A4),
        title=title,
        author=_("Open Overheid expertise centre"),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    styles = getSampleStyleSheet()
    made = formats.date_format(figures.made_at, "DATE_FORMAT")
    story = [
        Paragraph(title, styles["Title"]),
        Paragraph(
            _(
                "What the expertise centre did in %(year)s, per quarter, against the "
                "year's targets. Made on %(date)s."
            )
            % {"year": figures.year, "date": made},
            styles["Normal"],
        ),
        Spacer(1, 6 * mm),
        _table(figures),
        Spacer(1, 6 * mm),
        Paragraph(_("Year against target"), styles["Heading2"]),
        _chart(figures, document.width),
        Spacer(1, 4 * mm),
        Paragraph(
            _(
                "Subscribers and initiatives on the map are counted at the end of each "
                "quarter; their year is the last quarter so far. The other measures add up."
            ),
            styles["Italic"],
        ),
    ]
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return output.getvalue()


def _cell(value):
    return EMPTY if value is None else formats.number_format(value, force_grouping=True)


def _table(figures):
    rows = [headings()] + [
        [label, *(_cell(value) for value in values[:-1]), _percent(values[-1])]
        for label, *values in table_rows(figures)
    ]
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), DARK_BLUE),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT_BLUE]),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _percent(value):
    return EMPTY if value is None else f"{value}%"


def _chart(figures, width):
    """A bar per measure: the year so far as a share of its target, with a line at
    100%."""
    label_width, row_height, text_width = 60 * mm, 9 * mm, 45 * mm
    bar_width = width - label_width - text_width
    height = row_height * len(figures.rows) + 4 * mm
    drawing = Drawing(width, height)
    full = label_width + bar_width * 100 / CHART_MAX_PERCENTAGE
    for number, row in enumerate(figures.rows):
        y = height - (number + 1) * row_height
        drawing.add(String(0, y + 2 * mm, str(row.label), fontSize=9))
        drawing.add(Rect(label_width, y, bar_width, 5 * mm, fillColor=LIGHT_BLUE, strokeWidth=0))
        if row.bar is not None:
            drawing.add(
                Rect(
                    label_width, y, bar_width * row.bar, 5 * mm, fillColor=DARK_BLUE, strokeWidth=0
                )
            )
            text = _("%(percentage)s%% of %(target)s") % {
                "percentage": row.percentage,
                "target": _cell(row.target),
            }
        else:
            text = _("no target")
        drawing.add(String(label_width + bar_width + 3 * mm, y + 1.5 * mm, text, fontSize=9))
    drawing.add(Line(full, 0, full, height, strokeColor=colors.red, strokeDashArray=[2, 2]))
    return drawing


def _page_number(canvas, document):
    canvas.saveState()
    canvas.setFont("Helvetica", 9)
    canvas.drawRightString(
        document.pagesize[0] - 18 * mm,
        10 * mm,
        _("Page %(number)s") % {"number": canvas.getPageNumber()},
    )
    canvas.restoreState()
