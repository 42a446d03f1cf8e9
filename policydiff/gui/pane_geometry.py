"""Where things are in a document pane: the y of a position, the end of the text, the blocks on
screen, and the extra selections that tint a span.

Read-only questions to Qt's layout, kept apart from ``panes.DocumentView`` (content and input).
Positions here are Qt's (UTF-16); the view converts the loaded text's offsets.
May import: PySide6 and the standard library.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit


def content_height(document: QTextDocument) -> float:
    """Bottom of the last block (laid out now; the layout's document size may be an estimate)."""
    bottom = document.documentLayout().blockBoundingRect(document.lastBlock()).bottom()
    return bottom + document.rootFrame().frameFormat().bottomMargin() - document.documentMargin()


def line_top(document: QTextDocument, position: int) -> float:
    """Document y (pixels, padding included) of the top of the line holding Qt ``position``."""
    block = document.findBlock(position)
    if not block.isValid():
        return content_height(document)
    rect = document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
    top = rect.top() + block.blockFormat().topMargin()
    if line is not None and line.isValid():
        top = layout.position().y() + line.y()
    return top


def visible_text(view: QTextEdit, top: int) -> str:
    """Text of the blocks shown in ``view`` scrolled to document y ``top``."""
    parts: list[str] = []
    bottom = top + view.viewport().height()
    document = view.document()
    block = document.findBlock(view.cursorForPosition(QPoint(0, 0)).position())
    layout = document.documentLayout()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom:
            break
        if rect.bottom() >= top:
            parts.append(block.text())
        block = block.next()
    return "\n".join(parts)


def first_visible_text(view: QTextEdit, top: int) -> str:
    """The text of the first block whose top is on screen in ``view`` scrolled to ``top``."""
    document = view.document()
    block = document.findBlock(view.cursorForPosition(QPoint(0, 0)).position())
    layout = document.documentLayout()
    while block.isValid() and layout.blockBoundingRect(block).top() + 1 < top:
        block = block.next()
    return block.text() if block.isValid() else ""


def tint(
    document: QTextDocument, start: int, end: int, colour: QColor, full_width: bool | None = None
) -> QTextEdit.ExtraSelection:
    """An extra selection tinting Qt positions ``start``–``end`` with ``colour``."""
    selection = QTextEdit.ExtraSelection()
    selection.format.setBackground(colour)
    if full_width is not None:
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, full_width)
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    return selection
