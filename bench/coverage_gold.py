"""The coverage matrix against hand-made gold, and its verdict counts per child.

Run: python bench/coverage_gold.py
Prints, for each implementation gold pair, the share of sure cells the matrix gets right (the same
measure as tests/coverage/test_coverage_gold.py), then the verdicts of seed 000 (the province)
against each city's plan (001, 002, 003).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydiff.coverage.matrix import CoverageConfig, build_coverage  # noqa: E402
from tests.coverage.test_coverage_gold import CELL_ACCURACY, _path, cell_accuracy  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> None:
    for gold_path in CELL_ACCURACY:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        coverage = build_coverage(
            str(_path(gold["left"])), [str(_path(gold["right"]))], config=CoverageConfig(workers=1)
        )
        right, scored, _ = cell_accuracy(coverage, gold)
        print(f"{gold_path.stem:30} cells {right}/{scored} = {right / scored:.3f}")
    seeds = {p.name[:3]: p for p in SEEDS.glob("*.txt")}
    children = [str(seeds[k]) for k in ("001", "002", "003")]
    coverage = build_coverage(str(seeds["000"]), children, config=CoverageConfig(workers=1))
    for k, name in enumerate(("001", "002", "003")):
        counts = Counter(row.cells[k].verdict.value for row in coverage.rows if row.cells[k] is not None)
        print(f"000 vs {name}: " + ", ".join(f"{v} {n}" for v, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
