"""The JSON's per-side marks are the panes' marks: one projection (policydiff.present.projection) feeds both.

Real pairs only: the sample pair (a provincial draft against a city's rewrite, many pairs under the
rewrite threshold), a central opinion against a city's implementation, and a law revision. The
JSON is read back from its text, as another program reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policydiff.compare.pipeline import compare_files
from policydiff.gui.marks import side_marks  # the panes' marks; Qt-free by design
from policydiff.model import Comparison, Status
from policydiff.present.projection import Kind, is_rewrite, project
from policydiff.render.jsonform import comparison_to_json
from tests.conftest import CORPUS, SEED

PAIRS = {
    "seeds 000 ↔ 002": (SEED["000"], SEED["002"]),
    "central 01 ↔ seed 004": (
        CORPUS / "versions" / "01_zhongyang-zj-gongtongfuyu-yijian-2021.txt",
        SEED["004"],
    ),
    "突发事件应对法 2007 ↔ 2024": (CORPUS / "laws" / "tufa-2007.md", CORPUS / "laws" / "tufa-2024.md"),
}
# the fields every pair had before the marks were added, in their order (CONTRACT.md: never change)
EARLIER_FIELDS = [
    "status",
    "moved",
    "manual",
    "level",
    "left",
    "right",
    "similarity",
    "edits",
    "figures",
    "obligations",
    "responsible",
    "references",
    "also_left",
    "also_right",
]


@pytest.fixture(scope="module", params=list(PAIRS))
def compared(request: pytest.FixtureRequest) -> tuple[Comparison, dict]:
    left, right = PAIRS[request.param]
    if not (Path(left).exists() and Path(right).exists()):
        pytest.skip(f"{request.param}: documents not present")
    comparison = compare_files(str(left), str(right))
    data = json.loads(json.dumps(comparison_to_json(comparison), ensure_ascii=False, allow_nan=False))
    return comparison, data


def _json_marks(data: dict, pair: dict, side: str) -> list[tuple[str, int, int, str]]:
    text = data[side]["text"]
    return [(m["kind"], *m["span"], text[slice(*m["span"])]) for m in pair["marks"][side]]


def test_every_pair_carries_the_projection_of_each_side(compared):
    """Per pair and side: the JSON's kinds, spans and marked text are project()'s, figures last."""
    comparison, data = compared
    assert len(data["pairs"]) == len(comparison.pairs)
    for pair, out in zip(comparison.pairs, data["pairs"], strict=True):
        assert out["rewrite"] == is_rewrite(pair)
        for side in ("left", "right"):
            text = getattr(comparison, side).text
            view = project(pair, side, text)
            expected = [(str(k), s, e, text[s:e]) for s, e, k in view.marks]
            expected += [("figure", s, e, text[s:e]) for s, e, _change in view.figures]
            assert _json_marks(data, out, side) == expected


def test_the_json_marks_are_what_the_panes_paint(compared):
    """Concatenated in reading order, each side's JSON marks equal the panes' text marks; the panes
    then dim what no pair compares, as the JSON's DOC.left_out lists it."""
    comparison, data = compared
    for side in ("left", "right"):
        panes = [(str(k), s, e) for s, e, k in side_marks(comparison, side).text_marks]
        given = [(kind, s, e) for p in data["pairs"] for kind, s, e, _text in _json_marks(data, p, side)]
        given += [("left_out", *m["span"]) for m in data[side]["left_out"]]
        assert given == panes
        assert given  # every real pair here has changes to mark


def test_rewrites_mark_shared_phrases_and_edits_mark_words(compared):
    """A rewrite marks shared phrases besides its one-sided words (text only one side has is
    always marked); any other pair never marks a shared phrase. (A rewrite may share no phrase
    long enough to mark.)"""
    comparison, data = compared
    shared = 0
    for pair, out in zip(comparison.pairs, data["pairs"], strict=True):
        kinds = {m["kind"] for side in ("left", "right") for m in out["marks"][side]}
        if out["rewrite"]:
            assert kinds <= {Kind.SHARED.value, Kind.DELETED.value, Kind.INSERTED.value, "figure"}
            assert {Kind.DELETED.value, Kind.INSERTED.value} & kinds  # new text looks new
            shared += Kind.SHARED.value in kinds
        elif not out["clauses"]:  # a scattered unit marks its clauses found elsewhere as shared
            assert Kind.SHARED.value not in kinds
        if pair.status == Status.UNCHANGED:
            assert kinds <= {"figure"}
    assert shared >= sum(p["rewrite"] for p in data["pairs"]) // 2  # most rewrites share a phrase


def test_the_sample_pair_has_rewrites():
    """The rule is exercised: the sample pair's city rewrite has many pairs under the threshold."""
    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    data = comparison_to_json(comparison)
    assert sum(p["rewrite"] for p in data["pairs"]) >= 10


def test_earlier_fields_keep_their_names_and_order(compared):
    _, data = compared
    for pair in data["pairs"]:
        assert list(pair)[: len(EARLIER_FIELDS) + 2] == [
            *EARLIER_FIELDS,
            "rewrite",
            "marks",
        ]  # later: additive
        for side in ("left", "right"):
            for mark in pair["marks"][side]:
                start, end = mark["span"]
                assert 0 <= start < end <= data[side]["chars"]
