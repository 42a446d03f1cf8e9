"""The colours every view paints with: marks inside a text, pair statuses and coverage verdicts.

The panes (Qt), the HTML report and coverage page (CSS variables), the Word exports (run colours)
and the Excel sheet (cell fills) all read these values, so a deleted word is the same red
everywhere and a 缺失 cell the same grey in the window, the page and the spreadsheet.

May import: the standard library and policydiff.model.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.model import HistoryMark, Status, Verdict


@dataclass(frozen=True)
class Colour:
    """A colour as ``#rrggbb``; ``rgb`` for python-docx, ``argb_hex`` for openpyxl fills."""

    hex: str

    def __post_init__(self) -> None:
        if len(self.hex) != 7 or self.hex[0] != "#" or not all(c in "0123456789abcdef" for c in self.hex[1:]):
            raise ValueError(f"not a #rrggbb colour: {self.hex!r}")

    @property
    def rgb(self) -> tuple[int, int, int]:
        return int(self.hex[1:3], 16), int(self.hex[3:5], 16), int(self.hex[5:7], 16)

    @property
    def plain_hex(self) -> str:
        """``RRGGBB`` as openpyxl and Word's XML spell it."""
        return self.hex[1:].upper()


@dataclass(frozen=True)
class Swatch:
    """How one kind of mark or status looks: its text colour, its background and its rule/accent."""

    ink: Colour
    background: Colour
    rule: Colour


def _swatch(ink: str, background: str, rule: str) -> Swatch:
    return Swatch(Colour(ink), Colour(background), Colour(rule))


# marks inside a unit's text
DELETED = _swatch("#8f1d1d", "#fbdcdc", "#c94a4a")
INSERTED = _swatch("#0d5b22", "#d5f0da", "#3f9d5a")
FIGURE = _swatch("#7a4d00", "#ffe97a", "#b58900")
SHARED = _swatch("#0a3069", "#dbeaff", "#0969da")  # shared phrases of a rewrite
LEFT_OUT = _swatch("#8c959f", "#f3f4f6", "#d0d7de")  # not compared: page furniture, text outside
LOW_CONFIDENCE = _swatch("#5d6875", "#eceff3", "#8c96a3")  # text a reader should check (OCR, unsure)

# pairs: a row's background and the accent in the gutter / the row's edge
STATUS: dict[Status, Swatch] = {
    Status.UNCHANGED: _swatch("#1d232b", "#ffffff", "#c9d1da"),
    Status.CHANGED: _swatch("#7a4d00", "#fff4d6", "#e3a008"),
    Status.ADDED: INSERTED,
    Status.REMOVED: DELETED,
}
MOVED = _swatch("#5b3a99", "#f3effc", "#8250df")
MANUAL = _swatch("#1c4f8c", "#dfeaf7", "#0969da")

# the steps of a document's history: a lineage table's cells
REGROUPED = _swatch("#8a3b00", "#fde2cf", "#e9a774")  # merged or split
HISTORY: dict[HistoryMark, Swatch] = {
    HistoryMark.UNCHANGED: STATUS[Status.UNCHANGED],
    HistoryMark.RENUMBERED: _swatch("#174ea6", "#e8f0fe", "#8ab4f8"),
    HistoryMark.CHANGED: STATUS[Status.CHANGED],
    HistoryMark.MOVED: MOVED,
    HistoryMark.MERGED: REGROUPED,
    HistoryMark.SPLIT: REGROUPED,
    HistoryMark.ADDED: INSERTED,
    HistoryMark.REMOVED: DELETED,
}

# coverage cells
VERDICT: dict[Verdict, Swatch] = {
    Verdict.ADOPTED: _swatch("#1e4620", "#e6f4ea", "#81c995"),
    Verdict.REFINED: _swatch("#174ea6", "#e8f0fe", "#8ab4f8"),
    Verdict.RAISED: _swatch("#8a3b00", "#fde2cf", "#e9a774"),
    Verdict.WEAKENED: _swatch("#a50e0e", "#fce8e6", "#f28b82"),
    Verdict.PARTIAL: _swatch("#7a5b00", "#fef7e0", "#fdd663"),
    Verdict.MISSING: _swatch("#5f6368", "#eeeeee", "#bdc1c6"),
}


def css_variables() -> str:
    """The palette as CSS custom properties, for the report's and the coverage page's ``:root``."""
    named: dict[str, Swatch] = {
        "del": DELETED,
        "ins": INSERTED,
        "fig": FIGURE,
        "shared": SHARED,
        "lowconf": LOW_CONFIDENCE,
        "moved": MOVED,
        "manual": MANUAL,
        **{f"status-{s.value}": sw for s, sw in STATUS.items()},
        **{f"verdict-{v.value}": sw for v, sw in VERDICT.items()},
    }
    lines = []
    for name, sw in named.items():
        lines.append(
            f"--{name}-ink: {sw.ink.hex}; --{name}-bg: {sw.background.hex}; --{name}-rule: {sw.rule.hex};"
        )
    return "\n".join(lines)
