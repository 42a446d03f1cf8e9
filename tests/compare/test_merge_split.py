"""Merges and splits: one unit paired with two neighbours of the other side when the text says so.

Generated from real texts (the province's plan among the samples, a law of the corpus): two
neighbouring articles joined into one, or one article cut in two, everything after renumbered;
and the merges and splits of the corpus's real revisions. Ordinary one-to-one pairs never group.
"""

from __future__ import annotations

import re

import pytest

from policydiff.compare.pipeline import compare_documents, compare_files
from policydiff.lang.numerals import cn_numeral
from policydiff.model import Comparison, LoadedDocument
from policydiff.render.jsonform import comparison_to_json
from policydiff.structure.parse import parse_structure
from tests.conftest import CORPUS, SEED

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
ARABIC = re.compile(r"^(\d{1,3})\.(.*)$")
CHINESE = re.compile(r"^第([一二三四五六七八九十百零]{1,8})条\s?(.*)$")


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


def _articles(lines: list[str], pattern: re.Pattern[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if pattern.match(line)]


def _renumber(lines: list[str], pattern: re.Pattern[str], chinese: bool) -> list[str]:
    out, n = [], 0
    for line in lines:
        m = pattern.match(line)
        if m:
            n += 1
            line = f"第{cn_numeral(n)}条 {m.group(2)}" if chinese else f"{n}.{m.group(2)}"
        out.append(line)
    return out


def _merge(text: str, k: int, pattern: re.Pattern[str], chinese: bool) -> str:
    """Article k and the next one become one article (the next one's words follow k's)."""
    lines = text.split("\n")
    arts = _articles(lines, pattern)
    a, b = arts[k], arts[k + 1]
    lines[a] = lines[a] + pattern.match(lines[b]).group(2)
    del lines[b]
    return "\n".join(_renumber(lines, pattern, chinese))


def _split(text: str, k: int, pattern: re.Pattern[str], chinese: bool) -> str | None:
    """Article k cut in two: before its second paragraph, else at the sentence end nearest its
    middle (None when that leaves a half of fewer than 30 characters)."""
    lines = text.split("\n")
    arts = _articles(lines, pattern)
    a = arts[k]
    label = "第一条 " if chinese else "1."
    stop = arts[k + 1] if k + 1 < len(arts) else len(lines)
    paragraphs = [
        i for i in range(a + 1, stop) if len(lines[i].strip()) >= 30 and not lines[i].startswith("#")
    ]
    if paragraphs and not pattern.match(lines[paragraphs[0]]) and not lines[paragraphs[0]].startswith("（"):
        i = paragraphs[0]
        lines[i] = label + lines[i].strip()
        return "\n".join(_renumber(lines, pattern, chinese))
    body = pattern.match(lines[a]).group(2)
    ends = [i + 1 for i, ch in enumerate(body) if ch in "。；"]
    if not ends:
        return None
    cut = min(ends, key=lambda i: abs(i - len(body) / 2))
    if cut < 30 or len(body) - cut < 30:
        return None
    lines[a : a + 1] = [lines[a][: len(lines[a]) - len(body) + cut], label + body[cut:]]
    return "\n".join(_renumber(lines, pattern, chinese))


def _units(text: str) -> int:
    return len(parse_structure(text).units)


def _groups(comparison: Comparison) -> list[tuple[str, list[str], list[str]]]:
    out = []
    for pair in comparison.pairs:
        if pair.also_left or pair.also_right:
            kind = "merge" if pair.also_left else "split"
            out.append((kind, [u.label for u in pair.left_units], [u.label for u in pair.right_units]))
    return out


def _same_level_leaves(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Articles k whose next line is also an article (neighbours in one chapter, no items)."""
    lines = text.split("\n")
    arts = _articles(lines, pattern)
    return [
        k
        for k in range(len(arts) - 1)
        if arts[k + 1] == arts[k] + 1 or not "".join(lines[arts[k] + 1 : arts[k + 1]]).strip()
    ]


SOURCES = [("seed", ARABIC, False), ("law", CHINESE, True)]


def _source(kind: str) -> str:
    if kind == "seed":
        return SEED["000"].read_text(encoding="utf-8")
    path = CORPUS / "laws" / "fuyi-2023.md"
    if not path.exists():
        pytest.skip("shared corpus not present")
    return path.read_text(encoding="utf-8")


def _label(n: int, chinese: bool) -> str:
    return f"第{cn_numeral(n)}条" if chinese else f"{n}."


@pytest.mark.parametrize(("kind", "pattern", "chinese"), SOURCES)
def test_generated_merges_are_found(kind, pattern, chinese):
    text = _source(kind)
    candidates = _same_level_leaves(text, pattern)
    found = 0
    tried = candidates[3 : len(candidates) : max(len(candidates) // 5, 1)][:5]
    for k in tried:
        right = _merge(text, k, pattern, chinese)
        assert _units(right) == _units(text) - 1
        comparison = compare_documents(_doc(text, "a.txt"), _doc(right, "b.txt"))
        groups = _groups(comparison)
        assert all(kind == "merge" for kind, _, _ in groups), groups  # never a false split
        assert len(groups) <= 1, groups
        if groups:
            _, lefts, rights = groups[0]
            assert lefts == [_label(k + 1, chinese), _label(k + 2, chinese)], groups
            assert rights == [_label(k + 1, chinese)]
            found += 1
    assert found >= len(tried) - 1, (found, tried)


@pytest.mark.parametrize(("kind", "pattern", "chinese"), SOURCES)
def test_generated_splits_are_found(kind, pattern, chinese):
    text = _source(kind)
    found = tried = 0
    arts = _articles(text.split("\n"), pattern)
    for k in range(2, len(arts), max(len(arts) // 40, 1)):
        if tried == 6:
            break
        right = _split(text, k, pattern, chinese)
        if right is None or _units(right) != _units(text) + 1:
            continue  # no sentence end to cut at, or the parser reads the cut text otherwise
        tried += 1
        comparison = compare_documents(_doc(text, "a.txt"), _doc(right, "b.txt"))
        groups = _groups(comparison)
        assert all(kind == "split" for kind, _, _ in groups), groups
        assert len(groups) <= 1, groups
        if groups:
            _, lefts, rights = groups[0]
            assert lefts == [_label(k + 1, chinese)]
            assert rights == [_label(k + 1, chinese), _label(k + 2, chinese)], groups
            found += 1
    assert tried >= 5
    assert found >= tried - 1, (found, tried)


def test_seed_pair_has_no_false_groups():
    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    assert _groups(comparison) == []


@needs_corpus
def test_real_merge_draft_items_two_and_three_into_the_final_item_two():
    comparison = compare_files(
        str(CORPUS / "versions/05_sxyz-jixiaogongzi-2019-draft.txt"),
        str(CORPUS / "versions/06_sxyz-jixiaogongzi-2019-final.txt"),
    )
    assert _groups(comparison) == [("merge", ["2.", "3."], ["2."])]
    pair = next(p for p in comparison.pairs if p.also_left)
    assert pair.similarity >= 0.6  # the group's joined text against the merged item
    data = comparison_to_json(comparison)
    grouped = [p for p in data["pairs"] if p["also_left"]]
    assert [n["label"] for n in grouped[0]["also_left"]] == ["3."]
    absorbed = grouped[0]["also_left"][0]["start"]
    assert all(p["left"] is None or p["left"]["start"] != absorbed for p in data["pairs"])


@needs_corpus
def test_real_split_and_merge_in_law_revisions():
    tufa = compare_files(str(CORPUS / "laws/tufa-2007.md"), str(CORPUS / "laws/tufa-2024.md"))
    assert ("split", ["第七条"], ["第十七条", "第十八条"]) in _groups(tufa)
    bj = compare_files(str(CORPUS / "laws/bj-yingshang-2020.md"), str(CORPUS / "laws/bj-yingshang-2024.md"))
    assert ("merge", ["第六十五条", "第六十六条"], ["第七十四条"]) in _groups(bj)


@needs_corpus
def test_report_row_names_the_merged_units():
    from policydiff.render.html import render_report

    comparison = compare_files(
        str(CORPUS / "versions/05_sxyz-jixiaogongzi-2019-draft.txt"),
        str(CORPUS / "versions/06_sxyz-jixiaogongzi-2019-final.txt"),
    )
    html = render_report(comparison)
    assert html.count("合并自 2.、3.") == 2  # in the table of contents and in the pair's row
    # the merged-in item's text is shown in the row, not dropped with its former removed row
    badge = html.rindex('<span class="badge group">合并自 2.、3.</span>')  # the row, after the contents
    row = html[html.rindex("<tr ", 0, badge) : html.index("</tr>", badge)]
    assert "<del>3.值周、夜自修管理、早自修、限时训练等</del>无故缺岗者，每次扣" in row
