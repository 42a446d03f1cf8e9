"""Say what went wrong in the interface's language: the core's refusals by reason, the rest as is.

The core's LoadError messages are English one-liners (what the command line prints). The window
words them itself from ``LoadError.reason`` and its file, part and limit, through tr(), and keeps
the English original as the dialog's details, so nothing the core said is lost.
May import: PySide6, policydiff.errors, policydiff.present.problems, the standard library.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from policydiff.errors import LoadError, PolicydiffError
from policydiff.present.problems import LOAD_ERROR_CONTEXT, refusal_text


def load_error_text(exc: LoadError) -> str:
    """The refusal in the interface's language, built from its reason, file, part and limit."""
    return refusal_text(exc, lambda source: QCoreApplication.translate(LOAD_ERROR_CONTEXT, source))


def describe_error(exc: object) -> tuple[str, str]:
    """One line for a dialog, and the details under it (the core's own English words, if any).

    A LoadError is worded from its reason; another of the core's errors comes as it is; the
    app's own words are translated.
    """
    if isinstance(exc, LoadError):
        english = str(exc)
        text = load_error_text(exc)
        return text, english if english != text else ""
    if isinstance(exc, PolicydiffError):
        return str(exc), ""
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Session", "Out of memory; try smaller documents."), ""
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if not exc.filename:
            return reason, ""
        return QCoreApplication.translate("Session", "{file}: {reason}").format(
            file=exc.filename, reason=reason
        ), ""
    return QCoreApplication.translate("Session", "Unexpected problem ({kind}): {text}").format(
        kind=type(exc).__name__, text=exc
    ), ""


def problem_box(parent: QWidget, title: str, message: str, details: str) -> QMessageBox:
    """A warning that does not block: the message, and the details (the core's words) under a button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setObjectName("problemBox")
    return box
