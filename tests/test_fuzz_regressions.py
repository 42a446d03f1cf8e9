"""Inputs found by fuzzing (fuzz/fuzz_loaders.py) and the fuzz target's own seeds, replayed as tests.

Each regression is the minimal input with the outcome it must have; the fuzz target's checks
(one_input) are the expected outcome for the seeds: a document or a one-line LoadError, a sound
unit tree, a sound offset map, and exact edits on small comparisons.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from policydiff.compare.pipeline import compare_documents
from policydiff.model import CompareOptions
from tests.compare.test_compare import check_invariants, doc

_SPEC = importlib.util.spec_from_file_location(
    "fuzz_loaders", Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_loaders.py"
)
fuzz = importlib.util.module_from_spec(_SPEC)
sys.modules["fuzz_loaders"] = fuzz
_SPEC.loader.exec_module(fuzz)

SEEDS = fuzz.seeds()


@pytest.mark.parametrize("k", range(len(SEEDS)))
def test_fuzz_seed_passes_the_target(k):
    fuzz.one_input(SEEDS[k])


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00",
        b"\x01PK\x03\x04",  # .docx: a zip header and nothing else
        b"\x02%PDF-1.7\n",  # .pdf: a header and nothing else
        b"\x03<html><body></body></html>",  # .html with no text
        b"\x04---\ntitle: x\n---\n",  # .md with only front matter
        b"\x00\xef\xbb\xbf\xff\xfe",  # BOM soup
        "\x00一、\n一、\n（一）\n1.\n（1）\n①\n第一章\n第一条\n".encode(),  # labels without bodies (see below)
        "\x00一、總則\r\n1．加強資金保障。\r１.\u3000\u3000安排６０億元。".encode("utf-8"),
        "\x00\u2028\u2029\x85\x0b\x0c一、\u200b\n".encode(),
        "\x00一、资金3\u0663万元，比例\u0661:2，\u0968\u0966\u0968\u096a年\n".encode(),  # non-ASCII decimal digits
        "\x00一、three dates: 1985, 1995 and 2005; 共1985,199元\n".encode(),  # a comma that groups no thousands
    ],
)
def test_small_edge_inputs_pass_the_target(data):
    fuzz.one_input(data)


@pytest.mark.parametrize("mode", ["t2s", "tw2sp", "hk2s", "none"])
def test_labels_only_documents_compare_exactly(mode):
    left = "一、\n二、\n（一）\n1.\n2.\n（1）\n①\n"
    right = "一、\n（一）\n1.\n①\n②\n"
    for a, b in ((left, right), (right, left), (left, left)):
        comparison = compare_documents(doc(a), doc(b, "y.txt"), CompareOptions(normalize=mode))
        check_invariants(comparison)


@pytest.mark.parametrize("text", ["一、总则\n1.加强资金保障。\n2.\n", "一、\n二、\n", "1.\n2.\n"])
def test_document_with_a_bare_label_against_itself_is_unchanged(text):
    comparison = compare_documents(doc(text), doc(text, "y.txt"))
    check_invariants(comparison)
    assert all(p.left is not None and p.right is not None for p in comparison.pairs)
