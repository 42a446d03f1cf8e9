"""A unit one side has alone whose sentences live in units the other side pairs with others:
traced clause by clause, said where each clause went, its figures moved rather than removed."""

from __future__ import annotations

import pytest

from policydiff.compare.pipeline import compare_documents, compare_files
from policydiff.figures.compare import figure_counts
from policydiff.model import ClauseStatus, Comparison, LoadedDocument, Status
from policydiff.present.change_notes import change_notes
from policydiff.render.jsonform import comparison_to_json
from tests.compare.test_compare import check_invariants
from tests.conftest import SEED

MEASURES = [
    (
        "完善政府采购制度",
        "实施政府首购制度，对首次投向市场的科技创新产品，政府采购应当率先购买，不得以商业业绩为由予以限制。",
    ),
    (
        "加强金融服务",
        "引导银行业金融机构加大对制造业中长期贷款的投放力度，扩大信用贷款规模，降低企业综合融资成本。",
    ),
    (
        "强化人才支撑",
        "实施高层次人才引进计划，对新引进的领军人才给予最高200万元的安家补助，并在子女入学方面给予保障。",
    ),
    (
        "优化资源要素配置",
        "对研发费用占营业收入比重高于5%的企业，鼓励各地优先安排用电、用水、用地指标。对省级部门确认的高新技术产业投资项目，其高可靠性供电费用按收费标准的70%执行。",
    ),
    (
        "推进数字化改造",
        "支持规模以上工业企业开展数字化改造，对完成改造的企业按照设备投资额给予一定比例的奖励。",
    ),
]
FIRST, SECOND = (
    "对研发费用占营业收入比重高于5%的企业，鼓励各地优先安排用电、用水、用地指标。",
    ("对省级部门确认的高新技术产业投资项目，其高可靠性供电费用按收费标准的70%执行。"),
)


def _document(measures: list[tuple[str, str]], name: str) -> LoadedDocument:
    lines = ["关于推动经济高质量发展的若干政策", ""]
    lines += [f"{k + 1}.{heading}。{body}" for k, (heading, body) in enumerate(measures)]
    text = "\n".join(lines) + "\n"
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


@pytest.fixture(scope="module")
def scattered() -> Comparison:
    """The left's 4. is gone as a unit: its first sentence ends the right's 1., its second is in 5."""
    right = [
        ("完善政府采购制度", MEASURES[0][1] + FIRST),
        MEASURES[1],
        MEASURES[2],
        ("推进数字化改造", MEASURES[4][1] + SECOND),
    ]
    return compare_documents(_document(MEASURES, "省.txt"), _document(right, "市.txt"))


def _pair_of(comparison: Comparison, label: str):  # type: ignore[no-untyped-def]
    return next(p for p in comparison.pairs if p.left is not None and p.left.label == label)


def test_each_clause_is_found_where_it_went(scattered) -> None:  # type: ignore[no-untyped-def]
    pair = _pair_of(scattered, "4.")
    assert pair.status == Status.REMOVED and pair.right is None  # every unit stays in one pair
    assert pair.scattered
    found = [c.places[0].unit.label for c in pair.clauses if c.status != ClauseStatus.MISSING]
    assert found == ["1.", "4."]
    rt = scattered.right.text
    assert all(rt[c.places[0].span[0] : c.places[0].span[1]] in FIRST + SECOND for c in pair.clauses)
    check_invariants(scattered)


def test_its_figures_moved_rather_than_removed_and_added(scattered) -> None:  # type: ignore[no-untyped-def]
    pair = _pair_of(scattered, "4.")
    moved = {f.left.text: f for f in pair.figures if f.elsewhere is not None}
    assert set(moved) == {"5%", "70%"}
    assert all(f.status == Status.UNCHANGED and f.right is not None for f in moved.values())
    assert moved["70%"].elsewhere.label == "4."  # the right's 4. (推进数字化改造)
    twin = next(f for f in _pair_of(scattered, "5.").figures if f.right is not None and f.right.text == "70%")
    assert twin.status == Status.ADDED and twin.elsewhere is not None and twin.elsewhere.label == "4."
    counts = figure_counts(scattered.pairs)
    assert counts.moved == 2 and counts.added == 0 and counts.in_removed_units == 0


def test_the_note_and_the_json_say_where_the_clauses_went(scattered) -> None:  # type: ignore[no-untyped-def]
    (note,) = [n for n in change_notes(_pair_of(scattered, "4.")) if n.kind == "scattered"]
    assert note.text == "分散：各句见于1.、4."
    data = comparison_to_json(scattered)
    out = next(p for p in data["pairs"] if p["left"] and p["left"]["label"] == "4.")
    assert [c["found_in"][0]["unit"]["label"] for c in out["clauses"]] == ["1.", "4."]
    assert data["summary"]["figures_moved"] == 2
    # its pair is with every unit holding a clause, which stay in their own pairs too
    assert out["right"] is None and [u["label"] for u in out["also_right"]] == ["1.", "4."]
    assert sum(1 for p in data["pairs"] if p["right"] and p["right"]["label"] == "4.") == 1
    assert all(p["clauses"] == [] for p in data["pairs"] if p is not out)


def test_a_unit_whose_text_is_nowhere_else_stays_plainly_removed() -> None:
    right = [MEASURES[0], MEASURES[1], MEASURES[2], MEASURES[4]]
    comparison = compare_documents(_document(MEASURES, "省.txt"), _document(right, "市.txt"))
    pair = _pair_of(comparison, "4.")
    assert pair.status == Status.REMOVED and not pair.clauses
    assert not any(f.elsewhere for p in comparison.pairs for f in p.figures)


def test_the_mirror_a_new_unit_made_of_clauses_of_others() -> None:
    left = [
        ("完善政府采购制度", MEASURES[0][1] + FIRST),
        MEASURES[1],
        MEASURES[2],
        ("推进数字化改造", MEASURES[4][1] + SECOND),
    ]
    comparison = compare_documents(_document(left, "旧.txt"), _document(MEASURES, "新.txt"))
    pair = next(p for p in comparison.pairs if p.right is not None and p.right.label == "4.")
    assert pair.left is None and pair.scattered
    assert [n.text for n in change_notes(pair) if n.kind == "scattered"] == ["汇集：各句来自1.、4."]


def test_the_issue_case_province_15_in_hangzhou() -> None:
    """Seed 000's 15. 优化资源要素配置: its first sentence ends Hangzhou's (十四), its second is in (五)."""
    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    pair = _pair_of(comparison, "15.")
    assert pair.scattered
    assert sorted({c.places[0].unit.label for c in pair.clauses if c.places}) == ["(五)", "(十四)"]
    assert {f.left.text for f in pair.figures if f.elsewhere is not None} == {"5%", "70%"}
