"""The comparison pipeline: load → normalize → parse → align → diff → figures → one Comparison.

Everything the GUI, the HTML report and the JSON show comes from the Comparison built here.
Each document is prepared once per normalization mode (normalized text, unit tree, words) and
kept in a small cache, so toggling an option or re-pairing units by hand is quick.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from policydiff.align import AlignConfig, Alignment, UnitFeatures, align_units, arrange, content_words
from policydiff.figures import compare_figures, extract_figures
from policydiff.io import load_document
from policydiff.model import (
    ComparedDocument,
    CompareOptions,
    Comparison,
    DocumentTree,
    Edit,
    Figure,
    FigureChange,
    LoadedDocument,
    Op,
    Pair,
    Status,
    Unit,
)
from policydiff.normalize import NormalizedText, normalize
from policydiff.structure import parse_structure
from policydiff.worddiff import DiffConfig, diff_tokens
from policydiff.words import segment

ProgressFn = Callable[[float], None]
CancelledFn = Callable[[], bool]
Override = tuple[int | None, int | None]

FIGURE_MODE = "t2s"  # figures are always read on simplified text, whatever the display mode


class Cancelled(Exception):
    """The caller asked to stop a running comparison."""


@dataclass(frozen=True)
class _Prepared:
    document: LoadedDocument
    units: tuple[Unit, ...]
    title: str
    body_start: int
    body_end: int
    norm: NormalizedText
    words: list[str]
    word_starts: list[int]
    own_spans: tuple[tuple[int, int], ...]
    features: tuple[UnitFeatures, ...]


class _PreparedCache:
    """A small thread-safe LRU of prepared documents, keyed by (text, mode)."""

    def __init__(self, size: int = 6) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], _Prepared] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> _Prepared | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple[str, str], value: _Prepared) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


_cache = _PreparedCache()


def _word_range(starts: Sequence[int], begin: int, end: int) -> tuple[int, int]:
    """Indices of the words that start inside [begin, end)."""
    return bisect_left(starts, begin), bisect_left(starts, end)


def _clipped_words(prepared: _Prepared, begin: int, end: int) -> list[str]:
    """The words of norm.text[begin:end], cut at the span's ends so they tile it exactly."""
    if begin >= end:
        return []
    starts, words = prepared.word_starts, prepared.words
    first = max(bisect_left(starts, begin + 1) - 1, 0)
    out: list[str] = []
    i = first
    while i < len(words) and starts[i] < end:
        w_start, word = starts[i], words[i]
        lo, hi = max(begin, w_start), min(end, w_start + len(word))
        if lo < hi:
            out.append(word[lo - w_start : hi - w_start])
        i += 1
    return out


def _body_start(text: str, unit: Unit) -> int:
    """Where a unit's text starts after its label: renumbering (`16.` → `（二十四）`) is no edit."""
    end = unit.start + len(unit.label)
    if unit.label and end <= unit.own_end and text[unit.start : end] == unit.label:
        return end
    return unit.start


def _keep_blocks_whole(
    words: list[str], starts: list[int], norm: NormalizedText
) -> tuple[list[str], list[int]]:
    """Join words that split an OpenCC block (記憶體 → 内存 segmented 内|存): a diff boundary
    inside a block could not map back to the loaded text, so no word boundary may fall there."""
    inside = {j + 1 for j in norm.ends if j + 1 < len(norm.text) and norm.starts[j + 1] == norm.starts[j]}
    if not inside:
        return words, starts
    out_words: list[str] = []
    out_starts: list[int] = []
    for word, start in zip(words, starts, strict=True):
        if out_words and start in inside:
            out_words[-1] += word
        else:
            out_words.append(word)
            out_starts.append(start)
    return out_words, out_starts


def prepare(document: LoadedDocument, mode: str) -> _Prepared:
    """Normalize, parse and segment a document once per mode (cached)."""
    key = (document.text, mode)
    cached = _cache.get(key)
    if cached is not None and cached.document == document:
        return cached
    tree = parse_structure(document.text)
    norm = normalize(document.text, mode)
    words, starts = _keep_blocks_whole(*segment(norm.text), norm)
    units = tree.units
    has_children = {u.parent for u in units if u.parent is not None}
    own_spans = tuple(norm.slice_span(_body_start(document.text, u), u.own_end) for u in units)
    features = []
    for unit, (a, b) in zip(units, own_spans, strict=True):
        full_a, full_b = norm.slice_span(unit.start, unit.end) if unit.index in has_children else (a, b)
        lo, hi = _word_range(starts, full_a, full_b)
        heading = normalize(unit.heading, mode).text if unit.heading else ""
        features.append(
            UnitFeatures(
                index=unit.index,
                level=unit.level,
                depth=unit.depth,
                parent=unit.parent,
                has_children=unit.index in has_children,
                heading=heading,
                words=content_words(words[lo:hi]),
                number=unit.number,
                text=norm.text[a:b].strip(),
            )
        )
    prepared = _Prepared(
        document=document,
        units=units,
        title=tree.title,
        body_start=tree.body_start,
        body_end=tree.body_end,
        norm=norm,
        words=words,
        word_starts=starts,
        own_spans=own_spans,
        features=tuple(features),
    )
    _cache.put(key, prepared)
    return prepared


def _edits_for(
    left: _Prepared, right: _Prepared, lu: Unit, ru: Unit, config: DiffConfig
) -> tuple[list[Edit], float]:
    """Word edits between two units' own texts, as spans of the loaded texts; and their similarity."""
    la, lb = left.own_spans[lu.index]
    ra, rb = right.own_spans[ru.index]
    lw = _clipped_words(left, la, lb)
    rw = _clipped_words(right, ra, rb)
    chunks = diff_tokens(lw, rw, config)
    l_bounds = _bounds(la, lw)
    r_bounds = _bounds(ra, rw)
    l_prev = _body_start(left.document.text, lu)
    r_prev = _body_start(right.document.text, ru)
    # the labels stand for each other: an equal chunk, so the edits still tile both units
    raw: list[tuple[Op, tuple[int, int], tuple[int, int]]] = [
        (Op.EQUAL, (lu.start, l_prev), (ru.start, r_prev))
    ]
    equal_chars = 0
    for k, chunk in enumerate(chunks):
        last = k == len(chunks) - 1
        l_end = lu.own_end if last else _to_original(left.norm, l_bounds[chunk.l1], lu)
        r_end = ru.own_end if last else _to_original(right.norm, r_bounds[chunk.r1], ru)
        l_end = min(max(l_end, l_prev), lu.own_end)
        r_end = min(max(r_end, r_prev), ru.own_end)
        if chunk.op == Op.EQUAL:
            equal_chars += sum(1 for ch in "".join(lw[chunk.l0 : chunk.l1]) if not ch.isspace())
        raw.append((chunk.op, (l_prev, l_end), (r_prev, r_end)))
        l_prev, r_prev = l_end, r_end
    if l_prev < lu.own_end or r_prev < ru.own_end:  # text after the last word (trailing spaces)
        raw.append((Op.EQUAL, (l_prev, lu.own_end), (r_prev, ru.own_end)))
    edits = _as_edits(raw, left.document.text, right.document.text)
    l_chars = sum(1 for w in lw for ch in w if not ch.isspace())
    r_chars = sum(1 for w in rw for ch in w if not ch.isspace())
    similarity = 1.0 if l_chars + r_chars == 0 else 2 * equal_chars / (l_chars + r_chars)
    return edits, similarity


def _bounds(start: int, words: Sequence[str]) -> list[int]:
    out = [start]
    for w in words:
        out.append(out[-1] + len(w))
    return out


def _to_original(norm: NormalizedText, pos: int, unit: Unit) -> int:
    """A boundary in normalized text → the matching boundary in the loaded text, inside the unit."""
    if pos >= len(norm.text):
        return unit.own_end
    start, _ = norm.to_original(pos, pos + 1)
    return min(max(start, unit.start), unit.own_end)


def _as_edits(
    raw: list[tuple[Op, tuple[int, int], tuple[int, int]]], left_text: str, right_text: str
) -> list[Edit]:
    """Turn chunks mapped to the loaded texts into Edits.

    Text that normalization dropped (spaces, line breaks) joins a neighbouring chunk, so a chunk's
    op is re-read from its spans: a delete that picked up right-hand spaces becomes a replace, a
    chunk whose both spans came out empty disappears, neighbouring equals join. Whitespace alone
    on one side of a change goes to the equal chunk before it (a space after a label is no edit).
    """
    out: list[Edit] = []
    for op, left, right in raw:
        if op != Op.EQUAL and out and out[-1].op == Op.EQUAL:
            prev = out[-1]
            if left[0] < left[1] and not left_text[left[0] : left[1]].strip():
                out[-1] = prev = Edit(Op.EQUAL, (prev.left[0], left[1]), prev.right)
                left = (left[1], left[1])
            if right[0] < right[1] and not right_text[right[0] : right[1]].strip():
                out[-1] = Edit(Op.EQUAL, prev.left, (prev.right[0], right[1]))
                right = (right[1], right[1])
        left_empty, right_empty = left[0] == left[1], right[0] == right[1]
        if left_empty and right_empty:
            continue
        if op != Op.EQUAL:
            op = Op.INSERT if left_empty else Op.DELETE if right_empty else Op.REPLACE
        if out and op == Op.EQUAL and out[-1].op == Op.EQUAL:
            out[-1] = Edit(Op.EQUAL, (out[-1].left[0], left[1]), (out[-1].right[0], right[1]))
            continue
        out.append(Edit(op, left, right))
    return out


def _unit_figures(prepared: _Prepared, figure_view: _Prepared, unit: Unit) -> list[Figure]:
    """Figures of a unit's own text, with spans and text of the loaded document."""
    norm = figure_view.norm
    a, b = figure_view.own_spans[unit.index]
    original = prepared.document.text
    out = []
    low, high = _body_start(original, unit), unit.own_end
    for fig in extract_figures(norm.text[a:b]):
        if not math.isfinite(fig.value) or (fig.value_high is not None and not math.isfinite(fig.value_high)):
            continue  # a run of hundreds of digits is no amount
        start, end = norm.to_original(a + fig.start, a + fig.end)
        start, end = max(start, low), min(end, high)  # never past the unit into dropped whitespace
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        out.append(replace(fig, start=start, end=end, text=original[start:end]))
    return out


def _pair(
    left: _Prepared,
    right: _Prepared,
    left_fig: _Prepared,
    right_fig: _Prepared,
    li: int | None,
    ri: int | None,
    moved: bool,
    manual: bool,
    options: CompareOptions,
    raw: tuple[_Prepared, _Prepared] | None,
    config: DiffConfig,
) -> Pair:
    lu = left.units[li] if li is not None else None
    ru = right.units[ri] if ri is not None else None
    if lu is not None and ru is not None:
        edits, similarity = _edits_for(left, right, lu, ru, config)
        if raw is not None:  # show differences that normalization hides: diff the loaded texts
            edits, _ = _edits_for(raw[0], raw[1], lu, ru, config)
        figures = tuple(
            compare_figures(_unit_figures(left, left_fig, lu), _unit_figures(right, right_fig, ru))
        )
        changed = any(e.op != Op.EQUAL for e in edits) or any(f.status != Status.UNCHANGED for f in figures)
        status = Status.CHANGED if changed else Status.UNCHANGED
        if not changed:
            edits = []
        level = lu.level
        return Pair(status, level, lu, ru, round(similarity, 4), moved, tuple(edits), figures, manual)
    if lu is not None:
        figs = tuple(
            FigureChange(Status.REMOVED, f.subject, f, None) for f in _unit_figures(left, left_fig, lu)
        )
        edits = (Edit(Op.DELETE, (lu.start, lu.own_end), (0, 0)),) if lu.own_end > lu.start else ()
        return Pair(Status.REMOVED, lu.level, lu, None, 0.0, False, edits, figs, manual)
    assert ru is not None
    figs = tuple(FigureChange(Status.ADDED, f.subject, None, f) for f in _unit_figures(right, right_fig, ru))
    edits = (Edit(Op.INSERT, (0, 0), (ru.start, ru.own_end)),) if ru.own_end > ru.start else ()
    return Pair(Status.ADDED, ru.level, None, ru, 0.0, False, edits, figs, manual)


def effective_overrides(overrides: Iterable[Override]) -> tuple[Override, ...]:
    """The user's overrides with the last word per unit: re-pairing a unit forgets its earlier
    pairing or unpairing, so units displaced by an earlier choice return to the machine's pairs."""
    out: list[Override] = []
    for li, ri in overrides:
        out = [(a, b) for a, b in out if not ((li is not None and a == li) or (ri is not None and b == ri))]
        out.append((li, ri))
    return tuple(out)


def _apply_overrides(
    alignment: Alignment, overrides: Iterable[Override], left: _Prepared, right: _Prepared
) -> tuple[Alignment, set[tuple[int | None, int | None]]]:
    """Apply the user's manual pairings/unpairings (see effective_overrides) on the machine's alignment."""
    l2r = {a: b for a, b in alignment.pairs if a is not None and b is not None}
    manual: set[tuple[int | None, int | None]] = set()
    for li, ri in overrides:
        if li is not None and ri is not None:
            if not (0 <= li < len(left.units) and 0 <= ri < len(right.units)):
                continue
            l2r.pop(li, None)
            for other_l, other_r in list(l2r.items()):
                if other_r == ri:
                    l2r.pop(other_l)
            l2r[li] = ri
            manual.add((li, ri))
        elif li is not None:
            gone = l2r.pop(li, None)
            manual.add((li, None))
            if gone is not None:
                manual.add((None, gone))
        elif ri is not None:
            for other_l, other_r in list(l2r.items()):
                if other_r == ri:
                    l2r.pop(other_l)
                    manual.add((other_l, None))
            manual.add((None, ri))
    manual = {m for m in manual if m[0] is None or m[1] is None or l2r.get(m[0]) == m[1]}
    return arrange(left.features, right.features, l2r, alignment.scores), manual


def compare_prepared(
    left: _Prepared,
    right: _Prepared,
    options: CompareOptions,
    overrides: Sequence[Override] = (),
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    align_config: AlignConfig | None = None,
    diff_config: DiffConfig | None = None,
) -> Comparison:
    """Compare two prepared documents (see compare_documents)."""
    diff_config = diff_config or DiffConfig()
    alignment = align_units(left.features, right.features, align_config)
    manual: set[tuple[int | None, int | None]] = set()
    overrides = effective_overrides(overrides)
    if overrides:
        alignment, manual = _apply_overrides(alignment, overrides, left, right)
    left_fig = left if options.normalize == FIGURE_MODE else prepare(left.document, FIGURE_MODE)
    right_fig = right if options.normalize == FIGURE_MODE else prepare(right.document, FIGURE_MODE)
    raw = None
    if options.show_normalization_diffs and options.normalize != "none":
        raw = (prepare(left.document, "none"), prepare(right.document, "none"))
    pairs = []
    total = max(len(alignment.pairs), 1)
    for k, (li, ri) in enumerate(alignment.pairs):
        if cancelled is not None and k % 64 == 0 and cancelled():
            raise Cancelled()
        if progress is not None and k % 64 == 0:
            progress(0.4 + 0.6 * k / total)
        is_manual = (li, ri) in manual or (li, None) in manual or (None, ri) in manual
        moved = li is not None and ri is not None and (li, ri) in alignment.moved
        pairs.append(
            _pair(left, right, left_fig, right_fig, li, ri, moved, is_manual, options, raw, diff_config)
        )
    if progress is not None:
        progress(1.0)
    return Comparison(
        options=options,
        left=ComparedDocument(left.document, _tree(left)),
        right=ComparedDocument(right.document, _tree(right)),
        pairs=tuple(pairs),
        overrides=tuple(overrides),
    )


def _tree(prepared: _Prepared) -> DocumentTree:
    return DocumentTree(prepared.title, prepared.units, prepared.body_start, prepared.body_end)


def compare_documents(
    left: LoadedDocument,
    right: LoadedDocument,
    options: CompareOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    overrides: Sequence[Override] = (),
) -> Comparison:
    """Compare two loaded documents.

    Args:
        left: the left (older, higher-level) document.
        right: the right (newer, implementing) document.
        options: normalization mode and whether normalization-only differences count.
        progress: called with a fraction 0..1 now and then.
        cancelled: polled now and then; when it returns True the work stops with Cancelled.
        overrides: manual (left unit index, right unit index) pairings; (i, None) / (None, j) unpair.

    Returns:
        The comparison every view is made from.
    """
    options = options or CompareOptions()
    if cancelled is not None and cancelled():
        raise Cancelled()
    left_prepared = prepare(left, options.normalize)
    if progress is not None:
        progress(0.2)
    if cancelled is not None and cancelled():
        raise Cancelled()
    right_prepared = prepare(right, options.normalize)
    if progress is not None:
        progress(0.4)
    return compare_prepared(left_prepared, right_prepared, options, overrides, progress, cancelled)


def compare_files(
    left_path: str,
    right_path: str,
    options: CompareOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Comparison:
    """Load two files and compare them (raises LoadError with a one-line message)."""
    left = load_document(left_path)
    right = load_document(right_path)
    return compare_documents(left, right, options, progress, cancelled)


def pair_manually(comparison: Comparison, left_unit: int, right_unit: int) -> Comparison:
    """The user pairs two units by hand; everything else keeps the machine's (or earlier) choices."""
    overrides = (*comparison.overrides, (left_unit, right_unit))
    return compare_documents(
        comparison.left.document, comparison.right.document, comparison.options, overrides=overrides
    )


def unpair(comparison: Comparison, pair_index: int) -> Comparison:
    """The user splits a pair: its units become removed and added."""
    pair = comparison.pairs[pair_index]
    if pair.left is None or pair.right is None:
        return comparison
    overrides = (*comparison.overrides, (pair.left.index, None))
    return compare_documents(
        comparison.left.document, comparison.right.document, comparison.options, overrides=overrides
    )


def document_figures(document: LoadedDocument) -> list[Figure]:
    """Every figure of one document's units, in reading order, with spans of the loaded text."""
    prepared = prepare(document, FIGURE_MODE)
    out: list[Figure] = []
    for unit in prepared.units:
        out.extend(_unit_figures(prepared, prepared, unit))
    return out


__all__ = [
    "Cancelled",
    "compare_documents",
    "compare_files",
    "document_figures",
    "pair_manually",
    "unpair",
]
