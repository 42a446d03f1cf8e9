"""One document pane: the text as loaded, its word and figure marks, a status gutter, drops and clicks.

A read-only QTextEdit scrolled by pixels: rows are padded level with the other pane by block
margins, and the empty bands facing a unit the other side lacks are painted over the padding. Marks
are applied as character formats in one batch per comparison; the gutter paints only visible
blocks; the selected unit and find hits are extra selections. Offsets given to and by this class index the
document's loaded text (Python code points); ``TextMap`` converts them to Qt's UTF-16 positions.
May import: PySide6, policydiff.gui.marks/refill.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QRect, QSizeF, Qt, Signal
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
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QTextEdit, QVBoxLayout, QWidget

from policydiff.gui.marks import Mark, SideMarks
from policydiff.gui.pane_geometry import content_height, first_visible_text, line_top, tint, visible_text
from policydiff.gui.pane_paint import (
    BAND_COLORS,
    GUTTER_COLORS,
    GUTTER_WIDTH,
    Band,
    GutterArea,
    band_at,
    paint_badges,
    paint_bands,
)
from policydiff.gui.refill import (
    LayoutLimits,
    Padding,
    font_spans,
    force_layout,
    is_laid_out,
    metric_kinds,
    natural_tops,
    pad_blocks,
    without_layout,
)
from policydiff.gui.vocabulary import qcolour
from policydiff.model import Side
from policydiff.present import palette

__all__ = ["BAND_COLORS", "GUTTER_COLORS", "Band", "DocumentPane", "DocumentView", "TextMap", "mark_formats"]

SELECTED_UNIT = QColor("#dbeafe")
FOUND = QColor("#fff3a3")
FOUND_CURRENT = QColor("#ffb000")


def mark_formats() -> dict[Mark, QTextCharFormat]:
    """The look of each kind of mark: deleted red + struck, inserted green, figures bold orange."""
    deleted = QTextCharFormat()
    deleted.setBackground(qcolour(palette.DELETED.background))
    deleted.setForeground(qcolour(palette.DELETED.ink))
    deleted.setFontStrikeOut(True)
    inserted = QTextCharFormat()
    inserted.setBackground(qcolour(palette.INSERTED.background))
    inserted.setForeground(qcolour(palette.INSERTED.ink))
    figure = QTextCharFormat()
    figure.setFontWeight(QFont.Weight.Bold)
    figure.setForeground(qcolour(palette.FIGURE.ink))
    figure.setBackground(qcolour(palette.FIGURE.background))
    figure.setFontUnderline(True)
    figure.setUnderlineColor(qcolour(palette.FIGURE.rule))
    figure.setFontStrikeOut(False)
    shared = QTextCharFormat()
    shared.setForeground(qcolour(palette.SHARED.ink))
    shared.setFontUnderline(True)
    shared.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    shared.setUnderlineColor(qcolour(palette.SHARED.rule))
    left_out = QTextCharFormat()  # not compared: dimmed, as a page's furniture reads
    left_out.setForeground(qcolour(palette.LEFT_OUT.ink))
    left_out.setBackground(qcolour(palette.LEFT_OUT.background))
    low = QTextCharFormat()  # OCR was unsure of these characters: a dotted violet underline
    low.setFontUnderline(True)
    low.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    low.setUnderlineColor(QColor("#6366f1"))
    return {
        Mark.DELETED: deleted,
        Mark.INSERTED: inserted,
        Mark.FIGURE: figure,
        Mark.SHARED: shared,
        Mark.LEFT_OUT: left_out,
        Mark.OCR_LOW: low,
    }


ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # one character, two UTF-16 units in Qt


class TextMap:
    """Python code-point offsets ↔ Qt (UTF-16) positions; only characters beyond U+FFFF differ."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in ASTRAL.finditer(text)] if not text.isascii() else []
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


class _DropTarget(QTextEdit):
    """A text view that takes a dropped file instead of its text: ``fileDropped`` gives its path."""

    fileDropped = Signal(str)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
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


class DocumentView(_DropTarget):
    """A read-only pane showing one document with its comparison marks.

    Scrolls by pixels, so two panes padded to the same rows stay level at every position: row
    padding is the bottom margin of the last block before a row (``set_padding``).
    """

    unitClicked = Signal(int)  # offset in the loaded text
    bandClicked = Signal(int)  # index of the band clicked (an empty stretch facing a unit)

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"{side}Pane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # always shown, so padding that changes the height never changes the width (and the rows)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # and never a horizontal one (a long URL wraps anywhere), so both viewports stay as tall
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._map = TextMap("")
        self._text = ""
        self._marks: SideMarks | None = None
        self._formats = mark_formats()
        self._gutter = GutterArea(self)
        self._padded: set[int] = set()  # block numbers that carry a padding margin
        self._padding = Padding()
        self._anchors: tuple[list[float], list[int]] = ([], [])
        self._block_starts: list[int] | None = None  # offset where each block begins (Python)
        self._metric = metric_kinds(self._formats)  # marks whose format changes line breaks
        self.limits = LayoutLimits()
        self.bands: list[Band] = []
        self._selection: list[QTextEdit.ExtraSelection] = []
        self._found: list[QTextEdit.ExtraSelection] = []
        self.setViewportMargins(GUTTER_WIDTH, 0, 0, 0)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._gutter.update())
        self.extra_actions: list[QAction] = []
        self._base_point_size: float | None = None

    # -- content ------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._map = TextMap(text)
        self._text = text
        self._block_starts = None
        self._marks = None
        self._padding, self._padded = Padding(), set()  # a new text has no margins (nor frame ones)
        self._anchors = ([], [])
        self.bands = []
        self._selection, self._found = [], []
        self.setExtraSelections([])
        self.setPlainText(display_text(text))

    @property
    def text(self) -> str:
        return self._text

    @property
    def text_map(self) -> TextMap:
        """Offsets in the loaded text ↔ Qt positions in the document shown."""
        return self._map

    def apply_marks(self, marks: SideMarks | None) -> None:
        """Replace the word/figure formats and gutter marks, keeping the padding."""
        self.fill(marks)

    def set_padding(self, margins: dict[int, float], first_top: float, end: float = 0.0) -> None:
        """Give block ``n`` a bottom margin of ``margins[n]`` pixels, ``first_top`` pixels above the
        first block and ``end`` below the last one; earlier padding is cleared."""
        self.fill(self._marks, Padding(dict(margins), first_top, end))

    def fill(
        self,
        marks: SideMarks | None,
        padding: Padding | None = None,
        anchors: tuple[list[float], list[int]] | None = None,
        settle: bool = True,
    ) -> None:
        """Show ``marks`` and ``padding`` (None: keep the padding) in one edit and one layout pass.

        The edit is made while the document has no page size, so Qt does not lay it out there and
        then; it lays it out again from the top, lazily. A small document is then laid out in full
        at once; a large one shows its visible part at once and lays out the rest in the background.
        ``anchors`` are the planned document y and block number of the row starts, so a scroll
        beyond the part laid out so far lays out just enough. ``settle=False`` leaves even a small
        document to Qt's background layout (it runs in the event loop, beside a comparison job).
        """
        document = self.document()
        padding = self._padding if padding is None else padding
        if marks is self._marks and padding == self._padding:  # nothing to change: no new layout
            self._anchors = anchors if anchors is not None else self._anchors
            return
        with without_layout(document):
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            if marks is not self._marks:
                if self._marks is not None and self._marks.text_marks:
                    cursor.select(QTextCursor.SelectionType.Document)
                    cursor.setCharFormat(QTextCharFormat())
                if marks is not None:
                    to_qt = self._map.to_qt
                    for start, end, kind in marks.text_marks:
                        cursor.setPosition(to_qt(start))
                        cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                        cursor.mergeCharFormat(self._formats[kind])
                self._selection, self._found = [], []
            self._padded = pad_blocks(cursor, self._padded, padding)
            cursor.endEditBlock()
        self._marks = marks
        self._padding = padding
        self._anchors = anchors if anchors is not None else ([], [])
        if settle and document.characterCount() <= self.limits.settle_chars:
            self.finish_layout()
        self.setExtraSelections(self._selection + self._found)
        self.viewport().update()
        self._gutter.update()

    def natural_tops(self, numbers: Sequence[int], marks: SideMarks | None) -> tuple[list[float], float]:
        """Where blocks ``numbers`` would start, and where the text would end, without padding and
        with ``marks`` shown (document y); see ``refill.natural_tops``."""
        changed: dict[int, list[tuple[int, int, QTextCharFormat]]] = {}
        if marks is not self._marks:
            old = font_spans(self.document(), self._map.to_qt, self._marks, self._metric)
            new = font_spans(self.document(), self._map.to_qt, marks, self._metric)
            changed = {
                n: [(s, e, self._formats[k]) for s, e, k in new.get(n, [])]
                for n in old.keys() | new.keys()
                if old.get(n) != new.get(n)
            }
        return natural_tops(self.document(), numbers, self._padding, changed)

    def finish_layout(self) -> None:
        """Lay the rest of the document out now and size the scroll bar to it exactly."""
        document = self.document()
        if not is_laid_out(document):
            force_layout(document)
        self._layout_grew(document.lastBlock())

    def lay_out_to(self, y: float) -> None:
        """Lay the document out at least down to document y (by the planned row starts)."""
        ys, numbers = self._anchors
        i = bisect_right(ys, y)
        document = self.document()
        block = document.findBlockByNumber(numbers[i]) if i < len(numbers) else document.lastBlock()
        document.documentLayout().blockBoundingRect(block)
        self._layout_grew(block)

    def _layout_grew(self, block: QTextBlock) -> None:
        """Tell the pane (its scroll bar) that more of the document is laid out now."""
        layout = self.document().documentLayout()
        bottom = layout.blockBoundingRect(block).bottom()
        layout.documentSizeChanged.emit(QSizeF(self.document().pageSize().width(), bottom))

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
        self.document().setDefaultFont(font)
        self.viewport().update()

    # -- positions ----------------------------------------------------------------------------
    def qt_position(self, offset: int) -> int:
        return min(self._map.to_qt(offset), max(0, self.document().characterCount() - 1))

    def offset_at_cursor(self) -> int:
        return self._map.to_py(self.textCursor().position())

    def block_number(self, offset: int) -> int:
        """Number of the block holding ``offset`` (found in the text itself: no call into Qt)."""
        if self._block_starts is None:
            starts = [0, *(m.end() for m in BLOCK_BREAK.finditer(self._text))]
            self._block_starts = starts if len(starts) == self.document().blockCount() else []
        if not self._block_starts:  # the document is not this text (never expected)
            return self.document().findBlock(self.qt_position(offset)).blockNumber()
        return max(0, bisect_right(self._block_starts, offset) - 1)

    def y_of(self, offset: int) -> float:
        """Document y (pixels, padding included) of the top of the line holding ``offset``."""
        return self.y_of_position(self.qt_position(offset))

    def y_of_position(self, position: int) -> float:
        return line_top(self.document(), position)

    def content_height(self) -> float:
        """Bottom of the last block (laid out now; the layout's document size may be an estimate)."""
        return content_height(self.document())

    def top_y(self) -> int:
        return self.verticalScrollBar().value()

    def scroll_to_y(self, y: float) -> None:
        """Scroll to document y, laying the document out that far first if Qt has not yet."""
        bar, target = self.verticalScrollBar(), int(round(y))
        if target > bar.maximum() and not is_laid_out(self.document()):
            self.lay_out_to(target + self.viewport().height())
        bar.setValue(target)

    def show_offset(self, offset: int, select_to: int | None = None) -> None:
        """Put ``offset`` near the top of the pane and the text cursor on it."""
        cursor = self.textCursor()
        cursor.setPosition(self.qt_position(offset))
        if select_to is not None:
            cursor.setPosition(self.qt_position(select_to), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.scroll_to_y(self.y_of(offset) - 4)

    def highlight_unit(self, span: tuple[int, int] | None) -> None:
        self._selection = []
        if span is not None:
            start, end = self.qt_position(span[0]), self.qt_position(span[1])
            self._selection = [tint(self.document(), start, end, SELECTED_UNIT, full_width=False)]
        self.setExtraSelections(self._selection + self._found)

    def highlight_found(self, spans: list[tuple[int, int]], current: int | None) -> None:
        """Tint every find hit, the current one stronger (spans index the loaded text)."""
        self._found = [
            tint(
                self.document(),
                self.qt_position(start),
                self.qt_position(end),
                FOUND_CURRENT if i == current else FOUND,
            )
            for i, (start, end) in enumerate(spans)
        ]
        self.setExtraSelections(self._selection + self._found)

    def visible_text(self) -> str:
        """Text of the blocks currently shown (for tests and accessibility)."""
        return visible_text(self, self.top_y())

    def first_visible_text(self) -> str:
        """The text of the first block whose top is on screen."""
        return first_visible_text(self, self.top_y())

    # -- painting -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        contents = self.contentsRect()
        self._gutter.setGeometry(QRect(contents.left(), contents.top(), GUTTER_WIDTH, contents.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        paint_badges(self, painter, self.tr("rewrite"))
        paint_bands(self, painter)

    def band_at(self, y: float) -> int | None:
        """Index of the band under document y, if any."""
        return band_at(self.bands, y)

    # -- interaction --------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        band = self.band_at(event.position().y() + self.top_y())
        if band is not None:
            self.bandClicked.emit(band)
        else:
            self.unitClicked.emit(self.offset_at_cursor())

    def contextMenuEvent(self, event) -> None:
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


class DocumentPane(QFrame):
    """A header (file name, format, encoding) above a DocumentView."""

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.header = QLabel(self)
        self.header.setObjectName(f"{side}Header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setContentsMargins(6, 3, 6, 3)
        self.header.setWordWrap(True)  # a long name or notice wraps instead of widening the window
        self.view = DocumentView(side, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        if side == Side.LEFT:
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
            info = self.tr("Left: no document") if self.side == Side.LEFT else self.tr("Right: no document")
        self.header.setText(info)
