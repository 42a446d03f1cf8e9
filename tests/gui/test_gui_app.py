"""Start-up, language, background jobs and the Qt-free paint plan of the desktop app."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer

from policydiff.gui.app import run_app, sample_pair
from policydiff.gui.context import AppContext, Backend
from policydiff.gui.i18n import catalogue_path, install_translators, remove_translators, resolve_language
from policydiff.gui.jobs import JobRunner
from policydiff.gui.mainwindow import MainWindow
from policydiff.gui.panes import TextMap
from policydiff.gui.settings import Settings

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    jobs = JobRunner()
    yield jobs
    jobs.cancel()
    assert jobs.wait(10_000)
    QCoreApplication.processEvents()


# -- start-up ----------------------------------------------------------------------------------
def test_smoke_run_compares_the_sample_pair_and_exits_0(settings) -> None:  # type: ignore[no-untyped-def]
    assert all(Path(p).is_file() for p in sample_pair())
    assert run_app(None, None, smoke=True) == 0


def test_warm_up_compares_the_built_in_pair_off_the_ui_thread_then_warms_the_fonts(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from policydiff.compare.pipeline import compare_documents
    from policydiff.gui import warmup
    from policydiff.gui.panes import mark_formats
    from policydiff.model import CompareOptions, LoadedDocument, Status

    texts = [LoadedDocument(f"{n}.txt", "txt", "utf-8", t) for n, t in enumerate(warmup.WARM_PAIR)]
    comparison = compare_documents(*texts, CompareOptions())
    statuses = {p.status for p in comparison.pairs}
    assert Status.CHANGED in statuses and comparison.summary.figures_changed  # every stage runs
    painted: list[str] = []
    real = warmup.warm_up_look

    def counting(font, look):  # type: ignore[no-untyped-def]
        painted.append(threading.current_thread().name)
        real(font, look)

    warmup.warm_up_look = counting
    try:
        thread = warmup.start_warm_up(CompareOptions(normalize="tw2sp"))
        thread.join(30)
        assert not thread.is_alive()
        looks = len(mark_formats()) + 1  # plain text and each mark's look
        qtbot.waitUntil(lambda: len(painted) == looks, timeout=5000)
    finally:
        warmup.warm_up_look = real
    assert set(painted) == {threading.main_thread().name}


def test_smoke_run_fails_on_a_bad_file(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run_app(str(empty), str(empty), smoke=True) == 1


def test_settings_round_trip(settings) -> None:  # type: ignore[no-untyped-def]
    settings.normalize = "hk2s"
    settings.language = "en"
    settings.add_recent("/a.txt")
    settings.add_recent("/b.txt")
    settings.add_recent("/a.txt")
    settings.sync()
    again = Settings()
    assert (again.normalize, again.language, again.recent_files) == ("hk2s", "en", ["/a.txt", "/b.txt"])
    again.clear_recent()
    assert Settings().recent_files == []


# -- language ----------------------------------------------------------------------------------
def test_language_follows_the_system_locale_unless_chosen() -> None:
    chinese = QLocale("zh_CN")
    english = QLocale("en_US")
    assert resolve_language("system", chinese) == "zh_CN"
    assert resolve_language("system", english) == "en"
    assert resolve_language("en", chinese) == "en"
    assert resolve_language("zh_CN", english) == "zh_CN"
    assert catalogue_path("zh_CN") is not None


def test_with_chinese_the_menus_are_chinese(qtbot, qapp, settings) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "zh_CN")
    try:
        win = MainWindow(AppContext(settings=settings))
        qtbot.addWidget(win)
        titles = [action.text() for action in win.menuBar().actions()]
        assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "比对(&C)", "帮助(&H)"]
        assert win.outline.model.headerData(0, Qt.Orientation.Horizontal) == "左侧"
        assert win.actions_.next_diff.text() == "下一处差异(&N)"
    finally:
        remove_translators(qapp, translators)
    english = MainWindow(AppContext(settings=settings))
    qtbot.addWidget(english)
    assert english.menuBar().actions()[0].text() == "&File"


def test_error_dialog_text_of_the_app_itself_is_translated(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from policydiff.errors import PolicydiffError
    from policydiff.gui.session import describe_error

    translators = install_translators(qapp, "zh_CN")
    try:
        assert describe_error(MemoryError()) == ("内存不足；请尝试较小的文件。", "")
        assert describe_error(KeyError("x"))[0].startswith("意外问题（KeyError）")
        missing = str(tmp_path / "missing.txt")
        assert describe_error(FileNotFoundError(2, "No such file", missing))[0].startswith(missing + "：")
        assert describe_error(PolicydiffError("core message")) == ("core message", "")  # the core's own words
    finally:
        remove_translators(qapp, translators)


def test_every_load_refusal_is_worded_in_chinese_with_the_english_in_the_details(qapp) -> None:  # type: ignore[no-untyped-def]
    from policydiff.errors import LoadError, LoadReason
    from policydiff.gui.problems import describe_error, load_error_text

    def refusal(reason: LoadReason, part: str = "") -> LoadError:
        return LoadError(f"english for {reason}", reason, path="/data/规划.docx", part=part, limit="64 MB")

    english = {reason: load_error_text(refusal(reason)) for reason in LoadReason}
    translators = install_translators(qapp, "zh_CN")
    try:
        for reason in LoadReason:
            text = load_error_text(refusal(reason))
            assert text != english[reason] and "规划.docx" in text and "/data" not in text, reason
            assert any("\u4e00" <= c <= "\u9fff" for c in text.replace("规划", "")), (reason, text)
            assert "{" not in text and "\n" not in text, (reason, text)
        assert "64 MB" in load_error_text(refusal(LoadReason.TOO_LARGE))
        assert "word/document.xml" in load_error_text(refusal(LoadReason.DAMAGED, "word/document.xml"))
        message, details = describe_error(refusal(LoadReason.EMPTY))
        assert message == "规划.docx 是空文件；请选择有文字内容的文件。"
        assert details == "english for empty"
    finally:
        remove_translators(qapp, translators)


def test_a_load_error_dialog_speaks_chinese_in_the_chinese_ui(qtbot, qapp, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "文件夹"
    folder.mkdir()
    translators = install_translators(qapp, "zh_CN")
    try:
        win = MainWindow(AppContext(settings=settings))
        qtbot.addWidget(win)
        win.show()
        for path, chinese, english in (
            (
                empty,
                "空白.txt 是空文件；请选择有文字内容的文件。",
                "空白.txt is empty; choose a file with text in it",
            ),
            (folder, "文件夹 是文件夹而不是文件；请选择其中的文件。", "文件夹 is a folder, not a document"),
        ):
            with qtbot.waitSignal(win.problem, timeout=10_000):
                win.open_file("left", str(path))
            box = win.problem_box
            assert box is not None and box.isVisible()
            assert box.windowTitle() == "无法打开左侧文件"
            assert box.text() == chinese
            assert box.detailedText().startswith(english)  # the core's own words, for a report
            box.close()
    finally:
        remove_translators(qapp, translators)


def test_language_menu_remembers_the_choice(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext(settings=settings))
    qtbot.addWidget(win)
    assert win.actions_.language["system"].isChecked()
    with qtbot.waitSignal(win.replaced, timeout=5000) as blocker:
        win.actions_.language["zh_CN"].trigger()
    assert Settings().language == "zh_CN"
    new = blocker.args[0]
    qtbot.addWidget(new)
    try:  # applied at once: the new window speaks Chinese, without a restart
        assert (
            new.actions_.menus["file"].title() == "文件(&F)" or "文件" in new.actions_.menus["file"].title()
        )
        assert new.actions_.language["zh_CN"].isChecked()
    finally:
        from policydiff.gui.i18n import switch_language

        switch_language(QCoreApplication.instance(), "en")


# -- background jobs ---------------------------------------------------------------------------
def settle(runner: JobRunner) -> None:
    """Every job has ended and all it sent has been delivered: nothing more can arrive."""
    assert runner.wait(5000)
    QCoreApplication.processEvents()  # the queued signals a finished job posted


def test_a_late_result_is_dropped(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    results: list[str] = []
    release = threading.Event()

    def slow(progress, cancelled):  # type: ignore[no-untyped-def]
        release.wait(5)
        return "old"

    runner.submit("compare", slow, results.append, pytest.fail)
    with qtbot.waitSignal(runner.result, timeout=5000) as blocker:
        runner.submit("compare", lambda progress, cancelled: "new", results.append, pytest.fail)
    assert blocker.args == ["compare", "new"] and results == ["new"]
    with qtbot.assertNotEmitted(runner.result), qtbot.assertNotEmitted(runner.error):
        release.set()
        settle(runner)
    assert results == ["new"]


def test_a_discarded_request_is_never_answered(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    results: list[str] = []
    release = threading.Event()
    runner.submit(
        "compare", lambda progress, cancelled: release.wait(5) and "moot", results.append, pytest.fail
    )
    assert runner.busy
    with qtbot.waitSignal(runner.busyChanged, timeout=1000) as blocker:
        runner.discard("compare")
    assert blocker.args == [False] and not runner.busy
    with qtbot.assertNotEmitted(runner.result), qtbot.assertNotEmitted(runner.cancelled):
        release.set()
        settle(runner)
    assert results == []


def test_each_job_gets_its_own_typed_callbacks(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    sizes: list[int] = []
    problems: list[BaseException] = []
    runner.submit("count", lambda progress, cancelled: len("条款"), sizes.append, problems.append)
    runner.submit("other", lambda progress, cancelled: 1 / 0, sizes.append, problems.append)
    settle(runner)
    assert sizes == [2]
    assert len(problems) == 1 and isinstance(problems[0], ZeroDivisionError)


def test_cancellation_is_the_cores_cancelled_class_not_a_name(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    from policydiff.errors import Cancelled

    class Lookalike(Exception):
        pass

    Lookalike.__name__ = "Cancelled"  # a different exception that only shares the name is an error
    problems: list[BaseException] = []

    def stops(progress, cancelled):  # type: ignore[no-untyped-def]
        raise Cancelled()

    def fails(progress, cancelled):  # type: ignore[no-untyped-def]
        raise Lookalike("real failure")

    with qtbot.waitSignal(runner.cancelled, timeout=5000) as blocker:
        runner.submit("stops", stops, pytest.fail, problems.append)
    assert blocker.args == ["stops"]
    with qtbot.waitSignal(runner.error, timeout=5000):
        runner.submit("fails", fails, pytest.fail, problems.append)
    settle(runner)
    assert len(problems) == 1 and isinstance(problems[0], Lookalike)


def test_errors_and_cancellation_are_reported(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    problems: list[BaseException] = []

    def broken(progress, cancelled):  # type: ignore[no-untyped-def]
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.error, timeout=5000) as blocker:
        runner.submit("load-left", broken, pytest.fail, problems.append)
    assert blocker.args[0] == "load-left" and isinstance(blocker.args[1], ValueError)
    assert problems == [blocker.args[1]]

    def patient(progress, cancelled):  # type: ignore[no-untyped-def]
        while not cancelled():
            progress(0.5)
            time.sleep(0.01)
        return None

    with qtbot.waitSignal(runner.progress, timeout=5000):
        runner.submit("compare", patient, pytest.fail, problems.append)
    assert runner.busy
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert len(problems) == 1


def test_escape_cancels_a_long_comparison_and_the_window_stays_responsive(qtbot, settings, seed_paths):  # type: ignore[no-untyped-def]
    started = threading.Event()

    def endless(left, right, options, progress=None, cancelled=None, overrides=()):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise RuntimeError("unreachable: the runner reports cancellation")

    context = AppContext(settings=settings, backend=Backend(compare=endless))
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    win.open_pair(str(seed_paths["000"]), str(seed_paths["002"]))
    qtbot.waitUntil(started.is_set, timeout=10_000)
    qtbot.waitUntil(win.progress.isVisible, timeout=5000)
    assert win.cancel_button.isVisible()
    ticked: list[bool] = []  # the UI thread keeps processing events while the job runs
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked), timeout=5000)
    with qtbot.waitSignal(context.jobs.cancelled, timeout=5000):
        win.actions_.cancel.trigger()
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=5000)
    assert win.comparison is None
    assert context.jobs.wait(5000)


# -- the Qt-free paint plan --------------------------------------------------------------------
def test_text_map_counts_characters_beyond_the_basic_plane() -> None:
    mapping = TextMap("a𠀀b𠀁c")
    assert [mapping.to_qt(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [mapping.to_py(mapping.to_qt(i)) for i in range(6)] == list(range(6))
