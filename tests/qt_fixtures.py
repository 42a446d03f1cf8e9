"""Fixtures shared by the desktop-window tests: no modal dialog may block, settings in a temp folder.

Qt is imported inside the fixtures, so collecting the pure tests never needs PySide6.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A dialog would wait for a click that never comes: record it and fail instead."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def settings(tmp_path: Path, qapp: Any) -> Any:
    """The app's settings object, stored in a temporary folder."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from policydiff.gui.settings import Settings

    QCoreApplication.setOrganizationName("policydiff")
    QCoreApplication.setApplicationName("policydiff")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings()


@pytest.fixture
def window(qtbot: Any, settings: Any) -> Any:
    """A shown main window of the default size; its background jobs are finished afterwards."""
    from PySide6.QtCore import QCoreApplication

    from policydiff.gui.context import AppContext
    from policydiff.gui.mainwindow import MainWindow

    context = AppContext(settings=settings)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    context.jobs.cancel()
    assert context.jobs.wait(30_000)
    QCoreApplication.processEvents()
