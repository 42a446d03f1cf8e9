"""Pay the first comparison's one-time costs while the window waits for the user to pick files.

The core's (imports, the segmenter's dictionary, the OpenCC configuration, compiled patterns) on a
plain thread: a tiny built-in pair is compared and projected onto both sides. Qt's (the CJK font's
faces, shaping, the glyphs of the most frequent characters in every mark's format) on the UI
thread, once the window is shown and idle. Nothing here changes what any comparison shows.
May import: PySide6, the standard library, policydiff.model, policydiff.gui.marks/panes/refill/rows,
policydiff.io._common_chars and the pure core lazily.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from policydiff.model import CompareOptions, LoadedDocument, Side

WARM_TEXT_DELAY_MS = 150  # after the first show: the window is on screen before fonts are warmed
WARM_TEXT_WIDTH = 600
WARM_TEXT_STRIP = 400  # painted strip by strip into one small image
WARM_TEXT_EXTRA = "0123456789.%（）、，。；：“”《》ABCDEFabcdef"  # besides the frequent characters
# A small pair with what the comparison meets in policy texts: headings, numbered articles, both
# scripts, figures with units, dates, percentages and obligations.
WARM_PAIR = (
    "关于支持科技创新的若干措施\n一、总体要求\n1.到2025年，全市研发投入达到800亿元，增长12.5%。\n"
    "2.各部门应当加强协调，按季度报送进展。\n第三条 本办法自2024年1月1日起施行。\n",
    "關於支持科技創新的若干措施\n一、總體要求\n（一）到2027年，全市研發投入達到1000億元，增長15%。\n"
    "（二）各部門必須加強協調，按月報送進展。\n（三）新增人才公寓3000套。\n"
    "第三條 本辦法自2025年3月1日起施行。\n",
)


def warm_up_core(options: CompareOptions) -> None:
    """Compare and project the built-in pair once (imports, dictionary, converters, patterns)."""
    from policydiff.compare.pipeline import compare_documents
    from policydiff.gui.marks import side_marks
    from policydiff.gui.rows import build_rows
    from policydiff.io import load_document  # noqa: F401  (the readers' imports)
    from policydiff.lang.words import ensure_ready

    ensure_ready()
    left, right = (
        LoadedDocument(f"warm-up-{n}.txt", "txt", "utf-8", text) for n, text in enumerate(WARM_PAIR)
    )
    comparison = compare_documents(left, right, options)
    for side in (Side.LEFT, Side.RIGHT):
        side_marks(comparison, side)
    build_rows(comparison)


def start_warm_up(options: CompareOptions | None = None) -> threading.Thread:
    """Warm the core on a daemon thread (it touches no Qt object) and, when an application runs,
    Qt's text rendering on the UI thread shortly after; returns the thread.

    The first comparison simply waits on the segmenter's lock if it comes sooner.
    """
    chosen = options if options is not None else CompareOptions()

    def run() -> None:
        try:
            warm_up_core(chosen)
        except Exception:  # noqa: BLE001 - a failed warm-up only costs the first comparison time
            logging.getLogger("policydiff").warning("warming up the comparison failed", exc_info=True)

    thread = threading.Thread(target=run, name="policydiff-warm-up", daemon=True)
    thread.start()
    if QGuiApplication.instance() is not None:
        QTimer.singleShot(WARM_TEXT_DELAY_MS, lambda: warm_up_text(QGuiApplication.font()))
    return thread


def warm_up_text(font: QFont) -> None:
    """Lay out and paint the most frequent characters once in each mark's format (UI thread).

    Qt loads a face, shapes and rasterises each glyph the first time a pane shows it; done here,
    the first comparison's panes are laid out and painted from warm caches. One format per turn
    of the event loop (some 20 ms each), so the window stays responsive meanwhile.
    """
    from policydiff.gui.panes import mark_formats

    looks = [QTextCharFormat(), *mark_formats().values()]

    def next_look() -> None:
        warm_up_look(font, looks.pop(0))
        if looks:
            QTimer.singleShot(0, next_look)

    next_look()


def warm_up_look(font: QFont, look: QTextCharFormat) -> None:
    """Lay out and paint the frequent characters in ``font`` with ``look`` merged in."""
    from policydiff.gui.refill import force_layout
    from policydiff.io._common_chars import COMMON_CHARS

    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(font)
    QTextCursor(document).insertText("".join(sorted(COMMON_CHARS)) + WARM_TEXT_EXTRA, look)
    document.setTextWidth(WARM_TEXT_WIDTH)
    height = force_layout(document)
    image = QImage(WARM_TEXT_WIDTH, WARM_TEXT_STRIP, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for top in range(0, int(height) + 1, WARM_TEXT_STRIP):  # glyphs outside the clip are skipped
        painter.save()
        painter.translate(0, -top)
        document.drawContents(painter, QRectF(0, top, WARM_TEXT_WIDTH, WARM_TEXT_STRIP))
        painter.restore()
    painter.end()
