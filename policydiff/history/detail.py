"""What one step of one lineage did, as a reader inspects it: both texts with the words that went and
came, and the figures that changed.

An article is shown whole (its items too), so a change in an item shows in the article's step; a
chapter or section shows only its own heading and intro. The spans come from the step's
comparison (its pairs' word edits and figure changes), never from a second diff.
May import: the standard library, policydiff.model and policydiff.history.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.history.chain import INNER_LEVELS, descendants
from policydiff.history.model import History, Lineage, Step
from policydiff.model import Comparison, FigureChange, Op, Pair, Status, Unit

Range = tuple[int, int]


@dataclass(frozen=True)
class SideText:
    """One side of a step: the unit's text as loaded and the ranges (relative to it) that changed."""

    label: str
    text: str
    marked: tuple[Range, ...]


@dataclass(frozen=True)
class StepDetail:
    step: Step
    left: SideText | None  # None: the unit was added in this step
    right: SideText | None  # None: removed
    figures: tuple[FigureChange, ...]  # the figures that changed, were added or removed


def _extent(unit: Unit, whole: bool) -> Range:
    return (unit.start, unit.end if whole else unit.own_end)


def _side(text: str, units: tuple[Unit, ...], whole: bool, changed: list[Range]) -> SideText | None:
    if not units:
        return None
    parts, marked, offset = [], [], 0
    for unit in units:
        start, end = _extent(unit, whole)
        body = text[start:end].rstrip()
        for s, e in changed:
            lo, hi = max(s, start), min(e, start + len(body))
            if lo < hi:
                marked.append((offset + lo - start, offset + hi - start))
        parts.append(body)
        offset += len(body) + 1
    return SideText(units[0].label, "\n".join(parts), tuple(sorted(marked)))


_UnitPairs = tuple[dict[int, int], dict[int, int]]
_CACHE: dict[int, tuple[Comparison, _UnitPairs]] = {}  # by identity: hashing a Comparison reads all of it
_CACHE_SIZE = 64


def _pairs_of_units(comparison: Comparison) -> _UnitPairs:
    """Left and right unit index → the pair holding it (built once per comparison)."""
    cached = _CACHE.get(id(comparison))
    if cached is not None and cached[0] is comparison:
        return cached[1]
    left: dict[int, int] = {}
    right: dict[int, int] = {}
    for p, pair in enumerate(comparison.pairs):
        for unit in pair.left_units:
            left[unit.index] = p
        for unit in pair.right_units:
            right[unit.index] = p
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[id(comparison)] = (comparison, (left, right))
    return left, right


def _inner_pairs(comparison: Comparison, lefts: tuple[Unit, ...], rights: tuple[Unit, ...]) -> list[int]:
    """The pairs holding the units inside ``lefts`` and ``rights`` (their items), in reading order."""
    by_left, by_right = _pairs_of_units(comparison)
    found: set[int] = set()
    for unit in lefts:
        found.update(by_left[i] for i in descendants(comparison.left.tree.units, unit) if i in by_left)
    for unit in rights:
        found.update(by_right[i] for i in descendants(comparison.right.tree.units, unit) if i in by_right)
    return sorted(found)


def step_detail(history: History, row: Lineage, k: int) -> StepDetail | None:
    """The texts and changes of ``row``'s step from version k to k + 1 (None where it has no step)."""
    step = row.steps[k]
    if step is None:
        return None
    comparison = history.comparisons[k]
    pair = history.pair(row, k)
    left_unit, right_unit = row.units[k], row.units[k + 1]
    lefts = pair.left_units if pair is not None and pair.left is not None else ()
    rights = pair.right_units if pair is not None and pair.right is not None else ()
    if left_unit is not None and left_unit not in lefts:
        lefts = (left_unit,)  # a unit merged into another: its own text
    if right_unit is not None and right_unit not in rights:
        rights = (right_unit,)
    if right_unit is None:
        rights = ()
    if left_unit is None:
        lefts = ()
    whole = row.level in INNER_LEVELS
    pairs: list[Pair] = [pair] if pair is not None else []
    if whole:
        pairs += [comparison.pairs[p] for p in _inner_pairs(comparison, lefts, rights)]
        pairs = list({id(p): p for p in pairs}.values())
    went: list[Range] = []
    came: list[Range] = []
    figures: list[FigureChange] = []
    for p in pairs:
        for edit in p.edits:
            if edit.op in (Op.DELETE, Op.REPLACE):
                went.append(edit.left)
            if edit.op in (Op.INSERT, Op.REPLACE):
                came.append(edit.right)
        figures += [f for f in p.figures if f.status != Status.UNCHANGED]
    return StepDetail(
        step,
        _side(comparison.left.text, lefts, whole, went),
        _side(comparison.right.text, rights, whole, came),
        tuple(figures),
    )
