"""What counts as a difference: the one rule the outline filter, the report's index and counts,
the Word exports and the figure panel share.

A pair is a difference when its text changed, it was added or removed, it moved, or one of its
figures changed (a figure can change where the folded text does not, e.g. 二〇二五 → 2026).

May import: policydiff.model.
"""

from __future__ import annotations

from policydiff.model import Pair, Status


def is_difference(pair: Pair) -> bool:
    return pair.status != Status.UNCHANGED or pair.moved or pair.figures_changed > 0
