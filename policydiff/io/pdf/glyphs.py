"""Glyphs into lines: the data of a PDF's text layer and the rows and segments it makes.

Glyphs on one baseline make a row; a wide horizontal gap splits a row into segments (columns,
table cells); each column's margins are measured over the whole document. Pure geometry, shared
by the column finder (pdfcolumns) and the paragraph builder (pdflayout).
May import: the standard library only.
"""

from __future__ import annotations

import bisect
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

# --- data --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character of the text layer; x grows right, y grows up (PDF space), in points."""

    ch: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    generated: bool = False  # PDFium's own space, not a glyph of the file
    uncertain: bool = False  # recognised by OCR with low confidence (a misreading is possible)
    font: int = 0  # which font drew it (numbered per document), to set aside a font read as garbage
    joined: bool = False  # a further character of the glyph before it (one glyph for "——"), not a copy


@dataclass
class Line:
    """A run of glyphs on one baseline, without large gaps."""

    text: str
    x0: float
    x1: float
    y: float  # vertical centre
    size: float
    page: int
    col: int = 0  # 0 single column, 1 left, 2 right
    uncertain: tuple[int, ...] = ()  # offsets in text of characters OCR was unsure of


@dataclass(frozen=True)
class LayoutParams:
    """Geometry thresholds, in multiples of the font size unless said otherwise."""

    row_tolerance: float = 0.45  # glyph centres this close vertically share a row
    split_gap: float = 1.5  # a horizontal gap this wide splits a row into segments
    word_gap: float = 0.16  # a visible gap this wide is a space (justified CJK spreads less)
    autospace: float = 0.3  # between CJK and Latin text a gap must be this wide to be a space
    band: float = 0.16  # share of the page height at top and bottom where furniture lives
    edge_rows: int = 2  # rows at each page edge examined as furniture
    repeat_share: float = 0.5  # a line at the same place on this share of pages is furniture
    same_place: float = 6.0  # points: furniture repeats within this vertical distance
    margin_gap: float = 1.4  # furniture stands off the body by this many line pitches
    small_font: float = 0.85  # or is set smaller than the body text (a browser's print header)
    right_tolerance: float = 1.5  # a line ending within this of the right margin reaches it
    indent: float = 0.8  # a line starting this far right of the left margin is indented
    indent_evidence: int = 5  # wrapping paragraphs whose first lines show whether a document indents
    indent_share: float = 0.8  # ... and the share of them indented for it to count as indenting
    paragraph_gap: float = 1.45  # line pitches: a wider vertical gap ends a paragraph
    size_change: float = 0.15  # relative font size change that ends a paragraph
    column_min_lines: int = 4  # lines each side of a gutter before a page counts as two columns
    gutter_step: float = 1.0  # points between the x positions tried for a gutter free of ink
    gutter_positions: int = 400  # at most this many positions tried per page (a huge page: wider steps)


DEFAULT_PARAMS = LayoutParams()


@dataclass
class Layout:
    """Paragraph text of a document and what was left out."""

    text: str
    furniture: list[str] = field(default_factory=list)
    uncertain: tuple[int, ...] = ()  # offsets in text of characters OCR was unsure of


def is_cjk(ch: str) -> bool:
    return ch >= "\u2e80" and not ("\uff01" <= ch <= "\uff5e" and ch.isalnum())


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# --- lines ---------------------------------------------------------------------------------------


def glyph_rows(glyphs: list[Glyph], params: LayoutParams) -> list[list[Glyph]]:
    """Glyphs sharing a baseline, top to bottom."""
    real = [g for g in glyphs if g.x1 >= g.x0 and not (g.generated and not g.ch.isspace())]
    real.sort(key=lambda g: -(g.y0 + g.y1) / 2)
    rows: list[list[Glyph]] = []
    anchor = anchor_size = 0.0
    for g in real:
        centre = (g.y0 + g.y1) / 2
        if rows and abs(centre - anchor) <= params.row_tolerance * max(g.size, anchor_size, 1.0):
            rows[-1].append(g)
        elif g.ch.isspace():
            continue  # a space alone on a row carries no text
        else:
            rows.append([g])
            anchor, anchor_size = centre, g.size
    for index, row in enumerate(rows):
        row.sort(key=lambda g: g.x0 + g.x1)  # centres: a generated space is a point past its gap
        rows[index] = _drawn_once(row)
    return rows


_RECENT = 4  # kept glyphs a duplicate is looked for among (copies interleave with spaces)
_SAME_BOX = 0.6  # share of the narrower glyph's width two boxes must overlap to be one glyph


def _drawn_once(row: list[Glyph]) -> list[Glyph]:
    """The row with each glyph drawn twice at (nearly) one place kept once: fake bold (a glyph
    overprinted a fraction of a point to the side), a form object or text block drawn twice."""
    kept: list[Glyph] = []
    for g in row:
        if not g.ch.isspace() and not g.joined:
            width = g.x1 - g.x0
            duplicate = False
            for other in kept[-_RECENT:]:
                if other.ch != g.ch:
                    continue
                overlap = min(g.x1, other.x1) - max(g.x0, other.x0)
                narrow = min(width, other.x1 - other.x0)
                centre = abs((g.y0 + g.y1) - (other.y0 + other.y1)) / 2
                if narrow > 0 and overlap >= _SAME_BOX * narrow and centre <= 0.25 * max(g.size, 1.0):
                    duplicate = True
                    break
            if duplicate:
                continue
        kept.append(g)
    return kept


def page_segments(glyphs: list[Glyph], params: LayoutParams) -> list[Line]:
    """Rows of glyphs split at wide gaps, top to bottom then left to right."""
    segments: list[Line] = []
    for row in glyph_rows(glyphs, params):
        current: list[Glyph] = []
        right = 0.0
        for g in row:
            if current and g.x0 - right > params.split_gap * max(g.size, 1.0):
                segments.extend(segment_row(current, params))
                current = []
            right = g.x1 if not current else max(right, g.x1)
            current.append(g)
        segments.extend(segment_row(current, params))
    return segments


def segment_row(glyphs: list[Glyph], params: LayoutParams) -> list[Line]:
    """One segment's text: the file's own spaces kept, PDFium's kept only between Latin words."""
    ink = [g for g in glyphs if not g.ch.isspace()]
    if not ink:
        return []
    out: list[str] = []
    unsure: list[int] = []
    length = 0
    prev: Glyph | None = None
    real_space = generated_space = False
    for g in glyphs:
        if g.ch.isspace():
            real_space = real_space or not g.generated
            generated_space = generated_space or g.generated
            continue
        if prev is not None:
            gap = g.x0 - prev.x1
            latin = is_latin(prev.ch[-1]) and is_latin(g.ch[0])
            # Chinese is written without spaces: a gap between two CJK glyphs (widths a reader
            # guessed for an unembedded font, justified text) is layout, not a word break
            cjk = is_cjk(prev.ch[-1]) and is_cjk(g.ch[0])
            # between CJK and a Latin letter or digit an office adds about a quarter em of its own
            # (LibreOffice's and Word's autospacing): a gap, not a space in the text
            mixed = is_cjk(prev.ch[-1]) != is_cjk(g.ch[0])
            wide = gap > (params.autospace if mixed else params.word_gap) * g.size
            if real_space or (generated_space or latin) and not cjk and wide:
                out.append(" ")
                length += 1
        if g.uncertain:
            unsure.extend(range(length, length + len(g.ch)))
        out.append(g.ch)
        length += len(g.ch)
        prev = g
        real_space = generated_space = False
    sizes = sorted(g.size for g in ink)
    return [
        Line(
            text="".join(out),
            x0=ink[0].x0,
            x1=max(g.x1 for g in ink),
            y=statistics.median((g.y0 + g.y1) / 2 for g in ink),
            size=sizes[len(sizes) // 2],
            page=0,
            uncertain=tuple(unsure),
        )
    ]


def line_rows(segments: list[Line], params: LayoutParams) -> list[list[Line]]:
    """Segments sharing a baseline, top to bottom."""
    rows: list[list[Line]] = []
    for seg in segments:
        if rows and abs(rows[-1][0].y - seg.y) <= params.row_tolerance * max(seg.size, 1.0):
            rows[-1].append(seg)
        else:
            rows.append([seg])
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


def join_row(row: list[Line], page: int, col: int) -> Line:
    text = " ".join(s.text for s in row)
    unsure: list[int] = []
    start = 0
    for s in row:
        unsure.extend(start + i for i in s.uncertain)
        start += len(s.text) + 1
    return Line(text, row[0].x0, row[-1].x1, row[0].y, max(s.size for s in row), page, col, tuple(unsure))


def margins(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Left and right margin of each column kind over the whole document."""
    out: dict[int, tuple[float, float]] = {}
    for col in {line.col for line in lines}:
        mine = [line for line in lines if line.col == col]
        lefts: defaultdict[int, int] = defaultdict(int)
        for line in mine:
            lefts[round(line.x0)] += 1
        support = max(2, len(mine) // 10)  # wrapped lines start here; first lines may be indented
        supported = [x for x, n in lefts.items() if n >= support]
        left = float(min(supported) if supported else min(lefts))
        rights = sorted(line.x1 for line in mine)
        right = rights[-1]
        need = min(3, len(rights))
        for i in range(len(rights) - 1, -1, -1):  # the rightmost edge at least three lines share
            x = rights[i]
            if bisect.bisect_right(rights, x + 1.5) - bisect.bisect_left(rights, x - 1.5) >= need:
                right = x
                break
        out[col] = (left, right)
    return out
