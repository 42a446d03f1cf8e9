"""Read the text layer of a PDF with PDFium: glyphs with their boxes, rebuilt into paragraphs.

PDFium gives each character's box and font size; policydiff.io.pdf.layout turns them into
paragraphs in reading order and leaves page furniture out. A scanned PDF has pictures of pages and
no text layer; it is refused with a hint to run OCR, rather than loaded as an empty document.
Content streams are measured before PDFium parses them (policydiff.io.pdf.guard), so a bomb is
refused instead of exhausting memory. PDFium is not thread-safe, so calls are serialised.
May import: the standard library, pypdfium2, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import ctypes
import re
import threading
import time

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits
from policydiff.io.pdf.guard import check_streams
from policydiff.io.pdf.layout import Glyph, build

FURNITURE_NOTICE = "page headers, footers and numbers left out"


class PdfRefused(ReadRefused, ValueError):
    """The PDF cannot be used; the message completes "<name> …"."""


_LOCK = threading.Lock()
_TRAILING_SPACE = re.compile(r"[ \t\u3000]+$", re.MULTILINE)
# PDFium marks soft line-break hyphens and other layout artefacts with control characters.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ERR_PASSWORD = 4  # FPDF_ERR_PASSWORD
_RESAVE = "open it in a PDF reader and save it again"


def read_pdf(data: bytes, limits: LoadLimits) -> tuple[str, tuple[str, ...]]:
    """Paragraphs of every page in reading order, and notices on how the file was read.

    Raises:
        PdfRefused: damaged, encrypted, too many pages, too much content, or no text layer.
    """
    import pypdfium2 as pdfium

    check_streams(data, limits)
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == _ERR_PASSWORD:
                raise PdfRefused(
                    "is password-protected; remove the password and try again", LoadReason.ENCRYPTED
                ) from exc
            raise PdfRefused(f"is damaged or not a valid PDF; {_RESAVE}", LoadReason.DAMAGED) from exc
        try:
            pages = len(document)
            if pages > limits.pdf_max_pages:
                raise PdfRefused(
                    f"has {pages} pages, more than the {limits.pdf_max_pages} page limit; split it",
                    LoadReason.TOO_MANY_PAGES,
                    limit=f"{limits.pdf_max_pages:,}",
                )
            glyphs, sizes = _read_pages(document, pages, limits)
        except pdfium.PdfiumError as exc:
            raise PdfRefused(f"is damaged (a page cannot be read); {_RESAVE}", LoadReason.DAMAGED) from exc
        finally:
            document.close()
    visible = sum(1 for page in glyphs for g in page if not g.ch.isspace())
    if visible < limits.pdf_min_chars_per_page * max(1, pages):
        raise PdfRefused(
            "has no text layer (a scanned image?); run OCR on it first or open a text version",
            LoadReason.NO_TEXT_LAYER,
        )
    layout = build(glyphs, sizes)
    text = _TRAILING_SPACE.sub("", _CONTROLS.sub("", layout.text))
    notices = (FURNITURE_NOTICE,) if layout.furniture else ()
    return text, notices


def _read_pages(
    document: object, pages: int, limits: LoadLimits
) -> tuple[list[list[Glyph]], list[tuple[float, float]]]:
    """Every page's glyphs and size, within the character and time limits."""
    started = time.monotonic()
    glyphs: list[list[Glyph]] = []
    sizes: list[tuple[float, float]] = []
    total = 0
    for index in range(pages):
        page_glyphs, size = _page_glyphs(document, index, limits)
        total += len(page_glyphs)
        if total > limits.pdf_max_chars:
            raise PdfRefused(
                f"holds more than {limits.pdf_max_chars:,} characters of text (the PDF limit); split it",
                LoadReason.TOO_COMPLEX,
                limit=f"{limits.pdf_max_chars:,}",
            )
        if time.monotonic() - started > limits.pdf_max_seconds:
            raise PdfRefused(
                f"takes longer than {limits.pdf_max_seconds:.0f} s to read (page {index + 1} of {pages}); "
                f"{_RESAVE} or split it",
                LoadReason.TOO_SLOW,
                limit=f"{limits.pdf_max_seconds:.0f} s",
            )
        glyphs.append(page_glyphs)
        sizes.append(size)
    return glyphs, sizes


def _page_glyphs(document: object, index: int, limits: LoadLimits) -> tuple[list[Glyph], tuple[float, float]]:
    import pypdfium2.raw as raw

    page = document[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            handle = textpage.raw
            count = raw.FPDFText_CountChars(handle)
            if count > limits.pdf_max_chars:
                raise PdfRefused(
                    f"has more than {limits.pdf_max_chars:,} characters on page {index + 1} "
                    "(the PDF limit); split it",
                    LoadReason.TOO_COMPLEX,
                    limit=f"{limits.pdf_max_chars:,}",
                )
            box = raw.FS_RECTF()
            tight = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
            out: list[Glyph] = []
            for i in range(max(0, count)):
                code = raw.FPDFText_GetUnicode(handle, i)
                if code in (0, 0xFFFE, 0xFFFF) or code in (0x0D, 0x0A) or code > 0x10FFFF:
                    continue
                if not raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(box)):
                    # PDFium's generated spaces have no loose box, only a point
                    if not raw.FPDFText_GetCharBox(handle, i, *(ctypes.byref(v) for v in tight)):
                        continue
                    box.left, box.right, box.bottom, box.top = (v.value for v in tight)
                size = raw.FPDFText_GetFontSize(handle, i)
                out.append(
                    Glyph(
                        chr(code),
                        box.left,
                        box.right,
                        box.bottom,
                        box.top,
                        size if size > 0 else box.top - box.bottom,
                        raw.FPDFText_IsGenerated(handle, i) == 1,
                    )
                )
            return out, (width, height)
        finally:
            textpage.close()
    finally:
        page.close()
