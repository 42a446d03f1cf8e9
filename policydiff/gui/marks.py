"""What to paint where, computed once per Comparison: text marks and gutter marks.

The panes only turn these spans into colours. Kept free of Qt so it is tested on tiny comparisons
and so the per-paint work is a bisect over lists prepared here.
May import: the standard library, policydiff.model and policydiff.present.projection.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from policydiff.model import Comparison, Pair, Side, Status
from policydiff.present.projection import Kind, group_units, project


class Mark(StrEnum):
    DELETED = "deleted"  # words only on the left
    INSERTED = "inserted"  # words only on the right
    FIGURE = "figure"  # a figure that changed (or appeared / disappeared)
    SHARED = "shared"  # a phrase both sides share, marked in a rewrite (low-similarity pair)
    OCR_LOW = "ocr-low"  # characters OCR read with low confidence: a difference there may be a misreading
    LEFT_OUT = "left_out"  # not compared: page furniture or text outside the document (dimmed)


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
    rewrites: tuple[int, ...] = ()  # where each unit shown as a rewrite starts (its 改写 badge), sorted
    rewrite_ends: tuple[int, ...] = ()  # ... and where its own text ends, in the same order

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


def side_marks(comparison: Comparison, side: Side | str, rewrites: bool = True) -> SideMarks:
    """Collect the marks of one side (``Side.LEFT`` or ``Side.RIGHT``).

    Each pair is projected onto the side by ``policydiff.present.projection.project``, the same function
    the report uses; ``rewrites=False`` shows every pair as a word diff, never as a rewrite.
    """
    side = Side(side)
    left = side == Side.LEFT
    text = comparison.left.text if left else comparison.right.text
    kinds = {Kind.DELETED: Mark.DELETED, Kind.INSERTED: Mark.INSERTED, Kind.SHARED: Mark.SHARED}
    text_marks: list[tuple[int, int, Mark]] = []
    gutter: list[tuple[int, int, Gutter]] = []
    badges: list[tuple[int, int]] = []
    for pair in comparison.pairs:
        projection = project(pair, side, text, rewrite=None if rewrites else False)
        if projection.rewrite and projection.unit is not None:
            badges.append((projection.unit.start, projection.unit.own_end))
        for unit in group_units(pair, side):
            kind = _gutter_kind(pair)
            if kind is not None:
                gutter.append((unit.start, unit.own_end, kind))
        text_marks.extend((s, e, kinds[k]) for s, e, k in projection.marks)
        text_marks.extend((s, e, Mark.FIGURE) for s, e, _change in projection.figures)
    tree = comparison.left.tree if left else comparison.right.tree
    text_marks.extend((s, e, Mark.LEFT_OUT) for s, e, _kind in tree.left_out)
    document = comparison.left.document if left else comparison.right.document
    if document.ocr is not None:  # last, so its dotted underline merges over the word marks
        text_marks.extend((s, e, Mark.OCR_LOW) for s, e in document.ocr.uncertain)
    gutter.sort(key=lambda g: g[0])
    units = sorted(comparison.left.tree.units if left else comparison.right.tree.units, key=lambda u: u.start)
    return SideMarks(
        text_marks=tuple(text_marks),
        gutter=tuple(gutter),
        gutter_starts=tuple(g[0] for g in gutter),
        unit_starts=tuple(u.start for u in units),
        unit_ids=tuple(u.index for u in units),
        unit_ends=tuple(u.own_end for u in units),
        rewrites=tuple(start for start, _ in sorted(badges)),
        rewrite_ends=tuple(end for _, end in sorted(badges)),
    )
