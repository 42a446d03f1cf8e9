"""Benchmark the outputs: the writers on growing pairs, and coverage against growing numbers of children.

Run: .venv/bin/python bench/bench_outputs.py [--sizes 50K,500K,5M] [--children 2,20,200]
Prints, per pair size, the time of the comparison and of each writer (JSON, HTML, Word), and per
number of small children the wall time of a coverage run with its three outputs; each line ends
with its growth against the row before, per 10× of input (linear: about 10×; quadratic: 100×).
Every row is the fastest of --runs fresh runs. Speed is measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import synthetic_pair  # noqa: E402


def _size(text: str) -> int:
    units = {"K": 1_000, "M": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def _best(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _growth(value: float, previous: tuple[float, float] | None, scale: float) -> str:
    """Time growth normalised to a 10× larger input."""
    if previous is None or previous[0] <= 0:
        return ""
    import math

    ratio = value / previous[0]
    per_ten = ratio ** (1 / math.log10(scale / previous[1])) if scale != previous[1] else ratio
    return f"×{per_ten:.1f} per 10×"


def writers(sizes: list[int], runs: int) -> None:
    from policydiff.compare.pipeline import compare_documents
    from policydiff.model import LoadedDocument
    from policydiff.render.docx_table import render_docx
    from policydiff.render.html import render_report
    from policydiff.render.jsonform import comparison_to_json

    print("pair size   pairs   compare     JSON     HTML     Word (growth of Word per 10×)")
    previous: tuple[float, float] | None = None
    for size in sizes:
        left, right = synthetic_pair(size)
        docs = (LoadedDocument("l.txt", "txt", "utf-8", left), LoadedDocument("r.txt", "txt", "utf-8", right))
        started = time.perf_counter()
        comparison = compare_documents(*docs)
        compared = time.perf_counter() - started
        as_json = _best(
            runs,
            lambda c=comparison: json.dumps(comparison_to_json(c), ensure_ascii=False, separators=(",", ":")),
        )
        html = _best(runs, lambda c=comparison: render_report(c))
        word = _best(runs, lambda c=comparison: render_docx(c))
        print(
            f"{size / 1000:>7,.0f} KB {len(comparison.pairs):>7} {compared:>8.2f} s {as_json:>6.2f} s "
            f"{html:>6.2f} s {word:>6.2f} s  {_growth(word, previous, size)}"
        )
        previous = (word, size)


def coverage(counts: list[int], runs: int, child_bytes: int) -> None:
    from policydiff.cli import main

    print(f"children (~{child_bytes // 1000} KB each)   coverage run with --json --html --xlsx")
    previous: tuple[float, float] | None = None
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            parent_text, _ = synthetic_pair(child_bytes, seed=1)
            parent = Path(folder) / "parent.txt"
            parent.write_text(parent_text, encoding="utf-8")
            children = []
            for k in range(count):
                _, child_text = synthetic_pair(child_bytes, seed=100 + k % 20)
                path = Path(folder) / f"child-{k:03d}.txt"
                path.write_text(child_text, encoding="utf-8")
                children.append(str(path))
            out = Path(folder) / "out"
            args = ["coverage", str(parent), *children, "--json", f"{out}.json", "--html", f"{out}.html"]
            args += ["--xlsx", f"{out}.xlsx"]

            def run(args: list[str] = args) -> None:
                import contextlib
                import io

                with contextlib.redirect_stdout(io.StringIO()):
                    code = main(args)
                assert code == 0, code

            wall = _best(runs, run)
        each = wall / count * 1000
        print(f"{count:>8} {wall:>10.2f} s  ({each:.0f} ms a child)  {_growth(wall, previous, count)}")
        previous = (wall, count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="50K,500K,5M", help="pair sizes for the writers (comma-separated)")
    parser.add_argument("--children", default="2,20,200", help="numbers of children for coverage")
    parser.add_argument("--child-size", default="5K", help="size of each small child")
    parser.add_argument("--runs", type=int, default=1, help="fresh runs per row; the fastest counts")
    parser.add_argument("--only", choices=["writers", "coverage"], help="run one half only")
    parser.add_argument("--code", type=Path, help="measure the policydiff in this checkout (a baseline)")
    args = parser.parse_args()
    if args.code:  # before anything imports policydiff (bench.py puts this checkout first)
        sys.path.insert(0, str(args.code.resolve()))
    from policydiff.lang.words import ensure_ready

    ensure_ready()
    import policydiff

    print(f"policydiff from {Path(policydiff.__file__).parent}")
    if args.only != "coverage":
        writers([_size(s) for s in args.sizes.split(",")], args.runs)
    if args.only != "writers":
        coverage([int(c) for c in args.children.split(",")], args.runs, _size(args.child_size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
