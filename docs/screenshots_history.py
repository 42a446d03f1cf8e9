"""Take the README's screenshots of the history (版本沿革) from a real run of 道路运输条例 2019/2022/2023.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots_history.py
(needs fonts-noto-cjk, chromium and ../shared/corpus/history). Writes docs/history.png (the page,
scrolled to the 2023 revision's articles with one step's word diff open) and docs/history-app.png
(the app's lineage table filtered to the units changed in 2023).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from policydiff.gui.app import prepare_application  # noqa: E402
from policydiff.gui.history_window import HistoryWindow  # noqa: E402
from policydiff.gui.settings import Settings  # noqa: E402
from policydiff.history.chain import build_history  # noqa: E402
from policydiff.history.html import render_history  # noqa: E402

HISTORY = ROOT.parent / "shared" / "corpus" / "history"
PATHS = [str(HISTORY / f"daolu-yunshu-{year}.md") for year in (2019, 2022, 2023)]
# open the 2023 step of 第六十三条 (its penalties rewritten into three items) once the page is loaded
CLICK = (
    "<script>var c=[...document.querySelectorAll('td[data-step]')].find(function(td){"
    "return td.textContent.indexOf('第六十三条')===0&&/-1$/.test(td.getAttribute('data-step'));});"
    "var w=document.querySelector('.wrap');w.scrollTop=c.closest('tr').offsetTop-90;"
    "c.click();</script></body>"
)


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def page_shot() -> None:
    page = render_history(build_history(PATHS)).replace("</body>", CLICK)
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "history.html"
        html.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1400,940",
                f"--screenshot={ROOT / 'docs' / 'history.png'}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print("wrote history.png")


def app_shot() -> None:
    settings = Settings()
    settings.language = "zh_CN"
    app, _translators = prepare_application(settings)
    window = HistoryWindow(lambda *args: None)
    window.resize(1300, 800)
    window.show()
    done: list[object] = []
    window.jobs.result.connect(lambda *args: done.append(args))
    window.run(PATHS)
    while not done:
        settle(100)
    window.filter.setCurrentIndex(window.filter.findData(2))
    settle()
    window.grab().save(str(ROOT / "docs" / "history-app.png"))
    print("wrote history-app.png")
    window.close()
    app.quit()


def main() -> int:
    page_shot()
    app_shot()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
