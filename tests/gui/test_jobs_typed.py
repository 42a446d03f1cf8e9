"""Background jobs are named by a typed key, and a worker's unexpected failure reaches the log file."""

from __future__ import annotations

import logging

from policydiff.gui.jobs import JobKey, JobKind


def test_job_keys_print_and_parse_back():
    for key in (JobKey(JobKind.LOAD, "left"), JobKey(JobKind.SAVE, "3"), JobKey(JobKind.COVERAGE_SAVE)):
        assert JobKey.parse(str(key)) == key
    assert str(JobKey(JobKind.LOAD, "right")) == "load-right"
    assert JobKey.parse("coverage-save") == JobKey(JobKind.COVERAGE_SAVE)  # not coverage + "save"
    assert JobKey.parse("a test's own kind") is None


def test_an_unexpected_worker_error_is_logged_with_its_traceback(qtbot, window, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    def broken(path: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("reader exploded")

    window.context.backend.load = broken
    document = tmp_path / "a.txt"
    document.write_text("一、总则", encoding="utf-8")
    with (
        caplog.at_level(logging.ERROR, logger="policydiff"),
        qtbot.waitSignal(window.session.failed, timeout=20_000),
    ):
        window.open_file("left", str(document))
    records = [r for r in caplog.records if "unexpected error in load-left" in r.getMessage()]
    assert records and records[0].exc_info is not None and "reader exploded" in str(records[0].exc_info[1])


def test_a_streaming_job_hands_its_partial_results_to_the_ui_thread_until_superseded(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A job's partial results arrive in order, in the UI thread; a superseded job's are dropped."""
    import threading

    from PySide6.QtCore import QThread

    from policydiff.gui.jobs import JobRunner, SyncJobRunner

    seen: list[tuple[str, object, bool]] = []
    ui = QThread.currentThread()

    def job(name: str, gate: threading.Event | None = None):  # type: ignore[no-untyped-def]
        def run(progress, cancelled, partial):  # type: ignore[no-untyped-def]
            partial(1)
            if gate is not None:
                gate.wait(10)
            partial(2)
            return name

        return run

    def record(name: str):  # type: ignore[no-untyped-def]
        return lambda value: seen.append((name, value, QThread.currentThread() is ui))

    inline = SyncJobRunner()
    results: list[str] = []
    inline.submit_streaming("load-left", job("inline"), record("inline"), results.append, print)
    assert seen == [("inline", 1, True), ("inline", 2, True)] and results == ["inline"]

    seen.clear()
    runner = JobRunner()
    gate = threading.Event()
    runner.submit_streaming("load-left", job("old", gate), record("old"), results.append, print)
    qtbot.waitUntil(lambda: ("old", 1, True) in seen, timeout=10_000)
    with qtbot.waitSignal(runner.result, timeout=10_000):
        runner.submit_streaming("load-left", job("new"), record("new"), results.append, print)
    gate.set()
    assert runner.wait(10_000)
    qtbot.wait(50)
    assert seen == [("old", 1, True), ("new", 1, True), ("new", 2, True)]  # the old job's 2 is dropped
    assert results == ["inline", "new"]
