"""The structure parser on what real documents do: 六. chapters, gaps and repeats in numbering,
attachments, signature/date/抄送 blocks, paragraphs after a list, and inputs built to make a line
test or a pattern blow up."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from policydiff.io import load_document
from policydiff.model import DocumentTree, Level, Unit
from policydiff.structure.parse import parse_structure
from tests.structure.test_structure import (
    CORPUS,
    LAW_PATTERNS,
    LAWS,
    check_coverage,
    check_invariants,
    needs_corpus,
    seed_text,
)

VERSIONS = CORPUS / "versions"
ROOT = Path(__file__).resolve().parents[2]


def corpus_text(prefix: str) -> str:
    return load_document(str(next(VERSIONS.glob(f"{prefix}_*.txt")))).text


def text_of(text: str, unit: Unit) -> str:
    return text[unit.start : unit.end]


def find(tree: DocumentTree, text: str, level: Level, starts: str) -> Unit:
    """The unit of ``level`` whose text starts with ``starts`` (label included)."""
    return next(u for u in tree.units if u.level == level and text_of(text, u).startswith(starts))


def labels(tree: DocumentTree, parent: Unit) -> list[str]:
    return [u.label for u in tree.children(parent)]


# -- 1. a Chinese numeral with a full stop is a chapter -------------------------------------------


@needs_corpus
@pytest.mark.parametrize("prefix", ["02", "03", "04"])
def test_chinese_numeral_with_full_stop_is_a_chapter(prefix: str) -> None:
    """`六.其他事宜` of the school's 县管校聘 plans: a chapter, items 1–7 its articles."""
    text = corpus_text(prefix)
    tree = parse_structure(text)
    six = find(tree, text, Level.CHAPTER, "六.其他事宜")
    assert (six.number, six.depth) == (6, 0)
    assert labels(tree, six)[0] == "1." and len(labels(tree, six)) == 7
    assert all(u.level == Level.ARTICLE for u in tree.children(six))
    waiting = find(tree, text, Level.ARTICLE, "5.待岗培训")
    assert "对已竞聘上岗人员" not in text_of(text, waiting)
    assert [u.number for u in tree.units if u.level == Level.CHAPTER] == [1, 2, 3, 4, 5, 6]
    check_invariants(text, tree)
    check_coverage(text, tree)


def test_full_width_full_stop_too() -> None:
    text = "一、程序\n1.甲。\n2.乙。\n二．其他事宜\n1.丙。\n2.丁。"
    tree = parse_structure(text)
    assert [(u.label, u.level.value, u.depth) for u in tree.units] == [
        ("一、", "chapter", 0), ("1.", "article", 1), ("2.", "article", 1),
        ("二．", "chapter", 0), ("1.", "article", 1), ("2.", "article", 1),
    ]  # fmt: skip


# -- 2. gaps and repeats -------------------------------------------------------------------------


@needs_corpus
def test_skipped_item_number_keeps_the_list() -> None:
    """The 2021 plan numbers 二轮竞聘's items （1）（2）（4）（5）."""
    text = corpus_text("04")
    tree = parse_structure(text)
    second = find(tree, text, Level.ARTICLE, "3. 二轮竞聘")
    assert labels(tree, second)[:4] == ["（1）", "（2）", "（4）", "（5）"]
    assert "组织竞聘" not in text_of(text, find(tree, text, Level.ITEM, "（2）"))


def test_gap_and_repeat_in_a_list() -> None:
    tree = parse_structure("第一条 下列：\n（1）甲；\n（2）乙；\n（4）丁；\n（5）戊。\n第二条 完。")
    assert [u.label for u in tree.children(tree.units[0])] == ["（1）", "（2）", "（4）", "（5）"]
    tree = parse_structure("一、甲\n1.一\n2.二\n2.又是二\n3.三\n二、乙")
    assert [(u.label, u.depth) for u in tree.units] == [
        ("一、", 0), ("1.", 1), ("2.", 1), ("2.", 1), ("3.", 1), ("二、", 0)
    ]  # fmt: skip


def test_wide_gaps_need_the_next_label_to_confirm_them() -> None:
    """Three numbers skipped: a unit when the next label carries on from it, not otherwise."""
    tree = parse_structure("一、甲\n1.一\n2.二\n6.六\n7.七")
    assert [u.label for u in tree.units] == ["一、", "1.", "2.", "6.", "7."]
    tree = parse_structure("一、甲\n1.一\n2.二\n6.六个方面。\n3.三")
    assert [u.label for u in tree.units] == ["一、", "1.", "2.", "3."]
    tree = parse_structure("一、甲\n1.一\n2.二\n20、30万元分档。\n3.三")
    assert [u.label for u in tree.units] == ["一、", "1.", "2.", "3."]


def without(text: str, units: list[Unit]) -> str:
    """``text`` with the units' spans (and the line break after each) removed."""
    out, pos = [], 0
    for u in sorted(units, key=lambda u: u.start):
        out.append(text[pos : u.start])
        pos = u.end + 1
    return "".join(out) + text[pos:]


def duplicated(text: str, unit: Unit) -> str:
    return text[: unit.end + 1] + text[unit.start : unit.end + 1] + text[unit.end + 1 :]


def articles(tree: DocumentTree) -> list[int | None]:
    return [u.number for u in tree.units if u.level == Level.ARTICLE]


@pytest.mark.parametrize("deleted", [[8], [2], [9, 10], [12, 13, 14], [57], [30, 31, 32, 33]])
def test_seed_with_articles_deleted_keeps_the_others(deleted: list[int]) -> None:
    """Seed 000 (58 articles) with articles deleted: every other article is still an article."""
    text = seed_text("000")
    tree = parse_structure(text)
    gone = [u for u in tree.units if u.level == Level.ARTICLE and u.number in deleted]
    revised = without(text, gone)
    new = parse_structure(revised)
    assert articles(new) == [n for n in range(1, 59) if n not in deleted]
    assert new.count(Level.CHAPTER) == 8
    check_invariants(revised, new)


@pytest.mark.parametrize("repeated", [11, 2, 58])  # a repeated 1. reads as a restart: not a unit
def test_seed_with_an_article_duplicated(repeated: int) -> None:
    text = seed_text("000")
    tree = parse_structure(text)
    unit = next(u for u in tree.units if u.level == Level.ARTICLE and u.number == repeated)
    revised = duplicated(text, unit)
    new = parse_structure(revised)
    assert articles(new) == sorted([*range(1, 59), repeated])
    check_invariants(revised, new)


def grep_count(text: str, level: Level) -> int:
    return sum(1 for line in text.split("\n") if LAW_PATTERNS[level].match(line))


@needs_corpus
@pytest.mark.parametrize("path", LAWS, ids=lambda p: p.stem)
def test_law_with_an_article_deleted_or_duplicated(path: Path) -> None:
    """Each law with its middle article deleted, then with another one duplicated."""
    text = path.read_text(encoding="utf-8")
    tree = parse_structure(text)
    arts = [u for u in tree.units if u.level == Level.ARTICLE and u.label.startswith("第")]
    middle = arts[len(arts) // 2]
    revised = without(text, [middle])
    new = parse_structure(revised)
    assert new.count(Level.ARTICLE) == grep_count(revised, Level.ARTICLE) == len(arts) - 1
    check_invariants(revised, new)
    revised = duplicated(text, arts[len(arts) // 3])
    new = parse_structure(revised)
    assert new.count(Level.ARTICLE) == grep_count(revised, Level.ARTICLE) == len(arts) + 1


def test_numbers_inside_running_text_still_are_no_units() -> None:
    text = "一、用地\n1.加强保障，\n1.5万亩用于重大项目。\n2024年，完成。\n10、20、30万元。\n2.强化用能。"
    tree = parse_structure(text)
    assert [u.label for u in tree.units] == ["一、", "1.", "2."]


# -- 3. attachments ------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("prefix", ["07", "08"])
def test_attachment_notes_belong_to_the_attachment(prefix: str) -> None:
    """The 教工考核 plans end with 附件1：…说明：1.… 2.…; the notes were articles of section （三）."""
    text = corpus_text(prefix)
    tree = parse_structure(text)
    attachments = [u for u in tree.units if u.level == Level.ATTACHMENT]
    assert [u.label for u in attachments] == ["附件1：", "附件2：", "附件3："]
    assert all(u.depth == 0 for u in attachments)
    first = attachments[0]
    assert [u.number for u in tree.children(first)] == [1, 2]
    assert text_of(text, tree.children(first)[0]).startswith(("1.王琛", "1.王琛"))
    third = find(tree, text, Level.SECTION, "（三）年度考核结果")
    assert tree.children(third) == []
    assert "附件" not in text_of(text, third) and "绍兴市第一中学" not in text_of(text, third)
    check_invariants(text, tree)
    check_coverage(text, tree)


@needs_corpus
def test_attachment_list_and_attachments() -> None:
    """The 2025 draft: 附件： with its list of three forms, then 附件1 and 附件3 (附件2 is unlabelled)."""
    text = corpus_text("02")
    tree = parse_structure(text)
    attachments = [u for u in tree.units if u.level == Level.ATTACHMENT]
    assert [(u.label, u.number) for u in attachments] == [("附件：", None), ("附件1", 1), ("附件3", 3)]
    listing = attachments[0]
    assert [text_of(text, u) for u in tree.children(listing)] == [
        "1.绍兴市第一中学教职工竞聘（直聘）申报表",
        "2.退休三年内直聘教师按时退休承诺书",
        "3.绍兴市直学校教职工竞聘（直聘）申报表",
    ]
    assert "附件" not in text_of(text, find(tree, text, Level.ARTICLE, "7．本方案解释权"))
    check_coverage(text, tree)


def test_attachment_headings() -> None:
    text = "一、甲\n1.一。\n附件：1.某某表\n附件2：某某申报表\n1.填写说明。\n附件 3 名单\n附件所列材料请一并报送。"
    tree = parse_structure(text)
    assert [(u.level.value, u.label, u.heading, u.depth) for u in tree.units] == [
        ("chapter", "一、", "甲", 0),
        ("article", "1.", "一", 1),
        ("attachment", "附件：", "1.某某表", 0),
        ("attachment", "附件2：", "某某申报表", 0),
        ("article", "1.", "填写说明", 1),
        ("attachment", "附件 3", "名单", 0),
    ]
    assert text_of(text, tree.units[-1]).endswith("附件所列材料请一并报送。")
    check_invariants(text, tree)
    check_coverage(text, tree)


def test_an_attachment_before_any_unit_is_text() -> None:
    tree = parse_structure("某某通知\n附件：名单\n一、甲\n1.一。")
    assert Level.ATTACHMENT not in {u.level for u in tree.units}


# -- 4. closing block and paragraphs after the last item -----------------------------------------


@needs_corpus
@pytest.mark.parametrize(("prefix", "date"), [("07", "2022年12月21日"), ("02", "2025年7月4日")])
def test_signature_and_date_are_the_epilogue(prefix: str, date: str) -> None:
    text = corpus_text(prefix)
    tree = parse_structure(text)
    epilogue = next(u for u in tree.units if u.level == Level.EPILOGUE)
    assert text_of(text, epilogue) == f"绍兴市第一中学\n{date}"


def test_closing_lines() -> None:
    text = "\n".join(
        [
            "一、甲",
            "1.一。",
            "（1）子。",
            "2.二。",
            "联系人：张三，电话：0571-12345678",
            "中共某某县委办公室",
            "某某县人民政府办公室",
            "2023年6月1日",
            "（此件公开发布）",
        ]
    )
    tree = parse_structure(text)
    epilogue = tree.units[-1]
    assert epilogue.level == Level.EPILOGUE and text_of(text, epilogue).startswith("联系人")
    assert text_of(text, find(tree, text, Level.ARTICLE, "2.")) == "2.二。"
    text = "一、甲\n1.一。\n2.二。\n某某县人民政府办公室\n某某县财政局\n2023年6月1日"
    tree = parse_structure(text)
    assert text_of(text, tree.units[-1]) == "某某县人民政府办公室\n某某县财政局\n2023年6月1日"


def test_printed_block_after_the_attachments_is_an_epilogue() -> None:
    text = "\n".join(
        [
            "一、甲",
            "1.一。",
            "某某县人民政府",
            "2023年6月1日",
            "附件1",
            "某某名单",
            "1.张三",
            "抄送：县委办公室，县人大常委会办公室。",
            "某某县人民政府办公室 2023年6月2日印发",
        ]
    )
    tree = parse_structure(text)
    assert [(u.level.value, u.label) for u in tree.units] == [
        ("chapter", "一、"), ("article", "1."), ("epilogue", ""), ("attachment", "附件1"),
        ("article", "1."), ("epilogue", ""),
    ]  # fmt: skip
    assert text_of(text, tree.units[-1]).startswith("抄送") and text_of(text, tree.units[4]) == "1.张三"
    check_coverage(text, tree)


@needs_corpus
def test_paragraph_after_the_last_item_is_not_the_items() -> None:
    """二轮竞聘 ends （4）公布结果：…备案。 then 为确保学校总体队伍稳定有序… (the article's, not the item's)."""
    text = corpus_text("02")
    tree = parse_structure(text)
    last = find(tree, text, Level.ITEM, "（4）公布结果")
    assert "为确保" not in text_of(text, last)
    after = tree.units[last.index + 1]
    assert (after.label, after.level, after.parent) == ("", Level.ITEM, last.parent)
    assert text_of(text, after).startswith("为确保学校总体队伍稳定有序")
    heading_item = find(tree, text, Level.ITEM, "（3）工勤教辅岗位竞聘")  # a heading line keeps its body
    assert [u.label for u in tree.children(heading_item)][:2] == ["①", "②"]
    text5 = corpus_text("05")
    tree5 = parse_structure(text5)
    fifth = find(tree5, text5, Level.ITEM, "⑤年度考核为基本合格")
    assert "按月、季预发" not in text_of(text5, fifth)
    assert text_of(text5, tree5.units[fifth.index + 1]).startswith("按月、季预发的年度绩效考核奖")
    check_coverage(text, tree)
    check_coverage(text5, tree5)


def test_last_item_rule_in_small() -> None:
    text = "第一条 有下列情形之一的：\n（一）甲；\n（二）乙。\n有前款情形的，予以处理。\n第二条 完。"
    tree = parse_structure(text)
    assert [(u.label, u.depth, u.parent) for u in tree.units] == [
        ("第一条", 0, None), ("（一）", 1, 0), ("（二）", 1, 0), ("", 1, 0), ("第二条", 0, None)
    ]  # fmt: skip
    text = "第一条 下列：\n（一）甲项\n甲项的说明。\n第二条 完。"  # a heading-like item keeps its paragraph
    tree = parse_structure(text)
    assert text_of(text, tree.units[1]) == "（一）甲项\n甲项的说明。"


# -- everything real keeps every character -------------------------------------------------------


def real_paths() -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if not CORPUS.is_dir():
        return seeds
    return seeds + sorted(VERSIONS.glob("*.txt")) + sorted((CORPUS / "laws").glob("*.md"))


@pytest.mark.parametrize("path", real_paths(), ids=lambda p: p.stem[:14])
def test_no_text_lost(path: Path) -> None:
    text = load_document(str(path)).text
    tree = parse_structure(text)
    check_invariants(text, tree)
    check_coverage(text, tree)


# -- 5. linear on every shape --------------------------------------------------------------------

BUDGET_S = 120.0  # a hang guard, not a speed check: a blow-up on 100k characters takes hours
RUN = 100_000


def run_within_budget(code: str, budget: float = BUDGET_S) -> None:
    """Run ``code`` in a fresh interpreter; fail if it hangs past ``budget`` seconds.

    Speed is measured in bench/; this only catches a super-linear blow-up, which on these inputs
    takes hours, however busy the machine is.
    """
    program = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(code)
    try:
        subprocess.run([sys.executable, "-c", program], check=True, timeout=budget, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"took more than {budget} s: {code.strip()[:200]}")


# Every pattern of the parser, with the alphabets that could make it backtrack.
PATTERNS = {
    "structure.lines.META_RE": ["#", " ", "a", "#a", "<!--", "-->", "\t"],
    "lang.furniture._KEYS": ["来源", " ", "审核", ":", "编辑", "发布"],
    "lang.furniture._NAVIGATION": ["首页", " ", "您的", "当前"],
    "lang.furniture._SHARE": ["字号", "字号 ", " ", ":"],
    "lang.furniture._FILE_END": ["a", ".", "a.", ".pdf", "a.pdf", " ", "。", ".pdf "],
    "lang.furniture._RELATED_PREFIX": ["相关", "【", " ", "附件"],
    "lang.furniture.EMAIL_RE": ["a", "中", ".", "a.", "a@", "@a.", "-", "+"],
    "lang.furniture.PHONE_RE": ["1", "13", "0", "-", " ", "0-"],
    "lang.furniture.CONTACT_RE": ["（", "联系"],
    "structure.lines.CLOSING_SUBJECT_RE": ["本文件", "本", "本实施", "中"],
    "structure.lines.CLOSING_RE": ["上述", "上述政", "中", "（", "联系", "抄", "此件"],
    "structure.lines.PRINTED_TAIL_RE": ["印发", " ", "印发 "],
    "structure.lines.TRAILING_CLOSING_RE": ["抄", "（", "此件"],
    "structure.lines.DATE_LINE_RE": ["2024年", "1", " ", "年", "1月", "一"],
    "structure.lines.DATE_LED_RE": ["2024年", "1", " ", "年 ", "1月1"],
    "structure.lines.DOC_NUMBER_RE": ["〔", "〔2024〕", "1", " ", "号"],
    "structure.lines.ATTACHMENT_TITLE_RE": ["附件", " ", "1", "附件 "],
    "structure.lines.SIGNATURE_RE": ["局", " ", "政府", "局 "],
    "structure.lines.BRACKETED_RE": ["（", "）", "(", "（）"],
    "structure.lines.ATTACHMENT_RE": ["附", "附件", " ", "1", "附 件 "],
    "structure.parse.label_re": ["第", "一", "1", "（", "第一", " ", "十", "①", "1."],
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_runs_of_its_alphabet(name: str) -> None:
    """search and match on 100k-character runs of each piece of the pattern's alphabet, alone, cycled,
    and ended by a character that makes the match fail."""
    module, attr = name.rsplit(".", 1)
    run_within_budget(
        f"""
        import re
        from policydiff.{module} import {attr} as pattern
        pattern = pattern if isinstance(pattern, re.Pattern) else pattern()  # compiled at first use
        alphabet = {PATTERNS[name]!r}
        inputs = [(piece * ({RUN} // len(piece) + 1))[:{RUN}] for piece in alphabet]
        inputs.append(("".join(alphabet) * {RUN})[:{RUN}])
        for s in inputs:
            for tail in ("", "\\x00"):
                pattern.search(s + tail)
                pattern.match(s + tail)
        """
    )


LINE_TESTS = ["is_junk", "is_title_like", "is_closing_line", "is_trailing_closing_line", "is_date_line",
              "is_signature_line", "attachment_label"]  # fmt: skip


@pytest.mark.parametrize("test", LINE_TESTS)
def test_line_test_is_bounded_on_long_lines(test: str) -> None:
    run_within_budget(
        f"""
        from policydiff.structure.lines import {test} as check
        runs = ["中", "a", "@", " 中", "本文件自", "字号 ", "附件", "2024年", "来源：", "1", "a.b@"]
        for piece in runs:
            check((piece * ({RUN} // len(piece) + 1))[:{RUN}] + "x")
            check("本办法" + piece * {RUN})
        """
    )


DOCUMENTS = {
    "one line of 2M characters made of the seed": (
        "from policydiff.io import load_document\n"
        "line = load_document('seeds/000_22597a2fc5b61001.txt').text.replace('\\n', '')\n"
        "text = (line * (2_000_000 // len(line) + 1))[:2_000_000]"
    ),
    "one unpunctuated line of 2M characters": "text = '1.甲\\n' + '中' * 2_000_000",
    "a one-line page with furniture words": "text = ('来源：某网 责编 2024年3月7日 ' * 100_000)",
    "20k tiny units": "text = '\\n'.join(f'{k}.' for k in range(1, 20_001))",
    "20k lines of labels that never continue": "text = '\\n'.join('1.' if k % 2 else '（一）' for k in range(20_000))",
    "a 2M-character numeral": "text = '第' + '一' * 2_000_000 + '条 甲'",
    "long runs of spaces and markers": "text = '#' * 1000 + ' ' * 1_000_000 + '\\n' + '\\u3000' * 1_000_000 + '1.甲'",
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_shapes_parse_fast(name: str) -> None:
    run_within_budget(
        DOCUMENTS[name]
        + "\nfrom policydiff.structure.parse import parse_structure\ntree = parse_structure(text)\n"
        + "assert tree.units or not text.strip()\n"
    )


def test_a_one_line_page_keeps_its_text() -> None:
    """A page extracted as one line that mentions 来源： is content, never its own footer."""
    text = "关于某事的通知 来源：某网 一、总体要求 加强管理。" * 20
    tree = parse_structure(text)
    assert tree.body_end - tree.body_start == len(text)


def test_a_huge_label_number_is_no_crash() -> None:
    text = "第" + "1" * 5000 + "条 甲\n1." + "1" * 5000 + "乙"
    tree = parse_structure(text)
    check_invariants(text, tree)
    assert all(u.level == Level.ARTICLE and u.label == "" for u in tree.units)
