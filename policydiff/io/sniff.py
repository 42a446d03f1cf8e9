"""Tell what a file really is from its first bytes, whatever its extension says.

A .txt may be a PDF, a .docx may be an old OLE .doc, a .doc may be a Word "Save as Web Page"
file (HTML or a MIME web archive), a .pdf may be random bytes; the loader trusts the content
first and the extension second.
May import: the standard library only.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    PDF = "pdf"
    ZIP = "zip"  # a .docx, or another zip-based file
    OLE = "ole"  # an old .doc/.xls, or an encrypted (password-protected) Office file
    RTF = "rtf"
    MHT = "mht"  # a MIME web archive (.mht/.mhtml, or a Word web page saved under another name)
    BINARY = "binary"  # a known non-text format (image, archive, program)
    TEXT = "text"  # anything else: decoded and then judged as text


# Known binary formats and the words used for them in messages.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"%!PS", "a PostScript file"),
    (b"\xffWPC", "a WordPerfect document"),  # WordPerfect 5.x and later (4.2 has no mark)
    (b"\x00\x00\x01\x00", "an icon"),
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
PDF_HEADER_WINDOW = 1024  # the PDF spec lets junk precede %PDF- within the first KB
MIME_HEADER_LINES = 40  # a web archive names its MIME version and type within its first lines
MIME_HEADER_BYTES = 8192
_PDF_OBJECT = re.compile(rb"[0-9]{1,10}[ \t\r\n]{1,8}[0-9]{1,5}[ \t\r\n]{1,8}obj\b")
_MIME_TYPES = (b"multipart/related", b"multipart/alternative", b"multipart/mixed", b"text/html")


def sniff(head: bytes) -> tuple[Kind, str]:
    """Classify a file from its first bytes.

    Args:
        head: the file's first bytes (a few KB are enough).

    Returns:
        The kind, and for Kind.BINARY a phrase naming the format ("a PNG image").
    """
    if head.startswith(_OLE_MAGIC):
        return Kind.OLE, ""
    if head.startswith(_ZIP_MAGICS):
        return Kind.ZIP, ""
    if _is_pdf(head):
        return Kind.PDF, ""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return Kind.RTF, ""
    if is_mime_archive(head):
        return Kind.MHT, ""
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return Kind.BINARY, what
    return Kind.TEXT, ""


def _is_pdf(head: bytes) -> bool:
    """%PDF- at the start; or within the first KB (the spec lets junk precede it) when a PDF
    object follows it, so a text that quotes "%PDF-1.7" near its top is still read as text."""
    at = head.find(b"%PDF-", 0, PDF_HEADER_WINDOW)
    if at < 0:
        return False
    if not head[:at].lstrip(b"\xef\xbb\xbf \t\r\n\x00"):
        return True
    return _PDF_OBJECT.search(head, at) is not None


def is_mime_archive(head: bytes) -> bool:
    """True if ``head`` opens with MIME headers naming a web archive (MIME-Version and its type).

    Only the header block is read: lines up to the first empty one, at most MIME_HEADER_LINES.
    """
    version = kind = False
    for number, line in enumerate(head[:MIME_HEADER_BYTES].lstrip(b"\xef\xbb\xbf").splitlines()):
        if number >= MIME_HEADER_LINES or not line.strip():
            break
        lower = line.lower()
        if lower.startswith(b"mime-version:"):
            version = True
        elif lower.startswith(b"content-type:") and any(t in lower for t in _MIME_TYPES):
            kind = True
        elif not (line[:1] in b" \t" or b":" in line):
            return False  # not a header line: this is text, not a MIME message
    return version and kind
