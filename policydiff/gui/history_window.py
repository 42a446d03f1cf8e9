"""The history window (File → 版本沿革): choose versions, confirm their order and dates, see the lineages.

The setup dialog takes files chosen or dropped, reads each one's title and date (from its head or
signature) for the user to confirm or correct, and keeps them oldest first (reorderable). The
history is built by the core in the background (progress per step, Esc cancels); the table shows
one row per lineage and one column per version, unchanged versions as one spanned cell, coloured by
mark; a filter keeps the rows changed in a given version or at any time; double-clicking a step
opens that pair of versions in the main window's side-by-side view, at that unit.
May import: PySide6, policydiff.gui, and the pure core (lazily where it is heavy).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from policydiff.gui.coverage_window import DOCUMENT_SUFFIXES
from policydiff.gui.jobs import JobKey, JobKind, JobRunner
from policydiff.gui.problems import describe_error, problem_box
from policydiff.history.model import History, Lineage, Mark
from policydiff.model import Level, Unit
from policydiff.present import palette

OpenPair = Callable[[str, str, int | None], None]  # (older version, newer version, pair index)
PATH_ROLE = Qt.ItemDataRole.UserRole


def mark_name(mark: Mark) -> str:
    """A mark in the interface's language."""
    names = {
        Mark.UNCHANGED: QCoreApplication.translate("HistoryMarks", "unchanged"),
        Mark.RENUMBERED: QCoreApplication.translate("HistoryMarks", "renumbered"),
        Mark.CHANGED: QCoreApplication.translate("HistoryMarks", "changed"),
        Mark.MOVED: QCoreApplication.translate("HistoryMarks", "moved"),
        Mark.MERGED: QCoreApplication.translate("HistoryMarks", "merged"),
        Mark.SPLIT: QCoreApplication.translate("HistoryMarks", "split"),
        Mark.ADDED: QCoreApplication.translate("HistoryMarks", "added"),
        Mark.REMOVED: QCoreApplication.translate("HistoryMarks", "removed"),
    }
    return names[mark]


def unit_name(unit: Unit) -> str:
    """A unit's number as written, or what it is when it has none (序言, 结尾 …)."""
    if unit.label:
        return unit.label
    names = {
        Level.PREAMBLE: QCoreApplication.translate("HistoryMarks", "preamble"),
        Level.EPILOGUE: QCoreApplication.translate("HistoryMarks", "closing"),
        Level.ATTACHMENT: QCoreApplication.translate("HistoryMarks", "attachment"),
    }
    return names.get(unit.level) or unit.heading[:8]


def peek(path: str) -> tuple[str, str]:
    """A version's title and date as read from its text (the date may be ""), for the user to confirm."""
    from policydiff.history.dates import version_date
    from policydiff.io import load_document
    from policydiff.structure.parse import parse_structure

    document = load_document(path)
    tree = parse_structure(document.text)
    return tree.title, version_date(document.text, tree, document.path) or ""


class HistorySetup(QDialog):
    """Choose (or drop) two or more versions, put them oldest first and confirm each one's date."""

    COLUMNS = 3  # file, date (editable), title

    def __init__(self, parent: QWidget | None = None, start_folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Version History"))
        self.setAcceptDrops(True)
        self._folder = start_folder
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("versionsTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Date"), self.tr("Title")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("Oldest first. Double-click a date to correct it."))
        add = QPushButton(self.tr("Add Files…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        up = QPushButton(self.tr("Move Up"))
        up.clicked.connect(lambda: self.move_selected(-1))
        down = QPushButton(self.tr("Move Down"))
        down.clicked.connect(lambda: self.move_selected(1))
        by_date = QPushButton(self.tr("Sort by Date"))
        by_date.clicked.connect(self.sort_by_date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, remove, up, down, by_date):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Versions of one document, oldest first (choose files or drop them here). "
                "The dates are read from each text; check them."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 420)

    # -- what the dialog holds ------------------------------------------------------------------
    def _cell(self, r: int, column: int) -> QTableWidgetItem:
        item = self.table.item(r, column)
        assert item is not None  # add_paths fills every cell of a row
        return item

    def paths(self) -> list[str]:
        return [str(self._cell(r, 0).data(PATH_ROLE)) for r in range(self.table.rowCount())]

    def dates(self) -> list[str | None]:
        return [self._cell(r, 1).text().strip() or None for r in range(self.table.rowCount())]

    def add_paths(self, paths: list[str]) -> None:
        """Add versions (each once), read their titles and dates, and keep them oldest first when known."""
        present = set(self.paths())
        for path in paths:
            if path in present:
                continue
            present.add(path)
            try:
                title, date = peek(path)
            except Exception as exc:  # shown in the row; the build reports it properly if kept
                title, date = self.tr("cannot be read: {why}").format(why=describe_error(exc)[0]), ""
            r = self.table.rowCount()
            self.table.insertRow(r)
            name = QTableWidgetItem(Path(path).name)
            name.setData(PATH_ROLE, path)
            name.setToolTip(path)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            shown_title = QTableWidgetItem(title)
            shown_title.setFlags(shown_title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(date))
            self.table.setItem(r, 2, shown_title)
        if all(self.dates()):
            self.sort_by_date()

    def _take(self, r: int) -> list[QTableWidgetItem]:
        return [self.table.takeItem(r, c) for c in range(self.COLUMNS)]

    def _put(self, r: int, items: list[QTableWidgetItem]) -> None:
        for c, item in enumerate(items):
            self.table.setItem(r, c, item)

    def move_selected(self, by: int) -> None:
        r = self.table.currentRow()
        target = r + by
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        here, there = self._take(r), self._take(target)
        self._put(r, there)
        self._put(target, here)
        self.table.selectRow(target)

    def remove_selected(self) -> None:
        """Remove the selected versions (the current one when the selection is empty)."""
        rows = {i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}
        for r in sorted(rows - {-1}, reverse=True):
            self.table.removeRow(r)

    def sort_by_date(self) -> None:
        """Oldest first by the confirmed dates (undated versions keep their place at the end)."""
        rows = [self._take(r) for r in range(self.table.rowCount())]
        rows.sort(key=lambda items: (not items[1].text().strip(), items[1].text().strip()))
        for r, items in enumerate(rows):
            self._put(r, items)

    # -- files ----------------------------------------------------------------------------------
    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Versions"), self._folder)
        if paths:
            self._folder = str(Path(paths[0]).parent)
            self.add_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        documents = [p for p in paths if Path(p).is_file() and Path(p).suffix.lower() in DOCUMENT_SUFFIXES]
        self.add_paths(documents)
        event.acceptProposedAction()

    def _accept(self) -> None:
        if len(self.paths()) < 2:
            QMessageBox.warning(self, self.tr("Version History"), self.tr("Choose at least two versions."))
            return
        self.accept()


class HistoryWindow(QMainWindow):
    """Builds a history in the background and shows its lineage table."""

    def __init__(
        self, open_pair: OpenPair, jobs: JobRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("Version History"))
        self._open_pair = open_pair
        self.jobs = jobs or JobRunner(parent=self)
        self.history: History | None = None
        self.problem_box: QMessageBox | None = None
        self.table = QTableWidget()
        self.table.setObjectName("lineageTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(self.open_step)
        self.filter = QComboBox()
        self.filter.setObjectName("historyFilter")
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter.currentIndexChanged.connect(self.apply_filter)
        self.timeline = QLabel()
        self.timeline.setObjectName("historyTimeline")
        self.timeline.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_button.clicked.connect(lambda: self.jobs.cancel(JobKey(JobKind.HISTORY)))
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.timeline)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self.resize(1100, 700)
        self.jobs.progress.connect(self._on_progress)
        self.jobs.cancelled.connect(lambda kind: self._finished(self.tr("Cancelled")))

    def run(self, paths: list[str], dates: list[str | None] | None = None) -> int:
        """Start building the history of ``paths`` (oldest first); returns the job number."""
        from policydiff.history.chain import build_history

        self.status.setText(self.tr("Comparing {count} versions…").format(count=len(paths)))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.save_button.setEnabled(False)

        def job(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> History:
            return build_history(
                paths,
                progress=lambda done, total: progress(done / total),
                cancelled=cancelled,
                dates=dates,
            )

        return self.jobs.submit(JobKey(JobKind.HISTORY), job, self._built, self._on_error)

    # -- showing --------------------------------------------------------------------------------
    def show_history(self, history: History) -> None:
        self.history = history
        versions = history.versions
        table = self.table
        table.clear()
        table.setRowCount(len(history.rows))
        table.setColumnCount(1 + len(versions))
        table.setHorizontalHeaderLabels(
            [self.tr("Unit")] + [f"{v.date or ''}\n{v.name}".strip() for v in versions]
        )
        for r, row in enumerate(history.rows):
            heading = QTableWidgetItem("　" * row.last.depth + row.last.heading[:40])
            heading.setToolTip(row.last.heading)
            table.setItem(r, 0, heading)
            self._fill_row(r, row)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 360))
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All units"), None)
        self.filter.addItem(self.tr("Changed at any time"), 0)
        for k in range(1, len(versions)):
            label = versions[k].date or versions[k].name
            self.filter.addItem(self.tr("Changed in version {k} ({label})").format(k=k + 1, label=label), k)
        self.filter.blockSignals(False)
        self.timeline.setText(self._timeline_text(history))
        changed = sum(1 for row in history.rows if row.changed)
        self._finished(
            self.tr("{rows} lineages, {changed} changed at some time").format(
                rows=len(history.rows), changed=changed
            )
        )
        self.save_button.setEnabled(True)
        self.apply_filter()

    def _fill_row(self, r: int, row: Lineage) -> None:
        for first, last in row.spans():
            unit = row.units[first]
            step = row.steps[first - 1] if first > 0 else None
            text = unit_name(unit) if unit is not None else ""
            if step is not None and step.mark != Mark.UNCHANGED:
                text = f"{text} [{mark_name(step.mark)}]".strip()
            item = QTableWidgetItem(text)
            if step is not None:
                item.setBackground(QBrush(QColor(palette.HISTORY[step.mark].background.hex)))
                item.setForeground(QBrush(QColor("#202124")))
                item.setToolTip(self.tr("Double-click to open this step side by side"))
            item.setData(PATH_ROLE, first)
            self.table.setItem(r, 1 + first, item)
            if last > first:
                self.table.setSpan(r, 1 + first, 1, last - first + 1)

    def _timeline_text(self, history: History) -> str:
        lines = []
        for k in range(len(history.comparisons)):
            counts = history.counts(k).marks
            left, right = history.versions[k], history.versions[k + 1]
            tally = "  ".join(f"{mark_name(m)} {n}" for m, n in counts.items() if n)
            lines.append(f"{left.date or left.name} → {right.date or right.name}:  {tally}")
        return "\n".join(lines)

    def apply_filter(self) -> None:
        if self.history is None:
            return
        want = self.filter.currentData()
        shown = 0
        for r, row in enumerate(self.history.rows):
            visible = want is None or (row.changed if want == 0 else row.changed_at(int(want)))
            self.table.setRowHidden(r, not visible)
            shown += visible
        self.status.setText(
            self.tr("{shown} of {rows} lineages shown").format(shown=shown, rows=len(self.history.rows))
        )

    def open_step(self, r: int, column: int) -> None:
        """Open the step into the double-clicked version (its pair) in the side-by-side view."""
        if self.history is None or column < 2:
            return
        row = self.history.rows[r]
        item = self.table.item(r, column)
        version = int(item.data(PATH_ROLE)) if item is not None else column - 1
        if version < 1 or row.steps[version - 1] is None:
            return
        step = row.steps[version - 1]
        assert step is not None
        self._open_pair(
            self.history.versions[version - 1].path, self.history.versions[version].path, step.pair
        )

    # -- jobs -----------------------------------------------------------------------------------
    def _on_progress(self, kind: str, fraction: float) -> None:
        if kind == str(JobKey(JobKind.HISTORY)):
            self.progress.setValue(round(100 * fraction))

    def _built(self, history: History) -> None:
        self.progress.setValue(100)
        self.show_history(history)

    def _on_error(self, exc: BaseException) -> None:
        message, details = describe_error(exc)
        self._finished(message)
        box = problem_box(self, self.tr("Version History"), message, details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.problem_box = box

    def _finished(self, message: str) -> None:
        self.status.setText(message)
        self.cancel_button.setEnabled(False)

    def _save(self) -> None:
        if self.history is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the History"),
            "history.html",
            self.tr("Web page (*.html);;JSON (*.json);;Excel (*.xlsx)"),
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> int | None:
        """Write the history in the background as HTML, JSON or Excel (by the suffix)."""
        if self.history is None:
            return None
        history = self.history
        self.status.setText(self.tr("Saving {path}…").format(path=path))
        return self.jobs.submit(
            JobKey(JobKind.HISTORY_SAVE),
            lambda progress, cancelled: write_outputs(history, path),
            lambda saved: self.status.setText(self.tr("Saved {path}").format(path=saved)),
            self._on_error,
            cancellable=False,
        )


def write_outputs(history: History, path: str) -> str:
    """Write the history to ``path`` in the form its suffix names (.json, .xlsx, else HTML); returns it."""
    from policydiff.render.outputs import write_atomically

    inputs = tuple(v.path for v in history.versions)
    target = Path(path)
    if target.suffix.lower() == ".json":
        from policydiff.history.jsonform import history_to_json

        data = json.dumps(
            history_to_json(history), ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
        write_atomically(target, data, inputs)
    elif target.suffix.lower() == ".xlsx":
        from policydiff.history.xlsx import history_to_xlsx

        write_atomically(target, history_to_xlsx(history), inputs)
    else:
        from policydiff.history.html import render_history

        write_atomically(target, render_history(history), inputs)
    return str(target)
