"""Measure a pane's text layout once and refill its marks and padding with one lazy layout pass.

Qt lays a QTextDocument out again, at once and in full, after any batch of format changes that spans
the document (half a second for a 1 MB pane). So a comparison is shown without that: the layout Qt
already made while the comparison ran is measured, the padding it holds is taken back out by
arithmetic (a block margin only shifts the blocks below it), the few blocks whose font a new mark
changes are measured in a small scratch document, and marks and padding are then applied while the
document has no page size, so Qt lays it out once more, lazily: the visible part at once, the rest
in the background.
May import: PySide6.QtCore, PySide6.QtGui and the standard library.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Protocol, TypeVar

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat


@dataclass(frozen=True)
class LayoutLimits:
    """When a refilled pane is laid out at once rather than lazily."""

    # panes up to this many characters are laid out in full before the view is shown (a few
    # tens of milliseconds), so their scroll bars are exact from the start
    settle_chars: int = 80_000


@dataclass(frozen=True)
class Padding:
    """Block ``n`` gets a bottom margin of ``margins[n]`` pixels, ``first_top`` pixels stand above
    the first block and ``end`` pixels below the last one (document y, pixels)."""

    margins: Mapping[int, float] = field(default_factory=dict)
    first_top: float = 0.0
    end: float = 0.0

    def shifts(self, numbers: Sequence[int]) -> list[float]:
        """How far the padding moves the top of each block in ``numbers`` (sorted or not)."""
        keys = sorted(n for n, m in self.margins.items() if m > 0)
        sums = [0.0, *accumulate(self.margins[n] for n in keys)]
        return [self.first_top + sums[bisect_left(keys, n)] for n in numbers]


# the format properties that change glyph advances or line heights (colour, underline, strike-out
# and background change neither)
METRIC_PROPERTIES = tuple(
    getattr(QTextFormat.Property, name)
    for name in (
        "FontFamily",
        "FontFamilies",
        "FontPointSize",
        "FontPixelSize",
        "FontSizeAdjustment",
        "FontWeight",
        "FontItalic",
        "FontFixedPitch",
        "FontStretch",
        "FontLetterSpacing",
        "FontLetterSpacingType",
        "FontWordSpacing",
        "FontCapitalization",
        "FontStyleHint",
        "FontStyleStrategy",
        "FontKerning",
        "TextVerticalAlignment",
    )
    if hasattr(QTextFormat.Property, name)
)


K = TypeVar("K", bound=Hashable)


class _HasMarks(Protocol):
    @property
    def text_marks(self) -> Sequence[tuple[int, int, Hashable]]: ...


def metric_kinds(formats: Mapping[K, QTextCharFormat]) -> frozenset[K]:
    """The kinds of mark whose format can change where lines break or how tall they are."""
    return frozenset(k for k, f in formats.items() if any(f.hasProperty(p) for p in METRIC_PROPERTIES))


def force_layout(document: QTextDocument) -> float:
    """Finish the document's layout now; returns the bottom of its last block (document y)."""
    return document.documentLayout().blockBoundingRect(document.lastBlock()).bottom()


def is_laid_out(document: QTextDocument) -> bool:
    """True when Qt has laid the whole document out (it lays out top to bottom)."""
    layout = document.lastBlock().layout()
    return layout is not None and layout.lineCount() > 0


def block_top(block: QTextBlock) -> float:
    """Document y of the top of the block's first line (inside its margins)."""
    return block.document().documentLayout().blockBoundingRect(block).top()


@contextmanager
def without_layout(document: QTextDocument) -> Iterator[None]:
    """Edit ``document`` while it has no page size: Qt only forgets its layout, and lays it out again
    lazily (from the top, the rest in the background) once the page size is back."""
    page = document.pageSize()
    if page.width() <= 0:
        yield
        return
    document.setPageSize(QSizeF(0, 0))
    try:
        yield
    finally:
        document.setPageSize(page)


def scratch_heights(
    document: QTextDocument,
    numbers: Sequence[int],
    spans: Mapping[int, Sequence[tuple[int, int, QTextCharFormat]]],
    width: float,
) -> list[float]:
    """Heights the blocks ``numbers`` of ``document`` take at ``width`` with the character formats
    ``spans[n]`` (positions inside the block) merged in, measured in a scratch copy of those blocks.

    A block's height depends only on its own text, formats and the page width, so a copy of the
    few blocks a new mark changes measures what the document will lay out, at a fraction of the cost.
    """
    scratch = QTextDocument()
    scratch.setUndoRedoEnabled(False)
    scratch.setDefaultFont(document.defaultFont())
    scratch.setDefaultTextOption(document.defaultTextOption())
    scratch.setDocumentMargin(document.documentMargin())
    scratch.setPlainText("\n".join(document.findBlockByNumber(n).text() for n in numbers) + "\n")
    cursor = QTextCursor(scratch)
    cursor.beginEditBlock()
    block = scratch.begin()
    for number in numbers:
        base = block.position()
        for start, end, fmt in spans.get(number, ()):
            cursor.setPosition(base + start)
            cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        block = block.next()
    cursor.endEditBlock()
    scratch.setPageSize(QSizeF(width, -1))
    force_layout(scratch)
    tops: list[float] = []
    block = scratch.begin()
    while block.isValid():
        tops.append(block_top(block))
        block = block.next()
    return [tops[i + 1] - tops[i] for i in range(len(numbers))]


def pad_blocks(cursor: QTextCursor, padded: set[int], padding: Padding) -> set[int]:
    """Set ``padding`` on the cursor's document, clearing the margins of blocks in ``padded`` that
    no longer have one; returns the blocks that carry a margin now. Call inside an edit block."""
    document = cursor.document()
    frame = document.rootFrame()
    frame_format = frame.frameFormat()
    top, bottom = document.documentMargin() + padding.first_top, document.documentMargin() + padding.end
    if frame_format.topMargin() != top or frame_format.bottomMargin() != bottom:
        # the first row's padding is the frame's: Qt ignores a top margin on the first block
        frame_format.setTopMargin(top)
        frame_format.setBottomMargin(bottom)
        frame.setFrameFormat(frame_format)
    wanted = {n for n, m in padding.margins.items() if m > 0}
    for number in sorted(padded | wanted):
        block = document.findBlockByNumber(number)
        if not block.isValid():
            continue
        fmt = block.blockFormat()
        margin = padding.margins.get(number, 0.0)
        if fmt.bottomMargin() == margin:
            continue
        fmt.setBottomMargin(margin)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
    return wanted


def font_spans(
    document: QTextDocument,
    to_qt: Callable[[int], int],
    marks: _HasMarks | None,
    kinds: frozenset[K],
) -> dict[int, list[tuple[int, int, K]]]:
    """The marks of ``kinds`` (offsets of the loaded text, ``to_qt`` maps them to Qt positions) by
    block number, as positions inside their block; a mark over a block break is cut in two."""
    spans: dict[int, list[tuple[int, int, K]]] = {}
    if marks is None:
        return spans
    for start, end, kind in marks.text_marks:
        if kind not in kinds:
            continue
        qs, qe = to_qt(start), to_qt(end)
        block = document.findBlock(qs)
        while block.isValid():
            base = block.position()
            stop = base + block.length() - 1
            spans.setdefault(block.blockNumber(), []).append(
                (max(qs, base) - base, min(qe, stop) - base, kind)
            )
            if qe <= stop + 1:
                break
            block = block.next()
    return spans


def natural_tops(
    document: QTextDocument,
    numbers: Sequence[int],
    padding: Padding,
    changed: Mapping[int, Sequence[tuple[int, int, QTextCharFormat]]],
) -> tuple[list[float], float]:
    """Where blocks ``numbers`` would start, and where the text would end, if the document carried
    no padding and the blocks of ``changed`` had those formats (document y).

    ``padding`` is what the document carries now; its layout is finished first if need be (it
    normally was, while the comparison ran). Blocks of ``changed`` are measured anew in a scratch
    copy and the difference in height moves every block below them.
    """
    bottom = force_layout(document)
    rect, block_of = document.documentLayout().blockBoundingRect, document.findBlockByNumber
    tops = [
        rect(block_of(n)).top() - shift for n, shift in zip(numbers, padding.shifts(numbers), strict=True)
    ]
    end = bottom - padding.shifts([document.blockCount() - 1])[0]
    if not changed:
        return tops, end
    keys = sorted(changed)
    heights = scratch_heights(document, keys, changed, document.pageSize().width())
    deltas = []
    for number, height in zip(keys, heights, strict=True):
        block = document.findBlockByNumber(number)
        following = block.next()
        below = block_top(following) - padding.margins.get(number, 0.0) if following.isValid() else bottom
        deltas.append(height - (below - block_top(block)))
    sums = [0.0, *accumulate(deltas)]
    return [top + sums[bisect_left(keys, n)] for top, n in zip(tops, numbers, strict=True)], end + sums[-1]
