"""Take the README's screenshots of the window from real runs, so they stay true to the product.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py
(needs fonts-noto-cjk). Writes docs/app.png (the sample pair), docs/app-law.png (a law revision,
scrolled to its added and moved articles) and docs/app-rewrite.png (a rewrite shown as text).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from policydiff.gui.app import prepare_application  # noqa: E402
from policydiff.gui.context import AppContext  # noqa: E402
from policydiff.gui.mainwindow import MainWindow  # noqa: E402
from policydiff.gui.settings import Settings  # noqa: E402
from policydiff.present.projection import is_rewrite  # noqa: E402

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
