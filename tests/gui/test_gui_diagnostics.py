"""An uncaught exception in the app reaches the log file and a dialog with its traceback."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")


def _raise() -> None:
    raise ValueError("条款 3 cannot be aligned")


def test_an_uncaught_exception_is_logged_and_shown(
    qapp, tmp_path: Path, monkeypatch, no_modal_dialogs
) -> None:
    from policydiff.gui import diagnostics

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    shown: list[tuple[str, Path]] = []
    installed = diagnostics.install(show_error=lambda details, path: shown.append((details, path)))
    try:
        try:
            _raise()
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        installed.uninstall()
    log = tmp_path / "policydiff" / "policydiff.log"
    text = log.read_text(encoding="utf-8")
    assert "ERROR policydiff: unexpected error" in text
    assert "ValueError: 条款 3 cannot be aligned" in text and "in _raise" in text
    assert len(shown) == 1 and shown[0][1] == log and "in _raise" in shown[0][0]
    assert (
        sys.excepthook is not installed.excepthook and threading.excepthook is not installed.thread_excepthook
    )
    assert no_modal_dialogs == []


def test_the_error_dialog_has_the_traceback_and_the_log_path(qapp, tmp_path: Path) -> None:
    from policydiff.gui.diagnostics import error_box

    box = error_box("Traceback ...\nValueError: x", tmp_path / "policydiff.log")
    assert box.detailedText().endswith("ValueError: x")
    assert str(tmp_path / "policydiff.log") in box.informativeText()
    box.deleteLater()


@pytest.mark.parametrize("trap", ["fifo", "lock-folder"])
def test_a_settings_file_that_would_hang_the_start_gives_default_settings(tmp_path, trap):
    """A settings file that is a pipe (or a lock path that is a folder) never blocks the start."""
    import subprocess
    import sys

    config = tmp_path / "config" / "policydiff"
    config.mkdir(parents=True)
    if trap == "fifo":
        os.mkfifo(config / "policydiff.conf")
    else:
        (config / "policydiff.conf.lock").mkdir()
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "QCoreApplication.setOrganizationName('policydiff'); QCoreApplication.setApplicationName('policydiff')\n"
        "from policydiff.gui.settings import Settings, usable_store\n"
        "store, problem = usable_store()\n"
        "settings = Settings(store); settings.normalize = 'none'\n"
        "print(settings.normalize, problem)\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.startswith("none ") and "not a regular file" in done.stdout
