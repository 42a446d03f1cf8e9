"""Selection and navigation: the pair under the cursor, jumps to a pair, a difference or a figure,
the outline following the scrolled panes, and the selected unit highlighted in both panes.

One part of the main window (policydiff.gui.mainwindow), which holds one of each; a part reaches
the widgets and the other parts through ``self.window``.
May import: PySide6, policydiff.gui.*, policydiff.model, policydiff.present, policydiff.figures.compare.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor

from policydiff.gui.outline import unit_caption
from policydiff.gui.session import SIDES
from policydiff.model import (
    FigureChange,
    Op,
    Pair,
    Side,
    Unit,
)
from policydiff.present.change_notes import scattered_places
from policydiff.present.differences import is_difference
from policydiff.present.projection import is_rewrite

if TYPE_CHECKING:
    from policydiff.gui.mainwindow import MainWindow

LONG_PAIR_CHARS = 120  # F7 steps change by change inside pairs at least this long (about 4 lines)
# the outline follows the row at the top of the panes; a jump puts its row this far below the top
FOLLOW_PROBE_PX = 8


class Navigation:
    """Selection and navigation."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def unit(self, side: Side, index: int | None) -> Unit | None:
        if self.window.comparison is None or index is None:
            return None
        units = (
            self.window.comparison.left if side == Side.LEFT else self.window.comparison.right
        ).tree.units
        return units[index] if 0 <= index < len(units) else None

    def select_at(self, side: Side, offset: int) -> None:
        """The user clicked ``offset`` in a pane: select the unit there (the other side keeps its own)."""
        marks = self.window.view(side).marks
        if self.window.comparison is None or marks is None:
            return
        index = marks.unit_at(offset)
        if index is None:
            return
        self.window.selected[side] = index
        self.window._picked[side] = True
        self.window.current_pair = self.window._pair_of[side].get(index)
        other = Side.RIGHT if side == Side.LEFT else Side.LEFT
        if not self.window._picked[other]:  # not chosen by the user: show this unit's partner, if any
            pair = (
                self.window.comparison.pairs[self.window.current_pair]
                if self.window.current_pair is not None
                else None
            )
            partner = (pair.right if other == Side.RIGHT else pair.left) if pair is not None else None
            self.window.selected[other] = partner.index if partner is not None else None
        self.window.outline.select_pair(self.window.current_pair)
        self._highlight_selection()
        self.window.editing._update_actions()
        self.say_pick()

    def pick_from_outline(self, index: int) -> None:
        """A row chosen in the outline: go to its pair; a unit only one side has counts as a pick for
        manual pairing, as a click in its pane does, and a unit picked on the other side stays picked."""
        comparison = self.window.comparison
        if comparison is None or not 0 <= index < len(comparison.pairs):
            return
        earlier = {s: self.window.selected[s] for s in (Side.LEFT, Side.RIGHT) if self.window._picked[s]}
        self.go_to_pair(index)
        pair = comparison.pairs[index]
        alone = Side.LEFT if pair.right is None else Side.RIGHT if pair.left is None else None
        if alone is None:
            return
        self.window._picked[alone] = True
        other = Side.RIGHT if alone == Side.LEFT else Side.LEFT
        if earlier.get(other) is not None:
            self.window.selected[other], self.window._picked[other] = earlier[other], True
        self._highlight_selection()
        self.window.editing._update_actions()
        self.say_pick()

    def say_pick(self) -> None:
        """The status bar says what a pick means for manual pairing and what a second pick will do."""
        picked = [s for s in (Side.LEFT, Side.RIGHT) if self.window._picked[s]]
        units = {s: self.unit(s, self.window.selected[s]) for s in picked}
        name = {s: (u.label or u.heading[:12]) if u is not None else "" for s, u in units.items()}
        bar = self.window.statusBar()
        if len(picked) == 2 and self.window.editing._can_pair():
            text = QCoreApplication.translate(
                "MainWindow", "Pair Selected Units (Ctrl+P) pairs {left} with {right}"
            )
            bar.showMessage(text.format(left=name[Side.LEFT], right=name[Side.RIGHT]), 8000)
        elif len(picked) == 1 and units[picked[0]] is not None:
            if picked[0] == Side.LEFT:
                text = QCoreApplication.translate(
                    "MainWindow",
                    "{unit} picked on the left: pick a unit on the right to pair it with (Ctrl+P)",
                )
            else:
                text = QCoreApplication.translate(
                    "MainWindow",
                    "{unit} picked on the right: pick a unit on the left to pair it with (Ctrl+P)",
                )
            bar.showMessage(text.format(unit=name[picked[0]]), 8000)

    def go_to_pair(self, index: int) -> None:
        """Select pair ``index`` and bring both its units to the top of their panes."""
        if self.window.comparison is None or not 0 <= index < len(self.window.comparison.pairs):
            return
        pair = self.window.comparison.pairs[index]
        self.window.current_pair = index
        self.window.current_change = (index, None)
        self.window.selected = {
            Side.LEFT: pair.left.index if pair.left else None,
            Side.RIGHT: pair.right.index if pair.right else None,
        }
        self.window._picked = {Side.LEFT: False, Side.RIGHT: False}
        self.window.outline.select_pair(index)
        self._scroll_to_pair(index, pair.left, pair.right)
        self._highlight_selection()
        self.window.editing._update_actions()

    def _follow_scroll(self, side: Side) -> None:
        """The outline's current row follows the pair at the top of the pane that scrolled.

        Quietly: the outline announces nothing (no jump back) and takes no focus. A jump the window
        makes itself keeps the pair it jumped to (the last pairs can never reach the top).
        """
        if self.window._jumping or self.window.comparison is None or not self.window.sync.rows:
            return
        view = self.window.view(side)
        row = self.window.sync.row_index_at(view.top_y() + FOLLOW_PROBE_PX)
        self.window.outline.follow(self.window.sync.rows[row].pair if row is not None else 0)

    def _scroll_to_pair(self, index: int, left: Unit | None, right: Unit | None) -> None:
        """Bring pair ``index``'s row to the top of both panes, the panes level as every scroll keeps them.

        A moved pair stands in two rows: the first in reading order goes to the top and the status
        bar says where the other unit is (its band links to it), so no row below loses its partner.
        """
        rows = self.window.sync.rows_of_pair(index)
        with self._jump():
            with self.window.sync.hold():
                if rows:
                    y = self.window.sync.row_tops[rows[0]] - 4
                else:  # no row of its own (a unit inside a line): the left unit's place
                    unit = left or right
                    side = Side.LEFT if left is not None else Side.RIGHT
                    y = self.window.view(side).y_of(unit.start) - 4 if unit is not None else 0.0
                self.window.view(Side.LEFT).scroll_to_y(y)
                self.window.view(Side.RIGHT).scroll_to_y(y)
            comparison = self.window.comparison
            if (
                comparison is not None
                and comparison.pairs[index].moved
                and left is not None
                and right is not None
            ):
                below = QCoreApplication.translate(
                    "MainWindow", "Moved: its other unit is further down; click its band"
                )
                self.window.statusBar().showMessage(below, 6000)
            for side, unit in ((Side.LEFT, left), (Side.RIGHT, right)):
                if unit is not None:
                    cursor = self.window.view(side).textCursor()
                    cursor.setPosition(self.window.view(side).qt_position(unit.start))
                    self.window.view(side).setTextCursor(cursor)

    @contextmanager
    def _jump(self) -> Iterator[None]:
        """``with self._jump():`` scrolls the panes to a place the outline already shows."""
        jumping, self.window._jumping = self.window._jumping, True
        try:
            yield
        finally:
            self.window._jumping = jumping

    def band_clicked(self, side: Side, band_index: int) -> None:
        """An empty band was clicked: a moved unit's band jumps to where its partner stands."""
        view = self.window.view(side)
        if self.window.comparison is None or not 0 <= band_index < len(view.bands):
            return
        index = view.bands[band_index].pair
        pair = self.window.comparison.pairs[index]
        unit = pair.left if side == Side.LEFT else pair.right
        self.window.current_pair = index
        self.window.selected = {
            Side.LEFT: pair.left.index if pair.left else None,
            Side.RIGHT: pair.right.index if pair.right else None,
        }
        self.window.outline.select_pair(index)
        rows = [
            r
            for r in self.window.sync.rows_of_pair(index)
            if getattr(self.window.sync.rows[r], side) is not None
        ]
        if pair.moved and unit is not None and rows:
            y = self.window.sync.row_tops[rows[0]] - 4
            with self.window.sync.hold(), self._jump():
                for s in SIDES:
                    self.window.view(s).scroll_to_y(y)
        self._highlight_selection()
        self.window.editing._update_actions()

    def changes(self) -> list[tuple[int, int | None]]:
        """Every stop of F7 in order: each differing pair, then each change inside a long pair."""
        if self.window.comparison is None:
            return []
        if self.window._changes is None or self.window._changes[0] is not self.window.comparison:
            stops: list[tuple[int, int | None]] = []
            for i, pair in enumerate(self.window.comparison.pairs):
                if not is_difference(pair):
                    continue
                stops.append((i, None))
                unit = pair.left or pair.right
                if unit is None or unit.own_end - unit.start < LONG_PAIR_CHARS or is_rewrite(pair):
                    continue
                edits = [e for e, edit in enumerate(pair.edits) if edit.op != Op.EQUAL]
                stops.extend((i, e) for e in edits[1:] if len(edits) > 1)
            self.window._changes = (self.window.comparison, stops)
        return self.window._changes[1]

    def go_to_difference(self, step: int) -> None:
        """F7 / Shift+F7: the next or previous change, word by word inside long pairs."""
        if self.window.comparison is None:
            return
        stops = self.changes()
        here = self.window.current_change
        if here is None and self.window.current_pair is not None:
            here = (self.window.current_pair, None)

        def key(stop: tuple[int, int | None]) -> tuple[int, int]:
            return (stop[0], -1 if stop[1] is None else stop[1])

        if here is None:
            candidates = stops if step > 0 else stops[::-1]
        elif step > 0:
            candidates = [s for s in stops if key(s) > key(here)]
        else:
            candidates = [s for s in stops[::-1] if key(s) < key(here)]
        if not candidates:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No more differences"), 3000
            )
            return
        index, edit = candidates[0]
        if edit is None:
            self.go_to_pair(index)
            return
        self.go_to_pair(index)
        self.window.current_change = (index, edit)
        chunk = self.window.comparison.pairs[index].edits[edit]
        y = None
        for side, (start, end) in ((Side.LEFT, chunk.left), (Side.RIGHT, chunk.right)):
            view = self.window.view(side)
            if end > start:
                view.highlight_found([(start, end)], 0)
                y = view.y_of(start) if y is None else min(y, view.y_of(start))
            else:
                view.highlight_found([], None)
        if y is not None:
            with self.window.sync.hold(), self._jump():
                for side in SIDES:
                    self.window.view(side).scroll_to_y(
                        max(0.0, y - self.window.view(side).viewport().height() / 3)
                    )

    def go_to_figure(self, pair_index: int, change: FigureChange) -> None:
        self.go_to_pair(pair_index)
        for side, figure in ((Side.LEFT, change.left), (Side.RIGHT, change.right)):
            if figure is None:
                continue
            view = self.window.view(side)
            cursor = view.textCursor()
            cursor.setPosition(view.qt_position(figure.start))
            cursor.setPosition(view.qt_position(figure.end), QTextCursor.MoveMode.KeepAnchor)
            with self._jump():
                view.setTextCursor(cursor)
                view.ensureCursorVisible()

    def _highlight_selection(self) -> None:
        for side in SIDES:
            unit = self.unit(side, self.window.selected[side])
            self.window.view(side).highlight_unit((unit.start, unit.own_end) if unit else None)
        left, right = (
            self.unit(Side.LEFT, self.window.selected[Side.LEFT]),
            self.unit(Side.RIGHT, self.window.selected[Side.RIGHT]),
        )
        if left is None and right is None:
            self.window.selection_label.setText("")
            return
        comparison, index = self.window.comparison, self.window.current_pair
        group = group_links(comparison.pairs[index]) if comparison is not None and index is not None else None
        if group is not None:  # a merge or split: every unit of it one click away
            self.window.selection_label.setText(group)
            return
        text = f"{unit_caption(left, 12).strip()}  ↔  {unit_caption(right, 12).strip()}"
        if self.window.editing._can_pair():
            text += "   " + QCoreApplication.translate("MainWindow", "(Ctrl+P pairs them)")
        self.window.selection_label.setText(html.escape(text))

    def go_to_group_unit(self, link: str) -> None:
        """A unit of the current group chosen in the status bar: bring it to the top of its pane,
        the other pane following as every scroll does."""
        side_name, _, number = link.partition(":")
        if side_name not in (Side.LEFT.value, Side.RIGHT.value) or not number.isdigit():
            return
        side = Side(side_name)
        unit = self.unit(side, int(number))
        if unit is None:
            return
        self.window.selected[side] = unit.index
        view = self.window.view(side)
        view.scroll_to_y(view.y_of(unit.start) - 4)
        self._highlight_selection()


def group_links(pair: Pair) -> str | None:
    """A merge/split pair's units, or a scattered unit and the units its clauses live in, as links
    (``left:3`` / ``right:7``) for the status bar; None for any other pair."""
    if pair.scattered:
        places = tuple(scattered_places(pair))
        mine = tuple(pair.left_units or pair.right_units)
        left, right = (mine, places) if pair.left is not None else (places, mine)
        word = QCoreApplication.translate("MainWindow", "Clauses found in")
        return f"{word}: {_links(Side.LEFT, left)}  ↔  {_links(Side.RIGHT, right)}"
    if not (pair.also_left or pair.also_right):
        return None

    word = (
        QCoreApplication.translate("MainWindow", "Merged")
        if pair.also_left
        else QCoreApplication.translate("MainWindow", "Split")
    )
    return f"{word}: {_links(Side.LEFT, pair.left_units)}  ↔  {_links(Side.RIGHT, pair.right_units)}"


def _links(side: Side, units: Sequence[Unit]) -> str:
    return " + ".join(
        f'<a href="{side.value}:{u.index}">{html.escape(unit_caption(u, 8).strip())}</a>' for u in units
    )
