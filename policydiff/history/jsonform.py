"""The history's JSON form, schema ``policydiff.history/1`` (docs/HISTORY.md).

Other programs read this shape: fields may be added, never renamed or dropped. NODE and FIG are
written by the comparison's own JSON functions, so a unit or a figure reads the same in every form;
spans index the ``text`` of the version they belong to (a step's left side: version i, right: i + 1).
May import: the standard library, policydiff, policydiff.render.jsonform and policydiff.history.
"""

from __future__ import annotations

import math
from typing import Any

from policydiff import __version__
from policydiff.history.model import History, Lineage, Mark, Step, StepStatus
from policydiff.model import Edit
from policydiff.render.jsonform import figure_change_to_json, node_to_json

SCHEMA = "policydiff.history/1"


def _edit(edit: Edit) -> dict[str, Any]:
    return {"op": edit.op.value, "left": list(edit.left), "right": list(edit.right)}


def _step(history: History, row: Lineage, k: int, step: Step | None) -> dict[str, Any] | None:
    if step is None:
        return None
    pair = history.pair(row, k)
    similarity = step.similarity if math.isfinite(step.similarity) else None
    return {
        "status": step.status.value,
        "mark": step.mark.value,
        "similarity": similarity,
        "edits": [_edit(e) for e in pair.edits] if pair is not None else [],
        "figures": [figure_change_to_json(f) for f in pair.figures] if pair is not None else [],
        "pair": step.pair,
        "partner": step.partner,
        "inner": step.inner,
    }


def _row(history: History, row: Lineage) -> dict[str, Any]:
    return {
        "units": [node_to_json(u) for u in row.units],
        "level": row.level.value,
        "steps": [_step(history, row, k, s) for k, s in enumerate(row.steps)],
        "also": [[node_to_json(u) for u in group] for group in row.also],
        "changed": row.changed,
        "spans": [list(span) for span in row.spans()],
    }


def history_to_json(history: History) -> dict[str, Any]:
    """The history as a JSON-ready dict of schema policydiff.history/1."""
    summary = []
    for k in range(len(history.comparisons)):
        counts = history.counts(k)
        entry: dict[str, Any] = {status.value: counts.statuses[status] for status in StepStatus}
        entry["marks"] = {mark.value: counts.marks[mark] for mark in Mark}
        summary.append(entry)
    return {
        "schema": SCHEMA,
        "generator": f"policydiff {__version__}",
        "options": {"normalize": str(history.options.normalize)},
        "versions": [
            {
                "path": v.path,
                "title": v.title,
                "date": v.date,
                "chars": len(v.document.text),
                "format": v.document.format,
                "text": v.document.text,
            }
            for v in history.versions
        ],
        "rows": [_row(history, row) for row in history.rows],
        "summary": summary,
    }
