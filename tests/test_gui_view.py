"""The comparison view keeps corresponding units side by side at every scroll position.

Drives the real window on the offscreen platform: after scrolling by wheel, keys and scroll bar,
every visible pair whose units open a row starts at the same height in both panes (within a pixel);
a unit without a counterpart faces an empty band.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from policydiff.gui.context import AppContext
from policydiff.gui.mainwindow import MainWindow
from policydiff.gui.rows import build_rows, line_start
from policydiff.model import Comparison
from tests.conftest import CORPUS, SEED

pytestmark = pytest.mark.gui

SEEN: list[int] = []  # pairs checked per call, so a test can assert it looked at enough of them
# the shared corpus beside the checkout (or beside the folder of worktrees)
LAWS = next(
    (c / "laws" for c in (CORPUS, CORPUS.parent.parent.parent / "shared" / "corpus") if c.exists()), CORPUS
)
LAW = (LAWS / "tufa-2007.md", LAWS / "tufa-2024.md")
SAMPLE = (SEED["000"], SEED["002"])


@pytest.fixture
def window(qtbot, settings):  # type: ignore[no-untyped-def]
    context = AppContext(settings=settings)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    context.jobs.cancel()
    assert context.jobs.wait(30_000)
    QCoreApplication.processEvents()


def open_pair(qtbot, win: MainWindow, left: Path, right: Path) -> Comparison:  # type: ignore[no-untyped-def]
    if not left.exists() or not right.exists():
        pytest.skip(f"corpus file missing: {left} or {right}")
    with qtbot.waitSignal(win.comparisonShown, timeout=60_000) as blocker:
        win.open_pair(str(left), str(right))
    return blocker.args[0]


def misaligned(win: MainWindow, comparison: Comparison) -> list[str]:
    """Visible pairs whose two units (each starting a line) do not start at the same height."""
    left, right = win.view("left"), win.view("right")
    top, height = left.top_y(), left.viewport().height()
    assert right.top_y() == top
    bad, seen = [], 0
    for pair in comparison.pairs:
        if pair.left is None or pair.right is None or pair.moved:
            continue
        if line_start(comparison.left.text, pair.left.start) is None:
            continue
        if line_start(comparison.right.text, pair.right.start) is None:
            continue
        yl = left.cursorRect(_cursor(left, pair.left.start)).top()
        yr = right.cursorRect(_cursor(right, pair.right.start)).top()
        if not (0 <= yl < height or 0 <= yr < height):
            continue
        seen += 1
        if abs(yl - yr) > 1:
            bad.append(f"{pair.left.label or pair.left.heading[:8]}: {yl} vs {yr}")
    SEEN.append(seen)
    return bad


def _cursor(view, offset: int):  # type: ignore[no-untyped-def]
    cursor = view.textCursor()
    cursor.setPosition(view.qt_position(offset))
    return cursor


def wheel(view, clicks: int) -> None:  # type: ignore[no-untyped-def]
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QCoreApplication.sendEvent(view.viewport(), event)


@pytest.mark.parametrize("files", [SAMPLE, LAW], ids=["sample", "law"])
def test_pairs_start_level_after_wheel_keys_and_scroll_bar(qtbot, window, files) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *files)
    left, right = window.view("left"), window.view("right")
    SEEN.clear()
    assert not misaligned(window, comparison)
    for _ in range(4):  # the wheel, on either pane
        wheel(left, 3)
        assert not misaligned(window, comparison)
        wheel(right, 2)
        assert not misaligned(window, comparison)
    right.setFocus()
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_PageUp):
        qtbot.keyClick(right, key)
        assert not misaligned(window, comparison)
    bar = left.verticalScrollBar()
    for fraction in (0.25, 0.5, 0.8, 1.0):
        bar.setValue(int(bar.maximum() * fraction))
        assert not misaligned(window, comparison)
    right.verticalScrollBar().setValue(right.verticalScrollBar().maximum() // 3)
    assert not misaligned(window, comparison)
    assert left.verticalScrollBar().maximum() == right.verticalScrollBar().maximum()
    assert sum(SEEN) >= 20 and sum(1 for n in SEEN if n) >= len(SEEN) // 2


def test_rows_stay_level_after_resize_and_zoom(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *LAW)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: not window.sync._timer.isActive(), timeout=3000)
    window.sync.realign()
    window.view("left").verticalScrollBar().setValue(3000)
    assert not misaligned(window, comparison)
    window.zoom(+2)
    window.view("left").verticalScrollBar().setValue(5000)
    assert not misaligned(window, comparison)
    window.zoom(-window.settings.zoom)
    assert not misaligned(window, comparison)


def test_added_units_face_an_empty_band_and_moved_ones_link_to_their_partner(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *LAW)
    left, right = window.view("left"), window.view("right")
    added = [p for p in comparison.pairs if p.left is None and p.right is not None]
    assert added and left.bands
    pair = added[0]
    y = right.y_of(pair.right.start)
    band = left.band_at(y + 2)
    assert band is not None and comparison.pairs[left.bands[band].pair] is pair
    moved = [b for b in right.bands + left.bands if b.note]
    assert moved, "moved units show a note in the band facing them"
    # clicking the band beside a moved unit jumps to the row where its partner stands
    side = "left" if moved[0] in left.bands else "right"
    view = window.view(side)
    index = view.bands.index(moved[0])
    window.band_clicked(side, index)
    pair = comparison.pairs[moved[0].pair]
    unit = pair.left if side == "left" else pair.right
    assert abs(view.y_of(unit.start) - view.top_y()) <= 8


def test_rows_put_unmoved_pairs_side_by_side_in_order(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *SAMPLE)
    rows = build_rows(comparison)
    lefts = [r.left for r in rows if r.left is not None]
    rights = [r.right for r in rows if r.right is not None]
    assert lefts == sorted(set(lefts)) and rights == sorted(set(rights))
    both = sum(1 for r in rows if not r.one_sided)
    assert both >= 50


class _Grouped:
    """A pair carrying a merge group, as the model will: ``also_right`` units join its row."""

    def __init__(self, pair, also_right) -> None:  # type: ignore[no-untyped-def]
        self._pair, self.also_right, self.also_left = pair, also_right, ()

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self._pair, name)


def test_a_merge_group_is_padded_as_one_row(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from policydiff.gui.marks import side_marks
    from policydiff.projection import group_units

    comparison = open_pair(qtbot, window, *LAW)
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
    assert not any(r.right == line_start(merged.right.text, extra.start) for r in rows)
    side_marks(merged, "right")  # groups get gutter marks without error
