"""The desktop app driven as a person would: open, compare, navigate, correct, save, bad files.

Every test runs the real main window with the real threaded job runner on the offscreen platform,
with settings in a temporary INI file; no window or thread outlives its test.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from policydiff.gui.context import AppContext, Backend
from policydiff.gui.mainwindow import MainWindow
from policydiff.gui.outline import PairModel
from policydiff.model import Comparison, Status

pytestmark = pytest.mark.gui


COMPARE_TIMEOUT = 60_000


def open_and_wait(qtbot, win: MainWindow, left: Path, right: Path) -> Comparison:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(win.comparisonShown, timeout=COMPARE_TIMEOUT) as blocker:
        win.open_pair(str(left), str(right))
    comparison = blocker.args[0]
    assert isinstance(comparison, Comparison)
    return comparison


def wait_comparison(qtbot, win: MainWindow, action) -> Comparison:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(win.comparisonShown, timeout=COMPARE_TIMEOUT) as blocker:
        action()
    return blocker.args[0]


def cursor_block(win: MainWindow, side: str) -> str:
    return win.view(side).textCursor().block().text()


def first_pair(comparison: Comparison, left_label: str):  # type: ignore[no-untyped-def]
    return next(
        (i, p) for i, p in enumerate(comparison.pairs) if p.left is not None and p.left.label == left_label
    )


@pytest.fixture
def compared(qtbot, window: MainWindow, seed_paths) -> tuple[MainWindow, Comparison]:  # type: ignore[no-untyped-def]
    comparison = open_and_wait(qtbot, window, seed_paths["000"], seed_paths["002"])
    return window, comparison


def test_outline_shows_the_pairs_of_the_comparison(compared) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    model = win.outline.model
    assert model.rowCount() == len(comparison.pairs) > 10
    index, chapter = first_pair(comparison, "一、")
    assert chapter.right is not None and chapter.right.label == "一、"
    assert (
        "一、" in model.index(index, PairModel.LEFT).data()
        and "一、" in model.index(index, PairModel.RIGHT).data()
    )
    index, article = first_pair(comparison, "2.")
    assert article.right is not None  # seed 000's article 2. has a counterpart in seed 002 (（三） today)
    assert model.index(index, PairModel.RIGHT).data().strip().startswith(article.right.label)
    assert model.index(index, PairModel.LEFT).data().strip().startswith("2.")
    # the panes show each document as loaded (traditional stays traditional) and the counts are shown
    for side, compared_doc in (("left", comparison.left), ("right", comparison.right)):
        shown = win.view(side).toPlainText()  # Qt hands non-breaking spaces back as plain ones
        assert shown == compared_doc.text.replace("\r", " ").replace("\xa0", " ")
        assert win.view(side).document().characterCount() == len(compared_doc.text) + 1
    assert f"{comparison.summary.pairs}" in win.counts.text()


def test_status_bar_counts_figures_as_the_figure_panel_does(compared) -> None:  # type: ignore[no-untyped-def]
    from policydiff.figures.compare import figure_counts

    win, comparison = compared
    counts = figure_counts(comparison.pairs)
    # the sample pair has figures changed inside changed pairs and figures in added/removed units,
    # so a count of every non-unchanged figure (Summary.figures_changed) would differ from the panel's
    assert comparison.summary.figures_changed != counts.changed
    expected = f"figures: {counts.changed} changed, {counts.added} added, {counts.removed} removed"
    assert expected in win.counts.text()
    panel = win.figures.counts.text()
    assert f"Figures: {counts.changed} changed · {counts.added} added · {counts.removed} removed" in panel


def test_outline_filters_by_status_and_search(qtbot, compared) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    win.outline.set_filter("added")
    shown = win.outline.visible_pairs()
    assert shown == [i for i, p in enumerate(comparison.pairs) if p.status == Status.ADDED]
    win.outline.set_filter("all")
    for prefix in ("科", "科技"):  # typing: the outline is filtered once, when typing pauses
        win.outline.search.setText(prefix)
    assert len(win.outline.visible_pairs()) == len(comparison.pairs)
    qtbot.waitUntil(lambda: len(win.outline.visible_pairs()) < len(comparison.pairs), timeout=3000)
    for i in win.outline.visible_pairs():
        pair = comparison.pairs[i]
        assert any("科技" in f"{u.label}{u.heading}" for u in (pair.left, pair.right) if u)
    win.outline.search.clear()
    qtbot.waitUntil(lambda: len(win.outline.visible_pairs()) == len(comparison.pairs), timeout=3000)


def test_f7_moves_both_panes_to_the_counterpart_units(qtbot, compared) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    assert win.actions_.next_diff.shortcut() == QKeySequence("F7")
    assert win.actions_.prev_diff.shortcut() == QKeySequence("Shift+F7")
    win.activateWindow()
    win.view("left").setFocus()
    for _ in range(4):
        before = win.current_pair
        qtbot.keyClick(win.view("left"), Qt.Key.Key_F7)
        qtbot.waitUntil(lambda before=before: win.current_pair != before, timeout=3000)
        pair = comparison.pairs[win.current_pair]
        assert pair.status != Status.UNCHANGED or pair.moved or pair.figures_changed
        for side, unit in (("left", pair.left), ("right", pair.right)):
            if unit is not None:
                assert unit.label in cursor_block(win, side)
                assert abs(win.view(side).y_of(unit.start) - win.view(side).top_y()) <= 8
    last = win.current_pair
    qtbot.keyClick(win.view("left"), Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert win.current_pair is not None and win.current_pair < last


def test_scrolling_one_pane_keeps_the_counterpart_level(compared) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    left, right = win.view("left"), win.view("right")
    candidates = [p for p in comparison.pairs if p.left and p.right and not p.moved and p.left.label]
    pair = candidates[len(candidates) // 2]
    left.scroll_to_y(left.y_of(pair.left.start))  # as if the user scrolled there
    assert left.first_visible_text().lstrip().startswith(pair.left.label)
    assert abs(right.y_of(pair.right.start) - right.top_y()) <= 1
    assert pair.right.label in right.first_visible_text()
    # and back: scrolling the right pane drags the left one along
    other = candidates[len(candidates) // 3]
    right.scroll_to_y(right.y_of(other.right.start))
    assert other.left.label in left.first_visible_text()


def test_figure_table_filters_changed_rows_and_jumps_to_both_places(compared) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    # a figure that moved with a scattered unit's clause is listed once, under that unit
    listed = [f for p in comparison.pairs for f in p.figures if f.elsewhere is None or p.scattered]
    assert len(listed) < sum(len(p.figures) for p in comparison.pairs)  # the sample pair has such
    assert win.figures.proxy.rowCount() == len(listed)
    win.figures.changed_only.setChecked(True)
    rows = win.figures.visible_rows()
    assert len(rows) == sum(1 for f in listed if f.status != Status.UNCHANGED)
    assert all(change.status != Status.UNCHANGED for _, change in rows)
    both = next(r for r, (_, change) in enumerate(rows) if change.left and change.right)
    win.figures.activate_row(both)
    _, change = rows[both]
    assert (
        win.view("left").textCursor().selectedText()
        == comparison.left.text[change.left.start : change.left.end]
    )
    assert (
        win.view("right").textCursor().selectedText()
        == comparison.right.text[change.right.start : change.right.end]
    )
    win.figures.view.sortByColumn(
        2, Qt.SortOrder.DescendingOrder
    )  # sort by the left value: numbers, not text
    values = [c.left.value for _, c in win.figures.visible_rows() if c.left is not None]
    assert values == sorted(values, reverse=True)


def test_dropping_a_file_on_a_pane_opens_it(qtbot, compared, seed_paths) -> None:  # type: ignore[no-untyped-def]
    win, _ = compared
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_paths["001"]))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    comparison = wait_comparison(qtbot, win, lambda: win.view("right").dropEvent(event))
    assert event.isAccepted()
    assert Path(comparison.right.document.path).name == seed_paths["001"].name
    assert Path(comparison.left.document.path).name == seed_paths["000"].name


def test_pair_and_unpair_by_hand(qtbot, compared) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    removed = next(p for p in comparison.pairs if p.status == Status.REMOVED and p.left.label)
    added = next(p for p in comparison.pairs if p.status == Status.ADDED and p.right.label)
    assert not win.actions_.pair.isEnabled()
    win.select_at("left", removed.left.start)  # a click in each pane selects the unit there
    win.select_at("right", added.right.start)
    assert win.actions_.pair.isEnabled()
    assert win.actions_.pair.shortcut() == QKeySequence("Ctrl+P")
    paired = wait_comparison(qtbot, win, win.actions_.pair.trigger)
    index, pair = next(
        (i, p) for i, p in enumerate(paired.pairs) if p.left and p.left.index == removed.left.index
    )
    assert pair.right is not None and pair.right.index == added.right.index and pair.manual
    assert (removed.left.index, added.right.index) in paired.overrides
    assert "manual" in win.outline.model.index(index, PairModel.STATUS).data()
    assert win.current_pair == index and win.actions_.unpair.isEnabled()
    # the override survives a recompare with other options
    again = wait_comparison(qtbot, win, win.actions_.normalize["none"].trigger)
    assert again.options.normalize == "none"
    assert any(p.left and p.right and p.left.index == removed.left.index and p.manual for p in again.pairs)
    index = next(i for i, p in enumerate(again.pairs) if p.left and p.left.index == removed.left.index)
    win.go_to_pair(index)
    split = wait_comparison(qtbot, win, win.actions_.unpair.trigger)
    assert not any(p.left and p.right and p.left.index == removed.left.index for p in split.pairs)


def test_a_bad_file_gets_a_clear_message_and_the_other_side_stays(
    qtbot, monkeypatch, compared, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(win.problem, timeout=COMPARE_TIMEOUT):
        win.open_file("left", str(empty))
    box = win.problem_box  # one box, not modal: the window stays usable behind it
    assert box is not None and box.isVisible()
    assert box.windowModality() != Qt.WindowModality.ApplicationModal
    assert box.text() == "empty.txt is empty; choose a file with text in it."
    assert box.detailedText() == "empty.txt is empty; choose a file with text in it"
    assert len(win.findChildren(QMessageBox)) == 1
    assert win.session.documents["left"] == comparison.left.document
    assert win.session.documents["right"] == comparison.right.document
    assert win.view("right").toPlainText()


def test_open_by_menu_recent_files_and_swap(qtbot, monkeypatch, window, seed_paths) -> None:  # type: ignore[no-untyped-def]
    chosen = iter([str(seed_paths["000"]), str(seed_paths["002"])])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(chosen), ""))
    assert window.actions_.open_left.shortcut() == QKeySequence("Ctrl+O")
    assert window.actions_.open_right.shortcut() == QKeySequence("Ctrl+Shift+O")
    window.actions_.open_left.trigger()
    comparison = wait_comparison(qtbot, window, window.actions_.open_right.trigger)
    assert Path(comparison.right.document.path) == seed_paths["002"]
    # both loads run in the background at once: either may finish (and be remembered) first
    assert set(window.settings.recent_files[:2]) == {str(seed_paths["002"]), str(seed_paths["000"])}
    swapped = wait_comparison(qtbot, window, window.actions_.swap.trigger)
    assert Path(swapped.left.document.path) == seed_paths["002"]
    assert Path(swapped.right.document.path) == seed_paths["000"]
    menu = window.actions_.recent_left
    menu.aboutToShow.emit()
    entry = next(a for a in menu.actions() if a.text() == str(seed_paths["000"]))
    back = wait_comparison(qtbot, window, entry.trigger)
    assert Path(back.left.document.path) == seed_paths["000"] == Path(back.right.document.path)


def test_a_file_changed_on_disk_is_reloaded(qtbot, window, seed_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    left = tmp_path / "left.txt"
    shutil.copy(seed_paths["000"], left)
    open_and_wait(qtbot, window, left, seed_paths["002"])
    text = left.read_text(encoding="utf-8")
    with qtbot.waitSignal(window.comparisonShown, timeout=COMPARE_TIMEOUT) as blocker:
        left.write_text(text.replace("1600亿元", "1800亿元"), encoding="utf-8")
    assert "1800亿元" in blocker.args[0].left.text


def test_save_report_and_json(qtbot, monkeypatch, compared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    asked: list[str] = []
    targets = iter([tmp_path / "report.html", tmp_path / "comparison.json"])

    def fake_save(parent, title, default, filters, selected=""):  # type: ignore[no-untyped-def]
        asked.append(default)
        return str(next(targets)), selected  # the type the window preselected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    assert win.actions_.save_report.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    with qtbot.waitSignal(win.session.saved, timeout=COMPARE_TIMEOUT):
        win.actions_.save_report.trigger()
    assert Path(asked[0]).name == "000_22597a2fc5b61001_vs_002_59720e67ef255997.html"
    assert "<html" in (tmp_path / "report.html").read_text(encoding="utf-8").lower()
    with qtbot.waitSignal(win.session.saved, timeout=COMPARE_TIMEOUT):
        win.actions_.save_json.trigger()
    data = json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))
    assert data


def test_save_redline_as_word(qtbot, monkeypatch, compared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """File → Save Redline as Word…: a 修订文档 (*.docx) whose accepted text is the right document."""
    from datetime import UTC

    from tests.redline_xml import W, document_xml, resolve, squeeze

    win, comparison = compared
    asked: list[tuple[str, str]] = []

    def fake_save(parent, title, default, filters, selected=""):  # type: ignore[no-untyped-def]
        asked.append((default, selected))
        return str(tmp_path / "redline.docx"), selected  # the type the window preselected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    with qtbot.waitSignal(win.session.saved, timeout=COMPARE_TIMEOUT):
        win.actions_.save_redline.trigger()
    assert Path(asked[0][0]).name == "000_22597a2fc5b61001_vs_002_59720e67ef255997_修订.docx"
    assert "*.docx" in asked[0][1]
    data = (tmp_path / "redline.docx").read_bytes()
    assert squeeze(resolve(data, accept=True)) == squeeze(comparison.right.text)
    # every revision carries the time the comparison was made, not the time of the save
    stamp = win.session.compared_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = document_xml(data).find(W + "body")
    assert {e.get(W + "date") for e in body.iter(W + "ins", W + "del")} == {stamp}


def test_copy_unit_text_and_zoom(compared, settings) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    index, pair = first_pair(comparison, "一、")
    win.go_to_pair(index)
    win.actions_.copy_unit.trigger()
    clipboard = QCoreApplication.instance().clipboard().text()  # type: ignore[union-attr]
    assert clipboard == comparison.left.text[pair.left.start : pair.left.own_end]
    size = win.view("left").font().pointSizeF()
    win.actions_.zoom_in.trigger()
    assert win.view("left").font().pointSizeF() > size and settings.zoom == 1
    win.actions_.zoom_out.trigger()
    assert settings.zoom == 0


# -- races, saves, prompts and zoom (each once reproduced against the running window) ----------
@pytest.fixture
def gate(monkeypatch):  # type: ignore[no-untyped-def]
    """Holds the first core comparison that includes a given manual pairing until released."""
    import policydiff.compare.pipeline as core

    real = core.compare_documents
    state = {"pairing": None, "held": False}
    release, holding = threading.Event(), threading.Event()

    def gated(left, right, options, *args, **kwargs):  # type: ignore[no-untyped-def]
        if state["pairing"] in tuple(kwargs.get("overrides", ())) and not state["held"]:
            state["held"] = True
            holding.set()
            release.wait(20)
        return real(left, right, options, *args, **kwargs)

    monkeypatch.setattr(core, "compare_documents", gated)
    yield state, holding, release
    release.set()


def select_removed_and_added(win: MainWindow, comparison: Comparison) -> tuple[int, int]:
    removed = next(p for p in comparison.pairs if p.status == Status.REMOVED and p.left.label)
    added = next(p for p in comparison.pairs if p.status == Status.ADDED and p.right.label)
    win.select_at("left", removed.left.start)
    win.select_at("right", added.right.start)
    return removed.left.index, added.right.index


@pytest.mark.parametrize("then", ["change an option", "open another document"])
def test_a_late_pairing_never_hides_a_newer_request(qtbot, compared, gate, seed_paths, then) -> None:  # type: ignore[no-untyped-def]
    win, comparison = compared
    state, holding, release = gate
    state["pairing"] = select_removed_and_added(win, comparison)
    win.actions_.pair.trigger()  # its comparison is held back: the user does something else meanwhile
    assert holding.wait(10)
    if then == "change an option":
        newer = wait_comparison(qtbot, win, win.actions_.normalize["none"].trigger)
        assert newer.options.normalize == "none"
        assert state["pairing"] in newer.overrides  # the pairing asked for before the change is kept
    else:
        newer = wait_comparison(qtbot, win, lambda: win.open_file("right", str(seed_paths["004"])))
        assert Path(newer.right.document.path) == seed_paths["004"]
    with qtbot.assertNotEmitted(win.comparisonShown), qtbot.assertNotEmitted(win.session.comparisonChanged):
        release.set()  # the held-back answer comes in now, and is dropped
        assert win.context.jobs.wait(COMPARE_TIMEOUT)
        QCoreApplication.processEvents()  # delivers whatever the finished job sent
    assert win.comparison is newer and win.session.comparison is newer
    assert win.view("right").toPlainText().startswith(newer.right.text[:20].replace("\r", " "))


def window_with(qtbot, settings, backend) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(settings=settings, backend=backend))
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_save_reports_its_own_outcome_and_is_never_called_cancelled(
    qtbot, settings, seed_paths, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.context import _report

    rendering, release = threading.Event(), threading.Event()

    def slow_report(comparison, rewrites):  # type: ignore[no-untyped-def]
        rendering.set()
        release.wait(20)
        return _report(comparison, rewrites)

    win = window_with(qtbot, settings, Backend(report_html=slow_report))
    try:
        open_and_wait(qtbot, win, seed_paths["000"], seed_paths["002"])
        problems: list[tuple[str, str]] = []
        saved: list[str] = []
        messages: list[str] = []
        win.problem.connect(lambda kind, message: problems.append((kind, message)))
        win.session.saved.connect(saved.append)
        win.statusBar().messageChanged.connect(messages.append)
        # a report into a missing folder, then a JSON export before the report is written
        win.session.save("html", str(tmp_path / "missing" / "report.html"))
        assert rendering.wait(10)
        with qtbot.waitSignal(win.session.saved, timeout=COMPARE_TIMEOUT):
            win.session.save("json", str(tmp_path / "comparison.json"))
        with qtbot.waitSignal(win.problem, timeout=COMPARE_TIMEOUT):
            release.set()
        assert len(problems) == 1 and "report.html" in problems[0][1]
        # Esc while a report is being written: the file is written and said to be saved
        rendering.clear()
        release.clear()
        saved.clear()
        win.session.save("html", str(tmp_path / "report.html"))
        assert rendering.wait(10)
        with qtbot.assertNotEmitted(win.context.jobs.cancelled):
            win.actions_.cancel.trigger()
            with qtbot.waitSignal(win.session.saved, timeout=COMPARE_TIMEOUT):
                release.set()
            assert win.context.jobs.wait(COMPARE_TIMEOUT)
            QCoreApplication.processEvents()  # delivers whatever the finished job sent
        assert (tmp_path / "report.html").is_file() and saved == [str(tmp_path / "report.html")]
        assert "Cancelled" not in messages
    finally:
        release.set()
        assert win.context.jobs.wait(COMPARE_TIMEOUT)


def test_a_file_changed_while_its_question_is_open_is_asked_about_once_afterwards(
    qtbot, monkeypatch, window, seed_paths, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.watching import RELOAD_DELAY_MS

    window.actions_.auto_reload.setChecked(False)
    left = tmp_path / "left.txt"
    shutil.copy(seed_paths["000"], left)
    open_and_wait(qtbot, window, left, seed_paths["002"])
    depth = {"now": 0, "most": 0, "asked": 0}

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        depth["asked"] += 1
        depth["now"] += 1
        depth["most"] = max(depth["most"], depth["now"])
        if depth["asked"] == 1:  # the editor saves again while the modal question is open
            with left.open("a", encoding="utf-8") as f:
                f.write("\n第九十九条 又改了。\n")
            window.watcher.file_changed(str(left))
            # a modal dialog runs its own event loop: the change settles and is collected, not asked
            qtbot.waitUntil(lambda: not window.watcher.settling(), timeout=RELOAD_DELAY_MS * 10)
            assert window.watcher.pending()
        depth["now"] -= 1
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    with left.open("a", encoding="utf-8") as f:
        f.write("\n第九十八条 改了。\n")
    window.watcher.file_changed(str(left))
    qtbot.waitUntil(lambda: depth["asked"] >= 2, timeout=5000)
    # nothing is left to ask about: no change collected, none settling, so no third question
    assert not window.watcher.pending() and not window.watcher.settling()
    assert depth["most"] == 1 and depth["asked"] == 2


def test_actual_size_restores_the_font_after_any_number_of_zoom_steps(window, settings) -> None:  # type: ignore[no-untyped-def]
    base = window.view("left").font().pointSizeF()
    for steps, action in ((25, window.actions_.zoom_in), (15, window.actions_.zoom_out)):
        for _ in range(steps):
            action.trigger()
        assert window.view("left").font().pointSizeF() != base
        window.actions_.zoom_reset.trigger()
        assert settings.zoom == 0
        assert window.view("left").font().pointSizeF() == base == window.view("right").font().pointSizeF()


# -- large documents: no per-row or per-anchor calls on the UI thread ------------------------------
def test_rows_are_measured_without_asking_qt_per_character(monkeypatch, compared) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextDocument

    win, comparison = compared
    calls = {"n": 0}
    find_block = QTextDocument.findBlock

    def counting(self, position):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return find_block(self, position)

    monkeypatch.setattr(QTextDocument, "findBlock", counting)
    win.sync.set_comparison(comparison)
    rows = len(win.sync.rows)
    assert rows > 20 and calls["n"] <= 4 * rows + 10  # a few lookups per row, not per character


def test_sorting_the_figure_table_asks_for_each_row_once(monkeypatch, compared) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.figures_table import FigureModel

    win, comparison = compared
    rows = win.figures.model.rowCount()
    assert rows > 10
    asked = {"n": 0}
    data = FigureModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role not in (Qt.ItemDataRole.DisplayRole,) or index.column() != FigureModel.SUBJECT:
            return data(self, index, role)
        asked["n"] += 1
        return data(self, index, role)

    monkeypatch.setattr(FigureModel, "data", counting)
    win.figures.view.sortByColumn(FigureModel.SUBJECT, Qt.SortOrder.AscendingOrder)
    subjects = [change.subject for _, change in win.figures.visible_rows()]
    assert subjects == sorted(subjects)
    assert asked["n"] <= rows + 100  # one key per row (and the painted cells), not two per comparison
    win.figures.view.sortByColumn(FigureModel.CHANGE, Qt.SortOrder.DescendingOrder)
    win.figures.view.sortByColumn(FigureModel.UNIT, Qt.SortOrder.AscendingOrder)
    assert [i for i, _ in win.figures.visible_rows()] == sorted(i for i, _ in win.figures.visible_rows())


def test_opening_a_pair_over_another_compares_once(qtbot, settings, seed_paths) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.context import _compare

    compared: list[tuple[str, str]] = []

    def counting(left, right, *args, **kwargs):  # type: ignore[no-untyped-def]
        compared.append((left.path, right.path))
        return _compare(left, right, *args, **kwargs)

    context = AppContext(settings=settings, backend=Backend(compare=counting))
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    try:
        open_and_wait(qtbot, win, seed_paths["000"], seed_paths["002"])
        compared.clear()
        second = open_and_wait(qtbot, win, seed_paths["001"], seed_paths["003"])
        assert second.left.document.path == str(seed_paths["001"])
        assert second.right.document.path == str(seed_paths["003"])
        # the new left is never compared against the old right while the new right is read
        assert compared == [(str(seed_paths["001"]), str(seed_paths["003"]))]
    finally:
        context.jobs.cancel()
        assert context.jobs.wait(30_000)
