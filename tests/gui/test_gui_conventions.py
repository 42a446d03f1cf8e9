"""The app keeps the conventions of office programs: every format offered in Open, the chosen type
honoured in Save As, recent files that open from anywhere."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from policydiff.gui.filedialogs import SaveType, ask_save_path, open_filter, with_extension
from policydiff.io.formats import EXTENSIONS
from tests.gui.test_gui import COMPARE_TIMEOUT, open_and_wait


def test_open_offers_every_format_the_readers_take(qapp) -> None:  # type: ignore[no-untyped-def]
    first = open_filter().split(";;")[0]
    for ext in (".doc", ".wps", ".odt", ".rtf", ".mht", ".ofd", ".docx", ".pdf", ".html", ".txt", ".md"):
        assert ext in EXTENSIONS and f"*{ext} " in first + " "
    # one filter per family besides, and all files last
    assert len(open_filter().split(";;")) >= 6 and open_filter().endswith("(*)")


def test_save_as_honours_the_chosen_type_and_adds_its_extension(qapp, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    choices = [SaveType("html", "Web page", ".html"), SaveType("xlsx", "Excel workbook", ".xlsx")]
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "gui_cov2"), "Excel workbook (*.xlsx)"),
    )
    path, choice = ask_save_path(None, "t", str(tmp_path / "coverage.html"), choices)  # type: ignore[misc]
    assert (path, choice.kind) == (str(tmp_path / "gui_cov2.xlsx"), "xlsx")
    assert with_extension("a.XLSX", choices[1]) == "a.XLSX"
    assert with_extension("a.html", choices[1]) == "a.html.xlsx"  # the type chosen wins


def test_the_window_saves_a_word_table_from_save_as(qtbot, monkeypatch, window, seed_paths, tmp_path) -> None:  # type: ignore[no-untyped-def]
    open_and_wait(qtbot, window, seed_paths["000"], seed_paths["002"])
    offered: list[str] = []

    def fake_save(parent, title, default, filters, selected=""):  # type: ignore[no-untyped-def]
        offered.extend(filters.split(";;"))
        return str(tmp_path / "table"), next(f for f in offered if "*.docx" in f)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    with qtbot.waitSignal(window.session.saved, timeout=COMPARE_TIMEOUT):
        window.actions_.save_as.trigger()
    assert any("*.html" in f for f in offered) and any("*.json" in f for f in offered)
    written = tmp_path / "table.docx"
    assert zipfile.is_zipfile(written) and "word/document.xml" in zipfile.ZipFile(written).namelist()


def test_recent_files_are_absolute_unique_and_missing_ones_greyed(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    present = tmp_path / "a.txt"
    present.write_text("一、总则", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = window.settings
    settings.add_recent("a.txt")
    settings.add_recent(str(present))
    settings.add_recent(str(tmp_path / "gone.txt"))
    assert settings.recent_files[:2] == [str(tmp_path / "gone.txt"), str(present)]
    settings.add_recent_pair("a.txt", "gone.txt")
    settings.add_recent_pair(str(present), str(tmp_path / "gone.txt"))
    assert settings.recent_pairs == [(str(present), str(tmp_path / "gone.txt"))]
    monkeypatch.chdir(os.path.dirname(tmp_path))  # the entries still open from another folder
    menu = window.actions_.recent_left
    menu.aboutToShow.emit()
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled[str(present)] and not enabled[str(tmp_path / "gone.txt")]
    window.actions_.recent_pairs.aboutToShow.emit()
    entry = next(a for a in window.actions_.recent_pairs.actions() if "↔" in a.text())
    assert not entry.isEnabled() and Path(str(present)).is_absolute()


def test_qt_dialogs_speak_chinese_in_the_chinese_window(qapp) -> None:  # type: ignore[no-untyped-def]
    """Look in / Files of type / Cancel / Show Details… follow the app into Chinese (the wheels lack
    qtbase_zh_CN.qm, so the app ships its own catalogue of Qt's strings)."""
    import re

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QTreeView, QWidget

    from policydiff.gui.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "zh_CN")
    try:
        dialog = QFileDialog(None, "t", str(Path.home()), open_filter())
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok)
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.setDetailedText("details")
        texts: list[str] = []
        for top in (dialog, box):
            for w in top.findChildren(QWidget):
                if isinstance(w, (QLabel, QAbstractButton)):
                    texts += [w.text(), w.toolTip()]
                if isinstance(w, QTreeView) and w.model() is not None:
                    texts += [
                        str(w.model().headerData(i, Qt.Orientation.Horizontal))
                        for i in range(w.model().columnCount())
                    ]
        english = [t for t in texts if re.search(r"[A-Za-z]{3,}", re.sub(r"\*\.\w+|\(\*\)|&", "", t))]
        assert english == [] and "查找范围(&L):" in texts and "取消" in texts
        dialog.deleteLater()
        box.deleteLater()
    finally:
        remove_translators(qapp, installed)


def test_an_open_matrix_and_the_figure_table_follow_the_language(
    qtbot, window, seed_paths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from policydiff.coverage.matrix import build_coverage
    from policydiff.gui.coverage_window import CoverageModel
    from policydiff.gui.i18n import install_translators, remove_translators
    from policydiff.gui.vocabulary import missing_text

    coverage = build_coverage(str(seed_paths["000"]), [str(seed_paths["002"])])
    installed = install_translators(QApplication.instance(), "zh_CN")
    try:
        matrix = window.show_coverage_window(coverage)
        qtbot.addWidget(matrix)
        model = matrix.table.model()
        assert isinstance(model, CoverageModel)
        row = next(k for k, r in enumerate(coverage.rows) if r.cells[0] is not None)
        assert model.data(model.index(row, 1)).split()[0] in {"照搬", "细化", "加码", "弱化", "缺失"}
        assert missing_text() == "无"
    finally:
        remove_translators(QApplication.instance(), installed)
    install_translators(QApplication.instance(), "en")
    assert missing_text() == "none"
    english = window.show_coverage_window(coverage)
    qtbot.addWidget(english)
    en_model = english.table.model()
    assert en_model.data(en_model.index(row, 1)).split()[0] in {
        "adopted",
        "refined",
        "raised",
        "weakened",
        "missing",
    }


def test_one_against_many_offers_the_open_left_document_as_parent(
    qtbot, window, seed_paths, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from policydiff.gui.coverage_window import CoverageSetup

    open_and_wait(qtbot, window, seed_paths["000"], seed_paths["002"])
    offered: list[str] = []

    def fake_exec(setup: CoverageSetup) -> int:
        offered.append(setup.parent_path())
        return CoverageSetup.DialogCode.Rejected

    monkeypatch.setattr(CoverageSetup, "exec", fake_exec)
    assert window.open_coverage() is None
    assert offered == [str(seed_paths["000"])]


def test_at_1024_by_700_each_pane_keeps_420_px(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    window.resize(1024, 700)
    for _ in range(5):
        QApplication.processEvents()
    assert min(window.panes[side].width() for side in ("left", "right")) >= 420
    assert not window.outline_dock.isHidden()  # tabbed below with the figures, not gone
    window.resize(1600, 1000)
    for _ in range(5):
        QApplication.processEvents()
    from PySide6.QtCore import Qt

    assert window.dockWidgetArea(window.outline_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_an_outline_row_counts_as_a_pick_and_the_status_bar_says_what_next(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from policydiff.model import Side, Status

    left, right = tmp_path / "l.txt", tmp_path / "r.txt"
    left.write_text("一、总则\n保持稳定增长。\n二、财政政策\n安排资金60亿元。\n", encoding="utf-8")
    right.write_text("一、总则\n保持稳定增长。\n二、新增措施\n建设产业园区三个。\n", encoding="utf-8")
    comparison = open_and_wait(qtbot, window, left, right)
    removed = next(i for i, p in enumerate(comparison.pairs) if p.status == Status.REMOVED)
    added = next(i for i, p in enumerate(comparison.pairs) if p.status == Status.ADDED)
    window.navigation.pick_from_outline(removed)
    assert window._picked[Side.LEFT] and "pick a unit on the right" in window.statusBar().currentMessage()
    window.navigation.pick_from_outline(added)
    assert window._picked[Side.LEFT] and window._picked[Side.RIGHT]
    assert window.actions_.pair.isEnabled() and "Ctrl+P" in window.statusBar().currentMessage()


def test_a_filter_that_shows_nothing_says_so(qtbot, window, seed_paths) -> None:  # type: ignore[no-untyped-def]
    open_and_wait(qtbot, window, seed_paths["000"], seed_paths["000"])
    outline = window.outline
    outline.set_filter("added")
    assert outline.proxy.rowCount() == 0 and not outline.empty_note.isHidden()
    assert outline.empty_note.text()
    outline.set_filter("all")
    assert outline.empty_note.isHidden()
