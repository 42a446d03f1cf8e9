"""The coverage matrix as an Excel workbook, because reviewers annotate and forward spreadsheets.

Sheet 覆盖矩阵: one row per parent unit; per child its verdict (coloured), units, reason and
responsible units;
sheet 新增条目: each child's own additions; sheet 统计: counts per verdict and child.
May import: the standard library, openpyxl and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import io

from policydiff.coverage.matrix import VERDICT_LABELS, Coverage, Verdict
from policydiff.present import palette
from policydiff.render.sheets import SheetRows

FILLS = {verdict: swatch.background.plain_hex for verdict, swatch in palette.VERDICT.items()}


def coverage_to_xlsx(coverage: Coverage) -> bytes:
    """The workbook's bytes (the caller writes them atomically)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])
    matrix = book.create_sheet("覆盖矩阵")
    matrix_rows = SheetRows(matrix)
    header = ["条目", "标题"]
    for child in coverage.children:
        header += [
            f"{child.name} 判定",
            f"{child.name} 对应条目",
            f"{child.name} 说明",
            f"{child.name} 责任单位",
        ]
    header.append("采纳份数")
    matrix_rows.append(header)
    for cell in matrix[1]:
        cell.font = Font(bold=True)
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
    matrix.freeze_panes = "C2"
    matrix.column_dimensions["A"].width = 12
    matrix.column_dimensions["B"].width = 36
    for column in range(3, len(header) + 1):
        matrix.column_dimensions[get_column_letter(column)].width = 24
    wrapped = Alignment(wrap_text=True, vertical="top")  # one style object for every cell
    for line in matrix.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrapped

    additions = SheetRows(book.create_sheet("新增条目"))
    additions.append(["下级文件", "条目", "标题"])
    for child, units in zip(coverage.children, coverage.additions, strict=True):
        for unit in units:
            additions.append([child.name, unit.label, unit.heading])

    counts = SheetRows(book.create_sheet("统计"))
    counts.append(["下级文件", *(VERDICT_LABELS[v] for v in Verdict), "新增条目", "错误"])
    for k, child in enumerate(coverage.children):
        tally = coverage.counts(k)
        counts.append(
            [child.name, *(tally[v] for v in Verdict), len(coverage.additions[k]), child.error or ""],
        )

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
