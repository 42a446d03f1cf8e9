"""What to paint where, computed once per Comparison: text marks, gutter marks and scroll anchors.

The panes only turn these spans into colours. Kept free of Qt so it is tested on tiny comparisons
and so the per-scroll work is a bisect over lists prepared here.
May import: the standard library and policydiff.model.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from policydiff.model import Comparison, Op, Pair, Status, Unit


class Mark(StrEnum):
    DELETED = "deleted"  # words only on the left
    INSERTED = "inserted"  # words only on the right
    FIGURE = "figure"  # a figure that changed (or appeared / disappeared)


class Gutter(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    MANUAL = "manual"


@dataclass(frozen=True)
class SideMarks:
    """Everything one pane paints for a comparison; offsets index the document's loaded text."""

    text_marks: tuple[tuple[int, int, Mark], ...]
    gutter: tuple[tuple[int, int, Gutter], ...]  # disjoint, sorted by start
    gutter_starts: tuple[int, ...]
    unit_starts: tuple[int, ...]  # own-span starts of the side's units, sorted
    unit_ids: tuple[int, ...]  # unit index for each entry of unit_starts
    unit_ends: tuple[int, ...]  # own-span ends

    def gutter_at(self, start: int, end: int) -> list[Gutter]:
        """Gutter marks overlapping [start, end) (a visible block), in order."""
        first = max(0, bisect_right(self.gutter_starts, start) - 1)
        found: list[Gutter] = []
        for s, e, kind in self.gutter[first:]:
            if s >= end:
                break
            if e > start or (s == e == start):
                found.append(kind)
        return found

    def unit_at(self, offset: int) -> int | None:
        """Index of the unit whose own text holds ``offset`` (or the nearest one before it)."""
        i = bisect_right(self.unit_starts, offset) - 1
        return self.unit_ids[i] if i >= 0 else None


def _gutter_kind(pair: Pair) -> Gutter | None:
    if pair.status == Status.ADDED:
        return Gutter.ADDED
    if pair.status == Status.REMOVED:
        return Gutter.REMOVED
    if pair.moved:
        return Gutter.MOVED
    if pair.manual:
        return Gutter.MANUAL
    if pair.status == Status.CHANGED or pair.figures_changed:
        return Gutter.CHANGED
    return None


def side_marks(comparison: Comparison, side: str) -> SideMarks:
    """Collect the marks of one side (``"left"`` or ``"right"``)."""
    left = side == "left"
    text_marks: list[tuple[int, int, Mark]] = []
    gutter: list[tuple[int, int, Gutter]] = []
    for pair in comparison.pairs:
        unit: Unit | None = pair.left if left else pair.right
        if unit is None:
            continue
        kind = _gutter_kind(pair)
        if kind is not None:
            gutter.append((unit.start, unit.own_end, kind))
        for edit in pair.edits:
            if edit.op == Op.EQUAL:
                continue
            s, e = edit.left if left else edit.right
            if e > s:
                text_marks.append((s, e, Mark.DELETED if left else Mark.INSERTED))
        for change in pair.figures:
            if change.status == Status.UNCHANGED:
                continue
            figure = change.left if left else change.right
            if figure is not None and figure.end > figure.start:
                text_marks.append((figure.start, figure.end, Mark.FIGURE))
    gutter.sort(key=lambda g: g[0])
    units = sorted(comparison.left.tree.units if left else comparison.right.tree.units, key=lambda u: u.start)
    return SideMarks(
        text_marks=tuple(text_marks),
        gutter=tuple(gutter),
        gutter_starts=tuple(g[0] for g in gutter),
        unit_starts=tuple(u.start for u in units),
        unit_ids=tuple(u.index for u in units),
        unit_ends=tuple(u.own_end for u in units),
    )


class Anchors:
    """Monotonic (left, right) position pairs; maps a scroll position of one pane to the other.

    Positions are in any unit that grows through the document (the panes use fractional block
    numbers). Built once per comparison; each lookup is a bisect.
    """

    def __init__(self, points: list[tuple[float, float]]) -> None:
        kept: list[tuple[float, float]] = [(0.0, 0.0)]
        for lp, rp in sorted(points, key=lambda p: (p[0], p[1])):
            if lp >= kept[-1][0] and rp >= kept[-1][1]:
                kept.append((lp, rp))  # a moved unit would run backwards on one side: skip it
        self.left = [p[0] for p in kept]
        self.right = [p[1] for p in kept]

    def __len__(self) -> int:
        return len(self.left)

    @staticmethod
    def _map(pos: float, src: list[float], dst: list[float]) -> float:
        i = bisect_right(src, pos) - 1
        if i < 0:
            return dst[0]
        if i + 1 >= len(src):
            return dst[i] + (pos - src[i])  # past the last anchor: scroll along one for one
        s0, s1, d0, d1 = src[i], src[i + 1], dst[i], dst[i + 1]
        if s1 <= s0:
            return d1
        return d0 + (pos - s0) * (d1 - d0) / (s1 - s0)

    def to_right(self, left_pos: float) -> float:
        return self._map(left_pos, self.left, self.right)

    def to_left(self, right_pos: float) -> float:
        return self._map(right_pos, self.right, self.left)


def anchor_offsets(comparison: Comparison) -> list[tuple[int, int]]:
    """Text offsets that should be level with each other: each pair's start and own end.

    A unit with no counterpart anchors to where the other side's previous unit ended, so the other
    pane waits while this one scrolls through the added or removed text.
    """
    points: list[tuple[int, int]] = []
    last_left = last_right = 0
    for pair in comparison.pairs:
        ls = pair.left.start if pair.left else last_left
        rs = pair.right.start if pair.right else last_right
        le = pair.left.own_end if pair.left else ls
        re_ = pair.right.own_end if pair.right else rs
        if pair.moved:
            if pair.left:
                last_left = max(last_left, le)
            if pair.right:
                last_right = max(last_right, re_)
            continue
        points.append((ls, rs))
        points.append((le, re_))
        last_left, last_right = max(last_left, le), max(last_right, re_)
    return points
