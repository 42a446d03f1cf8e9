"""Preparing a document: headings normalized together read exactly as each normalized alone."""

from __future__ import annotations

import pytest

from policydiff.compare.prepare import HEADING_SEPARATOR, normalized_headings
from policydiff.io import load_document
from policydiff.lang.normalize import normalize
from policydiff.model import NormalizeMode
from policydiff.structure.parse import parse_structure
from tests.conftest import CORPUS, SEEDS

# Headings whose characters normalization reads in context, or that hold the separator: each
# must come out as if normalized on its own.
HOSTILE = [
    " 前后有空格 ",
    "\u3000全角空格开头",
    "末尾零宽\u200b",
    "\u200b",
    "中间 有 空格",
    "Latin words  and\tspaces",
    "换\n行",
    "一行\r\n两行",
    f"含分隔符{HEADING_SEPARATOR}的标题",
    "記憶體與軟體的發展規劃",  # traditional phrases OpenCC converts with a change of length
    "（一）全角括号：ＡＢＣ１２３，标点；",
    "数字 40 00亿元",
    "漢" * 300,  # a CJK run longer than normalization converts at a time
    "a",
    " ",
]


def _headings(paths: list) -> list[str]:
    out: list[str] = []
    for path in paths:
        out.extend(unit.heading for unit in parse_structure(load_document(path).text).units)
    return out


def _real_headings() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    if CORPUS.exists():
        paths += sorted(CORPUS.glob("*/*.txt")) + sorted(CORPUS.glob("*/*.md"))
    return _headings(paths)


@pytest.mark.parametrize("mode", list(NormalizeMode))
def test_headings_normalized_together_read_as_alone(mode):
    headings = _real_headings() + HOSTILE
    together = normalized_headings(headings, mode)
    assert set(together) == set(headings) | {""}
    for heading in headings:
        assert together[heading] == normalize(heading, mode).text, heading


def test_no_heading_needs_nothing():
    assert normalized_headings([], NormalizeMode.T2S) == {"": ""}
    assert normalized_headings(["", ""], NormalizeMode.T2S) == {"": ""}
