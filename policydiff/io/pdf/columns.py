"""Find a page's columns and read them in order: a gutter free of ink, then left before right.

Two columns are found from the gaps between segments (a wide gutter) or, for columns set as
narrow as a browser prints CSS columns, as an x strip few lines cover with ink; lines that cross
the gutter (headings) stay whole. Pure geometry on pdfglyphs' lines.
May import: the standard library, policydiff.io.pdf.glyphs.
"""

from __future__ import annotations

import statistics
from itertools import accumulate

from policydiff.io.pdf.glyphs import Glyph, LayoutParams, Line, glyph_rows, join_row, line_rows, page_segments

# --- columns -------------------------------------------------------------------------------------


def find_gutter(rows: list[list[Line]], width: float, params: LayoutParams) -> float | None:
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
    for row in glyph_rows(glyphs, params):
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


def narrow_columns(
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
    for row in glyph_rows(body, params):
        if any(g.x0 < x < g.x1 for g in row if not g.ch.isspace()):
            across += row
        else:
            for g in row:
                (left if g.x0 + g.x1 < 2 * x else right).append(g)
    rows = [line_rows(page_segments(part, params), params) for part in (across, left, right)]
    merged = sorted((row for part in rows for row in part), key=lambda row: -row[0].y)
    segs = [s for row in merged for s in row]
    if usual is not None:
        near = abs(x - usual) <= params.split_gap * statistics.median(s.size for s in segs)
        return (merged, x) if near and fits_columns(merged, x) else (kept, None)
    if _columns_at(segs, x, params) is None:
        return kept, None
    return merged, x


def _on_row(g: Glyph, row: list[Line], params: LayoutParams) -> bool:
    return abs((g.y0 + g.y1) / 2 - row[0].y) <= params.row_tolerance * max(row[0].size, 1.0)


def fits_columns(rows: list[list[Line]], gutter: float) -> bool:
    """Whether a page's lines leave the gutter of the other pages free (a short last page)."""
    segs = [s for row in rows for s in row]
    return bool(segs) and sum(1 for s in segs if s.x0 < gutter < s.x1) * 10 <= len(segs)


def reading_order(rows: list[list[Line]], gutter: float | None, page: int) -> list[Line]:
    """Lines of one page in reading order: a two-column block left column first, then right."""
    if gutter is None:
        return [join_row(row, page, 0) for row in rows]
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        if any(s.x0 < gutter < s.x1 for s in row):
            out += left + right
            left, right = [], []
            out.append(join_row(row, page, 0))
            continue
        lpart = [s for s in row if s.x1 <= gutter]
        rpart = [s for s in row if s.x0 >= gutter]
        if lpart:
            left.append(join_row(lpart, page, 1))
        if rpart:
            right.append(join_row(rpart, page, 2))
    return out + left + right
