"""Measure figure extraction on real documents: how many figures lack a subject a reader recognises.

Run: PYTHONPATH=. python bench/figures_quality.py [--shared DIR] [--list] [--code DIR]
Reads every seed and every corpus text (../shared/corpus), extracts figures as the app does
(compare.document_figures) and prints, per document and in all, the number of figures and the
share whose subject is empty or one character long, with and without dates (a year that opens a
sentence often measures nothing). --list prints those figures; --code DIR measures another checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv[:-1] else ROOT
sys.path.insert(0, str(CODE))


def documents(shared: Path) -> list[Path]:
    """The seeds and the corpus texts, in a stable order."""
    found = sorted((ROOT / "seeds").glob("*.txt"))
    corpus = shared / "corpus"
    for sub in ("versions", "laws", "history", "one-vs-many"):
        found += sorted(p for p in (corpus / sub).glob("*") if p.suffix in (".txt", ".md"))
    return found


def main() -> int:
    from policydiff.compare.pipeline import document_figures
    from policydiff.io import load_document

    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.environ.get("POLICYDIFF_SHARED", str(ROOT.parent / "shared")))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--code", default=str(ROOT))
    args = parser.parse_args()
    total = empty = short = 0
    undated = undated_bad = 0
    subjects: Counter[str] = Counter()
    for path in documents(Path(args.shared)):
        figures = document_figures(load_document(str(path)))
        e = sum(1 for f in figures if not f.subject)
        s = sum(1 for f in figures if len(f.subject) == 1)
        total, empty, short = total + len(figures), empty + e, short + s
        plain = [f for f in figures if f.kind != "date"]
        undated += len(plain)
        undated_bad += sum(1 for f in plain if len(f.subject) <= 1)
        print(f"{path.name[:44]:44} {len(figures):5} figures  empty {e:4}  one-char {s:4}")
        for f in figures:
            if len(f.subject) <= 1:
                subjects[f.subject] += 1
                if args.list:
                    print(f"    {f.text!r:24} subject {f.subject!r}")
    share = (empty + short) / max(1, total)
    print(f"all: {total} figures, empty {empty}, one-char {short}: {share:.1%} without a real subject")
    print(
        f"not dates: {undated} figures, {undated_bad} "
        f"({undated_bad / max(1, undated):.1%}) without a real subject"
    )
    print("one-char subjects:", ", ".join(f"{k}×{v}" for k, v in subjects.most_common(20) if k))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
