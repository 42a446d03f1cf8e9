"""Fixtures shared by the desktop-window tests: no modal dialog may block, settings in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from policydiff.gui.settings import Settings


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):  # type: ignore[no-untyped-def]
    """A dialog would wait for a click that never comes: record it and fail instead."""
    shown: list[tuple[str, str]] = []

    def record(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def settings(tmp_path: Path, qapp) -> Settings:  # type: ignore[no-untyped-def]
    QCoreApplication.setOrganizationName("policydiff")
    QCoreApplication.setApplicationName("policydiff")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings()
