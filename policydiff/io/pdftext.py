"""Read the text layer of a PDF with PDFium, page by page in reading order.

A scanned PDF has pictures of pages and no text layer; it is refused with a hint to run OCR,
rather than loaded as an empty document. PDFium is not thread-safe, so calls are serialised.
May import: the standard library, pypdfium2, policydiff.io.
"""

from __future__ import annotations

import re
import threading

from policydiff.io.limits import LoadLimits


class PdfRefused(ValueError):
    """The PDF cannot be used; the message completes "<name> …"."""


_LOCK = threading.Lock()
_TRAILING_SPACE = re.compile(r"[ \t\u3000]+$", re.MULTILINE)
# PDFium marks soft line-break hyphens and other layout artefacts with control characters.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ERR_PASSWORD = 4  # FPDF_ERR_PASSWORD
_RESAVE = "open it in a PDF reader and save it again"


def read_pdf(data: bytes, limits: LoadLimits) -> str:
    """Text of every page, pages separated by a newline, trailing spaces stripped per line.

    Raises:
        PdfRefused: damaged, encrypted, too many pages, or no text layer.
    """
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == _ERR_PASSWORD:
                raise PdfRefused("is password-protected; remove the password and try again") from exc
            raise PdfRefused(f"is damaged or not a valid PDF; {_RESAVE}") from exc
        try:
            pages = len(document)
            if pages > limits.pdf_max_pages:
                raise PdfRefused(
                    f"has {pages} pages, more than the {limits.pdf_max_pages} page limit; split it"
                )
            texts = [_page_text(document, i) for i in range(pages)]
        except pdfium.PdfiumError as exc:
            raise PdfRefused(f"is damaged (a page cannot be read); {_RESAVE}") from exc
        finally:
            document.close()
    text = "\n".join(texts)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", _CONTROLS.sub("", text))
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < limits.pdf_min_chars_per_page * max(1, pages):
        raise PdfRefused("has no text layer (a scanned image?); run OCR on it first or open a text version")
    return text


def _page_text(document: object, index: int) -> str:
    page = document[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()
