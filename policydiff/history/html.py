"""The history as one self-contained page: a timeline of counts per step, then the lineage table.

One row per lineage, one column per version; a cell holds the unit's number in that version and
the mark of the step that led there, and unchanged versions share one cell. Filters pick the rows
changed in a given version or at any time; clicking a cell shows that step's word diff and figure
changes (kept in <template> elements, so the page needs nothing from outside). Prints on A4
landscape. Every value is autoescaped by the template.
May import: the standard library, jinja2 and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from policydiff import __version__
from policydiff.history.detail import SideText, step_detail
from policydiff.history.model import QUIET_MARKS, History, Lineage, Mark
from policydiff.model import FigureChange, Unit
from policydiff.present import labels, palette
from policydiff.render.html import _environment, _figure_change

TEMPLATE = "history.html.j2"
HEADING_CHARS = 40  # of a row's heading shown beside its numbers
LEVEL_NAMES = {"preamble": "序言", "epilogue": "结尾", "attachment": "附件"}


def _name(unit: Unit) -> str:
    return unit.label or LEVEL_NAMES.get(unit.level.value, "") or unit.heading[:8]


def _segments(side: SideText | None) -> list[dict[str, Any]] | None:
    if side is None:
        return None
    out, at = [], 0
    for start, end in side.marked:
        if start < at:
            start = at
        if start >= end:
            continue
        if at < start:
            out.append({"text": side.text[at:start], "marked": False})
        out.append({"text": side.text[start:end], "marked": True})
        at = end
    if at < len(side.text):
        out.append({"text": side.text[at:], "marked": False})
    return out


def _figure(change: FigureChange) -> dict[str, str]:
    before = change.left.text if change.left is not None else "—"
    after = change.right.text if change.right is not None else "—"
    return {"subject": change.subject, "before": before, "after": after, "how": _figure_change(change)}


def _cells(history: History, row: Lineage, r: int) -> list[dict[str, Any]]:
    cells = []
    for first, last in row.spans():
        unit = row.units[first]
        step = row.steps[first - 1] if first > 0 else None
        mark = step.mark if step is not None else None
        note = ""
        if step is not None and step.partner is not None:
            partner = history.rows[step.partner]
            other = partner.units[first] or partner.units[first - 1]
            if other is not None:
                note = f"{'并入' if mark == Mark.MERGED else '拆自'}{_name(other)}"
        cells.append(
            {
                "span": last - first + 1,
                "label": _name(unit) if unit is not None else "",
                "mark": mark.value if mark is not None else "",
                "mark_label": labels.MARK[mark].zh if mark is not None and mark != Mark.UNCHANGED else "",
                "note": note,
                "step": f"{r}-{first - 1}" if step is not None else "",
                "absent": unit is None,
                "kept": last > first,
            }
        )
    return cells


def _details(history: History) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r, row in enumerate(history.rows):
        for k, step in enumerate(row.steps):
            if step is None or step.mark == Mark.UNCHANGED:
                continue
            if step.mark == Mark.RENUMBERED:  # the words stayed: say so, without repeating them
                before, after = row.units[k], row.units[k + 1]
                assert before is not None and after is not None
                out.append(
                    {
                        "id": f"{r}-{k}",
                        "mark": labels.MARK[step.mark].zh,
                        "from": history.versions[k].date or history.versions[k].name,
                        "to": history.versions[k + 1].date or history.versions[k + 1].name,
                        "similarity": "",
                        "note": f"文字未变，条号由 {_name(before)} 改为 {_name(after)}。",
                    }
                )
                continue
            detail = step_detail(history, row, k)
            if detail is None:
                continue
            out.append(
                {
                    "id": f"{r}-{k}",
                    "mark": labels.MARK[step.mark].zh,
                    "from": history.versions[k].date or history.versions[k].name,
                    "to": history.versions[k + 1].date or history.versions[k + 1].name,
                    "similarity": f"{step.similarity:.0%}" if step.mark not in QUIET_MARKS else "",
                    "left_label": detail.left.label if detail.left else "",
                    "right_label": detail.right.label if detail.right else "",
                    "left": _segments(detail.left),
                    "right": _segments(detail.right),
                    "figures": [_figure(f) for f in detail.figures],
                    "note": "",
                }
            )
    return out


def render_history(history: History, generated_at: datetime | None = None) -> str:
    """The page's HTML text (the caller writes it atomically)."""
    moment = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    versions = [
        {"name": v.name, "title": v.title, "date": v.date or "", "short": v.date or f"第{k + 1}版"}
        for k, v in enumerate(history.versions)
    ]
    timeline = []
    for k in range(len(history.comparisons)):
        counts = history.counts(k).marks
        total = max(sum(counts.values()), 1)
        timeline.append(
            {
                "from": versions[k]["short"],
                "to": versions[k + 1]["short"],
                "bars": [
                    {
                        "mark": m.value,
                        "label": labels.MARK[m].zh,
                        "count": n,
                        "share": f"{100 * n / total:.2f}",
                    }
                    for m, n in counts.items()
                    if n
                ],
            }
        )
    rows = [
        {
            "level": row.level.value,
            "depth": row.last.depth,
            "heading": row.last.heading[:HEADING_CHARS],
            "changed": " ".join(str(k + 1) for k, s in enumerate(row.steps) if s is not None and s.changed),
            "cells": _cells(history, row, r),
        }
        for r, row in enumerate(history.rows)
    ]
    title = next((v.title for v in reversed(history.versions) if v.title), history.versions[-1].name)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            title=title,
            versions=versions,
            timeline=timeline,
            rows=rows,
            details=_details(history),
            marks=[
                {"value": m.value, "label": labels.MARK[m].zh, "colour": palette.HISTORY[m].background.hex}
                for m in Mark
            ],
            ever_changed=sum(1 for row in history.rows if row.changed),
            generated=moment,
            version=__version__,
        )
    )
