"""Hostile web pages compared against a one-line text: where the time goes, stage by stage, and how it grows.

Run from the repository root: ``python -m bench.bench_hostile_html [--size 11000000] [--cli]``.

Shapes (each built at ``--size`` characters of text and at a quarter of it, so the growth per 4× of
input shows whether a stage is linear — ×4 is linear, ×16 quadratic):

- ``text-node``: one ``<p>`` holding a single 11 MB run of one character (a page whose text is one node).
- ``text-node-prose``: one ``<p>`` holding seed 000's text, line breaks removed, repeated (prose with
  figures and full stops, but no line break anywhere).
- ``mail-footer``: an HTML e-mail of three articles followed by a footer of ``<br>``-separated
  disclaimer lines, one e-mail address each (hundreds of thousands of short lines after the last unit).

Each row runs in a fresh process and prints CPU seconds per stage: load, script detection, structure,
normalization, word segmentation, the rest of preparing, and the comparison proper (align, word
diff, figures). ``--cli`` also times ``policydiff compare FILE small.txt --json OUT`` as a command.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22597a2fc5b61001.txt"
SHAPES = ("text-node", "text-node-prose", "mail-footer")
SMALL = "第一条 为了规范管理，制定本办法。\n"
DISCLAIMER = "此邮件及其附件含有保密信息，仅限于发送给上述地址的个人或群组。禁止任何其他人以任何形式使用。"


def page(shape: str, size: int) -> str:
    """The hostile page of about ``size`` characters of text."""
    if shape == "text-node":
        return "<html><body><p>" + "字" * size + "</p><p>末尾</p></body></html>"
    if shape == "text-node-prose":
        flat = SEED.read_text(encoding="utf-8").replace("\n", "")
        body = (flat * (size // len(flat) + 1))[:size]
        return "<html><body><p>" + html.escape(body) + "</p><p>末尾</p></body></html>"
    if shape == "mail-footer":
        head = "".join(f"<p>第{n}条 为了规范管理，制定本办法。</p>" for n in (1, 2, 3))
        line = len(DISCLAIMER) + 26
        footer = "<br>\n".join(f"{DISCLAIMER} user{n:07d}@example.com" for n in range(size // line))
        return f"<html><body>{head}<div class=footer><p>--</p>{footer}</div></body></html>"
    raise ValueError(shape)


def _cpu() -> float:
    return time.process_time()


def stages(path: Path, small: Path) -> dict[str, float]:
    """CPU seconds of each stage of comparing ``path`` with ``small``, in this process."""
    sys.path.insert(0, str(ROOT))
    from policydiff.compare.pipeline import CompareOptions, compare_prepared, side_reading
    from policydiff.compare.prepare import clear_cache, prepare
    from policydiff.io import load_document
    from policydiff.lang.normalize import normalize
    from policydiff.lang.script import detect_script
    from policydiff.lang.words import ensure_ready, segment
    from policydiff.model import Side
    from policydiff.structure.parse import parse_structure

    ensure_ready()
    out: dict[str, float] = {}
    t = _cpu()
    left = load_document(str(path))
    right = load_document(str(small))
    out["load"], t = _cpu() - t, _cpu()
    detect_script(left.text)
    out["script"], t = _cpu() - t, _cpu()
    parse_structure(left.text)
    out["structure"], t = _cpu() - t, _cpu()
    options = CompareOptions()
    mode = side_reading(left.text, options, Side.LEFT).conversion
    norm = normalize(left.text, mode)
    out["normalize"], t = _cpu() - t, _cpu()
    segment(norm.text)
    out["segment"], t = _cpu() - t, _cpu()
    clear_cache()
    t = _cpu()
    left_prepared = prepare(left, mode)
    right_prepared = prepare(right, side_reading(right.text, options, Side.RIGHT).conversion)
    whole = _cpu() - t
    out["prepare (rest)"] = max(0.0, whole - out["structure"] - out["normalize"] - out["segment"])
    t = _cpu()
    comparison = compare_prepared(left_prepared, right_prepared, options)
    out["compare"] = _cpu() - t
    out["total"] = sum(out.values())
    out["chars"] = len(left.text)
    out["pairs"] = len(comparison.pairs)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _row(shape: str, size: int, folder: Path, cli: bool) -> dict[str, float]:
    path = folder / f"{shape}-{size}.html"
    path.write_text(page(shape, size), encoding="utf-8")
    small = folder / "small.txt"
    small.write_text(SMALL, encoding="utf-8")
    command = [sys.executable, "-m", "bench.bench_hostile_html", "--child", str(path), str(small)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{shape} {size}: {(done.stderr.strip().splitlines() or ['failed'])[-1]}")
    row: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    if cli:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "policydiff",
                "compare",
                str(path),
                str(small),
                "--json",
                str(folder / "o.json"),
            ],
            capture_output=True,
            cwd=ROOT,
            check=True,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        row["cli wall"] = time.perf_counter() - started
        row["cli cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=11_000_000, help="characters of text (default 11 M)")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--cli", action="store_true", help="also time the command line (wall and CPU)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(stages(Path(args.child[0]), Path(args.child[1]))))
        return
    keys = ["load", "script", "structure", "normalize", "segment", "prepare (rest)", "compare", "total"]
    if args.cli:
        keys += ["cli wall", "cli cpu"]
    print(
        f"{'shape':<16} {'chars':>9} "
        + " ".join(f"{k:>9.9}" for k in keys)
        + "  peak MB  growth of total per 4×"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            previous = None
            for size in (args.size // 4, args.size):
                row = _row(shape, size, Path(tmp), args.cli)
                growth = f"×{row['total'] / previous['total']:.1f}" if previous else ""
                print(
                    f"{shape:<16} {int(row['chars']):>9} "
                    + " ".join(f"{row[k]:>9.2f}" for k in keys)
                    + f"  {row['peak_mb']:>7.0f}  {growth}"
                )
                previous = row
    print("CPU seconds per stage (fresh process per row); ×4 growth per 4× of input is linear")


if __name__ == "__main__":
    main()
