"""Tell what a file really is from its first bytes, whatever its extension says.

A .txt may be a PDF, a .docx may be an old OLE .doc, a .pdf may be random bytes; the loader
trusts the content first and the extension second.
May import: the standard library only.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    PDF = "pdf"
    ZIP = "zip"  # a .docx, or another zip-based file
    OLE = "ole"  # an old .doc/.xls, or an encrypted (password-protected) Office file
    RTF = "rtf"
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
    (b"\x00\x00\x01\x00", "an icon"),
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
PDF_HEADER_WINDOW = 1024  # the PDF spec lets junk precede %PDF- within the first KB


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
    if b"%PDF-" in head[:PDF_HEADER_WINDOW]:
        return Kind.PDF, ""
    if head.startswith(b"{\\rtf"):
        return Kind.RTF, ""
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return Kind.BINARY, what
    return Kind.TEXT, ""
