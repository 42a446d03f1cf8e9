"""The outline of aligned pairs (label ↔ label, status, similarity, figures): model, filter and view.

A flat table model over ``Comparison.pairs`` in reading order (indentation shows depth), a proxy that
filters by status and a search text, and a small widget putting them together. Selecting a row asks
the window to show that pair; the window tells the outline which pair is current.
May import: PySide6, policydiff.model, policydiff.gui.searchfold/tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from policydiff.gui.searchfold import fold
from policydiff.gui.tables import RowsModel
from policydiff.gui.vocabulary import level_text, qcolour, status_text
from policydiff.model import Comparison, Direction, Level, Pair, Status, Unit
from policydiff.present import palette
from policydiff.present.change_notes import change_notes
from policydiff.present.differences import is_difference

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLORS = {
    status: qcolour(palette.STATUS[status].background) for status in Status if status != Status.UNCHANGED
}

FILTERS = (
    "all", "differences", "changed", "added", "removed", "moved", "figures",
    "obligations", "owners", "references", "manual",
)  # fmt: skip
SEARCH_DELAY_MS = 150  # the outline is filtered once typing pauses, not on every keystroke


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply ``change`` to a proxy's filter criteria and re-run the row filter (any Qt 6)."""
    if hasattr(proxy, "beginFilterChange"):  # Qt 6.9+: invalidateRowsFilter is deprecated
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()


def level_name(level: Level) -> str:
    return level_text(level)


def status_name(status: Status) -> str:
    return status_text(status)


def unit_caption(unit: Unit | None, width: int = 18) -> str:
    """``一、 扩大有效投资政策`` with the heading cut to ``width`` characters; "—" for no unit."""
    if unit is None:
        return "—"
    label = unit.label or f"[{level_name(unit.level)}]"
    heading = unit.heading.strip()
    if len(heading) > width:
        heading = heading[: width - 1] + "…"
    return ("  " * unit.depth + f"{label} {heading}").rstrip()


def _also(units: tuple[Unit, ...]) -> str:
    """The further units of a merge or split, after the pair's own: `` + 第三条、第六条``."""
    return (" + " + "、".join(u.label or u.heading[:6] for u in units)) if units else ""


class PairModel(RowsModel):
    """One row per pair of the current comparison, in reading order."""

    LEFT, RIGHT, STATUS, SIMILARITY, FIGURES = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] | None = None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._words = None
        self.set_rows(comparison.pairs if comparison is not None else ())

    def pair(self, row: int) -> Pair:
        return self._rows[row]

    def words(self, row: int) -> str:
        """The labels and headings of a row in lower case, as searched (built once per comparison)."""
        if self._words is None:
            self._words = [
                fold(" ".join(f"{u.label} {u.heading}" for u in (p.left, p.right) if u is not None))
                for p in self._rows
            ]
        return self._words[row]

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Left"),
            self.tr("Right"),
            self.tr("Status"),
            self.tr("Similarity"),
            self.tr("Figures"),
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        pair = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LEFT:
                return unit_caption(pair.left) + _also(pair.also_left)
            if column == self.RIGHT:
                return unit_caption(pair.right) + _also(pair.also_right)
            if column == self.STATUS:
                text = status_name(pair.status)
                if pair.moved:
                    text += " · " + self.tr("moved")
                if pair.manual:
                    text += " · " + self.tr("manual")
                if pair.scattered:
                    text += " · " + self.tr("scattered")
                if any(o.direction == Direction.STRICTER for o in pair.obligations):
                    text += " · " + self.tr("stricter")
                if any(o.direction == Direction.LOOSER for o in pair.obligations):
                    text += " · " + self.tr("looser")
                if pair.responsible is not None and pair.responsible.changed:
                    text += " · " + self.tr("owners")
                if pair.references:
                    text += " · " + self.tr("reference")
                return text
            if column == self.SIMILARITY:
                return f"{pair.similarity:.0%}" if pair.left and pair.right else ""
            if column == self.FIGURES:
                return str(pair.figures_changed) if pair.figures_changed else ""
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS:
            return "\n".join(note.detail or note.text for note in change_notes(pair)) or None
        elif role == Qt.ItemDataRole.ToolTipRole and column in (self.LEFT, self.RIGHT):
            units = pair.left_units if column == self.LEFT else pair.right_units
            return "\n".join(f"{u.label} {u.heading}" for u in units) or None
        elif role == Qt.ItemDataRole.BackgroundRole:
            if pair.moved and pair.status == Status.UNCHANGED:
                return qcolour(palette.MOVED.background)
            return STATUS_COLORS.get(pair.status)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SIMILARITY, self.FIGURES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == PAIR_ROLE:
            return index.row()
        return None


class PairFilter(QSortFilterProxyModel):
    """Keeps the rows of one kind of difference whose labels or headings contain the search text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._mode = "all"
        self._search = ""

    def set_mode(self, mode: str) -> None:
        refilter(self, lambda: setattr(self, "_mode", mode if mode in FILTERS else "all"))

    def set_search(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_search", fold(text.strip())))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PairModel):
            return True
        pair = model.pair(source_row)
        mode = self._mode
        if mode == "differences" and not is_difference(pair):
            return False
        if mode in ("changed", "added", "removed") and pair.status != Status(mode):
            return False
        if mode == "moved" and not pair.moved:
            return False
        if mode == "figures" and not pair.figures_changed:
            return False
        if mode == "manual" and not pair.manual:
            return False
        if mode == "obligations" and not pair.obligations:
            return False
        if mode == "owners" and not (pair.responsible is not None and pair.responsible.changed):
            return False
        if mode == "references" and not pair.references:
            return False
        if self._search:
            return self._search in model.words(source_row)
        return True


class OutlineWidget(QWidget):
    """Filter box + search field + the pair list."""

    pairActivated = Signal(int)  # index into Comparison.pairs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PairModel(self)
        self.proxy = PairFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QComboBox(self)
        self.filter_box.setObjectName("outlineFilter")
        labels = {
            "all": self.tr("All units"),
            "differences": self.tr("Differences"),
            "changed": self.tr("Changed"),
            "added": self.tr("Added"),
            "removed": self.tr("Removed"),
            "moved": self.tr("Moved"),
            "figures": self.tr("Figures changed"),
            "obligations": self.tr("Duty got stricter or looser"),
            "owners": self.tr("Responsible units changed"),
            "references": self.tr("Stale cross-references"),
            "manual": self.tr("Paired by hand"),
        }
        for key in FILTERS:
            self.filter_box.addItem(labels[key], key)
        self.search = QLineEdit(self)
        self.search.setObjectName("outlineSearch")
        self.search.setPlaceholderText(self.tr("Search labels and headings"))
        self.search.setClearButtonEnabled(True)
        self.view = QTreeView(self)
        self.view.setObjectName("outline")
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setModel(self.proxy)
        self.view.header().setStretchLastSection(False)
        self.view.setColumnWidth(PairModel.LEFT, 140)
        self.view.setColumnWidth(PairModel.RIGHT, 140)
        self.view.setColumnWidth(PairModel.STATUS, 80)
        self.view.setColumnWidth(PairModel.SIMILARITY, 46)
        self.view.setColumnWidth(PairModel.FIGURES, 36)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_box)
        top.addWidget(self.search, 1)
        self.empty_note = QLabel(self)  # a filter or search that matches nothing says so
        self.empty_note.setObjectName("outlineEmpty")
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.view, 1)
        self._quiet = False
        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(lambda *_args: self._update_empty_note())
        self.filter_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_mode(self.filter_box.currentData())
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._quiet = True
        try:
            self.model.set_comparison(comparison)
        finally:
            self._quiet = False
        self._update_empty_note()

    def _update_empty_note(self) -> None:
        """Pairs exist but the filter or the search shows none: say so instead of an empty list."""
        hidden_all = self.model.rowCount() > 0 and self.proxy.rowCount() == 0
        if hidden_all:
            if self.search.text().strip():
                note = self.tr("No unit matches “{text}” under this filter.").format(
                    text=self.search.text().strip()
                )
            else:
                note = self.tr("No unit of this kind: the documents have no such difference.")
            self.empty_note.setText(note)
        self.empty_note.setVisible(hidden_all)

    def apply_search(self) -> None:
        """Filter by the search box now (called when typing pauses)."""
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())

    def set_filter(self, mode: str) -> None:
        self.filter_box.setCurrentIndex(max(0, FILTERS.index(mode) if mode in FILTERS else 0))

    def visible_pairs(self) -> list[int]:
        """Pair indexes of the rows shown, top to bottom."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]

    def select_pair(self, pair_index: int | None) -> None:
        """Make ``pair_index`` the current row without announcing it again."""
        self._quiet = True
        try:
            if pair_index is None or pair_index >= self.model.rowCount():
                self.view.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(pair_index, 0))
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
        finally:
            self._quiet = False

    def current_pair(self) -> int | None:
        """The pair of the outline's current row (None without one)."""
        current = self.view.selectionModel().currentIndex()
        return self.proxy.mapToSource(current).row() if current.isValid() else None

    def follow(self, pair_index: int) -> None:
        """Make the row of ``pair_index`` current as the panes scroll, without announcing it.

        A pair the filter hides gives way to the nearest shown pair above it, so the outline
        still says where the reader is.
        """
        shown = pair_index
        while shown >= 0 and not self.proxy.mapFromSource(self.model.index(shown, 0)).isValid():
            shown -= 1
        if shown >= 0 and shown != self.current_pair():
            self.select_pair(shown)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.pairActivated.emit(self.proxy.mapToSource(current).row())
