"""The coverage matrix as a self-contained HTML page, with each child's side-by-side report beside it.

The page holds the matrix (sticky headers, a colour per verdict, counts per child and per row);
each cell links to the pair in that child's ordinary comparison report, written into a folder
next to the page (``OUT.files/``), so the matrix stays light and every detail is one click away.
May import: the standard library, jinja2 and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import Any

from policydiff import __version__
from policydiff.compare.provenance import ClauseStatus
from policydiff.coverage.matrix import VERDICT_LABELS, Cell, Coverage, Verdict
from policydiff.present import labels, palette
from policydiff.render.html import _environment, plain, render_report

TEMPLATE = "coverage.html.j2"
HEADING_CHARS = 40  # a preamble's "heading" is its whole first sentence
VERDICT_MEANINGS = {verdict: meaning.zh for verdict, meaning in labels.VERDICT_MEANING.items()}


def detail_folder(out_name: str) -> str:
    """The folder name, beside the page, that holds each child's report."""
    return f"{PurePath(out_name).name}.files"


def detail_name(child: int) -> str:
    return f"child-{child + 1}.html"


CLAUSE_MARKS = {ClauseStatus.KEPT: "✓", ClauseStatus.REWORDED: "≈", ClauseStatus.MISSING: "✗"}


def _clauses_line(cell: Cell) -> str:
    """The clauses at a glance when some were not kept word for word: ✓ kept, ≈ reworded, ✗ missing."""
    if len(cell.clauses) < 2 or all(c.status == ClauseStatus.KEPT for c in cell.clauses):
        return ""
    return "；逐句：" + "".join(CLAUSE_MARKS[c.status] for c in cell.clauses)


def _cell(cell: Cell | None, href_base: str | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    href = f"{href_base}#pair-{cell.pair_index + 1}" if href_base and cell.pair_index is not None else None
    return {
        "verdict": cell.verdict.value,
        "label": VERDICT_LABELS[cell.verdict],
        "units": "、".join(u.label or u.heading[:10] for u in cell.units),
        "why": cell.why + _clauses_line(cell),
        "href": href,
        "owners": "、".join(cell.owners),
        "owners_changed": cell.owners_changed,
    }


def render_coverage(
    coverage: Coverage, out_name: str = "coverage.html", generated_at: datetime | None = None
) -> dict[str, str]:
    """The matrix page and each readable child's report.

    Args:
        coverage: the matrix.
        out_name: the page's file name; detail reports go to ``<out_name>.files/``.
        generated_at: the time printed (now when None).

    Returns:
        Relative path → HTML text: ``out_name``'s own name first, then the detail reports.
    """
    folder = detail_folder(out_name)
    moment = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    pages: dict[str, str] = {}
    children = []
    bases: list[str | None] = []
    for k, child in enumerate(coverage.children):
        base = f"{folder}/{detail_name(k)}" if child.comparison is not None else None
        bases.append(base)
        pair_of_unit = (
            {p.right.index: n for n, p in enumerate(child.comparison.pairs) if p.right is not None}
            if child.comparison is not None
            else {}
        )
        children.append(
            {
                "name": child.name,
                "title": child.title,
                "error": child.error,
                "counts": {v.value: n for v, n in coverage.counts(k).items()},
                "additions": [
                    {
                        "label": u.label,
                        "heading": u.heading,
                        "href": f"{base}#pair-{pair_of_unit[u.index] + 1}"
                        if base and u.index in pair_of_unit
                        else None,
                    }
                    for u in coverage.additions[k]
                ],
            }
        )
    readable = sum(1 for c in coverage.children if c.error is None)
    rows = [
        {
            "label": row.unit.label,
            "heading": row.unit.heading[:HEADING_CHARS],
            "level": row.unit.level.value,
            "depth": row.unit.depth,
            "cells": [_cell(cell, bases[k]) for k, cell in enumerate(row.cells)],
            "adopted": coverage.adopted_by(row),
        }
        for row in coverage.rows
    ]
    pages[PurePath(out_name).name] = (
        _environment()
        .get_template(TEMPLATE)
        .render(
            parent={
                "name": PurePath(coverage.parent.path).name,
                "plain_name": plain(PurePath(coverage.parent.path).name),
                "title": coverage.parent_title,
            },
            children=children,
            rows=rows,
            readable=readable,
            verdicts=[
                {"value": v.value, "label": VERDICT_LABELS[v], "meaning": VERDICT_MEANINGS[v]}
                for v in Verdict
            ],
            generated=moment,
            version=__version__,
            palette_css=palette.css_variables(),
        )
    )
    for k, child in enumerate(coverage.children):
        if child.comparison is not None:
            pages[f"{folder}/{detail_name(k)}"] = render_report(child.comparison, generated_at=generated_at)
    return pages
