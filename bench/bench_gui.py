"""Desktop app timings: process start → window shown, and both files chosen → comparison displayed.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py   (or under xvfb-run)
The user picks files a moment after the window appears; the script waits WAIT_S (as a user
would) before choosing, so the start-up warm-up (core import, jieba dictionary) counts as it does
in real use. Pass --no-wait to choose at once. After the sample pair it opens a synthetic 1 MB pair
(bench.py's generator) and reports chosen → displayed for it too (--no-large skips it).
"""

import os
import sys
import time


def process_age() -> float:
    """Seconds since this process started (Linux /proc; elsewhere since this script started)."""
    try:
        ticks = int(open(f"/proc/{os.getpid()}/stat").read().rsplit(")", 1)[1].split()[19])
        uptime = float(open("/proc/uptime").read().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return time.perf_counter() - _T0


_T0 = time.perf_counter()
import tempfile  # noqa: E402

from PySide6.QtCore import QSettings, QTimer  # noqa: E402

QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from policydiff.gui.app import prepare_application, sample_pair, start_warm_up  # noqa: E402
from policydiff.gui.context import AppContext  # noqa: E402
from policydiff.gui.mainwindow import MainWindow  # noqa: E402
from policydiff.gui.settings import Settings  # noqa: E402

settings = Settings()
app, _ = prepare_application(settings)
window = MainWindow(AppContext(settings=settings))
window.show()
start_warm_up()
WAIT_S = 0 if "--no-wait" in sys.argv else 1.5
results: dict[str, float] = {}
runs: list[float] = []


def shown_first() -> None:
    results["start_to_window_shown_s"] = process_age()
    QTimer.singleShot(int(WAIT_S * 1000), lambda: window.open_pair(*sample_pair()))


LARGE = "--no-large" not in sys.argv


def large_pair() -> tuple[str, str]:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from bench import synthetic_pair

    folder = tempfile.mkdtemp()
    left_text, right_text = synthetic_pair(1_000_000)
    paths = (os.path.join(folder, "large_left.txt"), os.path.join(folder, "large_right.txt"))
    for path, text in zip(paths, (left_text, right_text), strict=True):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return paths


shows: list[float] = []  # comparison received → rows laid out, padded and painted (UI thread)


def displayed(_comparison) -> None:  # noqa: ANN001
    runs.append(window.timings["displayed"] - window.timings["chosen"])
    shows.append(window.timings["displayed"] - window.timings["received"])
    if len(runs) < 3:
        pair = sample_pair()
        QTimer.singleShot(0, lambda: window.open_pair(*(reversed(pair) if len(runs) % 2 else pair)))
    elif len(runs) == 3 and LARGE:
        pair = large_pair()
        QTimer.singleShot(0, lambda: window.open_pair(*pair))
    else:
        app.quit()


window.comparisonShown.connect(displayed)
QTimer.singleShot(0, shown_first)
app.exec()
results["chosen_to_displayed_cold_s"] = runs[0]
results["chosen_to_displayed_warm_s"] = min(runs[1:3])
if len(runs) > 3:
    results["chosen_to_displayed_1MB_s"] = runs[3]
    results["display_on_ui_thread_1MB_s"] = shows[3]
results["display_on_ui_thread_sample_s"] = min(shows[:3])
for key, value in results.items():
    print(f"{key}\t{value:.3f}")
window.context.jobs.wait()
