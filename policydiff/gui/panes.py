"""One document pane: the text as loaded, its word and figure marks, a status gutter, drops and clicks.

A read-only QPlainTextEdit (it lays out only what is shown, so 1 MB documents stay quick). Marks are
applied as character formats in one batch per comparison; the gutter paints only visible blocks;
the selected unit is the one extra selection. Offsets given to and by this class index the
document's loaded text (Python code points); ``TextMap`` converts them to Qt's UTF-16 positions.
May import: PySide6, policydiff.gui.marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from policydiff.gui.marks import Gutter, Mark, SideMarks

GUTTER_WIDTH = 7
GUTTER_COLORS = {
    Gutter.CHANGED: QColor("#e3a008"),
    Gutter.ADDED: QColor("#2da44e"),
    Gutter.REMOVED: QColor("#cf222e"),
    Gutter.MOVED: QColor("#8250df"),
    Gutter.MANUAL: QColor("#0969da"),
}
SELECTED_UNIT = QColor("#dbeafe")


def mark_formats() -> dict[Mark, QTextCharFormat]:
    """The look of each kind of mark: deleted red + struck, inserted green, figures bold orange."""
    deleted = QTextCharFormat()
    deleted.setBackground(QColor("#ffd7d5"))
    deleted.setForeground(QColor("#82071e"))
    deleted.setFontStrikeOut(True)
    inserted = QTextCharFormat()
    inserted.setBackground(QColor("#ccffd8"))
    inserted.setForeground(QColor("#055d20"))
    figure = QTextCharFormat()
    figure.setFontWeight(QFont.Weight.Bold)
    figure.setForeground(QColor("#b93c00"))
    figure.setBackground(QColor("#ffe2b8"))
    figure.setFontUnderline(True)
    figure.setUnderlineColor(QColor("#f76707"))
    figure.setFontStrikeOut(False)
    return {Mark.DELETED: deleted, Mark.INSERTED: inserted, Mark.FIGURE: figure}


class TextMap:
    """Python code-point offsets ↔ Qt (UTF-16) positions; only characters beyond U+FFFF differ."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._astral_q = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def to_py(self, position: int) -> int:
        return position - bisect_left(self._astral_q, position) if self._astral else position


# what ends a block when Qt takes plain text: newline, paragraph separator, frame marks (a CR would
# too, but display_text turns CRs into spaces)
BLOCK_BREAK = re.compile("[\n\u2029\ufdd0\ufdd1]")


def display_text(text: str) -> str:
    """The loaded text with each character kept in place (a lone CR would otherwise end a block)."""
    return text.replace("\r", " ") if "\r" in text else text


class _GutterArea(QWidget):
    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_gutter(self, event)


class DocumentView(QPlainTextEdit):
    """A read-only pane showing one document with its comparison marks."""

    unitClicked = Signal(int)  # offset in the loaded text
    fileDropped = Signal(str)

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"{side}Pane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._map = TextMap("")
        self._text = ""
        self._block_starts: list[int] | None = None
        self._marks: SideMarks | None = None
        self._formats = mark_formats()
        self._gutter = _GutterArea(self)
        self.setViewportMargins(GUTTER_WIDTH, 0, 0, 0)
        self.updateRequest.connect(self._on_update_request)
        self.extra_actions: list[QAction] = []
        self._base_point_size: float | None = None

    # -- content ------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._map = TextMap(text)
        self._text = text
        self._block_starts = None
        self._marks = None
        self.setExtraSelections([])
        self.setPlainText(display_text(text))

    def apply_marks(self, marks: SideMarks | None) -> None:
        """Replace the word/figure formats and gutter marks in one batch edit."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        if marks is not None:
            to_qt = self._map.to_qt
            for start, end, kind in marks.text_marks:
                cursor.setPosition(to_qt(start))
                cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(self._formats[kind])
        cursor.endEditBlock()
        self._marks = marks
        self.setExtraSelections([])
        self._gutter.update()

    @property
    def marks(self) -> SideMarks | None:
        return self._marks

    def set_zoom(self, steps: int) -> None:
        """Show the text ``steps`` points larger (or smaller) than the font the pane started with.

        Set from the remembered base size rather than by relative zoomIn/zoomOut steps, which Qt
        skips at the smallest size, so "Actual Size" always gives the starting size back.
        """
        if self._base_point_size is None:
            self._base_point_size = self.font().pointSizeF()
        if self._base_point_size <= 0:  # a pixel-sized font: no point size to scale
            return
        font = self.font()
        font.setPointSizeF(max(1.0, self._base_point_size + steps))
        self.setFont(font)

    # -- positions ----------------------------------------------------------------------------
    def qt_position(self, offset: int) -> int:
        return min(self._map.to_qt(offset), max(0, self.document().characterCount() - 1))

    def offset_at_cursor(self) -> int:
        return self._map.to_py(self.textCursor().position())

    def block_starts(self) -> list[int]:
        """Qt position where each block begins, found once per text with a regex, not per lookup.

        Empty if it does not match the document's own block count (then lookups ask Qt).
        """
        if self._block_starts is None:
            starts = [0, *(m.end() for m in BLOCK_BREAK.finditer(self._text))]
            if self._map.to_qt(len(self._text)) != len(self._text):
                starts = [self._map.to_qt(s) for s in starts]
            self._block_starts = starts if len(starts) == self.document().blockCount() else []
        return self._block_starts

    def block_position(self, offset: int) -> float:
        """Fractional block number of ``offset``: the coordinate scroll sync works in.

        A bisect in ``block_starts``; scroll sync asks this for every pair of a comparison, and a
        QTextDocument.findBlock per call took most of a second for a 5 MB document.
        """
        position = self.qt_position(offset)
        starts = self.block_starts()
        if not starts:
            block = self.document().findBlock(position)
            return block.blockNumber() + (position - block.position()) / max(1, block.length())
        number = bisect_right(starts, position) - 1
        end = starts[number + 1] if number + 1 < len(starts) else self.document().characterCount()
        return number + (position - starts[number]) / max(1, end - starts[number])

    def block_positions(self, offsets: list[int]) -> list[float]:
        """``block_position`` of many offsets at once (the anchors of a whole comparison)."""
        starts = self.block_starts()
        if not starts:
            return [self.block_position(offset) for offset in offsets]
        last = max(0, self.document().characterCount() - 1)
        lengths = [max(1, end - start) for start, end in zip(starts, [*starts[1:], last + 1], strict=True)]
        to_qt, out = self._map.to_qt, []
        for offset in offsets:
            position = min(to_qt(offset), last)
            number = bisect_right(starts, position) - 1
            out.append(number + (position - starts[number]) / lengths[number])
        return out

    def top_position(self) -> float:
        line = self.verticalScrollBar().value()
        block = self.document().findBlockByLineNumber(line)
        if not block.isValid():
            return 0.0
        return block.blockNumber() + (line - block.firstLineNumber()) / max(1, block.lineCount())

    def set_top_position(self, position: float) -> None:
        number = max(0, int(position))
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            block = self.document().lastBlock()
        line = block.firstLineNumber() + int(round((position - number) * max(1, block.lineCount())))
        self.verticalScrollBar().setValue(line)

    def show_offset(self, offset: int, select_to: int | None = None) -> None:
        """Put ``offset`` at the top of the pane and the text cursor on it."""
        cursor = self.textCursor()
        cursor.setPosition(self.qt_position(offset))
        self.setTextCursor(cursor)
        self.set_top_position(self.block_position(offset))

    def highlight_unit(self, span: tuple[int, int] | None) -> None:
        if span is None:
            self.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(SELECTED_UNIT)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(span[0]))
        cursor.setPosition(self.qt_position(span[1]), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])

    def visible_text(self) -> str:
        """Text of the blocks currently shown (for tests and accessibility)."""
        parts: list[str] = []
        block = self.firstVisibleBlock()
        height = self.viewport().height()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
            if top > height:
                break
            parts.append(block.text())
            block = block.next()
        return "\n".join(parts)

    # -- gutter -------------------------------------------------------------------------------
    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        contents = self.contentsRect()
        self._gutter.setGeometry(QRect(contents.left(), contents.top(), GUTTER_WIDTH, contents.height()))

    def paint_gutter(self, area: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(area)
        painter.fillRect(event.rect(), self.palette().window())
        marks = self._marks
        if marks is None or not marks.gutter:
            return
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom_limit = event.rect().bottom()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom_limit:
                break
            if block.isVisible() and geometry.bottom() >= event.rect().top():
                start = self._map.to_py(block.position())
                end = self._map.to_py(block.position() + max(1, block.length() - 1))
                kinds = marks.gutter_at(start, end)
                if kinds:
                    painter.fillRect(
                        QRect(0, int(geometry.top()), GUTTER_WIDTH - 2, int(geometry.height())),
                        GUTTER_COLORS[kinds[0]],
                    )
            block = block.next()

    # -- interaction --------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.unitClicked.emit(self.offset_at_cursor())

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        menu: QMenu = self.createStandardContextMenu(event.pos())
        if self.extra_actions:
            menu.addSeparator()
            for action in self.extra_actions:
                menu.addAction(action)
        click = self.cursorForPosition(event.pos())
        if not self.textCursor().hasSelection():
            self.setTextCursor(click)
            self.unitClicked.emit(self.offset_at_cursor())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.fileDropped.emit(urls[0].toLocalFile())
        else:
            event.ignore()


class DocumentPane(QFrame):
    """A header (file name, format, encoding) above a DocumentView."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.header = QLabel(self)
        self.header.setObjectName(f"{side}Header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setContentsMargins(6, 3, 6, 3)
        self.view = DocumentView(side, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        if side == "left":
            self.view.setPlaceholderText(
                self.tr("Drop the older (or higher-level) document here, or press Ctrl+O.")
            )
        else:
            self.view.setPlaceholderText(
                self.tr("Drop the newer (or implementing) document here, or press Ctrl+Shift+O.")
            )
        self.set_header(None)

    def set_header(self, info: str | None) -> None:
        if info is None:
            info = self.tr("Left: no document") if self.side == "left" else self.tr("Right: no document")
        self.header.setText(info)
