"""Rebuild a PDF's paragraphs from glyph geometry: lines, columns, page furniture, wrapped lines.

A PDF holds positioned glyphs, not paragraphs. Glyphs on one baseline make a line; a line that
reaches the right margin continues on the next; a short, indented, centred or heading line starts a
paragraph. Lines repeated at the same place on most pages (running headers, footers, page numbers,
a browser's print date and URL) are page furniture and are left out. Pure geometry: no PDF library.
May import: the standard library only.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

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


@dataclass(frozen=True)
class LayoutParams:
    """Geometry thresholds, in multiples of the font size unless said otherwise."""

    row_tolerance: float = 0.45  # glyph centres this close vertically share a row
    split_gap: float = 1.5  # a horizontal gap this wide splits a row into segments
    word_gap: float = 0.16  # a visible gap this wide is a space (justified CJK spreads less)
    band: float = 0.16  # share of the page height at top and bottom where furniture lives
    edge_rows: int = 2  # rows at each page edge examined as furniture
    repeat_share: float = 0.5  # a line at the same place on this share of pages is furniture
    same_place: float = 6.0  # points: furniture repeats within this vertical distance
    margin_gap: float = 1.4  # furniture stands off the body by this many line pitches
    small_font: float = 0.85  # or is set smaller than the body text (a browser's print header)
    right_tolerance: float = 1.5  # a line ending within this of the right margin reaches it
    indent: float = 0.8  # a line starting this far right of the left margin is indented
    paragraph_gap: float = 1.45  # line pitches: a wider vertical gap ends a paragraph
    size_change: float = 0.15  # relative font size change that ends a paragraph
    column_min_lines: int = 4  # lines each side of a gutter before a page counts as two columns
    gutter_step: float = 1.0  # points between the x positions tried for a gutter free of ink
    gutter_positions: int = 400  # at most this many positions tried per page (a huge page: wider steps)


@dataclass
class Layout:
    """Paragraph text of a document and what was left out."""

    text: str
    furniture: list[str] = field(default_factory=list)


# --- patterns (each bounded: one short segment at a time, no nested quantifiers) ---------------

_DASH = "-—–―－~〜_"
_PAGE_NUMBER = re.compile(
    rf"[{_DASH}]{{0,3}}\d{{1,4}}[{_DASH}]{{0,3}}"
    r"|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?|共\d{1,4}页[,，]?第\d{1,4}页"
    r"|第[一二三四五六七八九十百零]{1,6}页"
    r"|\d{1,4}/\d{1,4}|(?i:page\d{1,4}(?:of\d{1,4})?)"
    rf"|[{_DASH}]{{0,3}}(?i:[ivxlcdm]{{1,8}})[{_DASH}]{{0,3}}"
)
_BROWSER = re.compile(
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,，]?\d{1,2}:\d{2}(?::\d{2})?(?:[AaPp][Mm]|上午|下午)?"
    r"|(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?(?:[AaPp][Mm])?"
    r"|(?:file|https?)://\S{1,2000}"
)
_ROMAN = re.compile(r"(?i:[ivxlcdm]{1,8})")
_DIGITS = re.compile(r"\d{1,20}")
_HEADING = re.compile(
    r"(?:[一二三四五六七八九十百]{1,4}[、.．]|第[一二三四五六七八九十百零〇\d]{1,8}[编章节条款]"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.、．](?!\d)|附件|附表)"
)
_MAX_SEGMENT = 200  # furniture is short: longer segments are never tested


def _is_cjk(ch: str) -> bool:
    return ch >= "\u2e80" and not ("\uff01" <= ch <= "\uff5e" and ch.isalnum())


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# --- lines ---------------------------------------------------------------------------------------


def _glyph_rows(glyphs: list[Glyph], params: LayoutParams) -> list[list[Glyph]]:
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
    for row in rows:
        row.sort(key=lambda g: g.x0 + g.x1)  # centres: a generated space is a point past its gap
    return rows


def page_segments(glyphs: list[Glyph], params: LayoutParams) -> list[Line]:
    """Rows of glyphs split at wide gaps, top to bottom then left to right."""
    segments: list[Line] = []
    for row in _glyph_rows(glyphs, params):
        current: list[Glyph] = []
        right = 0.0
        for g in row:
            if current and g.x0 - right > params.split_gap * max(g.size, 1.0):
                segments.extend(_segment(current, params))
                current = []
            right = g.x1 if not current else max(right, g.x1)
            current.append(g)
        segments.extend(_segment(current, params))
    return segments


def _segment(glyphs: list[Glyph], params: LayoutParams) -> list[Line]:
    """One segment's text: the file's own spaces kept, PDFium's kept only between Latin words."""
    ink = [g for g in glyphs if not g.ch.isspace()]
    if not ink:
        return []
    out: list[str] = []
    prev: Glyph | None = None
    real_space = generated_space = False
    for g in glyphs:
        if g.ch.isspace():
            real_space = real_space or not g.generated
            generated_space = generated_space or g.generated
            continue
        if prev is not None:
            gap = g.x0 - prev.x1
            latin = _latin(prev.ch[-1]) and _latin(g.ch[0])
            if real_space or (generated_space or latin) and gap > params.word_gap * g.size:
                out.append(" ")
        out.append(g.ch)
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
        )
    ]


def _rows(segments: list[Line], params: LayoutParams) -> list[list[Line]]:
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


def _join_row(row: list[Line], page: int, col: int) -> Line:
    text = " ".join(s.text for s in row)
    return Line(text, row[0].x0, row[-1].x1, row[0].y, max(s.size for s in row), page, col)


# --- furniture -----------------------------------------------------------------------------------


def _shape(text: str) -> str:
    """What stays the same from page to page: digits and roman numerals become #."""
    squeezed = "".join(text.split())
    if _ROMAN.fullmatch(squeezed):
        return "#"
    return _DIGITS.sub("#", squeezed)


def _edge_like(text: str) -> bool:
    squeezed = "".join(text.split())
    if len(squeezed) > _MAX_SEGMENT:
        return False
    return bool(_PAGE_NUMBER.fullmatch(squeezed) or _BROWSER.fullmatch(squeezed))


def _pitch(pages: list[list[list[Line]]]) -> float:
    gaps = [
        a[0].y - b[0].y
        for rows in pages
        for a, b in zip(rows, rows[1:], strict=False)
        if 0 < a[0].y - b[0].y < 4 * max(a[0].size, 1.0)
    ]
    return statistics.median(gaps) if gaps else 14.0


def find_furniture(
    pages: list[list[list[Line]]], heights: list[float], params: LayoutParams
) -> set[tuple[int, int]]:
    """(page, row) of rows at the page edges that are headers, footers or page numbers."""
    pitch = _pitch(pages)
    sizes = sorted(s.size for rows in pages for row in rows for s in row)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    candidates: list[tuple[int, int, Line, bool]] = []  # page, row, segment, set apart from the body
    for p, rows in enumerate(pages):
        height = heights[p]
        k = min(params.edge_rows, len(rows))
        edge = sorted(set(range(k)) | set(range(len(rows) - k, len(rows))))
        for r in edge:
            y = rows[r][0].y
            if params.band * height < y < (1 - params.band) * height:
                continue
            below = r + 1 if r < k else r - 1
            neighbour = rows[below] if 0 <= below < len(rows) else None
            apart = neighbour is None or abs(y - neighbour[0].y) > params.margin_gap * pitch
            for seg in rows[r]:
                candidates.append((p, r, seg, apart or seg.size < params.small_font * body))
    places: dict[str, list[tuple[float, int, int]]] = defaultdict(list)  # y, page, candidate
    for index, (p, _r, seg, _apart) in enumerate(candidates):
        if len(seg.text) <= _MAX_SEGMENT:
            places[_shape(seg.text)].append((seg.y, p, index))
    need = max(2, int(len(pages) * params.repeat_share + 0.999))
    repeated: set[int] = set()
    for spots in places.values():
        spots.sort()
        lo = 0
        for hi in range(len(spots)):
            while spots[hi][0] - spots[lo][0] > params.same_place:
                lo += 1
            window = spots[lo : hi + 1]
            if len({p for _y, p, _i in window}) >= need:
                repeated.update(i for _y, _p, i in window)
    dropped: dict[tuple[int, int], list[bool]] = defaultdict(list)
    for index, (p, r, seg, apart) in enumerate(candidates):
        many = index in repeated and (need >= 3 or apart)
        dropped[(p, r)].append(many or (apart and _edge_like(seg.text)))
    return {key for key, flags in dropped.items() if any(flags) and _row_is_furniture(flags)}


def _row_is_furniture(flags: list[bool]) -> bool:
    """A row is furniture when every segment is, or it is a browser's header (date + title)."""
    return all(flags) or len(flags) <= 3


# --- columns -------------------------------------------------------------------------------------


def _gutter(rows: list[list[Line]], width: float, params: LayoutParams) -> float | None:
    """The x of a gap between two columns of wrapped text, if the page has one."""
    segs = [s for row in rows for s in row]
    if len(segs) < 2 * params.column_min_lines:
        return None
    best: tuple[int, float] | None = None
    x = 0.3 * width
    while x <= 0.7 * width:
        spans = _columns_at(segs, x, params)
        if spans is not None and (best is None or spans < best[0]):
            best = (spans, x)
        x += 4.0
    return None if best is None else best[1]


def _columns_at(segs: list[Line], x: float, params: LayoutParams) -> int | None:
    """How many lines cross ``x``, if ``x`` parts two columns of wrapped text; else None."""
    spans = sum(1 for s in segs if s.x0 < x < s.x1)
    left = [s for s in segs if s.x1 <= x]
    right = [s for s in segs if s.x0 >= x]
    if len(left) < params.column_min_lines or len(right) < params.column_min_lines:
        return None
    if spans * 10 > len(segs) or not (_aligned(left, params) and _aligned(right, params)):
        return None
    return spans


def _ink_gutter(glyphs: list[Glyph], width: float, params: LayoutParams, min_lines: int) -> float | None:
    """An x that few rows cover with ink while many have ink on each side: a gutter, however narrow.

    Columns set close together (a web page's CSS columns stand 1 em apart) leave no gap wider than
    ``split_gap`` between the last glyph of a left line and the first of the right one, but the
    strip between them stays free of ink down the page; a single column's lines cover it.
    """
    first = 0.3 * width
    step = max(params.gutter_step, 0.4 * width / params.gutter_positions)
    count = int(0.4 * width / step) + 1
    # difference arrays: each row adds its runs of ink, its start and its end once (linear)
    cover = [0] * (count + 1)
    begun = [0] * (count + 1)
    unended = [0] * (count + 1)
    inked = 0
    for row in _glyph_rows(glyphs, params):
        spans = sorted(
            (max(0, int((g.x0 - first) / step)), min(count - 1, int((g.x1 - first) / step) + 1))
            for g in row
            if not g.ch.isspace()
        )
        if not spans:
            continue
        inked += 1
        run_lo, run_hi = spans[0]
        for lo, hi in spans[1:] + [(count + 1, count + 1)]:
            if lo > run_hi + 1:
                if run_lo <= run_hi and run_hi >= 0 and run_lo < count:
                    cover[max(run_lo, 0)] += 1
                    cover[min(run_hi, count - 1) + 1] -= 1
                run_lo, run_hi = lo, hi
            else:
                run_hi = max(run_hi, hi)
        start = min(g.x0 for g in row if not g.ch.isspace())
        end = max(g.x1 for g in row if not g.ch.isspace())
        i_start = max(0, int((start - first) / step) + 1)  # positions right of the row's start
        if i_start < count:
            begun[i_start] += 1
        i_end = min(count, int((end - first) / step))  # positions left of the row's end
        if i_end > 0:
            unended[0] += 1
            unended[i_end] -= 1
    covered = list(accumulate(cover[:count]))
    lefts = [n - c for n, c in zip(accumulate(begun[:count]), covered, strict=True)]
    rights = [n - c for n, c in zip(accumulate(unended[:count]), covered, strict=True)]
    scores = [
        (min(lefts[i], rights[i]), i)
        for i in range(count)
        if covered[i] * 10 <= inked and min(lefts[i], rights[i]) >= min_lines
    ]
    if not scores:
        return None
    top = max(b for b, _i in scores)
    ties = [i for b, i in scores if b == top]
    return first + ties[len(ties) // 2] * step


def _aligned(segs: list[Line], params: LayoutParams) -> bool:
    """Most lines end at one right edge: wrapped text, not a table's cells."""
    edge = max(s.x1 for s in segs)
    full = sum(1 for s in segs if edge - s.x1 <= params.right_tolerance * s.size)
    return full * 2 >= len(segs)


def _narrow_columns(
    glyphs: list[Glyph],
    kept: list[list[Line]],
    dropped: list[list[Line]],
    width: float,
    params: LayoutParams,
    usual: float | None = None,
) -> tuple[list[list[Line]], float | None]:
    """A page's rows rebuilt column by column at a gutter too narrow to split at, when it has one.

    Each column's lines are gathered on their own: columns set close together need not share
    baselines, so rows taken across the page would mix a left line with a right one. Rows with a
    glyph over the gutter (a heading across the page) stay whole; furniture rows stay out. With
    ``usual``, the gutter of the other pages, a page of short lines (a last page, half headings)
    needs only to leave that gutter free.
    """
    if not kept:
        return kept, None
    x = _ink_gutter(glyphs, width, params, params.column_min_lines if usual is None else 1)
    if x is None:
        return kept, None
    body = [g for g in glyphs if not any(_on_row(g, row, params) for row in dropped)]
    across: list[Glyph] = []
    left: list[Glyph] = []
    right: list[Glyph] = []
    for row in _glyph_rows(body, params):
        if any(g.x0 < x < g.x1 for g in row if not g.ch.isspace()):
            across += row
        else:
            for g in row:
                (left if g.x0 + g.x1 < 2 * x else right).append(g)
    rows = [_rows(page_segments(part, params), params) for part in (across, left, right)]
    merged = sorted((row for part in rows for row in part), key=lambda row: -row[0].y)
    segs = [s for row in merged for s in row]
    if usual is not None:
        near = abs(x - usual) <= params.split_gap * statistics.median(s.size for s in segs)
        return (merged, x) if near and _fits(merged, x) else (kept, None)
    if _columns_at(segs, x, params) is None:
        return kept, None
    return merged, x


def _on_row(g: Glyph, row: list[Line], params: LayoutParams) -> bool:
    return abs((g.y0 + g.y1) / 2 - row[0].y) <= params.row_tolerance * max(row[0].size, 1.0)


def _fits(rows: list[list[Line]], gutter: float) -> bool:
    """Whether a page's lines leave the gutter of the other pages free (a short last page)."""
    segs = [s for row in rows for s in row]
    return bool(segs) and sum(1 for s in segs if s.x0 < gutter < s.x1) * 10 <= len(segs)


def reading_order(rows: list[list[Line]], gutter: float | None, page: int) -> list[Line]:
    """Lines of one page in reading order: a two-column block left column first, then right."""
    if gutter is None:
        return [_join_row(row, page, 0) for row in rows]
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        if any(s.x0 < gutter < s.x1 for s in row):
            out += left + right
            left, right = [], []
            out.append(_join_row(row, page, 0))
            continue
        lpart = [s for s in row if s.x1 <= gutter]
        rpart = [s for s in row if s.x0 >= gutter]
        if lpart:
            left.append(_join_row(lpart, page, 1))
        if rpart:
            right.append(_join_row(rpart, page, 2))
    return out + left + right


# --- paragraphs ----------------------------------------------------------------------------------


def _margins(lines: list[Line]) -> dict[int, tuple[float, float]]:
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


def _line_pitch(lines: list[Line], pages_rows: list[list[list[Line]]]) -> float:
    """The usual distance between one line and the next of its column (columns need not share baselines)."""
    gaps = [
        a.y - b.y
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.col == b.col and 0 < a.y - b.y < 4 * max(a.size, 1.0)
    ]
    return statistics.median(gaps) if gaps else _pitch(pages_rows)


def _continues(
    a: Line, b: Line, margins: dict[int, tuple[float, float]], pitch: float, p: LayoutParams
) -> bool:
    """Whether line b continues the paragraph that line a is in."""
    left, right = margins[a.col]
    b_left, _b_right = margins[b.col]
    size = max(a.size, 1.0)
    if a.x1 < right - p.right_tolerance * size:
        return False  # a short line ends its paragraph
    if b.x0 > b_left + p.indent * size or _HEADING.match(b.text):
        return False
    if abs(a.size - b.size) > p.size_change * size:
        return False
    if a.page == b.page and a.col == b.col and a.y - b.y > p.paragraph_gap * pitch:
        return False
    return True


def _glue(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def build(
    pages_glyphs: list[list[Glyph]], sizes: list[tuple[float, float]], params: LayoutParams = LayoutParams()
) -> Layout:
    """Paragraph text of a document from its pages' glyphs and (width, height) page sizes.

    Args:
        pages_glyphs: each page's glyphs.
        sizes: each page's width and height in points.
        params: geometry thresholds.

    Returns:
        One paragraph per line, and the furniture left out.
    """
    pages_rows = [_rows(page_segments(glyphs, params), params) for glyphs in pages_glyphs]
    drop = find_furniture(pages_rows, [h for _w, h in sizes], params)
    furniture = [" ".join(s.text for s in pages_rows[p][r]) for p, r in sorted(drop)]
    kept = [[row for r, row in enumerate(rows) if (p, r) not in drop] for p, rows in enumerate(pages_rows)]
    gutters: list[float | None] = []
    for p, glyphs in enumerate(pages_glyphs):
        dropped = [row for r, row in enumerate(pages_rows[p]) if (p, r) in drop]
        kept[p], gutter = _narrow_columns(glyphs, kept[p], dropped, sizes[p][0], params)
        gutters.append(gutter if gutter is not None else _gutter(kept[p], sizes[p][0], params))
    found = [g for g in gutters if g is not None]
    usual = statistics.median(found) if found else None
    lines: list[Line] = []
    for p, rows in enumerate(kept):
        gutter = gutters[p]
        if gutter is None and usual is not None:
            dropped = [row for r, row in enumerate(pages_rows[p]) if (p, r) in drop]
            rows, gutter = _narrow_columns(pages_glyphs[p], rows, dropped, sizes[p][0], params, usual)
        if gutter is None and usual is not None and _fits(rows, usual):
            gutter = usual
        lines += reading_order(rows, gutter, p)
    if not lines:
        return Layout("", furniture)
    margins = _margins(lines)
    pitch = _line_pitch(lines, pages_rows)
    paragraphs = [lines[0].text]
    for a, b in zip(lines, lines[1:], strict=False):
        if _continues(a, b, margins, pitch, params):
            paragraphs[-1] = _glue(paragraphs[-1], b.text)
        else:
            paragraphs.append(b.text)
    return Layout("\n".join(paragraphs), furniture)
