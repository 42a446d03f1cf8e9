"""Benchmark one policy against many: 1 parent × N children of about 30 KB each.

Run: .venv/bin/python bench/bench_coverage.py [--children 50] [--size 30000]
Prints the sum of the pairwise comparison times (one process, in sequence), the coverage run's
wall time (children in parallel processes, each also traced clause by clause) and its ratio to
sum / cores (target ≤ 1.5), with one progress line per child as the command shows them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import synthetic_pair  # noqa: E402


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
    parser.add_argument(
        "--prestart",
        action="store_true",
        help="start the workers' server before the timed run, as the app does when its dialog opens",
    )
    args = parser.parse_args()

    import multiprocessing

    from policydiff.compare.pipeline import compare_documents
    from policydiff.coverage import matrix
    from policydiff.coverage.matrix import CoverageConfig, build_coverage
    from policydiff.io import load_document
    from policydiff.lang.words import ensure_ready

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
        if args.start != "auto":
            matrix._worker_context = lambda: multiprocessing.get_context(args.start)  # type: ignore[assignment]
            if args.start == "forkserver":
                multiprocessing.get_context("forkserver").set_forkserver_preload(["policydiff.coverage.warm"])
        if args.prestart:
            matrix.start_worker_server()
            time.sleep(2)  # the user picking the documents
        parent_doc = load_document(parent)
        started = time.perf_counter()
        for child in children:
            compare_documents(parent_doc, load_document(child))
        pairwise = time.perf_counter() - started
        started = time.perf_counter()

        def progress(done: int, name: str) -> None:
            print(f"  [{done}/{len(children)}] {name} {time.perf_counter() - started:.1f} s", flush=True)

        coverage = build_coverage(
            str(parent), children, config=CoverageConfig(workers=args.workers), progress=progress
        )
        wall = time.perf_counter() - started
    cores = args.workers or os.cpu_count() or 1
    print(
        f"1 parent × {args.children} children of ~{args.size // 1000} KB, {cores} cores, start {args.start}"
    )
    print(f"  sum of pairwise comparisons (one process): {pairwise:.2f} s")
    print(f"  coverage run (parallel processes):          {wall:.2f} s")
    print(
        f"  ratio to sum / cores: {wall / (pairwise / cores):.2f} (target ≤ 1.5); {len(coverage.rows)} rows"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
