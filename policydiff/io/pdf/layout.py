"""Rebuild a PDF's paragraphs from glyph geometry: lines, columns, page furniture, wrapped lines.

A PDF holds positioned glyphs, not paragraphs. Glyphs on one baseline make a line; a line that
reaches the right margin continues on the next; a short, indented, centred or heading line starts a
paragraph. Lines repeated at the same place on most pages (running headers, footers, page numbers,
a browser's print date and URL) are page furniture and are left out. Pure geometry: no PDF library.
May import: the standard library, policydiff.io.pdf.glyphs, policydiff.io.pdf.columns.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

from policydiff.io.pdf.columns import find_gutter, fits_columns, narrow_columns, reading_order
from policydiff.io.pdf.glyphs import (
    DEFAULT_PARAMS,
    Glyph,
    Layout,
    LayoutParams,
    Line,
    line_rows,
    margins,
    page_segments,
)

__all__ = ["Glyph", "Layout", "LayoutParams", "Line", "build", "find_furniture"]

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
# What a line ends with when its sentence or clause is finished (so a heading-like start after it is one).
_CLOSES = frozenset('。：:；;！!？?）)》」』】”"…')


# --- furniture -----------------------------------------------------------------------------------


_NUMBER = "\0"  # what a number becomes in a line's shape (a "#" of the text stays "#")
_DASHES = frozenset(_DASH)


def _shape(text: str) -> str:
    """What stays the same from page to page: digits and roman numerals become one mark."""
    squeezed = "".join(text.split())
    if _ROMAN.fullmatch(squeezed):
        return _NUMBER
    return _DIGITS.sub(_NUMBER, squeezed)


def _counts_pages(texts: list[tuple[int, str]]) -> bool:
    """Whether the numbers of one repeated line, page by page, read as a running element: the same
    on every page (a header's year), or counting with the pages (a page number, 第 n 页 共 m 页), or
    at least never going back (a header naming its chapter). The numbers of table cells or a list
    that happen to sit at one place on several pages (3, 8, 1, 6 …) do none of these."""
    numbers = [(p, tuple(int(d) for d in _DIGITS.findall(t))) for p, t in sorted(texts)]
    if any(not n for _p, n in numbers) or len({n for _p, n in numbers}) == 1:
        return True
    pairs = list(zip(numbers, numbers[1:], strict=False))
    if all(nb[0] - na[0] == pb - pa for (pa, na), (pb, nb) in pairs):
        return True
    bare = all(set(t) <= _DASHES | set("0123456789 ") for _p, t in texts)
    return not bare and all(na <= nb for (_pa, na), (_pb, nb) in pairs)


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
    copy_of = _copies(pages)
    distinct = len(set(copy_of))
    need = max(2, int(distinct * params.repeat_share + 0.999))
    repeated: set[int] = set()
    for spots in places.values():
        spots.sort()
        lo = 0
        for hi in range(len(spots)):
            while spots[hi][0] - spots[lo][0] > params.same_place:
                lo += 1
            window = spots[lo : hi + 1]
            # pages that are copies of one another (an invoice's original and copy) count once
            if len({copy_of[p] for _y, p, _i in window}) >= need and _counts_pages(
                [(p, candidates[i][2].text) for _y, p, i in window]
            ):
                repeated.update(i for _y, _p, i in window)
    dropped: dict[tuple[int, int], list[bool]] = defaultdict(list)
    browser: dict[tuple[int, int], bool] = defaultdict(bool)
    for index, (p, r, seg, apart) in enumerate(candidates):
        many = index in repeated and (need >= 3 or apart) and not _title_block(p, r, seg, pages, body, params)
        dropped[(p, r)].append(many or (apart and _edge_like(seg.text)))
        browser[(p, r)] = browser[(p, r)] or (apart and _browser_like(seg.text))
    several = len(pages) > 1
    return {
        key
        for key, flags in dropped.items()
        if any(flags) and _row_is_furniture(flags, several, browser[key])
    }


def _row_is_furniture(flags: list[bool], several_pages: bool, browser: bool) -> bool:
    """A row is furniture when every segment is, or it is a browser's header (date + title); on
    a one-page PDF only a browser's date or address takes the rest of its row along (a line
    number or a page number beside text does not make the text furniture)."""
    if all(flags):
        return True
    return len(flags) <= 3 and (several_pages or browser)


def _browser_like(text: str) -> bool:
    squeezed = "".join(text.split())
    return len(squeezed) <= _MAX_SEGMENT and _BROWSER.fullmatch(squeezed) is not None


def _title_block(
    p: int, r: int, seg: Line, pages: list[list[list[Line]]], body: float, params: LayoutParams
) -> bool:
    """A title at the top of the first page, set larger than the body: the document's own title
    block, even when a header repeats the same words at the same place on later pages."""
    if p != 0 or body <= 0 or seg.size < (1 + params.size_change) * body:
        return False
    return all(s.size >= (1 + params.size_change) * body for row in pages[0][:r] for s in row)


def _copies(pages: list[list[list[Line]]]) -> list[int]:
    """For each page, the first page it is a copy of (most of its rows the same text), else itself."""
    keys: dict[frozenset[str], int] = {}
    signatures: list[frozenset[str]] = []
    out: list[int] = []
    for p, rows in enumerate(pages):
        texts = frozenset("".join(s.text for s in row).replace(" ", "")[:_MAX_SEGMENT] for row in rows)
        signatures.append(texts)
        same = keys.get(texts)
        if same is None:
            for q in range(max(0, p - 4), p):  # a copy follows its original closely
                other = signatures[q]
                if texts and len(texts & other) >= 0.8 * max(len(texts), len(other)):
                    same = out[q]
                    break
        if same is None:
            same = p
            keys[texts] = p
        out.append(same)
    return out


# --- paragraphs ----------------------------------------------------------------------------------


def _line_pitch(lines: list[Line], pages_rows: list[list[list[Line]]]) -> float:
    """The usual distance between one line and the next of its column (columns need not share baselines)."""
    gaps = [
        a.y - b.y
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.col == b.col and 0 < a.y - b.y < 4 * max(a.size, 1.0)
    ]
    return statistics.median(gaps) if gaps else _pitch(pages_rows)


def _indents_paragraphs(lines: list[Line], margins: dict[int, tuple[float, float]], p: LayoutParams) -> bool:
    """Whether the document sets its paragraphs with a first-line indent (as a 公文 does): most
    first lines of paragraphs that wrap start indented. Then a line at the margin after a full
    line is always wrapped text, even when it starts like a heading (……；2.积极… / 3.竞聘后…)."""
    indented = starts = 0
    for a, b in zip(lines, lines[1:], strict=False):
        left, right = margins[b.col]
        size = max(b.size, 1.0)
        a_right = margins[a.col][1]
        if a.x1 < a_right - p.right_tolerance * max(a.size, 1.0) and b.x1 >= right - p.right_tolerance * size:
            starts += 1  # b starts a paragraph (the line before ends short) and wraps (b is full)
            indented += b.x0 > left + p.indent * size
    return starts >= p.indent_evidence and indented >= p.indent_share * starts


def _continues(
    a: Line,
    b: Line,
    margins: dict[int, tuple[float, float]],
    pitch: float,
    p: LayoutParams,
    indenting: bool = False,
) -> bool:
    """Whether line b continues the paragraph that line a is in (``indenting``: the document
    indents its paragraphs' first lines)."""
    left, right = margins[a.col]
    b_left, _b_right = margins[b.col]
    size = max(a.size, 1.0)
    if a.x1 < right - p.right_tolerance * size:
        return False  # a short line ends its paragraph
    if b.x0 > b_left + p.indent * size:
        return False
    if not indenting and _HEADING.match(b.text) and (not a.text or a.text[-1] in _CLOSES):
        return False  # a heading after a finished sentence; after a full line cut mid-sentence
        # ("集中统" / "一、高效权威的…") the 一、 is the wrapped text, not a heading
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
    pages_glyphs: list[list[Glyph]], sizes: list[tuple[float, float]], params: LayoutParams = DEFAULT_PARAMS
) -> Layout:
    """Paragraph text of a document from its pages' glyphs and (width, height) page sizes.

    Args:
        pages_glyphs: each page's glyphs.
        sizes: each page's width and height in points.
        params: geometry thresholds.

    Returns:
        One paragraph per line, and the furniture left out.
    """
    pages_rows = [line_rows(page_segments(glyphs, params), params) for glyphs in pages_glyphs]
    drop = find_furniture(pages_rows, [h for _w, h in sizes], params)
    furniture = [" ".join(s.text for s in pages_rows[p][r]) for p, r in sorted(drop)]
    kept = [[row for r, row in enumerate(rows) if (p, r) not in drop] for p, rows in enumerate(pages_rows)]
    gutters: list[float | None] = []
    for p, glyphs in enumerate(pages_glyphs):
        dropped = [row for r, row in enumerate(pages_rows[p]) if (p, r) in drop]
        kept[p], gutter = narrow_columns(glyphs, kept[p], dropped, sizes[p][0], params)
        gutters.append(gutter if gutter is not None else find_gutter(kept[p], sizes[p][0], params))
    found = [g for g in gutters if g is not None]
    usual = statistics.median(found) if found else None
    lines: list[Line] = []
    for p, rows in enumerate(kept):
        gutter = gutters[p]
        if gutter is None and usual is not None:
            dropped = [row for r, row in enumerate(pages_rows[p]) if (p, r) in drop]
            rows, gutter = narrow_columns(pages_glyphs[p], rows, dropped, sizes[p][0], params, usual)
        if gutter is None and usual is not None and fits_columns(rows, usual):
            gutter = usual
        lines += reading_order(rows, gutter, p)
    if not lines:
        return Layout("", furniture)
    edges = margins(lines)
    pitch = _line_pitch(lines, pages_rows)
    indenting = _indents_paragraphs(lines, edges, params)
    paragraphs = [lines[0].text]
    unsure = list(lines[0].uncertain)
    offset = 0  # where the current paragraph starts in the joined text
    for a, b in zip(lines, lines[1:], strict=False):
        if _continues(a, b, edges, pitch, params, indenting):
            glued = _glue(paragraphs[-1], b.text)
            start = offset + len(glued) - len(b.text)
            paragraphs[-1] = glued
        else:
            offset += len(paragraphs[-1]) + 1
            start = offset
            paragraphs.append(b.text)
        unsure.extend(start + i for i in b.uncertain)
    return Layout("\n".join(paragraphs), furniture, tuple(unsure))
