"""Search that sees through script, width and numerals the way the comparison does.

`研发` finds `研發`, `800亿` finds `800億`, `24` finds `（二十四）`. The outline and figure filters
fold whole strings (``fold``); find-in-pane keeps an offset map back to the loaded text
(``FoldedText``) so every hit lands on the document's own characters. Free of Qt, so it is
tested on its own and runs in a background job for large documents.
May import: the standard library, policydiff.model, policydiff.lang.normalize and policydiff.lang.numerals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policydiff.lang.normalize import NormalizedText, normalize
from policydiff.lang.numerals import cn_value
from policydiff.model import NormalizeMode

# a run of Chinese numeral characters, bounded so the regex stays linear
CN_NUMERAL = re.compile("[零〇一二三四五六七八九十百千万两]{1,12}")


def _numerals(text: str) -> str:
    def value(match: re.Match[str]) -> str:
        number = cn_value(match.group())
        return str(number) if number is not None else match.group()

    return CN_NUMERAL.sub(value, text)


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """``text`` as searched: simplified script, half width, lower case, Chinese numerals as digits."""
    return _numerals(normalize(text, NormalizeMode.T2S).text.lower())


@dataclass(frozen=True)
class FoldedText:
    """A document folded for find (script and width; lower case), with the map back."""

    normalized: NormalizedText
    lowered: str

    @classmethod
    def of(cls, text: str) -> FoldedText:
        normalized = normalize(text, NormalizeMode.T2S)
        lowered = normalized.text.lower()
        if len(lowered) != len(normalized.text):  # a few characters lower to two: keep the map exact
            lowered = normalized.text
        return cls(normalized, lowered)

    def find_all(self, query: str, limit: int = 10_000) -> list[tuple[int, int]]:
        """Spans of the loaded text where ``query`` occurs (folded like the text), in order."""
        needle = normalize(query, NormalizeMode.T2S).text.lower().strip()
        if not needle:
            return []
        hits: list[tuple[int, int]] = []
        at = self.lowered.find(needle)
        while at >= 0 and len(hits) < limit:
            hits.append(self.normalized.to_original(at, at + len(needle)))
            at = self.lowered.find(needle, at + len(needle))
        return hits
