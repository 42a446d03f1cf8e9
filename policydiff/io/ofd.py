"""Read the text of an OFD file (GB/T 33190, the national fixed-layout e-document format).

An OFD is a zip of XML parts: OFD.xml names the document root (DocBody/DocRoot), Document.xml
lists the pages (Pages/Page/@BaseLoc), and each page's Content.xml places TextObjects (Boundary
x y w h, optional CTM, Size) holding TextCodes (X, Y, DeltaX, DeltaY) glyph by glyph. As in a
PDF, layout is not content: glyphs are gathered into lines by baseline then x, and lines into
paragraphs from geometry (a line that reaches the right margin continues unless the next one is
indented). Page furniture is left out: template pages (running headers, marks) and page numbers
at the top or bottom of a page, each recorded as a notice. The archive is checked like a .docx
(declared sizes, compression ratios, encryption, DOCTYPE/ENTITY) before anything is parsed.
May import: the standard library, lxml, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits
from policydiff.io.office.zipparts import OfficeRefused, check_guards


class OfdRefused(ReadRefused, ValueError):
    """The file is not an OFD this reader will open; the message completes "<name> …"."""


@dataclass(frozen=True)
class OfdText:
    text: str
    notices: tuple[str, ...]


# Any namespace: ofdrw and early producers write http://www.ofdspec.org without /2016.
_NS = "{*}"
_TEMPLATE_NOTICE = "page template text repeated at the page edges (running headers and marks) left out"
# An internal DTD subset or an entity declaration, in a part of any name (zipparts checks .xml only).
_DECLARATIONS = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]{0,2000}\[", re.IGNORECASE)
_ROOT_PART = "OFD.xml"
_SAVE_AGAIN = "open it in an OFD reader and save or print it as PDF"
# A line that is only a page number: — 3 —, - 3 -, 3, 第3页 共20页, 3/20, Page 3 of 20.
_PAGE_NUMBER = re.compile(
    r"[\-—–－ ]{0,3}[0-9]{1,4}[\-—–－ ]{0,3}|第[0-9]{1,4}页(?:[ ,，/]{0,2}共[0-9]{1,4}页)?"
    r"|[0-9]{1,4} ?/ ?[0-9]{1,4}|(?:page|Page) [0-9]{1,4}(?: of [0-9]{1,4})?"
)
_PAGE_NUMBER_MAX_CHARS = 20
_FURNITURE_BAND = 0.12  # share of the page height at its top and bottom where page numbers live
_SAME_LINE = 0.5  # baselines closer than this many glyph sizes are one line
_SPACE_GAP = 0.8  # a gap wider than this many glyph sizes is a space …
_TAB_GAP = 2.5  # … and wider than this a column (table cell) break
_MARGIN_SLACK = 1.2  # a line ending within this many glyph sizes of the right margin is full
_INDENT = 0.8  # a line starting this many glyph sizes right of the left margin is indented
_A4 = (0.0, 0.0, 210.0, 297.0)
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def is_ofd(data: bytes) -> bool:
    """True if ``data`` is a zip whose root holds OFD.xml (what an OFD reader opens first), or
    a damaged zip whose first member is OFD.xml (so it is refused as a damaged OFD)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _ROOT_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        pass
    if data[:4] != b"PK\x03\x04" or len(data) < 30:
        return False
    name_length = int.from_bytes(data[26:28], "little")
    return data[30 : 30 + name_length] == _ROOT_PART.encode()


def read_ofd(data: bytes, limits: LoadLimits) -> OfdText:
    """Text of an OFD document, page by page, paragraphs rebuilt from the glyphs' geometry.

    Raises:
        OfdRefused: the archive is damaged, a possible bomb, encrypted or not a readable OFD.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise OfdRefused(
            f"is damaged (not a complete OFD archive); {_SAVE_AGAIN}", LoadReason.DAMAGED
        ) from exc
    with archive:
        try:
            _check_archive(archive, limits)
            return _Reader(archive, limits).read()
        except OfdRefused:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            etree.XMLSyntaxError,
            KeyError,
            ValueError,
            OSError,
        ) as exc:
            detail = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise OfdRefused(f"is damaged ({detail}); {_SAVE_AGAIN}", LoadReason.DAMAGED) from exc


def _check_archive(archive: zipfile.ZipFile, limits: LoadLimits) -> None:
    """The guards of every zip-based document (zipparts.check_guards), refused as an OFD."""
    try:
        check_guards(archive, limits, (".xml",))
    except OfficeRefused as exc:
        raise OfdRefused(str(exc), exc.reason, part=exc.part, limit=exc.limit) from exc


@dataclass(frozen=True)
class _Glyph:
    x: float
    y: float  # baseline, downwards as in OFD
    width: float
    size: float
    char: str


@dataclass
class _Line:
    left: float
    right: float
    y: float
    size: float
    text: str
    page: int


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, limits: LoadLimits) -> None:
        self.archive = archive
        self.limits = limits
        self.names = set(archive.namelist())
        self.objects = 0
        self.glyph_count = 0
        self.parts: dict[str, etree._Element] = {}
        self.notices: list[str] = []
        self.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
        )

    def _xml(self, name: str) -> etree._Element:
        name = name.lstrip("/")
        if name not in self.names:
            raise OfdRefused(
                f"is damaged (its part {name} is missing); {_SAVE_AGAIN}", LoadReason.DAMAGED, part=name
            )
        data = self.archive.read(name)
        if _DECLARATIONS.search(data[: self.limits.xml_head_bytes]):
            raise OfdRefused(
                f"contains XML with DOCTYPE/ENTITY declarations ({name}), which OFD producers never write; "
                f"{_SAVE_AGAIN}",
                LoadReason.UNSAFE_XML,
                part=name,
            )
        root = etree.fromstring(data, self.parser)
        dtd = root.getroottree().docinfo.internalDTD
        if dtd is not None and (
            any(True for _ in dtd.iterentities()) or any(True for _ in dtd.iterelements())
        ):
            raise OfdRefused(
                f"contains XML with DOCTYPE/ENTITY declarations ({name}); {_SAVE_AGAIN}",
                LoadReason.UNSAFE_XML,
                part=name,
            )
        return root

    def read(self) -> OfdText:
        root = self._xml(_ROOT_PART)
        bodies = root.findall(f"{_NS}DocBody")
        doc_root = bodies[0].findtext(f"{_NS}DocRoot") if bodies else None
        if not doc_root:
            raise OfdRefused(
                f"is not a readable OFD (OFD.xml names no DocRoot); {_SAVE_AGAIN}",
                LoadReason.DAMAGED,
                part="OFD.xml",
            )
        if len(bodies) > 1:
            self.notices.append(f"holds {len(bodies)} documents; only the first is shown")
        doc_path = doc_root.strip().lstrip("/")
        document = self._xml(doc_path)
        base = posixpath.dirname(doc_path)
        default_box = _box(document.findtext(f"{_NS}CommonData/{_NS}PageArea/{_NS}PhysicalBox"), _A4)
        templates = {
            t.get("ID", ""): _resolve(base, t.get("BaseLoc", ""))
            for t in document.findall(f"{_NS}CommonData/{_NS}TemplatePage")
        }
        pages = document.findall(f"{_NS}Pages/{_NS}Page")
        if len(pages) > self.limits.ofd_max_pages:
            raise OfdRefused(
                f"has {len(pages):,} pages, more than the {self.limits.ofd_max_pages:,} page limit",
                LoadReason.TOO_MANY_PAGES,
                limit=f"{self.limits.ofd_max_pages:,}",
            )
        contents = [self._part(_resolve(base, page.get("BaseLoc", ""))) for page in pages]
        uses: dict[str, int] = {}
        for content in contents:
            for template_id in _template_ids(content, templates):
                uses[template_id] = uses.get(template_id, 0) + 1
        lines: list[_Line] = []
        dropped = furniture = 0
        for number, content in enumerate(contents):
            box = _box(content.findtext(f"{_NS}Area/{_NS}PhysicalBox"), default_box)
            glyphs = self._glyphs(content)
            for template_id in _template_ids(content, templates):
                template = self._part(templates[template_id])
                for line_glyphs in _glyph_lines(self._glyphs(template)):
                    # A template drawn on several pages at their top or bottom is a running header
                    # or mark; on one page (a form, an e-invoice) or mid-page it is the content.
                    if uses[template_id] > 1 and _in_band(line_glyphs[0].y, box):
                        furniture += 1
                    else:
                        glyphs.extend(line_glyphs)
            page_lines = _lines(glyphs, number)
            # only the outermost line at the top or bottom can be the page number: numbers in a
            # table or a code printed one character a line near the edge are text
            edges = {0, len(page_lines) - 1}
            kept = [
                line for i, line in enumerate(page_lines) if i not in edges or not _is_page_number(line, box)
            ]
            dropped += len(page_lines) - len(kept)
            lines.extend(kept)
        if furniture:
            self.notices.append(_TEMPLATE_NOTICE)
        if dropped:
            self.notices.append("page numbers left out")
        return OfdText(_paragraphs(lines), tuple(self.notices))

    def _part(self, name: str) -> etree._Element:
        """A content part, parsed once however many pages point at it."""
        name = posixpath.normpath(name.lstrip("/"))
        if name not in self.parts:
            self.parts[name] = self._xml(name)
        return self.parts[name]

    def _glyphs(self, content: etree._Element) -> list[_Glyph]:
        """The glyphs a page lays out; text objects and glyphs count each time they are laid out,
        so many pages pointing at one content part cannot multiply the work past the limits."""
        glyphs: list[_Glyph] = []
        for obj in content.iter(f"{_NS}TextObject"):
            self.objects += 1
            if self.objects > self.limits.ofd_max_text_objects:
                raise OfdRefused(
                    f"has more than {self.limits.ofd_max_text_objects:,} text objects; {_SAVE_AGAIN}",
                    LoadReason.TOO_COMPLEX,
                    limit=f"{self.limits.ofd_max_text_objects:,}",
                )
            placed = _object_glyphs(obj)
            self.glyph_count += len(placed)
            if self.glyph_count > self.limits.ofd_max_glyphs:
                raise OfdRefused(
                    f"lays out more than {self.limits.ofd_max_glyphs:,} characters; {_SAVE_AGAIN}",
                    LoadReason.TOO_COMPLEX,
                    limit=f"{self.limits.ofd_max_glyphs:,}",
                )
            glyphs.extend(placed)
        return glyphs


def _template_ids(content: etree._Element, templates: dict[str, str]) -> list[str]:
    """The templates a page draws (its Template elements naming a TemplatePage of the document)."""
    ids = [t.get("TemplateID", "") for t in content.findall(f"{_NS}Template")]
    return [i for i in dict.fromkeys(ids) if i in templates]


def _glyph_lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped by baseline (as _lines does), each group kept as glyphs."""
    groups: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if groups and abs(glyph.y - groups[-1][0].y) <= _SAME_LINE * max(glyph.size, groups[-1][0].size):
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    return groups


def _in_band(y: float, box: tuple[float, float, float, float]) -> bool:
    top, height = box[1], box[3]
    return y < top + _FURNITURE_BAND * height or y > top + (1 - _FURNITURE_BAND) * height


def _resolve(base: str, location: str) -> str:
    """A BaseLoc: absolute from the archive root when it starts with /, else from the document."""
    location = location.strip()
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, location))


def _numbers(value: str | None, limit: int = 16) -> list[float]:
    """At most ``limit`` numbers of a list as OFD writes them, ``g N V`` meaning N times V
    (a crafted ``g 100000 1`` repeated cannot grow past the glyphs it spaces)."""
    out: list[float] = []
    tokens = (value or "").split(None, 3 * limit + 1)[: 3 * limit]
    i = 0
    while i < len(tokens) and len(out) < limit:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = max(0, min(int(float(tokens[i + 1])), limit - len(out)))
            out.extend([float(tokens[i + 2])] * count)
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


def _box(value: str | None, default: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    numbers = _numbers(value)
    return (numbers[0], numbers[1], numbers[2], numbers[3]) if len(numbers) == 4 else default


def _object_glyphs(obj: etree._Element) -> list[_Glyph]:
    """Each character of a TextObject at its place on the page (Boundary origin, then CTM)."""
    left, top, _, _ = _box(obj.get("Boundary"), (0.0, 0.0, 0.0, 0.0))
    ctm = _numbers(obj.get("CTM"))
    a, b, c, d, e, f = ctm[:6] if len(ctm) >= 6 else _IDENTITY
    size = float(obj.get("Size") or 3.5)
    scale = (a * a + b * b) ** 0.5 or 1.0
    glyphs: list[_Glyph] = []
    x = y = 0.0
    for code in obj.iter(f"{_NS}TextCode"):
        text = code.text or ""
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        dx, dy = _numbers(code.get("DeltaX"), len(text)), _numbers(code.get("DeltaY"), len(text))
        for i, char in enumerate(text):
            advance = dx[i] if i < len(dx) else size * (0.5 if char < "\u0100" else 1.0)
            px, py = a * x + c * y + e + left, b * x + d * y + f + top
            if char.strip():
                glyphs.append(_Glyph(px, py, advance * scale, size * scale, char))
            x += advance if i < len(dx) or not dy else 0.0
            y += dy[i] if i < len(dy) else 0.0
    return glyphs


def _lines(glyphs: list[_Glyph], page: int) -> list[_Line]:
    """Glyphs into lines: baselines within half a glyph size are one line, read left to right."""
    lines: list[_Line] = []
    current: list[_Glyph] = []
    for glyph in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if current and abs(glyph.y - current[0].y) > _SAME_LINE * max(glyph.size, current[0].size):
            lines.append(_line(current, page))
            current = []
        current.append(glyph)
    if current:
        lines.append(_line(current, page))
    return lines


def _line(glyphs: list[_Glyph], page: int) -> _Line:
    glyphs = sorted(glyphs, key=lambda g: g.x)
    size = sorted(g.size for g in glyphs)[len(glyphs) // 2]
    parts = [glyphs[0].char]
    for before, glyph in zip(glyphs, glyphs[1:], strict=False):
        gap = glyph.x - (before.x + before.width)
        if gap > _TAB_GAP * size:
            parts.append("\t")
        elif gap > _SPACE_GAP * size:
            parts.append(" ")
        parts.append(glyph.char)
    right = max(g.x + g.width for g in glyphs)
    return _Line(glyphs[0].x, right, glyphs[0].y, size, "".join(parts), page)


def _is_page_number(line: _Line, box: tuple[float, float, float, float]) -> bool:
    in_band = _in_band(line.y, box)
    text = line.text.strip()
    return in_band and len(text) <= _PAGE_NUMBER_MAX_CHARS and _PAGE_NUMBER.fullmatch(text) is not None


def _paragraphs(lines: list[_Line]) -> str:
    """Lines into paragraphs: a line that reaches the right margin continues on the next line,
    unless that one is indented (a new paragraph's first line) — across pages too."""
    if not lines:
        return ""
    left = _common_left(lines)
    right = max(line.right for line in lines)
    out: list[str] = [lines[0].text]
    for before, line in zip(lines, lines[1:], strict=False):
        full = before.right >= right - _MARGIN_SLACK * before.size
        indented = line.left > left + _INDENT * line.size
        if full and not indented and "\t" not in before.text:
            glue = " " if _latin(before.text[-1:]) and _latin(line.text[:1]) else ""
            out.append(glue + line.text)
        else:
            out.append("\n" + line.text)
    return "".join(out)


def _common_left(lines: list[_Line]) -> float:
    """The body's left margin: the leftmost start shared by several lines (not one stray line)."""
    counts: dict[int, int] = {}
    for line in lines:
        key = round(line.left)
        counts[key] = counts.get(key, 0) + 1
    shared = [key for key, n in counts.items() if n >= 2] or list(counts)
    return float(min(shared))


def _latin(char: str) -> bool:
    """A Latin letter: words of Western text wrapped at a line end were parted by a space."""
    return char.isascii() and char.isalpha()
