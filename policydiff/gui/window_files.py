"""Opening documents and saving the comparison: Open, recent files and pairs, Save As, and the
One Against Many and Version History windows the main window opens.

One part of the main window (policydiff.gui.mainwindow), which holds one of each; a part reaches
the widgets and the other parts through ``self.window``.
May import: PySide6, policydiff.gui.*, policydiff.model, policydiff.present, policydiff.figures.compare,
policydiff.lang.safetext.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
)

from policydiff.gui.filedialogs import SaveType, ask_save_path, open_filter
from policydiff.lang.safetext import isolate
from policydiff.model import Side

if TYPE_CHECKING:  # the two windows are imported when first opened: the core loads with them
    from policydiff.coverage.matrix import Coverage
    from policydiff.gui.coverage_window import CoverageWindow
    from policydiff.gui.history_window import HistoryWindow
    from policydiff.gui.mainwindow import MainWindow
    from policydiff.history.model import History


class Files:
    """Opening documents and saving the comparison."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose_file(self, side: Side) -> None:
        title = (
            QCoreApplication.translate("MainWindow", "Open Left Document")
            if side == Side.LEFT
            else QCoreApplication.translate("MainWindow", "Open Right Document")
        )
        folder = self.window.settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, title, folder, open_filter())
        if path:
            self.open_file(side, path)

    def open_file(self, side: Side, path: str) -> None:
        self.window.settings.last_folder = os.path.dirname(os.path.abspath(path))
        self.window.timings["chosen"] = time.perf_counter()
        self.window.session.open(side, path)

    def open_coverage(
        self, parent_path: str = "", child_paths: list[str] | None = None
    ) -> CoverageWindow | None:
        """File → One Against Many: choose a parent and its documents, then show their matrix.

        A cell double-clicked there opens that pair here and goes to it once it is compared.
        """
        from policydiff.coverage.matrix import start_worker_server
        from policydiff.gui.coverage_window import CoverageSetup, CoverageWindow

        start_worker_server()  # its preload runs while the documents are chosen
        if not (parent_path and child_paths):
            left = self.window.session.paths[Side.LEFT] or ""
            setup = CoverageSetup(self.window, str(Path(left or ".").parent), parent_document=left)
            if setup.exec() != CoverageSetup.DialogCode.Accepted:
                return None
            parent_path, child_paths = setup.parent_path(), setup.child_paths()
        window = CoverageWindow(self._open_coverage_pair, parent=self.window)
        window.setWindowFlag(Qt.WindowType.Window)
        self.window._coverage_windows.append(window)
        window.show()
        window.run(parent_path, child_paths)
        return window

    def show_coverage_window(self, coverage: Coverage, geometry: QByteArray | None = None) -> CoverageWindow:
        """A matrix window showing a coverage already built (a language switch rebuilds it)."""
        from policydiff.gui.coverage_window import CoverageWindow

        window = CoverageWindow(self._open_coverage_pair, parent=self.window)
        window.setWindowFlag(Qt.WindowType.Window)
        self.window._coverage_windows.append(window)
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.show_coverage(coverage)
        window.show()
        return window

    def open_history(self, paths: list[str] | None = None) -> HistoryWindow | None:
        """File → Version History: choose the versions and confirm their dates, then show the lineages.

        A step double-clicked there opens that pair of versions here, at that unit.
        """
        from policydiff.gui.history_window import HistorySetup

        dates: list[str | None] | None = None
        if not paths:
            session = self.window.session
            open_now = [p for p in (session.paths[Side.LEFT], session.paths[Side.RIGHT]) if p]
            setup = HistorySetup(self.window, str(Path(open_now[0] if open_now else ".").parent))
            setup.add_paths(open_now)  # the open pair is often two of the versions
            if setup.exec() != HistorySetup.DialogCode.Accepted:
                return None
            paths, dates = setup.paths(), setup.dates()
        window = self._history_window()
        window.show()
        window.run(paths, dates, self.window.session.options)  # the window's options: the same pairs
        return window

    def show_history_window(self, history: History, geometry: QByteArray | None = None) -> HistoryWindow:
        """A history window showing a history already built (a language switch rebuilds it)."""
        window = self._history_window()
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.show_history(history)
        window.show()
        return window

    def _history_window(self) -> HistoryWindow:
        from policydiff.gui.history_window import HistoryWindow

        window = HistoryWindow(self._open_coverage_pair, parent=self.window)
        window.setWindowFlag(Qt.WindowType.Window)
        self.window._history_windows.append(window)
        return window

    def _open_coverage_pair(self, parent_path: str, child_path: str, pair_index: int | None) -> None:
        self.window._pending_pair = (child_path, pair_index) if pair_index is not None else None
        self.open_pair(parent_path, child_path)
        self.window.raise_()
        self.window.activateWindow()

    def open_pair(self, left: str, right: str) -> None:
        self.window.timings["chosen"] = time.perf_counter()
        self.window.session.open_pair(left, right)

    def _fill_recent(self, menu, side: Side) -> None:
        menu.clear()
        files = self.window.settings.recent_files
        if not files:
            menu.addAction(QCoreApplication.translate("MainWindow", "(no recent files)")).setEnabled(False)
        for path in files:
            action = menu.addAction(path)
            action.setEnabled(os.path.isfile(path))  # a moved or deleted file is shown greyed out
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(side, p))
        menu.addSeparator()
        menu.addAction(self.window.actions_.clear_recent)

    def _fill_recent_pairs(self) -> None:
        menu = self.window.actions_.recent_pairs
        menu.clear()
        pairs = self.window.settings.recent_pairs
        if not pairs:
            menu.addAction(QCoreApplication.translate("MainWindow", "(no recent pairs)")).setEnabled(False)
        for left, right in pairs:
            action = menu.addAction(
                f"{isolate(os.path.basename(left))}  ↔  {isolate(os.path.basename(right))}"
            )
            action.setToolTip(f"{left}\n{right}")
            action.setEnabled(os.path.isfile(left) and os.path.isfile(right))
            action.triggered.connect(lambda _checked=False, a=left, b=right: self.open_pair(a, b))

    def default_output(self, kind: str) -> str:
        left, right = self.window.session.paths[Side.LEFT], self.window.session.paths[Side.RIGHT]
        suffix = "_修订.docx" if kind == "redline" else f".{kind}"
        name = f"{Path(left or 'left').stem}_vs_{Path(right or 'right').stem}{suffix}"
        folder = os.path.dirname(left) if left else (self.window.settings.last_folder or str(Path.home()))
        return os.path.join(folder, name)

    def save_types(self) -> list[SaveType]:
        """What File → Save As… offers: the report, the Word 对照表, JSON and the Word 修订 document."""
        return [
            SaveType("html", QCoreApplication.translate("MainWindow", "HTML report"), ".html"),
            SaveType("docx", QCoreApplication.translate("MainWindow", "Word comparison table"), ".docx"),
            SaveType("json", QCoreApplication.translate("MainWindow", "JSON"), ".json"),
            SaveType("redline", QCoreApplication.translate("MainWindow", "Redline document"), ".docx"),
        ]

    def save(self, kind: str | None = None) -> None:
        """Ask where to save; ``kind`` preselects a type (Save Report → HTML), the dialog decides."""
        if self.window.comparison is None:
            return
        titles = {
            None: QCoreApplication.translate("MainWindow", "Save As"),
            "redline": QCoreApplication.translate("MainWindow", "Save Redline"),
            "json": QCoreApplication.translate("MainWindow", "Export JSON"),
        }
        title = titles.get(kind, QCoreApplication.translate("MainWindow", "Save Report"))
        chosen = ask_save_path(
            self.window, title, self.default_output(kind or "html"), self.save_types(), kind
        )
        if chosen is not None:
            self.window.session.save(chosen[1].kind, chosen[0])
