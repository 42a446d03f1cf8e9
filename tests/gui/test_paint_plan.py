"""The Qt-free paint plan of the window: rows that keep pairs level, and the marks of each side.

policydiff.gui.rows and policydiff.gui.marks import no Qt, so these run without PySide6.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from policydiff.compare.pipeline import compare_files
from policydiff.gui.marks import side_marks
from policydiff.gui.rows import build_rows, line_start
from policydiff.model import Comparison, Status
from policydiff.present.projection import group_units
from tests.conftest import CORPUS, SEED

LAW = (CORPUS / "laws" / "tufa-2007.md", CORPUS / "laws" / "tufa-2024.md")


@pytest.fixture(scope="module")
def sample() -> Comparison:
    return compare_files(str(SEED["000"]), str(SEED["002"]))


def test_rows_pair_level_units_and_give_lone_units_their_own_row(sample: Comparison) -> None:
    comparison = sample
    rows = build_rows(comparison)
    assert line_start("ab\n  cd", 5) == 3 and line_start("ab\nx cd", 5) is None
    for row in rows:
        pair = comparison.pairs[row.pair]
        if not row.one_sided:
            assert pair.left is not None and pair.right is not None and not pair.moved
        elif pair.left is None or pair.right is None:
            assert (row.left is None) == (pair.left is None)
    added = {i for i, p in enumerate(comparison.pairs) if p.left is None}
    assert added and added <= {r.pair for r in rows if r.left is None}


def test_rows_put_unmoved_pairs_side_by_side_in_order(sample: Comparison) -> None:
    rows = build_rows(sample)
    lefts = [r.left for r in rows if r.left is not None]
    rights = [r.right for r in rows if r.right is not None]
    assert lefts == sorted(set(lefts)) and rights == sorted(set(rights))
    both = sum(1 for r in rows if not r.one_sided)
    assert both >= 50


def test_side_marks_follow_the_comparison(sample: Comparison) -> None:
    comparison = sample
    left, right = side_marks(comparison, "left"), side_marks(comparison, "right")
    for pair in comparison.pairs:
        if pair.left is not None:
            assert left.unit_at(pair.left.start) == pair.left.index
        if pair.right is not None and pair.status == Status.ADDED:
            start = pair.right.start
            assert any(s <= start < max(e, s + 1) for s, e, _ in right.gutter)
    assert all(0 <= s < e <= len(comparison.left.text) for s, e, _ in left.text_marks)
    assert all(0 <= s < e <= len(comparison.right.text) for s, e, _ in right.text_marks)


class _Grouped:
    """A pair carrying a merge group, as the model will: ``also_right`` units join its row."""

    def __init__(self, pair, also_right) -> None:  # type: ignore[no-untyped-def]
        self._pair, self.also_right, self.also_left = pair, also_right, ()

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self._pair, name)


def test_a_merge_group_is_padded_as_one_row() -> None:
    if not all(p.exists() for p in LAW):
        pytest.skip(f"shared corpus missing: {LAW[0].parent}")
    comparison = compare_files(str(LAW[0]), str(LAW[1]))
    index = next(
        i
        for i, p in enumerate(comparison.pairs[:-1])
        if p.left and p.right and comparison.pairs[i + 1].left is None and comparison.pairs[i + 1].right
    )
    extra = comparison.pairs[index + 1].right
    grouped = _Grouped(comparison.pairs[index], (extra,))
    pairs = list(comparison.pairs)
    pairs[index] = grouped  # type: ignore[call-overload]
    del pairs[index + 1]
    merged = replace(comparison, pairs=tuple(pairs))
    assert group_units(grouped, "right") == (comparison.pairs[index].right, extra)  # type: ignore[arg-type]
    rows = build_rows(merged)
    assert extra is not None
    assert not any(r.right == line_start(merged.right.text, extra.start) for r in rows)
    side_marks(merged, "right")  # groups get gutter marks without error
