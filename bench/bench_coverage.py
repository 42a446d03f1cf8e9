"""Benchmark one policy against many: 1 parent × N children of about 30 KB each.

Run: .venv/bin/python bench/bench_coverage.py [--children 50] [--size 30000] [--rounds 3]
Each round times the sum of the pairwise comparisons (one warm process, in sequence) and then a
coverage run in a fresh process, as a command starts it (imports and the segmenter ready, the
parent not yet read; the children in parallel worker processes, each also traced clause by clause
and its cells judged), and prints the run's ratio to sum / cores (target ≤ 1.5); then the median.
The fresh process keeps the run from reusing what the pairwise loop cached about the same texts.
--start forkserver measures the app's way (workers forked from a warmed server process), with
--prestart the server started when the app's dialog opens, before the run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import synthetic_pair  # noqa: E402

# The coverage run, in a fresh process: argv = start, workers, prestart, parent, children…; prints
# one progress line per child to stderr and the run's wall seconds to stdout.
_RUN = r"""
import multiprocessing, sys, time
from policydiff.coverage import matrix
from policydiff.lang.words import ensure_ready

start, workers, prestart, parent, *children = sys.argv[1:]
ensure_ready()
if start != "auto":
    context = multiprocessing.get_context(start)
    if start == "forkserver":
        context.set_forkserver_preload(["policydiff.coverage.warm"])
    matrix._worker_context = lambda: context
if prestart == "1":
    matrix.start_worker_server()
    time.sleep(2)  # the user choosing the documents
began = time.perf_counter()

def progress(done, name):
    seconds = time.perf_counter() - began
    print(f"  [{done}/{len(children)}] {name} {seconds:.1f} s", file=sys.stderr, flush=True)

coverage = matrix.build_coverage(
    parent, children, config=matrix.CoverageConfig(workers=int(workers)), progress=progress
)
print(time.perf_counter() - began, len(coverage.rows))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=50)
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="worker processes (0: one per core); 1 shows the cost over the pairwise sum",
    )
    parser.add_argument(
        "--start",
        choices=["auto", "fork", "forkserver", "spawn"],
        default="auto",
        help="how workers start (auto: forked from a one-thread command, from the server in the app)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="pairwise sum and coverage run, alternating")
    parser.add_argument(
        "--prestart",
        action="store_true",
        help="start the workers' server before the timed run, as the app does when its dialog opens",
    )
    parser.add_argument("--progress", action="store_true", help="show the first run's progress lines")
    args = parser.parse_args()

    from policydiff.compare.pipeline import compare_documents
    from policydiff.io import load_document
    from policydiff.lang.words import ensure_ready

    cores = args.workers or os.cpu_count() or 1
    sums, runs, ratios = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        parent_text, _ = synthetic_pair(args.size, seed=1)
        parent = Path(folder) / "parent.txt"
        parent.write_text(parent_text, encoding="utf-8")
        children = []
        for k in range(args.children):
            _, child_text = synthetic_pair(args.size, seed=100 + k)
            path = Path(folder) / f"child-{k:02d}.txt"
            path.write_text(child_text, encoding="utf-8")
            children.append(str(path))
        ensure_ready()
        parent_doc = load_document(parent)
        command = [sys.executable, "-c", _RUN, args.start, str(args.workers), str(int(args.prestart))]
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        for round_ in range(args.rounds):  # alternating, so both see the same machine load
            started = time.perf_counter()
            for child in children:
                compare_documents(parent_doc, load_document(child))
            sums.append(time.perf_counter() - started)
            shown = None if args.progress and round_ == 0 else subprocess.DEVNULL
            out = subprocess.run(
                [*command, str(parent), *children],
                check=True,
                stdout=subprocess.PIPE,
                stderr=shown,
                text=True,
                env=environment,
            )
            wall, rows = out.stdout.split()
            runs.append(float(wall))
            ratios.append(runs[-1] / (sums[-1] / cores))
            print(
                f"round {round_ + 1}: pairwise sum {sums[-1]:.2f} s, coverage {runs[-1]:.2f} s, "
                f"ratio {ratios[-1]:.2f}; {rows} rows",
                flush=True,
            )
    ahead = ", server started ahead" if args.prestart else ""
    size = f"~{args.size // 1000} KB"
    print(f"1 parent × {args.children} children of {size}, {cores} cores, start {args.start}{ahead}")
    print(
        f"  coverage run / (sum of pairwise comparisons / cores): median {statistics.median(ratios):.2f} "
        f"({min(ratios):.2f}–{max(ratios):.2f} over {len(ratios)} rounds; medians "
        f"{statistics.median(runs):.2f} s / {statistics.median(sums) / cores:.2f} s; target ≤ 1.5)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
