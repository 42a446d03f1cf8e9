"""The coverage matrix as JSON (schema policydiff.coverage/1, documented in docs/COVERAGE.md).

May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from typing import Any

from policydiff import __version__
from policydiff.compare.provenance import Clause
from policydiff.coverage.matrix import Cell, Child, Coverage
from policydiff.render.jsonform import figure_change_to_json, node_to_json

SCHEMA = "policydiff.coverage/1"


def _child(child: Child) -> dict[str, Any]:
    comparison = child.comparison
    return {
        "path": child.path,
        "title": child.title,
        "chars": len(comparison.right.text) if comparison is not None else 0,
        "error": child.error,
    }


def _cell(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {
        "verdict": cell.verdict.value,
        "units": [node_to_json(u) for u in cell.units],
        "similarity": cell.similarity,
        "figures": [figure_change_to_json(f) for f in cell.figures],
        "why": cell.why,
        "pair": cell.pair_index,
        "owners": list(cell.owners),
        "owners_changed": cell.owners_changed,
        "clauses": [_clause(c) for c in cell.clauses],
        "comparable": cell.comparable,
    }


def _clause(clause: Clause) -> dict[str, Any]:
    return {
        "parent": list(clause.span),
        "child": [
            {"unit": node_to_json(m.unit), "span": list(m.span), "similarity": m.similarity}
            for m in clause.places
        ],
        "status": clause.status.value,
    }


def coverage_to_json(coverage: Coverage) -> dict[str, Any]:
    """The matrix as a JSON-ready dict; a child that could not be read has null cells and its error."""
    return {
        "schema": SCHEMA,
        "generator": f"policydiff {__version__}",
        "options": {"normalize": coverage.options.normalize},
        "parent": {
            "path": coverage.parent.path,
            "title": coverage.parent_title,
            "chars": len(coverage.parent.text),
        },
        "children": [_child(c) for c in coverage.children],
        "rows": [
            {
                "unit": node_to_json(row.unit),
                "level": row.unit.level.value,
                "cells": [_cell(c) for c in row.cells],
            }
            for row in coverage.rows
        ],
        "additions": [[node_to_json(u) for u in units] for units in coverage.additions],
        "summary": [
            {verdict.value: n for verdict, n in coverage.counts(k).items()}
            for k in range(len(coverage.children))
        ],
    }
