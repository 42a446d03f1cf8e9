"""Follow every unit through n versions by chaining the n − 1 comparisons of consecutive versions.

Each consecutive pair is compared once by the ordinary pairwise comparison (in parallel processes
when the documents are large enough for it to pay); a unit's row then continues from its pair's
left unit to its right unit. A merge (Pair.also_left) continues the row of the pair's left unit
and ends the rows of the units taken in, each pointing at its partner; a split (Pair.also_right)
continues the row into the first part and starts a row for each further part. Rows are ordered as
the newest version reads, a unit that was dropped standing after the unit it followed when it was
last present.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import multiprocessing
import os
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace

from policydiff.compare.gcpause import collection_paused
from policydiff.compare.pipeline import DEFAULT_CONFIG, CompareConfig, compare_documents
from policydiff.errors import Cancelled, PolicydiffError
from policydiff.history.dates import version_date
from policydiff.history.model import QUIET_MARKS, History, Lineage, Mark, Step, StepStatus, Version
from policydiff.io import load_document
from policydiff.model import CompareOptions, Comparison, Level, LoadedDocument, Pair, Status, Unit

CANCEL_POLL_SECONDS = 0.2  # how soon a cancel reaches the parallel comparisons


@dataclass(frozen=True)
class HistoryConfig:
    """When to compare in parallel, and the comparison's own thresholds."""

    workers: int = 0  # parallel processes; 0: one per core, at most one per step
    # In one process each version is prepared once (the right side of step k is the left of k + 1);
    # a spawned worker prepares both sides again, imports the comparison and sends a whole
    # Comparison back. bench/bench_history.py on a 2-core machine: 10 × 100 KB took 3.4 s in one
    # process and 8.1 s in parallel; 4 × 1 MB 26.6 s and 44.3 s. So only very large sets go parallel,
    # and only with at least this many cores.
    parallel_min_chars: int = 3_000_000
    parallel_min_cores: int = 4
    compare: CompareConfig = field(default=DEFAULT_CONFIG)


ProgressFn = Callable[[int, int], None]  # (steps compared, steps in all)


class TooFewVersions(PolicydiffError):
    """A history needs two versions or more."""


def _compare_step(
    left: LoadedDocument, right: LoadedDocument, options: CompareOptions, config: CompareConfig
) -> Comparison:
    return compare_documents(left, right, options, config=config)


def _workers(config: HistoryConfig, documents: Sequence[LoadedDocument]) -> int:
    steps = len(documents) - 1
    cores = os.cpu_count() or 1
    if config.workers == 0 and cores < config.parallel_min_cores:
        return 1
    if steps < 2 or sum(len(d.text) for d in documents) < config.parallel_min_chars:
        return 1
    wanted = config.workers or cores
    return max(1, min(wanted, steps))


def compare_steps(
    documents: Sequence[LoadedDocument],
    options: CompareOptions,
    config: HistoryConfig,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Comparison]:
    """The comparison of each consecutive pair of documents, in order."""
    steps = len(documents) - 1
    out: list[Comparison | None] = [None] * steps

    def done(k: int, comparison: Comparison) -> None:
        out[k] = comparison
        if progress is not None:
            progress(sum(c is not None for c in out), steps)

    workers = _workers(config, documents)
    if workers == 1:
        for k in range(steps):
            if cancelled is not None and cancelled():
                raise Cancelled()
            # sequentially each document is prepared once: the right side of step k is cached for k + 1
            done(
                k,
                compare_documents(
                    documents[k], documents[k + 1], options, cancelled=cancelled, config=config.compare
                ),
            )
    else:
        # spawn, not fork: the app runs this from a thread, and forking a threaded Qt process is unsafe
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            futures: dict[Future[Comparison], int] = {
                pool.submit(_compare_step, documents[k], documents[k + 1], options, config.compare): k
                for k in range(steps)
            }
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=CANCEL_POLL_SECONDS, return_when=FIRST_COMPLETED)
                if cancelled is not None and cancelled():
                    for future in pending:
                        future.cancel()
                    raise Cancelled()
                for future in finished:
                    done(futures[future], future.result())
    return [c for c in out if c is not None]


def build_history(
    paths: Sequence[str],
    options: CompareOptions | None = None,
    config: HistoryConfig | None = None,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    dates: Sequence[str | None] | None = None,
) -> History:
    """Load the versions (oldest first), compare each with the next and chain the comparisons.

    Args:
        paths: two or more versions of one document, oldest first, in any supported format.
        options: normalization, as for a pairwise comparison.
        config: parallelism and the comparison's thresholds.
        progress: called after each step with the number of steps compared and the total.
        cancelled: polled between steps; True stops the run with Cancelled.
        dates: the user's date for each version (None: read it from the text).

    Raises:
        TooFewVersions: fewer than two paths.
        LoadError: a version cannot be read (the message names it).
        Cancelled: the caller asked to stop.
    """
    if len(paths) < 2:
        raise TooFewVersions("a history needs at least two versions, oldest first")
    options = options or CompareOptions()
    config = config or HistoryConfig()
    documents = [load_document(path) for path in paths]
    comparisons = compare_steps(documents, options, config, progress, cancelled)
    return assemble(documents, comparisons, options, dates)


def assemble(
    documents: Sequence[LoadedDocument],
    comparisons: Sequence[Comparison],
    options: CompareOptions,
    dates: Sequence[str | None] | None = None,
) -> History:
    """The history from finished comparisons of consecutive versions."""
    trees = [comparisons[0].left.tree, *(c.right.tree for c in comparisons)]
    versions = []
    for k, (document, tree) in enumerate(zip(documents, trees, strict=True)):
        given = dates[k] if dates is not None and k < len(dates) else None
        versions.append(
            Version(document, tree.title, given or version_date(document.text, tree, document.path))
        )
    rows = chain(comparisons)
    return History(tuple(versions), tuple(comparisons), rows, options)


@dataclass
class _Row:
    """A lineage while it is being built (the frozen Lineage is made once the order is known)."""

    level: Level
    units: list[Unit | None]
    steps: list[Step | None]
    also: list[list[Unit]]
    partners: dict[int, int] = field(default_factory=dict)  # step → partner row id


def _mark(pair: Pair) -> tuple[StepStatus, Mark]:
    """The status and mark of the row that continues through a pair with units on both sides."""
    assert pair.left is not None and pair.right is not None
    status = StepStatus.MOVED if pair.moved else StepStatus(pair.status.value)
    if pair.also_left:
        return status, Mark.MERGED
    if pair.also_right:
        return status, Mark.SPLIT
    if pair.moved:
        return status, Mark.MOVED
    if pair.status == Status.CHANGED:
        return status, Mark.CHANGED
    if _renumbered(pair.left, pair.right):
        return status, Mark.RENUMBERED
    return status, Mark.UNCHANGED


def _renumbered(left: Unit, right: Unit) -> bool:
    """Another number, or the same number written another way (1. → （一）); not a width change."""
    if left.number is not None and right.number is not None and left.number != right.number:
        return True
    return _folded(left.label) != _folded(right.label)


def _folded(label: str) -> str:
    return "".join(unicodedata.normalize("NFKC", label).split())


@collection_paused()  # the comparisons' millions of objects make each full collection slow
def chain(comparisons: Sequence[Comparison]) -> tuple[Lineage, ...]:
    """Rows from the comparisons of consecutive versions (comparisons[i]: version i → i + 1)."""
    versions = len(comparisons) + 1
    steps = len(comparisons)
    rows: list[_Row] = []
    where: dict[int, int] = {}  # unit index in the current version → row id

    def new_row(version: int, unit: Unit) -> int:
        row = _Row(unit.level, [None] * versions, [None] * steps, [[] for _ in range(versions)])
        row.units[version] = unit
        rows.append(row)
        return len(rows) - 1

    first = comparisons[0].left.tree.units
    for unit in first:
        if unit.level != Level.TITLE:
            where[unit.index] = new_row(0, unit)
    for k, comparison in enumerate(comparisons):
        _check_same_tree(comparisons, k)
        following: dict[int, int] = {}
        for p, pair in enumerate(comparison.pairs):
            if pair.level == Level.TITLE:
                continue
            _step(rows, where, following, new_row, k, p, pair)
        for unit in comparison.right.tree.units:  # a right unit no pair holds still gets a row
            if unit.level != Level.TITLE and unit.index not in following:
                following[unit.index] = new_row(k + 1, unit)
                rows[following[unit.index]].steps[k] = Step(StepStatus.ADDED, Mark.ADDED, None, 0.0)
        for row_id in where.values():  # a left unit no pair holds ends there
            if rows[row_id].steps[k] is None and rows[row_id].units[k + 1] is None:
                rows[row_id].steps[k] = Step(StepStatus.REMOVED, Mark.REMOVED, None, 0.0)
        where = following
    _inner_changes(rows, comparisons)
    return _ordered(rows, comparisons)


INNER_LEVELS = frozenset({Level.ARTICLE, Level.ITEM})  # units a reader reads whole, with their items


def descendants(units: Sequence[Unit], unit: Unit) -> range:
    """The indices of a unit's descendants (contiguous in pre-order)."""
    end = unit.index + 1
    while end < len(units) and units[end].start < unit.end and units[end].depth > unit.depth:
        end += 1
    return range(unit.index + 1, end)


def _holders(rows: list[_Row], versions: int) -> list[dict[int, int]]:
    """Per version: unit index → the row holding it."""
    holder: list[dict[int, int]] = [{} for _ in range(versions)]
    for row_id, row in enumerate(rows):
        for v, unit in enumerate(row.units):
            if unit is not None:
                holder[v][unit.index] = row_id
    return holder


def _inner_changes(rows: list[_Row], comparisons: Sequence[Comparison]) -> None:
    """An article whose own words stayed but whose items changed is changed: a reader reads it whole."""
    trees = [comparisons[0].left.tree.units, *(c.right.tree.units for c in comparisons)]
    holder = _holders(rows, len(trees))
    for row in rows:
        if row.level not in INNER_LEVELS:
            continue
        for k, step in enumerate(row.steps):
            left, right = row.units[k], row.units[k + 1]
            if step is None or step.mark not in QUIET_MARKS or left is None or right is None:
                continue
            inner = [holder[k].get(i) for i in descendants(trees[k], left)]
            inner += [holder[k + 1].get(i) for i in descendants(trees[k + 1], right)]
            if any(r is not None and (s := rows[r].steps[k]) is not None and s.changed for r in inner):
                status = StepStatus.MOVED if step.status == StepStatus.MOVED else StepStatus.CHANGED
                row.steps[k] = replace(step, status=status, mark=Mark.CHANGED, inner=True)


def _step(
    rows: list[_Row],
    where: dict[int, int],
    following: dict[int, int],
    new_row: Callable[[int, Unit], int],
    k: int,
    p: int,
    pair: Pair,
) -> None:
    """Carry the rows through one pair of step k."""
    if pair.left is None and pair.right is not None:
        row_id = new_row(k + 1, pair.right)
        rows[row_id].steps[k] = Step(StepStatus.ADDED, Mark.ADDED, p, pair.similarity)
        following[pair.right.index] = row_id
        return
    if pair.left is None:
        return
    held = where.get(pair.left.index)
    row_id = held if held is not None else new_row(k, pair.left)  # always held: trees of one parse
    row = rows[row_id]
    if pair.right is None:
        row.steps[k] = Step(StepStatus.REMOVED, Mark.REMOVED, p, pair.similarity)
        for other in pair.also_left:
            _end_merged(rows, where, other, k, p, pair, row_id)
        return
    status, mark = _mark(pair)
    row.steps[k] = Step(status, mark, p, pair.similarity)
    row.units[k + 1] = pair.right
    following[pair.right.index] = row_id
    for other in pair.also_left:  # merged: the others' rows end here, pointing at this one
        if other not in row.also[k]:
            row.also[k].append(other)
        _end_merged(rows, where, other, k, p, pair, row_id)
    for other in pair.also_right:  # split: each further part starts a row of its own
        if other not in row.also[k + 1]:
            row.also[k + 1].append(other)
        part = new_row(k + 1, other)
        rows[part].steps[k] = Step(StepStatus.ADDED, Mark.SPLIT, p, pair.similarity)
        rows[part].partners[k] = row_id
        following[other.index] = part


def _end_merged(
    rows: list[_Row], where: dict[int, int], other: Unit, k: int, p: int, pair: Pair, into: int
) -> None:
    merged = where.get(other.index)
    if merged is None or merged == into:
        return
    rows[merged].steps[k] = Step(StepStatus.REMOVED, Mark.MERGED, p, pair.similarity)
    rows[merged].partners[k] = into


def _check_same_tree(comparisons: Sequence[Comparison], k: int) -> None:
    """The right tree of step k − 1 and the left tree of step k are one parse of one document."""
    if k == 0:
        return
    before, after = comparisons[k - 1].right.tree.units, comparisons[k].left.tree.units
    if len(before) != len(after) or any(
        (a.start, a.end) != (b.start, b.end) for a, b in zip(before, after, strict=True)
    ):
        raise PolicydiffError("the versions were parsed differently in two comparisons; compare them again")


def _ordered(rows: list[_Row], comparisons: Sequence[Comparison]) -> tuple[Lineage, ...]:
    """Reading order of the newest version; a row that ends earlier follows the row it followed then."""
    versions = len(comparisons) + 1
    trees = [comparisons[0].left.tree, *(c.right.tree for c in comparisons)]
    holder = _holders(rows, versions)
    keys: dict[int, tuple[int, ...]] = {}
    placed = 0  # one counter for every insertion: rows put after one anchor keep their reading order
    for v in range(versions - 1, -1, -1):
        anchor: tuple[int, ...] = (-1,)
        earlier = set(keys)  # rows placed by a newer version anchor this one's dropped units
        for unit in trees[v].units:
            row_id = holder[v].get(unit.index)
            if row_id is None:
                continue
            if row_id in earlier:
                anchor = keys[row_id]
            elif row_id not in keys:
                placed += 1
                keys[row_id] = (*anchor, placed)
    order = sorted(range(len(rows)), key=lambda r: keys.get(r, (len(rows) + r,)))
    position = {row_id: n for n, row_id in enumerate(order)}
    out = []
    for row_id in order:
        row = rows[row_id]
        steps = tuple(
            None if step is None else replace(step, partner=position.get(row.partners.get(k, -1)))
            for k, step in enumerate(row.steps)
        )
        out.append(Lineage(row.level, tuple(row.units), steps, tuple(tuple(a) for a in row.also)))
    return tuple(out)


__all__ = ["HistoryConfig", "TooFewVersions", "assemble", "build_history", "chain", "compare_steps"]
