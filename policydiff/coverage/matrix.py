"""One policy against many: how each child document (a city's plan) implements a parent (a province's).

Each child is compared with the parent by the ordinary pairwise comparison; the pairs are then read
per parent unit as a verdict — 照搬 adopted, 细化 refined, 加码 raised, 弱化 weakened, 缺失 missing —
that explains itself, and each child's units without a parent counterpart are its own additions.
Children are compared in parallel processes when there are several, one child per process at a
time; one unreadable child, or one whose process is killed, marks its column with the reason and
the others still complete.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from policydiff.compare.pipeline import DEFAULT_CONFIG, CompareConfig, compare_prepared, prepare_side
from policydiff.compare.prepared import PreparedDocument
from policydiff.compare.provenance import Clause, ClauseStatus, ProvenanceConfig, Tracer
from policydiff.coverage.comparable import comparable, deadline, document_scope, scope_before
from policydiff.errors import Cancelled, LoadError, PolicydiffError
from policydiff.io import load_document
from policydiff.model import (
    CompareOptions,
    Comparison,
    Direction,
    FigureChange,
    Level,
    LoadedDocument,
    NormalizeMode,
    Pair,
    Side,
    Status,
    Unit,
)
from policydiff.model import (
    Verdict as Verdict,  # re-exported: the coverage writers name it here
)
from policydiff.present import labels

# The verdicts' words, from the one vocabulary every view uses (policydiff.present.labels).
VERDICT_LABELS = {verdict: label.zh for verdict, label in labels.VERDICT.items()}

MAX_REASONS = 4  # figure and duty changes named in a verdict's reason; more are summed up as "…"
CLAUSE_CONTEXT = 24  # characters of a clause quoted in a reason
FIGURE_MODE = NormalizeMode.T2S  # clauses are traced through script folding, as figures are read
CANCEL_POLL_SECONDS = 0.2  # how soon a cancel reaches the parallel comparisons of the children


@dataclass(frozen=True)
class CoverageConfig:
    """Where one verdict ends and the next begins."""

    adopted_similarity: float = 0.8  # at least this similar, with no figure or duty change: 照搬
    adopted_max_growth: float = 1.3  # …and the child's text at most this much longer
    weakened_share: float = 0.5  # a child text under this share of the parent's length: 弱化
    # a paired unit read as 细化 or 弱化 by its length whose clauses are at least this share not
    # found (and some found) is 部分落实: the child kept part of the measure, not a looser whole
    partial_missing_share: float = 0.5
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)  # tracing clauses
    workers: int = 0  # parallel processes; 0: one per core, at most one per child
    compare: CompareConfig = DEFAULT_CONFIG  # the stages' thresholds for each parent–child comparison


@dataclass(frozen=True)
class Cell:
    """How one child implements one parent unit."""

    verdict: Verdict
    units: tuple[Unit, ...]  # the child's units implementing it (several for a merge/split)
    similarity: float
    figures: tuple[FigureChange, ...]
    why: str  # one line a reader understands
    pair_index: int | None = None  # the pair in the child's comparison, for its detail
    owners: tuple[str, ...] = ()  # the child's lead and responsible units for it (牵头/责任单位)
    owners_changed: bool = False  # compared by role with the parent's (省经信厅 = 市经信局)
    clauses: tuple[Clause, ...] = ()  # the parent unit's clauses, each traced into the child
    comparable: bool = True  # False: some changed figures measure different scopes (no 加码/弱化 from them)


@dataclass(frozen=True)
class Row:
    unit: Unit
    cells: tuple[Cell | None, ...]  # None where the child could not be read


@dataclass(frozen=True)
class Child:
    path: str
    comparison: Comparison | None
    error: str | None = None
    # parent unit index → its clauses traced into this child (made beside the comparison, in the
    # same worker process); None: not traced yet
    clauses: Mapping[int, tuple[Clause, ...]] | None = None
    # why it could not be read, for an interface that words the refusal in its own language
    refusal: LoadError | None = None
    # parent unit index → its cell (judged beside the comparison, in the same worker process);
    # None: not judged yet
    cells: Mapping[int, Cell] | None = None

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def title(self) -> str:
        return self.comparison.right.tree.title if self.comparison is not None else ""


@dataclass(frozen=True)
class Coverage:
    parent: LoadedDocument
    parent_units: tuple[Unit, ...]
    parent_title: str
    children: tuple[Child, ...]
    rows: tuple[Row, ...]
    additions: tuple[tuple[Unit, ...], ...]  # per child: its units with no parent counterpart
    options: CompareOptions = field(default_factory=CompareOptions)

    def counts(self, child: int) -> dict[Verdict, int]:
        """How many parent units got each verdict from one child (empty for an unreadable child)."""
        out = dict.fromkeys(Verdict, 0)
        for row in self.rows:
            cell = row.cells[child]
            if cell is not None:
                out[cell.verdict] += 1
        return out

    def implemented_share(self, child: int) -> float:
        """How much of the parent one child implements, 0..1: every verdict but 缺失 counts, a
        部分落实 half (0 for an unreadable child or an empty parent)."""
        counts = self.counts(child)
        total = sum(counts.values())
        if not total:
            return 0.0
        done = total - counts[Verdict.MISSING] - counts[Verdict.PARTIAL] / 2
        return done / total

    def adopted_by(self, row: Row) -> int:
        """Children that implement this parent unit in any way (every verdict but 缺失)."""
        return sum(1 for cell in row.cells if cell is not None and cell.verdict != Verdict.MISSING)

    @property
    def failed(self) -> int:
        return sum(1 for child in self.children if child.error is not None)


ProgressFn = Callable[[int, str], None]  # (children done, name of the child just done)


def _figure_direction(change: FigureChange) -> int:
    """+1 for a bigger figure, -1 for a smaller one, 0 when not comparable or unchanged."""
    if change.status != Status.CHANGED or change.left is None or change.right is None:
        return 0
    if change.left.unit != change.right.unit or change.left.value == change.right.value:
        return 0
    bigger = 1 if change.right.value > change.left.value else -1
    return -bigger if deadline(change) else bigger  # a later deadline asks less


def _own_length(comparison: Comparison, side: Side, units: Sequence[Unit]) -> int:
    text = comparison.left.text if side == Side.LEFT else comparison.right.text
    return sum(len("".join(text[u.start : u.own_end].split())) for u in units)


@dataclass(frozen=True)
class _Judged:
    """A pair's verdict before its clauses are read."""

    verdict: Verdict
    why: str
    comparable: bool  # no changed figure was set aside as measuring another scope
    by_length: bool  # the verdict comes from the texts' lengths, not from a figure or a duty


def _sentence_before(text: str, start: int) -> str:
    """The words of a figure's sentence just before it, for naming the clause behind a verdict."""
    low = max(0, start - CLAUSE_CONTEXT)
    for k in range(start - 1, low - 1, -1):
        if text[k] in "。！？；\n":
            low = k + 1
            break
    words = "".join(text[low:start].split())
    return ("…" if low > 0 and start - low >= CLAUSE_CONTEXT else "") + words


def _judge(comparison: Comparison, pair: Pair, config: CoverageConfig) -> _Judged:
    """The verdict for a parent unit and the child pair that holds it, with its reason."""
    if pair.right is None:
        return _Judged(Verdict.MISSING, "子文件中无对应条目", True, False)
    right_units = (pair.right, *getattr(pair, "also_right", ()))
    left_units = (pair.left, *getattr(pair, "also_left", ())) if pair.left is not None else ()
    lt, rt = comparison.left.text, comparison.right.text
    scopes = (document_scope(lt), document_scope(rt))
    usable: list[FigureChange] = []
    aside: list[FigureChange] = []
    for f in pair.figures:
        if f.left is None or f.right is None or _figure_direction(f) == 0:
            continue
        left_scope = scope_before(lt, f.left.start) or scopes[0]
        right_scope = scope_before(rt, f.right.start) or scopes[1]
        (usable if comparable(f, left_scope, right_scope) else aside).append(f)
    ups = [f for f in usable if _figure_direction(f) > 0]
    downs = [f for f in usable if _figure_direction(f) < 0]
    stricter = [o for o in pair.obligations if o.direction == Direction.STRICTER]
    looser = [o for o in pair.obligations if o.direction == Direction.LOOSER]
    reasons = [
        f"{f.left.text} → {f.right.text}（“{_sentence_before(lt, f.left.start)}”）"
        for f in (*ups, *downs)
        if f.left and f.right
    ]
    reasons += [f"{o.left or '—'} → {o.right or '—'}" for o in (*stricter, *looser)]
    raised, weakened = len(ups) + len(stricter), len(downs) + len(looser)
    similarity = f"相似度 {pair.similarity:.0%}"
    note = ""
    if aside:
        named = "、".join(f"{f.left.text}→{f.right.text}" for f in aside[:MAX_REASONS] if f.left and f.right)
        note = f"；{named} 口径不同（总量范围或文件年份），不作加码弱化判断"
    if raised or weakened:
        what = "；".join(reasons[:MAX_REASONS]) + ("…" if len(reasons) > MAX_REASONS else "")
        if raised > weakened:
            return _Judged(Verdict.RAISED, f"{what}（{similarity}）{note}", not aside, False)
        if weakened > raised:
            return _Judged(Verdict.WEAKENED, f"{what}（{similarity}）{note}", not aside, False)
        return _Judged(Verdict.REFINED, f"有升有降：{what}（{similarity}）{note}", not aside, False)
    parent_length = max(_own_length(comparison, Side.LEFT, left_units), 1)
    growth = _own_length(comparison, Side.RIGHT, right_units) / parent_length
    unchanged = "数字与义务未变" if not aside else "可比数字与义务未变"
    if pair.status == Status.UNCHANGED or (
        pair.similarity >= config.adopted_similarity and growth <= config.adopted_max_growth
    ):
        return _Judged(Verdict.ADOPTED, f"{similarity}，{unchanged}{note}", not aside, False)
    if growth < config.weakened_share:
        why = f"子文件只保留约 {growth:.0%} 的文字（{similarity}）{note}"
        return _Judged(Verdict.WEAKENED, why, not aside, True)
    why = f"子文件文字为 {growth:.1f} 倍（{similarity}），{unchanged}{note}"
    return _Judged(Verdict.REFINED, why, not aside, True)


def verdict(comparison: Comparison, pair: Pair, config: CoverageConfig) -> tuple[Verdict, str]:
    """The verdict for a parent unit and the child pair that holds it, with its reason (clauses
    not read: see trace_child for the clause-level reading)."""
    judged = _judge(comparison, pair, config)
    return judged.verdict, judged.why


def _labels(units: Sequence[Unit]) -> str:
    return "、".join(u.label or u.heading[:8] for u in units)


def _snippet(text: str, span: tuple[int, int]) -> str:
    words = "".join(text[span[0] : span[1]].split())
    return words if len(words) <= CLAUSE_CONTEXT else words[:CLAUSE_CONTEXT] + "…"


def _read_clauses(
    judged: _Judged,
    pair_units: tuple[Unit, ...],
    clauses: tuple[Clause, ...],
    parent_text: str,
    config: CoverageConfig,
) -> tuple[Verdict, str, tuple[Unit, ...]]:
    """The verdict, reason and child units once the parent unit's clauses are traced.

    Units not paired whose clauses are all found elsewhere are implemented (细化, scattered);
    some found is 部分落实; a pair read by length whose clauses are mostly not found is 部分落实 too.
    Every child unit holding a clause is named beside the pair's own.
    """
    found = [c for c in clauses if c.status != ClauseStatus.MISSING]
    places = {m.unit.index: m.unit for c in found for m in c.places}
    units = tuple(sorted({**{u.index: u for u in pair_units}, **places}.values(), key=lambda u: u.index))
    kind, why = judged.verdict, judged.why
    if not found:
        return kind, why, units
    missing = [c for c in clauses if c.status == ClauseStatus.MISSING]
    counted = f"{len(found)}/{len(clauses)} 句见于子文件 {_labels(tuple(places.values()))}"
    not_found = f"；未见“{_snippet(parent_text, missing[0].span)}”" if missing else ""
    if kind == Verdict.MISSING:
        if missing:
            return Verdict.PARTIAL, counted + not_found, units
        return Verdict.REFINED, f"各句分散见于子文件 {_labels(tuple(places.values()))}", units
    if judged.by_length and missing and len(missing) / len(clauses) >= config.partial_missing_share:
        return Verdict.PARTIAL, counted + not_found + f"（{why}）", units
    return kind, why, units


def _cells_for(
    comparison: Comparison, config: CoverageConfig, clauses: Mapping[int, tuple[Clause, ...]]
) -> dict[int, Cell]:
    """Parent unit index → how this child implements it."""
    out: dict[int, Cell] = {}
    parent_text = comparison.left.text
    for k, pair in enumerate(comparison.pairs):
        if pair.left is None:
            continue
        judged = _judge(comparison, pair, config)
        pair_units = (pair.right, *getattr(pair, "also_right", ())) if pair.right is not None else ()
        owners = pair.responsible
        for left in (pair.left, *getattr(pair, "also_left", ())):
            traced = clauses.get(left.index, ())
            kind, why, units = _read_clauses(judged, pair_units, traced, parent_text, config)
            out[left.index] = Cell(
                kind,
                units,
                pair.similarity,
                pair.figures,
                why,
                k,
                owners.right.units if owners is not None else (),
                owners is not None and owners.changed,
                traced,
                judged.comparable,
            )
    return out


def trace_child(comparison: Comparison, config: CoverageConfig) -> dict[int, tuple[Clause, ...]]:
    """Each parent unit's clauses traced into the child (the title is no measure)."""
    tracer = Tracer(
        comparison.left.text,
        comparison.right.text,
        comparison.right.tree.units,
        FIGURE_MODE,
        config.provenance,
    )
    return {u.index: tracer.trace(u) for u in comparison.left.tree.units if u.level != Level.TITLE}


def _additions(comparison: Comparison) -> tuple[Unit, ...]:
    return tuple(p.right for p in comparison.pairs if p.left is None and p.right is not None)


def judge_child(
    parent: PreparedDocument, child: LoadedDocument, options: CompareOptions, config: CoverageConfig
) -> Child:
    """One child's column: compared with the parent prepared once, its clauses traced, its cells
    judged (in the worker process, so only the column travels back)."""
    prepared = prepare_side(child, Side.RIGHT, options, config.compare)
    comparison = compare_prepared(parent, prepared, options, config=config.compare)
    clauses = trace_child(comparison, config)
    return Child(child.path, comparison, clauses=clauses, cells=_cells_for(comparison, config, clauses))


def _compare_child(
    parent: PreparedDocument, child_path: str, options: CompareOptions, config: CoverageConfig
) -> Child:
    """Load, compare, trace and judge one child against the parent prepared once; one that cannot
    be read or compared is a column with its reason."""
    try:
        return judge_child(parent, load_document(child_path), options, config)
    except PolicydiffError as exc:
        return Child(child_path, None, str(exc), refusal=exc if isinstance(exc, LoadError) else None)
    except MemoryError:
        return Child(child_path, None, "not compared: out of memory")
    except RecursionError:
        return Child(child_path, None, "not compared: nested too deeply")
    except Exception as exc:  # a bug on this child: its column says so, the other children still complete
        detail = " ".join(str(exc).split())[:200]
        return Child(child_path, None, f"not compared (internal error: {type(exc).__name__}: {detail})")


KILLED = "not compared: its worker process ended unexpectedly (killed, perhaps for lack of memory)"

# The parent, sent once to each worker process instead of with every child (it may be megabytes),
# and prepared there once for all the children the worker compares.
_WORKER_PARENT: tuple[PreparedDocument, CompareOptions, CoverageConfig] | None = None


def _start_worker(parent: LoadedDocument, options: CompareOptions, config: CoverageConfig) -> None:
    global _WORKER_PARENT
    _WORKER_PARENT = (prepare_side(parent, Side.LEFT, options, config.compare), options, config)


def _compare_in_worker(child_path: str) -> Child:
    assert _WORKER_PARENT is not None, "worker started without its parent"
    parent, options, config = _WORKER_PARENT
    return _compare_child(parent, child_path, options, config)


def _workers(config: CoverageConfig, children: int) -> int:
    wanted = config.workers or (os.cpu_count() or 1)
    return max(1, min(wanted, children))


def build_coverage(
    parent_path: str,
    child_paths: Sequence[str],
    options: CompareOptions | None = None,
    config: CoverageConfig | None = None,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Coverage:
    """Compare a parent document with each child and read the comparisons as a coverage matrix.

    Args:
        parent_path: the higher-level document (a province's policy).
        child_paths: its implementations (cities', districts'), in the columns' order.
        options: normalization, as for a pairwise comparison.
        config: verdict thresholds and the number of worker processes.
        progress: called after each child with the number done and the child's name.
        cancelled: polled between children; True stops the run with Cancelled.

    Raises:
        LoadError: the parent cannot be read (each child's own failure is kept in its column).
        Cancelled: the caller asked to stop.
    """
    options = options or CompareOptions()
    config = config or CoverageConfig()
    parent = load_document(parent_path)
    children: list[Child | None] = [None] * len(child_paths)
    workers = _workers(config, len(child_paths))
    finished = 0

    def done(k: int, child: Child) -> None:
        nonlocal finished
        children[k] = child
        finished += 1
        if progress is not None:
            progress(finished, child.name)

    if workers == 1:
        prepared = prepare_side(parent, Side.LEFT, options, config.compare)
        for k, path in enumerate(child_paths):
            if cancelled is not None and cancelled():
                raise Cancelled()
            done(k, _compare_child(prepared, path, options, config))
    else:
        _compare_in_lanes(parent, child_paths, options, config, workers, done, cancelled)
    return assemble(parent, [c for c in children if c is not None], options, config)


def _single_threaded() -> bool:
    """Whether this process runs one thread, native ones included (Qt's, a BLAS pool's): only then
    is forking it safe."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _worker_context() -> multiprocessing.context.BaseContext:
    """How worker processes start. Forked from this process when it is a one-thread Linux process
    (the command line): a fork starts at once, with everything imported and warmed. Else (the app
    runs coverage beside Qt's threads, and forking a threaded process is unsafe) forked from a
    server process that has the comparison code loaded and warmed (coverage/warm.py), where the
    platform has one and the program is not a frozen bundle; else spawned fresh."""
    if sys.platform.startswith("linux") and _single_threaded():
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods() and not getattr(sys, "frozen", False):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["policydiff.coverage.warm"])
        return context
    return multiprocessing.get_context("spawn")


def start_worker_server() -> None:
    """Start the server coverage's workers are forked from ahead of a run, so its preload (imports,
    the segmenter, one small comparison: about 0.6 s) is done while the user picks the documents.
    Nothing where the workers are forked from the caller or spawned. The server is started by
    fork and exec, which is safe from a threaded process."""
    if _worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _lane_main(
    connection: Connection,
    compare: Callable[[str], Child],
    parent: LoadedDocument,
    options: CompareOptions,
    config: CoverageConfig,
) -> None:
    """A worker process: the parent prepared once, then each child path it is sent compared and its
    column sent back, until it is sent None."""
    _start_worker(parent, options, config)
    while (path := connection.recv()) is not None:
        connection.send(compare(path))


class _Lane:
    """One worker process and the child it is comparing (None: idle)."""

    def __init__(self, context: multiprocessing.context.BaseContext, args: tuple[object, ...]) -> None:
        here, there = context.Pipe()
        self.process: multiprocessing.process.BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_lane_main, args=(there, *args), name="policydiff-coverage"
        )
        self.process.start()
        there.close()
        self.connection = here
        self.child: int | None = None

    def give(self, k: int, path: str) -> None:
        self.child = k
        self.connection.send(path)

    def stop(self) -> None:
        """Ask an idle process to end, end a busy one, and reap it."""
        try:
            if self.child is None and self.process.is_alive():
                self.connection.send(None)
                self.process.join(CANCEL_POLL_SECONDS * 5)
        except OSError:
            pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _compare_in_lanes(
    parent: LoadedDocument,
    child_paths: Sequence[str],
    options: CompareOptions,
    config: CoverageConfig,
    workers: int,
    done: Callable[[int, Child], None],
    cancelled: Callable[[], bool] | None,
) -> None:
    """Compare the children in ``workers`` processes, each running one child at a time.

    One child per process at a time means a process that dies (the OOM killer, a crash in a
    native library) takes exactly one child with it: that column says so, the process is
    replaced, and every other child still completes. This process only hands out paths and
    collects columns, from the calling thread: no pool's manager and feeder threads compete with
    the workers for the cores.
    """
    context = _worker_context()
    forked = context.get_start_method() == "fork"
    if forked:  # the workers' collector leaves this process's objects alone: no walk over
        gc.freeze()  # them in every worker, no copy of their pages (Python's advice for fork)
    args = (_compare_in_worker, parent, options, config)
    queue = list(range(len(child_paths)))
    queue.reverse()  # popped from the end: the children in their order
    lanes = [_Lane(context, args) for _ in range(workers)]
    try:
        for lane in lanes:
            if queue:
                k = queue.pop()
                lane.give(k, child_paths[k])
        while any(lane.child is not None for lane in lanes):
            busy = [lane for lane in lanes if lane.child is not None]
            ready = set(
                wait(
                    [lane.connection for lane in busy] + [lane.process.sentinel for lane in busy],
                    CANCEL_POLL_SECONDS,
                )
            )
            if cancelled is not None and cancelled():
                raise Cancelled()
            for lane in busy:
                if lane.connection not in ready and lane.process.sentinel not in ready:
                    continue
                finished = lane.child
                assert finished is not None
                try:
                    child: Child = lane.connection.recv()
                except (EOFError, OSError):  # the process died before its column was complete
                    child = Child(child_paths[finished], None, KILLED)
                    lane.stop()  # reaps it: the process is gone
                    lanes[lanes.index(lane)] = lane = _Lane(context, args)
                lane.child = None
                done(finished, child)
                if queue:
                    k = queue.pop()
                    lane.give(k, child_paths[k])
    finally:
        for lane in lanes:
            lane.stop()
        if forked:
            gc.unfreeze()


def assemble(
    parent: LoadedDocument,
    children: Sequence[Child],
    options: CompareOptions,
    config: CoverageConfig | None = None,
) -> Coverage:
    """The matrix from finished child comparisons (all of the same parent)."""
    config = config or CoverageConfig()
    first = next((c.comparison for c in children if c.comparison is not None), None)
    if first is not None:
        units, title = first.left.tree.units, first.left.tree.title
    else:  # every child failed: the rows still list the parent's units
        from policydiff.structure.parse import parse_structure

        tree = parse_structure(parent.text, config.compare.structure)
        units, title = tree.units, tree.title
    per_child = [
        (
            c.cells
            if c.cells is not None
            else _cells_for(
                c.comparison,
                config,
                c.clauses if c.clauses is not None else trace_child(c.comparison, config),
            )
        )
        if c.comparison is not None
        else None
        for c in children
    ]
    rows = []
    for unit in units:
        if unit.level == Level.TITLE:
            continue
        cells = tuple(
            (cells.get(unit.index) or Cell(Verdict.MISSING, (), 0.0, (), "子文件中无对应条目"))
            if cells is not None
            else None
            for cells in per_child
        )
        rows.append(Row(unit, cells))
    additions = tuple(_additions(c.comparison) if c.comparison is not None else () for c in children)
    return Coverage(parent, units, title, tuple(children), tuple(rows), additions, options)
