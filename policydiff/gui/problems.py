"""Say what went wrong in the interface's language: the core's refusals by reason, the rest as is.

The core's LoadError messages are English one-liners (what the command line prints). The window
words them itself from ``LoadError.reason`` and its file, part and limit, through tr(), and keeps
the English original as the dialog's details, so nothing the core said is lost.
May import: PySide6, policydiff.errors, policydiff.safetext, the standard library.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from policydiff.errors import LoadError, LoadReason, PolicydiffError
from policydiff.safetext import isolate

_CONTEXT = "LoadError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate collects; typed as str
    """Mark ``text`` for the catalogue of ``context``; it is translated where it is shown."""
    return text


# {name}: the file; {part}: the part inside it; {limit}: the limit exceeded, as the core wrote it
_LOAD_TEXTS: dict[LoadReason, str] = {
    LoadReason.OTHER: QT_TRANSLATE_NOOP(
        "LoadError", "{name} could not be read; check the file or save it as .txt."
    ),
    LoadReason.NOT_A_PATH: QT_TRANSLATE_NOOP("LoadError", "{name} is not a file path."),
    LoadReason.MISSING: QT_TRANSLATE_NOOP("LoadError", "{name} does not exist; check the path."),
    LoadReason.FOLDER: QT_TRANSLATE_NOOP(
        "LoadError", "{name} is a folder, not a document; choose a file inside it."
    ),
    LoadReason.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "LoadError", "{name} is not a regular file (a device or pipe?); choose a document file."
    ),
    LoadReason.PERMISSION: QT_TRANSLATE_NOOP(
        "LoadError", "{name} cannot be read: permission denied; check its permissions."
    ),
    LoadReason.UNREADABLE: QT_TRANSLATE_NOOP("LoadError", "{name} cannot be opened or read; check the file."),
    LoadReason.TOO_LARGE: QT_TRANSLATE_NOOP(
        "LoadError", "{name} is larger than the {limit} limit; split it or compare a shorter version."
    ),
    LoadReason.OUT_OF_MEMORY: QT_TRANSLATE_NOOP(
        "LoadError", "{name} is too large to load in the memory available; split it first."
    ),
    LoadReason.EMPTY: QT_TRANSLATE_NOOP("LoadError", "{name} is empty; choose a file with text in it."),
    LoadReason.NO_TEXT: QT_TRANSLATE_NOOP(
        "LoadError", "{name} has no readable text; open it in its program and save it as text."
    ),
    LoadReason.NO_TEXT_LAYER: QT_TRANSLATE_NOOP(
        "LoadError",
        "{name} has no text layer (a scanned image?); run OCR on it first or open a text version.",
    ),
    LoadReason.NOT_TEXT: QT_TRANSLATE_NOOP(
        "LoadError",
        "{name} is not a text document; open a txt, html, md, docx, odt, pdf, doc, rtf, mht or ofd file.",
    ),
    LoadReason.UNKNOWN_ENCODING: QT_TRANSLATE_NOOP(
        "LoadError", "The encoding of {name} is not recognised; save it again as UTF-8 text."
    ),
    LoadReason.UNSUPPORTED: QT_TRANSLATE_NOOP(
        "LoadError",
        "{name} is in a format or version that is not read; open it in its program and save it as .docx.",
    ),
    LoadReason.ENCRYPTED: QT_TRANSLATE_NOOP(
        "LoadError", "{name} is password-protected; remove the password and try again."
    ),
    LoadReason.DAMAGED: QT_TRANSLATE_NOOP("LoadError", "{name} is damaged; open it and save it again."),
    LoadReason.ZIP_BOMB: QT_TRANSLATE_NOOP(
        "LoadError", "{name} would unpack to far more than it holds (a zip bomb?), so it is not opened."
    ),
    LoadReason.UNSAFE_XML: QT_TRANSLATE_NOOP(
        "LoadError",
        "{name} contains XML declarations that document programs never write; "
        "save it again from the program that made it.",
    ),
    LoadReason.TEXT_UNPLACED: QT_TRANSLATE_NOOP(
        "LoadError", "{name} has text this reader could not place; save it again, or save it as .txt."
    ),
    LoadReason.TOO_MANY_PAGES: QT_TRANSLATE_NOOP(
        "LoadError", "{name} has more pages than the limit of {limit}; split it."
    ),
    LoadReason.TOO_MANY_UNITS: QT_TRANSLATE_NOOP(
        "LoadError",
        "{name} has more units than the {limit} one comparison can hold; "
        "split it into parts and compare those.",
    ),
    LoadReason.TOO_COMPLEX: QT_TRANSLATE_NOOP(
        "LoadError", "{name} holds more than this reader's limit ({limit}); save it again or split it."
    ),
    LoadReason.TOO_DEEP: QT_TRANSLATE_NOOP(
        "LoadError", "{name} is nested too deeply to read; save it again as plain text."
    ),
    LoadReason.TOO_SLOW: QT_TRANSLATE_NOOP(
        "LoadError", "{name} takes longer than {limit} to read; save it again or split it."
    ),
}
_DAMAGED_PART = QT_TRANSLATE_NOOP(
    "LoadError", "{name} is damaged (in its part {part}); open it and save it again."
)


def load_error_text(exc: LoadError) -> str:
    """The refusal in the interface's language, built from its reason, file, part and limit."""
    name = isolate(os.path.basename(exc.path) or exc.path or "?")
    source = _DAMAGED_PART if exc.reason == LoadReason.DAMAGED and exc.part else _LOAD_TEXTS[exc.reason]
    text = QCoreApplication.translate(_CONTEXT, source)
    return text.format(name=name, part=exc.part, limit=exc.limit or "?")


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
