"""Read the text layer of a PDF with PDFium: glyphs with their boxes, rebuilt into paragraphs.

PDFium gives each character's box and font size; policydiff.io.pdf.layout turns them into
paragraphs in reading order and leaves page furniture out. A scanned page has a picture and no
(visible) text: with the ``[ocr]`` extra it is recognised (policydiff.io.scan.read) and its lines go
through the same layout; without it a scan is refused with the extra to install, rather than
loaded as an empty document.
Content streams are measured before PDFium parses them (policydiff.io.pdf.guard), so a bomb is
refused instead of exhausting memory. PDFium is not thread-safe, so calls are serialised.
May import: the standard library, pypdfium2, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits
from policydiff.io.pdf.guard import check_streams
from policydiff.io.pdf.layout import Glyph, build
from policydiff.model import OcrInfo

if TYPE_CHECKING:
    from policydiff.io.scan.read import Partial, Recogniser

FURNITURE_NOTICE = "page headers, footers and numbers left out"


class PdfRefused(ReadRefused, ValueError):
    """The PDF cannot be used; the message completes "<name> …"."""


_LOCK = threading.Lock()
_IMAGE_OBJECTS = (3, 5)  # FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_FORM (which may hold an image)
_ERR_PASSWORD = 4  # FPDF_ERR_PASSWORD
# Text drawn smaller than this (points on the page) cannot be read on paper or screen: a form
# object drawn into itself at shrinking scale, or text hidden by size. Left out, with a notice.
_MIN_SIZE = 1.0
_UNMAPPED_MIN = 20  # glyphs of a font before its readings are judged
_UNMAPPED_SYMBOLS = 0.6  # share of a font's glyphs reading as symbols that marks it unmapped
_UNMAPPED_SHARE = 0.5  # share of the document's glyphs in unmapped fonts above which it is refused
TINY_NOTICE = "text drawn too small to read (under 1 pt) left out"
_RESAVE = "open it in a PDF reader and save it again"


@dataclass(frozen=True)
class PdfText:
    """A PDF's paragraphs, notices on how it was read, and how its scanned pages were recognised."""

    text: str
    notices: tuple[str, ...]
    ocr: OcrInfo | None = None


def read_pdf(data: bytes, limits: LoadLimits) -> tuple[str, tuple[str, ...]]:
    """Paragraphs of every page in reading order, and notices on how the file was read."""
    read = read_pdf_text(data, limits)
    return read.text, read.notices


def read_pdf_text(
    data: bytes,
    limits: LoadLimits,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    partial: Partial | None = None,
    recogniser: Recogniser | None = None,
) -> PdfText:
    """Paragraphs of every page in reading order; pages that are only images are read by OCR.

    Args:
        data: the PDF file.
        limits: page, character and time limits.
        progress: called with (pages recognised, pages to recognise) when there are scanned pages.
        cancelled: polled while pages are recognised; True raises Cancelled.
        partial: called after each recognised page with the pages read so far (text pages
            included), for a view shown before the whole document is laid out.
        recogniser: reads the scanned pages instead of the on-device engine.

    Raises:
        PdfRefused: damaged, encrypted, too many pages, too much content, or a scan without OCR.
        Cancelled: the caller asked to stop while pages were being recognised.
    """
    import pypdfium2 as pdfium

    from policydiff.io.scan import read as scantext

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
            fonts = _Fonts()
            glyphs, sizes, pictures, tiny = _read_pages(document, pages, limits, fonts)
        except pdfium.PdfiumError as exc:
            raise PdfRefused(f"is damaged (a page cannot be read); {_RESAVE}", LoadReason.DAMAGED) from exc
        finally:
            document.close()
    scanned = [
        p
        for p, page in enumerate(glyphs)
        if pictures[p] and sum(1 for g in page if not g.ch.isspace()) < limits.pdf_min_chars_per_page
    ]
    notices: list[str] = []
    ocr: OcrInfo | None = None
    recognised: list[scantext.Recognised] = []
    can_read = recogniser is not None or scantext.available()
    if len(scanned) > limits.ocr_max_pages and can_read:
        raise PdfRefused(
            f"has {len(scanned)} scanned pages, more than the {limits.ocr_max_pages} pages OCR reads "
            "in one document; split it",
            LoadReason.TOO_MANY_PAGES,
            limit=f"{limits.ocr_max_pages:,}",
        )
    if scanned and can_read:
        texts: list[str | None] = []
        if partial is not None:  # the text pages are shown at once, the scanned ones as they come
            unread = set(scanned)
            texts = [
                None if p in unread else scantext.page_text(page, sizes[p]) for p, page in enumerate(glyphs)
            ]
        recognised = scantext.recognise_pages(
            scantext.Source("pdf", data),
            scanned,
            texts,
            recogniser=recogniser,
            progress=progress,
            cancelled=cancelled,
            partial=partial,
        )
        for r in recognised:
            glyphs[r.index] = r.glyphs
    visible = sum(1 for page in glyphs for g in page if not g.ch.isspace())
    if visible < limits.pdf_min_chars_per_page * max(1, pages) and not recognised:
        raise PdfRefused(
            "has no text layer (a scanned image?); to read it here install OCR "
            f"({scantext.EXTRA}), or open a text version",
            LoadReason.NO_TEXT_LAYER,
        )
    recognised_pages = {r.index for r in recognised}
    unmapped = fonts.unmapped()
    if unmapped:  # OCR's glyphs carry no font of the file: only the text layer's are judged
        lost = sum(
            1
            for p, page in enumerate(glyphs)
            if p not in recognised_pages
            for g in page
            if g.font in unmapped and not g.ch.isspace()
        )
        if lost >= _UNMAPPED_SHARE * visible:
            raise PdfRefused(
                "has fonts without a usable text mapping, so its characters cannot be told apart "
                "(they read as symbols); run OCR on it or open the original document",
                LoadReason.NO_TEXT_LAYER,
            )
        glyphs = [
            page if p in recognised_pages else [g for g in page if g.font not in unmapped]
            for p, page in enumerate(glyphs)
        ]
        notices.append(
            f"{lost:,} characters in fonts without a usable text mapping could not be read; left out"
        )
    if scanned and not recognised:
        notices.append(
            f"{'page' if len(scanned) == 1 else 'pages'} {', '.join(str(p + 1) for p in scanned)} "
            f"{'is an image' if len(scanned) == 1 else 'are images'} without text (scanned?) and "
            f"{'was' if len(scanned) == 1 else 'were'} not read; "
            f"to read {'it' if len(scanned) == 1 else 'them'} install OCR ({scantext.EXTRA})"
        )
    layout = build(glyphs, sizes)
    text, unsure = scantext.clean(layout.text, layout.uncertain)
    if recognised:
        ocr = scantext.ocr_info(sorted(r.index + 1 for r in recognised), recognised, unsure)
        notices.insert(0, scantext.ocr_notice(ocr))
    if layout.furniture:
        notices.append(FURNITURE_NOTICE)
    if tiny:
        notices.append(TINY_NOTICE)
    return PdfText(text, tuple(notices), ocr)


class _Fonts:
    """The fonts a document draws with, and how many of each one's glyphs read as symbols: a font
    without a usable text mapping (no ToUnicode, an unknown encoding) gives each glyph its code
    number, which reads as control characters and ASCII punctuation instead of its letters."""

    def __init__(self) -> None:
        self.ids: dict[bytes, int] = {}
        self.glyphs: list[int] = []
        self.symbols: list[int] = []

    def of(self, handle: object, index: int, buffer: ctypes.Array[ctypes.c_char]) -> int:
        import pypdfium2.raw as raw

        flags = ctypes.c_int()
        length = raw.FPDFText_GetFontInfo(handle, index, buffer, len(buffer), ctypes.byref(flags))
        name = buffer.raw[: max(0, min(length, len(buffer)))]
        font = self.ids.get(name)
        if font is None:
            font = self.ids[name] = len(self.glyphs)
            self.glyphs.append(0)
            self.symbols.append(0)
        return font

    def count(self, font: int, code: int) -> None:
        self.glyphs[font] += 1
        if _symbol_like(code):
            self.symbols[font] += 1

    def unmapped(self) -> set[int]:
        return {
            f
            for f, (n, symbols) in enumerate(zip(self.glyphs, self.symbols, strict=True))
            if n >= _UNMAPPED_MIN and symbols >= _UNMAPPED_SYMBOLS * n
        }


def _symbol_like(code: int) -> bool:
    """A code a font without a text mapping yields: a control character, ASCII punctuation or
    symbol, a private-use or replacement character."""
    return (
        code < 0x20
        or 0x21 <= code <= 0x2F
        or 0x3A <= code <= 0x40
        or 0x5B <= code <= 0x60
        or 0x7B <= code <= 0x7F
        or 0xE000 <= code <= 0xF8FF
        or code == 0xFFFD
    )


def _read_pages(
    document: object, pages: int, limits: LoadLimits, fonts: _Fonts
) -> tuple[list[list[Glyph]], list[tuple[float, float]], list[bool], int]:
    """Every page's glyphs and size, whether it shows a picture, within the character and time
    limits, and how many glyphs were too small to read."""
    started = time.monotonic()
    glyphs: list[list[Glyph]] = []
    sizes: list[tuple[float, float]] = []
    pictures: list[bool] = []
    total = 0
    tiny = [0]
    for index in range(pages):
        page_glyphs, size, picture = _page_glyphs(document, index, limits, tiny, fonts)
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
        pictures.append(picture)
    return glyphs, sizes, pictures, tiny[0]


def _page_glyphs(
    document: object, index: int, limits: LoadLimits, tiny: list[int], fonts: _Fonts
) -> tuple[list[Glyph], tuple[float, float], bool]:
    import pypdfium2.raw as raw

    page = document[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        objects = raw.FPDFPage_CountObjects(page.raw)
        picture = any(
            raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) in _IMAGE_OBJECTS
            for i in range(min(max(objects, 0), 10_000))
        )
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
            matrix = raw.FS_MATRIX()
            name = ctypes.create_string_buffer(128)
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
                if raw.FPDFText_GetMatrix(handle, i, ctypes.byref(matrix)):
                    # the font size is before the drawing matrix (a form object drawn scaled)
                    size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
                generated = raw.FPDFText_IsGenerated(handle, i) == 1
                if 0 < size < _MIN_SIZE and not generated and not chr(code).isspace():
                    tiny[0] += 1
                    continue
                font = 0
                if not generated and not chr(code).isspace():
                    font = fonts.of(handle, i, name)
                    fonts.count(font, code)
                out.append(
                    Glyph(
                        chr(code),
                        box.left,
                        box.right,
                        box.bottom,
                        box.top,
                        size if size > 0 else box.top - box.bottom,
                        generated,
                        font=font,
                        # one glyph standing for several characters gives each the same box
                        joined=bool(out)
                        and (out[-1].x0, out[-1].x1, out[-1].y0, out[-1].y1)
                        == (box.left, box.right, box.bottom, box.top),
                    )
                )
            return out, (width, height), picture
        finally:
            textpage.close()
    finally:
        page.close()
