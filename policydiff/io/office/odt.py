"""Read the text a reader sees in an OpenDocument text file (.odt): lists numbered, changes accepted.

content.xml holds the body: paragraphs and headings (text:p, text:h) with spaces, tabs and line
breaks as elements (text:s, text:tab, text:line-break), lists whose numbers come from list
styles (odt_lists), frames with text boxes, tables (a line per row, cells tab-separated) and
footnotes (their text follows the body). Tracked changes keep deleted text in a
text:tracked-changes block apart from the body: it is left out, so the final text is shown, and
a notice says so. Annotations (comments) are not document text. The same archive guards as .docx
apply (zipparts), and the characters recovered are checked against the characters the body holds.
May import: the standard library, lxml, policydiff.io (zipparts, odt_lists, docxtext, limits),
policydiff.errors.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import Any

from policydiff.errors import LoadReason
from policydiff.io.limits import LoadLimits
from policydiff.io.office.docx import FURNITURE_NOTICE, TRACKED_NOTICE, DocxText
from policydiff.io.office.odt_lists import ListCounters, ListStyles
from policydiff.io.office.zipparts import OfficeRefused, local, parse_xml, read_part

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"

# Subtrees a reader of the final text does not see in place.
_HIDDEN = frozenset(
    {"tracked-changes", "annotation", "annotation-end", "note-citation", "number", "desc", "title",
     "sequence-decls", "variable-decls", "user-field-decls", "forms", "soft-page-break",
     "bookmark", "bookmark-start", "bookmark-end", "change", "change-start", "change-end",
     "reference-mark", "reference-mark-start", "reference-mark-end", "toc-mark", "alphabetical-index-mark",
     "index-title-template", "table-of-content-source", "alphabetical-index-source",
     "bibliography-source", "illustration-index-source", "table-index-source", "object-index-source",
     "user-index-source",
     "table-columns", "table-column", "table-header-columns", "covered-table-cell"}
)  # fmt: skip
_PARAGRAPHS = frozenset({"p", "h"})


@dataclass
class _State:
    lines: list[str] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    notes: list[Any] = field(default_factory=list)
    label_chars: int = 0


HIDDEN_NOTICE = "had hidden text; left out"


def hidden_styles(*roots: Any) -> frozenset[str]:
    """Names of the styles whose text a reader does not see (text:display="none" in their text
    properties, LibreOffice's "Hidden" character attribute), inherited through parent styles."""
    parents: dict[str, str] = {}
    hidden: set[str] = set()
    for root in roots:
        if root is None:
            continue
        for style in root.iter(STYLE + "style"):
            name = style.get(STYLE + "name", "")
            parent = style.get(STYLE + "parent-style-name")
            if parent:
                parents[name] = parent
            props = style.find(STYLE + "text-properties")
            if props is not None and props.get(TEXT + "display") == "none":
                hidden.add(name)
    for name in list(parents):
        seen: set[str] = set()
        at = name
        while at in parents and at not in hidden and at not in seen:
            seen.add(at)
            at = parents[at]
        if at in hidden:
            hidden.add(name)
    return frozenset(hidden)


def is_hidden(element: Any, hidden: frozenset[str]) -> bool:
    """True for an element a reader does not see: a hidden style, section or paragraph, or a
    hidden-text field (its text is a condition's value, shown only when the condition is false)."""
    tag = local(element.tag)
    if tag == "hidden-text":
        return True
    if element.get(TEXT + "display") == "none":  # a hidden section
        return True
    if hidden and element.get(TEXT + "style-name") in hidden:
        return True
    if tag in _PARAGRAPHS:
        for child in element:
            if local(child.tag) == "hidden-paragraph" and child.get(TEXT + "is-hidden") != "false":
                return True
    return False


class _OdtReader:
    def __init__(self, styles: ListStyles, limits: LoadLimits, hidden: frozenset[str] = frozenset()) -> None:
        self.styles = styles
        self.limits = limits
        self.counters = ListCounters(styles)
        self.state = _State()
        self.hidden_styles = hidden
        self.hid = False  # text was left out as hidden

    def left_out(self, element: Any) -> bool:
        if not is_hidden(element, self.hidden_styles):
            return False
        self.hid = (
            self.hid or any(t.strip() for t in element.itertext()) or local(element.tag) == "hidden-text"
        )
        return True

    def flush(self) -> None:
        self.state.lines.append("".join(self.state.line))
        self.state.line = []

    def blocks(self, element: Any) -> None:
        for child in element:
            tag = local(child.tag)
            if self.left_out(child):
                continue
            if tag in _PARAGRAPHS:
                self.paragraph(child, None)
            elif tag == "list":
                self.list(child, None, 0)
            elif tag == "table":
                self.table(child)
            elif tag not in _HIDDEN:
                self.blocks(child)

    def list(self, element: Any, inherited: str | None, level: int) -> None:
        style = element.get(TEXT + "style-name") or inherited
        self.counters.enter_list(element, style, level)
        for item in element:
            tag = local(item.tag)
            if tag not in ("list-item", "list-header"):
                continue
            label = self.counters.item_label(item, style, level, header=tag == "list-header")
            first = True
            for child in item:
                ctag = local(child.tag)
                if self.left_out(child):
                    continue
                if ctag in _PARAGRAPHS:
                    self.paragraph(child, label if first else "")
                    first = False
                elif ctag == "list":
                    self.list(child, style, level + 1)
                    first = False
                elif ctag == "table":
                    self.table(child)
                elif ctag not in _HIDDEN:
                    self.blocks(child)

    def paragraph(self, p: Any, label: str | None) -> None:
        if label is None and local(p.tag) == "h":
            label = self.heading_label(p)
        if label:
            self.state.line.append(label)
            self.state.label_chars += sum(1 for ch in label if not ch.isspace())
        self.inline(p)
        self.flush()

    def heading_label(self, h: Any) -> str:
        number = h.find(TEXT + "number")
        if number is not None:
            return "".join(number.itertext()).strip() + " " if "".join(number.itertext()).strip() else ""
        return self.counters.outline_label(h)

    def inline(self, element: Any) -> None:
        if element.text:
            self.state.line.append(element.text)
        for child in element:
            tag = local(child.tag)
            if self.left_out(child):
                pass
            elif tag == "s":
                try:
                    count = int(child.get(TEXT + "c", "1"))
                except ValueError:
                    count = 1
                self.state.line.append(" " * min(max(count, 1), self.limits.odt_max_space_run))
            elif tag == "tab":
                self.state.line.append(" ")
            elif tag == "line-break":
                self.state.line.append("\n")
            elif tag == "note":
                citation = child.find(TEXT + "note-citation")
                mark = " ".join("".join(citation.itertext()).split()) if citation is not None else ""
                if mark:  # the note's mark stays where the reader sees it, and opens the note
                    self.state.line.append(mark)
                    self.state.label_chars += len(mark.replace(" ", ""))
                body = child.find(TEXT + "note-body")
                if body is not None:
                    self.state.notes.append((mark, body))
            elif tag == "text-box":
                self.text_box(child)
            elif tag in _PARAGRAPHS:  # a paragraph inside a frame inside a paragraph
                self.inline(child)
            elif tag not in _HIDDEN:
                self.inline(child)
            if child.tail:
                self.state.line.append(child.tail)

    def text_box(self, box: Any) -> None:
        outer = self.state
        self.state = _State(notes=outer.notes, label_chars=outer.label_chars)
        self.blocks(box)
        if self.state.line:
            self.flush()
        inner = self.state
        self.state = outer
        outer.label_chars = inner.label_chars
        before = "".join(outer.line)
        if before.strip():
            self.flush()
        else:
            outer.line = [before] if before else []
        outer.lines.extend(line for line in inner.lines if line.strip())

    def table(self, table: Any) -> None:
        for row in table.iter("{*}table-row"):
            if _nested_in_other_table(row, table):
                continue
            cells = []
            for cell in row:
                if local(cell.tag) != "table-cell":
                    continue
                outer = self.state
                self.state = _State(notes=outer.notes, label_chars=outer.label_chars)
                self.blocks(cell)
                if self.state.line:
                    self.flush()
                inner, self.state = self.state, outer
                outer.label_chars = inner.label_chars
                cells.append(" ".join(line for line in inner.lines if line.strip()))
            self.state.line.append("\t".join(cells))
            self.flush()


def _nested_in_other_table(row: Any, table: Any) -> bool:
    for ancestor in row.iterancestors():
        if ancestor is table:
            return False
        if local(ancestor.tag) == "table":
            return True
    return False


def visible_chars(element: Any, hidden: frozenset[str] = frozenset()) -> int:
    """Non-space characters of the text nodes a reader sees, counted apart from the walk."""
    count = 0
    stack = [element]
    while stack:
        node = stack.pop()
        if local(node.tag) in _HIDDEN or is_hidden(node, hidden):
            continue  # its tail was counted with its parent
        if node.text:
            count += sum(1 for ch in node.text if not ch.isspace())
        for child in node:
            if child.tail:
                count += sum(1 for ch in child.tail if not ch.isspace())
            stack.append(child)
    return count


def read_odt_archive(archive: zipfile.ZipFile, limits: LoadLimits) -> DocxText:
    """Text and notices of an opened, checked .odt archive (see zipparts.open_archive)."""
    manifest = read_part(archive, "META-INF/manifest.xml", limits)
    if manifest is not None and b"encryption-data" in manifest:
        # ODF encrypts the parts themselves (the zip entries are not flagged): content.xml is
        # ciphertext, which would read as a damaged part.
        raise OfficeRefused("is password-protected; remove the password and try again", LoadReason.ENCRYPTED)
    content_data = read_part(archive, "content.xml", limits)
    if content_data is None:
        raise OfficeRefused(
            "is an OpenDocument file without content.xml; save it again",
            LoadReason.DAMAGED,
            part="content.xml",
        )
    content = parse_xml(content_data, "content.xml")
    styles_data = read_part(archive, "styles.xml", limits)
    styles_root = parse_xml(styles_data, "styles.xml") if styles_data else None
    hidden = hidden_styles(content, styles_root)
    reader = _OdtReader(ListStyles(content, styles_root), limits, hidden)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise OfficeRefused(
            "is an OpenDocument file with no text body; save it as .odt text", LoadReason.NO_TEXT
        )
    reader.blocks(body)
    if reader.state.line:
        reader.flush()
    body_lines, notes = reader.state.lines, reader.state.notes
    reader.state = _State(label_chars=reader.state.label_chars)
    for mark, note in notes:  # in the order the text cites them
        if mark:
            reader.state.line.append(mark + " ")
            reader.state.label_chars += len(mark.replace(" ", ""))
        reader.blocks(note)
    if reader.state.line:
        reader.flush()
    note_lines = reader.state.lines
    expected = visible_chars(body, hidden)
    recovered = sum(1 for line in body_lines + note_lines for ch in line if not ch.isspace())
    if recovered - reader.state.label_chars < expected:
        raise OfficeRefused(
            f"has text this reader could not place ({expected - recovered + reader.state.label_chars:,} "
            f"of {expected:,} characters in content.xml); save it again, or save it as .txt",
            LoadReason.TEXT_UNPLACED,
        )
    notices = []
    if body.find(TEXT + "tracked-changes") is not None:
        notices.append(TRACKED_NOTICE)
    if reader.hid:
        notices.append(HIDDEN_NOTICE)
    if any(line.strip() for line in note_lines):
        notices.append("had footnotes or endnotes; their text follows the body")
    if styles_root is not None and any(
        visible_chars(page) for page in styles_root.iter(STYLE + "header", STYLE + "footer")
    ):
        notices.append(FURNITURE_NOTICE)
    return DocxText("\n".join(body_lines + note_lines), tuple(notices))
