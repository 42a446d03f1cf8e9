"""Obligation strength, owners and cross-references: on tiny texts, generated revisions and real pairs."""

from __future__ import annotations

import json
import re

import opencc
import pytest

from policydiff.compare.pipeline import compare_documents, compare_files
from policydiff.io import load_document
from policydiff.lang.numerals import cn_numeral, cn_value
from policydiff.meaning.obligations import SCALE, find_occurrences, obligation_changes
from policydiff.meaning.references import find_references
from policydiff.meaning.responsible import extract, role
from policydiff.model import Direction, LoadedDocument, RefProblem
from policydiff.render.jsonform import comparison_to_json
from tests.conftest import CORPUS, SEED

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")


def doc(text: str, name: str = "x.txt") -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("企业应当在三十日内报告。", "企业可以在三十日内报告。", [("应当", "可以", Direction.LOOSER)]),
        ("必须依法办理登记。", "应当依法办理登记。", [("必须", "应当", Direction.LOOSER)]),
        ("确保2025年底前完成改造。", "力争2025年底前完成改造。", [("确保", "力争", Direction.LOOSER)]),
        ("支持企业加快数字化转型。", "鼓励企业加快数字化转型。", [("支持", "鼓励", Direction.LOOSER)]),
        ("严禁擅自改变用途。", "不得擅自改变用途。", [("严禁", "不得", Direction.LOOSER)]),
        ("补助不超过100万元。", "补助原则上不超过100万元。", [(None, "原则上", Direction.LOOSER)]),
        ("补助原则上不超过100万元。", "补助不超过100万元。", [("原则上", None, Direction.STRICTER)]),
        ("可申请贷款贴息。", "应申请贷款贴息。", [("可", "应", Direction.STRICTER)]),
    ],
)
def test_each_kind_of_strength_change_is_found_with_its_direction(left, right, expected):
    found = [(c.left, c.right, c.direction) for c in obligation_changes(left, right)]
    assert found == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("推动可持续发展，支持企业上市。", "推动可持续发展，大力支持企业上市。"),  # 可持续 is no permission
        ("重大项目用能应保尽保。", "重大项目用能应保尽保，加快建设。"),  # 应保尽保 is an idiom
        ("支持企业上市。", "支持企业上市，鼓励发行债券。"),  # a new clause is new text, not a change
        ("应当依法报告。", "应当依法报告。"),
    ],
)
def test_no_change_where_the_duty_did_not_change(left, right):
    assert obligation_changes(left, right) == []


def test_the_scale_has_one_entry_per_word_and_whole_words_only():
    assert len(SCALE) == len(set(SCALE))
    assert [o.word for o in find_occurrences("许可证和可持续发展，认可度")] == []


def test_owners_are_read_from_notes_and_labelled_lists():
    assert extract("（由省发展改革委牵头实施）").lead == ("省发展改革委",)
    listed = extract("（责任单位：省交通运输厅、省财政厅）")
    assert listed.units == ("省交通运输厅", "省财政厅") and listed.lead == ("省交通运输厅",)
    labelled = extract("牵头单位：市经信局；配合单位：市财政局、市税务局")
    assert labelled.lead == ("市经信局",) and labelled.units == ("市经信局", "市财政局", "市税务局")
    assert extract("（由市发改委牵头，市财政局配合）").units == ("市发改委", "市财政局")
    assert extract("由县级以上人民政府负责组织实施。").units == ()  # a duty in running text is no owner note


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("省经信厅", "市经信局"),
        ("省发展改革委", "区发改局"),
        ("市场监管局", "杭州市市场监督管理局"),
        ("省人力社保厅", "市人力资源和社会保障局"),
        ("省科技厅", "区科技事业中心"),
    ],
)
def test_roles_match_across_levels(a, b):
    assert role(a) == role(b)


def test_roles_differ_where_the_body_differs():
    assert role("省财政厅") != role("市商务局")
    assert role("省经信厅") != role("区经科局")


def test_a_district_plan_against_its_province_names_its_own_bureaus():
    comparison = compare_files(str(SEED["000"]), str(SEED["003"]))
    owners = {p.left.label: p.responsible for p in comparison.pairs if p.left and p.responsible}
    assert not owners["一、"].changed  # 省发展改革委 → 区发改局: the same role
    assert owners["三、"].lead_changed and owners["三、"].added == ("区经科局",)
    assert owners["七、"].removed == ("省农业农村厅", "省发展改革委")


def test_articles_inherit_their_chapters_owners():
    province = "一、扩大投资（由省发展改革委牵头实施）\n1.加快项目建设。\n2.强化要素保障。\n"
    city = "一、扩大投资\n1.加快项目建设。（责任单位：市发改委）\n2.强化要素保障。（责任单位：市财政局）\n"
    comparison = compare_documents(doc(province), doc(city))
    by_label = {p.right.label: p.responsible for p in comparison.pairs if p.right}
    assert not by_label["1."].changed
    assert by_label["2."].changed and by_label["2."].added == ("市财政局",)


def test_a_document_against_itself_and_its_traditional_reprint_reports_nothing():
    source = load_document(SEED["000"])
    reprint = doc(opencc.OpenCC("s2t").convert(source.text), "reprint.txt")
    for other in (source, reprint):
        summary = compare_documents(source, other).summary
        assert (summary.obligations_changed, summary.responsible_changed, summary.references_stale) == (
            0,
            0,
            0,
        )


def _renumbered_with_an_inserted_article(text: str, after: int) -> str:
    """The law with a new article after ``after`` and every later article renumbered, but its
    references left as they were: each reference to a later article is now stale."""
    label = re.compile(r"^第([零一二三四五六七八九十百]+)条")
    out = []
    for line in text.split("\n"):
        match = label.match(line)
        if match:
            number = cn_value(match.group(1))
            assert number is not None
            if number == after + 1:
                out += ["第" + cn_numeral(after + 1) + "条 新增的条文，规定信息化建设要求。", ""]
            if number > after:
                line = "第" + cn_numeral(number + 1) + "条" + line[match.end() :]
        out.append(line)
    return "\n".join(out)


@needs_corpus
def test_references_kept_after_renumbering_are_reported_stale_with_their_new_target():
    law = load_document(CORPUS / "laws" / "fuyi-2023.md")
    revised = doc(_renumbered_with_an_inserted_article(law.text, after=5), "revised.md")
    comparison = compare_documents(law, revised)
    later = [r for r in find_references(law.text, comparison.left.tree.units) if r.article and r.article > 5]
    issues = [i for p in comparison.pairs for i in p.references]
    assert len(issues) == len(later) > 10
    for issue in issues:
        assert issue.problem == RefProblem.STALE and issue.side == "right"
        assert issue.points_to is not None and issue.should_point_to is not None
        named = cn_value(re.search(r"第([零一二三四五六七八九十百]+)条", issue.text).group(1))
        assert issue.points_to.label == f"第{cn_numeral(named)}条"
        assert issue.should_point_to.label == f"第{cn_numeral(named + 1)}条"


@needs_corpus
@pytest.mark.parametrize(
    "pair", [("fuyi-2017", "fuyi-2023"), ("gongsifa-2018", "gongsifa-2023"), ("tufa-2007", "tufa-2024")]
)
def test_official_revisions_update_their_references(pair):
    """Official texts renumber and update every reference: no stale or dangling one is reported."""
    comparison = compare_files(*(str(CORPUS / "laws" / f"{name}.md") for name in pair))
    assert comparison.summary.references_stale == 0
    assert find_references(comparison.right.text, comparison.right.tree.units)


def test_a_reference_to_a_missing_article_is_dangling():
    text = "第一条 为了规范管理，制定本办法。\n第二条 违反本办法第九条规定的，依法处理。\n"
    comparison = compare_documents(doc(text), doc(text.replace("依法处理", "依法处罚")))
    issues = [i for p in comparison.pairs for i in p.references]
    assert {(i.side, i.problem, i.text) for i in issues} == {
        ("left", RefProblem.DANGLING, "本办法第九条"),
        ("right", RefProblem.DANGLING, "本办法第九条"),
    }


def test_references_to_other_laws_are_not_checked():
    text = "第一条 依照《中华人民共和国行政处罚法》第三十二条的规定处理。\n"
    comparison = compare_documents(doc(text), doc(text))
    assert find_references(text, comparison.left.tree.units) == []


@needs_corpus
def test_real_revisions_report_the_duty_changes_a_reader_would_mark():
    comparison = compare_files(
        str(CORPUS / "laws" / "gongsifa-2018.md"), str(CORPUS / "laws" / "gongsifa-2023.md")
    )
    changes = [(o.left, o.right, o.direction) for p in comparison.pairs for o in p.obligations]
    assert changes.count(("必须", "应当", Direction.LOOSER)) >= 15
    assert ("可以", "应当", Direction.STRICTER) in changes  # 公司债券应当为记名债券
    for pair in comparison.pairs:
        for o in pair.obligations:
            assert comparison.left.text[slice(*o.left_span)] == o.left
            assert comparison.right.text[slice(*o.right_span)] == o.right


def test_the_json_carries_the_three_kinds_and_their_counts():
    comparison = compare_files(str(SEED["000"]), str(SEED["003"]))
    data = json.loads(json.dumps(comparison_to_json(comparison), allow_nan=False))
    assert data["summary"]["responsible_changed"] == comparison.summary.responsible_changed > 0
    pair = next(p for p in data["pairs"] if p["responsible"] and p["responsible"]["lead_changed"])
    assert set(pair["responsible"]) >= {
        "left_lead",
        "right_lead",
        "left_units",
        "right_units",
        "added",
        "removed",
    }
    assert all(
        isinstance(p["obligations"], list) and isinstance(p["references"], list) for p in data["pairs"]
    )


def _occurrences_reference(text: str) -> list[tuple[str, int, int, str]]:
    """find_occurrences as first written: every word visited in Python."""
    from policydiff.lang.words import segment
    from policydiff.meaning import obligations as ob

    words, starts = segment(text)
    out = []
    i = 0
    while i < len(words):
        word, start = words[i], starts[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        joined = next((a + b for a, b in ob._JOINED_HEDGES if word == a and following == b), None)
        if joined is not None:
            word, i = joined, i + 1
            following = words[i + 1] if i + 1 < len(words) else ""
        entry = SCALE.get(word)
        idiom = ob._IDIOM_AFTER.get(word)
        if idiom is not None and text[start + len(word) + 1 : start + len(word) + 2] == idiom:
            entry = None
        if entry is not None and not any(following.startswith(s) for s in ob._NOT_MODAL_BEFORE.get(word, ())):
            end = start + len(word)
            out.append((word, start, end, ob._scope(words, starts, text, end)))
        i += 1
    return out


def test_occurrences_are_those_of_a_visit_of_every_word() -> None:
    """Only words that can start an occurrence are visited; a joined hedge still takes its second word."""
    texts = [load_document(p).text for p in SEED.values()]
    texts.append("原则上应当视情况处理，视情应收尽收，原则上不得可持续，要求须严禁。")
    for text in texts:
        got = [(o.word, o.start, o.end, o.scope) for o in find_occurrences(text)]
        assert got == _occurrences_reference(text)
    assert [o.word for o in find_occurrences("原则上应当视情处理")][:2] == ["原则上", "应当"]
