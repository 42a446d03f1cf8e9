"""The lineage table as an Excel workbook, because reviewers annotate and forward spreadsheets.

Sheet 版本沿革: one row per lineage, one column per version (the unit's number there and the mark of
the step that led there, coloured; unchanged versions merged into one cell); sheet 统计: counts per
mark and step. Every cell is written as data: text that Excel would read as a formula (= + - @)
is stored as a string with Excel's quote prefix, never evaluated (policydiff.render.sheets).
May import: the standard library, openpyxl and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import io
from typing import Any

from policydiff.history.html import _name
from policydiff.history.model import History, Mark
from policydiff.present import labels, palette
from policydiff.render.sheets import put_text

_text = put_text  # every text as data: XML-safe, clipped at Excel's limit, never a formula


def _merge(sheet: Any, merges: list[tuple[int, int, int]]) -> None:
    """Merge each (row, first column, last column): the spans never overlap, so openpyxl's own
    merge_cells, which checks every new range against all earlier ones (quadratic), is not needed."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    for r, first, last in merges:
        merged = MergedCellRange(sheet, f"{get_column_letter(first)}{r}:{get_column_letter(last)}{r}")
        sheet.merged_cells.ranges.add(merged)
        sheet._clean_merge_range(merged)


def history_to_xlsx(history: History) -> bytes:
    """The workbook's bytes (the caller writes them atomically)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])
    sheet = book.create_sheet("版本沿革")
    header = ["层级", "条目", *(f"{v.date or ''} {v.name}".strip() for v in history.versions), "有过变化"]
    for column, value in enumerate(header, 1):
        _text(sheet.cell(row=1, column=column), value)
        sheet.cell(row=1, column=column).font = Font(bold=True)
    fills = {
        m: PatternFill("solid", start_color=sw.background.plain_hex, end_color=sw.background.plain_hex)
        for m, sw in palette.HISTORY.items()
    }
    merges: list[tuple[int, int, int]] = []
    for r, row in enumerate(history.rows, 2):
        _text(sheet.cell(row=r, column=1), labels.LEVEL[row.level].zh)
        _text(sheet.cell(row=r, column=2), "　" * row.last.depth + row.last.heading)
        for first, last in row.spans():
            unit = row.units[first]
            step = row.steps[first - 1] if first > 0 else None
            words = _name(unit) if unit is not None else ""
            if step is not None and step.mark != Mark.UNCHANGED:
                words = f"{words} [{labels.MARK[step.mark].zh}]".strip()
            if last > first:  # the versions that read alike share the cell
                words += f"（{last - first + 1}版未变）" if step is None else f"（其后{last - first}版未变）"
            cell = sheet.cell(row=r, column=3 + first)
            _text(cell, words)
            if step is not None:
                cell.fill = fills[step.mark]
            if last > first:
                merges.append((r, 3 + first, 3 + last))
        _text(sheet.cell(row=r, column=3 + len(history.versions)), "是" if row.changed else "")
    _merge(sheet, merges)
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 9
    sheet.column_dimensions["B"].width = 40
    for column in range(3, len(header) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18
    wrapped = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrapped

    counts = book.create_sheet("统计")
    counts.append(["步骤", *(labels.MARK[m].zh for m in Mark)])
    for k in range(len(history.comparisons)):
        left, right = history.versions[k], history.versions[k + 1]
        tally = history.counts(k).marks
        counts.append(["", *(tally[m] for m in Mark)])
        _text(
            counts.cell(row=counts.max_row, column=1),
            f"{left.date or left.name} → {right.date or right.name}",
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
