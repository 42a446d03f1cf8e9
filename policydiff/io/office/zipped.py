"""One entry for zipped office documents: the content decides between .docx and .odt.

May import: the standard library, policydiff.io (zipparts, docxtext, odttext, limits), policydiff.errors.
"""

from __future__ import annotations

from policydiff.errors import LoadReason
from policydiff.io.limits import LoadLimits
from policydiff.io.office.docx import DocxText, read_docx_archive
from policydiff.io.office.odt import read_odt_archive
from policydiff.io.office.zipparts import Flavour, OfficeRefused, open_archive

__all__ = ["OfficeRefused", "read_office"]


def read_office(data: bytes, limits: LoadLimits) -> tuple[str, DocxText]:
    """The format ("docx" or "odt") and the text and notices of a zipped office document.

    Raises:
        OfficeRefused: the archive is not a readable .docx/.odt; the message completes "<name> …".
    """
    try:
        archive, flavour = open_archive(data, limits)
        with archive:
            if flavour == Flavour.ODT:
                return "odt", read_odt_archive(archive, limits)
            return "docx", read_docx_archive(archive, limits)
    except (OfficeRefused, RecursionError, MemoryError):
        raise
    except Exception as exc:  # CRC/inflate errors, malformed parts
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise OfficeRefused(f"is damaged ({detail}); open it and save it again", LoadReason.DAMAGED) from exc
