"""The documented limits hold: what one comparison cannot hold is refused with a message, quickly."""

from __future__ import annotations

import pytest

from policydiff.compare.pipeline import compare_documents
from policydiff.compare.prepare import PrepareLimits, prepare
from policydiff.errors import LoadError
from policydiff.model import LoadedDocument


def _doc(text: str, name: str = "big.txt") -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text))


def test_more_units_than_the_limit_is_refused_with_the_numbers():
    text = "\n".join(f"{n}.第{n}项措施落实到位。" for n in range(1, 201))
    with pytest.raises(
        LoadError, match=r"big\.txt has .* units .* more than the 100 one comparison can hold"
    ):
        prepare(_doc(text), "t2s", PrepareLimits(max_units=100))
    assert prepare(_doc(text), "t2s", PrepareLimits(max_units=1000)).units


@pytest.mark.slow
def test_half_a_million_one_character_lines_are_refused_not_compared():
    """A 1.5 MB text of one character per line would be 500,000 units: refused in seconds."""
    text = "\n".join("推动经济高质量发展" * 55_556)[:1_000_000]
    with pytest.raises(LoadError, match="split it"):
        compare_documents(_doc("一、总则\n内容。", "a.txt"), _doc(text))
