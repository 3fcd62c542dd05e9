"""Documents for the demo's publications page: small, real PDF files written here.

A PDF with text needs no library: a catalogue, pages, two of the fonts every reader
has (Helvetica and Helvetica-Bold) and a content stream per page are enough. The text
is real text, so a reader can search it, copy it and have it read aloud, and the file
says its title and language.
"""

import textwrap

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
LINE = 15
CHARACTERS_PER_LINE = 88


def load_document(title, filename, sections):
    """The Wagtail document called `title`, written as a PDF if there is none.
    `sections` are (heading, text) pairs."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    content = pdf(title, sections)
    document = Document(title=title, file_size=len(content))
    document.file.save(filename, ContentFile(content), save=False)
    document._set_file_hash()  # as Wagtail's upload form does: finds duplicates
    document.save()
    return document


def pdf(title, sections):
    """A PDF with the title on top and the sections below, over as many pages as needed."""
    lines = [("F2", 18, title), ("F1", 11, "")]
    for heading, text in sections:
        lines.append(("F2", 13, heading))
        lines += [("F1", 11, line) for line in textwrap.wrap(text, CHARACTERS_PER_LINE)]
        lines.append(("F1", 11, ""))
    per_page = (PAGE_HEIGHT - 2 * MARGIN) // LINE
    pages = [lines[start : start + per_page] for start in range(0, len(lines), per_page)]

    objects = {
        1: f"<< /Type /Catalog /Pages 2 0 R /Lang ({_text('nl-NL')}) >>",
        3: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        5: f"<< /Title ({_text(title)}) /Producer (Open Overheid demo) >>",
    }
    kids = []
    for number, page_lines in enumerate(pages):
        page_id, content_id = 6 + 2 * number, 7 + 2 * number
        kids.append(f"{page_id} 0 R")
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_id} 0 R >>"
        )
        objects[content_id] = _stream(_page_content(page_lines))
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        body = objects[number]
        out += f"{number} 0 obj\n".encode("ascii")
        out += body if isinstance(body, bytes) else body.encode("latin-1")
        out += b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for number in sorted(objects):
        out += f"{offsets[number]:010d} 00000 n \n".encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)


def _page_content(lines):
    commands = ["BT", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
    for font, size, text in lines:
        commands.append(f"/{font} {size} Tf {LINE + (size - 11)} TL T* ({_text(text)}) Tj")
    commands.append("ET")
    return "\n".join(commands)


def _stream(content):
    data = content.encode("latin-1")
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _text(text):
    """A PDF string literal's content: Windows-1252 characters, with \\ ( ) escaped."""
    safe = text.encode("cp1252", errors="replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
