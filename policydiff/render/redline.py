"""The comparison as a Word 修订 document: the right document with the left's differences as revisions.

What drafting offices send each other: the new text in track-changes mode, every insertion and
deletion a revision (w:ins / w:del, author "policydiff", the comparison's time) the reader can
accept or reject, moved units as w:moveFrom / w:moveTo, and Word comments on what matters beside
the words (changed figures, duty strength, owners, stale references, a rewrite's similarity).
Which text goes where comes from redline_plan; this module only writes it as WordprocessingML
with python-docx and lxml elements (no XML strings), on the page of the 新旧对照表 export
(docx_table.setup_page: A4, Chinese fonts, file names in the header, page numbers).

The first page's header names both files, the time and the counts, so the body holds nothing but
the document: accepting every revision leaves exactly the right document's text, rejecting every
revision the left's (whitespace aside).
May import: the standard library, python-docx (docx), lxml, policydiff.model, present/ and render/.
Never PySide6.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle
from lxml import etree

from policydiff.model import Comparison, Level, Pair
from policydiff.present.change_notes import change_notes
from policydiff.render.docx_table import DocxLayout, setup_page
from policydiff.render.html import FigureRow, figure_rows, plain
from policydiff.render.redline_plan import Anchor, Item, Mark, Piece, plan

__all__ = ["RedlineLayout", "RedlineStats", "pair_comments", "render_redline"]


@dataclass(frozen=True)
class RedlineLayout:
    """Page, fonts and the names the revisions carry."""

    page: DocxLayout = field(
        default_factory=lambda: DocxLayout(margin_mm=25, font_pt=12, small_pt=9, east_asian_font="宋体")
    )
    latin_font: str = "Times New Roman"
    heading_font: str = "黑体"  # chapters and sections, as official documents set them
    title_font: str = "宋体"
    title_pt: float = 18
    heading_pt: float = 14
    subheading_pt: float = 12
    author: str = "policydiff"
    initials: str = "PD"
    heading_max_chars: int = 60  # a longer first line of a chapter is body text, not a heading
    # normalization-only revisions (script, width, punctuation) carry this character style
    normalization_style: str = "规范化差异"
    normalization_fill: str = "E6E6E6"


DEFAULT_LAYOUT = RedlineLayout()

_HEADING_STYLES = {
    Level.TITLE: "Title",
    Level.CHAPTER: "Heading 1",
    Level.SECTION: "Heading 2",
    Level.ATTACHMENT: "Heading 2",
}
_WRAPPERS = {
    Mark.INSERT: "w:ins",
    Mark.DELETE: "w:del",
    Mark.MOVE_FROM: "w:moveFrom",
    Mark.MOVE_TO: "w:moveTo",
}
_SPACE = qn("xml:space")
# the views (accepted: True, rejected: False) in which a run or a paragraph mark of each kind stands
_VIEWS = {
    Mark.EQUAL: (True, False),
    Mark.INSERT: (True,),
    Mark.MOVE_TO: (True,),
    Mark.DELETE: (False,),
    Mark.MOVE_FROM: (False,),
}
_BEFORE_BORDER = {
    qn(t)
    for t in (
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
    )
}
_MARKERS = {
    qn(t)
    for t in (
        "w:commentRangeStart",
        "w:commentRangeEnd",
        "w:moveFromRangeStart",
        "w:moveFromRangeEnd",
        "w:moveToRangeStart",
        "w:moveToRangeEnd",
    )
}
# characters XML 1.0 cannot hold (loaders drop them; kept visible rather than failing the save)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class RedlineStats:
    """What a redline holds: revisions by kind, comments; for the first page and for tests."""

    insertions: int = 0
    deletions: int = 0
    moves: int = 0  # moved units (each a move-from and a move-to)
    normalization: int = 0  # revisions that differ only as normalization folds them
    comments: int = 0


def render_redline(
    comparison: Comparison,
    generated_at: datetime | None = None,
    layout: RedlineLayout = DEFAULT_LAYOUT,
    stats: RedlineStats | None = None,
) -> bytes:
    """The comparison as a .docx in track-changes mode (write it with ``outputs.write_atomically``).

    Args:
        comparison: the comparison to export.
        generated_at: the comparison's time, stamped on every revision and comment; now when None.
        layout: page, fonts and the revisions' author.
        stats: filled with the counts of revisions and comments, when given.

    Returns:
        The document's bytes.
    """
    when = (generated_at or datetime.now().astimezone()).astimezone(UTC).replace(microsecond=0)
    stats = stats if stats is not None else RedlineStats()
    doc = Document()
    setup_page(doc, comparison, layout.page)
    _styles(doc, layout)
    _track_revisions(doc)
    items = plan(comparison)
    writer = _Writer(doc, comparison, layout, when, stats)
    writer.write(items)
    _first_page(doc, comparison, layout, when, stats)
    properties = doc.core_properties
    properties.author = properties.last_modified_by = layout.author
    properties.title = plain(comparison.right.tree.title or comparison.right.document.name)[:200]
    properties.created = properties.modified = when.replace(tzinfo=None)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def pair_comments(comparison: Comparison) -> dict[int, str]:
    """The comment of each pair that needs one (pair index → text, one line per fact).

    Changed figures (with their difference and ratio), changes of duty strength, owners and
    references (change_notes), a rewrite's similarity, a move, a merge or split, a manual pairing.
    """
    figures: dict[int, list[FigureRow]] = {}
    for row in figure_rows(comparison):
        figures.setdefault(row.number - 1, []).append(row)
    out: dict[int, str] = {}
    for k, pair in enumerate(comparison.pairs):
        lines = [_figure_line(f) for f in figures.get(k, [])]
        lines.extend(note.detail or note.text for note in change_notes(pair))
        status = _status_line(pair)
        if status:
            lines.insert(0, status)
        if lines:
            out[k] = "\n".join(lines)
    return out


def _figure_line(row: FigureRow) -> str:
    subject = f"{row.subject}：" if row.subject else ""
    line = f"{subject}{row.left or '无'} → {row.right or '无'}"
    if row.change:
        line += f"，{row.change}"
    if row.qualifier:
        line += f"；限定词 {row.qualifier}"
    return line


def _status_line(pair: Pair) -> str:
    """What the revisions alone do not say: a move, a rewrite, a merge or split, a manual pairing."""
    from policydiff.present.projection import is_rewrite

    words = []
    if pair.moved and pair.left is not None:
        words.append(f"移动（原{pair.left.label or pair.left.heading[:10]}）")
    if pair.also_left:
        words.append("合并自 " + "、".join(u.label or u.heading[:8] for u in pair.left_units))
    if pair.also_right:
        words.append("拆分为 " + "、".join(u.label or u.heading[:8] for u in pair.right_units))
    if is_rewrite(pair):
        words.append(f"改写，相似度 {round(pair.similarity * 100)}%")
    if pair.manual:
        words.append("人工配对" if pair.left is not None and pair.right is not None else "人工取消配对")
    return "；".join(words)


# -- the document's parts ---------------------------------------------------------------------
def _fonts(rpr: BaseOxmlElement, east_asian: str, latin: str) -> None:
    """Explicit fonts (a theme font would win over them in Word): Latin, and the CJK font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0 if rpr.find(qn("w:rStyle")) is None else 1, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asian), ("w:cs", latin)):
        fonts.set(qn(attr), name)


def _styles(doc: DocxDocument, layout: RedlineLayout) -> None:
    """Chinese fonts throughout, black headings, and the style of normalization-only revisions."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if rpr is not None:
        _fonts(rpr, layout.page.east_asian_font, layout.latin_font)
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr(), layout.page.east_asian_font, layout.latin_font)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    for name, font, size in (
        ("Title", layout.title_font, layout.title_pt),
        ("Heading 1", layout.heading_font, layout.heading_pt),
        ("Heading 2", layout.heading_font, layout.subheading_pt),
    ):
        style = doc.styles[name]
        _plain_style(style, font, size, layout)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark = doc.styles.add_style(layout.normalization_style, WD_STYLE_TYPE.CHARACTER)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), layout.normalization_fill)
    mark.element.get_or_add_rPr().append(shading)


def _plain_style(style: BaseStyle, font: str, size: float, layout: RedlineLayout) -> None:
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:spacing", "w:kern", "w:i", "w:iCs"):
        for child in rpr.findall(qn(tag)):
            rpr.remove(child)
    _fonts(rpr, font, layout.latin_font)
    style.font.size = Pt(size)  # type: ignore[attr-defined]
    style.font.bold = True  # type: ignore[attr-defined]
    style.font.color.rgb = RGBColor(0, 0, 0)  # type: ignore[attr-defined]
    ppr = style.element.get_or_add_pPr()
    for child in ppr.findall(qn("w:pBdr")):  # the template's Title has a rule under it
        ppr.remove(child)


_SETTINGS_AFTER_TRACK = (
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
)  # CT_Settings children that follow w:trackRevisions (the schema fixes their order)


def _track_revisions(doc: DocxDocument) -> None:
    """settings.xml's w:trackRevisions: the recipient's own edits are tracked too."""
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    track = OxmlElement("w:trackRevisions")
    later = {qn(t) for t in _SETTINGS_AFTER_TRACK}
    for child in settings:
        if child.tag in later:
            child.addprevious(track)
            return
    settings.append(track)


def _first_page(
    doc: DocxDocument, comparison: Comparison, layout: RedlineLayout, when: datetime, stats: RedlineStats
) -> None:
    """The first page's own header: what was compared with what, when, and what the revisions hold.

    It stands in the header so the body is the document alone (accept all → the right text).
    """
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    left, right = comparison.left, comparison.right
    local = when.astimezone()
    lines: list[tuple[str, float, bool]] = [
        ("修订文档", layout.title_pt - 2, True),
        (
            f"原文（左）：{plain(left.document.name)}" + _titled(left.tree.title),
            layout.page.font_pt - 1,
            False,
        ),
        (
            f"修订后（右）：{plain(right.document.name)}" + _titled(right.tree.title),
            layout.page.font_pt - 1,
            False,
        ),
        (
            f"比较时间：{local:%Y-%m-%d %H:%M}　修订者：{layout.author}　"
            f"插入 {stats.insertions} 处，删除 {stats.deletions} 处，"
            f"移动 {stats.moves} 处，批注 {stats.comments} 条",
            layout.page.small_pt,
            False,
        ),
        (
            "全部接受得修订后文本，全部拒绝得原文。"
            + (
                f"其中 {stats.normalization} 处只是繁简、全半角或标点不同"
                f"（灰底，样式“{layout.normalization_style}”）。"
                if stats.normalization
                else ""
            ),
            layout.page.small_pt,
            False,
        ),
    ]
    for n, (text, size, bold) in enumerate(lines):
        paragraph = header.paragraphs[0] if n == 0 else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if n == 0 else WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(_NOT_XML.sub("\ufffd", text))
        run.font.size = Pt(size)
        run.bold = bold or None
    rule = OxmlElement("w:pBdr")  # a rule under the block, between it and the document
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "auto")):
        bottom.set(qn(attr), value)
    rule.append(bottom)
    ppr = header.paragraphs[-1]._p.get_or_add_pPr()
    later = next((c for c in ppr if c.tag not in _BEFORE_BORDER), None)  # the schema fixes the order
    if later is None:
        ppr.append(rule)
    else:
        later.addprevious(rule)
    footer = section.first_page_footer  # the first page is numbered like the others
    for paragraph in section.footer.paragraphs:
        footer._element.append(_copy(paragraph._p))
    for empty in list(footer.paragraphs)[:1]:
        if not empty.text and not empty._p.findall(qn("w:r")):
            footer._element.remove(empty._p)


def _sub(parent: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    """A child element (lxml's SubElement: python-docx's OxmlElement is ten times slower)."""
    element: BaseOxmlElement = etree.SubElement(parent, _qn(tag))
    for key, value in attrs.items():
        element.set(_qn(f"w:{key}"), value)
    return element


@functools.cache
def _qn(tag: str) -> str:
    return qn(tag)


def _copy(element: BaseOxmlElement) -> BaseOxmlElement:
    from copy import deepcopy

    return deepcopy(element)


def _titled(title: str) -> str:
    return f"　《{plain(title)[:60]}》" if title.strip() else ""


# -- the body ---------------------------------------------------------------------------------
class _Writer:
    """Writes the plan's stream as paragraphs of runs inside revision elements."""

    def __init__(
        self,
        doc: DocxDocument,
        comparison: Comparison,
        layout: RedlineLayout,
        when: datetime,
        stats: RedlineStats,
    ) -> None:
        self.doc = doc
        self.comparison = comparison
        self.layout = layout
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.stats = stats
        body = doc.element.body
        self.end = body.find(qn("w:sectPr"))
        for p in body.findall(qn("w:p")):  # the template's empty paragraph
            body.remove(p)
        self.next_id = 1  # revision ids, one space for every revision and move range
        self.p: BaseOxmlElement | None = None
        self.p_marks: set[Mark] = set()  # marks of the paragraph's visible text
        self.p_level: Level | None = None
        self.in_title = False
        self.at_line_start = {True: True, False: True}  # accepted view, rejected view
        self.previous: BaseOxmlElement | None = None  # the last paragraph kept
        self.p_text: list[str] = []
        self.style_id = doc.styles[layout.normalization_style].style_id
        self.comments = pair_comments(comparison)
        self.comment_ids: dict[int, int] = {}
        self.moves: dict[tuple[int, Mark], int] = {}
        self.comments_root: BaseOxmlElement | None = None

    def write(self, items: Sequence[Item]) -> None:
        for item in items:
            if isinstance(item, Anchor):
                self._anchor(item)
                continue
            parts = item.text.split("\n")
            for n, part in enumerate(parts):
                if n:
                    self._end_paragraph(item.mark)
                if part:
                    self._run(part, item)
        self._end_paragraph(Mark.EQUAL)

    # paragraphs
    def _paragraph(self) -> BaseOxmlElement:
        if self.p is None:
            self.p = self.end.makeelement(qn("w:p"))
            _sub(self.p, "w:pPr")
            self.end.addprevious(self.p)
            self.p_marks, self.p_text = set(), []
            self.p_level = Level.TITLE if self.in_title else None  # every line of the title block
        return self.p

    def _end_paragraph(self, mark: Mark) -> None:
        """Close the paragraph with its mark (the newline's revision).

        A paragraph wholly inserted (deleted) gets an inserted (deleted) mark too, unless that
        mark is the only line break the left (right) view has there: whitespace is free to mark
        either way for the texts, so the marks are chosen to keep each side's own paragraphs.
        """
        p = self.p
        if p is None:
            if mark == Mark.EQUAL:  # a blank line: Word spaces paragraphs itself
                if not all(self.at_line_start.values()):
                    self._plain_previous_mark()  # its break was the only one a view had here
                return
            p = self._paragraph()
        marks = self.p_marks
        if mark == Mark.EQUAL and marks:
            if marks <= {Mark.INSERT, Mark.MOVE_TO} and self.at_line_start[False]:
                mark = Mark.INSERT
            elif marks <= {Mark.DELETE, Mark.MOVE_FROM} and self.at_line_start[True]:
                mark = Mark.DELETE
        ppr = p[0]
        text = "".join(self.p_text).strip()
        if not text and not any(c.tag in _MARKERS for c in p):  # a blank line, kept out
            p.getparent().remove(p)
            self.p = None
            if any(not self.at_line_start[view] for view in _VIEWS[mark]):
                self._plain_previous_mark()  # its break was the only one that view had here
            return
        style = _HEADING_STYLES.get(self.p_level) if self.p_level is not None else None
        if style and text and len(text) <= self.layout.heading_max_chars:
            pstyle = OxmlElement("w:pStyle")
            pstyle.set(qn("w:val"), self._style_id(style))
            ppr.insert(0, pstyle)
        if mark != Mark.EQUAL:
            removed = mark in (Mark.DELETE, Mark.MOVE_FROM)
            self._revision(_sub(ppr, "w:rPr"), "w:del" if removed else "w:ins")
        if len(ppr) == 0:
            p.remove(ppr)
        for view in _VIEWS[mark]:
            self.at_line_start[view] = True
        self.previous = p
        self.p = None

    def _plain_previous_mark(self) -> None:
        """Make the last paragraph's mark a plain one: a line break in both views."""
        p = self.previous
        ppr = p.find(_qn("w:pPr")) if p is not None else None
        rpr = ppr.find(_qn("w:rPr")) if ppr is not None else None
        if ppr is None or rpr is None:
            return
        ppr.remove(rpr)
        if len(ppr) == 0:
            ppr.getparent().remove(ppr)
        self.at_line_start[True] = self.at_line_start[False] = True

    @functools.cache  # noqa: B019 - one writer per document, a handful of styles
    def _style_id(self, name: str) -> str:
        return str(self.doc.styles[name].style_id)

    # runs
    def _run(self, text: str, piece: Piece) -> None:
        text = _NOT_XML.sub("\ufffd", text.replace("\r", ""))  # a CR is whitespace; Word would break there
        if not text:
            return
        p = self._paragraph()
        if text.strip():
            self.p_marks.add(piece.mark)
            for view in _VIEWS[piece.mark]:
                self.at_line_start[view] = False
        self.p_text.append(text)
        visible = bool(text.strip())
        parent = p if piece.mark == Mark.EQUAL else self._revision(p, _WRAPPERS[piece.mark])
        r = _sub(parent, "w:r")
        if piece.normalization:
            _sub(_sub(r, "w:rPr"), "w:rStyle", val=self.style_id)
        tag = "w:delText" if piece.mark == Mark.DELETE else "w:t"
        for n, part in enumerate(text.split("\t")):
            if n:
                _sub(r, "w:tab")
            if part:
                t = _sub(r, tag)
                t.set(_SPACE, "preserve")
                t.text = part
        if piece.mark == Mark.EQUAL or not visible:
            return
        if piece.normalization:
            self.stats.normalization += 1
        elif piece.mark == Mark.INSERT:
            self.stats.insertions += 1
        elif piece.mark == Mark.DELETE:
            self.stats.deletions += 1

    def _revision(self, parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
        """A revision element (or move range start) under ``parent``, with its id, author and date."""
        element = _sub(parent, tag, id=str(self.next_id), author=self.layout.author, date=self.date)
        self.next_id += 1
        return element

    # anchors: comments and move ranges
    def _anchor(self, anchor: Anchor) -> None:
        p = self._paragraph()
        if anchor.start and self.p_level is None and not "".join(self.p_text).strip():
            self.p_level = anchor.level
        if anchor.level == Level.TITLE:
            self.in_title = anchor.start
        if anchor.mark in (Mark.MOVE_FROM, Mark.MOVE_TO):
            self._move_range(p, anchor)
        text = self.comments.get(anchor.pair)
        if text is None or anchor.mark == Mark.MOVE_FROM:
            return  # a moved unit's comment stands where the right has it
        if anchor.start:
            cid = self.comment_ids[anchor.pair] = self._comment(text)
            _sub(p, "w:commentRangeStart", id=str(cid))
            self.stats.comments += 1
            return
        cid = self.comment_ids.pop(anchor.pair, -1)
        if cid < 0:
            return
        _sub(p, "w:commentRangeEnd", id=str(cid))
        _sub(_sub(p, "w:r"), "w:commentReference", id=str(cid))

    def _comment(self, text: str) -> int:
        """A w:comment in comments.xml, one paragraph a line; its id."""
        if self.comments_root is None:
            # the part and its relationship come from python-docx; its element is filled here,
            # since adding comments one by one through it costs a search of all ids each time
            self.comments_root = self.doc.comments._comments_elm
        cid = len(self.comments_root)
        comment = _sub(
            self.comments_root,
            "w:comment",
            id=str(cid),
            author=self.layout.author,
            date=self.date,
            initials=self.layout.initials,
        )
        for n, line in enumerate(_NOT_XML.sub("\ufffd", text).split("\n")):
            paragraph = _sub(comment, "w:p")
            if n == 0:
                _sub(_sub(paragraph, "w:r"), "w:annotationRef")
            t = _sub(_sub(paragraph, "w:r"), "w:t")
            t.set(_SPACE, "preserve")
            t.text = line
        return cid

    def _move_range(self, p: BaseOxmlElement, anchor: Anchor) -> None:
        kind = "moveFrom" if anchor.mark == Mark.MOVE_FROM else "moveTo"
        if anchor.start:
            element = self._revision(p, f"w:{kind}RangeStart")
            element.set(qn("w:name"), f"move{anchor.pair + 1}")
            self.moves[(anchor.pair, anchor.mark)] = int(element.get(qn("w:id")))
            if anchor.mark == Mark.MOVE_TO:
                self.stats.moves += 1
            return
        rid = self.moves.pop((anchor.pair, anchor.mark), None)
        if rid is None:
            return
        _sub(p, f"w:{kind}RangeEnd", id=str(rid))
