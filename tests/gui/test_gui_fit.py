"""Every label, button and title the app builds shows its whole text, in English and in Chinese.

At the first window's size on a roomy screen and at 1024×700, every visible QLabel, QPushButton,
QCheckBox, QRadioButton, QToolButton, tab and group-box title of the main window, the
one-against-many window and the app's own dialogs is at least as wide as its text needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from policydiff.gui.context import AppContext
from policydiff.gui.coverage_window import CoverageSetup, CoverageWindow
from policydiff.gui.i18n import install_translators, remove_translators
from policydiff.gui.mainwindow import MainWindow, first_window_size
from policydiff.gui.problems import problem_box
from tests.conftest import SEED

SIZES = {"first window": first_window_size(1920, 1040), "1024x700": (1024, 700)}
BUTTONS = (QPushButton, QCheckBox, QRadioButton, QToolButton)


def clipped(root: QWidget) -> list[str]:
    """Visible texts under ``root`` that their widget is too narrow (or too short) to show whole."""
    QApplication.processEvents()
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height():
                    found.append(f"{name} {widget.text()!r}: {widget.height()} < {needed} px high")
            elif widget.sizeHint().width() > widget.width():
                found.append(f"{name} {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()} px")
        elif isinstance(widget, BUTTONS) and isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width():
                found.append(f"{name} {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()} px")
        elif isinstance(widget, QGroupBox) and widget.title():
            needed = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
            if needed > widget.width():
                found.append(f"{name} title {widget.title()!r}: {widget.width()} < {needed} px")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() < widget.tabSizeHint(i).width():
                    found.append(f"tab {widget.tabText(i)!r}: {widget.tabRect(i).width()} px")
    return found


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, request.param) if request.param != "en" else []
    yield request.param
    remove_translators(qapp, translators)


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_no_text_is_clipped_in_the_main_window(qtbot, settings, language, size) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(settings=settings))
    qtbot.addWidget(win)
    win.resize(*SIZES[size])
    win.show()
    qtbot.waitExposed(win)
    assert clipped(win) == []  # empty panes: their invitations to drop a file
    with qtbot.waitSignal(win.comparisonShown, timeout=60_000) as blocker:
        win.open_pair(str(SEED["000"]), str(SEED["002"]))
    comparison = blocker.args[0]
    removed = next(p for p in comparison.pairs if p.right is None and p.left is not None)
    added = next(p for p in comparison.pairs if p.left is None and p.right is not None)
    win.select_at("left", removed.left.start)  # a selection on both sides: the longest status text
    win.select_at("right", added.right.start)
    win.actions_.legend.setChecked(True)
    win.actions_.find.trigger()
    win.find_bar.field.setText("研发")
    win.find_bar.search()
    QApplication.processEvents()
    # the window keeps the size asked for: a text that needs more would widen it past the screen
    assert (win.width(), win.height()) == SIZES[size]
    assert clipped(win) == []
    win.show_keys()
    qtbot.waitExposed(win.keys_dialog)
    assert clipped(win.keys_dialog) == []
    win.keys_dialog.close()
    box = problem_box(win, win.tr("Cannot open the left document"), "x" * 40, "details")
    box.show()
    assert clipped(box) == []
    box.close()


@pytest.mark.slow  # over 3 s on an idle machine: run by .ci/run, not the README's fast loop
@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_no_text_is_clipped_in_the_one_against_many_windows(
    qtbot, settings, language, size, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    setup = CoverageSetup(None, str(SEED["000"].parent))
    qtbot.addWidget(setup)
    setup.show()
    qtbot.waitExposed(setup)
    assert clipped(setup) == []
    window = CoverageWindow(lambda *args: None)
    qtbot.addWidget(window)
    window.resize(*SIZES[size])
    window.show()
    with qtbot.waitSignal(window.jobs.result, timeout=180_000):
        window.run(str(SEED["000"]), [str(SEED["002"]), str(SEED["004"])])
    QApplication.processEvents()
    assert (window.width(), window.height()) == SIZES[size]
    assert clipped(window) == []
    window.jobs.wait(30_000)
    QCoreApplication.processEvents()
