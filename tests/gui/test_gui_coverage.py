"""The one-vs-many window: choose documents, build the matrix in the background, open a cell's pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from policydiff.coverage.matrix import Verdict
from policydiff.gui import vocabulary
from policydiff.gui.coverage_window import CoverageModel, CoverageSetup, CoverageWindow, documents_in
from policydiff.model import Side
from policydiff.present import labels, palette
from tests.conftest import SEED

pytestmark = pytest.mark.gui


def test_the_matrix_is_built_in_the_background_and_a_cell_opens_its_pair(qtbot, tmp_path: Path):
    opened: list[tuple[str, str, int | None]] = []
    window = CoverageWindow(lambda parent, child, pair: opened.append((parent, child, pair)))
    qtbot.addWidget(window)
    missing = str(tmp_path / "missing.txt")
    with qtbot.waitSignal(window.jobs.result, timeout=180_000):
        window.run(str(SEED["000"]), [str(SEED["002"]), missing])
    assert window.coverage is not None
    model = window.table.model()
    assert isinstance(model, CoverageModel)
    assert model.rowCount() == len(window.coverage.rows) and model.columnCount() == 3
    assert "not read" in model.headerData(2, Qt.Orientation.Horizontal)
    tip = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "missing.txt" in tip and "(" not in tip.splitlines()[-1]  # worded from its reason, no raw path
    row = next(
        k for k, r in enumerate(window.coverage.rows) if r.cells[0] and r.cells[0].verdict != Verdict.MISSING
    )
    index = model.index(row, 1)
    # verdicts in the window's language, from the shared vocabulary (an English window said 细化 before)
    verdict = window.coverage.rows[row].cells[0].verdict
    assert model.data(index).split()[0] == labels.VERDICT[verdict](vocabulary.language())
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == window.coverage.rows[row].cells[0].why
    window._open_cell(index)
    assert opened == [(str(SEED["000"]), str(SEED["002"]), window.coverage.rows[row].cells[0].pair_index)]
    assert "not read" in window.status.text()
    # one bar for the child that was read: the share of the parent it implements
    from PySide6.QtWidgets import QProgressBar

    bars = window.child_bars.findChildren(QProgressBar)
    assert len(bars) == 1 and 0 < bars[0].value() <= 100
    assert bars[0].value() == round(100 * window.coverage.implemented_share(0))
    partial = [
        k for k, r in enumerate(window.coverage.rows) if r.cells[0] and r.cells[0].verdict == Verdict.PARTIAL
    ]
    assert partial and model.data(model.index(partial[0], 1)).startswith(
        labels.VERDICT[Verdict.PARTIAL](vocabulary.language())
    )

    out = tmp_path / "m.xlsx"
    with qtbot.waitSignal(window.jobs.result, timeout=60_000):
        window.save_to(str(out))
    assert out.is_file() and str(out) in window.status.text()


def test_setup_collects_the_documents_of_a_folder_but_not_the_parent(qtbot, tmp_path: Path):
    for name in ("a.txt", "b.docx", "notes.png", "parent.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    dialog = CoverageSetup()
    qtbot.addWidget(dialog)
    dialog.parent_edit.setText(str(tmp_path / "parent.txt"))
    dialog.add_children(documents_in(tmp_path, exclude=dialog.parent_path()))
    dialog.add_children([str(tmp_path / "a.txt")])  # never twice
    assert [Path(p).name for p in dialog.child_paths()] == ["a.txt", "b.docx"]


def test_file_menu_opens_the_matrix_and_a_cell_opens_its_pair_in_the_main_window(qtbot, settings):
    from PySide6.QtCore import QCoreApplication

    from policydiff.gui.context import AppContext
    from policydiff.gui.mainwindow import MainWindow

    context = AppContext(settings=settings)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    assert main.actions_.coverage.text()  # File → One Against Many
    matrix = main.open_coverage(str(SEED["000"]), [str(SEED["002"])])
    assert matrix is not None
    with qtbot.waitSignal(matrix.jobs.result, timeout=180_000):
        pass
    assert matrix.coverage is not None
    row = next(k for k, r in enumerate(matrix.coverage.rows) if r.cells[0] and r.cells[0].pair_index)
    wanted = matrix.coverage.rows[row].cells[0].pair_index
    with qtbot.waitSignal(main.comparisonShown, timeout=180_000):
        matrix._open_cell(matrix.table.model().index(row, 1))
    qtbot.waitUntil(lambda: main.current_pair == wanted, timeout=10_000)
    # the pair lands level: its row at the top of both panes, every row below beside its partner
    qtbot.waitUntil(lambda: not context.jobs.busy, timeout=60_000)
    QCoreApplication.processEvents()
    left, right = main.view(Side.LEFT), main.view(Side.RIGHT)
    assert left.top_y() == right.top_y()
    rows = main.sync.rows_of_pair(wanted)
    assert rows and left.top_y() == min(
        int(main.sync.row_tops[rows[0]] - 4), left.verticalScrollBar().maximum()
    )
    context.jobs.cancel()
    assert context.jobs.wait(30_000)
    QCoreApplication.processEvents()


def test_the_matrix_names_documents_by_title_with_a_legend_and_counts_per_column(qtbot):
    from policydiff.coverage.matrix import build_coverage

    coverage = build_coverage(str(SEED["000"]), [str(SEED["002"]), str(SEED["003"])])
    window = CoverageWindow(lambda *args: None)
    qtbot.addWidget(window)
    window.show_coverage(coverage)
    model = window.table.model()
    for k, child in enumerate(coverage.children):
        header = model.headerData(k + 1, Qt.Orientation.Horizontal)
        title, counts = header.split("\n")
        assert child.title and title.rstrip("…") and child.title.startswith(title.rstrip("…"))
        assert child.name not in header  # 001_8ed54ab2f5c8896f.txt said nothing to a reader
        tip = model.headerData(k + 1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert child.name in tip and child.title in tip
        tally = coverage.counts(k)
        for verdict in Verdict:  # every verdict the child got, with its count, in the header
            word = labels.VERDICT[verdict](vocabulary.language())
            assert (f"{word} {tally[verdict]}" in counts) == (tally[verdict] > 0)
    legend = window.legend.text()
    for verdict in Verdict:
        assert labels.VERDICT[verdict](vocabulary.language()) in legend
        assert palette.VERDICT[verdict].background.hex in legend
    assert window.legend.isVisibleTo(window)


def test_the_outline_filters_and_marks_changes_in_meaning(qtbot, settings):
    from PySide6.QtCore import QCoreApplication

    from policydiff.gui.context import AppContext
    from policydiff.gui.mainwindow import MainWindow
    from policydiff.gui.outline import PairModel

    context = AppContext(settings=settings)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.comparisonShown, timeout=180_000) as blocker:
        main.open_pair(str(SEED["000"]), str(SEED["003"]))
    comparison = blocker.args[0]
    owners = [p for p in comparison.pairs if p.responsible is not None and p.responsible.changed]
    main.outline.set_filter("owners")
    proxy = main.outline.proxy
    assert proxy.rowCount() == len(owners) > 0
    status = proxy.index(0, PairModel.STATUS)
    assert "owners" in status.data() or "责任单位" in status.data()
    assert "区" in status.data(Qt.ItemDataRole.ToolTipRole)
    main.outline.set_filter("references")
    assert proxy.rowCount() == 0  # a district plan holds no 第X条 references
    context.jobs.cancel()
    assert context.jobs.wait(30_000)
    QCoreApplication.processEvents()
