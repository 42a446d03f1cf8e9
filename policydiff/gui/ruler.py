"""The overview ruler beside the panes: where every change of the whole comparison is, clickable.

Like WinMerge's location pane or VS Code's overview ruler: the full height of the padded rows is
squeezed into the ruler's height; each row that differs gets a coloured tick (changed, added,
removed, moved; a figure change adds an orange tick at the edge), and the part on screen is
framed. A click or drag scrolls both panes there. Also the legend that names every colour.
May import: PySide6, policydiff.gui.marks/panes/sync, policydiff.model.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from policydiff.gui.marks import Gutter, Mark
from policydiff.gui.panes import BAND_COLORS, GUTTER_COLORS, DocumentView, mark_formats
from policydiff.gui.sync import ScrollSync
from policydiff.model import Status
from policydiff.present import palette

RULER_WIDTH = 16
FIGURE_TICK = QColor(palette.FIGURE.rule.hex)


def row_kind(sync: ScrollSync, row_index: int) -> Gutter | None:
    """What the ruler shows for one row: the status of the pair that opens it."""
    comparison = sync.comparison
    if comparison is None:
        return None
    pair = comparison.pairs[sync.rows[row_index].pair]
    if pair.moved:
        return Gutter.MOVED
    if pair.status == Status.ADDED:
        return Gutter.ADDED
    if pair.status == Status.REMOVED:
        return Gutter.REMOVED
    if pair.status == Status.CHANGED:
        return Gutter.CHANGED
    return None


class OverviewRuler(QWidget):
    """A narrow strip mapping the whole comparison onto its height."""

    def __init__(self, sync: ScrollSync, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewRuler")
        self.sync, self.view = sync, view
        self.setFixedWidth(RULER_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview: every change of the comparison; click to go there"))
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        view.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self.update())
        sync.realigned.connect(self._realigned)
        # the ticks of the rows as last computed, for (comparison, ruler height, total height): a
        # scroll repaints only the frame, not thousands of rows
        self._ticks: tuple[tuple[object, int, float], list[tuple[float, float, Gutter, bool]]] | None = None

    def _realigned(self) -> None:
        self._ticks = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(RULER_WIDTH, 200)

    def _total(self) -> float:
        """Height of the padded documents: known from the rows, so painting never waits for Qt to
        finish laying out a large document."""
        if self.sync.comparison is not None and self.sync.total_height > 0:
            return self.sync.total_height
        bar = self.view.verticalScrollBar()  # no comparison: only the viewport's box is drawn
        return max(1.0, float(bar.maximum() + self.view.viewport().height()))

    def ticks(self) -> list[tuple[float, float, Gutter, bool]]:
        """(top, bottom, kind, figures changed) in ruler pixels for every row that differs."""
        comparison = self.sync.comparison
        if comparison is None:
            return []
        key = (comparison, self.height(), self._total())
        cached = self._ticks
        if cached is None or cached[0][0] is not comparison or cached[0][1:] != key[1:]:
            self._ticks = cached = (key, self._compute_ticks())
        return cached[1]

    def _compute_ticks(self) -> list[tuple[float, float, Gutter, bool]]:
        comparison = self.sync.comparison
        assert comparison is not None
        scale = self.height() / self._total()
        tops = self.sync.row_tops
        out = []
        for i, row in enumerate(self.sync.rows):
            kind = row_kind(self.sync, i)
            figures = comparison.pairs[row.pair].figures_changed > 0
            if kind is None and not figures:
                continue
            bottom = tops[i + 1] if i + 1 < len(tops) else self._total()
            out.append(
                (tops[i] * scale, max(tops[i] * scale + 2, bottom * scale), kind or Gutter.CHANGED, figures)
            )
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f6f8fa"))
        for top, bottom, kind, figures in self.ticks():
            painter.fillRect(QRectF(2, top, self.width() - 6, bottom - top), GUTTER_COLORS[kind])
            if figures:
                painter.fillRect(QRectF(self.width() - 4, top, 4, max(2.0, bottom - top)), FIGURE_TICK)
        scale = self.height() / self._total()
        top = self.view.top_y() * scale
        height = max(4.0, self.view.viewport().height() * scale)
        painter.setPen(QColor(0, 0, 0, 120))
        painter.setBrush(QColor(0, 0, 0, 25))
        painter.drawRect(QRectF(0.5, top, self.width() - 1.0, height))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._go(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go(event.position().y())

    def _go(self, y: float) -> None:
        target = y / max(1, self.height()) * self._total() - self.view.viewport().height() / 2
        self.view.scroll_to_y(max(0.0, target))  # the other pane follows through the sync


class Legend(QWidget):
    """Names every colour and mark of the panes and the ruler."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        formats = mark_formats()
        text_entries = [
            (_background(formats[k].background()), formats[k].foreground().color(), sample, label)
            for k, sample, label in (
                (_mark("DELETED"), self.tr("words"), self.tr("only on the left (deleted)")),
                (_mark("INSERTED"), self.tr("words"), self.tr("only on the right (inserted)")),
                (_mark("FIGURE"), "80亿元", self.tr("a figure that changed")),
                (
                    _mark("SHARED"),
                    self.tr("phrase"),
                    self.tr("shared phrase of a rewrite (pairs under 30% similar)"),
                ),
            )
        ]
        bar_entries = [
            (GUTTER_COLORS[Gutter.CHANGED], self.tr("changed unit (gutter, ruler)")),
            (GUTTER_COLORS[Gutter.ADDED], self.tr("added unit: faces an empty green band")),
            (GUTTER_COLORS[Gutter.REMOVED], self.tr("removed unit: faces an empty red band")),
            (
                GUTTER_COLORS[Gutter.MOVED],
                self.tr("moved unit: click its purple band to jump to the partner"),
            ),
            (GUTTER_COLORS[Gutter.MANUAL], self.tr("paired by hand")),
            (FIGURE_TICK, self.tr("figures changed (ruler edge)")),
        ]
        row = 0
        for background, foreground, sample, label in text_entries:
            swatch = QLabel(sample, self)
            swatch.setStyleSheet(
                f"background:{background.name()}; color:{foreground.name()}; padding:1px 4px;"
                + ("text-decoration: line-through;" if label == text_entries[0][3] else "")
                + (
                    "text-decoration: underline; border-bottom: 1px dotted #0969da;"
                    if sample == self.tr("phrase")
                    else ""
                )
            )
            grid.addWidget(swatch, row, 0)
            grid.addWidget(_wrapping(label, self), row, 1)
            row += 1
        for color, label in bar_entries:
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background:{color.name()};")
            grid.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(_wrapping(label, self), row, 1)
            row += 1
        band = QLabel(self)
        band.setFixedSize(14, 14)
        band.setStyleSheet(f"background:{BAND_COLORS[Gutter.ADDED]}; border:1px solid #ccc;")
        grid.addWidget(band, row, 0, Qt.AlignmentFlag.AlignCenter)
        hatched = self.tr("hatched band: the other side has no counterpart here")
        grid.addWidget(_wrapping(hatched, self), row, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(row + 1, 1)  # entries stay together at the top of a tall dock


def _wrapping(text: str, parent: QWidget) -> QLabel:
    """A legend entry that wraps in a narrow dock instead of widening the window."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _background(brush: QBrush) -> QColor:
    """A format's background colour; white where it has none (Qt reports black then)."""
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else QColor("white")


def _mark(name: str) -> Mark:
    return Mark[name]
