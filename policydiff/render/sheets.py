"""Spreadsheet rows whose every text is data: never a formula, never a character Excel refuses.

Shared by the workbooks (coverage, history): each text is XML-safe and clipped at Excel's
32,767 UTF-16 units with a visible mark; openpyxl reads a string starting with ``=`` as a formula,
so each text cell is written as a string (data type ``s``), and one a spreadsheet would evaluate
when typed also gets Excel's quote prefix (the hidden apostrophe).
May import: the standard library, openpyxl (types only), policydiff.lang.safetext.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policydiff.lang.safetext import cell_text, looks_like_formula, utf8_safe

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


class SheetRows:
    """Rows appended to one sheet, every text written as data, the row number counted here.

    The sheet's ``max_row`` is never asked: it scans every cell, which made a large matrix
    quadratic.
    """

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.count = 0

    def append(self, values: Sequence[str | int | float | None]) -> int:
        """Write one row below the last; returns its number."""
        self.count += 1
        for column, value in enumerate(values, 1):
            cell = self.sheet.cell(row=self.count, column=column)
            if value is None or isinstance(value, int | float):
                cell.value = value
                continue
            put_text(cell, value)
        return self.count


def put_text(cell: Any, value: str) -> None:
    """Put ``value`` in ``cell`` as text, whatever its first character or its length."""
    text = cell_text(utf8_safe(value))
    cell.value = text
    cell.data_type = "s"  # openpyxl would otherwise write "=…" as a formula
    if looks_like_formula(text):
        cell.quotePrefix = True
