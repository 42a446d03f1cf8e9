"""Notice when an open document changes on disk and reload it (or ask first).

Editors write a file in several steps, so changes are collected and handled once the file has been
quiet for a moment. With automatic reload off the user is asked; while that question is open, new
changes are only collected (the modal dialog keeps the event loop running, and asking again from
inside it would stack dialogs), and one question follows once it is answered.
May import: PySide6, policydiff.gui.session, policydiff.lang.safetext.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from policydiff.gui.session import SIDES, Session
from policydiff.lang.safetext import isolate

RELOAD_DELAY_MS = 400


class ReloadWatcher(QObject):
    """Watches the session's open files; reloads a changed one, or asks ``window`` first."""

    def __init__(
        self, window: QWidget, session: Session, status: QStatusBar, interactive: bool = True
    ) -> None:
        super().__init__(window)
        self._window, self._session, self._status = window, session, status
        self._interactive = interactive
        self._settings = session.context.settings
        self._watcher = QFileSystemWatcher(self)
        self._changed: set[str] = set()
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._watcher.fileChanged.connect(self.file_changed)
        self._timer.timeout.connect(self._handle_changes)

    def files(self) -> list[str]:
        return self._watcher.files()

    def watch(self) -> None:
        """Watch the files now open (a replaced file drops out of the watcher: add it again)."""
        current = self._watcher.files()
        if current:
            self._watcher.removePaths(current)
        paths = [p for p in self._session.paths.values() if p and os.path.exists(p)]
        if paths:
            self._watcher.addPaths(paths)

    def pending(self) -> bool:
        """Changes are collected and not yet handled (reloaded or asked about)."""
        return bool(self._changed)

    def settling(self) -> bool:
        """A change is waiting for the file to be quiet before it is handled."""
        return self._timer.isActive()

    def file_changed(self, path: str) -> None:
        self._changed.add(path)
        self._timer.start()  # editors write in steps: wait for the file to settle

    def _handle_changes(self) -> None:
        if self._asking:
            return  # collected; handled once the open question is answered
        changed, self._changed = self._changed, set()
        for side in SIDES:
            path = self._session.paths[side]
            if path is None or path not in changed or not os.path.exists(path):
                continue
            name = isolate(os.path.basename(path))
            if self._settings.auto_reload:
                self._status.showMessage(self.tr("{name} changed on disk; reloaded.").format(name=name), 6000)
                self._session.reload(side)
            elif self._interactive and self._ask(name):
                self._changed.discard(path)  # the reload reads what is on disk now
                self._session.reload(side)
        self.watch()
        if self._changed:
            self._timer.start()

    def _ask(self, name: str) -> bool:
        self._asking = True
        try:
            answer = QMessageBox.question(
                self._window,
                self.tr("Document changed"),
                self.tr("{name} changed on disk. Reload it?").format(name=name),
            )
        finally:
            self._asking = False
        return answer == QMessageBox.StandardButton.Yes
