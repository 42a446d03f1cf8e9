"""The comparison pipeline: load → normalize → parse → align → diff → figures → one Comparison.

Everything the GUI, the HTML report and the JSON show comes from the Comparison built here:
documents are prepared (prepare.py), aligned (align.py), each pair diffed (edits.py), its
figures compared (figures.py) and its obligations, owners and cross-references read
(policy_changes.py); the user's manual pairings are applied on top. Every stage's thresholds
and limits travel in one CompareConfig, whose defaults are the tuned values.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from policydiff.compare.align import AlignConfig, Alignment, align_units, arrange
from policydiff.compare.edits import unit_edits
from policydiff.compare.gcpause import collection_paused
from policydiff.compare.groups import GroupConfig, Groups, find_groups
from policydiff.compare.policy_changes import attach_references, pair_changes
from policydiff.compare.prepare import DEFAULT_PREPARE_LIMITS, PrepareLimits, prepare
from policydiff.compare.prepared import PreparedDocument
from policydiff.compare.provenance import remember_folded
from policydiff.compare.scattered import ScatterConfig, trace_scattered
from policydiff.compare.worddiff import DiffConfig
from policydiff.errors import Cancelled
from policydiff.figures.compare import PairingConfig, compare_figures, separate_moved_figures
from policydiff.figures.extract import extract_figures
from policydiff.io import load_document
from policydiff.lang import words
from policydiff.lang.script import CONVERSION, ConversionJudge, detect_script
from policydiff.model import (
    ComparedDocument,
    CompareOptions,
    Comparison,
    DocumentTree,
    Edit,
    Figure,
    FigureChange,
    LoadedDocument,
    NormalizeMode,
    Op,
    Pair,
    Script,
    Side,
    Status,
    Unit,
)
from policydiff.structure.parse import CONFIG as DEFAULT_STRUCTURE
from policydiff.structure.parse import StructureConfig

ProgressFn = Callable[[float], None]
CancelledFn = Callable[[], bool]
Override = tuple[int | None, int | None]

FIGURE_MODE = NormalizeMode.T2S  # figures are always read on simplified text, whatever the display mode
PROGRESS_PREPARED = 0.4  # share of the progress bar the two documents' preparation takes (0.2 each)
CHECK_EVERY = 64  # pairs between two looks at the cancel flag and two progress reports
SIMILARITY_PLACES = 4  # a pair's similarity is kept to this many places: stable across platforms


@dataclass(frozen=True)
class CompareConfig:
    """Every stage's thresholds and limits for one comparison; the defaults are the tuned values."""

    prepare: PrepareLimits = DEFAULT_PREPARE_LIMITS  # what one document may hold
    align: AlignConfig = field(default_factory=AlignConfig)  # pairing units
    groups: GroupConfig = field(default_factory=GroupConfig)  # merges and splits
    scattered: ScatterConfig = field(default_factory=ScatterConfig)  # clauses of unpaired units
    diff: DiffConfig = field(default_factory=DiffConfig)  # the word diff inside a pair
    figures: PairingConfig = field(default_factory=PairingConfig)  # pairing a pair's figures
    structure: StructureConfig = DEFAULT_STRUCTURE  # the structure parser's size limits


DEFAULT_CONFIG = CompareConfig()


@dataclass(frozen=True)
class Reading:
    """How one side is read: its script, whether the user chose it, and the conversion used."""

    script: Script
    chosen: bool
    conversion: NormalizeMode


# Texts whose script was read lately (the GUI re-compares the same pair on every option change).
_DETECTED: dict[str, Script] = {}
_DETECTED_KEEP = 8


def _detected(text: str) -> Script:
    script = _DETECTED.get(text)
    if script is None:
        script = detect_script(text)
        if len(_DETECTED) >= _DETECTED_KEEP:
            _DETECTED.pop(next(iter(_DETECTED)))
        _DETECTED[text] = script
    return script


def side_reading(text: str, options: CompareOptions, side: Side) -> Reading:
    """The script one side is read in and the OpenCC conversion that folds it.

    With the default mode each side is folded by its own script's conversion (a Taiwan reprint
    by tw2sp, the mainland side by t2s); a mode the user picked (tw2sp, hk2s) folds both sides
    as before, unless a side's script is set; ``none`` folds no script at all.
    """
    chosen = options.left_script if side == Side.LEFT else options.right_script
    script = chosen if chosen is not None else _detected(text)
    if options.normalize == NormalizeMode.NONE:
        conversion = NormalizeMode.NONE
    elif chosen is not None or options.normalize == NormalizeMode.T2S:
        conversion = CONVERSION[script]
    else:
        conversion = options.normalize
    return Reading(script, chosen is not None, conversion)


def _unit_figures(prepared: PreparedDocument, figure_view: PreparedDocument, unit: Unit) -> list[Figure]:
    """Figures of a unit's own text, with spans and text of the loaded document."""
    own, a = figure_view.own_text(unit)
    original = prepared.document.text
    out = []
    low, high = prepared.text_start(unit), unit.own_end
    for fig in extract_figures(own):
        if not math.isfinite(fig.value) or (fig.value_high is not None and not math.isfinite(fig.value_high)):
            continue  # a run of hundreds of digits is no amount
        start, end = figure_view.to_original(a + fig.start, a + fig.end)
        start, end = max(start, low), min(end, high)  # never past the unit into dropped whitespace
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        out.append(replace(fig, start=start, end=end, text=original[start:end]))
    return out


def _pair(
    left: PreparedDocument,
    right: PreparedDocument,
    left_fig: PreparedDocument,
    right_fig: PreparedDocument,
    li: int | None,
    ri: int | None,
    moved: bool,
    manual: bool,
    raw: tuple[PreparedDocument, PreparedDocument] | None,
    config: CompareConfig,
    also: tuple[tuple[Unit, ...], tuple[Unit, ...]] = ((), ()),
    scripts: tuple[Script, Script] | None = None,
) -> Pair:
    lu = left.units[li] if li is not None else None
    ru = right.units[ri] if ri is not None else None
    if lu is not None and ru is not None:
        lus = sorted((lu, *also[0]), key=lambda u: u.index)  # a merge or split reads as one text
        rus = sorted((ru, *also[1]), key=lambda u: u.index)
        edits, similarity = unit_edits(left, right, lus, rus, config.diff)
        if raw is not None:  # show differences that normalization hides: diff the loaded texts
            edits, _ = unit_edits(raw[0], raw[1], lus, rus, config.diff)
        elif scripts is not None:
            edits = _without_conversions(edits, left.document.text, right.document.text, scripts)
        figures = tuple(
            compare_figures(
                [f for u in lus for f in _unit_figures(left, left_fig, u)],
                [f for u in rus for f in _unit_figures(right, right_fig, u)],
                config.figures,
            )
        )
        changed = any(e.op != Op.EQUAL for e in edits) or any(f.status != Status.UNCHANGED for f in figures)
        status = Status.CHANGED if changed else Status.UNCHANGED
        if not changed:
            edits = []
        level = lu.level
        obligations, owners = pair_changes(left_fig, right_fig, lu, ru, changed)
        return Pair(
            status,
            level,
            lu,
            ru,
            round(similarity, SIMILARITY_PLACES),
            moved,
            tuple(edits),
            figures,
            manual,
            obligations,
            owners,
            also_left=also[0],
            also_right=also[1],
        )
    _, owners = pair_changes(left_fig, right_fig, lu, ru, changed=False)
    if lu is not None:
        figs = tuple(
            FigureChange(Status.REMOVED, f.subject, f, None) for f in _unit_figures(left, left_fig, lu)
        )
        deleted = (Edit(Op.DELETE, (lu.start, lu.own_end), (0, 0)),) if lu.own_end > lu.start else ()
        return Pair(Status.REMOVED, lu.level, lu, None, 0.0, False, deleted, figs, manual, responsible=owners)
    assert ru is not None
    figs = tuple(FigureChange(Status.ADDED, f.subject, None, f) for f in _unit_figures(right, right_fig, ru))
    inserted = (Edit(Op.INSERT, (0, 0), (ru.start, ru.own_end)),) if ru.own_end > ru.start else ()
    return Pair(Status.ADDED, ru.level, None, ru, 0.0, False, inserted, figs, manual, responsible=owners)


def _without_conversions(
    edits: Sequence[Edit], left_text: str, right_text: str, scripts: tuple[Script, Script]
) -> list[Edit]:
    """Edits whose two sides differ only by the reprint's regional conversion become equal text
    (joined with their equal neighbours), so no edit shown is a pure conversion.

    A conversion may straddle a chunk boundary (复印 → 影印 leaves 复 / 影 as the edit), so an edit
    that is no conversion alone is also read together with the equal text before and after it.
    """
    spans = [(edit.op, edit.left, edit.right) for edit in edits]
    ops = [edit.op for edit in edits]
    judge = ConversionJudge(scripts)

    def texts(first: int, last: int) -> tuple[str, str]:
        left = left_text[spans[first][1][0] : spans[last][1][1]]
        return left, right_text[spans[first][2][0] : spans[last][2][1]]

    def same(first: int, last: int) -> bool:
        return judge.same(*texts(first, last))

    # Every window the loop below may read, converted together (a neighbour counts as equal text
    # once the loop has turned it equal, so a replaced neighbour's windows are included too).
    near = (Op.EQUAL, Op.REPLACE)
    judge.expect(
        texts(first, last)
        for k, op in enumerate(ops)
        if op == Op.REPLACE
        for first in {k, k - 1 if k > 0 and ops[k - 1] in near else k}
        for last in {k, k + 1 if k + 1 < len(ops) and ops[k + 1] in near else k}
    )
    for k, op in enumerate(ops):
        if op != Op.REPLACE:
            continue
        before = k - 1 if k > 0 and ops[k - 1] == Op.EQUAL else k
        after = k + 1 if k + 1 < len(ops) and ops[k + 1] == Op.EQUAL else k
        for first, last in ((k, k), (before, k), (k, after), (before, after)):
            if (first, last) != (k, k) and first == last:
                continue
            if same(first, last):
                ops[k] = Op.EQUAL
                break
    out: list[Edit] = []
    for op, left, right in zip(ops, (e.left for e in edits), (e.right for e in edits), strict=True):
        if out and op == Op.EQUAL and out[-1].op == Op.EQUAL:
            out[-1] = Edit(Op.EQUAL, (out[-1].left[0], left[1]), (out[-1].right[0], right[1]))
        else:
            out.append(Edit(op, left, right))
    return out


def effective_overrides(overrides: Iterable[Override]) -> tuple[Override, ...]:
    """The user's overrides with the last word per unit: re-pairing a unit forgets its earlier
    pairing or unpairing, so units displaced by an earlier choice return to the machine's pairs."""
    out: list[Override] = []
    for li, ri in overrides:
        out = [(a, b) for a, b in out if not ((li is not None and a == li) or (ri is not None and b == ri))]
        out.append((li, ri))
    return tuple(out)


def _apply_overrides(
    alignment: Alignment, overrides: Iterable[Override], left: PreparedDocument, right: PreparedDocument
) -> tuple[Alignment, set[tuple[int | None, int | None]]]:
    """Apply the user's manual pairings/unpairings (see effective_overrides) on the machine's alignment."""
    l2r = {a: b for a, b in alignment.pairs if a is not None and b is not None}
    manual: set[tuple[int | None, int | None]] = set()
    for li, ri in overrides:
        if li is not None and ri is not None:
            if not (0 <= li < len(left.units) and 0 <= ri < len(right.units)):
                continue
            l2r.pop(li, None)
            for other_l, other_r in list(l2r.items()):
                if other_r == ri:
                    l2r.pop(other_l)
            l2r[li] = ri
            manual.add((li, ri))
        elif li is not None:
            gone = l2r.pop(li, None)
            manual.add((li, None))
            if gone is not None:
                manual.add((None, gone))
        elif ri is not None:
            for other_l, other_r in list(l2r.items()):
                if other_r == ri:
                    l2r.pop(other_l)
                    manual.add((other_l, None))
            manual.add((None, ri))
    manual = {m for m in manual if m[0] is None or m[1] is None or l2r.get(m[0]) == m[1]}
    return arrange(left.features, right.features, l2r, alignment.scores), manual


@collection_paused()
def compare_prepared(
    left: PreparedDocument,
    right: PreparedDocument,
    options: CompareOptions,
    overrides: Sequence[Override] = (),
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    config: CompareConfig = DEFAULT_CONFIG,
) -> Comparison:
    """Compare two prepared documents (see compare_documents)."""
    alignment = align_units(left.features, right.features, config.align)
    manual: set[tuple[int | None, int | None]] = set()
    overrides = effective_overrides(overrides)
    if overrides:
        alignment, manual = _apply_overrides(alignment, overrides, left, right)
    grouped, groups = find_groups(left.features, right.features, list(alignment.pairs), manual, config.groups)
    alignment = Alignment(tuple(grouped), alignment.scores, alignment.moved)

    def view(prepared: PreparedDocument, mode: NormalizeMode) -> PreparedDocument:
        return (
            prepared
            if prepared.mode == mode
            else prepare(prepared.document, mode, config.prepare, config.structure)
        )

    readings = (
        side_reading(left.document.text, options, Side.LEFT),
        side_reading(right.document.text, options, Side.RIGHT),
    )
    # figures read simplified text: a regional conversion gives it too (高階 → 高级 as subject)
    left_fig = view(left, _figure_mode(readings[0]))
    right_fig = view(right, _figure_mode(readings[1]))
    raw = None
    if options.show_normalization_diffs and options.normalize != NormalizeMode.NONE:
        raw = (view(left, NormalizeMode.NONE), view(right, NormalizeMode.NONE))
    scripts = None
    if options.normalize != NormalizeMode.NONE and readings[0].script != readings[1].script:
        scripts = (readings[0].script, readings[1].script)
    pairs = []
    total = max(len(alignment.pairs), 1)
    for k, (li, ri) in enumerate(alignment.pairs):
        if cancelled is not None and k % CHECK_EVERY == 0 and cancelled():
            raise Cancelled()
        if progress is not None and k % CHECK_EVERY == 0:
            progress(PROGRESS_PREPARED + (1 - PROGRESS_PREPARED) * k / total)
        is_manual = (li, ri) in manual or (li, None) in manual or (None, ri) in manual
        moved = li is not None and ri is not None and (li, ri) in alignment.moved
        also = _also(groups, left, right, li, ri)
        pairs.append(
            _pair(left, right, left_fig, right_fig, li, ri, moved, is_manual, raw, config, also, scripts)
        )
    pairs = separate_moved_figures(pairs, config.figures)
    for view_of in (left_fig, right_fig):  # clauses are traced on the figures' folding: made already
        if view_of.mode == FIGURE_MODE:
            remember_folded(view_of.document.text, FIGURE_MODE, view_of.norm)
    pairs = trace_scattered(
        pairs,
        (left.document.text, left.units),
        (right.document.text, right.units),
        FIGURE_MODE,
        config.scattered,
    )
    pairs = attach_references(pairs, left_fig, right_fig, FIGURE_MODE)
    if progress is not None:
        progress(1.0)
    return Comparison(
        options=options,
        left=_compared(left, readings[0]),
        right=_compared(right, readings[1]),
        pairs=tuple(pairs),
        overrides=tuple(overrides),
    )


def _also(
    groups: Groups, left: PreparedDocument, right: PreparedDocument, li: int | None, ri: int | None
) -> tuple[tuple[Unit, ...], tuple[Unit, ...]]:
    """The further units a pair takes in (a merge on the left, a split on the right)."""
    if li is None or ri is None:
        return (), ()
    return (
        tuple(left.units[i] for i in groups.also_left.get((li, ri), ())),
        tuple(right.units[i] for i in groups.also_right.get((li, ri), ())),
    )


def _figure_mode(reading: Reading) -> NormalizeMode:
    return FIGURE_MODE if reading.conversion == NormalizeMode.NONE else reading.conversion


def _compared(prepared: PreparedDocument, reading: Reading) -> ComparedDocument:
    return ComparedDocument(prepared.document, _tree(prepared), reading.script, reading.chosen, prepared.mode)


def _tree(prepared: PreparedDocument) -> DocumentTree:
    return DocumentTree(
        prepared.title, prepared.units, prepared.body_start, prepared.body_end, prepared.left_out
    )


@collection_paused()
def compare_documents(
    left: LoadedDocument,
    right: LoadedDocument,
    options: CompareOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    overrides: Sequence[Override] = (),
    config: CompareConfig = DEFAULT_CONFIG,
) -> Comparison:
    """Compare two loaded documents.

    Args:
        left: the left (older, higher-level) document.
        right: the right (newer, implementing) document.
        options: normalization mode and whether normalization-only differences count.
        progress: called with a fraction 0..1 now and then.
        cancelled: polled now and then; when it returns True the work stops with Cancelled.
        overrides: manual (left unit index, right unit index) pairings; (i, None) / (None, j) unpair.
        config: every stage's thresholds and limits (alignment, groups, word diff, figures, size).

    Returns:
        The comparison every view is made from.
    """
    options = options or CompareOptions()
    if cancelled is not None and cancelled():
        raise Cancelled()
    left_prepared = prepare_side(left, Side.LEFT, options, config)
    if progress is not None:
        progress(PROGRESS_PREPARED / 2)
    if cancelled is not None and cancelled():
        raise Cancelled()
    right_prepared = prepare_side(right, Side.RIGHT, options, config)
    if progress is not None:
        progress(PROGRESS_PREPARED)
    return compare_prepared(left_prepared, right_prepared, options, overrides, progress, cancelled, config)


def prepare_side(
    document: LoadedDocument, side: Side, options: CompareOptions, config: CompareConfig = DEFAULT_CONFIG
) -> PreparedDocument:
    """One side of a comparison made ready (read, folded, parsed, segmented).

    One policy against many prepares the parent once and compares it with every child
    (``compare_prepared``), instead of preparing it again for each one.
    """
    return prepare(
        document, side_reading(document.text, options, side).conversion, config.prepare, config.structure
    )


def compare_files(
    left_path: str,
    right_path: str,
    options: CompareOptions | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    config: CompareConfig = DEFAULT_CONFIG,
) -> Comparison:
    """Load two files and compare them (raises LoadError with a one-line message)."""
    words.preload()  # the segmenter's dictionary loads while the files are read
    left = load_document(left_path)
    right = load_document(right_path)
    return compare_documents(left, right, options, progress, cancelled, config=config)


def pair_manually(
    comparison: Comparison, left_unit: int, right_unit: int, config: CompareConfig = DEFAULT_CONFIG
) -> Comparison:
    """The user pairs two units by hand; everything else keeps the machine's (or earlier) choices."""
    overrides = (*comparison.overrides, (left_unit, right_unit))
    return compare_documents(
        comparison.left.document,
        comparison.right.document,
        comparison.options,
        overrides=overrides,
        config=config,
    )


def unpair(comparison: Comparison, pair_index: int, config: CompareConfig = DEFAULT_CONFIG) -> Comparison:
    """The user splits a pair: its units become removed and added."""
    pair = comparison.pairs[pair_index]
    if pair.left is None or pair.right is None:
        return comparison
    overrides = (*comparison.overrides, (pair.left.index, None))
    return compare_documents(
        comparison.left.document,
        comparison.right.document,
        comparison.options,
        overrides=overrides,
        config=config,
    )


def document_figures(document: LoadedDocument) -> list[Figure]:
    """Every figure of one document's units, in reading order, with spans of the loaded text."""
    prepared = prepare(document, FIGURE_MODE)
    out: list[Figure] = []
    for unit in prepared.units:
        out.extend(_unit_figures(prepared, prepared, unit))
    return out


__all__ = [
    "Cancelled",
    "compare_prepared",
    "prepare_side",
    "CompareConfig",
    "compare_documents",
    "compare_files",
    "document_figures",
    "pair_manually",
    "unpair",
]
