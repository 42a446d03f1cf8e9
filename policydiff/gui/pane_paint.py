"""What a document pane paints over its text: the empty bands facing a unit the other side lacks,
the 改写 badges of rewritten units, and the status gutter beside the text.

Kept apart from ``panes.DocumentView`` (content, layout and input) so each part stays readable; the
functions read the view through its public interface and paint only what is on screen.
May import: PySide6, policydiff.gui.marks/vocabulary, policydiff.model, policydiff.present.palette.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from policydiff.gui.marks import Gutter
from policydiff.gui.vocabulary import qcolour
from policydiff.model import Status
from policydiff.present import palette

if TYPE_CHECKING:
    from policydiff.gui.panes import DocumentView

GUTTER_WIDTH = 7
# The shared palette (policydiff.present.palette): the same colours as the report and the exports.
_GUTTER_SWATCH = {
    Gutter.CHANGED: palette.STATUS[Status.CHANGED],
    Gutter.ADDED: palette.INSERTED,
    Gutter.REMOVED: palette.DELETED,
    Gutter.MOVED: palette.MOVED,
    Gutter.MANUAL: palette.MANUAL,
}
GUTTER_COLORS = {gutter: qcolour(swatch.rule) for gutter, swatch in _GUTTER_SWATCH.items()}
BAND_COLORS = {
    Gutter.ADDED: palette.INSERTED.background.hex,
    Gutter.REMOVED: palette.DELETED.background.hex,
    Gutter.MOVED: palette.MOVED.background.hex,
    Gutter.CHANGED: "#f6f8fa",  # neutral: a changed pair's words carry the marks
    Gutter.MANUAL: "#f6f8fa",
}


@dataclass(frozen=True)
class Band:
    """An empty stretch of a pane facing a unit the other side lacks (document y, pixels)."""

    top: float
    bottom: float
    kind: Gutter  # ADDED / REMOVED (the other side's unit has no counterpart) or MOVED
    note: str = ""  # painted inside the band, e.g. where a moved unit's partner is
    pair: int = -1  # the pair whose unit the band faces


def band_top(band: Band) -> float:
    return band.top


def band_at(bands: list[Band], y: float) -> int | None:
    """Index of the band under document y, if any."""
    i = bisect_right(bands, y, key=band_top) - 1
    if i >= 0 and bands[i].top <= y < bands[i].bottom:
        return i
    return None


class GutterArea(QWidget):
    """The strip left of the text where each block's status colour is painted."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_gutter(self._view, self, event)


def paint_bands(view: DocumentView, painter: QPainter) -> None:
    """The bands on screen, tinted and hatched by kind, with their notes."""
    bands = view.bands
    if not bands:
        return
    dy = view.top_y()
    height = view.viewport().height()
    width = view.viewport().width()
    i = max(0, bisect_right(bands, float(dy), key=band_top) - 1)
    while i < len(bands) and bands[i].top - dy <= height:
        band = bands[i]
        i += 1
        if band.bottom - dy < 0 or band.bottom - band.top < 2:
            continue
        rect = QRectF(0, band.top - dy, width, band.bottom - band.top)
        color = QColor(BAND_COLORS[band.kind])
        painter.fillRect(rect, color)
        color.setAlpha(70)
        painter.fillRect(rect, QBrush(color.darker(130), Qt.BrushStyle.BDiagPattern))
        if band.note:
            painter.setPen(QColor("#57606a") if band.kind != Gutter.MOVED else QColor("#6639ba"))
            painter.drawText(
                rect.adjusted(8, 2, -8, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                band.note,
            )


def paint_badges(view: DocumentView, painter: QPainter, label: str) -> None:
    """The badge ``label`` (改写) of each unit shown as a rewrite, as the report's rows carry it: the
    panes say why a pair is marked as it is. It stands after the text of the unit's first line (or
    its last) where that line leaves room, so it never covers a character; on a unit whose lines
    all fill the pane it takes the right end of the first line."""
    marks = view.marks
    if marks is None or not marks.rewrites:
        return
    to_py = view.text_map.to_py
    first = to_py(view.cursorForPosition(QPoint(0, 0)).position())
    last = to_py(view.cursorForPosition(QPoint(0, view.viewport().height())).position())
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(label) + 10
    height = metrics.height() + 2
    room = view.viewport().width() - 6
    dy = view.top_y()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    start = max(0, bisect_right(marks.rewrites, first) - 1)
    for offset, end in zip(marks.rewrites[start:], marks.rewrite_ends[start:], strict=False):
        if offset > last:
            break
        spot = _badge_spot(view, offset, width, room) or _badge_spot(view, max(offset, end - 1), width, room)
        x, y = spot if spot is not None else (room - width, view.y_of(offset))
        rect = QRectF(x, y - dy + 1, width, height)
        painter.setPen(qcolour(palette.SHARED.rule))  # the report's rewrite badge
        painter.setBrush(qcolour(palette.SHARED.background))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(qcolour(palette.SHARED.ink))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def _badge_spot(view: DocumentView, offset: int, width: float, room: float) -> tuple[float, float] | None:
    """Where a badge ``width`` wide fits after the text of the line holding ``offset``."""
    position = view.qt_position(offset)
    block = view.document().findBlock(position)
    layout = block.layout() if block.isValid() else None
    if layout is None:
        return None
    line = layout.lineForTextPosition(position - block.position())
    if not line.isValid():
        return None
    x = layout.position().x() + line.x() + line.naturalTextWidth() + 8
    if x + width > room:
        return None
    return x, layout.position().y() + line.y()


def paint_gutter(view: DocumentView, area: QWidget, event: QPaintEvent) -> None:
    """Each visible block's first gutter mark as a bar level with its text (padding left out)."""
    painter = QPainter(area)
    painter.fillRect(event.rect(), view.palette().window())
    marks = view.marks
    if marks is None or not marks.gutter:
        return
    to_py = view.text_map.to_py
    dy = view.top_y()
    layout = view.document().documentLayout()
    block = view.document().findBlock(view.cursorForPosition(QPoint(0, 0)).position())
    bottom_limit = event.rect().bottom()
    while block.isValid():
        geometry = layout.blockBoundingRect(block).translated(0, -dy)
        if geometry.top() > bottom_limit:
            break
        if geometry.bottom() >= event.rect().top():
            start = to_py(block.position())
            end = to_py(block.position() + max(1, block.length() - 1))
            kinds = marks.gutter_at(start, end)
            if kinds:
                text_height = geometry.height() - block.blockFormat().bottomMargin()
                painter.fillRect(
                    QRectF(
                        0, geometry.top() + block.blockFormat().topMargin(), GUTTER_WIDTH - 2, text_height
                    ),
                    GUTTER_COLORS[kinds[0]],
                )
        block = block.next()
