"""Pair the figures of two aligned units and say which are unchanged, changed, added or removed.

Kept apart from extraction so each can be read and tested alone. Pairing is cheap on purpose
(exact matches first, then character-bigram similarity of subjects, units and order, with the
sentence around each figure when subjects are worded apart), so a unit with fifty figures a side
compares in about a millisecond. Figures are paired by what they measure: a duty word (确保) or
a bound spelled otherwise (不低于 / 以上) is no change, and separate_moved_figures undoes, across
the whole comparison, a pairing of two figures that measure different things.
May import: the standard library and ``policydiff.model`` only (no PySide6).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from policydiff.model import (
    Figure,
    FigureChange,
    FigureKind,
    Pair,
    Qualifier,
    Status,
    Unit,
)

__all__ = [
    "FigureCounts",
    "Shift",
    "shift",
    "PairingConfig",
    "compare_figures",
    "figure_counts",
    "separate_moved_figures",
    "bounds",
    "DUTY_WORDS",
    "finite_ratio",
    "unit_place",
    "same_amount",
    "subject_similarity",
]


@dataclass(frozen=True)
class PairingConfig:
    """Weights and cut-offs for pairing figures that are not identical."""

    subject_weight: float = 0.6
    value_weight: float = 0.15
    unit_weight: float = 0.1
    order_weight: float = 0.15
    min_score: float = 0.42
    min_subject: float = 0.25  # below this a pair needs both subjects empty
    cross_kind_subject: float = 0.8  # figures of different kinds pair only when subjects agree this much
    same_value_subject: float = 0.5  # same value and unit, subjects overlapping: likely one figure
    date_subject: float = 0.5  # two dates in one unit (a deadline moved) need little subject in common
    rel_tol: float = 1e-9
    full_pairing: int = 40_000  # left × right leftovers up to which every pair is scored
    window: int = 64  # above that, each figure meets this many neighbours on each side
    # Two figures without subjects are neither alike nor unlike in what they measure: halfway.
    empty_subject_similarity: float = 0.5
    # A changed figure whose new value stands, with a like subject, among the other side's unpaired
    # figures in a sentence more like its own is that figure moved, not this one changed.
    # Figures of one kind whose subjects differ but whose sentences read alike measure one thing.
    sentence_alike: float = 0.5
    contained_factor: float = 0.6  # weight of the share of the shorter subject the longer one holds
    contained_min_grams: int = 4  # …when the shorter names something specific (not 补助, 奖励)
    sentence_factor: float = 0.8
    moved_subject: float = 0.5
    moved_sentence_margin: float = 0.05
    moved_candidates: int = 32  # unpaired figures of one value looked at, at most, per changed figure


DEFAULT = PairingConfig()
# Words beside a figure that say how firmly it is meant, not what it bounds: 确保70% and 70% say the
# same amount. Their change is an obligation's (policydiff.meaning.obligations), never a changed figure.
# 达到 only introduces the number (达到70% is 70%).
DUTY_WORDS: frozenset[str] = frozenset((Qualifier.ENSURE, Qualifier.STRIVE, Qualifier.SEEK, Qualifier.REACH))


# Bounds that say the same, each folded to one word: 不低于70% and 70%以上 and 不少于70% all mean
# "70% or more"; 超过, 高于, 多于 "more than"; 不超过, 最高, 以下 "at most"; 低于, 不足 "less than".
SAME_BOUND: dict[str, str] = {
    **dict.fromkeys(("不低于", "不少于", "不小于", "至少", "以上", "最低", "最少"), "≥"),
    **dict.fromkeys(("超过", "高于", "多于", "大于", "逾", "突破"), ">"),
    **dict.fromkeys(
        ("不超过", "不高于", "不多于", "不大于", "以下", "以内", "最高", "最多", "最长", "上限"), "≤"
    ),
    **dict.fromkeys(("低于", "少于", "小于", "不足", "不到"), "<"),
    **dict.fromkeys(("左右", "近"), "≈"),
}


def bounds(figure: Figure) -> frozenset[str]:
    """What a figure's qualifiers say (≥, ≤, ≈, 新增, 累计 …), in no order, duty words left out."""
    return frozenset(SAME_BOUND.get(q, q) for q in figure.qualifier if q not in DUTY_WORDS)


ABS_TOL = 1e-12  # values this close to each other (around zero) are equal, whatever rel_tol says
VALUE_PLACES = 6  # identical figures: values compared to this many decimal places (float noise)
_NOISE_RE = re.compile(r"[\s\"“”‘’'()（）《》、,，。;；:：]")


def same_amount(a: float | None, b: float | None, rel_tol: float = DEFAULT.rel_tol) -> bool:
    """Equal values, allowing for float noise (1.5万亩 and 15000亩 are equal)."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=ABS_TOL)


def _norm(subject: str) -> str:
    return _NOISE_RE.sub("", subject)


def _grams(subject: str) -> frozenset[str]:
    s = _norm(subject)
    if len(s) < 2:
        return frozenset(s)
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def subject_similarity(a: str, b: str) -> float:
    """Character-bigram Jaccard similarity of two subjects, 0..1."""
    return _jaccard(_grams(a), _grams(b))


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    inter = len(x & y)
    return inter / (len(x) + len(y) - inter)


def _differs(a: Figure, b: Figure, cfg: PairingConfig) -> bool:
    return not (
        a.unit == b.unit
        and same_amount(a.value, b.value, cfg.rel_tol)
        and same_amount(a.value_high, b.value_high, cfg.rel_tol)
        and bounds(a) == bounds(b)
        and (a.per or None) == (b.per or None)
    )


def _key(f: Figure) -> tuple[object, ...]:
    high = None if f.value_high is None else round(f.value_high, VALUE_PLACES)
    return (_norm(f.subject), f.unit, round(f.value, VALUE_PLACES), high, bounds(f), f.per or None)


def _better_subject(a: Figure | None, b: Figure | None) -> str:
    """The more informative of two subjects: the longer one, the right (newer) one on a tie."""
    sa = a.subject if a else ""
    sb = b.subject if b else ""
    return sa if len(_norm(sa)) > len(_norm(sb)) else sb


def compare_figures(
    left: Sequence[Figure], right: Sequence[Figure], config: PairingConfig = DEFAULT
) -> list[FigureChange]:
    """Pair ``left`` and ``right`` figures of one aligned unit pair.

    Args:
        left: figures of the left unit, in reading order.
        right: figures of the right unit, in reading order.
        config: pairing weights and cut-offs.
    Returns:
        One FigureChange per pair or unpaired figure; every figure appears exactly once, in the
        right unit's order with removed figures after their nearest paired left neighbour.
    """
    partner: dict[int, int] = {}  # left index → right index
    taken: set[int] = set()
    # 1. identical figures (same subject, value, unit, qualifier) pair first, in order.
    waiting: dict[tuple[object, ...], deque[int]] = defaultdict(deque)
    for j, f in enumerate(right):
        waiting[_key(f)].append(j)
    for i, f in enumerate(left):
        queue = waiting.get(_key(f))
        if queue:
            j = queue.popleft()
            partner[i] = j
            taken.add(j)
    # 2. the rest by score: subject similarity, same value, same unit, similar position.
    rest_l = [i for i in range(len(left)) if i not in partner]
    rest_r = [j for j in range(len(right)) if j not in taken]
    if rest_l and rest_r:
        n, m = max(len(left) - 1, 1), max(len(right) - 1, 1)
        grams_r = {j: _grams(right[j].subject) for j in rest_r}
        candidates: list[tuple[float, int, int]] = []
        # Units with thousands of figures (appendix tables) compare each figure with its
        # neighbourhood in relative position only, so the work stays linear.
        window = len(rest_r) if len(rest_l) * len(rest_r) <= config.full_pairing else config.window
        for i in rest_l:
            a = left[i]
            ga = _grams(a.subject)
            middle = bisect_left(rest_r, round(i / n * m))
            for j in rest_r[max(0, middle - window) : middle + window]:
                b = right[j]
                gb = grams_r[j]
                sim = _jaccard(ga, gb) if ga or gb else config.empty_subject_similarity
                if min(len(ga), len(gb)) >= config.contained_min_grams and sim >= config.min_subject:
                    # a short subject inside a long one (有条件的项目容积率 / 有建设条件的项目…容积率)
                    sim = max(sim, config.contained_factor * len(ga & gb) / min(len(ga), len(gb)))
                if (
                    (not (ga and gb) or ga & gb)
                    and a.unit == b.unit
                    and same_amount(a.value, b.value, config.rel_tol)
                ):
                    # same value and unit, subjects with a word in common (or one unnamed):
                    # 按20%比例四舍五入推荐 → 推荐名额按小组人数20%比例
                    sim = max(sim, config.same_value_subject)
                if FigureKind.DATE in (a.kind, b.kind):
                    if a.unit != b.unit:
                        continue  # a day never pairs with a time of day or a year
                    sim = max(sim, config.date_subject)
                elif sim < config.min_subject and a.kind == b.kind and (a.per or None) == (b.per or None):
                    # subjects worded apart, the same sentence around them: 其中每月300元由校党委负责考核
                    # → 其中每月200元在期末考核后分A、B两个等次发放 (what the figure is for, unchanged)
                    sentence = _sentence_similarity(a, b)
                    if sentence >= config.sentence_alike:
                        sim = max(sim, config.sentence_factor * sentence)
                if sim < config.min_subject:
                    continue
                if a.kind != b.kind and a.unit != b.unit and sim < config.cross_kind_subject:
                    continue
                score = (
                    config.subject_weight * sim
                    + config.value_weight * same_amount(a.value, b.value, config.rel_tol)
                    + config.unit_weight * (a.unit == b.unit)
                    + config.order_weight * (1 - abs(i / n - j / m))
                )
                if score >= config.min_score:
                    candidates.append((-score, i, j))
        candidates.sort()
        for _, i, j in candidates:
            if i not in partner and j not in taken:
                partner[i] = j
                taken.add(j)
    return _ordered(left, right, partner, config)


def _ordered(
    left: Sequence[Figure], right: Sequence[Figure], partner: dict[int, int], cfg: PairingConfig
) -> list[FigureChange]:
    """Changes in the right unit's order; a removed figure follows its paired left neighbour."""
    by_right = {j: i for i, j in partner.items()}
    rows: list[tuple[float, int, int, FigureChange]] = []
    for j, b in enumerate(right):
        i = by_right.get(j)
        if i is None:
            change = FigureChange(Status.ADDED, b.subject, None, b)
        else:
            a = left[i]
            status = Status.CHANGED if _differs(a, b, cfg) else Status.UNCHANGED
            change = FigureChange(status, _better_subject(a, b), a, b)
        rows.append((j, 0, 0, change))
    anchor = -1.0
    for i, a in enumerate(left):
        if i in partner:
            anchor = partner[i]
            continue
        rows.append((anchor, 1, i, FigureChange(Status.REMOVED, a.subject, a, None)))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return [r[3] for r in rows]


class _Spare:
    """Unpaired figures of one side (removed or added), found by unit and value; each used once."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
        self.used: set[int] = set()

    def add(self, figure: Figure) -> None:
        self.by_key[_value_key(figure)].append(figure)

    def take(self, like: Figure, other: Figure, cfg: PairingConfig) -> bool:
        """Whether an unpaired figure with ``like``'s value reads more like ``like`` than ``other``
        does (subject alike, sentence closer); it is then used up."""
        own = _sentence_similarity(like, other)
        # bounded: an appendix table of thousands of equal values stays linear
        for spare in self.by_key.get(_value_key(like), ())[: cfg.moved_candidates]:
            if id(spare) in self.used or spare is like:
                continue
            if subject_similarity(spare.subject, like.subject) < cfg.moved_subject:
                continue
            if _sentence_similarity(spare, like) > own + cfg.moved_sentence_margin:
                self.used.add(id(spare))
                return True
        return False


def _value_key(figure: Figure) -> tuple[object, ...]:
    high = None if figure.value_high is None else round(figure.value_high, VALUE_PLACES)
    return (figure.unit, round(figure.value, VALUE_PLACES), high, figure.per or None)


def _sentence_similarity(a: Figure, b: Figure) -> float:
    """Character-bigram Jaccard similarity of the sentences two figures stand in, numbers left out."""
    return _jaccard(_sentence_grams(a.sentence), _sentence_grams(b.sentence))


SENTENCE_CACHE = 4096  # sentences whose bigrams are kept (the figures of a sentence share them)


@lru_cache(maxsize=SENTENCE_CACHE)
def _sentence_grams(sentence: str) -> frozenset[str]:
    """A sentence's bigrams without its numbers (the figures of one sentence share them: cached)."""
    return _grams(_DIGITS_RE.sub("", sentence))


_DIGITS_RE = re.compile(r"[\d.%]+")


def separate_moved_figures(pairs: Sequence[Pair], config: PairingConfig = DEFAULT) -> list[Pair]:
    """Undo a pairing of two figures that measure different things, seen across the whole comparison.

    Inside one pair of units, 研发费用占营业收入比重3%以上 (a threshold for a reward) and a 5% of
    the same wording look like one figure changed; when the other document holds that 5%, unpaired,
    in a sentence closer to the 5%'s own (高于5%的企业…安排用电), the 5% is that figure moved and the
    3% is removed. Each pair whose figures change this way is rebuilt; dates are left alone (the
    same year stands everywhere).
    """
    spare_left, spare_right = _Spare(), _Spare()
    for pair in pairs:
        for change in pair.figures:
            if change.status == Status.REMOVED and change.left is not None:
                spare_left.add(change.left)
            elif change.status == Status.ADDED and change.right is not None:
                spare_right.add(change.right)
    out: list[Pair] = []
    for pair in pairs:
        rebuilt: list[FigureChange] = []
        for change in pair.figures:
            a, b = change.left, change.right
            if (
                change.status == Status.CHANGED
                and a is not None
                and b is not None
                and FigureKind.DATE not in (a.kind, b.kind)
                and not same_amount(a.value, b.value, config.rel_tol)
                and (spare_left.take(b, a, config) or spare_right.take(a, b, config))
            ):
                rebuilt += [
                    FigureChange(Status.REMOVED, a.subject, a, None),
                    FigureChange(Status.ADDED, b.subject, None, b),
                ]
            else:
                rebuilt.append(change)
        out.append(replace(pair, figures=tuple(rebuilt)) if len(rebuilt) != len(pair.figures) else pair)
    return out


@dataclass(frozen=True)
class FigureCounts:
    """Figure changes counted apart: changed, added and removed inside units both sides keep, and
    the figures of units only one side has (a new article brings all its figures with it)."""

    changed: int = 0
    added: int = 0
    removed: int = 0
    in_added_units: int = 0
    in_removed_units: int = 0
    # figures of a scattered unit found where its clauses went (counted once, from that unit)
    moved: int = 0

    @property
    def total(self) -> int:
        return self.changed + self.added + self.removed


def figure_counts(pairs: Sequence[Pair]) -> FigureCounts:
    """Count the figure changes of a comparison's pairs (see FigureCounts)."""
    changed = added = removed = in_added = in_removed = moved = 0
    for pair in pairs:
        moved += sum(1 for f in pair.figures if f.elsewhere is not None and pair.scattered)
        if pair.scattered or any(f.elsewhere is not None for f in pair.figures):
            pair = replace(pair, figures=tuple(f for f in pair.figures if f.elsewhere is None))
        if pair.left is None:
            in_added += len(pair.figures)
        elif pair.right is None:
            in_removed += len(pair.figures)
        else:
            for f in pair.figures:
                changed += f.status == Status.CHANGED
                added += f.status == Status.ADDED
                removed += f.status == Status.REMOVED
    return FigureCounts(changed, added, removed, in_added, in_removed, moved)


class Shift(StrEnum):
    """How a figure found on both sides changed: one rule, worded by every view in its language."""

    SAME = "same"  # the same value and bounds (its wording or duty words may differ)
    QUALIFIER = "qualifier"  # the same value, bounded otherwise: 不低于70% → 不超过70%, 70% → 70%以上
    AMOUNT = "amount"  # the value moved: a difference and a ratio mean something
    UPPER = "upper"  # a range whose upper end moved: 10—20亿元 → 10—30亿元
    RANGE = "range"  # a range became one value, or one value a range
    UNIT = "unit"  # different units: the values cannot be compared
    BASIS = "basis"  # different denominators (每人 / 每户): the values cannot be compared
    EARLIER = "earlier"  # a date or deadline brought forward
    LATER = "later"  # a date or deadline put back
    DATE = "date"  # a date changed whose values do not order in time (a month without its year)
    DEADLINE = "deadline"  # the same date with other wording of the deadline (前 / 起 / 底)


# Date units whose values order in time (a month or a day without its year may cross a new year).
ORDERED_DATES = frozenset(("年份", "年月", "日期", "时刻"))


def shift(change: FigureChange) -> Shift | None:
    """How a changed figure moved; None when it is on one side only."""
    old, new = change.left, change.right
    if old is None or new is None:
        return None
    if old.unit != new.unit:
        return Shift.UNIT
    if old.per != new.per:
        return Shift.BASIS
    if FigureKind.DATE in (old.kind, new.kind):
        if old.value == new.value and old.value_high == new.value_high:
            return Shift.SAME if old.qualifier == new.qualifier else Shift.DEADLINE
        if old.unit in ORDERED_DATES:
            return Shift.EARLIER if new.value < old.value else Shift.LATER
        return Shift.DATE
    if new.value != old.value:
        return Shift.AMOUNT
    if old.value_high != new.value_high:
        return Shift.RANGE if old.value_high is None or new.value_high is None else Shift.UPPER
    return Shift.SAME if bounds(old) == bounds(new) else Shift.QUALIFIER


# 本法自 / 本办法自 / 本条例自 / 本通知自 …: the subject a date has in a text's own effective-date
# clause (本法自2024年11月1日起施行), as opposed to a deadline inside a measure.
_EFFECTIVE_SUBJECT = re.compile(r"^本[\u4e00-\u9fff]{1,6}?自?$")  # 本法 / 本办法自 …


def effective_date(change: FigureChange) -> bool:
    """True when a changed date is the document's own effective date (本法自…起施行).

    A new version takes effect on a new date: that is neither 推迟 nor 提前 of anything, so the
    views word it 施行日期变更; shift() still says which way it moved.
    """
    old, new = change.left, change.right
    if old is None or new is None or FigureKind.DATE not in (old.kind, new.kind):
        return False
    if shift(change) not in (Shift.EARLIER, Shift.LATER, Shift.DATE):
        return False
    return all(
        _EFFECTIVE_SUBJECT.search(f.subject or "") is not None
        and Qualifier.FROM in f.qualifier
        and ("施行" in f.sentence or not f.sentence)  # 本法自…起施行, not 本法自…起申报
        for f in (old, new)
    )


def finite_ratio(change: FigureChange) -> float | None:
    """right/left when both exist and the quotient is a finite number (never inf or nan)."""
    if change.left is None or change.right is None or change.left.value == 0:
        return None
    try:
        ratio = change.right.value / change.left.value
    except (OverflowError, ZeroDivisionError):
        return None
    return ratio if math.isfinite(ratio) else None


def unit_place(units: Sequence[Unit], unit: Unit | None) -> str:
    """Where a unit stands, with its parents, so ``2.`` is never ambiguous: ``一、 › 2.``.

    Unlabelled units (preamble, title, epilogue) are named by their heading's first characters.
    """
    if unit is None:
        return ""
    parts: list[str] = []
    seen = 0
    current: Unit | None = unit
    while current is not None and seen < PLACE_DEPTH:
        parts.append(current.label.strip() or current.heading[:PLACE_HEADING_CHARS].strip())
        current = (
            units[current.parent] if current.parent is not None and current.parent < len(units) else None
        )
        seen += 1
    return " › ".join(p for p in reversed(parts) if p)


PLACE_DEPTH = 6  # ancestors shown at most (real documents nest four deep)
PLACE_HEADING_CHARS = 8
