"""Normalized text for comparison, with an exact map back to the original characters.

Two versions of a policy may differ only in script (simplified / traditional), character width or
punctuation style; the comparison must see through that but always show the original text. So
``normalize`` builds a second, normalized text plus an offset map: any span found in the normalized
text maps back to the original characters that produced it, also where an OpenCC phrase conversion
changes length (tw2sp ``記憶體`` → ``内存``).

Pipeline (every mode except ``none``):

1. Script: OpenCC converts runs of CJK characters (``_CJK_RUN``). Runs are broken at punctuation,
   ASCII and whitespace, which OpenCC phrases never span (no character outside the CJK ranges is
   converted by t2s, tw2sp or hk2s). A run whose length is unchanged maps character to character;
   otherwise it is aligned with its character-by-character conversion and each changed stretch maps
   as one block, so a span never splits a phrase conversion.
2. Typography: ``_FOLD_TABLE``, strictly one character for one character (full width → half width,
   Chinese and ASCII punctuation → one canonical form; ``。`` and ``、`` stay, they mark structure).
3. Whitespace is layout: a run becomes one space between two letters/digits of an alphabetic
   script (``Article 1``) and disappears elsewhere (next to CJK, punctuation, or the ends of the
   text). A line break after a line of more than ``WRAPPED_LINE_CHARS`` characters is wrapping and
   folds the same way (to nothing inside ``实施计\\n划`` or ``40\\n00亿元``), so a hard-wrapped text
   compares equal to the unwrapped one; after a short line (heading, table cell) it stays one
   ``\\n``. Units are cut from the loaded text's lines by the structure parser.

Speed: one OpenCC call for all runs, one ``str.translate``; Python loops only over whitespace runs
and length-changing runs, so 1 MB of Chinese takes about 0.1–0.2 s. The map costs 4 bytes per
normalized character (``array('i')``).

May import: the standard library, opencc and policydiff.model. Nothing from the GUI.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate

from policydiff.lang.converters import Converter, converter
from policydiff.model import DEFAULT_NORMALIZE, NormalizeMode

# OpenCC configuration per mode. tw2sp also rewrites Taiwan *phrasing* (記憶體→内存, 軟體→软件), and
# with it some words that are already mainland usage (核心→内核). Both documents go through the same
# conversion, so comparison stays fair, but a word may look changed in exported normalized text;
# that is why the default is the plain character-and-phrase conversion t2s.
# The mode's value is the name of its OpenCC configuration (NormalizeMode.NONE has none).

# Characters handed to OpenCC: CJK radicals, 々〆〇 and other ideographic marks, kana, CJK
# ideographs (all extensions) and compatibility ideographs.
_CJK_RUN = re.compile(
    "([\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+)"
)
# Whitespace in the Unicode sense, plus invisible characters that at most act as spacing.
_INVISIBLE = "\u200b\u2060\ufeff"  # zero-width space, word joiner, byte order mark
_WHITESPACE = re.compile(f"[\\s{_INVISIBLE}]+")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Below this code point a letter or digit belongs to an alphabetic script, where spaces separate words.
_FIRST_CJK = "\u2e80"

# Canonical forms of punctuation that Chinese and ASCII typing spell differently. Applied after
# full-width folding, so "，" and "﹐" and "," all become ",".
_PUNCTUATION: dict[str, str] = {
    "，": ",", "：": ":", "∶": ":", "；": ";", "！": "!", "？": "?",
    "“": '"', "”": '"', "「": '"', "」": '"', "＂": '"', "〝": '"', "〞": '"', "„": '"',
    "‘": "'", "’": "'", "『": "'", "』": "'", "＇": "'",
    "—": "-", "–": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-", "~": "-", "〜": "-",
    "【": "[", "】": "]", "〔": "[", "〕": "]", "〖": "[", "〗": "]",
    "・": "·", "‧": "·", "･": "·", "•": "·",
    "｡": "。", "､": "、", "｢": '"', "｣": '"',
}  # fmt: skip
# Forms whose compatibility decomposition (NFKC) is the ordinary character: full-width ASCII,
# half-width CJK punctuation, small and vertical presentation forms, exotic spaces.
_COMPAT_RANGES: tuple[tuple[int, int], ...] = (
    (0xFF01, 0xFF60),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6B),
    (0x2000, 0x200A),
    (0x00A0, 0x00A0),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)


def _build_fold_table() -> dict[int, str]:
    """One-for-one character table: width folding composed with the canonical punctuation."""
    table: dict[int, str] = {}
    for first, last in _COMPAT_RANGES:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = _PUNCTUATION.get(folded, folded)
    for char, canonical in _PUNCTUATION.items():
        table.setdefault(ord(char), canonical)
    return table


_FOLD_TABLE: dict[int, str] = _build_fold_table()


@dataclass(frozen=True)
class NormalizedText:
    """A text and its normalized form, with the map between their offsets.

    The map: normalized character ``j`` came from ``original[starts[j]:ends.get(j, starts[j] + 1)]``.
    ``starts`` is non-decreasing; ``ends`` only lists characters of a block (an OpenCC conversion
    that changed length: all characters of ``内存`` share the origin ``記憶體``). Original characters
    without a normalized character (dropped whitespace) belong to no span, except that leading and
    trailing ones count with the whole text, so the full span maps to the full original.
    """

    original: str
    text: str
    # The map follows from original and mode; leaving it out of comparison keeps the value hashable.
    starts: array[int] = field(repr=False, compare=False)  # array('i'), one entry per character of text
    ends: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Span [start, end) of ``text`` → the smallest span of ``original`` that produced it.

        A span touching part of a block maps to the whole block. An empty span maps to the empty
        span just before the original of normalized character ``start`` (after any dropped
        whitespace); at either end of the text, to the matching end of the original.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside normalized text of length {n}")
        if start == end:
            pos = 0 if start == 0 else len(self.original) if start == n else self.starts[start]
            return pos, pos
        first = 0 if start == 0 else self.starts[start]
        last = len(self.original) if end == n else self.ends.get(end - 1, self.starts[end - 1] + 1)
        return first, last

    def from_original(self, pos: int) -> int:
        """Offset in ``original`` → the normalized boundary there: the first normalized character
        whose origin starts at or after ``pos``. Inside a block this is the end of the block.
        """
        if not 0 <= pos <= len(self.original):
            raise ValueError(f"offset {pos} outside original text of length {len(self.original)}")
        return bisect_left(self.starts, pos)

    def slice_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span [start, end) (a unit, say) → the normalized span of exactly its characters.

        Adjacent original spans give adjacent normalized spans, so units tile the normalized text.
        """
        if start > end:
            raise ValueError(f"span [{start}, {end}) is reversed")
        return self.from_original(start), self.from_original(end)


def _converter(mode: NormalizeMode) -> Converter:
    """The process's OpenCC converter for a mode (shared with script detection)."""
    return converter(mode.value)


@lru_cache(maxsize=65_536)
def _convert_char(mode: NormalizeMode, char: str) -> str:
    return str(_converter(mode).convert(char))


def normalize(text: str, mode: NormalizeMode = DEFAULT_NORMALIZE) -> NormalizedText:
    """Normalize ``text`` for comparison in ``mode`` (a NormalizeMode or its value).

    Args:
        text: the original text; every offset of the result's map indexes it.
        mode: ``t2s`` (traditional → simplified with phrases), ``tw2sp`` (also Taiwan phrasing →
            mainland), ``hk2s`` (Hong Kong variants → simplified), each plus typography folding;
            ``none`` leaves the text exactly as it is.

    Returns:
        The normalized text with its offset map.

    Raises:
        ValueError: for an unknown mode.
    """
    try:
        mode = NormalizeMode(mode)
    except ValueError:
        expected = ", ".join(NormalizeMode)
        raise ValueError(f"unknown normalization mode {mode!r}; expected one of {expected}") from None
    if mode == NormalizeMode.NONE:
        return NormalizedText(text, text, array("i", range(len(text))))
    return _fold(text, mode)


def fold_typography(text: str) -> NormalizedText:
    """Typography and whitespace folding only, leaving the script alone."""
    return _fold(text, None)


_WHITESPACE_OR_INVISIBLE = re.compile(f"[\\s{_INVISIBLE}]")


def typography_key(text: str) -> str:
    """``fold_typography(text).text`` without any whitespace: what two texts must share to differ
    in nothing but width, punctuation form and spacing. Whitespace folding only ever writes
    whitespace, so dropping every whitespace and invisible character after the one-for-one table
    gives the same string without building the offset map."""
    return _WHITESPACE_OR_INVISIBLE.sub("", text.translate(_FOLD_TABLE))


def _fold(text: str, mode: NormalizeMode | None) -> NormalizedText:
    if mode is None:
        converted, starts, ends = text, None, dict[int, int]()
    else:
        converted, starts, ends = _convert_script(text, mode)
    return _fold_whitespace(text, converted.translate(_FOLD_TABLE), starts, ends)


def _convert_script(text: str, mode: NormalizeMode) -> tuple[str, array[int] | None, dict[int, int]]:
    """OpenCC over the CJK runs. Returns the converted text and its map (None: one for one)."""
    pieces = _chop_long_runs(_CJK_RUN.split(text))  # other, run, other, run, ..., other
    runs = pieces[1::2]
    if not runs:
        return text, None, {}
    converter = _converter(mode)
    # One call for all runs: OpenCC never matches a phrase across "\n", which no run contains.
    outputs = converter.convert("\n".join(runs)).split("\n")
    if len(outputs) != len(runs):  # defensive: fall back to one call per run
        outputs = [converter.convert(run) for run in runs]
    converted_pieces = list(pieces)
    converted_pieces[1::2] = outputs
    converted = "".join(converted_pieces)
    changed = [k for k, (run, out) in enumerate(zip(runs, outputs, strict=True)) if len(run) != len(out)]
    if not changed:
        return converted, None, {}

    original_ends = list(accumulate(map(len, pieces)))
    converted_ends = list(accumulate(map(len, converted_pieces)))
    starts = array("i")
    ends: dict[int, int] = {}
    done_o = 0  # original offset mapped so far
    for k in changed:
        run, out = runs[k], outputs[k]
        run_o, run_c = original_ends[2 * k], converted_ends[2 * k]  # where the run starts
        starts.extend(range(done_o, run_o))  # unchanged stretch: one for one
        for o_start, o_end, c_start, c_end in _align_run(run, out, mode):
            for c in range(c_start, c_end):
                starts.append(run_o + o_start)
                if o_end - o_start != 1:
                    ends[run_c + c] = run_o + o_end
        done_o = run_o + len(run)
    starts.extend(range(done_o, len(text)))
    return converted, starts, ends


MAX_RUN = 256  # CJK characters converted (and aligned) at a time; phrases are a few characters long


def _chop_long_runs(pieces: list[str]) -> list[str]:
    """Cut CJK runs longer than MAX_RUN (bad PDF or HTML extraction loses punctuation), so that the
    alignment of a run that changed length stays cheap; keeps the other/run alternation."""
    if all(len(run) <= MAX_RUN for run in pieces[1::2]):
        return pieces
    out = [pieces[0]]
    for k in range(1, len(pieces), 2):
        run = pieces[k]
        for at in range(0, len(run), MAX_RUN):
            if at:
                out.append("")  # an empty "other" piece between two parts of one run
            out.append(run[at : at + MAX_RUN])
        out.append(pieces[k + 1])
    return out


def _align_run(run: str, out: str, mode: NormalizeMode) -> list[list[int]]:
    """Blocks [o_start, o_end, c_start, c_end] pairing run[o_start:o_end] with out[c_start:c_end].

    OpenCC reports no offsets, so the phrase conversion ``out`` is aligned against the run converted
    character by character: matching characters pair one for one, each differing stretch is a block.
    Every block has characters on both sides (pure deletions and insertions join a neighbour).
    """
    per_char = [_convert_char(mode, char) for char in run]
    owner = [i for i, piece in enumerate(per_char) for _ in piece]  # per-char text index → run index
    flat = "".join(per_char)
    blocks: list[list[int]] = []
    matcher = SequenceMatcher(None, flat, out, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.extend([owner[i], owner[i] + 1, j1 + i - i1, j1 + i - i1 + 1] for i in range(i1, i2))
        elif i1 < i2:
            blocks.append([owner[i1], owner[i2 - 1] + 1, j1, j2])
        else:  # inserted characters: no origin of their own yet
            at = owner[i1] if i1 < len(owner) else len(run)
            blocks.append([at, at, j1, j2])
    merged: list[list[int]] = []
    pending: list[int] | None = None  # an empty-sided block before any full block
    for block in blocks:
        if pending is not None:
            block = [min(pending[0], block[0]), block[1], pending[2], block[3]]
            pending = None
        if block[0] < block[1] and block[2] < block[3]:
            merged.append(block)
        elif merged:
            last = merged[-1]
            last[1], last[3] = max(last[1], block[1]), block[3]
        else:
            pending = block
    if pending is not None:  # nothing to join: the whole run is one block
        merged = [[0, len(run), 0, len(out)]]
    return merged


def _fold_whitespace(
    original: str, folded: str, starts: array[int] | None, ends: dict[int, int]
) -> NormalizedText:
    """Drop or collapse whitespace runs in ``folded`` and compose the offset maps."""
    pieces: list[str] = []
    final_starts = array("i")
    segment_from: list[int] = []  # kept stretches: where each starts in folded ...
    segment_to: list[int] = []  # ... and in the result
    length = 0
    done = 0
    for match in _WHITESPACE.finditer(folded):
        a, b = match.span()
        if a > done:
            segment_from.append(done)
            segment_to.append(length)
            pieces.append(folded[done:a])
            final_starts.extend(range(done, a) if starts is None else starts[done:a])
            length += a - done
        replacement, source = _whitespace_replacement(folded, a, b, match.group())
        if replacement:
            pieces.append(replacement)
            final_starts.append(source if starts is None else starts[source])
            length += 1
        done = b
    if done < len(folded):
        segment_from.append(done)
        segment_to.append(length)
        pieces.append(folded[done:])
        final_starts.extend(range(done, len(folded)) if starts is None else starts[done:])
    final_ends: dict[int, int] = {}
    for index, end in ends.items():  # block characters are never whitespace, so always kept
        k = bisect_right(segment_from, index) - 1
        final_ends[segment_to[k] + index - segment_from[k]] = end
    return NormalizedText(original, "".join(pieces), final_starts, final_ends)


WRAPPED_LINE_CHARS = 16  # a line this long that ends inside a figure was wrapped; shorter ones are cells


def _wrapped(folded: str, end: int) -> bool:
    """True if the line ending at ``end`` is long enough to be a wrapped line, not a table cell."""
    return end - (folded.rfind("\n", max(0, end - WRAPPED_LINE_CHARS - 1), end) + 1) > WRAPPED_LINE_CHARS


def _whitespace_replacement(folded: str, a: int, b: int, run: str) -> tuple[str, int]:
    """What the whitespace run folded[a:b] becomes, and the index its character comes from.

    A line break after a line long enough to have been wrapped is layout like any other blank: a
    hard-wrapped ``…实施计\\n划`` is ``…实施计划``, ``…40\\n00亿元`` is ``…4000亿元`` (the structure
    parser reads lines from the loaded text; the comparison reads words). After a short line — a
    heading, a table cell (``14`` above the name ``张叠``) — it stays a break, which keeps figures
    and their subjects apart.
    """
    if a == 0 or b == len(folded) or not run.strip(_INVISIBLE):
        return "", a
    before, after = folded[a - 1], folded[b]
    latin = before.isalnum() and before < _FIRST_CJK, after.isalnum() and after < _FIRST_CJK
    line_break = _LINE_BREAK.search(run)
    if line_break is None:
        return (" ", a) if all(latin) else ("", a)
    if not _wrapped(folded, a):
        return "\n", a + line_break.start()
    if not any(latin):
        return "", a
    if all(latin) and not (before.isdigit() and after.isdigit()):
        return " ", a + line_break.start()  # a word wrapped onto the next line
    return "", a
