"""A prepared document: one document made ready for comparison under one normalization mode, and
the answers later stages ask of it (a unit's own text, its words, where its text starts).

Why apart from ``prepare``: the stages after preparation (edits, figures, owners, obligations)
take a prepared document as data and ask it about its units; they never call back into the module
that prepares it.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from policydiff.compare.align import UnitFeatures
from policydiff.lang.normalize import NormalizedText
from policydiff.model import LoadedDocument, NormalizeMode, Span, Unit


@dataclass(frozen=True)
class PreparedDocument:
    """A document made ready for comparison under one normalization mode."""

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
    mode: NormalizeMode = NormalizeMode.T2S  # the conversion ``norm`` was made with
    left_out: tuple[tuple[int, int, str], ...] = ()  # lines no unit holds (DocumentTree.left_out)

    def own_text(self, unit: Unit) -> tuple[str, int]:
        """A unit's own normalized text (after its label, children left out) and where it starts
        in the normalized document."""
        a, b = self.own_spans[unit.index]
        return self.norm.text[a:b], a

    def text_start(self, unit: Unit) -> int:
        """Where a unit's text starts in the loaded text, after its label (see ``unit_text_start``)."""
        return unit_text_start(self.document.text, unit)

    def clipped_words(self, begin: int, end: int) -> list[str]:
        """The words of norm.text[begin:end], cut at the span's ends so they tile it exactly."""
        return clipped_words(self, begin, end)

    def to_original(self, begin: int, end: int) -> Span:
        """A span of the normalized text as a span of the loaded text."""
        return self.norm.to_original(begin, end)


def clipped_words(prepared: PreparedDocument, begin: int, end: int) -> list[str]:
    """The words of norm.text[begin:end], cut at the span's ends so they tile it exactly."""
    if begin >= end:
        return []
    starts, words = prepared.word_starts, prepared.words
    first = max(bisect_left(starts, begin + 1) - 1, 0)
    stop = bisect_left(starts, end)  # the words that start before ``end``
    if stop - first <= 1:
        return [w for i in range(first, stop) if (w := _clip(words[i], starts[i], begin, end))]
    # the words tile the text, so only the first and the last can stick out of the span
    out = [_clip(words[first], starts[first], begin, end), *words[first + 1 : stop - 1]]
    out.append(_clip(words[stop - 1], starts[stop - 1], begin, end))
    return list(filter(None, out))


def _clip(word: str, start: int, begin: int, end: int) -> str:
    """The part of ``word`` (starting at ``start``) inside [begin, end)."""
    lo, hi = max(begin, start), min(end, start + len(word))
    return word[lo - start : hi - start] if lo < hi else ""


def unit_text_start(text: str, unit: Unit) -> int:
    """Where a unit's text starts after its label: renumbering (`16.` → `（二十四）`) is no edit."""
    end = unit.start + len(unit.label)
    if unit.label and end <= unit.own_end and text[unit.start : end] == unit.label:
        return end
    return unit.start
