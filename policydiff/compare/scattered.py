"""Units one side has alone whose clauses live scattered in the other side's paired units.

A city may keep a province's measure in two halves: 15. 优化资源要素配置's first sentence as the last
sentence of its (十四), the second inside its (五). Both of those are paired with other province
units, so pairing whole units leaves 15. unpaired and a reader is told it was removed, its 70 %
removed under 15. and added under (五). Tracing the unpaired unit clause by clause
(compare/provenance) finds where each sentence went; when enough of its text is found, the pair
carries its clauses (``Pair.clauses``: the views say where each one lives, one click away), and
each of its figures that stands with the same value in the place its clause went is paired with
that figure, in both pairs (``FigureChange.elsewhere``): moved, not removed and added.
The mirror holds for a unit only the right side has, made of clauses from several left units.
May import: the standard library, policydiff.model, policydiff.figures and policydiff.compare
(provenance).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from policydiff.compare.provenance import ProvenanceConfig, Tracer
from policydiff.figures.compare import compare_figures, same_amount
from policydiff.model import (
    Clause,
    ClauseStatus,
    Figure,
    FigureChange,
    Level,
    NormalizeMode,
    Pair,
    Side,
    Status,
    Unit,
)


@dataclass(frozen=True)
class ScatterConfig:
    """When an unpaired unit counts as scattered rather than removed or added."""

    # share of the unit's clause characters that must be found in the other document's units
    found_share: float = 0.5
    # a unit with fewer characters of its own (a heading, 本条例自公布之日起施行) is no measure to trace
    min_chars: int = 30
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)


def trace_scattered(
    pairs: Sequence[Pair],
    left: tuple[str, Sequence[Unit]],
    right: tuple[str, Sequence[Unit]],
    mode: NormalizeMode,
    config: ScatterConfig | None = None,
) -> list[Pair]:
    """The pairs with each scattered unit's clauses, and the figures that moved with them.

    Args:
        pairs: the comparison's pairs, groups formed.
        left, right: each document's loaded text and units.
        mode: the script folding both texts are traced under.
        config: thresholds.
    """
    cfg = config or ScatterConfig()
    out = list(pairs)
    for side in (Side.LEFT, Side.RIGHT):
        lone = [k for k, pair in enumerate(out) if _tracable(pair, side)]
        if not lone:
            continue
        source, target = (left, right) if side == Side.LEFT else (right, left)
        tracer = Tracer(source[0], target[0], target[1], mode, cfg.provenance)
        owner = _owners(out, Side.RIGHT if side == Side.LEFT else Side.LEFT)
        for k in lone:
            unit = _alone(out[k], side)
            assert unit is not None
            if len("".join(source[0][unit.start : unit.own_end].split())) < cfg.min_chars:
                continue
            clauses = tracer.trace(unit)
            if not _enough(clauses, cfg):
                continue
            out[k] = replace(out[k], clauses=clauses)
            _move_figures(out, k, unit, side, owner)
    return out


def _tracable(pair: Pair, side: Side) -> bool:
    """A unit alone on ``side``, not unpaired by hand, and a measure: not the title, nor a
    chapter or section whose own text is its heading (its articles are traced themselves)."""
    unit = _alone(pair, side)
    return unit is not None and not pair.manual and unit.level != Level.TITLE and unit.own_end == unit.end


def _alone(pair: Pair, side: Side) -> Unit | None:
    """The pair's unit on ``side`` when the other side has none."""
    if side == Side.LEFT:
        return pair.left if pair.right is None and not pair.also_right else None
    return pair.right if pair.left is None and not pair.also_left else None


def _enough(clauses: Sequence[Clause], cfg: ScatterConfig) -> bool:
    total = sum(b - a for (a, b) in (c.span for c in clauses))
    found = sum(c.span[1] - c.span[0] for c in clauses if c.status != ClauseStatus.MISSING)
    return total > 0 and found >= cfg.found_share * total


def _owners(pairs: Sequence[Pair], side: Side) -> dict[int, int]:
    """Unit index → index of the pair holding it, on ``side``."""
    out: dict[int, int] = {}
    for k, pair in enumerate(pairs):
        for unit in pair.left_units if side == Side.LEFT else pair.right_units:
            out[unit.index] = k
    return out


def _move_figures(pairs: list[Pair], k: int, unit: Unit, side: Side, owner: dict[int, int]) -> None:
    """Pair each figure of scattered pair ``k`` with the same amount where its clause now lives.

    The scattered unit's figure is removed (or added) on its own; the place's figure is added (or
    removed) in its pair. Both become one change, told in both pairs by ``elsewhere``.
    """
    mine = pairs[k]
    lone_status = Status.REMOVED if side == Side.LEFT else Status.ADDED
    other_status = Status.ADDED if side == Side.LEFT else Status.REMOVED
    for clause in mine.clauses:
        for place in clause.places[:1]:  # the best place only: a figure moves to one place
            j = owner.get(place.unit.index)
            if j is None or j == k:
                continue
            for n, change in enumerate(pairs[k].figures):
                figure = change.left if side == Side.LEFT else change.right
                if change.status != lone_status or figure is None or change.elsewhere is not None:
                    continue
                if not clause.span[0] <= figure.start < clause.span[1]:
                    continue
                m = _counterpart(pairs[j].figures, figure, other_status, side, place.span)
                if m is None:
                    continue
                theirs = pairs[j].figures[m]
                other = theirs.right if side == Side.LEFT else theirs.left
                assert other is not None
                a, b = (figure, other) if side == Side.LEFT else (other, figure)
                (joined,) = compare_figures([a], [b]) or [FigureChange(Status.CHANGED, change.subject, a, b)]
                if joined.left is None or joined.right is None:  # they would not pair: different kinds
                    continue
                mine_figures = list(pairs[k].figures)
                mine_figures[n] = replace(joined, elsewhere=place.unit)
                pairs[k] = replace(pairs[k], figures=tuple(mine_figures))
                their_figures = list(pairs[j].figures)
                their_figures[m] = replace(theirs, elsewhere=unit)
                pairs[j] = replace(pairs[j], figures=tuple(their_figures))


def _counterpart(
    changes: Sequence[FigureChange], figure: Figure, status: Status, side: Side, span: tuple[int, int]
) -> int | None:
    """The index of the change holding, inside ``span``, a figure of the same amount and unit."""
    for m, change in enumerate(changes):
        other = change.right if side == Side.LEFT else change.left
        if change.status != status or other is None or change.elsewhere is not None:
            continue
        if not span[0] <= other.start < span[1]:
            continue
        if other.unit == figure.unit and same_amount(other.value, figure.value):
            return m
    return None
