"""Figures: extraction of amounts, areas, ratios and counts, and pairing them between two units."""

from __future__ import annotations

import pytest

from policydiff.figures import compare_figures, extract_figures, fold
from policydiff.model import Status


def one(text: str):
    figs = extract_figures(text)
    assert len(figs) == 1, figs
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("全省供应建设用地35万亩。", 350_000, "亩"),
        ("安排资金17.25亿元。", 1_725_000_000, "元"),
        ("新增制造业中长期贷款4000亿元左右", 4e11, "元"),
        ("新增制造业中长期贷款4,000亿元左右", 4e11, "元"),
        ("保障用能4.5万吨标准煤以上", 45_000, "吨标准煤"),
        ("给予一千万元奖励", 10_000_000, "元"),
        ("安排三十五万亩", 350_000, "亩"),
        ("新增上市公司50家", 50, "家"),
        ("比重不低于70%", 70, "%"),
        ("比重不低于７０％", 70, "%"),
        ("比重达到百分之三十", 30, "%"),
    ],
)
def test_values_in_base_units(text: str, value: float, unit: str) -> None:
    f = one(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_fold_keeps_length() -> None:
    s = "１．５萬畝，不低於７０％"
    assert len(fold(s)) == len(s)
    assert fold(s) == "1.5万亩,不低于70%"


def test_compare_equal_written_differently() -> None:
    left = extract_figures("保障省重大产业项目新增建设用地计划指标1.5万亩。")
    right = extract_figures("保障省重大产业项目新增建设用地计划指标15000亩。")
    [c] = compare_figures(left, right)
    assert c.status == Status.UNCHANGED
