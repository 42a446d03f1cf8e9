"""A merge or split in the window: every unit of the group selects it, and the status bar names
each unit as a link that brings it into view (one click away, however far apart)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.gui.mainwindow import MainWindow
from policydiff.model import Side
from tests.compare.test_far_groups import ARTICLES
from tests.gui.test_gui import open_and_wait

pytestmark = pytest.mark.gui


FILLER = "第{}项措施的具体内容由有关部门另行制定实施细则并向社会公布。"


@pytest.fixture
def far_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The left's 第三十条 folded into the right's 第一条: far out of view at the group's row."""
    before = [*ARTICLES[1:6], *(FILLER.format(k) for k in range(1, 24))]  # 第二条 … 第二十九条
    after = [FILLER.format(k) for k in range(24, 60)]
    left = [ARTICLES[0], *before, ARTICLES[6], *after]
    right = [ARTICLES[0] + ARTICLES[6], *before, *after]
    paths = []
    for name, articles in (("旧.txt", left), ("新.txt", right)):
        lines = ["道路运输条例", ""] + [f"第{k + 1}条 {a}" for k, a in enumerate(articles)]
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def test_group_units_select_the_group_and_are_one_click_away(qtbot, window: MainWindow, far_pair) -> None:  # type: ignore[no-untyped-def]
    comparison = open_and_wait(qtbot, window, *far_pair)
    index, pair = next((i, p) for i, p in enumerate(comparison.pairs) if p.also_left)
    far = pair.also_left[0]
    assert far.label == "第30条"
    # a click on the far unit selects the group's pair
    window.navigation.select_at(Side.LEFT, far.start + 3)
    assert window.current_pair == index
    label = window.selection_label.text()
    assert f'href="left:{far.index}"' in label and f'href="left:{pair.left.index}"' in label
    # following the far unit's link brings it to the top of its pane
    view = window.view(Side.LEFT)
    window.navigation.go_to_pair(index)
    assert abs(view.y_of(far.start) - view.top_y()) > 100
    window.selection_label.linkActivated.emit(f"left:{far.index}")
    qtbot.waitUntil(lambda: abs(view.y_of(far.start) - view.top_y()) <= 8, timeout=3000)
    # the outline names the group on its row
    assert "+ 第" in window.outline.model.data(window.outline.model.index(index, 0))


def test_a_scattered_unit_links_to_every_unit_holding_its_clauses(
    qtbot, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from tests.compare.test_scattered import FIRST, MEASURES, SECOND, _document

    right = [
        ("完善政府采购制度", MEASURES[0][1] + FIRST),
        MEASURES[1],
        MEASURES[2],
        ("推进数字化改造", MEASURES[4][1] + SECOND),
    ]
    paths = []
    for name, measures in (("省.txt", MEASURES), ("市.txt", right)):
        path = tmp_path / name
        path.write_text(_document(measures, name).text, encoding="utf-8")
        paths.append(path)
    comparison = open_and_wait(qtbot, window, *paths)
    index, pair = next((i, p) for i, p in enumerate(comparison.pairs) if p.scattered)
    window.navigation.go_to_pair(index)
    label = window.selection_label.text()
    holders = {c.places[0].unit.index for c in pair.clauses if c.places}
    assert len(holders) == 2
    assert all(f'href="right:{k}"' in label for k in holders)
    status = window.outline.model.data(window.outline.model.index(index, 2))
    assert status.endswith(("scattered", "分散"))
