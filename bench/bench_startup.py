"""Cold start of the desktop app: process start → main window shown, as a user launches it.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 7] [--code DIR]
       [--modules] [--profile]
Each run is a fresh `python -m policydiff` (no files: the empty window) in a throw-away home, so
settings and logs start empty; it exits on the first turn of the event loop after the window is
shown (where the app logs its start time). Prints the median wall and CPU time of the runs, each
run's numbers, and with --modules how many modules (policydiff's and others) were imported by then
and the policydiff modules among them; --profile prints the slowest imports (-X importtime).
--code DIR measures another checkout's code (its root first on the path), for a before/after in one
run: pass it twice, e.g. --code /path/to/old --code . (alternating runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the launched process: the app's own entry point, with the hook where the app logs
# "window shown" replaced by one that prints the process's age and CPU time and quits.
_CHILD = r"""
import os, sys, time
from policydiff.cli import main
import policydiff.gui.app as app

def shown():
    from PySide6.QtCore import QCoreApplication
    age = app.process_age()
    cpu = time.process_time()
    mods = [m for m in sys.modules]
    ours = sorted(m for m in mods if m.startswith("policydiff"))
    print(f"RESULT {age:.4f} {cpu:.4f} {len(mods)} {len(ours)} {' '.join(ours)}", flush=True)
    QCoreApplication.exit(0)

app._log_start_time = shown
sys.exit(main([]))
"""


def _env(code: Path, home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPATH=str(code),
        HOME=home,
        XDG_CONFIG_HOME=os.path.join(home, ".config"),
        XDG_DATA_HOME=os.path.join(home, ".local", "share"),
        XDG_CACHE_HOME=os.path.join(home, ".cache"),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        LANG=env.get("LANG", "C.UTF-8"),
    )
    return env


def launch(code: Path, extra: list[str] | None = None) -> tuple[float, float, int, int, list[str], str]:
    """One cold launch: (seconds to window shown, CPU seconds by then, modules, policydiff modules,
    their names, standard error)."""
    with tempfile.TemporaryDirectory() as home:
        done = subprocess.run(
            [sys.executable, *(extra or []), "-c", _CHILD],
            env=_env(code, home),
            cwd=home,  # not the checkout: `-c` puts the working folder first on the path
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"the app did not show its window (exit {done.returncode}):\n{done.stderr[-2000:]}")
    parts = line.split(" ", 5)
    names = parts[5].split() if len(parts) > 5 else []
    return float(parts[1]), float(parts[2]), int(parts[3]), int(parts[4]), names, done.stderr


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--code", action="append", type=Path, help="checkout(s) to measure (default: here)")
    parser.add_argument("--modules", action="store_true", help="list the policydiff modules imported by then")
    parser.add_argument("--profile", action="store_true", help="the slowest imports before the window shows")
    args = parser.parse_args()
    codes = [c.resolve() for c in (args.code or [ROOT])]
    for code in codes:
        launch(code)  # untimed: compiles and caches modules, warms the disk cache
    walls: dict[Path, list[float]] = {c: [] for c in codes}
    cpus: dict[Path, list[float]] = {c: [] for c in codes}
    last: dict[Path, tuple[int, int, list[str]]] = {}
    for _ in range(args.runs):
        for code in codes:  # alternate, so every checkout sees the same machine load
            wall, cpu, modules, ours, names, _err = launch(code)
            walls[code].append(wall)
            cpus[code].append(cpu)
            last[code] = (modules, ours, names)
    print(f"process start → main window shown (offscreen), median of {args.runs} cold launches:")
    for code in codes:
        each = ", ".join(f"{t:.2f}" for t in walls[code])
        modules, ours, names = last[code]
        print(
            f"  {str(code):<28} {statistics.median(walls[code]):.3f} s ({each}); "
            f"CPU {statistics.median(cpus[code]):.3f} s; {modules} modules, {ours} of policydiff"
        )
        if args.modules:
            print("    " + " ".join(names))
    if args.profile:
        for code in codes:
            *_rest, err = launch(code, ["-X", "importtime"])
            rows = []
            for row in err.splitlines():
                if row.startswith("import time:") and "|" in row:
                    self_us, _cumulative, name = row.split(":", 1)[1].split("|")[:3]
                    if self_us.strip().isdigit():
                        rows.append((int(self_us), name.rstrip()))
            print(f"  slowest imports (self time) before the window, {code}:")
            for micros, name in sorted(rows, reverse=True)[:25]:
                print(f"    {micros / 1000:7.1f} ms {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
