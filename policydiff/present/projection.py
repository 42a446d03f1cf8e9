"""One pair seen from one side: the spans each view (panes, HTML report) marks on that document.

The panes and the report used to walk a pair's edits each in their own way; they now both ask
``project`` so they cannot drift apart. It also decides when a pair is a rewrite rather than an
edit (similarity below ``DisplayRules.rewrite_below``): then the phrases both sides share are
marked too, and the view says 改写. Text only one side has is always marked deleted / inserted,
in a rewrite as anywhere else: a reader trained on other diff tools reads no colour as no change.
May import: the standard library and policydiff.model.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from policydiff.model import ClauseStatus, FigureChange, Op, Pair, Side, Status, Unit


class Kind(StrEnum):
    """What a marked span is on its side."""

    DELETED = "deleted"  # words only on the left
    INSERTED = "inserted"  # words only on the right
    SHARED = "shared"  # a phrase both sides have (marked in a rewrite only)


@dataclass(frozen=True)
class DisplayRules:
    """When a pair reads as a rewrite, and what counts as a shared phrase in one."""

    rewrite_below: float = 0.30  # similarity under this: show plain text with shared phrases
    shared_phrase_min: int = 4  # characters (not counting whitespace) for a shared run to be marked


DISPLAY_RULES = DisplayRules()


@dataclass(frozen=True)
class SideProjection:
    """Where one side's unit of a pair is, and which spans of it to mark."""

    unit: Unit | None  # None: the other side's unit has no counterpart here
    rewrite: bool  # shown as a rewrite (shared phrases marked besides the one-sided text)
    marks: tuple[tuple[int, int, Kind], ...]  # offsets into that side's loaded text, non-empty
    figures: tuple[tuple[int, int, FigureChange], ...]  # changed figures on this side


def is_rewrite(pair: Pair, rules: DisplayRules = DISPLAY_RULES) -> bool:
    """A changed pair of two units too unlike each other for a word diff to read well."""
    return (
        pair.left is not None
        and pair.right is not None
        and pair.status == Status.CHANGED
        and pair.similarity < rules.rewrite_below
    )


def project(
    pair: Pair,
    side: Side,
    text: str = "",
    rewrite: bool | None = None,
    rules: DisplayRules = DISPLAY_RULES,
) -> SideProjection:
    """The marks of ``pair`` on ``side``.

    Args:
        pair: the aligned pair.
        side: which document's marks.
        text: that side's loaded text; needed only to measure shared phrases in a rewrite.
        rewrite: force the rewrite display on or off; None chooses by ``rules``.
        rules: the thresholds.

    Returns:
        The unit and its marks. An unpaired unit is marked whole (deleted on the left, inserted
        on the right) when the pair carries no edits of its own.
    """
    left = side == Side.LEFT
    unit = pair.left if left else pair.right
    if rewrite is None:
        rewrite = is_rewrite(pair, rules)
    rewrite = rewrite and pair.left is not None and pair.right is not None
    marks: list[tuple[int, int, Kind]] = []
    changed = Kind.DELETED if left else Kind.INSERTED
    if pair.scattered and unit is not None:  # a clause found elsewhere is shared, the rest its own
        for clause in pair.clauses:
            kind = changed if clause.status == ClauseStatus.MISSING else Kind.SHARED
            marks.append((clause.span[0], clause.span[1], kind))
    for edit in () if pair.scattered else pair.edits:
        start, end = edit.left if left else edit.right
        if end <= start:
            continue
        if edit.op != Op.EQUAL:
            marks.append((start, end, changed))
        elif rewrite and _visible_length(text, start, end) >= rules.shared_phrase_min:
            marks.append((start, end, Kind.SHARED))
    if (
        not pair.edits
        and not pair.scattered
        and unit is not None
        and (pair.left is None or pair.right is None)
    ):
        marks.append((unit.start, unit.own_end, changed))
    figures: list[tuple[int, int, FigureChange]] = []
    for change in pair.figures:
        if change.status == Status.UNCHANGED:
            continue
        figure = change.left if left else change.right
        if figure is not None and figure.end > figure.start:
            figures.append((figure.start, figure.end, change))
    return SideProjection(unit=unit, rewrite=rewrite, marks=tuple(marks), figures=tuple(figures))


def _visible_length(text: str, start: int, end: int) -> int:
    """Characters of ``text[start:end]`` that are not whitespace (all of them without a text)."""
    if not text:
        return end - start
    return sum(1 for ch in text[start:end] if not ch.isspace())


def group_units(pair: Pair, side: Side) -> tuple[Unit, ...]:
    """The units of a merge/split group on ``side``: the pair's own unit, then its ``also_*`` units.

    Pairs made before groups existed have no ``also_left``/``also_right``; they give one unit.
    """
    left = side == Side.LEFT
    unit = pair.left if left else pair.right
    extra: tuple[Unit, ...] = tuple(getattr(pair, "also_left" if left else "also_right", ()) or ())
    return ((unit,) if unit is not None else ()) + extra
