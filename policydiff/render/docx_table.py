"""The comparison as a Word document (新旧对照表 .docx): reviewers edit and forward Word files.

Three columns — the left unit, the right unit, and 说明 (status and the figure changes) — on A4,
with both file names in the page header and the page number (a PAGE field) in the footer.
Deleted words are struck through in red, inserted words underlined in green, changed figures
bold on yellow, and a rewrite's shared phrases dark blue with a dotted underline, exactly as the
HTML report marks them (the same rows and segments, see report).
May import: the standard library, python-docx (docx), policydiff.model, policydiff.render.html,
policydiff.figures.compare, policydiff.present, policydiff.lang.safetext. Never PySide6.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape, unescape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_UNDERLINE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from policydiff.figures.compare import figure_counts
from policydiff.lang.safetext import xml_safe
from policydiff.model import Comparison
from policydiff.present import palette
from policydiff.render.html import Cell, FigureRow, Row, figure_rows, pair_kind, plain, report_rows

__all__ = ["render_docx", "setup_page", "DocxLayout"]


@dataclass(frozen=True)
class DocxLayout:
    """Page and type sizes of the Word export."""

    page_width_mm: float = 210
    page_height_mm: float = 297
    margin_mm: float = 15
    notes_min_mm: float = 24  # 说明 never narrower than this…
    notes_max_share: float = 0.25  # …nor wider than this share of the text width
    side_min_share: float = 0.4  # each side keeps at least this share of what 说明 leaves
    font_pt: float = 9.5
    small_pt: float = 8
    east_asian_font: str = "宋体"
    del_rgb: tuple[int, int, int] = palette.DELETED.ink.rgb
    ins_rgb: tuple[int, int, int] = palette.INSERTED.ink.rgb
    shared_rgb: tuple[int, int, int] = palette.SHARED.ink.rgb  # a rewrite's shared phrase, as the panes
    muted_rgb: tuple[int, int, int] = (0x5D, 0x68, 0x75)


DEFAULT = DocxLayout()
PT_MM = 25.4 / 72  # one point in millimetres
CELL_PADDING_MM = 2.6  # Word's default cell margins, left and right


def render_docx(
    comparison: Comparison,
    collapse_unchanged: bool = True,
    generated_at: datetime | None = None,
    layout: DocxLayout = DEFAULT,
    rewrites: bool = True,
) -> bytes:
    """The comparison as .docx bytes (write them with ``policydiff.render.outputs.write_atomically``).

    Args:
        comparison: the comparison to export.
        collapse_unchanged: unchanged units show their heading only, as in the HTML report.
        generated_at: the date printed under the title; now when None.
        layout: page and type sizes.
        rewrites: show low-similarity pairs as rewrites (shared phrases marked), as the report does.
    """
    doc = Document()
    setup_page(doc, comparison, layout)
    kind = pair_kind(comparison)
    left, right = comparison.left, comparison.right
    title = doc.add_paragraph()
    _run(title, f"{kind}表", layout, bold=True, size=16)
    titles = doc.add_paragraph()
    _run(
        titles,
        f"{kind}：{left.tree.title or left.document.name} ↔ {right.tree.title or right.document.name}",
        layout,
    )
    moment = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    s, f = comparison.summary, figure_counts(comparison.pairs)
    facts = doc.add_paragraph()
    _run(
        facts,
        f"左：{plain(left.document.name)}　右：{plain(right.document.name)}　生成时间：{moment}\n"
        f"{s.pairs} 对照单元：{s.changed} 修改，{s.added} 新增，{s.removed} 删除，{s.moved} 移动；"
        f"数字 {f.changed} 修改，{f.added} 新增，{f.removed} 删除"
        f"（新增条目中 {f.in_added_units}，删除条目中 {f.in_removed_units}）",
        layout,
        size=layout.small_pt,
        colour=layout.muted_rgb,
    )
    _legend(doc.add_paragraph(), layout)
    figures: dict[int, list[FigureRow]] = {}
    for figure in figure_rows(comparison):
        figures.setdefault(figure.number, []).append(figure)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, text in zip(
        table.rows[0].cells,
        (f"左：{plain(left.document.name)}", f"右：{plain(right.document.name)}", "说明"),
        strict=True,
    ):
        _run(cell.paragraphs[0], text, layout, bold=True)
    _repeat_header(table.rows[0])
    # The body rows are written as WordprocessingML text and parsed in batches: python-docx's
    # object API costs milliseconds per row (8,000 articles took a minute); this is linear and fast.
    style = _RunStyles(layout)
    built: list[tuple[str, str, str]] = []
    texts: list[tuple[str, str, list[str]]] = []  # each row's left, right and 说明 lines, to size columns
    for row in report_rows(comparison, collapse_unchanged, rewrites):
        cells = (
            _side_xml(row.left, row, style),
            _side_xml(row.right, row, style),
            _notes_xml(row, figures.get(row.number, []), style),
        )
        built.append(cells)
        texts.append((_plain(cells[0]), _plain(cells[1]), _plain(cells[2]).split("\n")))
    widths_mm = column_widths(texts, layout)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid Word and LibreOffice lay the table out by
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    widths = [Mm(w).twips for w in widths_mm]
    batch: list[str] = []
    tbl = table._tbl

    def flush() -> None:
        if batch:
            rows = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(batch)}</w:tbl>")
            tbl.extend(list(rows))
            batch.clear()

    for cells in built:
        batch.append(
            "<w:tr>"
            + "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{body}</w:tc>'
                for w, body in zip(widths, cells, strict=True)
            )
            + "</w:tr>"
        )
        if len(batch) >= _BATCH_ROWS:
            flush()
    flush()
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def column_widths(texts: list[tuple[str, str, list[str]]], layout: DocxLayout) -> tuple[float, float, float]:
    """Column widths (mm) by content: the split of the page that prints the table shortest.

    Each row is as tall as its tallest cell, so the widths are chosen (说明 between its bounds, each
    side at least ``side_min_share`` of the rest) to minimise the summed line count of the rows'
    tallest cells. Before, the grid split the page in equal thirds and 说明 took a third of it.
    """
    text_mm = layout.page_width_mm - 2 * layout.margin_mm
    rows = [
        (
            [_display_width(line) for line in left.split("\n")],
            [_display_width(line) for line in right.split("\n")],
            [_display_width(line) for line in notes],
        )
        for left, right, notes in texts
    ]
    best: tuple[float, tuple[float, float, float]] | None = None
    notes_max = layout.notes_max_share * text_mm
    for notes_mm in _steps(layout.notes_min_mm, notes_max, 6):
        rest = text_mm - notes_mm
        for share in _steps(layout.side_min_share, 1 - layout.side_min_share, 9):
            widths = (rest * share, rest * (1 - share), notes_mm)
            per_line = (
                _ems(widths[0], layout.font_pt),
                _ems(widths[1], layout.font_pt),
                _ems(notes_mm, layout.small_pt),
            )
            height = sum(
                max(
                    _lines(left, per_line[0]) * layout.font_pt,
                    _lines(right, per_line[1]) * layout.font_pt,
                    _lines(notes, per_line[2]) * layout.small_pt,
                )
                for left, right, notes in rows
            )
            if best is None or height < best[0] - 1e-6:
                best = (height, widths)
    assert best is not None
    return tuple(round(w, 1) for w in best[1])  # type: ignore[return-value]


def _steps(low: float, high: float, count: int) -> list[float]:
    return [low + (high - low) * k / (count - 1) for k in range(count)]


def _ems(column_mm: float, pt: float) -> float:
    """How many em of ``pt``-point type a line of a ``column_mm`` column holds."""
    return max(1.0, (column_mm - CELL_PADDING_MM) / (pt * PT_MM))


def _lines(widths: list[float], per_line: float) -> int:
    return sum(max(1, math.ceil(w / per_line)) for w in widths)


def _display_width(text: str) -> float:
    """Width in em: a Chinese character or full-width sign one, a Latin letter or digit about half."""
    return sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in text if c != "\n")


_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _plain(cell_xml: str) -> str:
    """A cell's text from its WordprocessingML, one line per paragraph (for sizing the columns)."""
    return "\n".join(
        unescape("".join(_TEXT.findall(paragraph))) for paragraph in cell_xml.split("</w:p>")[:-1]
    )


def setup_page(doc: DocxDocument, comparison: Comparison, layout: DocxLayout) -> None:
    """A4 portrait, the file names in the header, 第 N 页 / 共 M 页 in the footer."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(layout.page_width_mm), Mm(layout.page_height_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(layout.margin_mm))
    style = doc.styles["Normal"]
    style.font.size = Pt(layout.font_pt)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), layout.east_asian_font)
    header = section.header.paragraphs[0]
    names = f"{plain(comparison.left.document.name)} ↔ {plain(comparison.right.document.name)}"
    _run(header, f"{pair_kind(comparison)}　{names}", layout, size=layout.small_pt, colour=layout.muted_rgb)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "第 ", layout, size=layout.small_pt)
    _field(footer, "PAGE", layout)
    _run(footer, " 页 / 共 ", layout, size=layout.small_pt)
    _field(footer, "NUMPAGES", layout)
    _run(footer, " 页", layout, size=layout.small_pt)


def _field(paragraph: Paragraph, code: str, layout: DocxLayout) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out the page."""
    run = paragraph.add_run()
    run.font.size = Pt(layout.small_pt)
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text is not None and text.strip() == "1":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _repeat_header(row: _Row) -> None:
    """Repeat the column titles at the top of every page."""
    props = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    props.append(mark)


def _run(
    paragraph: Paragraph,
    text: str,
    layout: DocxLayout,
    *,
    bold: bool = False,
    size: float | None = None,
    colour: tuple[int, int, int] | None = None,
) -> Run:
    run = paragraph.add_run(xml_safe(text))  # a name that is not UTF-8, a control character: U+FFFD
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if colour:
        run.font.color.rgb = RGBColor(*colour)
    return run


_BATCH_ROWS = 500  # rows parsed at a time: bounded memory for the XML text of a huge comparison
_TEXT_BREAKS = re.compile(r"(\t|\r\n|\n|\r)")


class _RunStyles:
    """The run properties of each kind of text, as WordprocessingML, in the schema's order."""

    def __init__(self, layout: DocxLayout) -> None:
        self.layout = layout
        self.small = f'<w:sz w:val="{round(layout.small_pt * 2)}"/>'
        self.muted = f'<w:color w:val="{_hex(layout.muted_rgb)}"/>'

    def props(
        self,
        *,
        bold: bool = False,
        small: bool = False,
        colour: tuple[int, int, int] | None = None,
        strike: bool = False,
        underline: str = "",
        highlight: bool = False,
    ) -> str:
        parts = [
            "<w:b/>" if bold else "",
            "<w:strike/>" if strike else "",
            f'<w:color w:val="{_hex(colour)}"/>' if colour else "",
            self.small if small else "",
            '<w:highlight w:val="yellow"/>' if highlight else "",
            f'<w:u w:val="{underline}"/>' if underline else "",
        ]
        inner = "".join(parts)
        return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def _hex(rgb: tuple[int, int, int]) -> str:
    return "".join(f"{c:02X}" for c in rgb)


def _run_xml(text: str, props: str) -> str:
    """One run as python-docx writes it: tabs as <w:tab/>, line breaks as <w:br/>."""
    body = []
    for piece in _TEXT_BREAKS.split(xml_safe(text)):
        if piece == "\t":
            body.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            body.append("<w:br/>")
        elif piece:
            body.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{props}{''.join(body)}</w:r>"


def _side_xml(side: Cell | None, row: Row, style: _RunStyles) -> str:
    """One side's cell content: its paragraphs, deleted/inserted/shared words and figures marked."""
    layout = style.layout
    if side is None:
        return f"<w:p>{_run_xml('（无对应内容）', style.props(small=True, colour=layout.muted_rgb))}</w:p>"
    if row.collapsed:
        return f"<w:p>{_run_xml(side.caption, style.props(colour=layout.muted_rgb))}</w:p>"
    paragraphs: list[list[str]] = [[]]
    for segment in side.segments:
        for i, line in enumerate(segment.text.split("\n")):
            if i:
                paragraphs.append([])
            if not line:
                continue
            props = style.props(
                bold=segment.head or bool(segment.fig),
                strike=segment.kind == "del",
                colour=(
                    layout.del_rgb
                    if segment.kind == "del"
                    else layout.ins_rgb
                    if segment.kind == "ins"
                    else layout.shared_rgb
                    if segment.kind == "shared"
                    else None
                ),
                underline="single" if segment.kind == "ins" else "dotted" if segment.kind == "shared" else "",
                highlight=bool(segment.fig),
            )
            paragraphs[-1].append(_run_xml(line, props))
    return "".join(f"<w:p>{''.join(runs)}</w:p>" for runs in paragraphs)


def _mark(run: Run, kind: str, figure: bool, layout: DocxLayout) -> None:
    """The look of a segment kind (del / ins / shared) and of a changed figure, as the report's."""
    if kind == "del":
        run.font.strike = True
        run.font.color.rgb = RGBColor(*layout.del_rgb)
    elif kind == "ins":
        run.font.underline = True
        run.font.color.rgb = RGBColor(*layout.ins_rgb)
    elif kind == "shared":
        run.font.underline = WD_UNDERLINE.DOTTED
        run.font.color.rgb = RGBColor(*layout.shared_rgb)
    if figure:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


LEGEND = (  # (sample, kind, figure, what it means)
    ("删除的文字", "del", False, "只在左侧"),
    ("新增的文字", "ins", False, "只在右侧"),
    ("变化的数字", "", True, ""),
    (
        "共有的词句",
        "shared",
        False,
        "改写（相似度低于 30%）中两侧都有的词句；改写中只在一侧的文字同样标为删除/新增",
    ),
)


def _legend(paragraph: Paragraph, layout: DocxLayout) -> None:
    """图例: each mark of the table in its own look, and what it means."""
    _run(paragraph, "图例：", layout, size=layout.small_pt, colour=layout.muted_rgb)
    for sample, kind, figure, meaning in LEGEND:
        _mark(_run(paragraph, sample, layout, bold=figure, size=layout.small_pt), kind, figure, layout)
        note = f"（{meaning}）　" if meaning else "　"
        _run(paragraph, note, layout, size=layout.small_pt, colour=layout.muted_rgb)


def _notes_xml(row: Row, figures: list[FigureRow], style: _RunStyles) -> str:
    """说明: the row's status (moved, by hand, merged), its changes in meaning, each changed figure."""
    words = [f"{row.number}. {row.status_label}"]
    if row.moved:
        words.append("移动")
    if row.manual:
        words.append(row.manual_label)
    if row.group_note:
        words.append(row.group_note)
    if row.similarity and not row.collapsed:
        words.append(f"相似度 {row.similarity}")
    if row.rewrite:  # one-sided text struck / underlined as anywhere, shared phrases dotted besides
        words.append("改写（另标出共有词句）")
    small = style.props(small=True)
    lines = [_run_xml(" · ".join(words), style.props(bold=True, small=True))]
    lines += [_run_xml(note.detail or note.text, small) for note in row.notes]  # obligations, owners …
    for f in figures:
        subject = f"{f.subject}：" if f.subject else ""
        old, new = f.left or "无", f.right or "无"
        text = f"{f.status_label} {subject}{old} → {new}"
        if f.change:
            text += f"（{f.change}）"
        if f.qualifier:
            text += f"；限定词 {f.qualifier}"
        lines.append(_run_xml(text, small))
    return "".join(f"<w:p>{line}</w:p>" for line in lines)
