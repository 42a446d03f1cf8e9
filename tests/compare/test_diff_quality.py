"""The word diff shows what two texts share: measured against an independent character LCS.

For every aligned pair of the sample pair and the corpus pairs, the characters the diff shows as
equal are compared with the shared runs (4 characters or more) of a longest common subsequence
of the two normalized texts, computed on characters (rapidfuzz's LCSseq), not on words:
- over each document pair, the equal characters cover at least 95 % of those runs, in place;
- in each pair, the diff shows at least 95 % as many equal characters as those runs hold, less
  one run (an LCS is not unique: where a sentence moved or a phrase recurs, either copy may be
  the shared one, and two equally long choices may differ by a short run, so a single pair is
  measured by amount, not by place);
- no pair with 30 % or more shared text is shown as one replace.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rapidfuzz.distance import LCSseq

from policydiff.compare.pipeline import compare_files
from policydiff.compare.prepare import prepare
from policydiff.compare.prepared import PreparedDocument
from policydiff.model import Comparison, Op, Pair, unit_runs
from tests.conftest import CORPUS, SEED

RUN = 4  # shared runs a reader wants to see
PAIRS = [
    ("seeds", str(SEED["000"]), str(SEED["002"])),
    ("01-vs-004", "versions/01_zhongyang-zj-gongtongfuyu-yijian-2021.txt", str(SEED["004"])),
    (
        "02-vs-03",
        "versions/02_sxyz-xianguanxiaopin-2025-draft.txt",
        "versions/03_sxyz-xianguanxiaopin-2025-final.txt",
    ),
    (
        "03-vs-04",
        "versions/03_sxyz-xianguanxiaopin-2025-final.txt",
        "versions/04_sxyz-xianguanxiaopin-2021.txt",
    ),
    (
        "05-vs-06",
        "versions/05_sxyz-jixiaogongzi-2019-draft.txt",
        "versions/06_sxyz-jixiaogongzi-2019-final.txt",
    ),
    ("07-vs-08", "versions/07_sxyz-jiaogong-kaohe-2022.txt", "versions/08_sxyz-jiaogong-kaohe-2023.txt"),
    (
        "09-vs-10",
        "versions/09_law-zhongxiaoqiye-kuanxiang-2020.txt",
        "versions/10_law-zhongxiaoqiye-kuanxiang-2025.txt",
    ),
    ("gongsifa", "laws/gongsifa-2018.md", "laws/gongsifa-2023.md"),
    ("tufa", "laws/tufa-2007.md", "laws/tufa-2024.md"),
    ("fuyi", "laws/fuyi-2017.md", "laws/fuyi-2023.md"),
    ("sh-yingshang", "laws/sh-yingshang-2020.md", "laws/sh-yingshang-2024.md"),
    ("bj-yingshang", "laws/bj-yingshang-2020.md", "laws/bj-yingshang-2024.md"),
]


@dataclass(frozen=True)
class PairQuality:
    label: str
    shared: int  # characters in the LCS's shared runs of RUN or more
    covered: int  # of those, shown as equal by the diff, in place
    shown: int  # characters the diff shows as equal (left side, whitespace aside)
    chars: int  # characters of both texts, whitespace aside
    single_replace: bool  # the whole text is one replace


def _positions(prepared: PreparedDocument, pair_units) -> list[int]:
    """The normalized positions of a group's text, run by run of neighbouring units."""
    out: list[int] = []
    for run in unit_runs(pair_units):
        out.extend(range(prepared.own_spans[run[0].index][0], prepared.own_spans[run[-1].index][1]))
    return out


def pair_quality(
    comparison: Comparison, pair: Pair, left: PreparedDocument, right: PreparedDocument
) -> PairQuality:
    lpos, rpos = _positions(left, pair.left_units), _positions(right, pair.right_units)
    lt = "".join(left.norm.text[k] for k in lpos)
    rt = "".join(right.norm.text[k] for k in rpos)
    equal: set[int] = set()
    if not pair.edits:  # unchanged
        equal.update(lpos)
    label_end = pair.left_units[0].start + len(pair.left_units[0].label)
    for edit in pair.edits:
        if edit.op == Op.EQUAL:
            a, b = left.norm.slice_span(max(edit.left[0], label_end), max(edit.left[1], label_end))
            equal.update(range(a, b))
    shared = covered = 0
    for op in LCSseq.opcodes(lt, rt):
        if op.tag == "equal" and op.src_end - op.src_start >= RUN:
            for k in range(op.src_start, op.src_end):
                if not lt[k].isspace():
                    shared += 1
                    covered += lpos[k] in equal
    inside = set(lpos)
    shown = sum(1 for k in equal if k in inside and not left.norm.text[k].isspace())
    changes = [e for e in pair.edits if e.op != Op.EQUAL]
    visible_equal = [e for e in pair.edits if e.op == Op.EQUAL and e.left[1] > label_end]
    chars = sum(1 for c in lt + rt if not c.isspace())
    return PairQuality(
        pair.left.label + pair.left.heading[:12],
        shared,
        covered,
        shown,
        chars,
        len(changes) == 1 and changes[0].op == Op.REPLACE and not visible_equal,
    )


def quality(left: str, right: str) -> list[PairQuality]:
    comparison = compare_files(left, right)
    lp = prepare(comparison.left.document, comparison.options.normalize)
    rp = prepare(comparison.right.document, comparison.options.normalize)
    return [
        pair_quality(comparison, p, lp, rp)
        for p in comparison.pairs
        if p.left is not None and p.right is not None
    ]


def _path(p: str) -> str:
    return p if p.startswith("/") or "seeds" in p else str(CORPUS / p)


@pytest.mark.parametrize(("name", "left", "right"), PAIRS, ids=[p[0] for p in PAIRS])
def test_diff_shows_the_shared_runs(name, left, right):
    if name != "seeds" and not CORPUS.exists():
        pytest.skip("shared corpus not present")
    pairs = quality(_path(left), _path(right))
    shared = sum(q.shared for q in pairs)
    covered = sum(q.covered for q in pairs)
    assert covered >= 0.95 * shared, (name, covered / shared)
    for q in pairs:
        assert q.shown >= 0.95 * q.shared - RUN, (q.label, q.shown, q.shared)
        if q.chars and 2 * q.shared / q.chars >= 0.30:
            assert not q.single_replace, q.label


def test_province_and_city_article_on_business_growth_shows_its_shared_sentences():
    """Province 22.支持企业高质量发展 vs Hangzhou (三十)支援企業高品質發展: 0 % before the LCS engine."""
    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    pair = next(p for p in comparison.pairs if p.left is not None and p.left.label == "22.")
    assert pair.right is not None and pair.right.label == "(三十)"
    assert pair.similarity >= 0.4
    lt = comparison.left.text
    equal = "".join(lt[e.left[0] : e.left[1]] for e in pair.edits if e.op == Op.EQUAL)
    for phrase in ("完善优质企业梯度培育机制", "不列入D类企业", "直接变更便利化登记"):
        assert phrase in equal, phrase


def main() -> None:
    """Print the coverage per document pair (python -m tests.compare.test_diff_quality)."""
    for name, left, right in PAIRS:
        pairs = quality(_path(left), _path(right))
        shared = sum(q.shared for q in pairs)
        strict = sum(1 for q in pairs if q.shown >= 0.95 * q.shared)
        print(
            f"{name:13} coverage {sum(q.covered for q in pairs) / max(shared, 1):.3f} "
            f"pairs {len(pairs)}, at 95 % by amount without slack {strict}, "
            f"single replaces with >=30 % shared "
            f"{sum(1 for q in pairs if q.single_replace and q.chars and 2 * q.shared / q.chars >= 0.3)}"
        )


if __name__ == "__main__":
    main()
