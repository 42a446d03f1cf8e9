"""The coverage matrix as an Excel workbook, because reviewers annotate and forward spreadsheets.

Sheet 覆盖矩阵: one row per parent unit; per child (headed by its document title) its verdict
(coloured), units, reason and responsible units; sheet 新增条目: each child's own additions;
sheet 统计: counts per verdict and child. Every sheet prints on A4 landscape with its header rows
(and the matrix its row labels) repeated on each page, fitted to the width — or, past
CHILDREN_PER_PAGE children, at a scale that keeps each child's columns whole on a page.
May import: the standard library, openpyxl and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import io
from typing import Any

from policydiff.coverage.matrix import VERDICT_LABELS, Coverage, Verdict
from policydiff.present import palette
from policydiff.render.sheets import SheetRows

FILLS = {verdict: swatch.background.plain_hex for verdict, swatch in palette.VERDICT.items()}
HEADER_ROWS = 2  # the children's titles, then what each of their columns holds
CHILD_COLUMNS = ("判定", "对应条目", "说明", "责任单位")
CHILD_WIDTHS = (6, 10, 28, 12)  # in characters: the reason gets the room, the verdict word little
CHILDREN_PER_PAGE = 3  # printed: this many children beside the row labels stay readable (≈70 %)
PRINTABLE_WIDTH_MM = 297 - 2 * 10.2  # A4 landscape less the 0.4-inch side margins
TITLE_CHARS = 40  # a header shows this much of a title; its cell's note names the file


def _header_title(title: str, name: str) -> str:
    """A child's column header: its document title (shortened), else its file name."""
    text = " ".join(title.split()) or name
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def _width_mm(characters: float, columns: int) -> float:
    """Printed width of ``columns`` columns ``characters`` wide in all, at the widest a spreadsheet lays
    them out: Excel gives a character 7 px, LibreOffice about 9.5 (measured on its PDF export)."""
    return (9.5 * characters + 5 * columns) * 25.4 / 96


def _print_setup(sheet: Any, pages_wide: int, label_columns: str = "A:B") -> None:
    """Printed as reviewers file it: A4 landscape, as many pages wide as asked, any number of pages
    long, with the header rows (and the row labels) repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = pages_wide
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    sheet.print_title_rows = f"1:{HEADER_ROWS}" if label_columns else "1:1"
    if label_columns:
        sheet.print_title_cols = label_columns


def coverage_to_xlsx(coverage: Coverage) -> bytes:
    """The workbook's bytes (the caller writes them atomically)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    book = Workbook()
    book.remove(book.worksheets[0])
    matrix = book.create_sheet("覆盖矩阵")
    # two header rows: each child's document title over its four columns, then what each column holds
    titles: list[str] = ["条目", "标题"]
    header: list[str] = ["", ""]
    for child in coverage.children:
        titles += [_header_title(child.title, child.name), "", "", ""]
        header += list(CHILD_COLUMNS)
    titles.append("采纳份数")
    header.append("")
    matrix_rows = SheetRows(matrix)  # text kept as text (never a formula), clipped to a cell's limit
    matrix_rows.append(titles)
    matrix_rows.append(header)
    bold = Font(bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for line in matrix.iter_rows(min_row=1, max_row=HEADER_ROWS):
        for cell in line:
            cell.font = bold
            cell.alignment = centred
    for column in (1, 2, len(titles)):  # the label columns and the count span both header rows
        matrix.merge_cells(start_row=1, end_row=2, start_column=column, end_column=column)
    for k, child in enumerate(coverage.children):
        first = 3 + len(CHILD_COLUMNS) * k
        matrix.merge_cells(start_row=1, end_row=1, start_column=first, end_column=first + 3)
        name = child.name.encode("utf-8", "replace").decode("utf-8")  # a name's stray byte: "?"
        matrix.cell(row=1, column=first).comment = Comment(name, "policydiff")  # its file
    matrix.row_dimensions[1].height = 32
    fills = {v: PatternFill("solid", start_color=color, end_color=color) for v, color in FILLS.items()}
    for row in coverage.rows:
        values: list[str | int] = ["　" * row.unit.depth + row.unit.label, row.unit.heading]
        for k, cell in enumerate(row.cells):
            if cell is None:
                values += ["无法读取", "", coverage.children[k].error or "", ""]
            else:
                values += [
                    VERDICT_LABELS[cell.verdict],
                    "、".join(u.label or u.heading[:10] for u in cell.units),
                    cell.why,
                    "、".join(cell.owners) + ("（有变化）" if cell.owners_changed else ""),
                ]
        values.append(coverage.adopted_by(row))
        written = matrix_rows.append(values)
        for k, cell in enumerate(row.cells):
            if cell is not None:
                matrix.cell(row=written, column=3 + 4 * k).fill = fills[cell.verdict]
    matrix.freeze_panes = f"C{HEADER_ROWS + 1}"
    matrix.column_dimensions["A"].width = 9
    matrix.column_dimensions["B"].width = 26
    for column in range(3, len(titles)):
        width = CHILD_WIDTHS[(column - 3) % len(CHILD_COLUMNS)]
        matrix.column_dimensions[get_column_letter(column)].width = width
    matrix.column_dimensions[get_column_letter(len(titles))].width = 7
    wrapped = Alignment(wrap_text=True, vertical="top")  # one style object for every cell
    for line in matrix.iter_rows(min_row=HEADER_ROWS + 1):
        for cell in line:
            cell.alignment = wrapped
    _print_setup(matrix, pages_wide=1)
    if len(coverage.children) > CHILDREN_PER_PAGE:
        # fitted to one page the columns would shrink past reading: a fixed scale that holds the
        # row labels and CHILDREN_PER_PAGE children, each page breaking between two children
        labels = matrix.column_dimensions["A"].width + matrix.column_dimensions["B"].width
        page = _width_mm(labels, 2) + _width_mm(sum(CHILD_WIDTHS) * CHILDREN_PER_PAGE, 4 * CHILDREN_PER_PAGE)
        matrix.sheet_properties.pageSetUpPr.fitToPage = False
        matrix.page_setup.scale = max(10, min(100, int(100 * PRINTABLE_WIDTH_MM / page)))
        for group in range(CHILDREN_PER_PAGE, len(coverage.children), CHILDREN_PER_PAGE):
            matrix.col_breaks.append(Break(id=2 + len(CHILD_COLUMNS) * group))

    additions = SheetRows(book.create_sheet("新增条目"))
    additions.append(["下级文件", "条目", "标题"])
    for child, units in zip(coverage.children, coverage.additions, strict=True):
        for unit in units:
            additions.append([child.name, unit.label, unit.heading])

    counts = SheetRows(book.create_sheet("统计"))
    counts.append(["下级文件", "标题", *(VERDICT_LABELS[v] for v in Verdict), "新增条目", "错误"])
    for k, child in enumerate(coverage.children):
        tally = coverage.counts(k)
        counts.append(
            [
                child.name,
                child.title,
                *(tally[v] for v in Verdict),
                len(coverage.additions[k]),
                child.error or "",
            ]
        )
    for sheet, widths in ((additions.sheet, (26, 10, 80)), (counts.sheet, (26, 36))):
        for cell in sheet[1]:
            cell.font = bold
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        _print_setup(sheet, pages_wide=1, label_columns="")

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
