"""Merges and splits of units far apart: found anywhere in the document, diffed run by run, and
written by every view without the text of the units between them."""

from __future__ import annotations

import json

import pytest

from policydiff.compare.pipeline import compare_documents
from policydiff.lang.numerals import cn_numeral
from policydiff.model import Comparison, LoadedDocument, Op, Status, unit_runs
from policydiff.render.html import render_report
from policydiff.render.jsonform import comparison_to_json
from tests.compare.test_compare import check_invariants

ARTICLES = [
    "本条例所称道路运输经营，包括道路旅客运输经营和道路货物运输经营；所称道路运输相关业务，包括站（场）经营、机动车维修经营和机动车驾驶员培训。",
    "县级以上人民政府交通运输主管部门负责组织领导本行政区域的道路运输管理工作。",
    "从事客运经营的，应当具备与其经营业务相适应并经检测合格的车辆。",
    "客运经营者应当为旅客提供良好的乘车环境，保持车辆清洁、卫生。",
    "货运经营者不得运输法律、行政法规禁止运输的货物。",
    "机动车维修经营者应当按照国家有关技术规范对机动车进行维修，保证维修质量。",
    "国家鼓励道路运输企业实行规模化、集约化经营，鼓励使用节能环保车辆。",
    "本条例自公布之日起施行。",
]


def _document(articles: list[str], name: str) -> LoadedDocument:
    lines = ["道路运输条例", ""] + [f"第{cn_numeral(k + 1)}条 {body}" for k, body in enumerate(articles)]
    text = "\n".join(lines) + "\n"
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


@pytest.fixture(scope="module")
def far_merge() -> Comparison:
    """The left's 第七条 folded into the right's 第一条, five articles away."""
    right = [ARTICLES[0] + ARTICLES[6], *ARTICLES[1:6], ARTICLES[7]]
    return compare_documents(_document(ARTICLES, "旧.txt"), _document(right, "新.txt"))


def _group(comparison: Comparison):  # type: ignore[no-untyped-def]
    return next(p for p in comparison.pairs if p.also_left or p.also_right)


def test_a_unit_merged_far_away_joins_the_pair_instead_of_reading_as_removed(far_merge) -> None:  # type: ignore[no-untyped-def]
    pair = _group(far_merge)
    assert pair.left.label == "第一条" and pair.right.label == "第一条"
    assert [u.label for u in pair.also_left] == ["第七条"]
    assert pair.far
    assert not any(p.status == Status.REMOVED for p in far_merge.pairs)
    # 第七条's sentence is found in 第一条: nothing of it reads as deleted but its label
    lt = far_merge.left.text
    deleted = "".join(lt[e.left[0] : e.left[1]] for e in pair.edits if e.op in (Op.DELETE, Op.REPLACE))
    assert "鼓励道路运输企业" not in deleted
    check_invariants(far_merge)


def test_far_group_edits_cover_each_run_and_nothing_between(far_merge) -> None:  # type: ignore[no-untyped-def]
    pair = _group(far_merge)
    lt = far_merge.left.text
    runs = unit_runs(pair.left_units)
    assert len(runs) == 2
    between = (runs[0][-1].own_end, runs[1][0].start)
    for edit in pair.edits:
        assert edit.left[1] <= between[0] or edit.left[0] >= between[1] or edit.left[0] == edit.left[1]
    assert "货运经营者" not in "".join(lt[e.left[0] : e.left[1]] for e in pair.edits)


def test_json_names_the_far_unit_in_also_left(far_merge) -> None:  # type: ignore[no-untyped-def]
    data = comparison_to_json(far_merge)
    grouped = [p for p in data["pairs"] if p.get("also_left")]
    assert len(grouped) == 1
    assert grouped[0]["also_left"][0]["label"] == "第七条"
    json.dumps(data, ensure_ascii=False)


def test_report_shows_each_run_with_a_gap_mark_not_the_units_between(far_merge) -> None:  # type: ignore[no-untyped-def]
    page = render_report(far_merge)
    assert "合并自 第一条、第七条" in page
    assert "⋯" in page


def test_split_far_away_is_found_the_other_way_round() -> None:
    """The mirror: the left's 第一条 became the right's 第一条 and, far away, its 第七条."""
    left = [ARTICLES[0] + ARTICLES[6], *ARTICLES[1:6], ARTICLES[7]]
    comparison = compare_documents(_document(left, "旧.txt"), _document(ARTICLES, "新.txt"))
    pair = _group(comparison)
    assert [u.label for u in pair.also_right] == ["第七条"]
    assert not any(p.status == Status.ADDED for p in comparison.pairs)
    check_invariants(comparison)


def test_a_unit_sharing_little_with_any_counterpart_stays_removed() -> None:
    """A new sentence that only echoes a few words is no merge: nothing joins without its text."""
    right = [ARTICLES[0] + "鼓励发展城市公共交通。", *ARTICLES[1:6], ARTICLES[7]]
    comparison = compare_documents(_document(ARTICLES, "旧.txt"), _document(right, "新.txt"))
    assert not any(p.also_left or p.also_right for p in comparison.pairs)
    assert any(p.status == Status.REMOVED and p.left.label == "第七条" for p in comparison.pairs)


def test_redline_of_a_far_merge_round_trips(far_merge) -> None:  # type: ignore[no-untyped-def]
    from tests.render.test_redline import _round_trip

    _round_trip(far_merge)


def _random_revision(seed: int) -> tuple[list[str], list[str]]:
    """Articles made of the fixtures' sentences, and a revision that merges, splits and reorders
    some of them anywhere in the document."""
    import random

    from tests.compare.test_scattered import MEASURES

    sentences = [s + "。" for body in [*ARTICLES, *(m[1] for m in MEASURES)] for s in body.split("。") if s]
    rng = random.Random(seed)
    left = ["".join(rng.sample(sentences, rng.choice((1, 2, 2, 3)))) for _ in range(rng.randint(3, 12))]
    right = list(left)
    for _ in range(rng.randint(1, 4)):
        if len(right) < 2:
            break
        i, j = rng.sample(range(len(right)), 2)
        roll = rng.random()
        if roll < 0.4:  # merged, wherever the two stood
            right[i] += right[j]
            del right[j]
        elif roll < 0.7 and right[i].count("。") > 1:  # split, the rest put elsewhere
            first, rest = right[i].split("。", 1)
            right[i] = first + "。"
            right.insert(j, rest)
        else:
            rng.shuffle(right)
    return left, right


@pytest.mark.parametrize("seed", range(12))
def test_random_far_merges_and_splits_keep_every_promise(seed: int) -> None:
    """Whatever groups and scattered units come out: every unit once, edits tiling each run, the
    redline's round trip, the report and the JSON."""
    from tests.render.test_redline import _round_trip

    left, right = _random_revision(seed)
    comparison = compare_documents(_document(left, "旧.txt"), _document(right, "新.txt"))
    check_invariants(comparison)
    _round_trip(comparison)
    render_report(comparison)
    json.dumps(comparison_to_json(comparison), ensure_ascii=False)
