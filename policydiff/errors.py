"""Errors a user can act on. Their message is one line, shown as is (CLI stderr or a dialog).

A LoadError also says why, as a LoadReason with the file, the part and the limit concerned, so an
interface can say it in its own language while the command line keeps the English message.
May import: the standard library only.
"""

from __future__ import annotations

from enum import StrEnum


class PolicydiffError(Exception):
    """Base class: the message says what is wrong and what the user can do."""


class LoadReason(StrEnum):
    """Why a document cannot be read (one per kind of advice a user gets)."""

    OTHER = "other"  # a reader library failed in a way nobody foresaw
    NOT_A_PATH = "not-a-path"
    MISSING = "missing"
    FOLDER = "folder"
    NOT_A_FILE = "not-a-file"  # a device, a pipe
    PERMISSION = "permission"
    UNREADABLE = "unreadable"  # the system could not open or read it
    TOO_LARGE = "too-large"  # bytes on disk over the limit
    OUT_OF_MEMORY = "out-of-memory"
    EMPTY = "empty"
    NO_TEXT = "no-text"  # markup only, no page, no text body
    NO_TEXT_LAYER = "no-text-layer"  # a scanned PDF
    OCR_FAILED = "ocr-failed"  # a recognition process died (memory, a broken OCR install)
    NOT_TEXT = "not-text"  # binary data, or a kind of file that is no document
    UNKNOWN_ENCODING = "unknown-encoding"
    UNSUPPORTED = "unsupported"  # a format or version that is not read
    ENCRYPTED = "encrypted"
    DAMAGED = "damaged"  # the file, or its ``part``
    ZIP_BOMB = "zip-bomb"
    UNSAFE_XML = "unsafe-xml"  # DOCTYPE/ENTITY declarations
    TEXT_UNPLACED = "text-unplaced"  # the reader would have lost text
    TOO_MANY_PAGES = "too-many-pages"
    TOO_MANY_UNITS = "too-many-units"
    TOO_COMPLEX = "too-complex"  # more internal parts, objects or characters than the limit
    TOO_DEEP = "too-deep"  # nesting beyond the limit
    TOO_SLOW = "too-slow"


class LoadError(PolicydiffError):
    """An input document cannot be read.

    Args:
        message: the one-line English message (what the command line prints).
        reason: why, for an interface that words it itself.
        path: the file concerned (its name or path).
        part: the part inside the file (a zip member, an OLE stream), when one is named.
        limit: the limit exceeded, formatted for reading ("64 MB", "2,000"), when one applies.
    """

    def __init__(
        self,
        message: str,
        reason: LoadReason = LoadReason.OTHER,
        *,
        path: str = "",
        part: str = "",
        limit: str = "",
    ) -> None:
        super().__init__(message)
        self.reason, self.path, self.part, self.limit = reason, path, part, limit

    def __reduce__(self) -> tuple[object, ...]:  # keeps the reason across processes (pickling)
        return (_load_error, (str(self), self.reason, self.path, self.part, self.limit))


def _load_error(message: str, reason: LoadReason, path: str, part: str, limit: str) -> LoadError:
    return LoadError(message, reason, path=path, part=part, limit=limit)


class ReadRefused(Exception):
    """A format reader refuses a file; the message completes "<name> …" and the reason says why.

    Each reader has its own subclass; the loader turns it into a LoadError naming the file.
    """

    def __init__(self, message: str, reason: LoadReason, *, part: str = "", limit: str = "") -> None:
        super().__init__(message)
        self.reason, self.part, self.limit = reason, part, limit

    def __reduce__(self) -> tuple[object, ...]:
        return (_refused, (type(self), str(self), self.reason, self.part, self.limit))


def _refused(cls: type[ReadRefused], message: str, reason: LoadReason, part: str, limit: str) -> ReadRefused:
    return cls(message, reason, part=part, limit=limit)


class OutputError(PolicydiffError):
    """An output file cannot be written."""


class Cancelled(Exception):
    """The caller asked a running job (a comparison, a coverage run) to stop; not a failure."""
