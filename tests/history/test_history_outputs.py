"""The history's page and workbook: one row per lineage, unchanged versions as one cell, a detail per
changed step, nothing fetched, and text that looks like a formula stored as text."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from policydiff.cli import main
from policydiff.history.chain import HistoryConfig, assemble, compare_steps
from policydiff.history.detail import step_detail
from policydiff.history.html import render_history
from policydiff.history.model import History, Mark
from policydiff.history.xlsx import history_to_xlsx
from policydiff.model import CompareOptions, LoadedDocument

V1 = (
    "关于支持企业发展的若干措施\n"
    "一、加大资金支持。对新认定的企业给予一次性奖励50万元。\n"
    "二、优化审批服务。审批时限压缩至15个工作日。\n"
    "三、=SUM(A1) 强化人才保障 <script>alert(1)</script>。\n"
    "四、本措施自发布之日起施行。\n"
)
V2 = V1.replace("50万元", "80万元")
V3 = (
    V2.replace("二、优化审批服务。审批时限压缩至15个工作日。\n", "")
    .replace("三、", "二、")
    .replace("四、", "三、")
)


def _history(texts: list[str]) -> History:
    documents = [LoadedDocument(f"v{k}.txt", "txt", "utf-8", t) for k, t in enumerate(texts)]
    comparisons = compare_steps(documents, CompareOptions(), HistoryConfig())
    return assemble(documents, comparisons, CompareOptions())


@pytest.fixture(scope="module")
def history() -> History:
    return _history([V1, V2, V3, V3])  # the last version repeats the one before


def test_step_detail_marks_the_words_and_figures_that_changed(history):
    row = next(r for r in history.rows if r.units[0] is not None and r.units[0].label == "一、")
    assert [s.mark for s in row.steps] == [Mark.CHANGED, Mark.UNCHANGED, Mark.UNCHANGED]
    detail = step_detail(history, row, 0)
    assert detail is not None and detail.left is not None and detail.right is not None
    went = "".join(detail.left.text[s:e] for s, e in detail.left.marked)
    came = "".join(detail.right.text[s:e] for s, e in detail.right.marked)
    assert "5" in went and "8" in came
    assert [(f.left.text, f.right.text) for f in detail.figures if f.left and f.right] == [
        ("50万元", "80万元")
    ]
    removed = next(
        r
        for r in history.rows
        if r.units[1] is not None and r.units[1].label == "二、" and r.units[2] is None
    )
    gone = step_detail(history, removed, 1)
    assert gone is not None and gone.right is None and "审批时限" in gone.left.text


def test_page_has_a_row_per_lineage_one_cell_per_unchanged_span_and_a_detail_per_changed_step(history):
    page = render_history(history)
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    assert body.count("<tr ") == len(history.rows)
    assert 'colspan="3"' in body  # 一、: changed in V2, then kept through V4
    assert 'colspan="2"' in body  # 三、 in V1 and V2, renumbered 二、 in V3 and V4
    steps = re.findall(r'data-step="([0-9]+-[0-9]+)"', body)
    templates = re.findall(r'<template id="d([0-9]+-[0-9]+)">', page)
    assert steps and set(steps) == set(templates)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing fetched
    assert page.count('<option value="') == 2 + 3  # all, any, and each of the three later versions
    assert "@page { size: A4 landscape" in page
    assert "80万元" in page and "删除" in page and "改号" in page


def test_workbook_stores_formula_like_text_as_text_and_merges_unchanged_versions(history):
    book = openpyxl.load_workbook(io.BytesIO(history_to_xlsx(history)))
    sheet = book["版本沿革"]
    assert sheet.max_row == 1 + len(history.rows)
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    formula = [c for c in cells if c.value.lstrip("　").startswith("=SUM")]
    assert formula and all(c.data_type == "s" for c in formula)
    assert any(r.max_col - r.min_col == 2 for r in sheet.merged_cells.ranges)  # 3 versions alike
    steps = [row[0] for row in book["统计"].iter_rows(values_only=True)][1:]
    assert steps == ["v0.txt → v1.txt", "v1.txt → v2.txt", "v2.txt → v3.txt"]


def test_command_writes_html_and_xlsx(tmp_path):
    paths = []
    for k, text in enumerate([V1, V2, V3]):
        path = tmp_path / f"v{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    html, xlsx = tmp_path / "h.html", tmp_path / "h.xlsx"
    assert main(["history", *paths, "--html", str(html), "--xlsx", str(xlsx)]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert openpyxl.load_workbook(xlsx)["版本沿革"].max_row > 1
    with pytest.raises(SystemExit):
        main(["history", *paths, "--html", str(html), "--xlsx", str(html)])


def test_every_mark_has_words_in_both_languages_and_a_colour():
    from policydiff.present import labels, palette

    assert set(labels.MARK) == set(Mark) == set(palette.HISTORY)
    for label in labels.MARK.values():
        assert label("zh") and label("en") and label("zh") != label("en")
