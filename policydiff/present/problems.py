"""A refusal to read a document, worded for a user from its reason: one table for the window and the terminal.

The core's LoadError carries a LoadReason, the file, the part and the limit. The window words it
through Qt's translation, the command line through the same catalogue read without Qt
(present/catalogue.py); both take the English templates from here, so lupdate collects them once.

May import: the standard library, policydiff.errors, policydiff.lang.safetext.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from policydiff.errors import LoadError, LoadReason
from policydiff.lang.safetext import isolate

LOAD_ERROR_CONTEXT = "LoadError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate collects; typed as str
    """Mark ``text`` for the catalogue of ``context``; it is translated where it is shown."""
    return text


# {name}: the file; {part}: the part inside it; {limit}: the limit exceeded, as the core wrote it
LOAD_TEXTS: dict[LoadReason, str] = {
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
        "{name} has no text layer (a scanned image?); install OCR (pip install 'policydiff[ocr]') "
        "to read it here, or open a text version.",
    ),
    LoadReason.OCR_FAILED: QT_TRANSLATE_NOOP(
        "LoadError",
        "{name}: text recognition stopped (a recognition process ended unexpectedly: out of memory, "
        "or a damaged OCR install); close other programs and try again, or reinstall OCR "
        "(pip install 'policydiff[ocr]').",
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
DAMAGED_PART = QT_TRANSLATE_NOOP(
    "LoadError", "{name} is damaged (in its part {part}); open it and save it again."
)


def refusal_text(exc: LoadError, translate: Callable[[str], str] = lambda source: source) -> str:
    """The refusal built from its reason, file, part and limit, each template passed through ``translate``."""
    name = isolate(os.path.basename(exc.path) or exc.path or "?")  # no bidi control reorders the line
    source = DAMAGED_PART if exc.reason == LoadReason.DAMAGED and exc.part else LOAD_TEXTS[exc.reason]
    return translate(source).format(name=name, part=exc.part, limit=exc.limit or "?")
