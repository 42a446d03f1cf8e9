"""Read the text a reader sees in a Word .docx: numbering, tracked changes, fields, text boxes.

Walks word/document.xml in reading order over what Word displays: paragraphs with their
automatic numbering (docx_numbering), runs inside tracked insertions, hyperlinks, smart tags,
custom XML, content controls, bidi overrides and simple fields; the result (never the
instruction) of complex fields; one branch of each mc:AlternateContent; text boxes as lines of
their own at their anchor. Deleted and moved-away text is hidden (the final text, as if every
change were accepted) and a notice says so; so is text formatted as hidden (w:vanish on the run),
as Word prints it. Tables give one line per row of tab-separated cells.
Footnotes and endnotes follow the body; headers and footers are page furniture and left out.
An embedded HTML or text part (altChunk) is read in place. Finally every part's w:t characters
are counted independently of the walk and compared with what was recovered (docx_check), so a
construct this walk does not know refuses the file instead of silently dropping its text.
May import: the standard library, lxml, policydiff.io (zipparts, docx_numbering, docx_check,
htmltext, text, limits), policydiff.errors.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from policydiff.errors import LoadReason
from policydiff.io.limits import LoadLimits
from policydiff.io.office.docx_check import check_nothing_lost, run_is_hidden, visible_chars
from policydiff.io.office.docx_numbering import Counters, Definitions, W, format_number
from policydiff.io.office.zipparts import DOCX_MAIN_PART, OfficeRefused, local, parse_xml, read_part

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

TRACKED_NOTICE = "had tracked changes; shown as the final text (accepted)"
FURNITURE_NOTICE = "page headers and footers left out"
HIDDEN_NOTICE = "had hidden text; left out"

# Elements whose content Word does not show in the final text, or shows elsewhere.
_HIDDEN = frozenset(
    {"del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "sectPr", "tblPr",
     "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "rt", "fldData", "numPr", "customXmlPr",
     "smartTagPr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
     "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator",
     "lastRenderedPageBreak", "proofErr", "permStart", "permEnd", "docPr", "cNvPr"}
)  # fmt: skip
_CHANGE_TAGS = frozenset({"ins", "del", "moveFrom", "moveTo"})
_NOTE_REFS = {"footnoteReference": "footnotes", "endnoteReference": "endnotes"}


class DocxRefused(OfficeRefused):
    """The .docx cannot be read faithfully; the message completes "<name> …"."""


@dataclass
class DocxText:
    """What a .docx holds for the comparison: its text and how it was read."""

    text: str
    notices: tuple[str, ...] = ()


@dataclass
class _Part:
    """One XML part being walked: its name, its relationships and the lines recovered."""

    name: str
    rels: dict[str, tuple[str, str]]  # rId → (type, target part name)
    lines: list[str] = field(default_factory=list)
    extra_chars: int = 0  # non-space characters not from w:t (labels, symbols, embedded parts)
    root: Any = None  # the parsed part, kept for the no-text-lost check


def _symbol_char(sym: Any) -> str:
    """The character a w:sym stands for; "" for a Symbol/Wingdings glyph with no Unicode meaning."""
    try:
        code = int(sym.get(W + "char", ""), 16)
    except ValueError:
        return ""
    return "" if 0xF000 <= code <= 0xF0FF else chr(code)


class _Reader:
    """One walk over a document's parts; keeps numbering counters and field state across them."""

    def __init__(self, archive: zipfile.ZipFile, limits: LoadLimits, depth: int = 0) -> None:
        self.archive = archive
        self.limits = limits
        self.depth = depth
        self.tracked = False
        self.hidden = False  # runs formatted as hidden (w:vanish) were left out
        self.counters = Counters(Definitions(None, None))
        self.fields: list[bool] = []  # one entry per open complex field: True once past "separate"
        self.in_instruction = 0  # open fields not yet past "separate": their text is not shown
        self.note_ids: dict[str, list[str]] = {"footnotes": [], "endnotes": []}
        self.note_marks: dict[str, str] = {}  # "footnotes:3" → the mark the body shows for it
        self.note_formats = {"footnotes": "decimal", "endnotes": "lowerRoman"}  # Word's defaults
        self.note_counts: dict[str, int] = {}
        self.after_mark = False  # a note's mark was just written: the space or tab after it is layout
        self.note_kind = ""  # the notes part being walked ("footnotes"), "" in the body
        self.note_id = ""  # the note being walked
        self.line: list[str] = []
        self.part: _Part | None = None

    # --- parts -------------------------------------------------------------------------------

    def xml(self, name: str) -> Any | None:
        data = read_part(self.archive, name, self.limits)
        return None if data is None else parse_xml(data, name)

    def rels_of(self, name: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(name)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        rels: dict[str, tuple[str, str]] = {}
        if root is None:
            return rels
        for rel in root.iter(_REL):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            rels[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(path))
        return rels

    def main_part(self) -> str:
        for kind, target in self.rels_of("").values():
            if kind == "officeDocument":
                return target
        return DOCX_MAIN_PART

    # --- blocks ------------------------------------------------------------------------------

    def flush(self) -> None:
        assert self.part is not None
        self.part.lines.append("".join(self.line))
        self.line = []

    def blocks(self, container: Any) -> None:
        """Paragraphs, tables and block containers (content controls, custom XML) in order."""
        for child in container:
            tag = local(child.tag)
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl":
                self.table(child)
            elif tag == "altChunk":
                self.alt_chunk(child)
            elif tag in _CHANGE_TAGS:
                self.tracked = True
                if tag in ("ins", "moveTo"):
                    self.blocks(child)
            elif tag == "AlternateContent":
                branch = _one_branch(child)
                if branch is not None:
                    self.blocks(branch)
            elif tag not in _HIDDEN:
                self.blocks(child)

    def paragraph(self, p: Any) -> None:
        ppr = p.find(W + "pPr")
        mark_deleted = False
        label = ""
        if ppr is not None:
            mark = ppr.find(W + "rPr")
            if mark is not None and (
                mark.find(W + "del") is not None or mark.find(W + "moveFrom") is not None
            ):
                mark_deleted = True  # the paragraph joins the next one in the final text
                self.tracked = True
            elif mark is not None and mark.find(W + "ins") is not None:
                self.tracked = True
            if ppr.find(W + "pPrChange") is not None:
                self.tracked = True
            if not mark_deleted:
                label = self._label(ppr)
        if label:
            self.line.insert(0, label)
            assert self.part is not None
            self.part.extra_chars += sum(1 for ch in label if not ch.isspace())
        self.inline(p)
        if not mark_deleted:
            self.flush()

    def _label(self, ppr: Any) -> str:
        style = ppr.find(W + "pStyle")
        style_id = None if style is None else style.get(W + "val")
        num_pr = ppr.find(W + "numPr")
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            if num_pr.find(W + "ins") is not None or num_pr.find(W + "del") is not None:
                self.tracked = True
            num_el, lvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
            num_id = None if num_el is None else num_el.get(W + "val")
            try:
                ilvl = None if lvl_el is None else int(lvl_el.get(W + "val", "0"))
            except ValueError:
                ilvl = 0
        return self.counters.label(num_id, ilvl, style_id)

    def table(self, tbl: Any) -> None:
        for row in _descend(tbl, "tr"):
            trpr = row.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                self.tracked = True
                continue
            if trpr is not None and trpr.find(W + "ins") is not None:
                self.tracked = True
            cells = []
            for cell in _descend(row, "tc"):
                cells.append(" ".join(line for line in self.sub_lines(cell) if line.strip()))
            self.line.append("\t".join(cells))
            self.flush()

    def sub_lines(self, container: Any) -> list[str]:
        """The lines of a nested block container (a cell, a text box), walked apart."""
        assert self.part is not None
        outer_lines, outer_line = self.part.lines, self.line
        self.part.lines, self.line = [], []
        try:
            self.blocks(container)
            if self.line:
                self.flush()
            return self.part.lines
        finally:
            self.part.lines, self.line = outer_lines, outer_line

    # --- inline ------------------------------------------------------------------------------

    def inline(self, element: Any) -> None:
        """Runs and inline containers of a paragraph, in order."""
        for child in element:
            tag = local(child.tag)
            if tag == "r":
                self.run(child)
            elif tag in _CHANGE_TAGS:
                self.tracked = True
                if tag in ("ins", "moveTo"):
                    self.inline(child)
            elif tag == "fldSimple":
                self.inline(child)  # its runs are the field's shown result
            elif tag == "AlternateContent":
                branch = _one_branch(child)
                if branch is not None:
                    self.inline(branch)
            elif tag == "txbxContent":
                self.text_box(child)
            elif tag in ("oMath", "oMathPara"):
                self.line.append("".join(t.text or "" for t in child.iter("{*}t")))
            elif tag not in _HIDDEN:
                self.inline(child)  # hyperlink, smartTag, customXml, sdt/sdtContent, bdo, dir, ruby …

    def showing(self) -> bool:
        return self.in_instruction == 0

    def run(self, run: Any) -> None:
        if run_is_hidden(run):
            self.hidden = self.hidden or any((t.text or "").strip() for t in run.iter(W + "t"))
            return
        for child in run:
            tag = local(child.tag)
            if tag == "t":
                if self.showing():
                    text = child.text or ""
                    if self.after_mark:  # one space after a note's mark, whatever the runs hold
                        text = text.lstrip()
                        self.after_mark = not text
                    self.line.append(text)
            elif tag == "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self.fields.append(False)
                    self.in_instruction += 1
                elif kind == "separate" and self.fields and not self.fields[-1]:
                    self.fields[-1] = True
                    self.in_instruction -= 1
                elif kind == "end" and self.fields:
                    self.in_instruction -= 0 if self.fields.pop() else 1
            elif tag in ("footnoteRef", "endnoteRef") and self.showing():
                mark = self.note_marks.get(f"{self.note_kind}:{self.note_id}")
                if mark:
                    self._extra(mark + " ")  # a note opens with its mark, as Word prints it
                    self.after_mark = True
            elif not self.showing() or tag in _HIDDEN:
                continue
            elif tag == "tab" or tag == "ptab":
                if not self.after_mark:
                    self.line.append(" ")
            elif tag in ("br", "cr"):
                self.line.append("\n")
            elif tag == "noBreakHyphen":
                self._extra("-")
            elif tag == "sym":
                self._symbol(child)
            elif tag in _NOTE_REFS:
                self.note_reference(_NOTE_REFS[tag], child)
            elif tag == "AlternateContent":
                branch = _one_branch(child)
                if branch is not None:
                    self.run(branch)
            elif tag in ("drawing", "pict", "object", "ruby"):
                self.embedded(child)
            elif tag not in ("softHyphen", "footnoteReference", "endnoteReference"):
                self.embedded(child)

    def note_reference(self, kind: str, reference: Any) -> None:
        """A footnote or endnote reference: its mark stays in the body where the reader sees it
        (numbered in order of reference, in the document's format), unless a custom mark follows."""
        note_id = reference.get(W + "id", "")
        self.note_ids[kind].append(note_id)
        if reference.get(W + "customMarkFollows") in ("1", "true", "on"):
            return
        self.note_counts[kind] = self.note_counts.get(kind, 0) + 1
        mark = format_number(self.note_counts[kind], self.note_formats[kind])
        self.note_marks.setdefault(f"{kind}:{note_id}", mark)
        self._extra(mark)

    def _extra(self, text: str) -> None:
        assert self.part is not None
        self.line.append(text)
        self.part.extra_chars += sum(1 for ch in text if not ch.isspace())

    def _symbol(self, sym: Any) -> None:
        char = _symbol_char(sym)
        if char:
            self._extra(char)

    def embedded(self, element: Any) -> None:
        """A drawing, VML picture or ruby: text boxes in it (one branch of each alternative)."""
        for child in element:
            tag = local(child.tag)
            if tag == "txbxContent":
                self.text_box(child)
            elif tag == "AlternateContent":
                branch = _one_branch(child)
                if branch is not None:
                    self.embedded(branch)
            elif tag == "rubyBase":
                self.inline(child)
            elif tag not in _HIDDEN:
                self.embedded(child)

    def text_box(self, content: Any) -> None:
        """A text box's paragraphs become lines of their own where the box is anchored."""
        lines = self.sub_lines(content)
        before = "".join(self.line)
        if before.strip():
            self.flush()
        else:
            self.line = [before] if before else []
        assert self.part is not None
        self.part.lines.extend(line for line in lines if line.strip())

    # --- embedded parts ----------------------------------------------------------------------

    def alt_chunk(self, element: Any) -> None:
        """An embedded HTML, text or .docx part, read in place; any other kind refuses."""
        assert self.part is not None
        kind, target = self.part.rels.get(element.get(_R + "id", ""), ("", ""))
        data = read_part(self.archive, target, self.limits) if target else None
        if data is None:
            raise DocxRefused(
                f"embeds a part that is missing ({target or 'altChunk'}); save it again in Word",
                LoadReason.DAMAGED,
                part=target or "altChunk",
            )
        text = _alt_chunk_text(target, data, self.limits, self.depth)
        for line in text.split("\n"):
            self._extra(line)
            self.flush()

    def walk_part(self, name: str, root_tag: str | None = None) -> _Part:
        root = self.xml(name)
        part = _Part(name, self.rels_of(name), root=root)
        if root is None:
            return part
        self.part, self.line = part, []
        body = root.find(W + "body") if root_tag is None else root
        self.blocks(body if body is not None else root)
        if self.line:
            self.flush()
        return part


def _one_branch(alternate: Any) -> Any | None:
    """The first mc:Choice of an AlternateContent (or its Fallback): never both copies."""
    for branch in alternate:
        if branch.tag in (_MC + "Choice", _MC + "Fallback"):
            return branch
    return None


def _descend(element: Any, wanted: str) -> list[Any]:
    """Rows of a table or cells of a row, also inside content controls and custom XML."""
    found = []
    for child in element:
        tag = local(child.tag)
        if tag == wanted:
            found.append(child)
        elif tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            found.extend(_descend(child, wanted))
    return found


def _alt_chunk_text(target: str, data: bytes, limits: LoadLimits, depth: int) -> str:
    from policydiff.io.text import NotText, decode, normalize_text
    from policydiff.io.web.html import html_to_text

    suffix = posixpath.splitext(target)[1].lower()
    if suffix in (".htm", ".html", ".xhtml", ".txt"):
        try:
            text = normalize_text(decode(data, limits).text)
        except NotText as exc:
            raise DocxRefused(
                f"embeds a part that is not text ({target}); save it again in Word",
                LoadReason.DAMAGED,
                part=target,
            ) from exc
        return html_to_text(text) if suffix != ".txt" else text
    if suffix in (".docx", ".docm") and depth < limits.docx_max_embedding:
        return read_docx(data, limits, depth + 1).text
    raise DocxRefused(
        f"embeds a part this reader cannot read ({target}); open it in Word and save it again as .docx",
        LoadReason.UNSUPPORTED,
        part=target,
    )


def read_docx_archive(archive: zipfile.ZipFile, limits: LoadLimits, depth: int = 0) -> DocxText:
    """Text of an opened, checked .docx archive (see open_archive)."""
    reader = _Reader(archive, limits, depth)
    main = reader.main_part()
    rels = reader.rels_of(main)
    by_type = {kind: target for kind, target in rels.values()}
    reader.counters = Counters(
        Definitions(
            reader.xml(by_type["numbering"]) if "numbering" in by_type else None,
            reader.xml(by_type["styles"]) if "styles" in by_type else None,
        )
    )
    settings = reader.xml(by_type["settings"]) if "settings" in by_type else None
    reader.note_formats.update(_note_formats(settings))
    body = reader.walk_part(main)
    parts = [body]
    for kind in ("footnotes", "endnotes"):
        if kind in by_type:
            parts.append(_notes(reader, by_type[kind], kind[:-1]))
    for part in parts:
        check_nothing_lost(part.root, part.name, part.lines, part.extra_chars)
    notices = []
    if reader.tracked:
        notices.append(TRACKED_NOTICE)
    if reader.hidden:
        notices.append(HIDDEN_NOTICE)
    notes = sum(1 for part in parts[1:] if any(line.strip() for line in part.lines))
    if notes:
        notices.append("had footnotes or endnotes; their text follows the body")
    furniture = [t for k, t in rels.values() if k in ("header", "footer")]
    if any(visible_chars(reader.xml(name)) for name in furniture):
        notices.append(FURNITURE_NOTICE)
    lines = [line for part in parts for line in part.lines]
    return DocxText("\n".join(lines), tuple(notices))


def _note_formats(settings: Any | None) -> dict[str, str]:
    """The number formats of footnote and endnote marks the document sets (w:footnotePr)."""
    formats: dict[str, str] = {}
    if settings is None:
        return formats
    for kind in ("footnote", "endnote"):
        fmt = settings.find(f"{W}{kind}Pr/{W}numFmt")
        if fmt is not None and fmt.get(W + "val"):
            formats[kind + "s"] = fmt.get(W + "val")
    return formats


def _notes(reader: _Reader, name: str, note_tag: str) -> _Part:
    """Footnotes or endnotes, in the order the body refers to them, one line per paragraph."""
    root = reader.xml(name)
    part = _Part(name, reader.rels_of(name), root=root)
    if root is None:
        return part
    notes = {n.get(W + "id", ""): n for n in root.iter(W + note_tag)}
    order = reader.note_ids[note_tag + "s"]
    ordered = [notes.pop(i) for i in order if i in notes]
    ordered += [n for n in notes.values() if n.get(W + "type") in (None, "normal")]  # unreferenced
    reader.part, reader.line = part, []
    reader.note_kind = note_tag + "s"
    for note in ordered:
        reader.note_id = note.get(W + "id", "")
        reader.blocks(note)
    if reader.line:
        reader.flush()
    reader.note_kind = reader.note_id = ""
    return part


def read_docx(data: bytes, limits: LoadLimits, depth: int = 0) -> DocxText:
    """Text and notices of a .docx given as bytes; refuses what is not a readable Word file."""
    from policydiff.io.office.zipparts import Flavour, open_archive

    archive, flavour = open_archive(data, limits)
    with archive:
        if flavour != Flavour.DOCX:
            raise DocxRefused("embeds an OpenDocument file; save it again in Word", LoadReason.UNSUPPORTED)
        return read_docx_archive(archive, limits, depth)
