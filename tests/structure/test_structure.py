"""The structure parser on the sample documents, the law corpus and small synthetic texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.cli import main
from policydiff.io import load_document
from policydiff.lang.numerals import circled_value, cn_value
from policydiff.model import DocumentTree, Level
from policydiff.structure.lines import SPACE_CHARS, Lines
from policydiff.structure.parse import parse_structure
from tests.conftest import CORPUS as _CORPUS
from tests.conftest import SEED

# The shared corpus sits next to the main checkout; a worktree elsewhere finds it further up.
CORPUS = next(
    (p / "shared" / "corpus" for p in Path(__file__).resolve().parents if (p / "shared" / "corpus").is_dir()),
    _CORPUS,
)

SEED_COUNTS = {
    "000": (Level.ARTICLE, 8, 58),
    "001": (Level.SECTION, 8, 52),
    "002": (Level.SECTION, 8, 76),
    "003": (Level.ARTICLE, 8, 57),
    "004": (Level.ARTICLE, 9, 52),
}


def seed_text(key: str) -> str:
    """A seed as the loader gives it (004 is HTML inside Markdown: one line per paragraph)."""
    return load_document(str(SEED[key])).text


@pytest.fixture(scope="module", params=sorted(SEED_COUNTS))
def seed(request: pytest.FixtureRequest) -> tuple[str, str, DocumentTree]:
    text = seed_text(request.param)
    return request.param, text, parse_structure(text)


def check_invariants(text: str, tree: DocumentTree) -> None:
    """Indices, parent chains and spans agree with the documented conventions."""
    units = tree.units
    assert 0 <= tree.body_start <= tree.body_end <= len(text)
    for k, u in enumerate(units):
        assert u.index == k
        assert tree.body_start <= u.start <= u.own_end <= u.end <= tree.body_end
        assert text[u.start : u.end] == text[u.start : u.end].strip()
        assert text[u.start : u.end].startswith(u.label)
        if u.parent is None:
            assert u.depth == 0
        else:
            parent = units[u.parent]
            assert u.parent < k and u.depth == parent.depth + 1
            assert parent.start < u.start and u.end <= parent.end
            assert parent.own_end <= u.start
    tops = [u for u in units if u.parent is None]
    for a, b in zip(tops, tops[1:], strict=False):
        assert a.end < b.start
    for u in units:
        kids = tree.children(u)
        if kids:
            assert u.own_end == kids[0].start
        for a, b in zip(kids, kids[1:], strict=False):
            assert a.end < b.start


def check_coverage(text: str, tree: DocumentTree) -> None:
    """No text is lost: every visible character of the body is in exactly one unit's own text
    (collection comments such as ``<!-- INFO END -->`` are bookkeeping, not text)."""
    owner = [0] * len(text)
    for u in tree.units:
        for k in range(u.start, u.own_end):
            owner[k] += 1
    lines = Lines(text)
    for i in range(lines.count):
        if lines.is_meta(i) or lines.end[i] <= tree.body_start or lines.start[i] >= tree.body_end:
            continue
        for k in range(lines.start[i], lines.end[i]):
            if text[k] not in SPACE_CHARS and text[k].strip():
                assert owner[k] == 1, f"{text[k]!r} at {k} in {owner[k]} units: {text[k - 20 : k + 20]!r}"


def test_seed_counts(seed: tuple[str, str, DocumentTree]) -> None:
    key, text, tree = seed
    level, chapters, leaves = SEED_COUNTS[key]
    assert tree.count(Level.CHAPTER) == chapters
    assert tree.count(level) == leaves
    assert tree.count(Level.TITLE) == 1
    check_invariants(text, tree)


def test_seed_numbering_continues(seed: tuple[str, str, DocumentTree]) -> None:
    key, _, tree = seed
    level, chapters, leaves = SEED_COUNTS[key]
    assert [u.number for u in tree.units if u.level == Level.CHAPTER] == list(range(1, chapters + 1))
    assert [u.number for u in tree.units if u.level == level] == list(range(1, leaves + 1))
    for u in tree.units:
        if u.level == level:
            assert tree.units[u.parent].level == Level.CHAPTER


def test_titles() -> None:
    assert parse_structure(seed_text("000")).title == "关于进一步推动经济高质量发展的若干政策（征求意见稿）"
    assert parse_structure(seed_text("002")).title == "關於進一步推動經濟高品質發展的若干政策"
    assert parse_structure(seed_text("003")).title == "椒江区推动经济高质量发展实施意见"
    assert parse_structure(seed_text("004")).title.startswith("浙江高质量发展建设共同富裕示范区实施方案")


def unit_text(text: str, tree: DocumentTree, level: Level, number: int) -> str:
    unit = next(u for u in tree.units if u.level == level and u.number == number)
    return text[unit.start : unit.end]


def test_web_page_furniture_stays_out_of_units() -> None:
    text = seed_text("002")
    tree = parse_structure(text)
    body = text[tree.body_start : tree.body_end]
    assert body.startswith("關於進一步推動經濟高品質發展的若干政策")
    assert body.endswith("遵照執行。")
    for junk in ("您的位置", "發佈時間", "最新原創", "日前,杭州市", "來源", "責編", "新聞投稿", "新聞熱線"):
        assert junk not in body
        assert all(junk not in text[u.start : u.end] for u in tree.units)
    title = tree.units[0]
    assert title.level == Level.TITLE and text[title.start : title.end] == tree.title


def test_labels_headings_and_numbers_as_written() -> None:
    text = seed_text("002")
    tree = parse_structure(text)
    sections = [u for u in tree.units if u.level == Level.SECTION]
    assert sections[15].label == "(十六)" and sections[15].number == 16
    assert sections[15].heading == "加速科技成果轉移轉化"
    assert sections[23].label == "(二十四)" and sections[23].number == 24
    chapter = tree.units[sections[15].parent]
    assert (chapter.label, chapter.number, chapter.heading) == ("二、", 2, "科技創新政策")
    tree0 = parse_structure(seed_text("000"))
    first = next(u for u in tree0.units if u.level == Level.ARTICLE)
    assert (first.label, first.number, first.heading) == ("1.", 1, "发挥省重大建设项目带动支撑作用")
    assert tree0.units[first.parent].heading == "扩大有效投资政策（由省发展改革委牵头实施）"


def test_lead_department_line_and_intro_are_the_chapters_own_text() -> None:
    text = seed_text("002")
    tree = parse_structure(text)
    chapter = next(u for u in tree.units if u.level == Level.CHAPTER)
    own = text[chapter.start : chapter.own_end]
    assert "(由市發改委牽頭實施)" in own and "推動《杭州市政府投資項目管理條例》出臺" in own
    assert text[chapter.own_end :].startswith("(一)發揮省市重大建設項目")
    text1 = seed_text("001")
    tree1 = parse_structure(text1)
    chapter1 = next(u for u in tree1.units if u.level == Level.CHAPTER)
    assert chapter1.heading == "推進教育科技人才一體發展(由市科技局牽頭實施)"
    assert "高標準建設國家可持續發展議程創新示范區" in text1[chapter1.start : chapter1.own_end]


def test_preamble_and_epilogue() -> None:
    text = seed_text("000")
    tree = parse_structure(text)
    preamble, epilogue = tree.units[1], tree.units[-1]
    assert preamble.level == Level.PREAMBLE and text[preamble.start : preamble.end].startswith("为深入贯彻")
    assert text[preamble.start : preamble.end].endswith("制定以下政策。")
    assert epilogue.level == Level.EPILOGUE and epilogue.parent is None
    assert text[epilogue.start : epilogue.end].startswith("本文件明确的各项政策")
    last = unit_text(text, tree, Level.ARTICLE, 58)
    assert last.startswith("58.支持推进“弱有众扶”") and last.endswith("新增残疾人就业1万人。")
    text3 = seed_text("003")
    tree3 = parse_structure(text3)
    epilogue3 = text3[tree3.units[-1].start : tree3.units[-1].end]
    assert epilogue3.startswith("上述8个领域政策") and "本文件明确的各项政策措施" in epilogue3
    assert "抄送：" in epilogue3
    assert "抄送" not in unit_text(text3, tree3, Level.ARTICLE, 57)
    text2 = seed_text("002")
    tree2 = parse_structure(text2)
    epilogue2 = text2[tree2.units[-1].start : tree2.units[-1].end]
    assert epilogue2.startswith("上述8個領域政策") and epilogue2.endswith("遵照執行。")
    assert "弱有眾扶" in unit_text(text2, tree2, Level.SECTION, 76)


def test_hard_wrapped_preamble_and_closing_formula() -> None:
    """Prose wrapped at a fixed width: its lines are no title lines, and a wrapped closing formula
    still opens the epilogue."""
    text = (
        "关于支持企业发展的\n若干措施\n"
        "为贯彻落实省委省政府决策部署，进一步\n优化营商环境，制定以下措施。\n"
        "1.加大财政支持。市级财政每年安排\n资金2亿元。\n"
        "2.强化要素保障。\n"
        "本措施明确的各项政策除标明具体实施期限外，均为2025年全年\n实施有效。\n"
    )
    tree = parse_structure(text)
    assert tree.title == "关于支持企业发展的若干措施"
    levels = [u.level for u in tree.units]
    assert levels == [Level.TITLE, Level.PREAMBLE, Level.ARTICLE, Level.ARTICLE, Level.EPILOGUE]
    preamble, epilogue = tree.units[1], tree.units[-1]
    assert text[preamble.start : preamble.end].startswith("为贯彻落实")
    assert text[epilogue.start : epilogue.end].startswith("本措施明确的各项政策")
    assert "本措施" not in unit_text(text, tree, Level.ARTICLE, 2)


def test_cover_letter_belongs_to_the_title_block() -> None:
    text = seed_text("001")
    tree = parse_structure(text)
    title = tree.units[0]
    assert tree.title == "關于推動經濟高質量發展若干政策(2025年版)"
    assert text[title.start : title.end].startswith("各區縣人民政府") and title.heading == tree.title


def outline(tree: DocumentTree) -> list[tuple[str, str, int | None, int]]:
    """(level, label, number, depth) of every unit."""
    return [(u.level.value, u.label, u.number, u.depth) for u in tree.units]


def test_every_line_numbered() -> None:
    text = "1.第一项。\n2.第二项。\n3.第三项。"
    tree = parse_structure(text)
    assert outline(tree) == [("article", f"{n}.", n, 0) for n in (1, 2, 3)]
    assert [text[u.start : u.end] for u in tree.units] == text.split("\n")
    check_invariants(text, tree)


def test_no_numbering_gives_one_article_per_paragraph() -> None:
    text = "关于做好某项工作的通知\n\n各单位：\n请认真做好相关工作。\n\n特此通知。\n"
    tree = parse_structure(text)
    assert tree.title == "关于做好某项工作的通知"
    assert [(u.level, u.label) for u in tree.units] == [(Level.TITLE, "")] + [(Level.ARTICLE, "")] * 3
    assert [u.heading for u in tree.units[1:]] == ["各单位：", "请认真做好相关工作", "特此通知"]
    check_invariants(text, tree)
    assert parse_structure("").units == ()
    assert parse_structure("\n \n").units == ()


MIXED = """某某管理办法

第一章 总则
第一条 为了规范管理，制定本办法。
第二条 本办法适用于下列单位：
（一）机关；
（二）事业单位：
1.学校；
2.医院。
第二章 管理
第一节 一般规定
第三条 单位应当：
（一）建立制度；
（二）落实责任。
第四条 其他事项。
本办法自2024年1月1日起施行。
"""


def test_mixed_law_style_numbering() -> None:
    tree = parse_structure(MIXED)
    assert outline(tree) == [
        ("title", "", None, 0),
        ("chapter", "第一章", 1, 0),
        ("article", "第一条", 1, 1),
        ("article", "第二条", 2, 1),
        ("item", "（一）", 1, 2),
        ("item", "（二）", 2, 2),
        ("item", "1.", 1, 3),
        ("item", "2.", 2, 3),
        ("chapter", "第二章", 2, 0),
        ("section", "第一节", 1, 1),
        ("article", "第三条", 3, 2),
        ("item", "（一）", 1, 3),
        ("item", "（二）", 2, 3),
        ("article", "第四条", 4, 2),
        ("epilogue", "", None, 0),
    ]
    assert tree.units[1].heading == "总则" and tree.units[2].heading == "为了规范管理，制定本办法"
    assert [u.parent for u in tree.units[8:14]] == [None, 8, 9, 10, 10, 9]
    check_invariants(MIXED, tree)


def test_traditional_characters_and_full_width_digits() -> None:
    text = "\n".join(
        [
            "某某條例",
            "第一章　總則",
            "第一條　為了規範。",
            "第二條　適用範圍：",
            "（１）機關；",
            "（２）學校。",
            "第二章　附則",
            "第一節　一般",
            "第三條　本條例自公佈之日起施行。",
        ]
    )
    tree = parse_structure(text)
    assert [(u.level.value, u.label, u.number) for u in tree.units[1:]] == [
        ("chapter", "第一章", 1),
        ("article", "第一條", 1),
        ("article", "第二條", 2),
        ("item", "（１）", 1),
        ("item", "（２）", 2),
        ("chapter", "第二章", 2),
        ("section", "第一節", 1),
        ("article", "第三條", 3),
    ]
    text = "一、总则\n１．第一条目。\n２．第二条目。\n二、附则\n３．第三条目。"
    tree = parse_structure(text)
    assert [(u.label, u.number, u.depth) for u in tree.units] == [
        ("一、", 1, 0), ("１．", 1, 1), ("２．", 2, 1), ("二、", 2, 0), ("３．", 3, 1)
    ]  # fmt: skip


def test_inline_numbers_are_no_units() -> None:
    text = (
        "一、用地保障\n1.加强保障。全省供应建设用地35万亩，\n1.5万亩用于重大项目。\n2024年，完成目标。\n"
        "5.不是下一条。\n2.强化用能。\n10、20、30万元分档补助。\n二、附则\n1.新的一章重新编号。"
    )
    tree = parse_structure(text)
    assert [(u.label, u.depth) for u in tree.units] == [
        ("一、", 0),
        ("1.", 1),
        ("2.", 1),
        ("二、", 0),
        ("1.", 1),
    ]
    assert "1.5万亩" in unit_text(text, tree, Level.ARTICLE, 1)
    assert "5.不是下一条" in unit_text(text, tree, Level.ARTICLE, 1)
    assert "10、20、30万元" in text[tree.units[2].start : tree.units[2].end]


def test_restart_allowed_only_under_a_new_parent() -> None:
    text = "一、甲\n1.一\n2.二\n1.又从一开始\n二、乙\n1.新一章"
    tree = parse_structure(text)
    assert [u.label for u in tree.units] == ["一、", "1.", "2.", "二、", "1."]


def test_circled_items_markdown_headings_and_comments() -> None:
    text = (
        "\n".join(
            [
                "# source: somewhere",
                "# title: 某法",
                "# 某法",
                "",
                "<!-- INFO END -->",
                "",
                "## 第一章 总则",
                "",
                "第一条 甲：①一；",
                "②二。",
                "",
                "第二条 乙。",
            ]
        )
        + "\n"
    )
    tree = parse_structure(text)
    assert tree.title == "某法"
    assert outline(tree) == [
        ("title", "", None, 0),
        ("chapter", "第一章", 1, 0),
        ("article", "第一条", 1, 1),
        ("article", "第二条", 2, 1),
    ]
    text = "# 某法\n第一条 甲：\n①一；\n②二。\n第二条 乙。"
    tree = parse_structure(text)
    assert [(u.label, u.level.value, u.number) for u in tree.units[1:]] == [
        ("第一条", "article", 1), ("①", "item", 1), ("②", "item", 2), ("第二条", "article", 2)
    ]  # fmt: skip
    assert tree.body_start == text.index("某法")
    for u in tree.units:
        assert "source" not in text[u.start : u.end]


def test_second_list_in_an_article_restarts() -> None:
    text = "\n".join(
        [
            "第一条 有下列情形之一的，撤销：",
            "（一）甲；",
            "（二）乙。",
            "有下列情形之一的，确认违法：",
            "（一）丙；",
            "（二）丁。",
            "第二条 完。",
        ]
    )
    tree = parse_structure(text)
    assert [u.label for u in tree.units] == ["第一条", "（一）", "（二）", "（一）", "（二）", "第二条"]
    assert {tree.units[k].parent for k in range(1, 5)} == {0}


CN_LINE = r"[一二三四五六七八九十百零]+"
LAW_PATTERNS = {
    Level.CHAPTER: re.compile(rf"(?:## )?第{CN_LINE}章"),
    Level.SECTION: re.compile(rf"(?:### )?第{CN_LINE}节"),
    Level.ARTICLE: re.compile(rf"第{CN_LINE}条"),
}
LAWS = sorted((CORPUS / "laws").glob("*.md")) if CORPUS.is_dir() else []
VERSIONS = sorted((CORPUS / "versions").glob("*.txt")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")


@needs_corpus
@pytest.mark.parametrize("path", LAWS, ids=lambda p: p.stem)
def test_laws_match_their_line_counts(path: Path) -> None:
    """Chapters, sections, articles and （一） items equal what a line grep finds."""
    text = path.read_text(encoding="utf-8")
    tree = parse_structure(text)
    lines = text.split("\n")
    for level, pattern in LAW_PATTERNS.items():
        assert tree.count(level) == sum(1 for line in lines if pattern.match(line)), level
    cn_items = sum(1 for line in lines if re.match(rf"[ 　]*[（(]{CN_LINE}[）)]", line))
    assert sum(1 for u in tree.units if u.level == Level.ITEM and u.label.startswith(("（", "("))) == cn_items
    assert tree.units[0].level == Level.TITLE and tree.title.startswith(
        ("中华人民共和国", "北京市", "上海市")
    )
    check_invariants(text, tree)


@needs_corpus
def test_administrative_review_law_2017() -> None:
    tree = parse_structure((CORPUS / "laws" / "fuyi-2017.md").read_text(encoding="utf-8"))
    assert (tree.count(Level.CHAPTER), tree.count(Level.ARTICLE)) == (7, 43)
    assert tree.title == "中华人民共和国行政复议法"


@needs_corpus
@pytest.mark.parametrize("path", VERSIONS, ids=lambda p: p.stem[:12])
def test_corpus_versions_parse(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = parse_structure(text)
    assert sum(1 for u in tree.units if u.label) >= 5
    check_invariants(text, tree)
    assert all("# source:" not in text[u.start : u.end] for u in tree.units)


def test_outline_command_prints_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(SEED["002"])]) == 0
    out = capsys.readouterr().out
    assert "關於進一步推動經濟高品質發展的若干政策" in out.splitlines()[0]
    assert "section  (十六) 加速科技成果轉移轉化" in out
    assert "您的位置" not in out and "新聞熱線" not in out
    assert main(["outline", str(SEED["004"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum(1 for u in data["units"] if u["level"] == "article") == 52


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        # unit labels (structure, cross-references)
        ("一", 1), ("十", 10), ("十六", 16), ("二十四", 24), ("一百零三", 103), ("一〇三", 103), ("两", 2),
        ("16", 16), ("１６", 16), ("第", None), ("甲", None), ("", None), ("十六条", None),
        # amounts (figures): 万 and 亿, a leading 十, 零 and 〇 inside, 两
        ("三十五万", 350_000), ("一千万", 10_000_000), ("十二", 12), ("两百", 200), ("一亿五千万", 150_000_000),
        ("三千零五", 3005), ("十万", 100_000), ("一万亿", 10**12), ("二〇二五", 2025), ("零", 0),
        ("一千零一十", 1010), ("萬", None), ("亿元", None),
        # 大写 (financial) digits, traditional 萬 億
        ("壹", 1), ("壹贰叁", 123), ("叁拾", 30), ("壹佰贰拾万", 1_200_000), ("伍萬", 50_000), ("壹億", 10**8),
    ],
)  # fmt: skip
def test_numeral_values(numeral: str, value: int | None) -> None:
    assert cn_value(numeral) == value


def test_figures_read_amounts_with_the_same_parser() -> None:
    """Figure extraction reads its Chinese numerals through cn_value (三十五万元 → 350000 元)."""
    from policydiff.figures.extract import extract_figures

    values = [
        (f.text, f.value)
        for f in extract_figures("安排资金三十五万元，奖励两百万元，总投资不低于一亿五千万元。")
    ]
    assert values == [("三十五万元", 350_000.0), ("两百万元", 2_000_000.0), ("一亿五千万元", 150_000_000.0)]


def test_circled_values() -> None:
    assert [circled_value(c) for c in "①③⑳㉑㉟㊱㊿"] == [1, 3, 20, 21, 35, 36, 50]
    assert circled_value("a") is None


LINE_PALETTE = [
    "一、甲", "二、乙", "三、丙", "（一）子", "（二）丑", "(三)寅", "1.天", "2.地",
    "3、人", "１．日", "（1）月", "（2）星", "①风", "②雨", "第一章 总则",
    "第二章 分则", "第一节 通则", "第一条 为了。", "第二条 适用。", "第三条 定义：",
    "", "  ", "　正文一段。", "1.5万亩", "2024年，完成。", "(由市科技局牵头实施)",
    "本文件自发布之日起施行。", "抄送：各部门。", "2024年3月7日", "关于某事的通知",
    "您的位置：首页 > 要闻", "来源：某网 | 责编：某人", "# source: x", "## 第三章 附则",
    "六.其他事宜", "（4）跳过一号", "5.跳号", "2.重复", "附件1", "附件：", "附件2：某某表",
    "某某县人民政府办公室", "（此件公开发布）", "联系人：张三", "某某办公室 2024年3月8日印发", "正文一段；",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_PALETTE), max_size=40))
def test_any_mix_keeps_the_invariants(lines: list[str]) -> None:
    text = "\n".join(lines)
    tree = parse_structure(text)
    check_invariants(text, tree)
    check_coverage(text, tree)


def test_one_megabyte_parses() -> None:
    """A megabyte of repeated seeds parses into its chapters (its speed is measured in bench/bench.py)."""
    text = "\n".join(seed_text(k) for k in sorted(SEED_COUNTS))
    big = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    tree = parse_structure(big)
    assert tree.count(Level.CHAPTER) > 100
    check_invariants(big, tree)


def test_cn_numeral_is_the_inverse_of_cn_value():
    from policydiff.lang.numerals import cn_numeral, cn_value

    assert [cn_numeral(n) for n in (1, 10, 16, 24, 100, 103, 110, 999)] == [
        "一", "十", "十六", "二十四", "一百", "一百零三", "一百一十", "九百九十九"
    ]  # fmt: skip
    assert [cn_numeral(n) for n in (1000, 1001, 1010, 1100, 2024)] == [
        "一千",
        "一千零一",
        "一千零一十",
        "一千一百",
        "二千零二十四",
    ]
    assert all(cn_value(cn_numeral(n)) == n for n in range(1, 10_000))


@needs_corpus
def test_outline_shows_attachments_and_epilogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(next((CORPUS / "versions").glob("07_*.txt")))]) == 0
    out = capsys.readouterr().out
    assert "\nattachment 附件1： " in out and "\n  article  1. 王琛" in out
    assert "\nepilogue · 绍兴市第一中学" in out


def test_a_lone_surrogate_never_stops_the_parser():
    """Found by the fuzzer: OpenCC cannot encode a lone surrogate in a line tested for furniture."""
    tree = parse_structure("一、总则\n第一条 内容。\n来源\udd9e：网站\n")
    assert tree.units


def test_chapter_title_without_a_space_after_its_number() -> None:
    """第二章款项支付规定 (a PDF or Word heading whose space was a gap or a tab) is a chapter; 第二条规定的 is not an article."""
    text = (
        "保障中小企业款项支付条例\n\n第一章 总则\n\n第一条 为了促进及时支付。\n\n"
        "第二章款项支付规定\n\n第二条 机关应当及时支付。\n\n第三章项目管理\n\n第三条 依照本条例执行。\n\n"
        "第四章规划与监督\n\n第四条 第二章规定的期限不得延长。\n\n第二条规定的款项应当支付。\n"
    )
    tree = parse_structure(text)
    chapters = [(u.label, u.heading) for u in tree.units if u.level == Level.CHAPTER]
    assert chapters == [
        ("第一章", "总则"),
        ("第二章", "款项支付规定"),
        ("第三章", "项目管理"),
        ("第四章", "规划与监督"),
    ]
    assert [u.label for u in tree.units if u.level == Level.ARTICLE] == [
        "第一条",
        "第二条",
        "第三条",
        "第四条",
    ]
