"""Keep a record of what went wrong: a rotated log file, excepthooks, faulthandler, an error dialog.

A windowed bundle has no console, so without this a traceback is lost. ``install()`` logs to
``policydiff.log`` in the user's state folder, routes uncaught exceptions (main and other threads)
into it and shows a dialog with the traceback and the log's path. ``POLICYDIFF_DEBUG=1`` logs at
DEBUG level and also prints tracebacks on stderr.
May import: PySide6, the standard library, policydiff.errors.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from policydiff.errors import OutputError


@dataclass(frozen=True)
class LogLimits:
    """How much log the app keeps: one file of at most ``max_bytes`` plus ``backups`` old ones."""

    max_bytes: int = 1_000_000
    backups: int = 2


LOG_NAME = "policydiff.log"
ShowError = Callable[[str, Path], None]


def debug_enabled() -> bool:
    return os.environ.get("POLICYDIFF_DEBUG", "") not in ("", "0")


def state_folder() -> Path:
    """XDG_STATE_HOME/policydiff on Linux (default ~/.local/state), else Qt's AppLocalDataLocation."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
        return Path(base) / "policydiff"
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))


def error_box(details: str, log_path: Path) -> QMessageBox:
    """The dialog of an unexpected error: a short text, the log's path, the traceback as details."""
    title = QCoreApplication.translate("Diagnostics", "Unexpected error")
    box = QMessageBox(QMessageBox.Icon.Critical, title, "")
    box.setText(
        QCoreApplication.translate(
            "Diagnostics", "Something went wrong inside policydiff. Your documents were not changed."
        )
    )
    where = QCoreApplication.translate("Diagnostics", "Details are in the log file: {0}")
    box.setInformativeText(where.format(log_path))
    box.setDetailedText(details)
    return box


def show_error_dialog(details: str, log_path: Path) -> None:
    error_box(details, log_path).exec()


class _Handler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose current stream also receives faulthandler's dumps."""

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        super().doRollover()
        if self.stream is not None:
            faulthandler.enable(self.stream)


@dataclass
class Diagnostics:
    """What ``install()`` changed, so ``uninstall()`` can put it back."""

    log_path: Path
    handler: logging.Handler
    show_error: ShowError
    previous: tuple = field(default=())

    def excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        logging.getLogger("policydiff").error("unexpected error\n%s", details.rstrip())
        self.handler.flush()
        if debug_enabled():
            sys.stderr.write(details)
        if QApplication.instance() is not None:
            self.show_error(details, self.log_path)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self.previous
        faulthandler.disable()
        root = logging.getLogger()
        root.removeHandler(self.handler)
        self.handler.close()


def _open_log(limits: LogLimits) -> tuple[Path, _Handler]:
    """The log in the state folder; where that cannot be written (a read-only or missing home),
    in a folder of the temporary directory, said in one line on standard error."""
    import tempfile

    folder = state_folder()
    fallback = Path(tempfile.gettempdir()) / f"policydiff-{getattr(os, 'getuid', lambda: 'user')()}"
    problem = ""
    for where in (folder, fallback):
        try:
            where.mkdir(parents=True, exist_ok=True)
            path = where / LOG_NAME
            handler = _Handler(path, maxBytes=limits.max_bytes, backupCount=limits.backups, encoding="utf-8")
        except OSError as exc:
            problem = problem or f"{where} ({exc.strerror or exc})"
            continue
        if problem:
            _say(f"policydiff: cannot keep the log in {problem}; it is kept in {path}")
        return path, handler
    raise OutputError(f"cannot keep a log in {problem} nor in {fallback}; make one of them writable")


def _say(line: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
    except (OSError, ValueError):
        pass


def install(limits: LogLimits = LogLimits(), show_error: ShowError | None = None) -> Diagnostics:
    """Start the log file and the hooks; returns them (call ``uninstall()`` on the way out)."""
    path, handler = _open_log(limits)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug_enabled() else logging.INFO)
    if handler.stream is not None:
        faulthandler.enable(handler.stream)
    diagnostics = Diagnostics(
        path, handler, show_error or show_error_dialog, (sys.excepthook, threading.excepthook)
    )
    sys.excepthook = diagnostics.excepthook
    threading.excepthook = diagnostics.thread_excepthook
    logging.getLogger("policydiff").info("started, pid %d, debug %s", os.getpid(), debug_enabled())
    return diagnostics
