"""Start the desktop app: QApplication, translations, a CJK font, the main window, and --smoke runs.

``run_app`` is what the command line calls. The window gets its settings and job runner through an
AppContext; the sample pair for --demo/--smoke is found next to the package in a checkout or under
``sys._MEIPASS/seeds`` in a PyInstaller bundle.
May import: PySide6, policydiff.gui.*, policydiff.model, the standard library.
"""

from __future__ import annotations

import logging
import os
import sys
import sysconfig
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from policydiff.gui import diagnostics
from policydiff.gui.context import AppContext
from policydiff.gui.i18n import install_translators, remove_translators, resolve_language
from policydiff.gui.jobs import JobRunner
from policydiff.gui.mainwindow import MainWindow
from policydiff.gui.settings import Settings, usable_store
from policydiff.gui.warmup import start_warm_up
from policydiff.model import CompareOptions

SAMPLE_PAIR = ("000_22597a2fc5b61001.txt", "002_59720e67ef255997.txt")
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)
SMOKE_TIMEOUT_MS = 120_000


def seeds_folder() -> Path:
    """Where the sample documents are: a PyInstaller bundle, a source checkout, or a wheel install
    (its data files, ``<prefix>/share/policydiff/seeds``, for the environment or the user scheme)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "seeds"
    checkout = Path(__file__).resolve().parent.parent.parent / "seeds"
    candidates = [checkout] + [
        Path(sysconfig.get_path("data", scheme)) / "share" / "policydiff" / "seeds"
        for scheme in (sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user"))
    ]
    return next((c for c in candidates if (c / SAMPLE_PAIR[0]).is_file()), checkout)


def sample_pair() -> tuple[str, str]:
    folder = seeds_folder()
    return str(folder / SAMPLE_PAIR[0]), str(folder / SAMPLE_PAIR[1])


def choose_cjk_font() -> str | None:
    """The first installed font of CJK_FONTS, or None (Qt then falls back on its own)."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FONTS if family in installed), None)


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("icon.svg", "icon.png"):
        path = Path(str(resources.files("policydiff.resources") / name))
        if path.is_file():
            icon.addFile(str(path))
    return icon


def prepare_application(settings: Settings) -> tuple[QApplication, list]:
    """Create (or reuse) the QApplication, install translations and the CJK font."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "policydiff"])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("policydiff")
    QCoreApplication.setApplicationName("policydiff")
    app.setDesktopFileName("policydiff")  # lets Wayland desktops match the window to its menu entry
    translators = install_translators(app, resolve_language(settings.language))
    family = choose_cjk_font()
    if family is not None:
        font = QFont(app.font())
        font.setFamilies([family, *[f for f in font.families() if f != family]])
        app.setFont(font)
    app.setWindowIcon(app_icon())
    return app, translators


def process_age() -> float | None:
    """Seconds since this process started, where the system tells (Linux); else None."""
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            return float(uptime.read().split()[0]) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _log_start_time() -> None:
    age = process_age()
    if age is not None:
        logging.getLogger("policydiff").info("window shown %.2f s after the process started", age)


def run_app(left: str | None, right: str | None, demo: bool = False, smoke: bool = False) -> int:
    """Run the desktop app; returns the exit code.

    Args:
        left: document to open on the left (with ``right``), or None.
        right: document to open on the right, or None.
        demo: open the bundled sample pair.
        smoke: compare the given (or sample) pair, show it and quit by itself: 0 when the
            comparison is on screen, 1 on a problem, 3 when it took longer than two minutes.

    Returns:
        The process exit code.
    """
    QCoreApplication.setOrganizationName("policydiff")
    QCoreApplication.setApplicationName("policydiff")
    logged = diagnostics.install()
    store, settings_problem = usable_store()
    settings = Settings(store)
    app, translators = prepare_application(settings)
    context = AppContext(settings=settings, jobs=JobRunner(), interactive=not smoke)
    window = MainWindow(context)
    windows = [window]  # a language switch puts a new window in the old one's place

    def replaced(new: MainWindow) -> None:
        windows.append(new)
        new.replaced.connect(replaced)

    window.replaced.connect(replaced)
    window.show()
    QTimer.singleShot(0, _log_start_time)  # the first turn of the event loop: the window is painted
    if settings_problem is not None:
        logging.getLogger("policydiff").warning(settings_problem)
        window.statusBar().showMessage(settings_problem)
    if not (left and right):  # after the first paint: the warm-up's imports hold the interpreter
        options = CompareOptions(settings.normalize, settings.show_normalization_diffs)
        QTimer.singleShot(0, lambda: start_warm_up(options))
    watchdog = QTimer(window)
    watchdog.setSingleShot(True)
    if (demo or smoke) and not (left and right):
        left, right = sample_pair()
    running = [True]  # an exit asked for after the loop ended would end the next event loop at once

    def finish(code: int) -> None:
        if running[0]:
            app.exit(code)

    if smoke:
        window.comparisonShown.connect(lambda _c: QTimer.singleShot(0, lambda: finish(0)))
        window.problem.connect(lambda _kind, _message: finish(1))
        watchdog.timeout.connect(lambda: finish(3))
        watchdog.start(SMOKE_TIMEOUT_MS)
    if left and right:
        window.open_pair(left, right)
    try:
        code = app.exec()
    finally:
        running[0] = False
        watchdog.stop()
        context.jobs.cancel()
        context.jobs.wait()
        current = windows[-1]
        current.close()
        current.deleteLater()
        QCoreApplication.processEvents()
        remove_translators(app, translators)
        logged.uninstall()
    return int(code)
