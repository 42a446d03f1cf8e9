"""Benchmark the Word 修订 document: the time to write it (after the comparison) and its size.

Run: .venv/bin/python bench/bench_redline.py [--sizes 100K,1M]
For the seed pair and synthetic pairs of each size (bench.synthetic_pair), prints the comparison's
time, the redline's time (plan + XML + zip, best of 3), its bytes and its counts of revisions and
comments, and checks that accepting every revision gives the right text and rejecting the left.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench import PAIR, SIZES, synthetic_pair  # noqa: E402
from policydiff.compare.pipeline import compare_documents  # noqa: E402
from policydiff.io import load_document  # noqa: E402
from policydiff.model import LoadedDocument  # noqa: E402
from policydiff.render.redline import RedlineStats, render_redline  # noqa: E402
from tests.redline_xml import resolve, squeeze  # noqa: E402


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


def measure(name: str, left: LoadedDocument, right: LoadedDocument) -> None:
    start = time.perf_counter()
    comparison = compare_documents(left, right)
    compared = time.perf_counter() - start
    best = float("inf")
    data = b""
    stats = RedlineStats()
    for _ in range(3):
        stats = RedlineStats()
        start = time.perf_counter()
        data = render_redline(comparison, stats=stats)
        best = min(best, time.perf_counter() - start)
    ok = squeeze(resolve(data, True)) == squeeze(right.text)
    ok = ok and squeeze(resolve(data, False)) == squeeze(left.text)
    print(
        f"{name:<10} {left.size / 1e6:6.2f}+{right.size / 1e6:.2f} MB  compare {compared:6.2f} s  "
        f"redline {best:6.2f} s  {len(data) / 1e6:6.2f} MB  ins {stats.insertions} del {stats.deletions} "
        f"moves {stats.moves} script {stats.normalization} comments {stats.comments}  "
        f"accept=right/reject=left: {ok}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1M", help="synthetic sizes, e.g. 100K,1M")
    args = parser.parse_args()
    measure("seed pair", load_document(str(PAIR[0])), load_document(str(PAIR[1])))
    for size in filter(None, args.sizes.split(",")):
        left, right = synthetic_pair(SIZES[size])
        measure(size, _doc(left, "left.txt"), _doc(right, "right.txt"))


if __name__ == "__main__":
    main()
