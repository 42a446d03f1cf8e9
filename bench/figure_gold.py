"""Precision and recall of figure changes on every hand-checked pair (tests/fixtures/figures/gold_*).

Run: PYTHONPATH=. python bench/figure_gold.py [--code DIR] [-v]
--code DIR scores another checkout's policydiff with this checkout's gold (a before/after measure).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv[:-1] else ROOT
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(CODE))


def main() -> int:
    from figures_gold import CHANGE_GOLD, figure_change_scores

    for gold in CHANGE_GOLD:
        precision, recall, notes = figure_change_scores(gold)
        print(f"{gold.stem:16} precision {precision:.3f}  recall {recall:.3f}")
        if "-v" in sys.argv:
            for note in notes:
                print("   ", note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
