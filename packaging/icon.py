"""Draw the fallback application icon (two pages side by side, changed lines marked) as a PNG.

Used by build.py only when resources/ ships no icon.png. Shapes only, no text, so no font is needed.
Usage: python packaging/icon.py OUT.png [SIZE]   (runs on Qt's offscreen platform)
"""

from __future__ import annotations

import os
import sys


def draw_icon(out: str, size: int = 256) -> None:
    """Paint the icon at ``size`` × ``size`` pixels and save it as PNG to ``out``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5fa8"))
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    lines = [(0, None), (1, None), (2, "#e0a100"), (3, None), (4, "#d64545"), (5, None)]
    for page_x, marks_right in ((34, False), (134, True)):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(QRectF(page_x * s, 40 * s, 88 * s, 176 * s), 10 * s, 10 * s)
        for row, colour in lines:
            y = (64 + row * 24) * s
            width = (64 if row % 3 != 2 else 48) * s
            if colour and marks_right:
                colour = "#2e9e5b" if row == 4 else colour
            painter.setPen(
                QPen(QColor(colour or "#9fb3c8"), 9 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawLine(int((page_x + 12) * s), int(y), int((page_x + 12) * s + width), int(y))
    painter.end()
    if not image.save(out, "PNG"):
        raise SystemExit(f"icon: could not write {out}")


if __name__ == "__main__":
    draw_icon(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 256)
