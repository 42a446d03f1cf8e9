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

from policydiff.gui.mainwindow import MainWindow
from policydiff.gui.rows import line_start
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


def top_pair(win: MainWindow, side: str) -> int:
    """The pair whose row stands at the top of ``side``'s pane (a few pixels in)."""
    from policydiff.gui.window_navigation import FOLLOW_PROBE_PX

    view = win.view(side)
    y = view.top_y() + FOLLOW_PROBE_PX
    rows = [i for i, top in enumerate(win.sync.row_tops) if top <= y]
    return win.sync.rows[rows[-1]].pair if rows else 0


@pytest.mark.parametrize("files", [SAMPLE, LAW], ids=["sample", "law"])
def test_the_outline_follows_scrolling_quietly(qtbot, window, files) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *files)
    left, right = window.view("left"), window.view("right")
    outline = window.outline
    right.setFocus()
    qtbot.waitUntil(right.hasFocus, timeout=2000)
    seen: set[int] = set()

    def check(side: str) -> None:
        expected = top_pair(window, side)
        assert outline.current_pair() == expected, f"after scrolling {side}"
        assert outline.view.selectionModel().isRowSelected(
            outline.proxy.mapFromSource(outline.model.index(expected, 0)).row()
        )
        pair = comparison.pairs[expected]  # the unit of that pair is at the top of the pane
        unit = pair.left if side == "left" else pair.right
        view = window.view(side)
        if unit is not None and not pair.moved:
            assert view.y_of(unit.start) <= view.top_y() + view.viewport().height()
        seen.add(expected)

    with qtbot.assertNotEmitted(outline.pairActivated), qtbot.assertNotEmitted(window.comparisonShown):
        for _ in range(4):  # the wheel, on either pane
            wheel(left, 3)
            check("left")
            wheel(right, 2)
            check("right")
        for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_PageUp):
            qtbot.keyClick(right, key)
            check("right")
        for fraction in (0.25, 0.5, 0.8):
            left.verticalScrollBar().setValue(int(left.verticalScrollBar().maximum() * fraction))
            check("left")
        right.verticalScrollBar().setValue(right.verticalScrollBar().maximum() // 3)
        check("right")
    assert len(seen) >= 6
    assert right.hasFocus() and not outline.view.hasFocus()  # following never takes the focus
    # a jump keeps the pair jumped to, even the last one, which can never reach the top: no loop back
    last = len(comparison.pairs) - 1
    outline.view.setCurrentIndex(outline.proxy.mapFromSource(outline.model.index(last, 0)))
    assert window.current_pair == last and outline.current_pair() == last
    assert top_pair(window, "left") != last


@pytest.mark.parametrize("files", [SAMPLE, LAW], ids=["sample", "law"])
def test_every_row_starts_where_it_was_planned(qtbot, window, files) -> None:  # type: ignore[no-untyped-def]
    """The rows are planned from the layout before the marks (bold figures change line breaks) and
    the padding are applied; once laid out, every row start stands exactly where it was planned."""
    from policydiff.gui.marks import Mark

    open_pair(qtbot, window, *files)
    sync = window.sync
    for side in ("left", "right"):
        view = window.view(side)
        assert any(kind == Mark.FIGURE for _s, _e, kind in view.marks.text_marks)
        view.finish_layout()
        off = [
            (i, view.y_of(start), sync.row_tops[i])
            for i, start in enumerate(getattr(row, side) for row in sync.rows)
            if start is not None and abs(view.y_of(start) - sync.row_tops[i]) > 0.5
        ]
        assert not off, off[:5]
        assert abs(view.content_height() - sync.total_height) <= 0.5


def test_marks_that_change_line_breaks_are_measured_before_they_are_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Planned block tops (from the layout already there, padding taken out, blocks whose font a
    mark changes measured in a scratch copy) equal the layout Qt makes once the marks are shown."""
    from PySide6.QtGui import QFont, QTextCharFormat

    from policydiff.gui.marks import Mark, SideMarks
    from policydiff.gui.panes import DocumentView
    from policydiff.gui.refill import Padding, metric_kinds

    view = DocumentView("left")
    qtbot.addWidget(view)
    view.resize(320, 400)
    view.show()
    qtbot.waitExposed(view)
    text = SAMPLE[1].read_text(encoding="utf-8")
    view.set_text(text)
    big = QTextCharFormat()
    big.setFontPointSize(view.font().pointSizeF() * 2.5)  # surely breaks lines elsewhere
    big.setFontWeight(QFont.Weight.Bold)
    view._formats[Mark.FIGURE] = big
    view._metric = metric_kinds(view._formats)
    assert view._metric == {Mark.FIGURE}
    lines = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]

    def marks(every: int) -> SideMarks:
        spans = tuple((s, min(s + 9, len(text)), Mark.FIGURE) for s in lines[::every] if s < len(text))
        return SideMarks(spans, (), (), (), (), ())

    def actual() -> tuple[list[float], float]:
        view.finish_layout()
        document = view.document()
        layout = document.documentLayout()
        tops = [layout.blockBoundingRect(document.findBlockByNumber(n)).top() for n in numbers]
        return tops, layout.blockBoundingRect(document.lastBlock()).bottom()

    numbers = list(range(view.document().blockCount()))
    for shown, padding, wanted in (
        (None, Padding(), marks(3)),
        (marks(3), Padding({2: 15.0, 5: 30.0, 40: 11.5}, 7.0, 3.0), marks(4)),  # padded, other marks
    ):
        view.fill(shown, padding)
        planned, end = view.natural_tops(numbers, wanted)
        view.fill(wanted, Padding())
        tops, bottom = actual()
        assert planned == pytest.approx(tops, abs=0.01) and end == pytest.approx(bottom, abs=0.01)
        assert planned != pytest.approx(view.natural_tops(numbers, None)[0], abs=0.01)  # the marks count


def test_large_panes_laid_out_in_the_background_stay_level(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A pane too large to lay out at once shows its top first and the rest later; scrolling
    anywhere meanwhile (beyond what Qt has laid out) keeps the rows level."""
    from policydiff.gui.refill import LayoutLimits, is_laid_out

    left, right = window.view("left"), window.view("right")
    for view in (left, right):
        view.limits = LayoutLimits(settle_chars=0)  # the law pair as if it were a large one
    comparison = open_pair(qtbot, window, *LAW)
    assert not (is_laid_out(left.document()) and is_laid_out(right.document()))
    SEEN.clear()
    assert not misaligned(window, comparison)
    target = window.sync.row_tops[len(window.sync.rows) * 3 // 4]
    window.view("right").scroll_to_y(target)  # far below the part laid out so far
    assert left.top_y() == right.top_y() == int(round(target))
    assert not misaligned(window, comparison)
    wheel(left, 3)
    assert not misaligned(window, comparison)
    qtbot.waitUntil(lambda: is_laid_out(left.document()) and is_laid_out(right.document()), timeout=10_000)
    qtbot.wait(20)  # Qt's own size notice after the last layout step
    assert left.verticalScrollBar().maximum() == right.verticalScrollBar().maximum()
    bar = left.verticalScrollBar()
    for fraction in (0.5, 1.0):
        bar.setValue(int(bar.maximum() * fraction))
        assert not misaligned(window, comparison)
    assert sum(SEEN) >= 10


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


# -- finding -------------------------------------------------------------------------------------
def test_ctrl_f_finds_in_both_panes_and_steps_through_hits(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *SAMPLE)
    window.actions_.find.trigger()
    bar = window.find_bar
    assert bar.isVisible()
    bar.field.setText("研发")  # simplified; the right document writes 研發
    qtbot.waitUntil(lambda: len(bar.hits) > 2, timeout=10_000)
    sides = {side for side, _s, _e in bar.hits}
    assert sides == {"left", "right"}
    for side, start, end in bar.hits:
        text = (comparison.left if side == "left" else comparison.right).text
        assert text[start:end] in ("研发", "研發")
    first = bar.current
    window.actions_.find_next.trigger()
    assert bar.current == (first + 1) % len(bar.hits)
    window.actions_.find_prev.trigger()
    assert bar.current == first
    side, start, _end = bar.hits[bar.current]
    view = window.view(side)
    assert view.top_y() <= view.y_of(start) <= view.top_y() + view.viewport().height()
    assert len(view.extraSelections()) >= 1


def test_outline_search_folds_like_the_comparison(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *SAMPLE)
    window.outline.search.setText("24")
    qtbot.waitUntil(lambda: 0 < len(window.outline.visible_pairs()) < 20, timeout=3000)
    labels = [
        f"{p.left.label if p.left else ''}{p.right.label if p.right else ''}"
        for p in (comparison.pairs[i] for i in window.outline.visible_pairs())
    ]
    assert any("二十四" in label or "24" in label for label in labels)


def test_f7_steps_change_by_change_inside_long_pairs(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    open_pair(qtbot, window, *SAMPLE)
    stops = window.changes()
    inner = [s for s in stops if s[1] is not None]
    assert inner, "a long pair offers stops inside it"
    target = stops.index(inner[0]) - 1
    window.current_change = stops[target]
    window.actions_.next_diff.trigger()
    assert window.current_change == inner[0]
    window.actions_.prev_diff.trigger()
    assert window.current_change == stops[target]


# -- manual pairing ------------------------------------------------------------------------------
def test_pairing_offers_only_fresh_choices_and_undoes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *SAMPLE)
    removed = next(p for p in comparison.pairs if p.left is not None and p.right is None)
    added = next(p for p in comparison.pairs if p.right is not None and p.left is None)
    window.go_to_pair(comparison.pairs.index(added))  # leaves a right selection from navigation
    window.select_at("left", removed.left.start)
    assert not window.actions_.pair.isEnabled(), "the right side's selection is not the user's choice"
    window.select_at("right", added.right.start)
    assert window.actions_.pair.isEnabled()
    paired = wait_shown(qtbot, window, window.actions_.pair.trigger)
    assert any(p.manual and p.left and p.right and p.left.index == removed.left.index for p in paired.pairs)
    assert window.actions_.undo.isEnabled() and window.actions_.undo.shortcut().toString() == "Ctrl+Z"
    back = wait_shown(qtbot, window, window.actions_.undo.trigger)
    assert not any(p.manual for p in back.pairs)
    again = wait_shown(qtbot, window, window.actions_.redo.trigger)
    manual = next(i for i, p in enumerate(again.pairs) if p.manual and p.left and p.right)
    window.go_to_pair(manual)
    restored = wait_shown(qtbot, window, window.actions_.unpair.trigger)  # a manual pair: taken back
    assert [(p.status, p.left and p.left.index, p.right and p.right.index) for p in restored.pairs] == [
        (p.status, p.left and p.left.index, p.right and p.right.index) for p in comparison.pairs
    ]


def test_pairings_come_back_with_the_same_two_files(qtbot, window, settings) -> None:  # type: ignore[no-untyped-def]
    comparison = open_pair(qtbot, window, *SAMPLE)
    removed = next(p for p in comparison.pairs if p.left is not None and p.right is None)
    added = next(p for p in comparison.pairs if p.right is not None and p.left is None)
    wait_shown(qtbot, window, lambda: window.session.pair(removed.left.index, added.right.index))
    assert settings.recent_pairs[0] == (str(SAMPLE[0]), str(SAMPLE[1]))
    window.session.documents = {"left": None, "right": None}
    window.session._overrides = ()
    reopened = open_pair(qtbot, window, *SAMPLE)
    qtbot.waitUntil(
        lambda: window.comparison is not None and window.comparison.summary.manual > 0, timeout=20_000
    )
    assert reopened is not None and window.comparison.summary.manual >= 1


def wait_shown(qtbot, win, action):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(win.comparisonShown, timeout=60_000) as blocker:
        action()
    return blocker.args[0]


# -- rewrites, overview, legend, keys, screen ------------------------------------------------------
def test_low_similarity_pairs_read_as_rewrites_with_a_view_switch(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.marks import Mark
    from policydiff.present.projection import is_rewrite

    comparison = open_pair(qtbot, window, *SAMPLE)
    rewrite = next(p for p in comparison.pairs if is_rewrite(p))
    marks = window.view("left").marks
    inside = [k for s, e, k in marks.text_marks if rewrite.left.start <= s < rewrite.left.own_end]
    assert Mark.DELETED not in inside
    assert window.actions_.show_rewrites.isChecked()
    window.actions_.show_rewrites.trigger()
    marks = window.view("left").marks
    inside = [k for s, e, k in marks.text_marks if rewrite.left.start <= s < rewrite.left.own_end]
    assert Mark.DELETED in inside and Mark.SHARED not in inside
    assert not window.settings.show_rewrites


def test_the_saved_report_follows_the_rewrite_switch(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    open_pair(qtbot, window, *SAMPLE)
    reports = {}
    for on in (True, False):
        window.settings.show_rewrites = on
        path = tmp_path / f"report-{on}.html"
        with qtbot.waitSignal(window.session.saved, timeout=60_000):
            window.session.save("html", str(path))
        reports[on] = path.read_text(encoding="utf-8")
    assert 'class="badge rewrite"' in reports[True]
    assert 'class="badge rewrite"' not in reports[False]


def test_overview_ruler_shows_changes_and_a_click_scrolls(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.marks import Gutter

    open_pair(qtbot, window, *LAW)
    ruler = window.ruler
    kinds = {kind for _t, _b, kind, _f in ruler.ticks()}
    assert {Gutter.CHANGED, Gutter.ADDED, Gutter.MOVED} <= kinds
    assert any(f for *_rest, f in ruler.ticks())  # figure changes are marked too
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, ruler.height() * 3 // 4))
    left, right = window.view("left"), window.view("right")
    assert left.top_y() > left.verticalScrollBar().maximum() // 2 and right.top_y() == left.top_y()


def test_legend_and_keys_are_at_hand(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.actions_.legend.trigger()
    assert window.legend_dock.isVisible()
    assert window.legend.findChildren(type(window.counts))  # swatches and labels
    window.actions_.keys.trigger()
    table = window.keys_dialog.table
    keys = {table.item(i, 1).text() for i in range(table.rowCount())}
    assert {"Ctrl+F", "Ctrl+Z", "F7"} <= {k.split(", ")[0] for k in keys}
    window.keys_dialog.close()


def test_first_window_fits_small_screens() -> None:
    from policydiff.gui.mainwindow import first_window_size

    assert first_window_size(1366, 728) == (1326, 688)
    assert first_window_size(1920, 1040) == (1400, 900)


def test_every_pane_is_usable_at_1024_by_700(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    open_pair(qtbot, window, *SAMPLE)
    window.resize(1024, 700)
    qtbot.wait(50)
    for side in ("left", "right"):
        assert window.view(side).viewport().width() >= 200 and window.view(side).viewport().height() >= 200
    assert window.outline.width() >= 150 and window.figures.height() >= 80


def test_a_moved_date_reads_later_in_the_figure_table_never_as_a_percentage(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.figures_table import FigureModel

    open_pair(qtbot, window, *LAW)
    model = window.figures.model
    changes = {
        model.data(model.index(row, FigureModel.RIGHT)): model.data(model.index(row, FigureModel.CHANGE))
        for row in range(model.rowCount())
    }
    assert changes["2024年11月1日起"] == "later"  # 本法自2007年11月1日起施行 → 2024年
    assert not any(text.endswith("%") for right, text in changes.items() if "年" in str(right))
