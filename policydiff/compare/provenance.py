"""Trace each unit of one document clause by clause into another, wherever each clause now lives.

A city may keep a province's measure but scatter it: the first sentence at the end of one of its
items, the second inside another, far away. Pairing units one to one cannot see that; tracing the
measure's clauses (its sentences, and the parts of a long sentence between ；) can. Each clause is
looked up through an index of the other document's three-character runs, so only the few units
that share its wording are read closely (a longest common subsequence, counted in runs of several
characters so scattered characters do not count). Texts are compared after script folding
(traditional → simplified), so a Hong Kong or Taiwan copy traces like a mainland one.
May import: the standard library, rapidfuzz, policydiff.model, policydiff.lang and
policydiff.compare.prepared.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from policydiff.compare.prepared import unit_text_start
from policydiff.lang.normalize import NormalizedText, normalize
from policydiff.model import Clause, ClauseMatch, ClauseStatus, NormalizeMode, Unit

__all__ = ["Clause", "ClauseMatch", "ClauseStatus", "ProvenanceConfig", "Tracer", "split_clauses"]

SENTENCE_ENDS = "。！？!?"
CLAUSE_BREAKS = "；;"


@dataclass(frozen=True)
class ProvenanceConfig:
    """Where a clause counts as kept, reworded or missing, and how candidates are found."""

    gram: int = 3  # characters per run in the index that finds candidate units
    run_chars: int = 4  # shared text counts in runs of at least this many characters
    kept: float = 0.8  # share of a clause's characters found in one unit: kept
    found: float = 0.5  # …at least this share: reworded; below it: missing
    # a shorter piece joins the clause after it: a heading (优化资源要素配置。) is read with its body
    min_clause_chars: int = 20
    long_sentence: int = 60  # a sentence longer than this is cut at ；
    candidates: int = 4  # units read closely per clause (best shared runs first)
    min_shared_grams: int = 2  # a unit sharing fewer runs with a clause is no candidate
    max_postings: int = 64  # runs found in more units than this are too common to find candidates
    max_places: int = 3  # units named for one clause (the best, then others holding it as well)
    # A run said in more than this share of the target's units (at least stock_min_units) is stock
    # phrasing (由县级以上道路运输管理机构责令改正, 加大…支持力度): characters covered only by
    # such runs neither count as found nor as to be found.
    stock_share: float = 0.03
    stock_min_units: int = 3
    min_rare_chars: int = 6  # a clause with fewer characters outside stock phrasing is not traced


def split_clauses(text: str, start: int, end: int, config: ProvenanceConfig) -> list[tuple[int, int]]:
    """The clauses of text[start:end]: sentences, long ones cut at ；, short pieces joined forward.

    Spans exclude surrounding whitespace; a unit of blank text has no clause.
    """
    pieces: list[tuple[int, int]] = []
    k = start
    sentence_start = start
    while k < end:
        ch = text[k]
        if ch in SENTENCE_ENDS or ch == "\n":
            pieces.extend(_cut_long(text, sentence_start, k + 1, config))
            sentence_start = k + 1
        k += 1
    pieces.extend(_cut_long(text, sentence_start, end, config))
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for a, b in pieces:
        a, b = _strip(text, a, b)
        if a >= b:
            continue
        if carry is not None:
            a = carry
            carry = None
        if _letters(text, a, b) < config.min_clause_chars:
            carry = a
            continue
        out.append((a, b))
    if carry is not None:
        a, b = _strip(text, carry, end)
        if out and _letters(text, a, b) < config.min_clause_chars:
            out[-1] = (out[-1][0], b)
        elif a < b:
            out.append((a, b))
    return out


def _cut_long(text: str, a: int, b: int, config: ProvenanceConfig) -> list[tuple[int, int]]:
    if b - a <= config.long_sentence:
        return [(a, b)]
    out = []
    s = a
    for k in range(a, b):
        if text[k] in CLAUSE_BREAKS:
            out.append((s, k + 1))
            s = k + 1
    out.append((s, b))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _letters(text: str, a: int, b: int) -> int:
    return sum(1 for ch in text[a:b] if ch.isalnum())


def _shared_runs(clause: str, target: str, run: int, rare: Sequence[bool]) -> tuple[int, int, int]:
    """Rare characters of clause matched in target in runs of ``run`` or more, and the span of
    target those runs cover (start, end; 0, 0 when none)."""
    matched = 0
    lo, hi = len(target), 0
    for op in LCSseq.opcodes(clause, target):
        if op.tag == "equal" and op.src_end - op.src_start >= run:
            matched += sum(rare[op.src_start : op.src_end])
            lo, hi = min(lo, op.dest_start), max(hi, op.dest_end)
    return matched, (lo if hi else 0), hi


def _rare_chars(clause: str, size: int, stock: set[str]) -> list[bool]:
    """Whether each character of a clause lies in a run that is not stock phrasing."""
    rare = [False] * len(clause)
    for k in range(len(clause) - size + 1):
        if clause[k : k + size] not in stock:
            for j in range(k, k + size):
                rare[j] = True
    if len(clause) < size:
        rare = [True] * len(clause)
    return rare


class _Index:
    """The other document's units as normalized text, with an index of their character runs."""

    def __init__(
        self,
        text: str,
        units: Sequence[Unit],
        mode: NormalizeMode,
        config: ProvenanceConfig,
        norm: NormalizedText | None = None,
    ) -> None:
        self.norm: NormalizedText = norm if norm is not None else normalize(text, mode)
        self.units = list(units)
        self.spans: list[tuple[int, int]] = []
        postings: dict[str, set[int]] = defaultdict(set)
        n = self.norm.text
        for k, unit in enumerate(self.units):
            a, b = self.norm.slice_span(unit_text_start(text, unit), unit.own_end)
            self.spans.append((a, b))
            for gram in _grams(n[a:b], config.gram):
                postings[gram].add(k)
        self.postings = {g: units for g, units in postings.items() if len(units) <= config.max_postings}
        stock = max(config.stock_min_units, int(config.stock_share * len(self.units)))
        self.stock = {g for g, units in postings.items() if len(units) > stock}


def _grams(text: str, size: int) -> set[str]:
    """Runs of ``size`` letters or digits (punctuation and spaces break a run)."""
    out: set[str] = set()
    for match in _ALNUM_RUN.finditer(text):
        run = match.group()
        out.update(run[k : k + size] for k in range(len(run) - size + 1))
    return out


# Letters and digits as str.isalnum reads them: a word character that is not the underscore.
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _dense(text: str) -> str:
    """Letters and digits only: punctuation and spacing never decide whether a clause was kept."""
    return "".join(_ALNUM_RUN.findall(text))


# Texts folded and indexes built lately, found again by the identity of their inputs: one policy
# against many traces the same parent into every child, and a comparison's scattered units are
# traced into the same child that coverage then traces the parent into.
_KEEP = 4
_FOLDED: list[tuple[str, NormalizeMode, NormalizedText]] = []
_INDEXES: list[tuple[str, Sequence[Unit], NormalizeMode, ProvenanceConfig, _Index]] = []


def folded(text: str, mode: NormalizeMode) -> NormalizedText:
    """``normalize(text, mode)``, made once per text (the same str object) among the latest few."""
    for seen, seen_mode, norm in _FOLDED:
        if seen is text and seen_mode == mode:
            return norm
    return remember_folded(text, mode, normalize(text, mode))


def remember_folded(text: str, mode: NormalizeMode, norm: NormalizedText) -> NormalizedText:
    """Keep a folded text made elsewhere (a prepared document's) for ``folded``."""
    _FOLDED.insert(0, (text, mode, norm))
    del _FOLDED[_KEEP:]
    return norm


def _index(text: str, units: Sequence[Unit], mode: NormalizeMode, config: ProvenanceConfig) -> _Index:
    for seen, seen_units, seen_mode, seen_config, index in _INDEXES:
        if seen is text and seen_units is units and seen_mode == mode and seen_config == config:
            return index
    index = _Index(text, units, mode, config, folded(text, mode))
    _INDEXES.insert(0, (text, units, mode, config, index))
    del _INDEXES[_KEEP:]
    return index


class Tracer:
    """Traces units of one document (the source) into another (the target)."""

    def __init__(
        self,
        source_text: str,
        target_text: str,
        target_units: Sequence[Unit],
        mode: NormalizeMode = NormalizeMode.T2S,
        config: ProvenanceConfig | None = None,
    ) -> None:
        self.config = config or ProvenanceConfig()
        self.mode = mode
        self.source_text = source_text
        self.source_norm = folded(source_text, mode)  # once: folding clause by clause costs more
        self.target_text = target_text
        self.index = _index(target_text, target_units, mode, self.config)
        self._dense_targets: dict[int, tuple[str, list[int]]] = {}

    def _target(self, k: int) -> tuple[str, list[int]]:
        """A target unit's normalized own text, letters and digits only, and each one's offset."""
        got = self._dense_targets.get(k)
        if got is None:
            a, b = self.index.spans[k]
            n = self.index.norm.text
            keep = [j for j in range(a, b) if n[j].isalnum()]
            got = ("".join(n[j] for j in keep), keep)
            self._dense_targets[k] = got
        return got

    def trace(self, unit: Unit) -> tuple[Clause, ...]:
        """The clauses of a source unit's own text and where each lives in the target.

        The unit's heading (优化资源要素配置。) is read with the clause it opens but need not be
        found: an implementation renames a measure as often as it keeps it.
        """
        cfg = self.config
        text = self.source_text
        start = unit_text_start(text, unit)
        heading_end = start
        if unit.heading and text.startswith(unit.heading, start):
            heading_end = start + len(unit.heading)
        out = []
        for a, b in split_clauses(text, start, unit.own_end, cfg):
            out.append(self._trace_clause(a, b, max(a, min(heading_end, b))))
        return tuple(out)

    def _folded(self, a: int, b: int) -> str:
        """The source's text[a:b] folded as the target is, letters and digits only."""
        na, nb = self.source_norm.slice_span(a, b)
        return _dense(self.source_norm.text[na:nb])

    def _trace_clause(self, a: int, b: int, optional_end: int) -> Clause:
        """Trace text[a:b]; its characters before ``optional_end`` (a heading) may go unfound."""
        cfg = self.config
        clause = self._folded(a, b)
        if not clause:
            return Clause((a, b), (), ClauseStatus.MISSING)
        rare = _rare_chars(clause, cfg.gram, self.index.stock)
        optional = len(self._folded(a, optional_end))
        rare[:optional] = [False] * min(optional, len(rare))
        to_find = sum(rare)
        if to_find < cfg.min_rare_chars:
            return Clause((a, b), (), ClauseStatus.MISSING)
        tally: Counter[int] = Counter()
        for gram in _grams(clause, cfg.gram):
            for k in self.index.postings.get(gram, ()):
                tally[k] += 1
        ranked = sorted(
            (k for k, n in tally.items() if n >= cfg.min_shared_grams), key=lambda k: (-tally[k], k)
        )[: cfg.candidates]
        places: list[ClauseMatch] = []
        for k in ranked:
            target, offsets = self._target(k)
            matched, lo, hi = _shared_runs(clause, target, cfg.run_chars, rare)
            share = matched / to_find
            if share < cfg.found or hi <= lo:
                continue
            start, end = self.index.norm.to_original(offsets[lo], offsets[hi - 1] + 1)
            places.append(ClauseMatch(self.index.units[k], (start, end), round(share, 4)))
        places.sort(key=lambda m: (-m.similarity, m.unit.index))
        places = places[: cfg.max_places]
        if not places:
            return Clause((a, b), (), ClauseStatus.MISSING)
        status = ClauseStatus.KEPT if places[0].similarity >= cfg.kept else ClauseStatus.REWORDED
        return Clause((a, b), tuple(places), status)
