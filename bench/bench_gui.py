"""Desktop app timings: process start → window shown, and both files chosen → comparison on screen.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py   (or under xvfb-run)
The user picks files a moment after the window appears; the script waits WAIT_S (as a user
would) before choosing, so the start-up warm-up (core import, segmenter dictionary) counts as it
does in real use. Pass --no-wait to choose at once. After the sample pair it opens a synthetic 1 MB
pair (bench.py's generator) and reports chosen → on screen for it too (--no-large skips it).

"On screen" is when the window has painted the filled panes (a synchronous repaint after the
comparison is shown). For the 1 MB pair it also prints the comparison job's own time, what the
window adds on top of it, and when Qt has finished laying out the rest of both panes in the
background (the scroll bars exact).

--busy runs the whole measurement twice in fresh processes, first on an idle machine and then
while another process keeps one core busy (users' laptops are not idle), and prints both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one


def process_age() -> float:
    """Seconds since this process started (Linux /proc; elsewhere since this script started)."""
    try:
        ticks = int(open(f"/proc/{os.getpid()}/stat").read().rsplit(")", 1)[1].split()[19])
        uptime = float(open("/proc/uptime").read().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return time.perf_counter() - _T0


_T0 = time.perf_counter()
BURN = "import time\nend = time.monotonic() + 600\nwhile time.monotonic() < end:\n    pass\n"


def measure(argv: list[str]) -> dict[str, float]:
    """One run in this process: the window, three sample comparisons, then the 1 MB pair."""
    import tempfile

    from PySide6.QtCore import QSettings, QTimer

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from policydiff.gui.app import prepare_application, sample_pair, start_warm_up
    from policydiff.gui.context import AppContext
    from policydiff.gui.mainwindow import MainWindow
    from policydiff.gui.settings import Settings

    settings = Settings()
    app, _ = prepare_application(settings)
    context = AppContext(settings=settings)
    compare_times: list[tuple[int, float]] = []  # (characters compared, seconds) of every compare job
    compare = context.backend.compare

    def timed_compare(left, right, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        start = time.perf_counter()
        try:
            return compare(left, right, *args, **kwargs)
        finally:
            compare_times.append((len(left.text) + len(right.text), time.perf_counter() - start))

    context.backend.compare = timed_compare
    window = MainWindow(context)
    window.show()
    start_warm_up()
    wait_s = 0 if "--no-wait" in argv else 1.5
    large = "--no-large" not in argv
    results: dict[str, float] = {}
    runs: list[float] = []  # chosen → painted
    cpu: list[float] = []  # processor time of the whole process (every thread) over the same span
    cpu_at_chosen = [0.0]
    shows: list[float] = []  # comparison received → painted (UI thread)

    def shown_first() -> None:
        results["start_to_window_shown_s"] = process_age()
        QTimer.singleShot(int(wait_s * 1000), lambda: choose(*sample_pair()))

    def large_pair() -> tuple[str, str]:
        sys.path.insert(0, str(ROOT / "bench"))
        from bench import synthetic_pair

        folder = tempfile.mkdtemp()
        texts = synthetic_pair(1_000_000)
        paths = (os.path.join(folder, "large_left.txt"), os.path.join(folder, "large_right.txt"))
        for path, text in zip(paths, texts, strict=True):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        return paths

    def settled(started: float) -> None:
        lasts = [window.view(side).document().lastBlock().layout() for side in ("left", "right")]
        if all(last is not None and last.lineCount() > 0 for last in lasts):  # Qt lays out top down
            results["chosen_to_layout_settled_1MB_s"] = time.perf_counter() - started
            app.quit()
        else:
            QTimer.singleShot(5, lambda: settled(started))

    def choose(left: str, right: str) -> None:
        cpu_at_chosen[0] = time.process_time()
        window.open_pair(left, right)

    def displayed(_comparison: object) -> None:
        window.repaint()  # paint the filled panes now: "on screen" includes the paint
        painted = time.perf_counter()
        cpu.append(time.process_time() - cpu_at_chosen[0])
        runs.append(painted - window.timings["chosen"])
        shows.append(painted - window.timings["received"])
        if len(runs) < 3:
            pair = sample_pair()
            QTimer.singleShot(0, lambda: choose(*(reversed(pair) if len(runs) % 2 else pair)))
        elif len(runs) == 3 and large:
            paths = large_pair()
            QTimer.singleShot(0, lambda: choose(*paths))
        elif len(runs) == 4:
            chosen = window.timings["chosen"]
            QTimer.singleShot(0, lambda: settled(chosen))
        else:
            app.quit()

    window.comparisonShown.connect(displayed)
    QTimer.singleShot(0, shown_first)
    app.exec()
    results["chosen_to_on_screen_cold_s"] = runs[0]
    results["chosen_to_on_screen_warm_s"] = min(runs[1:3])
    results["cpu_chosen_to_on_screen_cold_s"] = cpu[0]  # unlike wall time, hardly moved by other load
    results["cpu_chosen_to_on_screen_warm_s"] = min(cpu[1:3])
    results["display_on_ui_thread_sample_s"] = min(shows[:3])
    if len(runs) > 3:
        results["chosen_to_on_screen_1MB_s"] = runs[3]
        results["cpu_chosen_to_on_screen_1MB_s"] = cpu[3]
        largest = max(size for size, _s in compare_times)
        jobs = [seconds for size, seconds in compare_times if size == largest]
        results["compare_job_1MB_s"] = jobs[-1]  # the one shown (an earlier one was superseded)
        results["window_adds_1MB_s"] = runs[3] - jobs[-1]
        results["display_on_ui_thread_1MB_s"] = shows[3]
    window.context.jobs.wait()
    if os.environ.get("BENCH_DEBUG"):
        print("compare jobs", compare_times, file=sys.stderr)
    return results


def busy(argv: list[str]) -> None:
    """Measure in a fresh process on an idle machine, then with one core kept busy; print both."""
    command = [sys.executable, os.path.abspath(__file__), *[a for a in argv if a != "--busy"]]
    tables: list[dict[str, str]] = []
    for loaded in (False, True):
        burner = subprocess.Popen([sys.executable, "-c", BURN]) if loaded else None
        try:
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        finally:
            if burner is not None:
                burner.kill()
                burner.wait()
        tables.append(dict(line.split("\t") for line in out.splitlines() if "\t" in line))
    print("measure\tidle\tone core busy")
    for key in tables[0]:
        print(f"{key}\t{tables[0][key]}\t{tables[1].get(key, '-')}")


if __name__ == "__main__":
    if "--busy" in sys.argv:
        busy(sys.argv[1:])
    else:
        for key, value in measure(sys.argv[1:]).items():
            print(f"{key}\t{value:.3f}")
