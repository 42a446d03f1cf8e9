"""Take the README's screenshots of the window from real runs, so they stay true to the product.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py
(needs fonts-noto-cjk; chromium for the report). Writes docs/app.png (the sample pair: its script
read per side, the news page's furniture dimmed as not compared), docs/app-law.png (a law revision,
scrolled to its added and moved articles), docs/app-rewrite.png (a rewrite: its badge, new text
marked, shared phrases dotted), docs/report.png (the report of the sample pair at a rewrite),
docs/open-dialog.png and docs/save-dialog.png (File → Open and Save As, in Chinese: Qt's own
labels translated, every format listed, the save types) and docs/coverage.png (the matrix window:
titles as column headers with their counts, the legend).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collections.abc import Callable  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from policydiff.coverage.matrix import build_coverage  # noqa: E402
from policydiff.gui.app import prepare_application  # noqa: E402
from policydiff.gui.context import AppContext  # noqa: E402
from policydiff.gui.mainwindow import MainWindow  # noqa: E402
from policydiff.gui.settings import Settings  # noqa: E402
from policydiff.model import Side  # noqa: E402
from policydiff.present.projection import is_rewrite  # noqa: E402
from policydiff.render.html import render_report  # noqa: E402

SEEDS = ROOT / "seeds"
LAWS = ROOT.parent / "shared" / "corpus" / "laws"
SIZE = (1500, 940)


def settle(ms: int = 400) -> None:
    """Let Qt lay out and paint (the background layout included)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def open_pair(window: MainWindow, left: Path, right: Path):  # type: ignore[no-untyped-def]
    shown = []
    window.comparisonShown.connect(shown.append)
    window.open_pair(str(left), str(right))
    while not shown:
        settle(100)
    window.comparisonShown.disconnect()
    settle()
    return shown[0]


def shoot(window: MainWindow, name: str) -> None:
    settle()
    window.grab().save(str(ROOT / "docs" / name))
    print("wrote", name)


def dialog_shot(open_dialog: Callable[[], object], name: str) -> None:
    """Open a modal dialog, photograph it once it is shown, and cancel it."""

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, grab)
            return
        dialog.resize(900, 520)
        settle()
        dialog.grab().save(str(ROOT / "docs" / name))
        print("wrote", name)
        dialog.close()

    QTimer.singleShot(300, grab)
    open_dialog()


def coverage_shot(window: MainWindow) -> None:
    """docs/coverage.png: the sample parent against three of its implementations."""
    children = [str(sorted(SEEDS.glob(f"{n}_*.txt"))[0]) for n in ("002", "001", "003")]
    coverage = build_coverage(str(sorted(SEEDS.glob("000_*.txt"))[0]), children)
    matrix = window.show_coverage_window(coverage)
    matrix.resize(*SIZE)
    shoot_widget(matrix, "coverage.png")
    matrix.close()


def shoot_widget(widget: QWidget, name: str) -> None:
    settle()
    widget.grab().save(str(ROOT / "docs" / name))
    print("wrote", name)


def report_shot(comparison, pair_index: int) -> None:  # type: ignore[no-untyped-def]
    """docs/report.png: the sample pair's report, its header and then the rewrite at ``pair_index``."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium: docs/report.png not retaken")
        return
    html = render_report(comparison)
    rows = ", ".join(f"#pair-{n}" for n in (pair_index, pair_index + 1, pair_index + 2))
    only = (  # the rewrite between its neighbours, under the table's header
        "<style>#top > :not(h1):not(.legend), #toc, #figures { display: none; } "
        f"table.compare tr.pair {{ display: none; }} {rows} {{ display: table-row; }}</style></head>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, page_html in (
            ("report.png", html),
            ("report-rewrite.png", html.replace("</head>", only)),
        ):
            page = Path(tmp) / name.replace(".png", ".html")
            page.write_text(page_html, encoding="utf-8")
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--hide-scrollbars",
                    "--window-size=1400,1000",
                    "--virtual-time-budget=3000",
                    f"--screenshot={ROOT / 'docs' / name}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            print("wrote", name)


def main() -> int:
    settings = Settings()
    settings.language = "zh_CN"
    app, _translators = prepare_application(settings)
    window = MainWindow(AppContext(settings=settings))
    window.resize(*SIZE)
    window.show()
    window.actions_.legend.setChecked(True)
    settle()
    sample = sorted(SEEDS.glob("000_*.txt"))[0], sorted(SEEDS.glob("002_*.txt"))[0]
    comparison = open_pair(window, *sample)
    shoot(window, "app.png")
    rewrite = next(i for i, p in enumerate(comparison.pairs) if is_rewrite(p) and p.level.value == "article")
    window.go_to_pair(rewrite)
    shoot(window, "app-rewrite.png")
    report_shot(comparison, rewrite)
    settings.last_folder = str(SEEDS)
    dialog_shot(lambda: window.files.choose_file(Side.LEFT), "open-dialog.png")
    dialog_shot(lambda: window.files.save(None), "save-dialog.png")
    coverage_shot(window)
    if LAWS.exists():
        law = open_pair(window, LAWS / "tufa-2007.md", LAWS / "tufa-2024.md")
        added = next(i for i, p in enumerate(law.pairs) if p.left is None and p.level.value == "article")
        window.go_to_pair(added)
        shoot(window, "app-law.png")
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
