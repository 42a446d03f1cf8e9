"""The one-vs-many window (File → 一对多对照): choose a parent and its children, see the matrix.

The run goes through its own background job runner (progress per child, Esc or the button
cancels); the matrix is a table model over the core's Coverage; double-clicking a cell opens that
pair in the main window's side-by-side view. Saving writes the same HTML/JSON/Excel outputs as
``policydiff coverage``.
May import: PySide6, policydiff.gui, and the pure core (lazily where it is heavy).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from policydiff.coverage.matrix import Child, Coverage, Verdict
from policydiff.errors import OutputError
from policydiff.gui.filedialogs import SaveType, ask_save_path, open_filter
from policydiff.gui.jobs import JobKey, JobKind, JobRunner
from policydiff.gui.problems import describe_error, load_error_text, problem_box
from policydiff.gui.vocabulary import verdict_meaning, verdict_text
from policydiff.io.formats import EXTENSIONS
from policydiff.lang.safetext import isolate
from policydiff.present import palette

DOCUMENT_SUFFIXES = EXTENSIONS  # every format the readers take (policydiff.io.formats)
VERDICT_COLOURS = {verdict: swatch.background.hex for verdict, swatch in palette.VERDICT.items()}
TITLE_CHARS = 24  # a column header shows this much of a document's title; the tooltip has it all
OpenPair = Callable[[str, str, int | None], None]  # (parent path, child path, pair index)
_Index = QModelIndex | QPersistentModelIndex


def documents_in(folder: Path, exclude: str = "") -> list[str]:
    """The documents directly inside a folder, by name, leaving out ``exclude`` (the parent)."""
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES and str(path) != exclude:
            found.append(str(path))
    return found


class CoverageSetup(QDialog):
    """Pick the parent document and its children (files, or every document of a folder)."""

    def __init__(
        self, parent: QWidget | None = None, start_folder: str = "", parent_document: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("One Against Many"))
        self._folder = start_folder
        self.parent_edit = QLineEdit(parent_document)  # the open left document is offered as the parent
        self.parent_edit.setObjectName("parentPath")
        choose_parent = QPushButton(self.tr("Choose…"))
        choose_parent.clicked.connect(self._choose_parent)
        self.children_list = QListWidget()
        self.children_list.setObjectName("childrenList")
        add_files = QPushButton(self.tr("Add Files…"))
        add_files.clicked.connect(self._add_files)
        add_folder = QPushButton(self.tr("Add Folder…"))
        add_folder.clicked.connect(self._add_folder)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(
            lambda: [
                self.children_list.takeItem(self.children_list.row(i))
                for i in self.children_list.selectedItems()
            ]
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        parent_row = QHBoxLayout()
        parent_row.addWidget(self.parent_edit, 1)
        parent_row.addWidget(choose_parent)
        child_buttons = QHBoxLayout()
        for button in (add_files, add_folder, remove):
            child_buttons.addWidget(button)
        child_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Parent document (e.g. the province's policy):")))
        layout.addLayout(parent_row)
        layout.addWidget(QLabel(self.tr("Documents that implement it (e.g. each city's):")))
        layout.addWidget(self.children_list, 1)
        layout.addLayout(child_buttons)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def parent_path(self) -> str:
        return self.parent_edit.text().strip()

    def child_paths(self) -> list[str]:
        return [self.children_list.item(i).text() for i in range(self.children_list.count())]

    def add_children(self, paths: list[str]) -> None:
        present = set(self.child_paths())
        for path in paths:
            if path not in present and path != self.parent_path():
                self.children_list.addItem(path)
                present.add(path)

    def _choose_parent(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the Parent Document"), self._folder, open_filter()
        )
        if path:
            self.parent_edit.setText(path)
            self._folder = str(Path(path).parent)

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Documents"), self._folder, open_filter())
        self.add_children(paths)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add Every Document of a Folder"), self._folder
        )
        if folder:
            self.add_children(documents_in(Path(folder), exclude=self.parent_path()))

    def _accept(self) -> None:
        if not self.parent_path() or not self.child_paths():
            QMessageBox.warning(
                self, self.tr("One Against Many"), self.tr("Choose a parent document and at least one other.")
            )
            return
        self.accept()


class CoverageModel(QAbstractTableModel):
    """Rows: the parent's units; columns: the unit, then one per child."""

    def __init__(self, coverage: Coverage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage = coverage

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.coverage.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.coverage.children)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Parent unit")
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{self.coverage.parent_title}\n{Child(self.coverage.parent.path, None).name}".strip()
            return None
        child = self.coverage.children[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section - 1) + "\n" + self.column_counts(section - 1)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full title and the file it came from
            error = load_error_text(child.refusal) if child.refusal is not None else child.error
            return "\n".join(t for t in (child.title, isolate(child.name), error or "") if t)
        return None

    def column_title(self, child_index: int) -> str:
        """A child's column header: its document title (shortened), else its file name."""
        child = self.coverage.children[child_index]
        if child.error is not None:
            return self.tr("{name} (not read)").format(name=isolate(child.name))
        return short_title(child)

    def column_counts(self, child_index: int) -> str:
        """How many parent units got each verdict from this child (照搬 12 细化 3 …)."""
        if self.coverage.children[child_index].error is not None:
            return "—"
        tally = self.coverage.counts(child_index)
        return " ".join(f"{verdict_text(v)} {tally[v]}" for v in Verdict if tally[v])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.coverage.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return "　" * row.unit.depth + f"{row.unit.label} {row.unit.heading[:40]}"
            return None
        cell = row.cells[index.column() - 1]
        child = self.coverage.children[index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return "—"
            units = "、".join(u.label or u.heading[:8] for u in cell.units)
            return f"{verdict_text(cell.verdict)} {units}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return child.error if cell is None else cell.why
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            return QBrush(QColor(VERDICT_COLOURS[cell.verdict]))
        if role == Qt.ItemDataRole.ForegroundRole and cell is not None:
            return QBrush(QColor("#202124"))
        return None


class CoverageWindow(QMainWindow):
    """Runs a coverage build in the background and shows its matrix."""

    def __init__(
        self, open_pair: OpenPair, jobs: JobRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coverageWindow")
        self.setWindowTitle(self.tr("One Against Many"))
        self._open_pair = open_pair
        self.jobs = jobs or JobRunner(parent=self)
        self.coverage: Coverage | None = None
        self.problem_box: QMessageBox | None = None  # the last problem shown
        self.table = QTableView()
        self.table.setObjectName("coverageTable")
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._open_cell)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.legend = QLabel(verdict_legend())  # what each colour means, in the window's words
        self.legend.setObjectName("verdictLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_button.clicked.connect(lambda: self.jobs.cancel(JobKey(JobKind.COVERAGE)))
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        # one bar per child: how much of the parent it implements (部分落实 counts half); in a strip
        # that scrolls sideways, so fifty children never widen the window
        self.child_bars = QWidget()
        self.child_bars.setObjectName("coverageChildBars")
        self.child_bars_layout = QHBoxLayout(self.child_bars)
        self.child_bars_layout.setContentsMargins(0, 0, 0, 0)
        self.child_strip = QScrollArea()
        self.child_strip.setWidget(self.child_bars)
        self.child_strip.setWidgetResizable(True)
        self.child_strip.setFrameShape(QFrame.Shape.NoFrame)
        self.child_strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.child_strip.setVisible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.legend)
        layout.addWidget(self.child_strip)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self.resize(1100, 700)
        self.jobs.progress.connect(self._on_progress)
        self.jobs.cancelled.connect(lambda kind: self._finished(self.tr("Cancelled")))

    def run(self, parent_path: str, child_paths: list[str]) -> int:
        """Start building the matrix of ``parent_path`` against ``child_paths``; returns the job number."""
        from policydiff.coverage.matrix import build_coverage

        total = len(child_paths)
        self.status.setText(self.tr("Comparing with {count} documents…").format(count=total))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.save_button.setEnabled(False)

        def job(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Coverage:
            return build_coverage(
                parent_path,
                child_paths,
                progress=lambda done, name: progress(done / total),
                cancelled=cancelled,
            )

        return self.jobs.submit(JobKey(JobKind.COVERAGE), job, self._built, self._on_error)

    def show_coverage(self, coverage: Coverage) -> None:
        self.coverage = coverage
        self.table.setModel(CoverageModel(coverage, self.table))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 420))
        self._show_child_bars(coverage)
        # each readable child's counts are on its bar (tooltip); the status names what was not read
        notes = [
            self.tr("{name}: not read").format(name=isolate(c.name))
            for c in coverage.children
            if c.error is not None
        ]
        read = sum(1 for c in coverage.children if c.error is None)
        self._finished("；".join([self.tr("Compared with {count} documents").format(count=read), *notes]))
        self.save_button.setEnabled(True)

    def _show_child_bars(self, coverage: Coverage) -> None:
        """A bar per readable child: the share of the parent's units it implements."""
        while self.child_bars_layout.count():
            item = self.child_bars_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for k, child in enumerate(coverage.children):
            if child.error is not None:
                continue
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(100 * coverage.implemented_share(k)))
            bar.setFormat(self.tr("{name}: %p% implemented").format(name=isolate(short_title(child))))
            tally = coverage.counts(k)
            bar.setToolTip(
                f"{isolate(child.name)}: " + " ".join(f"{verdict_text(v)}{tally[v]}" for v in Verdict)
            )
            self.child_bars_layout.addWidget(bar)
        bars = self.child_bars_layout.count()
        self.child_strip.setVisible(bars > 0)
        if bars:
            scroll = self.child_strip.horizontalScrollBar().sizeHint().height()
            self.child_strip.setFixedHeight(self.child_bars.sizeHint().height() + scroll)

    def _on_progress(self, kind: str, fraction: float) -> None:
        if kind == str(JobKey(JobKind.COVERAGE)):
            self.progress.setValue(round(100 * fraction))

    def _built(self, coverage: Coverage) -> None:
        self.progress.setValue(100)
        self.show_coverage(coverage)

    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved {path}").format(path=path))

    def _on_error(self, exc: BaseException) -> None:
        message, details = describe_error(exc)
        self._finished(message)
        box = problem_box(self, self.tr("One Against Many"), message, details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.problem_box = box

    def _finished(self, message: str) -> None:
        self.status.setText(message)
        self.cancel_button.setEnabled(False)

    def _open_cell(self, index: QModelIndex) -> None:
        if self.coverage is None or index.column() == 0:
            return
        child = self.coverage.children[index.column() - 1]
        cell = self.coverage.rows[index.row()].cells[index.column() - 1]
        if child.comparison is None or cell is None:
            return
        self._open_pair(self.coverage.parent.path, child.path, cell.pair_index)

    def _save(self) -> None:
        if self.coverage is None:
            return
        choices = [
            SaveType("html", self.tr("Web page"), ".html"),
            SaveType("xlsx", self.tr("Excel workbook"), ".xlsx"),
            SaveType("json", self.tr("JSON"), ".json"),
        ]
        folder = str(Path(self.coverage.parent.path).parent)
        chosen = ask_save_path(self, self.tr("Save the Matrix"), str(Path(folder) / "coverage"), choices)
        if chosen is not None:
            self.save_to(chosen[0])

    def save_to(self, path: str) -> int | None:
        """Write the matrix in the background as HTML (each child's report beside it), JSON or Excel."""
        if self.coverage is None:
            return None
        coverage = self.coverage
        self.status.setText(self.tr("Saving {path}…").format(path=path))
        return self.jobs.submit(
            JobKey(JobKind.COVERAGE_SAVE),
            lambda progress, cancelled: write_outputs(coverage, path),
            self._saved,
            self._on_error,
            cancellable=False,
        )


def short_title(child: Child) -> str:
    """What names a child in the window: its document title (shortened), else its file name."""
    title = " ".join(child.title.split()) or child.name
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def verdict_legend() -> str:
    """The verdicts as coloured words with what each means, in the window's language (rich text)."""
    from html import escape

    parts = []
    for verdict, swatch in palette.VERDICT.items():
        parts.append(
            f'<span style="background:{swatch.background.hex};color:{swatch.ink.hex};">'
            f"&nbsp;{escape(verdict_text(verdict))}&nbsp;</span>&nbsp;{escape(verdict_meaning(verdict))}"
        )
    return "&nbsp;&nbsp; ".join(parts)


def write_outputs(coverage: Coverage, path: str) -> str:
    """Write the matrix to ``path`` in the form its suffix names (.json, .xlsx, else HTML); returns it.

    The HTML page and its children's reports are rendered first and written as one set.
    """
    from policydiff.render.outputs import write_all, write_atomically

    inputs = (coverage.parent.path, *(c.path for c in coverage.children))
    target = Path(path)
    if target.suffix.lower() == ".json":
        from policydiff.coverage.jsonform import coverage_to_json

        write_atomically(
            target,
            json.dumps(
                coverage_to_json(coverage), ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ),
            inputs,
        )
    elif target.suffix.lower() == ".xlsx":
        from policydiff.coverage.xlsx import coverage_to_xlsx

        write_atomically(target, coverage_to_xlsx(coverage), inputs)
    else:
        from policydiff.coverage.html import render_coverage

        pages = [
            (target.parent / relative, html)
            for relative, html in render_coverage(coverage, target.name).items()
        ]
        for folder in {page.parent for page, _ in pages} - {target.parent}:
            try:
                folder.mkdir(exist_ok=True)
            except OSError as exc:
                raise OutputError(f"cannot make the folder {folder}: {exc.strerror or exc}") from None
        write_all(pages, inputs)
    return str(target)
