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
