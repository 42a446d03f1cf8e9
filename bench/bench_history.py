"""Benchmark a document's history: a ten-version chain of a ~100 KB document, and the 3-version law.

Run: .venv/bin/python bench/bench_history.py [--versions 10] [--size 100000]
The chain is a synthetic policy (bench.synthetic_pair's left document) revised again and again by
tests/revision.py (articles deleted, inserted, moved, reworded, figures changed, renumbered).
Prints the sum of the n − 1 pairwise comparisons (one process, each pair from scratch), the
history in one process (each version prepared once) and with parallel processes, and the
chaining's own share; then the 道路运输条例 2019/2022/2023 history when the shared corpus is here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench import synthetic_pair  # noqa: E402


def _chain(size: int, versions: int) -> list[str]:
    from policydiff.io import load_document
    from policydiff.structure.parse import parse_structure
    from tests.conftest import SEED
    from tests.revision import make_revision

    donor_doc = load_document(SEED["001"])
    donor_tree = parse_structure(donor_doc.text)
    donor = next(u for u in donor_tree.units if u.depth == 1 and u.own_end - u.start > 80)
    texts = [synthetic_pair(size, seed=1)[0]]
    for k in range(versions - 1):
        tree = parse_structure(texts[-1])
        texts.append(make_revision(texts[-1], tree, donor_doc.text[donor.start : donor.end], 100 + k).text)
    return texts


def _best(runs: int, fn):  # type: ignore[no-untyped-def]
    times, value = [], None
    for _ in range(runs):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return min(times), value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--versions", type=int, default=10)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()

    from policydiff.compare.pipeline import compare_documents
    from policydiff.compare.prepare import clear_cache
    from policydiff.history.chain import HistoryConfig, assemble, build_history, compare_steps
    from policydiff.history.html import render_history
    from policydiff.history.jsonform import history_to_json
    from policydiff.history.xlsx import history_to_xlsx
    from policydiff.io import load_document
    from policydiff.lang.words import ensure_ready
    from policydiff.model import CompareOptions

    ensure_ready()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k, text in enumerate(_chain(args.size, args.versions)):
            path = Path(folder) / f"v{k:02d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        documents = [load_document(p) for p in paths]
        kb = sum(len(Path(p).read_bytes()) for p in paths) / len(paths) / 1000

        def pairwise() -> None:
            for k in range(len(documents) - 1):
                clear_cache()  # each pair from scratch, as `policydiff compare` would run it
                compare_documents(documents[k], documents[k + 1])

        def sequential():  # type: ignore[no-untyped-def]
            clear_cache()
            return build_history(paths, config=HistoryConfig(workers=1))

        def parallel():  # type: ignore[no-untyped-def]
            clear_cache()
            return build_history(paths, config=HistoryConfig(workers=max(2, cores), parallel_min_chars=0))

        pair_time, _ = _best(args.runs, pairwise)
        seq_time, history = _best(args.runs, sequential)
        par_time, _ = _best(args.runs, parallel)
        comparisons = compare_steps(documents, CompareOptions(), HistoryConfig(workers=1))
        chain_time, _ = _best(args.runs, lambda: assemble(documents, comparisons, CompareOptions()))
        html_time, page = _best(1, lambda: render_history(history))
        json_time, _ = _best(1, lambda: json.dumps(history_to_json(history), ensure_ascii=False))
        xlsx_time, _ = _best(1, lambda: history_to_xlsx(history))
    print(f"{args.versions} versions of ~{kb:.0f} KB, {cores} cores, best of {args.runs}")
    print(f"  sum of the {args.versions - 1} pairwise comparisons:  {pair_time:.2f} s")
    print(f"  history, one process:                  {seq_time:.2f} s ({seq_time / pair_time:.2f} × the sum)")
    print(f"  history, parallel processes:           {par_time:.2f} s ({par_time / pair_time:.2f} × the sum)")
    print(
        f"  chaining alone (rows from comparisons): {chain_time * 1000:.0f} ms; {len(history.rows)} lineages"
    )
    print(
        f"  outputs: HTML {html_time:.2f} s ({len(page) // 1000} KB), JSON {json_time:.2f} s, "
        f"Excel {xlsx_time:.2f} s"
    )
    law = Path(os.environ.get("POLICYDIFF_SHARED") or HERE.parent.parent / "shared") / "corpus" / "history"
    if law.is_dir():
        law_paths = [str(law / f"daolu-yunshu-{y}.md") for y in (2019, 2022, 2023)]

        def law_history():  # type: ignore[no-untyped-def]
            clear_cache()
            return build_history(law_paths)

        law_time, law_result = _best(args.runs, law_history)
        print(f"  道路运输条例 2019 → 2022 → 2023: {law_time:.2f} s, {len(law_result.rows)} lineages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
