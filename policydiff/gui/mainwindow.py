"""The main window: two document panes, the outline and figure docks, menus, status bar.

It wires user actions to the Session (which runs the core in background jobs) and shows each new
Comparison in every view in one pass. It decides nothing about the documents itself: which units
pair, what changed and which figures differ all come from the Comparison.
May import: PySide6, policydiff.gui.*, policydiff.model, policydiff.present.projection,
policydiff.figures.compare.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
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

from policydiff.gui.context import AppContext
from policydiff.gui.figures_table import FiguresWidget
from policydiff.gui.find import FindBar
from policydiff.gui.i18n import resolve_language
from policydiff.gui.keys import KeysDialog
from policydiff.gui.menus import build_menus
from policydiff.gui.outline import OutlineWidget
from policydiff.gui.panes import DocumentPane, DocumentView
from policydiff.gui.ruler import Legend, OverviewRuler
from policydiff.gui.session import SIDES, Session
from policydiff.gui.sync import ScrollSync
from policydiff.gui.watching import ReloadWatcher
from policydiff.gui.window_actions import UserActions
from policydiff.gui.window_display import Display
from policydiff.gui.window_files import Files
from policydiff.gui.window_navigation import Navigation
from policydiff.model import (
    Comparison,
    Side,
    Unit,
)
from policydiff.present.projection import DISPLAY_RULES

if TYPE_CHECKING:  # imported when first opened (policydiff.gui.window_files): the core loads with them
    from policydiff.coverage.matrix import Coverage
    from policydiff.gui.coverage_window import CoverageWindow
    from policydiff.gui.history_window import HistoryWindow

MIN_PANE_WIDTH = 420  # each document pane keeps this much; a narrower window tabs the outline below
NARROW_WIDTH = 2 * MIN_PANE_WIDTH + 300  # below it the outline joins the figures' tabs at the bottom
FIRST_WINDOW = (1400, 900)  # the first window's size where the screen has room for it


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
        self.files, self.navigation = Files(self), Navigation(self)
        self.editing, self.display = UserActions(self), Display(self)
        self.context = context
        self.settings = context.settings
        self.session = Session(context, self)
        self._coverage_windows: list[CoverageWindow] = []
        self._history_windows: list[HistoryWindow] = []
        # (right path, pair) to go to once the comparison with that document is shown
        self._pending_pair: tuple[str, int] | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("policydiff")
        self.setAcceptDrops(False)
        self.comparison: Comparison | None = None
        self.current_pair: int | None = None
        self.selected: dict[str, int | None] = {Side.LEFT: None, Side.RIGHT: None}
        self._pair_of: dict[Side, dict[int, int]] = {Side.LEFT: {}, Side.RIGHT: {}}
        self._shown_text: dict[str, str | None] = {Side.LEFT: None, Side.RIGHT: None}
        self.timings: dict[str, float] = {}
        self._changes: tuple[Comparison, list[tuple[int, int | None]]] | None = None
        self._closing_for_rebuild = False
        self._jumping = False  # a jump scrolls the panes: the outline keeps the pair jumped to
        self.problem_box: QMessageBox | None = None  # the last problem shown
        self.keys_dialog: KeysDialog | None = None  # Help → Keyboard Shortcuts, while open
        self._language = resolve_language(self.settings.language)

        self.panes = {side: DocumentPane(side, self) for side in SIDES}
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("paneSplitter")
        splitter.setChildrenCollapsible(False)
        for side in SIDES:
            splitter.addWidget(self.panes[side])
        self.sync = ScrollSync(self.view(Side.LEFT), self.view(Side.RIGHT), self)
        self.ruler = OverviewRuler(self.sync, self.view(Side.RIGHT), self)
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
        self._picked = {Side.LEFT: False, Side.RIGHT: False}  # chosen by a click since the last comparison

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
        self._outline_tabbed = False  # moved below on a narrow window (_fit_docks)

        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        self.selection_label = QLabel(self)
        self.selection_label.setWordWrap(True)  # a long pair of headings takes two lines, not the screen
        self.selection_label.setTextFormat(Qt.TextFormat.RichText)  # a group's units are links
        self.selection_label.linkActivated.connect(lambda link: self.navigation.go_to_group_unit(link))
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
        self.editing._update_actions()

    # -- the window's public interface (used by the app, the tests and the other windows) ---------

    def open_file(self, side: Side, path: str) -> None:
        self.files.open_file(side, path)

    def open_coverage(
        self, parent_path: str = "", child_paths: list[str] | None = None
    ) -> CoverageWindow | None:
        return self.files.open_coverage(parent_path, child_paths)

    def show_coverage_window(self, coverage: Coverage, geometry: QByteArray | None = None) -> CoverageWindow:
        return self.files.show_coverage_window(coverage, geometry)

    def open_history(self, paths: list[str] | None = None) -> HistoryWindow | None:
        return self.files.open_history(paths)

    def open_pair(self, left: str, right: str) -> None:
        self.files.open_pair(left, right)

    def unit(self, side: Side, index: int | None) -> Unit | None:
        return self.navigation.unit(side, index)

    def select_at(self, side: Side, offset: int) -> None:
        self.navigation.select_at(side, offset)

    def go_to_pair(self, index: int) -> None:
        self.navigation.go_to_pair(index)

    def band_clicked(self, side: Side, band_index: int) -> None:
        self.navigation.band_clicked(side, band_index)

    def changes(self) -> list[tuple[int, int | None]]:
        return self.navigation.changes()

    def show_keys(self) -> None:
        self.editing.show_keys()

    def zoom(self, steps: int) -> None:
        self.editing.zoom(steps)

    def save(self, kind: str | None = None) -> None:
        self.files.save(kind)

    # -- construction ---------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def view(self, side: Side) -> DocumentView:
        return self.panes[side].view

    def _connect(self) -> None:
        a, s, jobs = self.actions_, self.session, self.context.jobs
        a.open_left.triggered.connect(lambda: self.files.choose_file(Side.LEFT))
        a.open_right.triggered.connect(lambda: self.files.choose_file(Side.RIGHT))
        a.recent_left.aboutToShow.connect(lambda: self.files._fill_recent(a.recent_left, Side.LEFT))
        a.recent_right.aboutToShow.connect(lambda: self.files._fill_recent(a.recent_right, Side.RIGHT))
        a.clear_recent.triggered.connect(self.settings.clear_recent)
        a.swap.triggered.connect(s.swap)
        a.coverage.triggered.connect(self.files.open_coverage)
        a.history.triggered.connect(lambda: self.files.open_history())
        a.reload.triggered.connect(lambda: _reload_both(s))
        a.save_report.triggered.connect(lambda: self.files.save("html"))
        a.save_json.triggered.connect(lambda: self.files.save("json"))
        a.save_as.triggered.connect(lambda: self.files.save(None))
        a.save_redline.triggered.connect(lambda: self.files.save("redline"))
        a.quit.triggered.connect(self.close)
        a.copy_unit.triggered.connect(self.editing.copy_unit_text)
        a.pair.triggered.connect(self.editing.pair_selected)
        a.unpair.triggered.connect(self.editing.unpair_current)
        a.undo.triggered.connect(s.undo)
        a.redo.triggered.connect(s.redo)
        a.find.triggered.connect(self.find_bar.open_bar)
        a.find_next.triggered.connect(lambda: self.editing._find_step(+1))
        a.find_prev.triggered.connect(lambda: self.editing._find_step(-1))
        a.show_rewrites.toggled.connect(self.editing._rewrites_toggled)
        a.legend.toggled.connect(self.legend_dock.setVisible)
        self.legend_dock.visibilityChanged.connect(
            lambda visible: a.legend.setChecked(visible) if not self.isMinimized() else None
        )
        a.keys.triggered.connect(self.editing.show_keys)
        a.recent_pairs.aboutToShow.connect(self.files._fill_recent_pairs)
        a.next_diff.triggered.connect(lambda: self.navigation.go_to_difference(+1))
        a.prev_diff.triggered.connect(lambda: self.navigation.go_to_difference(-1))
        a.zoom_in.triggered.connect(lambda: self.editing.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.editing.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.editing.zoom(-self.settings.zoom))
        for action in a.normalize.values():
            action.triggered.connect(self.editing._options_changed)
        for side_actions in a.scripts.values():
            for action in side_actions.values():
                action.triggered.connect(self.editing._options_changed)
        a.show_normalization_diffs.triggered.connect(self.editing._options_changed)
        a.recompare.triggered.connect(s.recompare)
        a.cancel.triggered.connect(s.cancel)
        self.cancel_button.clicked.connect(s.cancel)
        a.auto_reload.toggled.connect(lambda on: setattr(self.settings, "auto_reload", on))
        for action in a.language.values():
            action.triggered.connect(self.editing._language_chosen)
        a.about.triggered.connect(self.display._about)
        for side in SIDES:
            view = self.view(side)
            view.unitClicked.connect(lambda offset, side=side: self.navigation.select_at(side, offset))
            view.fileDropped.connect(lambda path, side=side: self.files.open_file(side, path))
            view.bandClicked.connect(lambda band, side=side: self.navigation.band_clicked(side, band))
            view.extra_actions = [a.copy_unit, a.pair, a.unpair]
            view.verticalScrollBar().valueChanged.connect(
                lambda _v, side=side: self.navigation._follow_scroll(side)
            )
        self.outline.pairActivated.connect(lambda index: self.navigation.pick_from_outline(index))
        self.figures.figureActivated.connect(self.navigation.go_to_figure)
        s.documentChanged.connect(self.display._document_changed)
        s.reading.connect(self.display._reading)
        s.comparisonChanged.connect(self.display._comparison_changed)
        s.failed.connect(self.display._failed)
        s.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)
        )
        jobs.busyChanged.connect(self.display._busy_changed)
        jobs.progress.connect(lambda kind, f: self.progress.setValue(int(f * 1000)))
        jobs.started.connect(self.display._job_started)
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

    # -- showing a comparison -------------------------------------------------------------------

    # -- selection and navigation ---------------------------------------------------------------

    # -- correcting the machine -------------------------------------------------------------------

    # -- options, view, files -------------------------------------------------------------------

    # -- progress and problems ------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_docks()

    def _fit_docks(self) -> None:
        """Keep both panes readable on a small screen: below NARROW_WIDTH the outline is tabbed with
        the figures at the bottom (docks the user floated are left alone); wider, it returns left."""
        docked = not self.outline_dock.isFloating()
        if self.width() < NARROW_WIDTH and docked and not self._outline_tabbed:
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.outline_dock)
            self.tabifyDockWidget(self.figures_dock, self.outline_dock)
            self.outline_dock.raise_()
            self._outline_tabbed = True
        elif self.width() >= NARROW_WIDTH and self._outline_tabbed and docked:
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
            self.resizeDocks([self.outline_dock], [min(420, self.width() // 4)], Qt.Orientation.Horizontal)
            self._outline_tabbed = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_for_rebuild:
            self.session.cancel()
        self.settings.save_window(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        self.settings.sync()
        super().closeEvent(event)


def _reload_both(session: Session) -> None:
    """Reload both sides from disk (Ctrl+R)."""
    for side in SIDES:
        session.reload(side)
