"""A new version's effective date (本法自…起施行) moved is 施行日期变更, never 推迟 or 提前; a deadline
inside a measure keeps 推迟 / 提前."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents
from policydiff.figures.compare import Shift, effective_date, shift
from policydiff.model import FigureChange, FigureKind, LoadedDocument, Status
from policydiff.render.html import render_report
from tests.conftest import CORPUS


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


def _date_changes(left: str, right: str) -> list[FigureChange]:
    comparison = compare_documents(_doc(left, "a.txt"), _doc(right, "b.txt"))
    return [
        f
        for p in comparison.pairs
        for f in p.figures
        if f.status == Status.CHANGED and f.left is not None and f.left.kind == FigureKind.DATE
    ]


def test_a_new_effective_date_is_no_postponement() -> None:
    head = "关于促进就业的若干办法\n第一条 为促进就业，制定本办法。\n"
    changes = _date_changes(
        head + "第二条 本办法自2023年1月1日起施行。\n", head + "第二条 本办法自2025年3月1日起施行。\n"
    )
    assert len(changes) == 1 and shift(changes[0]) == Shift.LATER  # still later in time
    assert effective_date(changes[0])


def test_a_deadline_inside_a_measure_is_still_put_back() -> None:
    head = "关于促进就业的若干办法\n第一条 为促进就业，制定本办法。\n"
    changes = _date_changes(
        head + "第二条 各区于2024年底前完成改造。\n", head + "第二条 各区于2025年底前完成改造。\n"
    )
    assert len(changes) == 1 and shift(changes[0]) == Shift.LATER
    assert not effective_date(changes[0])


def test_the_land_law_s_new_date_reads_as_a_new_effective_date(tmp_path: Path) -> None:
    old, new = CORPUS / "laws" / "tufa-2007.md", CORPUS / "laws" / "tufa-2024.md"
    if not old.is_file():
        pytest.skip("the shared corpus is not here")
    out, html = tmp_path / "c.json", tmp_path / "r.html"
    assert main(["compare", str(old), str(new), "--json", str(out), "--html", str(html)]) == 0
    figures = [f for p in json.loads(out.read_text(encoding="utf-8"))["pairs"] for f in p["figures"]]
    moved = [f for f in figures if f.get("effective_date")]
    assert [(f["left"]["text"], f["right"]["text"]) for f in moved] == [
        ("2007年11月1日起", "2024年11月1日起")
    ]
    assert moved[0]["shift"] == "later"  # the JSON field keeps its meaning; the flag is added
    report = html.read_text(encoding="utf-8")
    assert "施行日期变更" in report and "推迟" not in report


def test_the_report_words_it_the_same_way_for_any_renderer() -> None:
    head = "关于促进就业的若干办法\n第一条 为促进就业，制定本办法。\n"
    comparison = compare_documents(
        _doc(head + "第二条 本办法自2023年1月1日起施行。\n", "a.txt"),
        _doc(head + "第二条 本办法自2025年3月1日起施行。\n", "b.txt"),
    )
    html = render_report(comparison)
    assert "施行日期变更" in html and "推迟" not in html
