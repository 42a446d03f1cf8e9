"""Run loading, comparing and saving off the UI thread, so the window never freezes.

One helper for every background task: a job is a plain function ``fn(progress, cancelled)``; it runs
as a QRunnable on a QThreadPool and reports back through queued signals carrying the request number.
Whoever submits a job hands in typed callbacks for its result and its error.
A newer request of the same kind cancels the older one, and a result that arrives after a newer
request was made (or after ``discard``) is dropped: the one place stale answers are dropped. A job
submitted as not cancellable (a save: short, and a half-stopped save would leave the user unsure
whether the file was written) is left out of ``cancel()``. A job stops early by raising the core's
``policydiff.errors.Cancelled``. Every other exception ends in the error callback; nothing is swallowed.
A job may also stream partial results (``submit_streaming``: ``fn(progress, cancelled, partial)``):
each ``partial(value)`` reaches the job's own callback in the UI thread, dropped like any stale answer.
A synchronous runner with the same interface lets tests run a job inline when they need to.
May import: PySide6.QtCore, policydiff.errors and the standard library.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from policydiff.errors import Cancelled

T = TypeVar("T")
ProgressFn = Callable[[float], None]
CancelledFn = Callable[[], bool]
JobFn = Callable[[ProgressFn, CancelledFn], T]
PartialFn = Callable[[Any], None]
StreamingJobFn = Callable[[ProgressFn, CancelledFn, PartialFn], T]
ErrorFn = Callable[[BaseException], None]


class JobKind(StrEnum):
    """What a background job does; jobs of one kind (and detail) supersede each other."""

    LOAD = "load"  # detail: the side
    COMPARE = "compare"
    SAVE = "save"  # detail: the save's number (every save is its own job)
    COVERAGE = "coverage"
    COVERAGE_SAVE = "coverage-save"
    HISTORY = "history"
    HISTORY_SAVE = "history-save"
    HISTORY_PEEK = "history-peek"  # detail: the version's path (its title and date, read for the setup)
    FIND_INDEX = "find-index"


@dataclass(frozen=True)
class JobKey:
    """A job's kind and what it is for (a side, a number); its text is what the signals carry."""

    kind: JobKind
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value}-{self.detail}" if self.detail else self.kind.value

    @classmethod
    def parse(cls, text: str) -> JobKey | None:
        """The key a signal's text names ("load-left", "save-3"); None for a kind this app does not know."""
        for kind in sorted(JobKind, key=lambda k: -len(k.value)):  # "coverage-save" before "coverage"
            if text == kind.value:
                return cls(kind)
            if text.startswith(kind.value + "-"):
                return cls(kind, text[len(kind.value) + 1 :])
        return None


def log_unexpected(exc: BaseException, where: str) -> None:
    """A worker's unexpected failure goes to the log file with its traceback (a windowed bundle has
    no console), and to stderr as well when there is one."""
    logging.getLogger("policydiff").error("unexpected error in %s", where, exc_info=exc)


class _Relay(QObject):
    """Carries a job's news from the worker thread to the runner (queued, since it lives in the UI thread)."""

    progress = Signal(int, float)
    partial = Signal(int, object)
    result = Signal(int, object)
    error = Signal(int, object)
    cancelled = Signal(int)
    done = Signal(int)


class _Runnable(QRunnable):
    def __init__(self, job_id: int, fn: JobFn[Any], relay: _Relay, flag: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = job_id
        self._fn = fn
        self._relay = relay
        self._flag = flag

    def run(self) -> None:  # runs in a pool thread
        relay, job_id = self._relay, self._id
        try:
            value = self._fn(lambda f: relay.progress.emit(job_id, float(f)), self._flag.is_set)
            if self._flag.is_set():
                relay.cancelled.emit(job_id)
            else:
                relay.result.emit(job_id, value)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, never lost
            if isinstance(exc, Cancelled) or self._flag.is_set():  # whatever a stopped job raised
                relay.cancelled.emit(job_id)
            else:
                relay.error.emit(job_id, exc)
        finally:
            relay.done.emit(job_id)


class JobRunner(QObject):
    """Starts jobs on a thread pool and tells, through signals, what became of the current ones.

    Each job's own callbacks get its result or error; the signals carry ``(kind, value)`` for
    whoever watches every job (the status bar, tests). Neither hears from a superseded request.
    """

    started = Signal(str)
    progress = Signal(str, float)
    result = Signal(str, object)
    error = Signal(str, object)
    cancelled = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._kind_of: dict[int, str] = {}
        self._flags: dict[int, threading.Event] = {}
        self._uncancellable: set[int] = set()
        self._callbacks: dict[int, tuple[Callable[[Any], None], ErrorFn]] = {}
        self._partials: dict[int, PartialFn] = {}
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.partial.connect(self._on_partial)
        self._relay.result.connect(self._on_result)
        self._relay.error.connect(self._on_error)
        self._relay.cancelled.connect(self._on_cancelled)
        self._relay.done.connect(self._on_done)

    # -- public -------------------------------------------------------------------------------
    def submit(
        self,
        kind: str | JobKey,
        fn: JobFn[T],
        on_result: Callable[[T], None],
        on_error: ErrorFn,
        cancellable: bool = True,
    ) -> int:
        """Start ``fn`` in the background as the newest request of ``kind``; returns its number.

        Args:
            kind: what the job does ("compare", "load-left" …); a newer job of the same kind
                supersedes this one (cancels it and drops whatever it still sends).
            fn: the work, called as ``fn(progress, cancelled)`` in a pool thread.
            on_result: called in the UI thread with ``fn``'s value, if this is still the newest request.
            on_error: called in the UI thread with what ``fn`` raised (never a cancellation).
            cancellable: False leaves the job out of ``cancel()`` (saves).
        """
        job_id = self._register(str(kind), on_result, on_error, cancellable)
        self._start(_Runnable(job_id, fn, self._relay, self._flags[job_id]))
        return job_id

    def submit_streaming(
        self,
        kind: str | JobKey,
        fn: StreamingJobFn[T],
        on_partial: PartialFn,
        on_result: Callable[[T], None],
        on_error: ErrorFn,
    ) -> int:
        """Like ``submit``, for a job that shows what it has before it is done (a scan read page by page).

        ``fn`` is called as ``fn(progress, cancelled, partial)``; every ``partial(value)`` it makes is
        handed to ``on_partial`` in the UI thread while this is the newest request of ``kind``.
        """
        job_id = self._register(str(kind), on_result, on_error, True)
        self._partials[job_id] = on_partial
        relay = self._relay

        def run(progress: ProgressFn, cancelled: CancelledFn) -> T:
            return fn(progress, cancelled, lambda value: relay.partial.emit(job_id, value))

        self._start(_Runnable(job_id, run, relay, self._flags[job_id]))
        return job_id

    def _start(self, runnable: _Runnable) -> None:
        self._pool.start(runnable)

    def _register(
        self, kind: str, on_result: Callable[[T], None], on_error: ErrorFn, cancellable: bool
    ) -> int:
        previous = self._latest.get(kind)
        if previous is not None and previous in self._flags:
            self._flags[previous].set()
        job_id = next(self._ids)
        was_busy = self.busy
        self._latest[kind] = job_id
        self._kind_of[job_id] = kind
        self._flags[job_id] = threading.Event()
        self._callbacks[job_id] = (on_result, on_error)
        if not cancellable:
            self._uncancellable.add(job_id)
        self.started.emit(kind)
        if not was_busy:
            self.busyChanged.emit(True)
        return job_id

    def discard(self, kind: str) -> None:
        """Cancel the newest job of ``kind`` and drop whatever it still sends (its answer is moot)."""
        job_id = self._latest.pop(kind, None)
        if job_id is None:
            return
        if job_id in self._flags:
            self._flags[job_id].set()
        if not self.busy:
            self.busyChanged.emit(False)

    def cancel(self, kind: str | JobKey | None = None) -> None:
        """Ask the running job of ``kind`` (or every cancellable running job) to stop."""
        kind = None if kind is None else str(kind)
        for job_id, flag in list(self._flags.items()):
            if job_id in self._uncancellable:
                continue
            if kind is None or self._kind_of.get(job_id) == kind:
                flag.set()

    @property
    def busy(self) -> bool:
        return any(self._is_current(job_id) for job_id in self._flags)

    def running(self, kind: str) -> bool:
        job_id = self._latest.get(kind)
        return job_id is not None and job_id in self._flags

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every started job has finished (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    # -- relay slots (UI thread) --------------------------------------------------------------
    def _is_current(self, job_id: int) -> bool:
        kind = self._kind_of.get(job_id)
        return kind is not None and self._latest.get(kind) == job_id

    def _on_progress(self, job_id: int, fraction: float) -> None:
        if self._is_current(job_id):
            self.progress.emit(self._kind_of[job_id], fraction)

    def _on_partial(self, job_id: int, value: object) -> None:
        if self._is_current(job_id) and job_id in self._partials:
            self._partials[job_id](value)

    def _on_result(self, job_id: int, value: object) -> None:
        if self._is_current(job_id):
            self._callbacks[job_id][0](value)
            self.result.emit(self._kind_of[job_id], value)

    def _on_error(self, job_id: int, exc: BaseException) -> None:
        if self._is_current(job_id):
            self._callbacks[job_id][1](exc)
            self.error.emit(self._kind_of[job_id], exc)

    def _on_cancelled(self, job_id: int) -> None:
        if self._is_current(job_id):
            self.cancelled.emit(self._kind_of[job_id])

    def _on_done(self, job_id: int) -> None:
        self._flags.pop(job_id, None)
        self._uncancellable.discard(job_id)
        self._callbacks.pop(job_id, None)
        self._partials.pop(job_id, None)
        kind = self._kind_of.pop(job_id, None)
        if kind is not None and self._latest.get(kind) == job_id:
            del self._latest[kind]
        if not self.busy:
            self.busyChanged.emit(False)


class SyncJobRunner(JobRunner):
    """Runs each job at once in the calling thread; same signals. For tests and scripted use."""

    def _start(self, runnable: _Runnable) -> None:
        runnable.run()

    def wait(self, msecs: int = 30000) -> bool:
        return True
