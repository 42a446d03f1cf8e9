"""The structure parser on the sample documents, the law corpus and small synthetic texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED

from policydiff.model import DocumentTree, Level
from policydiff.structure import parse_structure

SEED_COUNTS = {
    "000": (Level.ARTICLE, 8, 58),
    "001": (Level.SECTION, 8, 52),
    "002": (Level.SECTION, 8, 76),
    "003": (Level.ARTICLE, 8, 57),
    "004": (Level.ARTICLE, 9, 52),
}
HAS_LOADER = (Path(__file__).resolve().parent.parent / "policydiff" / "io" / "__init__.py").exists()


def seed_text(key: str) -> str:
    """A seed as the loader gives it: 004 is HTML in Markdown, one line per <p>."""
    path = SEED[key]
    if HAS_LOADER:
        from policydiff.io import load_document

        return load_document(str(path)).text
    text = path.read_text(encoding="utf-8")
    if key == "004":
        from bs4 import BeautifulSoup

        return "\n".join(p.get_text() for p in BeautifulSoup(text, "html.parser").find_all("p"))
    return text


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


def test_cover_letter_belongs_to_the_title_block() -> None:
    text = seed_text("001")
    tree = parse_structure(text)
    title = tree.units[0]
    assert tree.title == "關于推動經濟高質量發展若干政策(2025年版)"
    assert text[title.start : title.end].startswith("各區縣人民政府") and title.heading == tree.title
