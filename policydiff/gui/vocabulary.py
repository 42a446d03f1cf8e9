"""The shared vocabulary (policydiff.present: labels and palette) in the window's language and Qt types.

The window names statuses and verdicts and paints marks with the same words and colours as the
report, the Word exports and the spreadsheet; this module only picks the language the window
speaks now and turns colours into QColor.

May import: PySide6, policydiff.gui.i18n, policydiff.model, policydiff.present.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from policydiff.gui import i18n
from policydiff.model import Level, Status, Verdict
from policydiff.present import labels
from policydiff.present.palette import Colour


def language() -> labels.Language:
    """The language the window speaks now (its catalogue is installed), for the shared labels."""
    return "zh" if i18n.active_language() != "en" else "en"


def status_text(status: Status) -> str:
    return labels.STATUS[status](language())


def verdict_text(verdict: Verdict) -> str:
    return labels.VERDICT[verdict](language())


def verdict_meaning(verdict: Verdict) -> str:
    return labels.VERDICT_MEANING[verdict](language())


def level_text(level: Level) -> str:
    return labels.LEVEL[level](language())


def missing_text() -> str:
    """A side without the figure: 无 / none (never a dash, which reads as 一)."""
    return labels.NONE(language())


def qcolour(colour: Colour) -> QColor:
    return QColor(colour.hex)
