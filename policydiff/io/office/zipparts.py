"""Open the zip archives of office documents (.docx, .odt) safely and parse their XML parts.

A .docx or .odt is a zip whose parts an attacker controls, so the archive is checked before
anything is inflated or parsed: zip bombs (huge declared sizes or compression ratios), encrypted
members and XML with DOCTYPE/ENTITY declarations are refused, and every part is parsed with
entity expansion, DTD loading and network access off.
May import: the standard library, lxml, policydiff.io.limits, policydiff.errors.
"""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum
from typing import Any

from lxml import etree

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import MB, LoadLimits


class OfficeRefused(ReadRefused, ValueError):
    """The archive is not one this loader will open; the message completes "<name> …"."""


class Flavour(StrEnum):
    """Which office format an archive holds, decided by its content, never by its name."""

    DOCX = "docx"
    ODT = "odt"


DOCX_MAIN_PART = "word/document.xml"
_ODF_MIMETYPE = b"application/vnd.oasis.opendocument"
_ODT_MIMETYPES = (
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.text-template",
)


def open_archive(data: bytes, limits: LoadLimits) -> tuple[zipfile.ZipFile, Flavour]:
    """Check an office archive and return it open, with the format its content says it is.

    Raises:
        OfficeRefused: with a message fragment saying what is wrong and what to do.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise OfficeRefused(
            "is damaged (not a complete .docx/.odt archive); save it again", LoadReason.DAMAGED
        ) from exc
    try:
        flavour = _flavour(archive)
        check_guards(archive, limits)
    except BaseException:
        archive.close()
        raise
    return archive, flavour


def _flavour(archive: zipfile.ZipFile) -> Flavour:
    names = set(archive.namelist())
    if DOCX_MAIN_PART in names or _names_word_document(archive, names):
        return Flavour.DOCX
    if "mimetype" in names and "content.xml" in names:
        info = archive.getinfo("mimetype")
        mimetype = archive.read(info).strip() if info.file_size < 200 else b""
        if mimetype in _ODT_MIMETYPES:
            return Flavour.ODT
        if mimetype.startswith(_ODF_MIMETYPE):
            raise OfficeRefused(
                "is an OpenDocument spreadsheet or presentation, not a text document; "
                "save it as .odt, .docx or .txt",
                LoadReason.UNSUPPORTED,
            )
    raise OfficeRefused(
        "is a zip archive but not a Word document (no word/document.xml) nor an .odt", LoadReason.UNSUPPORTED
    )


def _names_word_document(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """A package whose main part has another name: its _rels/.rels points to a WordprocessingML part."""
    if "_rels/.rels" not in names or archive.getinfo("_rels/.rels").file_size > 64 * 1024:
        return False
    rels = archive.read("_rels/.rels")
    return b"/officeDocument" in rels and any(n.startswith("word/") and n.endswith(".xml") for n in names)


def check_guards(
    archive: zipfile.ZipFile, limits: LoadLimits, xml_suffixes: tuple[str, ...] = (".xml", ".rels")
) -> None:
    """The guards every zip-based document gets (.docx, .odt, .ofd) before anything is inflated or
    parsed: declared sizes, compression ratios, encryption, DOCTYPE/ENTITY in its XML parts.

    Raises:
        OfficeRefused: with a message fragment naming the limit or the part.
    """
    _check_sizes(archive, limits)
    for info in archive.infolist():
        if info.filename.lower().endswith(xml_suffixes):
            _check_xml_head(archive, info, limits)


def _check_sizes(archive: zipfile.ZipFile, limits: LoadLimits) -> None:
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > limits.docx_max_uncompressed:
        raise OfficeRefused(
            f"would unpack to {total / MB:,.0f} MB, more than the "
            f"{limits.docx_max_uncompressed / MB:.0f} MB limit for zip-based documents (a zip bomb?)",
            LoadReason.ZIP_BOMB,
            limit=f"{limits.docx_max_uncompressed / MB:.0f} MB",
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise OfficeRefused(
                "is password-protected; remove the password and try again", LoadReason.ENCRYPTED
            )
        if info.file_size >= limits.docx_ratio_min_size and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.docx_max_ratio
        ):
            raise OfficeRefused(
                f"has a part compressed more than {limits.docx_max_ratio:.0f}:1 "
                f"({info.filename}); refusing it as a possible zip bomb",
                LoadReason.ZIP_BOMB,
                part=info.filename,
                limit=f"{limits.docx_max_ratio:.0f}:1",
            )


# An internal DTD subset (<!DOCTYPE x [ … ]>) or an entity declaration: what entity expansion and
# external-entity attacks need. A bare <!DOCTYPE math PUBLIC "…" "math.dtd">, as OpenOffice writes
# in embedded formula objects, declares nothing and is never loaded, so it is read.
_DECLARATIONS = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]{0,2000}\[", re.IGNORECASE)


def _check_xml_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: LoadLimits) -> None:
    """Refuse early, before parsing, XML parts that declare a DOCTYPE or entities."""
    with archive.open(info) as part:
        head = part.read(limits.xml_head_bytes)
    if _DECLARATIONS.search(head):
        raise OfficeRefused(
            f"contains XML with DOCTYPE/ENTITY declarations ({info.filename}), which document programs "
            "never write; save it again from the program that made it",
            LoadReason.UNSAFE_XML,
            part=info.filename,
        )


def read_part(archive: zipfile.ZipFile, name: str, limits: LoadLimits) -> bytes | None:
    """The bytes of a member, None when absent; the size was bounded by open_archive."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    with archive.open(info) as part:
        data = part.read(limits.docx_max_uncompressed + 1)
    if len(data) > limits.docx_max_uncompressed:  # a member lying about its size
        raise OfficeRefused(
            f"has a part larger than it declares ({name}); refusing it as a zip bomb",
            LoadReason.ZIP_BOMB,
            part=name,
        )
    return data


_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse_xml(data: bytes, name: str) -> Any:
    """Parse one XML part without expanding entities or loading anything; refuse any DOCTYPE."""
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        detail = " ".join(str(exc).split())[:120]
        raise OfficeRefused(
            f"has a damaged part ({name}: {detail}); open and save it again", LoadReason.DAMAGED, part=name
        ) from exc
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterelements()) or any(True for _ in dtd.iterentities())):
        raise OfficeRefused(
            f"contains XML with DOCTYPE/ENTITY declarations ({name}), which office programs never "
            "write; save it again from Word or LibreOffice",
            LoadReason.UNSAFE_XML,
            part=name,
        )
    return root


def local(tag: Any) -> str:
    """An element's tag without its namespace ('' for comments and entity references)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
