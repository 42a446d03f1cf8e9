"""The lineage model: one row per unit followed through every version, one step per consecutive pair.

A History holds the versions (oldest first), the pairwise comparison of each consecutive pair,
and the rows; every unit of every version (the title block aside) is the unit of exactly one row
in its version's column. A step says what happened between version i and i + 1 in two words: the
``status`` the JSON form promises (unchanged/changed/added/removed/moved) and the finer ``mark`` a
reader sees (renumbered, merged and split besides).
May import: the standard library and policydiff.model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from policydiff.model import CompareOptions, Comparison, Level, LoadedDocument, Pair, Unit
from policydiff.model import HistoryMark as Mark  # a cell's mark; its words and colours: policydiff.present


class StepStatus(StrEnum):
    """The five statuses of ``policydiff.history/1`` (HISTORY.md)."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"


QUIET_MARKS = frozenset({Mark.UNCHANGED, Mark.RENUMBERED})  # steps whose text did not change


@dataclass(frozen=True)
class Step:
    """What happened to one lineage between version ``i`` and ``i + 1``."""

    status: StepStatus
    mark: Mark
    pair: int | None  # the pair in comparisons[i] that holds it
    similarity: float
    partner: int | None = None  # a merge/split: the row of the unit it merged into or split from
    inner: bool = False  # the unit's own words stayed; its items changed

    @property
    def changed(self) -> bool:
        """The text changed, or the unit came, went, moved, merged or split."""
        return self.mark not in QUIET_MARKS


@dataclass(frozen=True)
class Lineage:
    """One unit and its successors: one entry per version, None where it is absent."""

    level: Level
    units: tuple[Unit | None, ...]
    steps: tuple[Step | None, ...]  # one per consecutive pair of versions; None: absent on both sides
    also: tuple[tuple[Unit, ...], ...]  # per version: further units merged into / split from this one

    @property
    def changed(self) -> bool:
        return any(step is not None and step.changed for step in self.steps)

    def changed_at(self, version: int) -> bool:
        """Whether the step into ``version`` (1 … n − 1) changed this unit."""
        step = self.steps[version - 1] if 0 < version <= len(self.steps) else None
        return step is not None and step.changed

    def spans(self) -> list[tuple[int, int]]:
        """Runs of versions (first, last) that read as one cell: joined by unchanged steps."""
        out: list[tuple[int, int]] = []
        start = 0
        for k, step in enumerate(self.steps):
            joined = step is not None and step.mark == Mark.UNCHANGED
            if not joined:
                out.append((start, k))
                start = k + 1
        out.append((start, len(self.units) - 1))
        return out

    @property
    def first(self) -> Unit:
        """The unit as it first appears (every lineage has at least one)."""
        return next(u for u in self.units if u is not None)

    @property
    def last(self) -> Unit:
        return next(u for u in reversed(self.units) if u is not None)


@dataclass(frozen=True)
class Version:
    """One version of the document as read."""

    document: LoadedDocument
    title: str
    date: str | None  # ISO (2023-07-20, 2023-07 or 2023) as read from the text, or given by the user

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def name(self) -> str:
        return self.document.name


@dataclass(frozen=True)
class StepCounts:
    """How many lineages each mark (and each JSON status) got in one step."""

    marks: dict[Mark, int]
    statuses: dict[StepStatus, int]


@dataclass(frozen=True)
class History:
    """The one object every view of a history (JSON, HTML, Excel, the app) is made from."""

    versions: tuple[Version, ...]
    comparisons: tuple[Comparison, ...]  # comparisons[i]: versions[i] → versions[i + 1]
    rows: tuple[Lineage, ...]
    options: CompareOptions = field(default_factory=CompareOptions)

    def pair(self, row: Lineage, step: int) -> Pair | None:
        """The pair of comparison ``step`` behind a lineage's step, if any."""
        found = row.steps[step]
        if found is None or found.pair is None:
            return None
        return self.comparisons[step].pairs[found.pair]

    def counts(self, step: int) -> StepCounts:
        marks = dict.fromkeys(Mark, 0)
        statuses = dict.fromkeys(StepStatus, 0)
        for row in self.rows:
            found = row.steps[step]
            if found is not None:
                marks[found.mark] += 1
                statuses[found.status] += 1
        return StepCounts(marks, statuses)


__all__ = [
    "QUIET_MARKS",
    "History",
    "Lineage",
    "Mark",
    "Step",
    "StepCounts",
    "StepStatus",
    "Version",
]
