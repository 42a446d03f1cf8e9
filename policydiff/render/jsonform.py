"""The comparison's JSON form, schema ``policydiff.comparison/1`` (docs/CONTRACT.md).

Other programs read this shape: fields may be added, never renamed or dropped without a new
schema name. Offsets are Python string indices into each document's loaded text. What a view
marks on each side of a pair (``rewrite``, ``marks``) comes from policydiff.present.projection, the one
function the panes and the HTML report project a pair with, so the three cannot drift apart.
May import: the standard library, policydiff, policydiff.model, policydiff.figures.compare,
policydiff.present.projection.
"""

from __future__ import annotations

import math
from typing import Any

from policydiff import __version__
from policydiff.figures.compare import effective_date, figure_counts, finite_ratio, shift
from policydiff.model import (
    Clause,
    ComparedDocument,
    Comparison,
    Edit,
    Figure,
    FigureChange,
    LoadedDocument,
    ObligationChange,
    Pair,
    ReferenceIssue,
    ResponsibilityChange,
    Script,
    Side,
    Unit,
)
from policydiff.present.change_notes import scattered_places
from policydiff.present.ocrmarks import pair_uncertain
from policydiff.present.projection import SideProjection, project

SCHEMA = "policydiff.comparison/1"


def _doc(side: ComparedDocument) -> dict[str, Any]:
    doc = side.document
    return {
        "path": doc.path,
        "format": doc.format,
        "encoding": doc.encoding,
        "title": side.tree.title,
        "chars": len(doc.text),
        "bytes": doc.size,
        "text": doc.text,
        "notices": list(doc.notices),
        "script": side.script.value,
        "script_set": side.script_set,
        "conversion": side.conversion.value,
        "left_out": [{"kind": kind, "span": [start, end]} for start, end, kind in side.tree.left_out],
        "ocr": _ocr(doc),
    }


def _ocr(doc: LoadedDocument) -> dict[str, Any] | None:
    """How the text was recognised from page images; None for a document with a text layer."""
    if doc.ocr is None:
        return None
    return {
        "pages": list(doc.ocr.pages),
        "confidence": _finite(doc.ocr.confidence),
        "characters": doc.ocr.characters,
        "uncertain": [list(span) for span in doc.ocr.uncertain],
        "seals": doc.ocr.seals,
        "engine": doc.ocr.engine,
    }


def _optional(value: Script | None) -> str | None:
    return None if value is None else value.value


def _node(unit: Unit | None) -> dict[str, Any] | None:
    if unit is None:
        return None
    return {
        "label": unit.label,
        "heading": unit.heading,
        "start": unit.start,
        "end": unit.end,
        "own_end": unit.own_end,
        "index": unit.index,
        "depth": unit.depth,
    }


def _edit(edit: Edit) -> dict[str, Any]:
    return {"op": edit.op.value, "left": list(edit.left), "right": list(edit.right)}


def _finite(value: float | None) -> float | None:
    """A number JSON can carry: inf and nan (a figure ratio that overflowed) become null."""
    return value if value is None or math.isfinite(value) else None


def _figval(fig: Figure | None) -> dict[str, Any] | None:
    if fig is None:
        return None
    out: dict[str, Any] = {
        "text": fig.text,
        "start": fig.start,
        "end": fig.end,
        "value": _finite(fig.value),
        "unit": fig.unit,
        "qualifier": fig.qualifier.joined(),
        "kind": str(fig.kind),
        "subject": fig.subject,
    }
    if fig.value_high is not None:
        out["value_high"] = _finite(fig.value_high)
    if fig.per is not None:
        out["per"] = fig.per
    return out


def _fig(change: FigureChange) -> dict[str, Any]:
    out: dict[str, Any] = {
        "status": change.status.value,
        "subject": change.subject,
        "left": _figval(change.left),
        "right": _figval(change.right),
    }
    ratio = finite_ratio(change)
    if ratio is not None:
        out["ratio"] = ratio
    how = shift(change)
    if how is not None:
        out["shift"] = how.value
    if effective_date(change):
        out["effective_date"] = True
    if change.elsewhere is not None:  # its counterpart lives in another pair's unit
        out["elsewhere"] = _node(change.elsewhere)
    return out


def _also(pair: Pair, side: Side) -> tuple[Unit, ...]:
    """A group's further units on ``side``; for a scattered unit (no counterpart of its own) the
    other side's units holding its clauses, which stay in their own pairs as well."""
    if pair.scattered and (pair.left is None) == (side == Side.LEFT):
        return tuple(scattered_places(pair))
    return pair.also_left if side == Side.LEFT else pair.also_right


def _clause(clause: Clause) -> dict[str, Any]:
    """One clause of a scattered unit: its span, and the other side's units holding it."""
    return {
        "span": list(clause.span),
        "found_in": [
            {"unit": _node(m.unit), "span": list(m.span), "similarity": m.similarity} for m in clause.places
        ],
        "status": clause.status.value,
    }


def _obligation(change: ObligationChange) -> dict[str, Any]:
    return {
        "left": change.left,
        "right": change.right,
        "direction": change.direction.value,
        "left_span": list(change.left_span) if change.left_span is not None else None,
        "right_span": list(change.right_span) if change.right_span is not None else None,
    }


def _responsible(change: ResponsibilityChange | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "left_lead": list(change.left.lead),
        "right_lead": list(change.right.lead),
        "left_units": list(change.left.units),
        "right_units": list(change.right.units),
        "added": list(change.added),
        "removed": list(change.removed),
        "lead_changed": change.lead_changed,
    }


def _reference(issue: ReferenceIssue) -> dict[str, Any]:
    return {
        "side": str(issue.side),
        "text": issue.text,
        "span": list(issue.span),
        "problem": issue.problem.value,
        "points_to": _node(issue.points_to),
        "should_point_to": _node(issue.should_point_to),
    }


FIGURE_MARK = "figure"  # MARK.kind of a changed figure; the other kinds are projection.Kind values


def _marks(view: SideProjection) -> list[dict[str, Any]]:
    """One side's marks as a view paints them: the projection's text spans, then its changed figures."""
    marks = [{"kind": kind.value, "span": [start, end]} for start, end, kind in view.marks]
    marks.extend({"kind": FIGURE_MARK, "span": [start, end]} for start, end, _change in view.figures)
    return marks


def _pair(pair: Pair, left_doc: LoadedDocument, right_doc: LoadedDocument) -> dict[str, Any]:
    left_text, right_text = left_doc.text, right_doc.text
    left = project(pair, Side.LEFT, left_text)
    right = project(pair, Side.RIGHT, right_text)
    return {
        "status": pair.status.value,
        "moved": pair.moved,
        "manual": pair.manual,
        "level": pair.level.value,
        "left": _node(pair.left),
        "right": _node(pair.right),
        "similarity": _finite(pair.similarity),
        "edits": [_edit(e) for e in pair.edits],
        "figures": [_fig(f) for f in pair.figures],
        "obligations": [_obligation(o) for o in pair.obligations],
        "responsible": _responsible(pair.responsible),
        "references": [_reference(r) for r in pair.references],
        "also_left": [_node(u) for u in _also(pair, Side.LEFT)],
        "also_right": [_node(u) for u in _also(pair, Side.RIGHT)],
        "rewrite": left.rewrite,
        "marks": {"left": _marks(left), "right": _marks(right)},
        "ocr_uncertain": pair_uncertain(pair, left_doc, right_doc),
        "clauses": [_clause(c) for c in pair.clauses],
    }


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as a JSON-ready dict of schema policydiff.comparison/1."""
    s = comparison.summary
    figs = figure_counts(comparison.pairs)
    return {
        "schema": SCHEMA,
        "generator": f"policydiff {__version__}",
        "options": {
            "normalize": str(comparison.options.normalize),
            "show_normalization_diffs": comparison.options.show_normalization_diffs,
            "left_script": _optional(comparison.options.left_script),
            "right_script": _optional(comparison.options.right_script),
            "overrides": [list(o) for o in comparison.overrides],
        },
        "left": _doc(comparison.left),
        "right": _doc(comparison.right),
        "pairs": [_pair(p, comparison.left.document, comparison.right.document) for p in comparison.pairs],
        "summary": {
            "pairs": s.pairs,
            "unchanged": s.unchanged,
            "changed": s.changed,
            "added": s.added,
            "removed": s.removed,
            "moved": s.moved,
            # figures of units both sides keep: changed / added / removed, counted apart;
            # figures of wholly added / removed units apart again
            "figures_changed": figs.changed,
            "figures_added": figs.added,
            "figures_removed": figs.removed,
            "figures_in_added_units": figs.in_added_units,
            "figures_in_removed_units": figs.in_removed_units,
            "figures_moved": figs.moved,
            "manual": s.manual,
            "obligations_changed": s.obligations_changed,
            "responsible_changed": s.responsible_changed,
            "references_stale": s.references_stale,
        },
    }


# The pieces other JSON forms (policydiff.coverage/1) reuse, so a NODE or FIG reads the same everywhere.
node_to_json = _node
figure_to_json = _figval
figure_change_to_json = _fig
