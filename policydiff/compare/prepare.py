"""Prepare a document for comparison: parse, normalize and segment it once per mode, and cache it.

A prepared document knows each unit's own text in normalized coordinates and the words the
aligner weighs; comparing, re-pairing by hand or toggling an option reuses it from a small LRU.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.compare.align import UnitFeatures, content_words
from policydiff.compare.prepared import PreparedDocument, unit_text_start
from policydiff.errors import LoadError, LoadReason
from policydiff.lang.normalize import NormalizedText, normalize
from policydiff.lang.words import segment
from policydiff.model import Level, LoadedDocument, NormalizeMode
from policydiff.structure.parse import CONFIG as DEFAULT_STRUCTURE
from policydiff.structure.parse import StructureConfig, parse_structure


@dataclass(frozen=True)
class PrepareLimits:
    """What one comparison can hold in time and memory, refused with a message beyond it."""

    # Every unit costs its features, candidate pairs and a row in each view: some 4 KB when
    # compared. 60,000 units (a 12 MB document of one-sentence articles) stays under about 1 GB;
    # 500,000 one-character lines would need several.
    max_units: int = 60_000


DEFAULT_PREPARE_LIMITS = PrepareLimits()


# Documents kept prepared: a pair in two or three modes (display, figures, raw), so toggling the
# mode or re-pairing by hand needs no new preparation.
CACHED_DOCUMENTS = 6


CacheKey = tuple[str, str, StructureConfig]


class PreparedCache:
    """A small thread-safe LRU of prepared documents, keyed by (text, mode, structure config)."""

    def __init__(self, size: int = CACHED_DOCUMENTS) -> None:
        self.size = size
        self._items: OrderedDict[CacheKey, PreparedDocument] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: CacheKey) -> PreparedDocument | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: CacheKey, value: PreparedDocument) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


_cache = PreparedCache()


def _word_range(starts: Sequence[int], begin: int, end: int) -> tuple[int, int]:
    """Indices of the words that start inside [begin, end)."""
    return bisect_left(starts, begin), bisect_left(starts, end)


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


def _check_units(document: LoadedDocument, units: int, limits: PrepareLimits) -> None:
    if units > limits.max_units:
        raise LoadError(
            f"{document.name} has {units:,} units (paragraphs, articles, items), more than the "
            f"{limits.max_units:,} one comparison can hold; split it into parts and compare those",
            LoadReason.TOO_MANY_UNITS,
            path=document.path,
            limit=f"{limits.max_units:,}",
        )


# Joins headings normalized in one call: no normalization step changes it or reads across it (it
# is no CJK character, no whitespace, and has no width or punctuation form to fold).
HEADING_SEPARATOR = "\x00"
_INVISIBLE = "\u200b\u2060\ufeff"  # dropped like whitespace by normalization


def normalized_headings(headings: Sequence[str], mode: NormalizeMode) -> dict[str, str]:
    """``normalize(h, mode).text`` for each distinct heading, most of them in one call.

    Thousands of one-line units mean thousands of headings, and one call per heading costs more
    than its characters. Joined, a heading's text could only be read differently where a step
    looks past its own characters: whitespace at either end (dropped at a text's ends, but judged
    by its neighbours inside one) and line breaks (judged by the length of the line before them).
    Headings with those, or with the separator, are normalized one by one.
    """
    out = {"": ""}
    joined: list[str] = []
    for heading in dict.fromkeys(headings):
        if not heading:
            continue
        edges = heading[0] + heading[-1]
        if (
            HEADING_SEPARATOR in heading
            or heading.splitlines() != [heading]
            or any(ch.isspace() or ch in _INVISIBLE for ch in edges)
        ):
            out[heading] = normalize(heading, mode).text
        else:
            joined.append(heading)
    if joined:
        parts = normalize(HEADING_SEPARATOR.join(joined), mode).text.split(HEADING_SEPARATOR)
        if len(parts) != len(joined):  # defensive: never taken when the separator is untouched
            parts = [normalize(heading, mode).text for heading in joined]
        out.update(zip(joined, parts, strict=True))
    return out


def prepare(
    document: LoadedDocument,
    mode: NormalizeMode,
    limits: PrepareLimits = DEFAULT_PREPARE_LIMITS,
    structure: StructureConfig = DEFAULT_STRUCTURE,
) -> PreparedDocument:
    """Normalize, parse (with ``structure``'s limits) and segment a document once per mode (cached).

    Raises:
        LoadError: the document has more units than one comparison can hold.
    """
    key = (document.text, mode, structure)
    cached = _cache.get(key)
    if cached is not None and cached.document == document:
        _check_units(document, len(cached.units), limits)  # the limits may be tighter than last time
        return cached
    tree = parse_structure(document.text, structure)
    _check_units(document, len(tree.units), limits)
    norm = normalize(document.text, mode)
    words, starts = _keep_blocks_whole(*segment(norm.text), norm)
    units = tree.units
    has_children = {u.parent for u in units if u.parent is not None}
    # units with a sub-unit that is not a list item: containers of provisions, not provisions with a list
    holds_units = {u.parent for u in units if u.parent is not None and u.level != Level.ITEM}
    own_spans = tuple(norm.slice_span(unit_text_start(document.text, u), u.own_end) for u in units)
    features = []
    headings = normalized_headings([u.heading for u in units], mode)
    for unit, (a, b) in zip(units, own_spans, strict=True):
        full_a, full_b = norm.slice_span(unit.start, unit.end) if unit.index in has_children else (a, b)
        lo, hi = _word_range(starts, full_a, full_b)
        heading = headings[unit.heading]
        features.append(
            UnitFeatures(
                index=unit.index,
                level=unit.level,
                depth=unit.depth,
                parent=unit.parent,
                has_children=unit.index in has_children,
                lists_only=unit.index in has_children and unit.index not in holds_units,
                heading=heading,
                words=content_words(words[lo:hi]),
                number=unit.number,
                text=norm.text[a:b].strip(),
            )
        )
    prepared = PreparedDocument(
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
        mode=NormalizeMode(mode),
        left_out=tree.left_out,
    )
    _cache.put(key, prepared)
    return prepared


def clear_cache() -> None:
    """Forget every prepared document (the benchmark measures without the cache)."""
    global _cache
    _cache = PreparedCache()
