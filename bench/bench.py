"""Benchmark the comparison: the seed pair in-process and as a command, and synthetic pairs by size.

Run: .venv/bin/python bench/bench.py [--sizes 100K,1M] [--skip-cli] [--vs-difflib] [--shapes] [--table]
Prints time and peak memory (each synthetic size runs in a fresh process so peaks are its own).
--vs-difflib times `policydiff compare` of the seed pair against difflib.HtmlDiff of the same files,
both as cold processes, alternating, and prints the ratio of the medians. --shapes runs the hostile
shapes of input (one long line, many tiny units, short lines) against a seed. --table prints the
size table with its targets: synthetic pairs 10 KB to 5 MB, the one-line document and documents of
tiny units at two sizes, each with wall and CPU time, peak memory and the growth per 10× of input;
--baseline DIR runs every row a second time with the code of another checkout, in the same run.
The code measured is this checkout's (its root goes first on the path of every child process).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# measure this checkout (or the one --code names), not whichever copy of policydiff is installed
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv[:-1] else ROOT
sys.path.insert(0, str(CODE))
SEEDS = ROOT / "seeds"
PAIR = (SEEDS / "000_22597a2fc5b61001.txt", SEEDS / "002_59720e67ef255997.txt")
SIZES = {"10K": 10_000, "100K": 100_000, "1M": 1_000_000, "5M": 5_000_000}


def synthetic_pair(target_bytes: int, seed: int = 7) -> tuple[str, str]:
    """Two documents of about ``target_bytes`` (UTF-8) each, made of seed sentences.

    Units are one or two sentences of the seeds' articles (about 100 bytes, so 1 MB holds some
    10,000 units), renumbered `1.` on the left and `（1）` on the right; on the right 5 % are
    deleted, 20 % reworded with a changed figure, 3 % followed by an inserted unit.
    """
    from policydiff.io import load_document
    from policydiff.lang.numerals import cn_numeral
    from policydiff.structure.parse import parse_structure

    rng = random.Random(seed)
    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = load_document(path)
        tree = parse_structure(doc.text)
        for unit in tree.units:
            if unit.depth >= 1:
                body = doc.text[unit.start : unit.own_end].strip()
                sentences.extend(
                    s.strip() + "。"
                    for s in body.split("。")[1:]
                    if len(s.strip()) > 12 and "\u4e00" <= s.strip()[0] <= "\u9fff"
                )
    left_lines = ["关于推动经济高质量发展的若干政策", "为推动高质量发展，制定以下政策。"]
    right_lines = list(left_lines)
    size = chapter = 0
    while size < target_bytes:
        chapter += 1
        heading = f"{cn_numeral(chapter)}、第{chapter}方面政策（由第{chapter}部门牵头实施）"
        left_lines.append(heading)
        right_lines.append(heading)
        right_number = 0
        for number in range(1, 21):  # numbering restarts in each chapter
            body = "".join(rng.sample(sentences, rng.choice((1, 1, 2))))
            left_lines.append(f"{number}.{body}")
            size += len(left_lines[-1].encode("utf-8")) + 1
            roll = rng.random()
            if roll < 0.05:
                continue  # deleted on the right
            if roll < 0.25:
                body = body.replace("支持", "扶持", 1).replace("1", "2", 1)
            right_number += 1
            right_lines.append(f"（{right_number}）{body}")
            if roll > 0.97:
                right_number += 1
                right_lines.append(f"（{right_number}）新增措施。{rng.choice(sentences)}")
    left_lines.append("本文件自发布之日起施行。")
    right_lines.append("本文件自发布之日起施行。")
    return "\n".join(left_lines), "\n".join(right_lines)


_DIFFLIB = (
    "import difflib, sys\n"
    "a = open(sys.argv[1], encoding='utf-8').read().splitlines()\n"
    "b = open(sys.argv[2], encoding='utf-8').read().splitlines()\n"
    "open(sys.argv[3], 'w', encoding='utf-8').write(difflib.HtmlDiff().make_file(a, b))\n"
)


def _user_env(code: Path | None = None) -> dict[str, str]:
    """The environment a user's command runs in: compiled modules cached (an installed package has
    them), whatever PYTHONDONTWRITEBYTECODE this shell sets; ``code``'s package first on the path."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(code or CODE)
    return env


def _timed(command: list[str], cpu: list[float] | None = None, code: Path | None = None) -> float:
    """Wall time of one run of ``command``; its CPU time (user + system) appended to ``cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=_user_env(code))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def vs_difflib(runs: int = 5, baseline: Path | None = None) -> float:
    """Median wall time of a cold `policydiff compare` over that of a cold difflib.HtmlDiff run; the
    CPU times too, which a loaded machine disturbs less than wall time. With ``baseline``, that
    checkout's command is timed in the same rounds (before/after in one run)."""
    import statistics
    import tempfile

    exe = Path(sys.executable).with_name("policydiff")
    codes: list[tuple[str, Path | None]] = [("policydiff compare --json", None)]
    if baseline is not None:
        codes.append((f"baseline ({baseline.name})", baseline.resolve()))
    walls: dict[str, list[float]] = {label: [] for label, _ in codes}
    cpus: dict[str, list[float]] = {label: [] for label, _ in codes}
    theirs = "difflib.HtmlDiff"
    walls[theirs], cpus[theirs] = [], []
    with tempfile.TemporaryDirectory() as folder:
        ours_cmd = [str(exe), "compare", str(PAIR[0]), str(PAIR[1]), "--json", f"{folder}/o.json"]
        theirs_cmd = [sys.executable, "-c", _DIFFLIB, str(PAIR[0]), str(PAIR[1]), f"{folder}/d.html"]
        for _label, code in codes:
            _timed(ours_cmd, code=code)  # untimed: compiles and caches modules, warms the disk cache
        _timed(theirs_cmd)
        for _ in range(runs):  # alternate, so all see the same machine load
            for label, code in codes:
                walls[label].append(_timed(ours_cmd, cpus[label], code))
            walls[theirs].append(_timed(theirs_cmd, cpus[theirs]))
    print(f"seed pair, cold processes, median of {runs}:")
    for label in walls:
        each = ", ".join(f"{t:.2f}" for t in walls[label])
        wall, cpu = statistics.median(walls[label]), statistics.median(cpus[label])
        print(f"  {label:<26} {wall:.3f} s  ({each}); CPU {cpu:.3f} s")
    ratio = 0.0
    for label, _code in codes:
        ratio_l = statistics.median(walls[label]) / statistics.median(walls[theirs])
        cpu_ratio = statistics.median(cpus[label]) / statistics.median(cpus[theirs])
        print(f"  {label}: ratio {ratio_l:.2f}× wall, {cpu_ratio:.2f}× CPU (target ≤ 0.6×)")
        ratio = ratio or ratio_l
    return ratio


# Runs in a cold child process: the command's steps one after the other, each timed by the CPU it
# takes (the segmenter is made ready on its own line instead of beside the imports, and the OpenCC
# converters, the regular expressions compiled and the word segmentation are counted where they
# happen, so the table shows what each costs wherever it falls).
_PARTS = r"""
import sys, time, json
cpu = time.process_time
t0 = cpu()
rows = [("interpreter and site", t0)]
compiled = [0.0]
import re._compiler as _c
_orig = _c.compile
def _compile(p, flags=0):
    s = cpu(); r = _orig(p, flags); compiled[0] += cpu() - s; return r
_c.compile = _compile
def step(name, since):
    now = cpu(); rows.append((name, now - since)); return now
import policydiff.cli as cli
from policydiff.compare.pipeline import compare_documents
from policydiff.render.jsonform import comparison_to_json
from policydiff.render.outputs import write_all
from policydiff.io import load_document
from policydiff.model import CompareOptions
t = cpu()
import_regex = compiled[0]
rows.append(("imports (CLI, pipeline, JSON writer, readers)", t - t0 - import_regex))
rows.append(("  regular expressions compiled at import", import_regex))
from policydiff.lang import words
import opencc
s = cpu(); words.ensure_ready(); t = step("segmenter dictionary (rjieba)", s)
a, b = load_document(sys.argv[1]), load_document(sys.argv[2]); t = step("reading both files", t)
built = [0.0]; _init = opencc.OpenCC.__init__
def timed_init(self, *args, **kwargs):
    s = cpu(); _init(self, *args, **kwargs); built[0] += cpu() - s
opencc.OpenCC.__init__ = timed_init
cut = [0.0]; _cut = words._cut
def timed_cut(text):
    s = cpu(); r = _cut(text); cut[0] += cpu() - s; return r
words._cut = timed_cut
before = compiled[0]
comparison = compare_documents(a, b, CompareOptions()); t2 = cpu()
rows.append(("comparison (everything below included)", t2 - t))
rows.append(("  OpenCC converters built", built[0]))
rows.append(("  word segmentation (rjieba cut)", cut[0]))
rows.append(("  regular expressions compiled on first use", compiled[0] - before))
text = cli._json_text(comparison_to_json(comparison))
write_all([(sys.argv[3], text)], (sys.argv[1], sys.argv[2]))
t = step("JSON rendered and written", t2)
rows.append(("total", t))
print(json.dumps(rows))
"""


def parts(runs: int = 5, baseline: Path | None = None) -> None:
    """CPU per part of a cold `compare --json` of the seed pair: the median of ``runs`` processes;
    with ``baseline``, that checkout's processes alternate with these (the same machine load)."""
    import statistics
    import tempfile

    codes = [CODE] + ([baseline.resolve()] if baseline is not None else [])
    tables: dict[Path, list[list[tuple[str, float]]]] = {code: [] for code in codes}
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-c", _PARTS, str(PAIR[0]), str(PAIR[1]), f"{folder}/o.json"]
        for k in range(runs + 1):
            for code in codes:
                env = _user_env(code)
                out = subprocess.run(command, check=True, capture_output=True, text=True, env=env, cwd=folder)
                if k:  # the first run compiles and caches modules
                    rows = json.loads(out.stdout.strip().splitlines()[-1])
                    tables[code].append([(str(name), float(cpu)) for name, cpu in rows])
    print(f"CPU per part of a cold compare --json of the seed pair (median of {runs} processes), ms:")
    print(f"  {'':<48} " + " ".join(f"{code.name:>10}" for code in codes))
    for i, (name, _) in enumerate(tables[CODE][0]):
        cells = " ".join(f"{statistics.median(t[i][1] for t in tables[code]) * 1000:10.1f}" for code in codes)
        print(f"  {name:<48} {cells}")


def shape_texts(shape: str) -> str:
    """A hostile shape of document built from seed 000's text."""
    base = (SEEDS / "000_22597a2fc5b61001.txt").read_text(encoding="utf-8")
    if shape == "one-line-2M":  # a PDF or web page extracted without line breaks
        flat = base.replace("\n", "")
        return (flat * (2_000_000 // len(flat) + 1))[:2_000_000]
    if shape.startswith("tiny-units-"):  # thousands of one-sentence articles (under the unit limit)
        count = {"tiny-units-5k": 5_000, "tiny-units-50k": 50_000}[shape]
        return "\n".join(f"{n}.第{n}项措施落实到位。" for n in range(1, count + 1))
    if shape == "short-lines-1M":  # one character per line
        flat = base.replace("\n", "")
        return "\n".join((flat * (500_000 // len(flat) + 1))[:500_000])
    raise ValueError(shape)


SHAPES = ("one-line-2M", "tiny-units-5k", "tiny-units-50k", "short-lines-1M")


def shape_child(shape: str, folder: Path) -> None:
    path = folder / f"{shape}.txt"
    path.write_text(shape_texts(shape), encoding="utf-8")
    result = run_in_process(SEEDS / "000_22597a2fc5b61001.txt", path)
    result["bytes"] = len(path.read_bytes())
    print(json.dumps(result))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_in_process(left: Path, right: Path) -> dict:
    from policydiff.compare.pipeline import compare_files
    from policydiff.lang.words import ensure_ready

    started = time.perf_counter()
    ensure_ready()
    jieba_s = time.perf_counter() - started
    started = time.perf_counter()
    cpu_started = time.process_time()
    comparison = compare_files(str(left), str(right))
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    s = comparison.summary
    return {
        "jieba_load_s": round(jieba_s, 3),
        "compare_s": round(total, 3),
        "cpu_s": round(cpu, 3),
        "pairs": s.pairs,
        "changed": s.changed,
        "added": s.added,
        "removed": s.removed,
        "peak_mb": round(peak_mb(), 1),
    }


def child(size_name: str, folder: Path) -> None:
    """Runs in a fresh process: make a synthetic pair, compare it, print one JSON line."""
    left_text, right_text = synthetic_pair(SIZES[size_name])
    left, right = folder / f"left-{size_name}.txt", folder / f"right-{size_name}.txt"
    left.write_text(left_text, encoding="utf-8")
    right.write_text(right_text, encoding="utf-8")
    result = run_in_process(left, right)
    result["bytes"] = len(left_text.encode("utf-8")) + len(right_text.encode("utf-8"))
    print(json.dumps(result))


TABLE_SIZES = ("10K", "100K", "1M", "5M")
# (seconds, MB) a row must stay under; None: no target
TARGETS: dict[str, tuple[float | None, float | None]] = {
    "1M": (5.0, 500.0),
    "5M": (25.0, None),
    "one-line-2M": (20.0, None),
}
MAX_GROWTH = 11.0  # time per 10× of input
# fresh processes per row, the fastest kept: a run is easily disturbed by other processes, and both
# ends of a growth ratio must be measured alike (the fastest of 3 against one run reads as growth)
REPEATS = 3


def _child_row(option: str, name: str, folder: str, code: Path | None) -> dict:
    """One row measured in a fresh process (with another checkout's code when ``code`` is given)."""
    command = [sys.executable, str(Path(__file__).resolve()), option, name, "--folder", folder]
    if code is not None:
        command += ["--code", str(code)]
    out = subprocess.run(command, capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    row: dict = json.loads(out.stdout.strip().splitlines()[-1])
    return row


def _growth(row: dict, previous: dict | None) -> str:
    """Time growth per 10× of input from the previous row of the same series (wall, then CPU)."""
    import math

    if previous is None or "error" in row or "error" in previous:
        return ""
    steps = math.log10(row["bytes"] / previous["bytes"])  # 1.0 for a 10× step
    wall = (row["compare_s"] / previous["compare_s"]) ** (1 / steps)
    cpu = (row["cpu_s"] / previous["cpu_s"]) ** (1 / steps)
    verdict = "ok" if min(wall, cpu) <= MAX_GROWTH else "OVER"
    return f"×{wall:.1f} (cpu ×{cpu:.1f}) per 10× {verdict}"


def _verdict(name: str, row: dict) -> str:
    """Each target of the row, met (ok) or not (OVER)."""
    seconds, megabytes = TARGETS.get(name, (None, None))
    if "error" in row:
        return ""
    checks = []
    if seconds is not None:
        checks.append(f"time {'ok' if row['compare_s'] < seconds else 'OVER'} (< {seconds:g} s)")
    if megabytes is not None:
        checks.append(f"memory {'ok' if row['peak_mb'] < megabytes else 'OVER'} (< {megabytes:g} MB)")
    return ", ".join(checks)


def table(baseline: Path | None) -> None:
    """The size table: synthetic pairs, the one-line document and tiny units, with targets."""
    import os
    import tempfile

    codes: list[tuple[str, Path | None]] = [("this", None)]
    if baseline is not None:
        codes.append(("baseline", baseline))
    rows = [("size", name) for name in TABLE_SIZES] + [
        ("shape", "one-line-2M"),
        ("shape", "tiny-units-5k"),
        ("shape", "tiny-units-50k"),
    ]
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        f"  {'input':<15} {'code':<8} {'bytes':>9} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'pairs':>6}"
        "  growth / target"
    )
    previous: dict[tuple[str, str], dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind, name in rows:
            series = "size" if kind == "size" else name.rsplit("-", 1)[0]
            for label, code in codes:  # alternate the checkouts, so both see the same load
                option = "--child" if kind == "size" else "--shape-child"
                runs = [_child_row(option, name, folder, code) for _ in range(REPEATS)]
                row = min(runs, key=lambda r: r.get("compare_s", float("inf")))
                if "error" in row:
                    print(f"  {name:<15} {label:<8} failed: {row['error']}")
                    previous.pop((series, label), None)
                    continue
                notes = "  ".join(
                    n for n in (_growth(row, previous.get((series, label))), _verdict(name, row)) if n
                )
                size = row["bytes"] // 2 if kind == "size" else row["bytes"]
                print(
                    f"  {name:<15} {label:<8} {size:>9} {row['compare_s']:>7.2f} {row['cpu_s']:>7.2f}"
                    f" {row['peak_mb']:>8.0f} {row['pairs']:>6}  {notes}"
                )
                previous[(series, label)] = row
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("bytes: of one side (synthetic pairs) or of the document compared with seed 000 (shapes)")
    print(f"every row: the fastest of {REPEATS} fresh runs; growth is ok when either")
    print(f"time grows at most ×{MAX_GROWTH:g} per 10× (CPU time is the less disturbed by other processes)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10K,100K,1M", help="comma-separated: 10K,100K,1M,5M")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--vs-difflib", action="store_true", help="only the cold-process ratio to difflib")
    parser.add_argument("--shapes", action="store_true", help="only the hostile shapes against a seed")
    parser.add_argument("--table", action="store_true", help="only the size table with its targets")
    parser.add_argument("--baseline", type=Path, help="with --table, --vs-difflib, --parts: time it too")
    parser.add_argument("--runs", type=int, default=5, help="with --vs-difflib/--parts: cold runs")
    parser.add_argument("--parts", action="store_true", help="only the CPU per part of a cold compare")
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("--shape-child", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, Path(args.folder))
        return 0
    if args.shape_child:
        shape_child(args.shape_child, Path(args.folder))
        return 0
    if args.table:
        table(args.baseline)
        return 0
    if args.vs_difflib or args.parts:
        if args.vs_difflib:
            vs_difflib(args.runs, args.baseline)
        if args.parts:
            parts(args.runs, args.baseline)
        return 0
    if args.shapes:
        import tempfile

        print("hostile shapes against seed 000 (fresh process each):")
        with tempfile.TemporaryDirectory() as folder:
            for shape in SHAPES:
                row = _child_row("--shape-child", shape, folder, None)
                if "error" in row:
                    print(f"  {shape:>15} refused or failed: {row['error']}")
                    continue
                print(
                    f"  {shape:>15} {row['compare_s']:>8.2f} s {row['peak_mb']:>8.0f} MB"
                    f" {row['pairs']:>7} pairs"
                )
        return 0

    print("seed pair 000 vs 002, in-process:")
    from policydiff.compare.pipeline import compare_files

    result = run_in_process(*PAIR)
    warm = []
    for _ in range(3):
        from policydiff.compare.prepare import clear_cache

        clear_cache()  # measure without the prepared-document cache
        started = time.perf_counter()
        compare_files(str(PAIR[0]), str(PAIR[1]))
        warm.append(time.perf_counter() - started)
    print(f"  segmenter start {result['jieba_load_s']:.3f} s (once per process)")
    print(
        f"  first comparison {result['compare_s']:.3f} s; warm runs {', '.join(f'{t:.3f}' for t in warm)} s"
    )
    print(
        f"  {result['pairs']} pairs: {result['changed']} changed, "
        f"{result['added']} added, {result['removed']} removed"
    )
    if not args.skip_cli:
        exe = Path(sys.executable).with_name("policydiff")
        started = time.perf_counter()
        subprocess.run(
            [str(exe), "compare", str(PAIR[0]), str(PAIR[1]), "--json", "/dev/null"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  as a command (policydiff compare … --json): {time.perf_counter() - started:.3f} s")

    import tempfile

    print("\nsynthetic pairs (fresh process each):")
    print(f"  {'size':>5} {'bytes/side':>11} {'time s':>8} {'peak MB':>8} {'pairs':>7}")
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for name in args.sizes.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--child", name, "--folder", folder],
                check=True,
                capture_output=True,
                text=True,
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            growth = f"  ×{row['compare_s'] / previous:.1f} time (per ×10 input)" if previous else ""
            print(
                f"  {name:>5} {row['bytes'] // 2:>11} {row['compare_s']:>8.2f} {row['peak_mb']:>8.0f} "
                f"{row['pairs']:>7}{growth}"
            )
            previous = row["compare_s"]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
