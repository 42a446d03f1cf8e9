"""The main window: two document panes, the outline and figure docks, menus, status bar.

It wires user actions to the Session (which runs the core in background jobs) and shows each new
Comparison in every view in one pass. It decides nothing about the documents itself: which units
pair, what changed and which figures differ all come from the Comparison.
May import: PySide6, policydiff.gui.*, policydiff.model, policydiff.projection,
policydiff.figures_compare, policydiff.safetext.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from policydiff.figures_compare import figure_counts
from policydiff.gui.context import AppContext
from policydiff.gui.coverage_window import CoverageSetup, CoverageWindow
from policydiff.gui.figures_table import FiguresWidget
from policydiff.gui.find import FindBar
from policydiff.gui.i18n import resolve_language, switch_language
from policydiff.gui.keys import KeysDialog
from policydiff.gui.marks import side_marks
from policydiff.gui.menus import build_menus
from policydiff.gui.outline import OutlineWidget, is_difference, unit_caption
from policydiff.gui.panes import DocumentPane, DocumentView
from policydiff.gui.problems import problem_box
from policydiff.gui.ruler import Legend, OverviewRuler
from policydiff.gui.session import SIDES, Session
from policydiff.gui.sync import ScrollSync
from policydiff.gui.watching import ReloadWatcher
from policydiff.model import (
    DEFAULT_NORMALIZE,
    CompareOptions,
    Comparison,
    FigureChange,
    LoadedDocument,
    Op,
    Unit,
)
from policydiff.projection import DISPLAY_RULES, is_rewrite
from policydiff.safetext import isolate

OPEN_FILTER = "*.txt *.text *.html *.htm *.md *.docx *.pdf"
OPEN_WINDOWS: set[QMainWindow] = set()  # windows built to replace another (kept alive here)
LONG_PAIR_CHARS = 120  # F7 steps change by change inside pairs at least this long (about 4 lines)
FIRST_WINDOW = (1400, 900)  # the first window's size where the screen has room for it
# the outline follows the row at the top of the panes; a jump puts its row this far below the top
FOLLOW_PROBE_PX = 8


def first_window_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The first window fits the available screen (a 1366×768 laptop included), with a margin."""
    return (
        min(FIRST_WINDOW[0], max(800, available_width - 40)),
        min(FIRST_WINDOW[1], max(560, available_height - 40)),
    )


class MainWindow(QMainWindow):
    """Side-by-side view of a Comparison with navigation, manual pairing and export."""

    comparisonShown = Signal(object)  # the Comparison now on screen
    replaced = Signal(object)  # the MainWindow that took this one's place (after a language change)
    problem = Signal(str, str)  # kind, one-line message (after the dialog, if any)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.settings
        self.session = Session(context, self)
        self._coverage_windows: list[CoverageWindow] = []
        # (right path, pair) to go to once the comparison with that document is shown
        self._pending_pair: tuple[str, int] | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("policydiff")
        self.setAcceptDrops(False)
        self.comparison: Comparison | None = None
        self.current_pair: int | None = None
        self.selected: dict[str, int | None] = {"left": None, "right": None}
        self._pair_of: dict[str, dict[int, int]] = {"left": {}, "right": {}}
        self._shown_text: dict[str, str | None] = {"left": None, "right": None}
        self.timings: dict[str, float] = {}
        self._changes: tuple[Comparison, list[tuple[int, int | None]]] | None = None
        self._closing_for_rebuild = False
        self._jumping = False  # a jump scrolls the panes: the outline keeps the pair jumped to
        self.problem_box: QMessageBox | None = None  # the last problem shown
        self._language = resolve_language(self.settings.language)

        self.panes = {side: DocumentPane(side, self) for side in SIDES}
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("paneSplitter")
        splitter.setChildrenCollapsible(False)
        for side in SIDES:
            splitter.addWidget(self.panes[side])
        self.sync = ScrollSync(self.view("left"), self.view("right"), self)
        self.ruler = OverviewRuler(self.sync, self.view("right"), self)
        self.find_bar = FindBar(context, {side: self.view(side) for side in SIDES}, self)
        central = QWidget(self)
        central.setObjectName("centralArea")
        rows = QHBoxLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addWidget(splitter, 1)
        rows.addWidget(self.ruler)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addLayout(rows, 1)
        self.setCentralWidget(central)
        self.current_change: tuple[int, int | None] | None = None  # (pair, edit) F7 stands on
        self._picked = {"left": False, "right": False}  # chosen by a click since the last comparison

        self.outline = OutlineWidget(self)
        self.outline_dock = self._dock(
            "outlineDock", self.tr("Outline"), self.outline, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.figures = FiguresWidget(self)
        self.figures_dock = self._dock(
            "figuresDock", self.tr("Figures"), self.figures, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.legend = Legend(self)
        self.legend_dock = self._dock(
            "legendDock", self.tr("Legend"), self.legend, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.legend_dock.hide()

        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        self.selection_label = QLabel(self)
        self.selection_label.setWordWrap(True)  # a long pair of headings takes two lines, not the screen
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.selection_label, 1)
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

        self.actions_ = build_menus(self)
        self.actions_.menus["panels"].addAction(self.outline_dock.toggleViewAction())
        self.actions_.menus["panels"].addAction(self.figures_dock.toggleViewAction())
        self.legend_button = QToolButton(self)
        self.legend_button.setObjectName("legendButton")
        self.legend_button.setDefaultAction(self.actions_.legend)
        bar.addPermanentWidget(self.legend_button)
        self.watcher = ReloadWatcher(self, self.session, self.statusBar(), context.interactive)
        self._connect()
        self._restore()
        self._update_actions()

    # -- construction ---------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def view(self, side: str) -> DocumentView:
        return self.panes[side].view

    def _connect(self) -> None:
        a, s, jobs = self.actions_, self.session, self.context.jobs
        a.open_left.triggered.connect(lambda: self.choose_file("left"))
        a.open_right.triggered.connect(lambda: self.choose_file("right"))
        a.recent_left.aboutToShow.connect(lambda: self._fill_recent(a.recent_left, "left"))
        a.recent_right.aboutToShow.connect(lambda: self._fill_recent(a.recent_right, "right"))
        a.clear_recent.triggered.connect(self.settings.clear_recent)
        a.swap.triggered.connect(s.swap)
        a.coverage.triggered.connect(self.open_coverage)
        a.reload.triggered.connect(lambda: _reload_both(s))
        a.save_report.triggered.connect(lambda: self.save("html"))
        a.save_json.triggered.connect(lambda: self.save("json"))
        a.quit.triggered.connect(self.close)
        a.copy_unit.triggered.connect(self.copy_unit_text)
        a.pair.triggered.connect(self.pair_selected)
        a.unpair.triggered.connect(self.unpair_current)
        a.undo.triggered.connect(s.undo)
        a.redo.triggered.connect(s.redo)
        a.find.triggered.connect(self.find_bar.open_bar)
        a.find_next.triggered.connect(lambda: self._find_step(+1))
        a.find_prev.triggered.connect(lambda: self._find_step(-1))
        a.show_rewrites.toggled.connect(self._rewrites_toggled)
        a.legend.toggled.connect(self.legend_dock.setVisible)
        self.legend_dock.visibilityChanged.connect(
            lambda visible: a.legend.setChecked(visible) if not self.isMinimized() else None
        )
        a.keys.triggered.connect(self.show_keys)
        a.recent_pairs.aboutToShow.connect(self._fill_recent_pairs)
        a.next_diff.triggered.connect(lambda: self.go_to_difference(+1))
        a.prev_diff.triggered.connect(lambda: self.go_to_difference(-1))
        a.zoom_in.triggered.connect(lambda: self.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.zoom(-self.settings.zoom))
        for action in a.normalize.values():
            action.triggered.connect(self._options_changed)
        a.show_normalization_diffs.triggered.connect(self._options_changed)
        a.recompare.triggered.connect(s.recompare)
        a.cancel.triggered.connect(s.cancel)
        self.cancel_button.clicked.connect(s.cancel)
        a.auto_reload.toggled.connect(lambda on: setattr(self.settings, "auto_reload", on))
        for action in a.language.values():
            action.triggered.connect(self._language_chosen)
        a.about.triggered.connect(self._about)
        for side in SIDES:
            view = self.view(side)
            view.unitClicked.connect(lambda offset, side=side: self.select_at(side, offset))
            view.fileDropped.connect(lambda path, side=side: self.open_file(side, path))
            view.bandClicked.connect(lambda band, side=side: self.band_clicked(side, band))
            view.extra_actions = [a.copy_unit, a.pair, a.unpair]
            view.verticalScrollBar().valueChanged.connect(lambda _v, side=side: self._follow_scroll(side))
        self.outline.pairActivated.connect(lambda index: self.go_to_pair(index))
        self.figures.figureActivated.connect(self.go_to_figure)
        s.documentChanged.connect(self._document_changed)
        s.comparisonChanged.connect(self._comparison_changed)
        s.failed.connect(self._failed)
        s.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)
        )
        jobs.busyChanged.connect(self._busy_changed)
        jobs.progress.connect(lambda kind, f: self.progress.setValue(int(f * 1000)))
        jobs.started.connect(self._job_started)
        jobs.cancelled.connect(lambda kind: self.statusBar().showMessage(self.tr("Cancelled"), 4000))

    def _restore(self) -> None:
        a = self.actions_
        a.normalize[self.session.options.normalize].setChecked(True)
        a.show_normalization_diffs.setChecked(self.session.options.show_normalization_diffs)
        a.show_rewrites.setChecked(self.settings.show_rewrites)
        a.show_rewrites.setStatusTip(
            a.show_rewrites.statusTip().format(n=round(DISPLAY_RULES.rewrite_below * 100))
        )
        a.auto_reload.setChecked(self.settings.auto_reload)
        a.language[self.settings.language].setChecked(True)
        geometry, state = self.settings.geometry(), self.settings.window_state()
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if geometry is None or not self.restoreGeometry(geometry):
            width, height = (
                first_window_size(available.width(), available.height()) if available else (1400, 900)
            )
            self.resize(width, height)
            if available is not None:
                self.move(available.center() - self.rect().center())
        elif available is not None and (
            self.width() > available.width() or self.height() > available.height()
        ):
            self.resize(min(self.width(), available.width()), min(self.height(), available.height()))
        if state is None or not self.restoreState(state):
            self.resizeDocks([self.outline_dock], [min(420, self.width() // 4)], Qt.Orientation.Horizontal)
            self.resizeDocks([self.figures_dock], [min(220, self.height() // 4)], Qt.Orientation.Vertical)
        if self.settings.zoom:
            for side in SIDES:
                self.view(side).set_zoom(self.settings.zoom)

    # -- opening --------------------------------------------------------------------------------
    def choose_file(self, side: str) -> None:
        title = self.tr("Open Left Document") if side == "left" else self.tr("Open Right Document")
        folder = self.settings.last_folder or str(Path.home())
        filters = (
            self.tr("Policy documents ({patterns})").format(patterns=OPEN_FILTER)
            + ";;"
            + self.tr("All files (*)")
        )
        path, _ = QFileDialog.getOpenFileName(self, title, folder, filters)
        if path:
            self.open_file(side, path)

    def open_file(self, side: str, path: str) -> None:
        self.settings.last_folder = os.path.dirname(os.path.abspath(path))
        self.timings["chosen"] = time.perf_counter()
        self.session.open(side, path)

    def open_coverage(
        self, parent_path: str = "", child_paths: list[str] | None = None
    ) -> CoverageWindow | None:
        """File → One Against Many: choose a parent and its documents, then show their matrix.

        A cell double-clicked there opens that pair here and goes to it once it is compared.
        """
        if not (parent_path and child_paths):
            setup = CoverageSetup(self, str(Path(self.session.paths["left"] or ".").parent))
            if setup.exec() != CoverageSetup.DialogCode.Accepted:
                return None
            parent_path, child_paths = setup.parent_path(), setup.child_paths()
        window = CoverageWindow(self._open_coverage_pair, parent=self)
        window.setWindowFlag(Qt.WindowType.Window)
        self._coverage_windows.append(window)
        window.show()
        window.run(parent_path, child_paths)
        return window

    def _open_coverage_pair(self, parent_path: str, child_path: str, pair_index: int | None) -> None:
        self._pending_pair = (child_path, pair_index) if pair_index is not None else None
        self.open_pair(parent_path, child_path)
        self.raise_()
        self.activateWindow()

    def open_pair(self, left: str, right: str) -> None:
        self.timings["chosen"] = time.perf_counter()
        self.session.open_pair(left, right)

    def _fill_recent(self, menu, side: str) -> None:
        menu.clear()
        files = self.settings.recent_files
        if not files:
            menu.addAction(self.tr("(no recent files)")).setEnabled(False)
        for path in files:
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(side, p))
        menu.addSeparator()
        menu.addAction(self.actions_.clear_recent)

    def _fill_recent_pairs(self) -> None:
        menu = self.actions_.recent_pairs
        menu.clear()
        pairs = self.settings.recent_pairs
        if not pairs:
            menu.addAction(self.tr("(no recent pairs)")).setEnabled(False)
        for left, right in pairs:
            action = menu.addAction(
                f"{isolate(os.path.basename(left))}  ↔  {isolate(os.path.basename(right))}"
            )
            action.setToolTip(f"{left}\n{right}")
            action.triggered.connect(lambda _checked=False, a=left, b=right: self.open_pair(a, b))

    def _document_changed(self, side: str) -> None:
        document = self.session.documents[side]
        self.comparison = None
        self._show_text(side, document.text if document else "")
        self.panes[side].set_header(self._describe(document) if document else None)
        self.selected = {"left": None, "right": None}
        self.current_pair = None
        self.watcher.watch()
        self._update_title()

    def _show_text(self, side: str, text: str) -> None:
        shown = self._shown_text[side]
        if shown is text or shown == text:
            return
        self.view(side).set_text(text)
        self._shown_text[side] = text

    def _describe(self, document: LoadedDocument) -> str:
        details = [document.format]
        if document.encoding:
            details.append(document.encoding)
        details.append(self.tr("{n} characters").format(n=f"{len(document.text):,}"))
        notes = f"   — {'; '.join(document.notices)}" if document.notices else ""
        return f"{isolate(document.name)}   ({', '.join(details)}){notes}"

    def _update_title(self) -> None:
        names = [
            isolate(d.name) if d else "—"
            for d in (self.session.documents["left"], self.session.documents["right"])
        ]
        self.setWindowTitle(f"{names[0]} ↔ {names[1]} — policydiff")

    # -- showing a comparison -------------------------------------------------------------------
    def _comparison_changed(self, comparison: Comparison | None) -> None:
        self._show_comparison(comparison)
        pending = self._pending_pair
        if comparison is not None and pending is not None and comparison.right.document.path == pending[0]:
            self._pending_pair = None
            self.go_to_pair(pending[1])

    def _show_comparison(self, comparison: Comparison | None) -> None:
        self.timings["received"] = time.perf_counter()  # the core's answer is in: display from here
        self.comparison = comparison
        if comparison is None:
            self.sync.set_comparison(None, {side: None for side in SIDES})
            self.outline.set_comparison(None)
            self.figures.set_comparison(None)
            self.counts.setText("")
            self._update_actions()
            return
        for side in SIDES:
            self._show_text(side, (comparison.left if side == "left" else comparison.right).text)
        marks = {side: side_marks(comparison, side, self.settings.show_rewrites) for side in SIDES}
        self._picked = {"left": False, "right": False}
        self.current_change = None
        self._pair_of = {"left": {}, "right": {}}
        for index, pair in enumerate(comparison.pairs):
            if pair.left is not None:
                self._pair_of["left"][pair.left.index] = index
            if pair.right is not None:
                self._pair_of["right"][pair.right.index] = index
        self.sync.set_comparison(comparison, marks)
        self.outline.set_comparison(comparison)
        self.figures.set_comparison(comparison)
        self._show_counts(comparison)
        if self.current_pair is not None and self.current_pair >= len(comparison.pairs):
            self.current_pair = None
        if self.selected["left"] is not None:
            self.current_pair = self._pair_of["left"].get(self.selected["left"], self.current_pair)
        if self.current_pair is not None:  # the other side shows the partner, never a stale choice
            pair = comparison.pairs[self.current_pair]
            self.selected = {
                "left": pair.left.index if pair.left else None,
                "right": pair.right.index if pair.right else None,
            }
        self.outline.select_pair(self.current_pair)
        self._highlight_selection()
        self._update_actions()
        if "chosen" in self.timings:
            self.timings["displayed"] = time.perf_counter()
        self.comparisonShown.emit(comparison)

    def _show_counts(self, comparison: Comparison) -> None:
        """Pairs by status, and under them the figures as the figure panel counts them (figure_counts).

        Two lines, so the selection beside them keeps room at 1024 px.
        """
        s, f = comparison.summary, figure_counts(comparison.pairs)
        pairs = self.tr(
            "{pairs} pairs · {changed} changed · {added} added · {removed} removed · {moved} moved"
        ).format(pairs=s.pairs, changed=s.changed, added=s.added, removed=s.removed, moved=s.moved)
        if s.manual:
            pairs += " · " + self.tr("{n} paired by hand").format(n=s.manual)
        figures = self.tr("figures: {changed} changed, {added} added, {removed} removed").format(
            changed=f.changed, added=f.added, removed=f.removed
        )
        self.counts.setText(f"{pairs}\n{figures}")

    # -- selection and navigation ---------------------------------------------------------------
    def unit(self, side: str, index: int | None) -> Unit | None:
        if self.comparison is None or index is None:
            return None
        units = (self.comparison.left if side == "left" else self.comparison.right).tree.units
        return units[index] if 0 <= index < len(units) else None

    def select_at(self, side: str, offset: int) -> None:
        """The user clicked ``offset`` in a pane: select the unit there (the other side keeps its own)."""
        marks = self.view(side).marks
        if self.comparison is None or marks is None:
            return
        index = marks.unit_at(offset)
        if index is None:
            return
        self.selected[side] = index
        self._picked[side] = True
        self.current_pair = self._pair_of[side].get(index)
        other = "right" if side == "left" else "left"
        if not self._picked[other]:  # not chosen by the user: show this unit's partner, if any
            pair = self.comparison.pairs[self.current_pair] if self.current_pair is not None else None
            partner = (pair.right if other == "right" else pair.left) if pair is not None else None
            self.selected[other] = partner.index if partner is not None else None
        self.outline.select_pair(self.current_pair)
        self._highlight_selection()
        self._update_actions()

    def go_to_pair(self, index: int) -> None:
        """Select pair ``index`` and bring both its units to the top of their panes."""
        if self.comparison is None or not 0 <= index < len(self.comparison.pairs):
            return
        pair = self.comparison.pairs[index]
        self.current_pair = index
        self.current_change = (index, None)
        self.selected = {
            "left": pair.left.index if pair.left else None,
            "right": pair.right.index if pair.right else None,
        }
        self._picked = {"left": False, "right": False}
        self.outline.select_pair(index)
        self._scroll_to_pair(index, pair.left, pair.right)
        self._highlight_selection()
        self._update_actions()

    def _follow_scroll(self, side: str) -> None:
        """The outline's current row follows the pair at the top of the pane that scrolled.

        Quietly: the outline announces nothing (no jump back) and takes no focus. A jump the window
        makes itself keeps the pair it jumped to (the last pairs can never reach the top).
        """
        if self._jumping or self.comparison is None or not self.sync.rows:
            return
        view = self.view(side)
        row = self.sync.row_index_at(view.top_y() + FOLLOW_PROBE_PX)
        self.outline.follow(self.sync.rows[row].pair if row is not None else 0)

    def _scroll_to_pair(self, index: int, left: Unit | None, right: Unit | None) -> None:
        """Bring pair ``index``'s row to the top of both panes (its own row on each side if moved)."""
        rows = self.sync.rows_of_pair(index)
        with self._jump():
            with self.sync.hold():
                if len(rows) == 1:
                    y = self.sync.row_tops[rows[0]] - 4
                    self.view("left").scroll_to_y(y)
                    self.view("right").scroll_to_y(y)
                else:  # a moved pair stands in two rows, or a unit inside a line: each side its own
                    for side, unit in (("left", left), ("right", right)):
                        if unit is not None:
                            self.view(side).scroll_to_y(self.view(side).y_of(unit.start) - 4)
            for side, unit in (("left", left), ("right", right)):
                if unit is not None:
                    cursor = self.view(side).textCursor()
                    cursor.setPosition(self.view(side).qt_position(unit.start))
                    self.view(side).setTextCursor(cursor)

    @contextmanager
    def _jump(self) -> Iterator[None]:
        """``with self._jump():`` scrolls the panes to a place the outline already shows."""
        jumping, self._jumping = self._jumping, True
        try:
            yield
        finally:
            self._jumping = jumping

    def band_clicked(self, side: str, band_index: int) -> None:
        """An empty band was clicked: a moved unit's band jumps to where its partner stands."""
        view = self.view(side)
        if self.comparison is None or not 0 <= band_index < len(view.bands):
            return
        index = view.bands[band_index].pair
        pair = self.comparison.pairs[index]
        unit = pair.left if side == "left" else pair.right
        self.current_pair = index
        self.selected = {
            "left": pair.left.index if pair.left else None,
            "right": pair.right.index if pair.right else None,
        }
        self.outline.select_pair(index)
        rows = [r for r in self.sync.rows_of_pair(index) if getattr(self.sync.rows[r], side) is not None]
        if pair.moved and unit is not None and rows:
            y = self.sync.row_tops[rows[0]] - 4
            with self.sync.hold(), self._jump():
                for s in SIDES:
                    self.view(s).scroll_to_y(y)
        self._highlight_selection()
        self._update_actions()

    def changes(self) -> list[tuple[int, int | None]]:
        """Every stop of F7 in order: each differing pair, then each change inside a long pair."""
        if self.comparison is None:
            return []
        if self._changes is None or self._changes[0] is not self.comparison:
            stops: list[tuple[int, int | None]] = []
            for i, pair in enumerate(self.comparison.pairs):
                if not is_difference(pair):
                    continue
                stops.append((i, None))
                unit = pair.left or pair.right
                if unit is None or unit.own_end - unit.start < LONG_PAIR_CHARS or is_rewrite(pair):
                    continue
                edits = [e for e, edit in enumerate(pair.edits) if edit.op != Op.EQUAL]
                stops.extend((i, e) for e in edits[1:] if len(edits) > 1)
            self._changes = (self.comparison, stops)
        return self._changes[1]

    def go_to_difference(self, step: int) -> None:
        """F7 / Shift+F7: the next or previous change, word by word inside long pairs."""
        if self.comparison is None:
            return
        stops = self.changes()
        here = self.current_change
        if here is None and self.current_pair is not None:
            here = (self.current_pair, None)

        def key(stop: tuple[int, int | None]) -> tuple[int, int]:
            return (stop[0], -1 if stop[1] is None else stop[1])

        if here is None:
            candidates = stops if step > 0 else stops[::-1]
        elif step > 0:
            candidates = [s for s in stops if key(s) > key(here)]
        else:
            candidates = [s for s in stops[::-1] if key(s) < key(here)]
        if not candidates:
            self.statusBar().showMessage(self.tr("No more differences"), 3000)
            return
        index, edit = candidates[0]
        if edit is None:
            self.go_to_pair(index)
            return
        self.go_to_pair(index)
        self.current_change = (index, edit)
        chunk = self.comparison.pairs[index].edits[edit]
        y = None
        for side, (start, end) in (("left", chunk.left), ("right", chunk.right)):
            view = self.view(side)
            if end > start:
                view.highlight_found([(start, end)], 0)
                y = view.y_of(start) if y is None else min(y, view.y_of(start))
            else:
                view.highlight_found([], None)
        if y is not None:
            with self.sync.hold(), self._jump():
                for side in SIDES:
                    self.view(side).scroll_to_y(max(0.0, y - self.view(side).viewport().height() / 3))

    def go_to_figure(self, pair_index: int, change: FigureChange) -> None:
        self.go_to_pair(pair_index)
        for side, figure in (("left", change.left), ("right", change.right)):
            if figure is None:
                continue
            view = self.view(side)
            cursor = view.textCursor()
            cursor.setPosition(view.qt_position(figure.start))
            cursor.setPosition(view.qt_position(figure.end), QTextCursor.MoveMode.KeepAnchor)
            with self._jump():
                view.setTextCursor(cursor)
                view.ensureCursorVisible()

    def _highlight_selection(self) -> None:
        for side in SIDES:
            unit = self.unit(side, self.selected[side])
            self.view(side).highlight_unit((unit.start, unit.own_end) if unit else None)
        left, right = self.unit("left", self.selected["left"]), self.unit("right", self.selected["right"])
        if left is None and right is None:
            self.selection_label.setText("")
            return
        text = f"{unit_caption(left, 12).strip()}  ↔  {unit_caption(right, 12).strip()}"
        if self._can_pair():
            text += "   " + self.tr("(Ctrl+P pairs them)")
        self.selection_label.setText(text)

    # -- correcting the machine -------------------------------------------------------------------
    def _can_pair(self) -> bool:
        left, right = self.selected["left"], self.selected["right"]
        if self.comparison is None or left is None or right is None:
            return False
        if not (self._picked["left"] and self._picked["right"]):
            return False  # only units the user chose on both sides since the comparison was shown
        return self._pair_of["left"].get(left) != self._pair_of["right"].get(right) or (
            self._pair_of["left"].get(left) is None
        )

    def _can_unpair(self) -> bool:
        if self.comparison is None or self.current_pair is None:
            return False
        pair = self.comparison.pairs[self.current_pair]
        return pair.left is not None and pair.right is not None

    def pair_selected(self) -> None:
        if self._can_pair():
            self.session.pair(self.selected["left"], self.selected["right"])  # type: ignore[arg-type]

    def unpair_current(self) -> None:
        if self._can_unpair():
            self.session.unpair(self.current_pair)  # type: ignore[arg-type]

    def copy_unit_text(self) -> None:
        focused = "right" if self.view("right").hasFocus() else "left"
        for side in (focused, "right" if focused == "left" else "left"):
            unit = self.unit(side, self.selected[side])
            if unit is not None and self.comparison is not None:
                text = (self.comparison.left if side == "left" else self.comparison.right).text
                QGuiApplication.clipboard().setText(text[unit.start : unit.own_end])
                self.statusBar().showMessage(
                    self.tr("Copied {label}").format(label=unit.label or unit.heading[:12]), 3000
                )
                return

    def _update_actions(self) -> None:
        a, has = self.actions_, self.comparison is not None
        for action in (a.save_report, a.save_json, a.next_diff, a.prev_diff):
            action.setEnabled(has)
        a.pair.setEnabled(self._can_pair())
        a.unpair.setEnabled(self._can_unpair())
        a.copy_unit.setEnabled(
            has and (self.selected["left"] is not None or self.selected["right"] is not None)
        )
        a.swap.setEnabled(any(self.session.documents.values()))
        a.undo.setEnabled(self.session.can_undo())
        a.redo.setEnabled(self.session.can_redo())

    # -- options, view, files -------------------------------------------------------------------
    def _options_changed(self) -> None:
        a = self.actions_
        normalize = next((k for k, act in a.normalize.items() if act.isChecked()), DEFAULT_NORMALIZE)
        show = a.show_normalization_diffs.isChecked()
        self.settings.normalize, self.settings.show_normalization_diffs = normalize, show
        self.session.set_options(CompareOptions(normalize=normalize, show_normalization_diffs=show))

    def _language_chosen(self) -> None:
        """Switch the interface language now: new catalogues, then a fresh window in its place."""
        chosen = next((k for k, act in self.actions_.language.items() if act.isChecked()), "system")
        if chosen == self.settings.language and self._language == resolve_language(chosen):
            return
        self.settings.language = chosen
        app = QCoreApplication.instance()
        if app is not None:
            switch_language(app, resolve_language(chosen))
        QTimer.singleShot(0, self._rebuild)  # not from inside the triggered action itself

    def _rebuild(self) -> None:
        """Replace this window by one built in the current language, showing the same comparison."""
        new = MainWindow(self.context)
        new.restoreGeometry(self.saveGeometry())
        new.restoreState(self.saveState())
        OPEN_WINDOWS.add(new)
        new.destroyed.connect(lambda _obj=None, w=new: OPEN_WINDOWS.discard(w))
        new.session.adopt(self.session)
        if self.isVisible():
            new.show()
        self.replaced.emit(new)
        self._closing_for_rebuild = True
        self.close()  # hidden, not deleted: whoever holds it (the app, a test) lets it go

    def _rewrites_toggled(self, on: bool) -> None:
        self.settings.show_rewrites = on
        if self.comparison is not None:
            self.sync.realign({side: side_marks(self.comparison, side, on) for side in SIDES})
            self._highlight_selection()

    def _find_step(self, direction: int) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.step(direction)

    def show_keys(self) -> None:
        """Help → Keyboard Shortcuts: every key of the window, from the actions themselves."""
        dialog = KeysDialog(self.actions_, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keys_dialog = dialog
        dialog.show()

    def zoom(self, steps: int) -> None:
        """Zoom both panes by ``steps`` points, within the range the settings keep."""
        self.settings.zoom = self.settings.zoom + steps
        for side in SIDES:
            self.view(side).set_zoom(self.settings.zoom)
        self.sync.realign()
        self.update()  # repaint the docks too: nothing of the old size may stay on screen

    def default_output(self, kind: str) -> str:
        left, right = self.session.paths["left"], self.session.paths["right"]
        name = f"{Path(left or 'left').stem}_vs_{Path(right or 'right').stem}.{kind}"
        folder = os.path.dirname(left) if left else (self.settings.last_folder or str(Path.home()))
        return os.path.join(folder, name)

    def save(self, kind: str) -> None:
        if self.comparison is None:
            return
        if kind == "html":
            title, filters = self.tr("Save Report"), self.tr("HTML report (*.html)")
        else:
            title, filters = self.tr("Export JSON"), self.tr("JSON (*.json)")
        path, _ = QFileDialog.getSaveFileName(self, title, self.default_output(kind), filters)
        if path:
            self.session.save(kind, path)

    # -- progress and problems ------------------------------------------------------------------
    def _job_started(self, kind: str) -> None:
        messages = {
            "load-left": self.tr("Reading the left document…"),
            "load-right": self.tr("Reading the right document…"),
            "compare": self.tr("Comparing…"),
            "save": self.tr("Saving…"),
        }
        self.progress.setValue(0)
        self.statusBar().showMessage(messages.get(_kind_name(kind), ""))

    def _busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if not busy:
            self.statusBar().clearMessage()

    def _failed(self, kind: str, message: str, details: str = "") -> None:
        titles = {
            "load-left": self.tr("Cannot open the left document"),
            "load-right": self.tr("Cannot open the right document"),
            "compare": self.tr("Cannot compare the documents"),
            "save": self.tr("Cannot save"),
        }
        title = titles.get(_kind_name(kind), self.tr("Problem"))
        if self.context.interactive:  # not modal to the app: a second problem gets its own box
            box = problem_box(self, title, message, details)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.problem_box = box
        else:
            print(f"policydiff: {title}: {message}", file=sys.stderr)
        self.problem.emit(kind, message)

    def _about(self) -> None:
        from policydiff import __version__

        QMessageBox.about(
            self,
            self.tr("About policydiff"),
            self.tr(
                "policydiff {version}\nCompare two Chinese policy documents: alignment, wording and figures."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_for_rebuild:
            self.session.cancel()
        self.settings.save_window(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        self.settings.sync()
        super().closeEvent(event)


def _kind_name(kind: str) -> str:
    """A job's kind without its number: every save ("save-3") is its own job of kind "save"."""
    return "save" if kind.startswith("save-") else kind


def _reload_both(session: Session) -> None:
    """Reload both sides from disk (Ctrl+R)."""
    for side in SIDES:
        session.reload(side)
