"""Read the text of a Word .docx file: paragraphs and tables in reading order.

The archive is checked before anything is inflated or parsed: a .docx is a zip whose parts an
attacker controls, so zip bombs (huge declared sizes or compression ratios) and XML with
DOCTYPE/ENTITY declarations are refused. Each paragraph is a line; each table row is a line of
tab-separated cells, in place between the paragraphs around it.
May import: the standard library, python-docx, policydiff.io.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from policydiff.io.limits import MB, LoadLimits


class DocxRefused(ValueError):
    """The file is not a .docx this loader will open; the message completes "<name> …"."""


_DOCUMENT_PART = "word/document.xml"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument"


def check_archive(data: bytes, limits: LoadLimits) -> None:
    """Refuse a .docx that is not a Word archive or that would inflate dangerously.

    Raises:
        DocxRefused: with a message fragment saying what is wrong and what to do.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocxRefused("is damaged (not a complete .docx archive); save it again from Word") from exc
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if _DOCUMENT_PART not in names:
            if "mimetype" in names and archive.read("mimetype").startswith(_ODT_MIMETYPE):
                raise DocxRefused("is an OpenDocument file; save it as .docx or .txt and try again")
            raise DocxRefused("is a zip archive but not a Word document (no word/document.xml)")
        total = sum(info.file_size for info in infos)
        if total > limits.docx_max_uncompressed:
            raise DocxRefused(
                f"would unpack to {total / MB:,.0f} MB, more than the "
                f"{limits.docx_max_uncompressed / MB:.0f} MB limit for .docx files (a zip bomb?)"
            )
        for info in infos:
            if info.flag_bits & 0x1:
                raise DocxRefused("is password-protected; remove the password in Word and try again")
            if info.file_size >= limits.docx_ratio_min_size and (
                info.compress_size == 0 or info.file_size / info.compress_size > limits.docx_max_ratio
            ):
                raise DocxRefused(
                    f"has a part compressed more than {limits.docx_max_ratio:.0f}:1 "
                    f"({info.filename}); refusing it as a possible zip bomb"
                )
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_xml_head(archive, info, limits)


def _check_xml_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: LoadLimits) -> None:
    """Refuse XML parts that declare a DOCTYPE or entities (entity expansion, external files)."""
    with archive.open(info) as part:
        head = part.read(limits.xml_head_bytes)
    upper = head.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        raise DocxRefused(
            f"contains XML with DOCTYPE/ENTITY declarations ({info.filename}), which Word never writes;"
            " save it again from Word"
        )


def read_docx(data: bytes, limits: LoadLimits) -> str:
    """Text of a checked .docx: one line per paragraph, one line of tab-separated cells per row."""
    import docx  # python-docx

    try:
        check_archive(data, limits)
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_blocks(document.element.body, document))
    except DocxRefused:
        raise
    except Exception as exc:  # zip CRC/inflate errors, malformed XML, missing parts
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise DocxRefused(f"is damaged ({detail}); open it in Word and save it again") from exc


def _blocks(container: Any, parent: Any) -> Iterator[str]:
    """Lines of a body or cell in document order, descending into content controls (w:sdt)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, parent).text
        elif tag == "tbl":
            yield from _table_rows(Table(child, parent))
        elif tag == "sdt":
            content = child.find(child.tag.replace("}sdt", "}sdtContent"))
            if content is not None:
                yield from _blocks(content, parent)


def _table_rows(table: Any) -> Iterator[str]:
    """One line per row; a merged cell is written once; text inside a cell is joined by spaces."""
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):  # a horizontally merged cell repeats
                continue
            seen.append(cell._tc)
            cells.append(" ".join(line for line in _blocks(cell._tc, cell) if line.strip()))
        yield "\t".join(cells)
