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
