"""Read scans: page images and image-only PDF pages through OCR into the text PDF's layout.

Without the ``[ocr]`` extra a scan is refused with a message naming it; with it, every
recognised page goes through policydiff.io.pdf.layout like a text PDF's, and the document says it
was recognised (a notice and an OcrInfo with the mean confidence and the spans read with low
confidence).
May import: the standard library, policydiff.io, policydiff.errors, policydiff.model (and, through
ocrpages, the OCR extra).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits
from policydiff.io.pdf.glyphs import Glyph
from policydiff.io.pdf.layout import build
from policydiff.io.scan.engine import EXTRA, OcrUnavailable, available
from policydiff.io.scan.pages import (
    ENGINE_NAME,
    IsCancelled,
    Progress,
    Recognised,
    Recogniser,
    Source,
    image_frames,
    recognise,
)
from policydiff.model import OcrInfo

__all__ = [
    "EXTRA",
    "PagesSoFar",
    "Recognised",
    "Recogniser",
    "ScanText",
    "Source",
    "available",
    "clean",
    "ocr_info",
    "ocr_notice",
    "page_text",
    "read_image",
    "recognise",
    "recognise_pages",
]


class ImageRefused(ReadRefused, ValueError):
    """The image cannot be read; the message completes "<name> …"."""


@dataclass(frozen=True)
class PagesSoFar:
    """A scan's pages read so far, for a view shown while OCR reads the rest.

    Each page is laid out on its own: running headers, footers and page numbers are told apart
    across pages, so a page read alone still has them. The document's text, laid out once every
    page is in, replaces this view.
    """

    texts: tuple[str | None, ...]  # every page of the document in order; None: still being read
    recognised: int  # pages read by OCR so far
    to_recognise: int  # pages OCR reads in all


Partial = Callable[[PagesSoFar], None]


def page_text(glyphs: list[Glyph], size: tuple[float, float]) -> str:
    """One page's text laid out alone (reading order, columns, wrapped lines; no furniture)."""
    return clean(build([glyphs], [size]).text, ())[0]


def recognise_pages(
    source: Source,
    pages: list[int],
    texts: list[str | None],
    *,
    recogniser: Recogniser | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    partial: Partial | None = None,
) -> list[Recognised]:
    """Every page of ``pages`` read by OCR, in the order they finish.

    After each page, ``partial`` (if given) gets the pages read so far: ``texts`` holds the
    document's pages (None where a page is not read yet; a text PDF page's own text) and is filled
    in as pages arrive. Each page is laid out once, so this stays linear in the pages.
    """
    read = recogniser or recognise
    out: list[Recognised] = []
    for page in read(source, pages, progress=progress, cancelled=cancelled):
        out.append(page)
        if partial is not None:
            texts[page.index] = page_text(page.glyphs, page.size)
            partial(PagesSoFar(tuple(texts), len(out), len(pages)))
    return out


@dataclass(frozen=True)
class ScanText:
    text: str
    notices: tuple[str, ...]
    ocr: OcrInfo


def read_image(
    data: bytes,
    limits: LoadLimits,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    *,
    partial: Partial | None = None,
    recogniser: Recogniser | None = None,
) -> ScanText:
    """The text of a page image (PNG, JPEG, TIFF with any number of pages) by OCR.

    ``partial`` gets the pages read so far after each page; ``recogniser`` replaces the on-device
    engine (another engine, or a test's).

    Raises:
        ImageRefused: no OCR installed, a damaged image, too many pages.
    """
    if recogniser is None and not available():
        raise ImageRefused(
            f"is not a text document but an image; reading its text needs OCR ({EXTRA})",
            LoadReason.NO_TEXT_LAYER,
        )
    try:
        frames = image_frames(data)
    except Exception as exc:  # Pillow raises many kinds on a broken file
        raise ImageRefused(
            f"is not a text document: it looks like an image but cannot be read as one "
            f"({type(exc).__name__}); check the file",
            LoadReason.DAMAGED,
        ) from exc
    if frames > limits.ocr_max_pages:
        raise ImageRefused(
            f"has {frames} pages, more than the {limits.ocr_max_pages} pages OCR reads in one document; "
            "split it",
            LoadReason.TOO_MANY_PAGES,
            limit=f"{limits.ocr_max_pages:,}",
        )
    try:
        pages = sorted(
            recognise_pages(
                Source("image", data),
                list(range(frames)),
                [None] * frames,
                recogniser=recogniser,
                progress=progress,
                cancelled=cancelled,
                partial=partial,
            ),
            key=lambda r: r.index,
        )
    except OcrUnavailable as exc:
        raise ImageRefused(f"is an image; {exc}", LoadReason.NO_TEXT_LAYER) from exc
    layout = build([p.glyphs for p in pages], [p.size for p in pages])
    text, unsure = clean(layout.text, layout.uncertain)
    info = ocr_info([p.index + 1 for p in pages], pages, unsure)
    notices = [ocr_notice(info)]
    if layout.furniture:
        notices.append("page headers, footers and numbers left out")
    return ScanText(text, tuple(notices), info)


def ocr_info(numbers: list[int], pages: Iterable[Recognised], unsure: tuple[int, ...]) -> OcrInfo:
    confidences = [c for p in pages for c in p.confidences]
    seals = sum(p.seals for p in pages)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrInfo(tuple(numbers), round(mean, 4), len(confidences), spans(unsure), seals, ENGINE_NAME)


def ocr_notice(info: OcrInfo) -> str:
    """One line saying the text was recognised, how sure the recognition was, and what is marked."""
    pages = _ranges(info.pages)
    low = sum(end - start for start, end in info.uncertain)
    parts = [
        f"text recognised by OCR ({'page' if len(info.pages) == 1 else 'pages'} {pages}; "
        f"mean confidence {info.confidence:.1%})"
    ]
    if low:
        parts.append(f"{low} low-confidence characters marked; a difference there may be a misreading")
    if info.seals:
        parts.append(f"{info.seals} red seal{'s' if info.seals > 1 else ''} left out")
    return "; ".join(parts)


def _ranges(numbers: tuple[int, ...]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('–')[0]}–{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def spans(offsets: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Sorted offsets as [start, end) runs."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(offsets)):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return tuple(out)


_TRAILING_SPACE = re.compile(r"[ \t\u3000]+$", re.MULTILINE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str, unsure: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """Text without layout control characters and trailing spaces, the marked offsets moved with it."""
    for pattern in (_CONTROLS, _TRAILING_SPACE):
        removed = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if not removed:
            continue
        keep = [True] * len(text)
        for start, end in removed:
            keep[start:end] = [False] * (end - start)
        new_index: list[int] = []
        count = 0
        for flag in keep:
            new_index.append(count)
            count += flag
        unsure = tuple(new_index[i] for i in unsure if i < len(text) and keep[i])
        text = pattern.sub("", text)
    return text, unsure


def moved_spans(
    before: str, after: str, uncertain: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The spans of ``before`` at their place in ``after``, a copy that only changed whitespace.

    Joining wrapped lines removes line breaks and spaces (and may add a space between Latin
    words); every other character keeps its order, so the two are walked in step over those.
    """
    marked = {i for start, end in uncertain for i in range(start, end)}
    moved: list[int] = []
    j = 0
    for i, ch in enumerate(before):
        if ch.isspace():
            continue
        while j < len(after) and after[j].isspace():
            j += 1
        if j >= len(after) or after[j] != ch:
            break  # not a whitespace-only change: keep what was mapped so far
        if i in marked:
            moved.append(j)
        j += 1
    return spans(moved)
