"""Drawing a certificate of attendance as a one-page PDF (reportlab).

Only the drawing lives here; what is printed comes from events.certificates. The font
is Bitstream Vera, which ships inside reportlab (so it is there wherever reportlab is)
and is embedded as a subset; unlike PDF's built-in Helvetica it has Ł, Ş, Ć and İ.
A letter it lacks is printed without its accent (ż as z) rather than as a box.
"""

import io
import unicodedata
from functools import cache
from pathlib import Path

import reportlab
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD = "PortalVera", "PortalVeraBold"
BLUE = HexColor("#133d6a")  # the dark blue of the portal's logo
GREY = HexColor("#4a4a4a")
WIDTH, HEIGHT = landscape(A4)
MARGIN = 64


@cache
def _fonts():
    """Register the fonts once per process; returns the glyphs the regular one has."""
    regular = TTFont(REGULAR, str(FONTS / "Vera.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "VeraBd.ttf")))
    return frozenset(regular.face.charToGlyph)


def _printable(text: str) -> str:
    """The text in letters the font has: accents it lacks dropped, the rest as '?'."""
    glyphs = _fonts()
    out = []
    for char in text:
        if ord(char) in glyphs:
            out.append(char)
            continue
        base = "".join(
            part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
        )
        out.append(base if base and all(ord(part) in glyphs for part in base) else "?")
    return "".join(out)


def _centred(pdf, text, y, font, size, color=GREY, max_lines=2):
    """Centred lines, wrapped to the page's width and made smaller (down to 12 points)
    until they take at most `max_lines`, so that a long name or title stays clear of
    the verification lines at the bottom; returns the y below them."""
    lines = simpleSplit(_printable(text), font, size, WIDTH - 2 * MARGIN)
    while len(lines) > max_lines and size > 12:
        size -= 1
        lines = simpleSplit(_printable(text), font, size, WIDTH - 2 * MARGIN)
    pdf.setFont(font, size)
    pdf.setFillColor(color)
    for line in lines:
        pdf.drawCentredString(WIDTH / 2, y, line)
        y -= size * 1.25
    return y


def render(printed, code: str, url: str) -> bytes:
    """One certificate, in the active language: `printed` (events.certificates.Printed)
    holds what varies, `code` and `url` say where and how to verify it."""
    _fonts()
    title = _("Certificate of attendance")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT), pageCompression=1)
    pdf.setTitle(_printable(f"{title}: {printed.event_title}"))
    pdf.setAuthor(_printable(printed.issuer))
    pdf.setSubject(_printable(printed.holder_name))

    pdf.setFillColor(BLUE)
    pdf.rect(0, HEIGHT - 56, WIDTH, 56, stroke=0, fill=1)
    pdf.setFillColor(HexColor("#ffffff"))
    pdf.setFont(BOLD, 16)
    pdf.drawString(MARGIN, HEIGHT - 36, _printable(printed.issuer))

    y = _centred(pdf, title, HEIGHT - 120, BOLD, 30, BLUE)
    y = _centred(pdf, _("This is to certify that"), y - 18, REGULAR, 14)
    y = _centred(pdf, printed.holder_name, y - 10, BOLD, 24, BLUE)
    y = _centred(pdf, _("took part in"), y - 6, REGULAR, 14)
    y = _centred(pdf, printed.event_title, y - 10, BOLD, 20, BLUE)
    y = _centred(pdf, printed.dates, y - 8, REGULAR, 14)
    y = _centred(pdf, _("Study hours: %(hours)s") % {"hours": printed.hours}, y - 4, REGULAR, 14)
    _centred(pdf, _("Organised by %(issuer)s") % {"issuer": printed.issuer}, y - 4, REGULAR, 14)

    pdf.setStrokeColor(BLUE)
    pdf.line(MARGIN, 112, WIDTH - MARGIN, 112)
    pdf.setFillColor(GREY)
    pdf.setFont(BOLD, 12)
    pdf.drawString(MARGIN, 88, _printable(_("Verification code: %(code)s") % {"code": code}))
    pdf.setFont(REGULAR, 10)
    pdf.drawString(MARGIN, 70, _printable(_("Check this certificate at %(url)s") % {"url": url}))
    pdf.drawString(MARGIN, 54, _printable(_("Issued on %(date)s") % {"date": printed.issued_on}))
    pdf.linkURL(url, (MARGIN, 66, WIDTH - MARGIN, 80), relative=0)

    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
