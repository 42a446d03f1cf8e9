"""Properties of every comparison, checked on generated policy documents and their revisions.

- every span lies inside its document and the edits of a pair rebuild both units' own texts;
- every unit of each document is in exactly one pair;
- a document compared with itself, its traditional-character or its full-width version shows no change;
- comparing B with A mirrors comparing A with B, pair for pair.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydiff.compare.pipeline import compare_documents
from policydiff.model import CompareOptions, Comparison, Op, Status
from tests.compare.test_compare import check_invariants, doc
from tests.gen_docs import document_pairs, documents, full_width, half_width, renumbered_pairs, traditional

# POLICYDIFF_PROPERTY_EXAMPLES=2000 runs a longer, randomized search (the default is quick and fixed).
_EXAMPLES = os.environ.get("POLICYDIFF_PROPERTY_EXAMPLES")
PROPERTY = settings(
    max_examples=int(_EXAMPLES or 60),
    deadline=None,
    derandomize=not _EXAMPLES,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MODES = st.sampled_from(["t2s", "tw2sp", "hk2s", "none"])
SWAP = {Status.ADDED: Status.REMOVED, Status.REMOVED: Status.ADDED}


def check_spans(comparison: Comparison) -> None:
    """Units and figures lie inside their documents; children inside parents."""
    for side in (comparison.left, comparison.right):
        n = len(side.text)
        for unit in side.tree.units:
            assert 0 <= unit.start <= unit.own_end <= unit.end <= n
            if unit.parent is not None:
                parent = side.tree.units[unit.parent]
                assert parent.own_end <= unit.start and unit.end <= parent.end
    for pair in comparison.pairs:
        for change in pair.figures:
            for fig, text in ((change.left, comparison.left.text), (change.right, comparison.right.text)):
                if fig is not None:
                    assert 0 <= fig.start <= fig.end <= len(text)
                    assert fig.text == text[fig.start : fig.end]
        for edit in pair.edits:
            assert edit.left[1] <= len(comparison.left.text)
            assert edit.right[1] <= len(comparison.right.text)


def check_all(comparison: Comparison) -> None:
    check_invariants(comparison)
    check_spans(comparison)


def signature(comparison: Comparison, swap: bool = False) -> dict:
    """(left unit span, right unit span, status) → (similarity, non-equal edits); sides swapped if asked."""
    out = {}
    for p in comparison.pairs:
        left = (p.left.start, p.left.end) if p.left else None
        right = (p.right.start, p.right.end) if p.right else None
        status = p.status
        if swap:
            left, right, status = right, left, SWAP.get(status, status)
        out[(left, right, status)] = (p.similarity, sum(1 for e in p.edits if e.op != Op.EQUAL))
    return out


def assert_no_change(comparison: Comparison) -> None:
    assert {p.status for p in comparison.pairs} <= {Status.UNCHANGED}
    assert all(p.left is not None and p.right is not None for p in comparison.pairs)
    assert comparison.summary.figures_changed == 0
    assert comparison.summary.moved == 0
    assert all(not p.edits for p in comparison.pairs)


@PROPERTY
@given(document_pairs(), MODES, st.booleans())
def test_edits_rebuild_both_units_and_every_unit_is_paired_once(pair, mode, show):
    left, right = pair
    comparison = compare_documents(
        doc(left), doc(right), CompareOptions(normalize=mode, show_normalization_diffs=show)
    )
    check_all(comparison)
    for p in comparison.pairs:
        if p.status == Status.UNCHANGED:
            assert p.left is not None and p.right is not None
        if p.status in (Status.ADDED, Status.REMOVED):
            assert (p.left is None) != (p.right is None)


@pytest.mark.slow  # over 3 s on an idle machine: run by .ci/run, not the README's fast loop
@PROPERTY
@given(documents())
def test_document_against_itself_and_its_script_and_width_variants(text):
    for other in (text, traditional(text), full_width(text), half_width(text), full_width(traditional(text))):
        comparison = compare_documents(doc(text), doc(other, "y.txt"))
        check_all(comparison)
        assert_no_change(comparison)


@PROPERTY
@given(documents())
def test_traditional_variant_shows_changes_only_when_asked(text):
    trad = traditional(text)
    loud = compare_documents(doc(text), doc(trad, "y.txt"), CompareOptions(show_normalization_diffs=True))
    check_all(loud)
    if trad != text:
        assert loud.summary.changed >= 1
    assert loud.summary.figures_changed == 0  # figures are read on simplified text


@pytest.mark.slow  # over 3 s on an idle machine: run by .ci/run, not the README's fast loop
@PROPERTY
@given(document_pairs())
def test_comparing_b_with_a_mirrors_a_with_b(pair):
    left, right = pair
    ab = compare_documents(doc(left), doc(right, "y.txt"))
    ba = compare_documents(doc(right, "y.txt"), doc(left))
    check_all(ab)
    check_all(ba)
    forward, backward = signature(ab), signature(ba, swap=True)
    assert forward.keys() == backward.keys()
    for key, (similarity, edits) in forward.items():
        assert abs(similarity - backward[key][0]) <= 1e-6, key
        assert edits == backward[key][1], key
    assert ab.summary.added == ba.summary.removed and ab.summary.removed == ba.summary.added
    assert ab.summary.figures_changed == ba.summary.figures_changed


@pytest.mark.slow  # over 3 s on an idle machine: run by .ci/run, not the README's fast loop
@PROPERTY
@given(renumbered_pairs())
def test_renumbering_alone_is_no_change(pair):
    """One plan numbered two ways (一、/第一章, 1./1、/第一条/（一）, （1）/①) compares as unchanged."""
    left, right = pair
    comparison = compare_documents(doc(left), doc(right, "y.txt"))
    check_all(comparison)
    assert {p.status for p in comparison.pairs} <= {Status.UNCHANGED}
    assert comparison.summary.figures_changed == 0


def assert_mirror(left: str, right: str) -> None:
    ab = compare_documents(doc(left), doc(right, "y.txt"))
    ba = compare_documents(doc(right, "y.txt"), doc(left))
    forward, backward = signature(ab), signature(ba, swap=True)
    assert forward == backward


def test_mirror_two_sentences_swapped_inside_one_article():
    assert_mirror(
        "一、总则\n1.加强资金保障。推动高质量发展。\n", "一、总则\n1.推动高质量发展。加强资金保障。\n"
    )


def test_mirror_identical_unit_beats_a_reordered_copy():
    assert_mirror(
        "一、。\n一、。\n一、加强资金保障用地保障用地。\n",
        "一、加强资金。\n一、加强资金。\n一、加强资金保障用地。\n一、加强资金保障用地保障用地。\n一、保障用地加强资金保障用地。\n",
    )
