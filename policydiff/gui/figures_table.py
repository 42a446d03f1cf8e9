"""The table of compared figures (subject, left, right, change, qualifier): model, filter and view.

Rows come from every pair's ``figures``; sorting uses the numbers, not the displayed text, and is
done by the model itself: one key per row and ``list.sort``, instead of the proxy's generic sort that
asks the model for two cells per comparison (seconds for tens of thousands of figures). Clicking a
row asks the window to show both places.
The line above the table counts changed, added and removed figures apart, and the figures of
wholly added / removed units apart again (policydiff.figures.compare.figure_counts).
May import: PySide6, policydiff.model, policydiff.lang.numerals, policydiff.figures.extract,
policydiff.figures.compare,
policydiff.gui.outline (captions), policydiff.gui.searchfold.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from policydiff.figures.compare import Shift, effective_date, figure_counts, finite_ratio, shift, unit_place
from policydiff.gui.outline import refilter, status_name
from policydiff.gui.searchfold import fold
from policydiff.gui.tables import RowsModel
from policydiff.gui.vocabulary import missing_text
from policydiff.lang.numerals import plain_number
from policydiff.model import Comparison, FigureChange, Pair, Status
from policydiff.present import palette

ROW_ROLE = Qt.ItemDataRole.UserRole + 11


_SHIFT_WORDS = {
    Shift.UNIT: QT_TRANSLATE_NOOP("FigureModel", "other unit"),
    Shift.BASIS: QT_TRANSLATE_NOOP("FigureModel", "other basis"),
    Shift.UPPER: QT_TRANSLATE_NOOP("FigureModel", "upper end moved"),
    Shift.RANGE: QT_TRANSLATE_NOOP("FigureModel", "range changed"),
    Shift.EARLIER: QT_TRANSLATE_NOOP("FigureModel", "earlier"),
    Shift.LATER: QT_TRANSLATE_NOOP("FigureModel", "later"),
    Shift.DATE: QT_TRANSLATE_NOOP("FigureModel", "date changed"),
    Shift.DEADLINE: QT_TRANSLATE_NOOP("FigureModel", "deadline reworded"),
    Shift.QUALIFIER: QT_TRANSLATE_NOOP("FigureModel", "same value, other bound"),
}


def change_text(change: FigureChange) -> str:
    """``+25%`` / ``−10%`` for a changed amount, 提前/推迟 for a date (the report's rule, shift()),
    else the status in words."""
    how = shift(change)
    ratio = finite_ratio(change)
    if effective_date(change):
        return QCoreApplication.translate("FigureModel", "effective date changed")
    if how == Shift.AMOUNT and ratio is not None and ratio != 1:
        percent = (ratio - 1) * 100
        sign = "+" if percent > 0 else "−"
        return f"{sign}{plain_number(abs(percent), digits=1 if abs(percent) >= 1 else 3)}%"
    if how in _SHIFT_WORDS:
        return QCoreApplication.translate("FigureModel", str(_SHIFT_WORDS[how]))
    return status_name(change.status)


class FigureModel(RowsModel):
    """One row per compared figure of the current comparison."""

    UNIT, SUBJECT, LEFT, RIGHT, CHANGE, QUALIFIER = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._places: dict[int, str] = {}
        self._moved_places: dict[int, str] = {}  # id of a moved figure's change → its two places

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._sorted_by = (self.UNIT, Qt.SortOrder.AscendingOrder)  # rows come in reading order
        self._places = {}
        self._moved_places = {}
        if comparison is not None:
            lu, ru = comparison.left.tree.units, comparison.right.tree.units
            for index, pair in enumerate(comparison.pairs):
                if pair.figures:
                    left, right = unit_place(lu, pair.left), unit_place(ru, pair.right)
                    self._places[index] = f"{left or missing_text()} ↔ {right or missing_text()}"
        rows: list[tuple[int, Pair, FigureChange]] = []
        if comparison is not None:
            lu, ru = comparison.left.tree.units, comparison.right.tree.units
            for index, pair in enumerate(comparison.pairs):
                # a figure that moved with a scattered unit's clause is listed once, under that unit
                rows.extend((index, pair, c) for c in pair.figures if c.elsewhere is None or pair.scattered)
                for change in pair.figures:
                    if change.elsewhere is not None and pair.scattered:
                        left = unit_place(lu, pair.left) or unit_place(lu, change.elsewhere)
                        right = unit_place(ru, pair.right) or unit_place(ru, change.elsewhere)
                        self._moved_places[id(change)] = f"{left} ↔ {right}"
        self.set_rows(rows)

    def row(self, row: int) -> tuple[int, Pair, FigureChange]:
        return self._rows[row]

    def sort_key(self, row: int, column: int) -> Any:
        """What ``column`` sorts ``row`` by: values and ratios as numbers, other columns as shown."""
        pair_index, _pair, change = self._rows[row]
        if column == self.UNIT:
            return pair_index
        if column == self.SUBJECT:
            return change.subject  # figures with no subject first, not sorted by the words saying so
        if column == self.LEFT:
            return change.left.value if change.left else float("-inf")
        if column == self.RIGHT:
            return change.right.value if change.right else float("-inf")
        if column == self.CHANGE:
            ratio = finite_ratio(change)
            if ratio is not None:
                return ratio
            return 0.0 if change.status == Status.UNCHANGED else float("inf")
        return self.data(self.index(row, column)) or ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by ``column`` (stable); a column of -1 leaves them as they are.

        QTableView.sortByColumn asks twice (once through the header's signal): the second is free.
        """
        if not 0 <= column < self.columnCount() or not self._rows or self._sorted_by == (column, order):
            return
        self._sorted_by = (column, order)
        keys = [self.sort_key(row, column) for row in range(len(self._rows))]
        order_of = sorted(
            range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutAboutToBeChanged.emit()
        new_row = [0] * len(order_of)
        for new, old in enumerate(order_of):
            new_row[old] = new
        rows = self._rows
        self._rows = [rows[old] for old in order_of]
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Unit"),
            self.tr("Subject"),
            self.tr("Left"),
            self.tr("Right"),
            self.tr("Change"),
            self.tr("Qualifier"),
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        pair_index, pair, change = self._rows[index.row()]
        column = index.column()
        left, right = change.left, change.right
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.UNIT:
                return self._moved_places.get(id(change)) or self._places.get(pair_index, "")
            if column == self.SUBJECT:  # never blank: a reader must know none was found
                return change.subject or QCoreApplication.translate("FigureModel", "(no subject found)")
            if column == self.LEFT:
                return left.text if left else missing_text()
            if column == self.RIGHT:
                return right.text if right else missing_text()
            if column == self.CHANGE:
                return change_text(change)
            if column == self.QUALIFIER:
                lq = left.qualifier.text() if left else ""  # figures.extract's qualifier_text
                rq = right.qualifier.text() if right else ""
                if lq == rq or left is None or right is None:
                    return lq or rq
                return f"{lq or missing_text()} → {rq or missing_text()}"
        elif role == Qt.ItemDataRole.FontRole and change.status != Status.UNCHANGED and column == self.CHANGE:
            font = QFont()
            font.setBold(True)
            return font
        elif (
            role == Qt.ItemDataRole.ForegroundRole
            and change.status != Status.UNCHANGED
            and column == self.CHANGE
        ):
            return QColor(palette.FIGURE.ink.hex)
        elif role == Qt.ItemDataRole.ForegroundRole and column == self.SUBJECT and not change.subject:
            return QColor("#888888")
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (self.LEFT, self.RIGHT, self.CHANGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == ROW_ROLE:
            return index.row()
        return None


class FigureFilter(QSortFilterProxyModel):
    """Changed figures only (optional) and a search over subject and figures."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changed_only = False
        self._search = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The header asks the proxy to sort: let the model reorder its rows (the proxy never sorts)."""
        model = self.sourceModel()
        if isinstance(model, FigureModel):
            model.sort(column, order)

    def set_changed_only(self, on: bool) -> None:
        refilter(self, lambda: setattr(self, "_changed_only", on))

    def set_search(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_search", fold(text.strip())))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FigureModel):
            return True
        _index, _pair, change = model.row(source_row)
        if self._changed_only and change.status == Status.UNCHANGED:
            return False
        if self._search:
            words = fold(
                " ".join([change.subject] + [f.text for f in (change.left, change.right) if f is not None])
            )
            return self._search in words
        return True


class FiguresWidget(QWidget):
    """ "Changed only" switch + search + the sortable table."""

    figureActivated = Signal(int, object)  # pair index, FigureChange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FigureModel(self)
        self.proxy = FigureFilter(self)
        self.proxy.setSourceModel(self.model)
        self.changed_only = QCheckBox(self.tr("Changed figures only"), self)
        self.changed_only.setObjectName("figuresChangedOnly")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search subjects and figures"))
        self.search.setClearButtonEnabled(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("figureCounts")
        self.view = QTableView(self)
        self.view.setObjectName("figures")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FigureModel.UNIT, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 110), (1, 160), (2, 130), (3, 130), (4, 80)):
            self.view.setColumnWidth(column, width)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.changed_only)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        self.changed_only.toggled.connect(self.proxy.set_changed_only)
        self.search.textChanged.connect(self.proxy.set_search)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a new comparison's figures in reading order (= sorted by unit, no sorting pass)."""
        header = self.view.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(FigureModel.UNIT, Qt.SortOrder.AscendingOrder)
        header.blockSignals(blocked)
        self.model.set_comparison(comparison)
        self.counts.setText(self.counts_text(comparison))

    def counts_text(self, comparison: Comparison | None) -> str:
        """Changed, added and removed figures apart; figures of added/removed units apart again."""
        if comparison is None:
            return ""
        c = figure_counts(comparison.pairs)
        return self.tr(
            "Figures: {changed} changed · {added} added · {removed} removed · "
            "{in_added} in added units · {in_removed} in removed units"
        ).format(
            changed=c.changed,
            added=c.added,
            removed=c.removed,
            in_added=c.in_added_units,
            in_removed=c.in_removed_units,
        )

    def visible_rows(self) -> list[tuple[int, FigureChange]]:
        rows = []
        for r in range(self.proxy.rowCount()):
            pair_index, _pair, change = self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            rows.append((pair_index, change))
        return rows

    def activate_row(self, row: int) -> None:
        """Act as if the user clicked the ``row``-th visible row."""
        index = self.proxy.index(row, 0)
        self.view.setCurrentIndex(index)
        self._on_clicked(index)

    def _on_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        pair_index, _pair, change = self.model.row(self.proxy.mapToSource(index).row())
        self.figureActivated.emit(pair_index, change)
