"""Measure edits that are nothing but a script or regional-phrasing conversion.

Prints (1) the edits of the sample pair (seeds 000 vs 002) whose two sides read the same once
both are put in Taiwan phrasing (OpenCC s2twp after t2s), and (2) the changed pairs when each
corpus text is compared with its s2twp and s2hk reprint. Run: python bench/script_noise.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import opencc

from policydiff.compare.pipeline import compare_documents
from policydiff.io import load_document
from policydiff.model import CompareOptions, LoadedDocument, Op, Status

SHARED = Path(os.environ.get("POLICYDIFF_SHARED", "/work/shared"))
_TW = opencc.OpenCC("s2twp")
_T2S = opencc.OpenCC("t2s")


def _canon(text: str) -> str:
    return str(_TW.convert(_T2S.convert("".join(text.split())))).replace("高質量", "高品質")


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


def conversion_only(left_text: str, right_text: str, options: CompareOptions | None = None) -> list[str]:
    cmp = compare_documents(_doc(left_text, "l.txt"), _doc(right_text, "r.txt"), options)
    out = []
    for pair in cmp.pairs:
        for edit in pair.edits:
            if edit.op == Op.EQUAL:
                continue
            a = left_text[edit.left[0] : edit.left[1]]
            b = right_text[edit.right[0] : edit.right[1]]
            if _canon(a) == _canon(b):
                out.append(f"{a.strip()} → {b.strip()}")
    return out


def main() -> int:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    left = load_document(str(seeds[0]))
    right = load_document(str(seeds[2]))
    noise = conversion_only(left.text, right.text)
    print(f"sample pair: {len(noise)} conversion-only edits")
    for line in noise[:40]:
        print("  ", line)
    files = sorted(
        p for p in (SHARED / "corpus").rglob("*") if p.suffix in {".md", ".txt"} and p.name != "README.md"
    )
    for config in ("s2twp", "s2hk", "s2t", "s2tw"):
        conv = opencc.OpenCC(config)
        total = 0
        for path in files:
            doc = load_document(str(path))
            reprint = _doc(str(conv.convert(doc.text)), f"{path.stem}-{config}.txt")
            cmp = compare_documents(doc, reprint)
            changed = [p for p in cmp.pairs if p.status != Status.UNCHANGED]
            total += len(changed)
            if changed:
                first = changed[0]
                edit = next((e for e in first.edits if e.op != Op.EQUAL), None)
                example = (
                    "figures"
                    if edit is None
                    else (f"{doc.text[slice(*edit.left)]!r} → {reprint.text[slice(*edit.right)]!r}")
                )
                print(f"  {config} {path.name}: {len(changed)} changed, e.g. {example}")
        print(f"{config}: {total} changed pairs over {len(files)} corpus texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
