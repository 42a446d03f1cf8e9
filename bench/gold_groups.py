"""Score every hand-made gold pair: alignment F1 (../shared/tools/score.py) and merge/split groups.

Run: python bench/gold_groups.py [NAME ...]
For each gold file in tests/gold/ prints the scorer's F1 and, where the gold lists its n:m groups,
how many of them the comparison found (a group is found when one pair holds every unit the gold
names on both sides) and which groups the comparison made that the gold does not have.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydiff.compare.pipeline import compare_files  # noqa: E402
from policydiff.render.jsonform import comparison_to_json  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"


def _path(name: str) -> Path:
    return SHARED / "corpus" / name if "/" in name else SHARED / "seeds" / name


def _heading(text: str, unit) -> str:
    return text[unit.start : unit.start + 10].replace("\n", " ")


def main(names: list[str]) -> None:
    for gold_file in sorted(GOLD.glob("*.json")):
        if names and gold_file.stem not in names:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "pairs" not in gold:
            continue
        comparison = compare_files(str(_path(gold["left"])), str(_path(gold["right"])))
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as out:
            json.dump(comparison_to_json(comparison), out, ensure_ascii=False)
        score = (
            subprocess.run(
                [sys.executable, str(SHARED / "tools" / "score.py"), out.name, str(gold_file)],
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        Path(out.name).unlink()
        lt, rt = comparison.left.text, comparison.right.text
        made = [
            (
                tuple(sorted(_heading(lt, u) for u in p.left_units)),
                tuple(sorted(_heading(rt, u) for u in p.right_units)),
            )
            for p in comparison.pairs
            if p.also_left or p.also_right
        ]
        found = 0
        for group in gold.get("groups") or []:
            want_l = [lt.find(a) for a in group["left"]]
            want_r = [rt.find(a) for a in group["right"]]
            for p in comparison.pairs:
                ls = {u.start for u in p.left_units}
                rs = {u.start for u in p.right_units}
                if set(want_l) <= ls and set(want_r) <= rs:
                    found += 1
                    break
        print(f"{gold_file.stem:30} {score}  groups {found}/{len(gold.get('groups') or [])}")
        for left, right in made:
            print(f"    made: {' + '.join(left)}  ->  {' + '.join(right)}")


if __name__ == "__main__":
    main(sys.argv[1:])
