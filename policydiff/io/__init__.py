"""Load a document from disk into the text every later stage indexes.

One entry point, ``load_document``, for txt (any Chinese encoding), html, md, docx, pdf, and the
legacy and other formats: .doc/.wps (Word 97-2003 binary), .rtf, .mht (MIME web archive) and
.ofd (GB/T 33190). It trusts a file's content over its extension, refuses what it cannot read with a one-line
LoadError a user can act on, and never lets another exception, a hang or a huge allocation
through. Files are opened read-only and never written. Each binary format's reader is imported
only when a file of that format arrives, so a plain-text comparison never pays for them.
May import: the standard library, charset_normalizer, python-docx, pypdfium2, olefile, lxml, policydiff.model,
policydiff.errors, policydiff.safetext (never PySide6).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from policydiff.errors import LoadError, LoadReason, ReadRefused
from policydiff.io.htmltext import HtmlRefused, has_front_matter, html_to_text, looks_like_html
from policydiff.io.limits import MB, LoadLimits
from policydiff.io.mdtext import md_to_text
from policydiff.io.sniff import Kind, sniff
from policydiff.io.text import NotText, decode, normalize_text
from policydiff.model import LoadedDocument
from policydiff.safetext import drop_invalid

__all__ = ["LoadLimits", "load_document"]

_HTML_EXTS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MHT_EXTS = frozenset({".mht", ".mhtml"})
_MD_EXTS = frozenset({".md", ".markdown", ".mdown"})
_EMPTY = "is empty; choose a file with text in it"
_OPEN_OTHER = "open a txt, html, md, docx, odt, pdf, doc, rtf, mht or ofd file"
_EMPTY_PAGE = "has no readable text, only markup; open it in a browser and save it as text"


DEFAULT_LIMITS = LoadLimits()


def load_document(path: str | os.PathLike[str], limits: LoadLimits = DEFAULT_LIMITS) -> LoadedDocument:
    """Read a document and return its plain text with line endings normalised to ``\\n``.

    Args:
        path: the file to read (txt, html, md, docx, pdf, doc/wps, rtf, mht, ofd; the content decides).
        limits: size limits; the defaults refuse files over 64 MB.

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
        return _load(Path(where), name, limits)
    except LoadError:
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


def _load(path: Path, name: str, limits: LoadLimits) -> LoadedDocument:
    size = _check_file(path, name, limits)
    data = _read(path, name, limits)
    kind, what = sniff(data[: limits.sniff_bytes])
    ext = path.suffix.lower()

    if kind == Kind.PDF:
        from policydiff.io.pdftext import PdfRefused, read_pdf

        try:
            text, notices = read_pdf(data, limits)
        except PdfRefused as exc:
            raise _refused(name, path, exc) from exc
        return _document(path, name, "pdf", None, normalize_text(text), size, notices=notices)
    if kind == Kind.ZIP:
        from policydiff.io.ofdtext import is_ofd

    if kind == Kind.ZIP and (is_ofd(data) or ext == ".ofd"):
        from policydiff.io.ofdtext import OfdRefused, read_ofd

        try:
            ofd = read_ofd(data, limits)
        except OfdRefused as exc:
            raise _refused(name, path, exc) from exc
        return _document(path, name, "ofd", None, normalize_text(ofd.text), size, notices=ofd.notices)
    if kind == Kind.ZIP:
        from policydiff.io.office import OfficeRefused, read_office

        try:
            fmt, office = read_office(data, limits)
        except OfficeRefused as exc:
            raise _refused(name, path, exc) from exc
        return _document(path, name, fmt, None, normalize_text(office.text), size, notices=office.notices)
    if kind == Kind.OLE:
        return _load_doc(path, name, data, size, limits)
    if kind == Kind.RTF:
        from policydiff.io.rtftext import RtfRefused, read_rtf

        try:
            rtf = read_rtf(data, limits)
        except RtfRefused as exc:
            raise _refused(name, path, exc) from exc
        return _document(path, name, "rtf", rtf.encoding, normalize_text(rtf.text), size, notices=rtf.notices)
    if kind == Kind.MHT:
        return _load_mht(path, name, data, size, limits)
    if kind == Kind.BINARY:
        raise LoadError(
            f"{name} is not a text document (it looks like {what}); {_OPEN_OTHER}",
            LoadReason.NOT_TEXT,
            path=str(path),
        )
    if ext == ".pdf":
        raise LoadError(
            f"{name} is not a valid PDF (no %PDF header); it may be damaged or misnamed",
            LoadReason.DAMAGED,
            path=str(path),
        )

    try:
        decoded = decode(data, limits)
    except NotText as exc:
        if ext == ".wps":
            raise LoadError(
                f"{name} is an old Kingsoft WPS file (before WPS 2005), which is not read; "
                "open it in WPS Office and save it as .docx",
                LoadReason.UNSUPPORTED,
                path=str(path),
            ) from exc
        reason = LoadReason.NOT_TEXT if exc.binary else LoadReason.UNKNOWN_ENCODING
        raise LoadError(
            f"{name} is not a text document (binary data); {_OPEN_OTHER}", reason, path=str(path)
        ) from exc
    text = normalize_text(decoded.text)
    if ext in _MHT_EXTS and not looks_like_html(text):
        return _load_mht(path, name, data, size, limits)  # a web archive whose headers sniffing missed
    if ext in _HTML_EXTS or looks_like_html(text):
        try:
            page = html_to_text(text)
        except HtmlRefused as exc:
            raise _refused(name, path, exc) from exc
        return _document(path, name, "html", decoded.encoding, page, size, _EMPTY_PAGE)
    if ext in _MD_EXTS or has_front_matter(text):
        return _document(path, name, "md", decoded.encoding, md_to_text(text), size)
    return _document(path, name, "txt", decoded.encoding, text, size)


def _load_doc(path: Path, name: str, data: bytes, size: int, limits: LoadLimits) -> LoadedDocument:
    """A Word 97-2003 (.doc/.wps) file; with automatic numbering, read through LibreOffice."""
    from policydiff.io.doctext import DocRefused, convert_to_rtf, read_doc
    from policydiff.io.rtftext import RtfRefused, read_rtf

    try:
        doc = read_doc(data, limits)
    except DocRefused as exc:
        raise _refused(name, path, exc) from exc
    if doc.numbered:
        converted = convert_to_rtf(data, limits)
        if converted is not None:
            try:
                rtf = read_rtf(converted, limits)
            except RtfRefused:
                pass  # keep the file's own text, with the notice below
            else:
                notice = "automatic numbering read by converting the file with LibreOffice"
                text = normalize_text(rtf.text)
                return _document(path, name, "doc", None, text, size, notices=(*rtf.notices, notice))
        missing = (
            "has automatic numbering that could not be read, so its article numbers are missing; "
            "install LibreOffice (soffice) or save it as .docx"
        )
        return _document(
            path, name, "doc", None, normalize_text(doc.text), size, notices=(*doc.notices, missing)
        )
    return _document(path, name, "doc", None, normalize_text(doc.text), size, notices=doc.notices)


def _load_mht(path: Path, name: str, data: bytes, size: int, limits: LoadLimits) -> LoadedDocument:
    """A MIME web archive: its page through the HTML reader, or its plain-text part as it is."""
    from policydiff.io.mhttext import MhtRefused, read_mht

    try:
        mht = read_mht(data, limits)
    except MhtRefused as exc:
        raise _refused(name, path, exc) from exc
    text = html_to_text(normalize_text(mht.text)) if mht.is_html else normalize_text(mht.text)
    return _document(path, name, "mht", mht.encoding, text, size, _EMPTY_PAGE)


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
        raise LoadError(f"{name} {_EMPTY}", LoadReason.EMPTY, path=str(path))
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


def _refused(name: str, path: Path, exc: ReadRefused) -> LoadError:
    """A reader's refusal as the loader's one-line error, naming the file."""
    return LoadError(f"{name} {exc}", exc.reason, path=str(path), part=exc.part, limit=exc.limit)


def _not_a_file(name: str, path: Path) -> LoadError:
    return LoadError(
        f"{name} is not a regular file (a device or pipe?); choose a document file",
        LoadReason.NOT_A_FILE,
        path=str(path),
    )


def _reason(exc: BaseException) -> str:
    return " ".join(str(getattr(exc, "strerror", None) or exc).split()) or type(exc).__name__


def _document(
    path: Path,
    name: str,
    fmt: str,
    encoding: str | None,
    text: str,
    size: int,
    empty: str = _EMPTY,
    notices: tuple[str, ...] = (),
) -> LoadedDocument:
    text, dropped = drop_invalid(text)
    if dropped:  # control characters no output (Word, Excel, XML) can carry: gone, and said so
        notices = (*notices, f"{dropped} control character{'s' if dropped > 1 else ''} removed (not text)")
    if not text.strip():
        reason = LoadReason.EMPTY if empty == _EMPTY else LoadReason.NO_TEXT
        raise LoadError(f"{name} {empty}", reason, path=str(path))
    return LoadedDocument(
        path=str(path), format=fmt, encoding=encoding, text=text, size=size, notices=notices
    )
