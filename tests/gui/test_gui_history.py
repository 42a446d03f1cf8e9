"""The history window: choose versions (dates read for confirmation, reorderable), build the lineages in
the background, filter them, and open a step's pair of versions side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from policydiff.gui.history_window import HistorySetup, HistoryWindow
from policydiff.history.model import Mark

pytestmark = pytest.mark.gui

HEAD = "关于支持企业发展的若干措施\n（{date}发布）\n"
BODY = (
    "一、加大资金支持。对新认定的企业给予一次性奖励50万元。\n"
    "二、优化审批服务。审批时限压缩至15个工作日。\n"
    "三、强化人才保障，引进高层次人才。\n"
    "四、本措施自发布之日起施行。\n"
)


def _versions(folder: Path) -> list[str]:
    """Three versions, written newest first on purpose: the dialog must put them in date order."""
    texts = [
        HEAD.format(date="2019年3月2日") + BODY,
        HEAD.format(date="2021年5月6日") + BODY.replace("50万元", "80万元"),
        HEAD.format(date="2023年7月20日")
        + BODY.replace("50万元", "80万元")
        .replace("二、优化审批服务。审批时限压缩至15个工作日。\n", "")
        .replace("三、", "二、")
        .replace("四、", "三、"),
    ]
    paths = []
    for k, text in enumerate(texts):
        path = folder / f"v{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_setup_reads_dates_sorts_oldest_first_and_can_be_reordered(qtbot, tmp_path):
    paths = _versions(tmp_path)
    dialog = HistorySetup()
    qtbot.addWidget(dialog)
    dialog.add_paths(list(reversed(paths)))
    dialog.add_paths([paths[0]])  # never twice
    assert dialog.paths() == paths
    assert dialog.dates() == ["2019-03-02", "2021-05-06", "2023-07-20"]
    assert dialog.table.item(0, 2).text().startswith("关于支持企业发展的若干措施")
    dialog.table.selectRow(0)
    dialog.move_selected(1)
    assert dialog.paths() == [paths[1], paths[0], paths[2]]
    dialog.table.item(0, 1).setText("2018")  # the user corrects a date
    dialog.sort_by_date()
    assert dialog.paths()[0] == paths[1] and dialog.dates()[0] == "2018"
    dialog.table.selectRow(2)
    dialog.remove_selected()
    assert len(dialog.paths()) == 2


def test_dropping_files_on_the_setup_adds_them(qtbot, tmp_path):
    paths = _versions(tmp_path)
    (tmp_path / "notes.png").write_bytes(b"\x89PNG")
    dialog = HistorySetup()
    qtbot.addWidget(dialog)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(p) for p in [*paths, str(tmp_path / "notes.png")]])
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    dialog.dropEvent(event)
    assert dialog.paths() == paths


def test_lineages_are_built_in_the_background_filtered_and_a_step_opens_its_pair(qtbot, tmp_path):
    paths = _versions(tmp_path)
    opened: list[tuple[str, str, int | None]] = []
    window = HistoryWindow(lambda left, right, pair: opened.append((left, right, pair)))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.jobs.result, timeout=120_000):
        window.run(paths)
    history = window.history
    assert history is not None
    table = window.table
    assert table.rowCount() == len(history.rows) and table.columnCount() == 4
    first = next(
        r for r, row in enumerate(history.rows) if row.units[0] is not None and row.units[0].label == "一、"
    )
    assert [s.mark for s in history.rows[first].steps] == [Mark.CHANGED, Mark.UNCHANGED]
    assert table.columnSpan(first, 2) == 2  # changed in 2021, then kept: one cell
    assert "[changed]" in table.item(first, 2).text()
    assert "3 lineages" not in window.timeline.text() and "→" in window.timeline.text()

    window.filter.setCurrentIndex(window.filter.findData(2))  # changed in the third version
    hidden = [table.isRowHidden(r) for r in range(table.rowCount())]
    assert hidden[first] and not all(hidden)
    assert not hidden[next(r for r, row in enumerate(history.rows) if row.changed_at(2))]
    window.filter.setCurrentIndex(0)
    assert not any(table.isRowHidden(r) for r in range(table.rowCount()))

    window.open_step(first, 2)
    assert opened == [(paths[0], paths[1], history.rows[first].steps[0].pair)]
    window.open_step(first, 1)  # the first version has no step into it
    assert len(opened) == 1

    out = tmp_path / "h.xlsx"
    with qtbot.waitSignal(window.jobs.result, timeout=60_000):
        window.save_to(str(out))
    assert out.is_file()


def test_a_version_that_cannot_be_read_is_reported(qtbot, tmp_path, load_errors_say_why):
    paths = _versions(tmp_path)
    window = HistoryWindow(lambda *args: None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.jobs.error, timeout=60_000):
        window.run([paths[0], str(tmp_path / "missing.txt")])
    assert window.history is None and window.problem_box is not None
    assert window.status.text()


def test_the_window_speaks_chinese(qtbot, qapp):
    from policydiff.gui.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "zh_CN")
    try:
        window = HistoryWindow(lambda *args: None)
        qtbot.addWidget(window)
        assert window.windowTitle() == "版本沿革"
        assert QCoreApplication.translate("HistoryMarks", "renumbered") == "改号"
    finally:
        remove_translators(qapp, installed)


def test_file_menu_opens_the_history_and_a_step_opens_its_pair_in_the_main_window(qtbot, settings, tmp_path):
    from policydiff.gui.context import AppContext
    from policydiff.gui.mainwindow import MainWindow

    paths = _versions(tmp_path)
    context = AppContext(settings=settings)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    assert main.actions_.history.text()  # File → Version History
    window = main.open_history(paths)
    assert window is not None
    with qtbot.waitSignal(window.jobs.result, timeout=120_000):
        pass
    assert window.history is not None
    row = next(
        r
        for r, lineage in enumerate(window.history.rows)
        if lineage.steps[1] is not None and lineage.steps[1].pair
    )
    wanted = window.history.rows[row].steps[1].pair
    with qtbot.waitSignal(main.comparisonShown, timeout=120_000):
        window.open_step(row, 3)
    qtbot.waitUntil(lambda: main.current_pair == wanted, timeout=10_000)
    assert main.comparison is not None and main.comparison.right.document.path == paths[2]
    context.jobs.cancel()
    assert context.jobs.wait(30_000)
    QCoreApplication.processEvents()
