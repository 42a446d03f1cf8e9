"""The rows of the side-by-side view: where each pair's units start, so the panes can pad them level.

A row opens where a pair's unit starts a line; pairs in the same order on both sides (not moved)
share one row, while an added, removed or moved unit gets a row of its own that faces an empty
band on the other side (as WinMerge and Beyond Compare do). The panes then give each row the
height of its taller side. Kept free of Qt: computed once per comparison and tested on its own.
May import: the standard library, policydiff.model and policydiff.present.projection.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from policydiff.model import Comparison, Pair, Side, Status


@dataclass(frozen=True)
class Row:
    """One row of the view: where it starts on each side (a line start), None for an empty band."""

    left: int | None
    right: int | None
    pair: int  # index into Comparison.pairs of the pair that opens the row

    @property
    def one_sided(self) -> bool:
        return self.left is None or self.right is None


def line_start(text: str, offset: int) -> int | None:
    """Where the line holding ``offset`` begins, if only layout whitespace stands before it."""
    begin = text.rfind("\n", 0, offset) + 1
    if offset - begin > 200 or text[begin:offset].strip():
        return None
    return begin


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    kept: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return kept


def build_rows(comparison: Comparison) -> list[Row]:
    """The rows of ``comparison`` in reading order of both documents.

    A merge/split group (``Pair.also_left``/``also_right``) is one row: only the pair's first unit
    opens it, the group's other units are part of it.
    """
    left_text, right_text = comparison.left.text, comparison.right.text
    starts: list[tuple[int | None, int | None]] = []
    for pair in comparison.pairs:
        ls = line_start(left_text, pair.left.start) if pair.left is not None else None
        rs = line_start(right_text, pair.right.start) if pair.right is not None else None
        starts.append((ls, rs))
    candidates = [
        i
        for i, pair in enumerate(comparison.pairs)
        if _both(pair) and not pair.moved and starts[i][0] is not None and starts[i][1] is not None
    ]
    candidates.sort(key=lambda i: (starts[i][0], starts[i][1]))
    kept = _longest_increasing([starts[i][1] for i in candidates])  # type: ignore[misc]
    anchors = [candidates[k] for k in sorted(kept)]
    anchor_set = set(anchors)
    singles: dict[str, list[tuple[int, int]]] = {Side.LEFT: [], Side.RIGHT: []}
    for i, (ls, rs) in enumerate(starts):
        if i in anchor_set:
            continue
        if ls is not None:
            singles[Side.LEFT].append((ls, i))
        if rs is not None:
            singles[Side.RIGHT].append((rs, i))
    for side in singles:
        singles[side].sort()
    rows: list[Row] = []
    last = {Side.LEFT: -1, Side.RIGHT: -1}
    position = {Side.LEFT: 0, Side.RIGHT: 0}

    def flush(side: Side, before: int | None) -> None:
        queue = singles[side]
        while position[side] < len(queue) and (before is None or queue[position[side]][0] < before):
            start, index = queue[position[side]]
            position[side] += 1
            if start > last[side]:
                last[side] = start
                rows.append(Row(start, None, index) if side == Side.LEFT else Row(None, start, index))

    for index in anchors:
        ls, rs = starts[index]
        flush(Side.LEFT, ls)
        flush(Side.RIGHT, rs)
        if ls is not None and rs is not None and ls > last[Side.LEFT] and rs > last[Side.RIGHT]:
            last[Side.LEFT], last[Side.RIGHT] = ls, rs
            rows.append(Row(ls, rs, index))
    flush(Side.LEFT, None)
    flush(Side.RIGHT, None)
    return rows


def _both(pair: Pair) -> bool:
    return pair.left is not None and pair.right is not None and pair.status != Status.ADDED


def partner_row(rows: list[Row], comparison: Comparison, row: Row) -> int | None:
    """For a moved unit's row, the row where its partner stands on the other side."""
    pair = comparison.pairs[row.pair]
    if not pair.moved:
        return None
    for i, other in enumerate(rows):
        if other.pair == row.pair and other is not row:
            return i
    return None
