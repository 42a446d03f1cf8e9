"""One policy against many, clause by clause: scattered measures, partial ones, and figures that
measure another scope."""

from __future__ import annotations

import pytest

from policydiff.compare.provenance import ClauseStatus
from policydiff.coverage.comparable import comparable, document_scope, scope_before
from policydiff.coverage.jsonform import coverage_to_json
from policydiff.coverage.matrix import Coverage, CoverageConfig, Verdict, build_coverage
from policydiff.model import Figure, FigureChange, FigureKind, Qualifiers, Status
from tests.conftest import SEED

PROVINCE = """浙江省推动经济高质量发展若干政策
一、扩大有效投资
1.加大信贷支持。2024年，全省力争新增制造业中长期贷款1600亿元左右，推动银行机构加大对重大项目的信贷投放力度。
2.支持企业技术改造。对企业技术改造项目，每家给予最高200万元补助，补助比例不超过设备投资额的10%。
3.优化资源要素配置。对研发费用占营业收入比重高于5%的企业，鼓励各地安排用电、用地等要素优先保障。对省级部门发文确认的高新技术产业投资项目，其高可靠性供电费用按国家规定标准下限收取。
4.推进城市更新。全面推进城镇老旧小区改造，完善社区养老托育服务设施布局。统筹推进城市地下管网改造和海绵城市建设，提升城市安全韧性。
二、科技创新
5.加快数字化改造。2025年底前完成规上工业企业数字化改造全覆盖，培育一批智能工厂和数字化车间。
"""

CITY = """杭州市推动经济高质量发展若干政策
一、扩大有效投资
(一)加大信贷支持。2023年，全市力争新增制造业中长期贷款130亿元左右，推动银行机构加大对重大项目的信贷投放力度。
(二)支持企业技术改造。对企业技术改造项目，每家给予最高100万元补助，补助比例不超过设备投资额的10%。
(三)实施企业研发补助。对经认定的科技型企业按研发投入给予补助。对研发费用占营业收入比重高于5%的企业，鼓励各地安排用电、用地等要素优先保障。
(四)推进城市更新。全面推进城镇老旧小区改造，完善社区养老托育服务设施布局。
(五)强化用能保障。保障新上重大项目用能。对省级部门发文确认的高新技术产业投资项目，其高可靠性供电费用按国家规定标准下限收取。
二、科技创新
(六)加快数字化改造。2026年底前完成规上工业企业数字化改造全覆盖，培育一批智能工厂和数字化车间。
"""


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> Coverage:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("clauses")
    (folder / "province.txt").write_text(PROVINCE, encoding="utf-8")
    (folder / "city.txt").write_text(CITY, encoding="utf-8")
    return build_coverage(
        str(folder / "province.txt"), [str(folder / "city.txt")], config=CoverageConfig(workers=1)
    )


def _cell(coverage: Coverage, label: str):  # type: ignore[no-untyped-def]
    row = next(r for r in coverage.rows if r.unit.label == label)
    return row.cells[0]


def test_a_measure_split_across_far_units_names_both_and_is_not_missing(coverage):
    cell = _cell(coverage, "3.")
    assert cell.verdict not in (Verdict.MISSING, Verdict.WEAKENED)
    assert {"(三)", "(五)"} <= {u.label for u in cell.units}
    assert [c.status for c in cell.clauses] == [ClauseStatus.KEPT, ClauseStatus.KEPT]


def test_a_measure_kept_only_in_part_reads_partial_and_says_what_is_missing(coverage):
    cell = _cell(coverage, "4.")
    assert cell.verdict == Verdict.PARTIAL
    assert [c.status for c in cell.clauses] == [ClauseStatus.KEPT, ClauseStatus.MISSING]
    assert "1/2" in cell.why and "地下管网" in cell.why


def test_a_total_of_another_scope_is_no_weakening(coverage):
    """全省 1600亿元 against 全市 130亿元, and the city document's own year: not comparable."""
    cell = _cell(coverage, "1.")
    assert cell.verdict != Verdict.WEAKENED
    assert cell.comparable is False
    assert "口径不同" in cell.why


def test_a_lower_cap_per_firm_is_a_weakening_named_with_its_clause(coverage):
    cell = _cell(coverage, "2.")
    assert cell.verdict == Verdict.WEAKENED and cell.comparable
    assert "200万元 → 100万元" in cell.why and "每家给予最高" in cell.why


def test_a_later_deadline_is_a_weakening(coverage):
    assert _cell(coverage, "5.").verdict == Verdict.WEAKENED


def test_the_json_carries_clauses_comparable_and_partial(coverage):
    data = coverage_to_json(coverage)
    row = next(r for r in data["rows"] if r["unit"]["label"] == "4.")
    cell = row["cells"][0]
    assert cell["verdict"] == "partial" and cell["comparable"] is True
    assert [c["status"] for c in cell["clauses"]] == ["kept", "missing"]
    kept = cell["clauses"][0]
    assert kept["child"][0]["unit"]["label"] == "(四)" and len(kept["parent"]) == 2
    assert data["summary"][0]["partial"] >= 1


def _figure(text: str, value: float, kind: FigureKind, unit: str = "元", qualifier=None, per=None) -> Figure:  # type: ignore[no-untyped-def]
    return Figure(text, 0, len(text), value, unit, Qualifiers.parse(qualifier), "", kind, None, per)


def test_what_is_comparable_across_scopes():
    def change(a: Figure, b: Figure) -> FigureChange:
        return FigureChange(Status.CHANGED, "", a, b)

    total = change(
        _figure("1600亿元", 1.6e11, FigureKind.AMOUNT), _figure("130亿元", 1.3e10, FigureKind.AMOUNT)
    )
    assert not comparable(total, "省", "市") and comparable(total, "省", "省")
    year = change(
        _figure("2024年", 2024, FigureKind.DATE, "年份"), _figure("2023年", 2023, FigureKind.DATE, "年份")
    )
    assert not comparable(year, "省", "省")
    cap = change(
        _figure("最高200万元", 2e6, FigureKind.AMOUNT, qualifier="最高"),
        _figure("最高100万元", 1e6, FigureKind.AMOUNT, qualifier="最高"),
    )
    assert comparable(cap, "省", "市")
    rate = change(_figure("70%", 70, FigureKind.PERCENT, "%"), _figure("75%", 75, FigureKind.PERCENT, "%"))
    assert comparable(rate, "省", "市")
    assert scope_before("2024年，全省力争新增贷款1600亿元", 14) == "省"
    assert document_scope("全市推进。全市落实。全省部署。") == "市"


@pytest.mark.slow
def test_the_seed_measure_hangzhou_scattered_is_found_in_both_places():
    """Province 15. 优化资源要素配置: Hangzhou kept its first sentence at the end of (十四) and the
    second inside (五). The cell names both and is not 缺失."""
    coverage = build_coverage(str(SEED["000"]), [str(SEED["002"])], config=CoverageConfig(workers=1))
    cell = _cell(coverage, "15.")
    assert cell.verdict != Verdict.MISSING
    assert {"(十四)", "(五)"} <= {u.label for u in cell.units}


def test_the_page_colours_partial_cells_and_marks_their_clauses(coverage):
    from policydiff.coverage.html import render_coverage

    page = render_coverage(coverage, "m.html")["m.html"]
    assert 'class="v-partial"' in page and ".v-partial" in page
    assert "逐句：✓✗" in page
