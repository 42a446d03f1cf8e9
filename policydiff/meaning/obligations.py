"""Obligation strength: which modal and commitment words changed, and whether the duty got stricter.

A revised or implemented policy can keep every figure and still mean something else because
应当 became 可以 or 确保 became 力争. This module finds those words (as whole jieba words) in the
two texts of a pair, matches each occurrence across the pair by the clause it governs, and reports
the ones whose strength differs, with a direction. The scale below is the one place it is defined.
May import: the standard library, rapidfuzz, policydiff.lang.words, policydiff.model.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum
from itertools import compress

from rapidfuzz import fuzz

from policydiff.lang.words import segment
from policydiff.model import Direction, ObligationChange


class Family(StrEnum):
    """What a word obliges: to act (duty) or to refrain (prohibition); hedges soften either."""

    DUTY = "duty"
    PROHIBITION = "prohibition"
    HEDGE = "hedge"


# The scale. Higher is stricter; words of one rank are interchangeable for this purpose.
#  duty 6  必须 务必 确保 保证   unconditional: the act must happen / the result is guaranteed
#  duty 5  应当 应 应该 须        the legal "shall" of laws and regulations
#  duty 4  要 需                   a policy directive ("要加快…"), binding on the administration
#  duty 3  支持                   the government commits itself to back the act
#  duty 2  力争 争取 鼓励 引导 倡导 an aim or an encouragement: nobody is bound
#  duty 1  可以 可 允许 能够       a permission
#  prohibition 6  严禁            absolute ban, with sanctions implied
#  prohibition 5  禁止 不得 不准 不许   a ban
#  prohibition 3  不应 不宜        should not
#  prohibition 2  避免 尽量避免 原则上不  an aim to avoid
#  hedge  原则上 视情 酌情 一般应  added = looser (exceptions allowed), removed = stricter
SCALE: dict[str, tuple[Family, int]] = {
    **{w: (Family.DUTY, 6) for w in ("必须", "务必", "确保", "保证")},
    **{w: (Family.DUTY, 5) for w in ("应当", "应", "应该", "须")},
    **{w: (Family.DUTY, 4) for w in ("要", "需")},
    **{w: (Family.DUTY, 3) for w in ("支持",)},
    **{w: (Family.DUTY, 2) for w in ("力争", "争取", "鼓励", "引导", "倡导")},
    **{w: (Family.DUTY, 1) for w in ("可以", "可", "允许", "能够")},
    **{w: (Family.PROHIBITION, 6) for w in ("严禁",)},
    **{w: (Family.PROHIBITION, 5) for w in ("禁止", "不得", "不准", "不许")},
    **{w: (Family.PROHIBITION, 3) for w in ("不应", "不宜")},
    **{w: (Family.PROHIBITION, 2) for w in ("避免", "尽量避免")},
    **{w: (Family.HEDGE, 1) for w in ("原则上", "视情", "酌情")},
}

# Words that are modal on their own but not as the start of these words (可持续, 能力 …), for
# segmenters that split them.
_NOT_MODAL_BEFORE: dict[str, frozenset[str]] = {
    "可": frozenset({"持续", "能", "行", "靠", "观", "控", "视", "信", "比", "是", "见", "及", "再生"}),
    "要": frozenset({"素", "求", "点", "件", "闻"}),
    "需": frozenset({"求"}),
    "应": frozenset({"用", "急", "对", "变", "届", "收"}),
}
_JOINED_HEDGES = (("视", "情"), ("原则", "上"))
_CANDIDATES = frozenset(SCALE) | {first for first, _ in _JOINED_HEDGES}
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n]")
_SCOPE_CHARS = 30  # how much of the governed clause identifies an occurrence
_SAME_WORD_BONUS = 15.0  # added to the clause ratio when both occurrences are the same word
# 应收尽收, 应保尽保, 应享尽享: "everything due is …", an idiom, not a duty word
_IDIOM_AFTER = {"应": "尽"}


@dataclass(frozen=True)
class ObligationConfig:
    """Thresholds for matching occurrences across a pair by the clause they govern."""

    min_scope_ratio: float = 60.0  # rapidfuzz ratio of the governed clauses (0..100)
    min_scope_chars: int = 2  # a modal governing less than this is too weak to match
    max_occurrences: int = 400  # per side and pair; beyond, only neighbours in order are matched


@dataclass(frozen=True)
class Occurrence:
    word: str
    family: Family
    rank: int
    start: int  # offsets into the text given to find_occurrences
    end: int
    scope: str  # the governed clause with modal words removed


def _scope(words: list[str], starts: list[int], text: str, after: int) -> str:
    """The clause governed by the word ending at ``after``: the following words up to a clause
    end (at most _SCOPE_CHARS characters), modal words left out."""
    match = _CLAUSE_END.search(text, after, after + _SCOPE_CHARS)
    stop = match.start() if match else min(len(text), after + _SCOPE_CHARS)
    k = bisect_left(starts, after)
    parts = []
    while k < len(words) and starts[k] < stop:
        if words[k] not in SCALE:
            parts.append(words[k][: stop - starts[k]])
        k += 1
    return "".join(parts)


def find_occurrences(text: str) -> list[Occurrence]:
    """Every modal, commitment or hedge word of ``text`` (whole words only), in order."""
    words, starts = segment(text)
    out: list[Occurrence] = []
    after_join = 0  # words before this index were taken into a joined hedge
    # only these words can start an occurrence: the scan for them stays in C
    for i in compress(range(len(words)), map(_CANDIDATES.__contains__, words)):
        if i < after_join:
            continue
        word, start = words[i], starts[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        joined = next((a + b for a, b in _JOINED_HEDGES if word == a and following == b), None)
        if joined is not None:
            word, after_join = joined, i + 2
            following = words[i + 2] if i + 2 < len(words) else ""
        entry = SCALE.get(word)
        idiom = _IDIOM_AFTER.get(word)
        if idiom is not None and text[start + len(word) + 1 : start + len(word) + 2] == idiom:
            entry = None
        if entry is not None and not any(following.startswith(s) for s in _NOT_MODAL_BEFORE.get(word, ())):
            end = start + len(word)
            out.append(Occurrence(word, entry[0], entry[1], start, end, _scope(words, starts, text, end)))
    return out


def _matches(
    left: list[Occurrence], right: list[Occurrence], config: ObligationConfig
) -> list[tuple[int, int]]:
    """One-to-one matches of occurrences by the clause they govern, best first."""
    window = None if len(left) * len(right) <= config.max_occurrences**2 // 4 else 8
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(left):
        if len(a.scope) < config.min_scope_chars:
            continue
        js = range(len(right)) if window is None else range(max(0, i - window), min(len(right), i + window))
        for j in js:
            b = right[j]
            if len(b.scope) < config.min_scope_chars or (a.family == Family.HEDGE) != (
                b.family == Family.HEDGE
            ):
                continue
            score = fuzz.ratio(a.scope, b.scope)
            if score >= config.min_scope_ratio:
                # the same word over the same clause is the likeliest counterpart
                candidates.append((score + (_SAME_WORD_BONUS if a.word == b.word else 0.0), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    out = []
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            out.append((i, j))
    return sorted(out)


def _clause_present(scope: str, text: str, config: ObligationConfig) -> bool:
    """Whether a hedge's governed clause also stands in the other text (so the hedge is the change)."""
    if len(scope) < config.min_scope_chars:
        return False
    return fuzz.partial_ratio(scope, text) >= max(config.min_scope_ratio, 80.0)


def obligation_changes(
    left_text: str, right_text: str, config: ObligationConfig | None = None
) -> list[ObligationChange]:
    """Modal words whose strength differs between two texts of one pair, in the order of the left.

    Args:
        left_text: the left unit's text, normalized (simplified script) so a reprint matches.
        right_text: the right unit's text, normalized the same way.
        config: matching thresholds.

    Returns:
        One change per matched pair of occurrences of different strength in one family, and per
        hedge added or removed over a clause both texts share; spans index the given texts.
    """
    config = config or ObligationConfig()
    if left_text == right_text:
        return []
    left = find_occurrences(left_text)[: config.max_occurrences]
    right = find_occurrences(right_text)[: config.max_occurrences]
    out: list[ObligationChange] = []
    matched = _matches(left, right, config)
    for i, j in matched:
        a, b = left[i], right[j]
        if a.family != b.family or a.rank == b.rank or a.family == Family.HEDGE:
            continue
        direction = Direction.STRICTER if b.rank > a.rank else Direction.LOOSER
        out.append(ObligationChange(a.word, b.word, direction, (a.start, a.end), (b.start, b.end)))
    matched_left = {i for i, _ in matched}
    matched_right = {j for _, j in matched}
    for i, a in enumerate(left):
        if (
            a.family == Family.HEDGE
            and i not in matched_left
            and _clause_present(a.scope, right_text, config)
        ):
            out.append(ObligationChange(a.word, None, Direction.STRICTER, (a.start, a.end), None))
    for j, b in enumerate(right):
        if (
            b.family == Family.HEDGE
            and j not in matched_right
            and _clause_present(b.scope, left_text, config)
        ):
            out.append(ObligationChange(None, b.word, Direction.LOOSER, None, (b.start, b.end)))
    return out
