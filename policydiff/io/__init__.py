"""Load a document from disk into the text every later stage indexes.

One entry point, ``load_document``, for txt (any Chinese encoding), html, md, docx, pdf, and the
legacy and other formats: .doc/.wps (Word 97-2003 binary), .rtf, .mht (MIME web archive) and
.ofd (GB/T 33190). It trusts a file's content over its extension, refuses what it cannot read with a one-line
LoadError a user can act on, and never lets another exception, a hang or a huge allocation
through. Files are opened read-only and never written. Each binary format's reader is imported
only when a file of that format arrives, so a plain-text comparison never pays for them.
May import: the standard library, charset_normalizer, python-docx, pypdfium2, olefile, lxml, policydiff.model,
policydiff.errors, policydiff.lang.safetext (never PySide6).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from policydiff.errors import Cancelled, LoadError, LoadReason, ReadRefused
from policydiff.io.limits import MB, LoadLimits
from policydiff.io.readers import Emptiness, Probe, reader_for
from policydiff.io.sniff import sniff
from policydiff.lang.safetext import drop_invalid
from policydiff.model import LoadedDocument

if TYPE_CHECKING:
    from policydiff.io.scan.read import PagesSoFar, Recogniser

__all__ = ["LoadLimits", "load_document"]


DEFAULT_LIMITS = LoadLimits()


def load_document(
    path: str | os.PathLike[str],
    limits: LoadLimits = DEFAULT_LIMITS,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    partial: Callable[[PagesSoFar], None] | None = None,
    recogniser: Recogniser | None = None,
) -> LoadedDocument:
    """Read a document and return its plain text with line endings normalised to ``\\n``.

    Args:
        path: the file to read (txt, html, md, docx, pdf, doc/wps, rtf, mht, ofd; the content decides).
        limits: size limits; the defaults refuse files over 64 MB.
        progress: called with (pages done, pages in all) while scanned pages are recognised (OCR).
        cancelled: polled during OCR; True stops it with Cancelled.
        partial: called after each page OCR reads with the scan's pages read so far (each laid
            out alone), so an app can show them while the rest are read.
        recogniser: reads scanned pages instead of the on-device engine (another engine, a test's).

    Returns:
        The loaded document: format, encoding (None for docx/pdf), text and size on disk.

    Raises:
        LoadError: the file is missing, unreadable, too large, binary, damaged or empty; the
            message is one line naming the file and saying what to do.
    """
    try:
        name = Path(os.fspath(path)).name or os.fspath(path)
    except TypeError as exc:
        raise LoadError(f"{path!r} is not a file path", LoadReason.NOT_A_PATH, path=repr(path)) from exc
    where = os.fspath(path)
    try:
        return _load(Path(where), name, limits, progress, cancelled, partial, recogniser)
    except (LoadError, Cancelled):
        raise
    except ReadRefused as exc:
        raise LoadError(f"{name} {exc}", exc.reason, path=where, part=exc.part, limit=exc.limit) from exc
    except MemoryError as exc:
        raise LoadError(
            f"{name} is too large to load in the memory available; split it first",
            LoadReason.OUT_OF_MEMORY,
            path=where,
        ) from exc
    except RecursionError as exc:
        raise LoadError(
            f"{name} is nested too deeply to read; save it again as plain text",
            LoadReason.TOO_DEEP,
            path=where,
        ) from exc
    except Exception as exc:  # a library failed on a malformed file: still one line for the user
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise LoadError(
            f"{name} could not be read ({detail}); check the file or save it as .txt", path=where
        ) from exc


def _load(
    path: Path,
    name: str,
    limits: LoadLimits,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    partial: Callable[[PagesSoFar], None] | None = None,
    recogniser: Recogniser | None = None,
) -> LoadedDocument:
    size = _check_file(path, name, limits)
    data = _read(path, name, limits)
    kind, what = sniff(data[: limits.sniff_bytes])
    probe = Probe(
        data=data,
        kind=kind,
        what=what,
        ext=path.suffix.lower(),
        limits=limits,
        progress=progress,
        cancelled=cancelled,
        partial=partial,
        recogniser=recogniser,
    )
    result = reader_for(probe).read(probe)
    text, dropped = drop_invalid(result.text)
    notices = result.notices
    if dropped:  # control characters no output (Word, Excel, XML) can carry: gone, and said so
        notices = (*notices, f"{dropped} control character{'s' if dropped > 1 else ''} removed (not text)")
    if not text.strip():
        reason = LoadReason.EMPTY if result.if_empty is Emptiness.EMPTY else LoadReason.NO_TEXT
        raise LoadError(f"{name} {result.if_empty.value}", reason, path=str(path))
    return LoadedDocument(
        path=str(path),
        format=result.format,
        encoding=result.encoding,
        text=text,
        size=size,
        notices=notices,
        ocr=result.ocr,
    )


def _check_file(path: Path, name: str, limits: LoadLimits) -> int:
    """Refuse by metadata alone (missing, folder, device, too large) before reading a byte."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise LoadError(
            f"{name} does not exist; check the path ({path})", LoadReason.MISSING, path=str(path)
        ) from exc
    except PermissionError as exc:
        raise LoadError(
            f"{name} cannot be read (permission denied); check its permissions",
            LoadReason.PERMISSION,
            path=str(path),
        ) from exc
    except (OSError, ValueError) as exc:
        raise LoadError(
            f"{name} cannot be opened ({_reason(exc)}); check the path", LoadReason.UNREADABLE, path=str(path)
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(
            f"{name} is a folder, not a document; choose a file inside it", LoadReason.FOLDER, path=str(path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise _not_a_file(name, path)
    if info.st_size > limits.max_bytes:
        raise LoadError(
            f"{name} is {info.st_size / MB:,.0f} MB, more than the {limits.max_bytes / MB:.0f} MB limit; "
            "split it or compare a shorter version",
            LoadReason.TOO_LARGE,
            path=str(path),
            limit=f"{limits.max_bytes / MB:.0f} MB",
        )
    if info.st_size == 0:
        raise LoadError(f"{name} {Emptiness.EMPTY.value}", LoadReason.EMPTY, path=str(path))
    return info.st_size


_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


def _read(path: Path, name: str, limits: LoadLimits) -> bytes:
    """Read the whole file read-only, never more than the size limit even if it grows meanwhile.

    Opened without blocking and checked again on the open descriptor: a pipe or device swapped
    in after ``_check_file`` is refused instead of blocking the open or the read forever.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
        with open(fd, "rb", closefd=True) as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise _not_a_file(name, path)
            if hasattr(os, "O_NONBLOCK"):
                os.set_blocking(fd, True)
            data = file.read(limits.max_bytes + 1)
    except PermissionError as exc:
        raise LoadError(
            f"{name} cannot be read (permission denied); check its permissions",
            LoadReason.PERMISSION,
            path=str(path),
        ) from exc
    except OSError as exc:
        raise LoadError(
            f"{name} cannot be read ({_reason(exc)}); check the file", LoadReason.UNREADABLE, path=str(path)
        ) from exc
    if len(data) > limits.max_bytes:
        raise LoadError(
            f"{name} is larger than the {limits.max_bytes / MB:.0f} MB limit; split it first",
            LoadReason.TOO_LARGE,
            path=str(path),
            limit=f"{limits.max_bytes / MB:.0f} MB",
        )
    return data


def _not_a_file(name: str, path: Path) -> LoadError:
    return LoadError(
        f"{name} is not a regular file (a device or pipe?); choose a document file",
        LoadReason.NOT_A_FILE,
        path=str(path),
    )


def _reason(exc: BaseException) -> str:
    return " ".join(str(getattr(exc, "strerror", None) or exc).split()) or type(exc).__name__
