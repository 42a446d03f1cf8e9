"""An uncaught exception in the app reaches the log file and a dialog with its traceback."""

from __future__ import annotations

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
