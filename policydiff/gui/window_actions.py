"""What the user changes: manual pairing and unpairing, copying a unit, the comparison options,
the interface language, rewrites as text, find, zoom, and which actions are enabled.

One part of the main window (policydiff.gui.mainwindow), which holds one of each; a part reaches
the widgets and the other parts through ``self.window``.
May import: PySide6, policydiff.gui.*, policydiff.model, policydiff.present, policydiff.figures.compare.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QMainWindow,
)

from policydiff.gui.i18n import resolve_language, switch_language
from policydiff.gui.keys import KeysDialog
from policydiff.gui.marks import side_marks
from policydiff.gui.session import SIDES
from policydiff.model import (
    DEFAULT_NORMALIZE,
    CompareOptions,
    Side,
)

if TYPE_CHECKING:
    from policydiff.gui.mainwindow import MainWindow

OPEN_WINDOWS: set[QMainWindow] = set()  # windows built to replace another (kept alive here)


class UserActions:
    """What the user changes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _can_pair(self) -> bool:
        left, right = self.window.selected[Side.LEFT], self.window.selected[Side.RIGHT]
        if self.window.comparison is None or left is None or right is None:
            return False
        if not (self.window._picked[Side.LEFT] and self.window._picked[Side.RIGHT]):
            return False  # only units the user chose on both sides since the comparison was shown
        return self.window._pair_of[Side.LEFT].get(left) != self.window._pair_of[Side.RIGHT].get(right) or (
            self.window._pair_of[Side.LEFT].get(left) is None
        )

    def _can_unpair(self) -> bool:
        if self.window.comparison is None or self.window.current_pair is None:
            return False
        pair = self.window.comparison.pairs[self.window.current_pair]
        return pair.left is not None and pair.right is not None

    def pair_selected(self) -> None:
        if self._can_pair():
            self.window.session.pair(self.window.selected[Side.LEFT], self.window.selected[Side.RIGHT])  # type: ignore[arg-type]

    def unpair_current(self) -> None:
        if self._can_unpair():
            self.window.session.unpair(self.window.current_pair)  # type: ignore[arg-type]

    def copy_unit_text(self) -> None:
        focused = Side.RIGHT if self.window.view(Side.RIGHT).hasFocus() else Side.LEFT
        for side in (focused, Side.RIGHT if focused == Side.LEFT else Side.LEFT):
            unit = self.window.navigation.unit(side, self.window.selected[side])
            if unit is not None and self.window.comparison is not None:
                text = (
                    self.window.comparison.left if side == Side.LEFT else self.window.comparison.right
                ).text
                QGuiApplication.clipboard().setText(text[unit.start : unit.own_end])
                self.window.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Copied {label}").format(
                        label=unit.label or unit.heading[:12]
                    ),
                    3000,
                )
                return

    def _update_actions(self) -> None:
        a, has = self.window.actions_, self.window.comparison is not None
        for action in (a.save_report, a.save_json, a.save_as, a.save_redline, a.next_diff, a.prev_diff):
            action.setEnabled(has)
        a.pair.setEnabled(self._can_pair())
        a.unpair.setEnabled(self._can_unpair())
        a.copy_unit.setEnabled(
            has
            and (self.window.selected[Side.LEFT] is not None or self.window.selected[Side.RIGHT] is not None)
        )
        a.swap.setEnabled(any(self.window.session.documents.values()))
        a.undo.setEnabled(self.window.session.can_undo())
        a.redo.setEnabled(self.window.session.can_redo())

    def _options_changed(self) -> None:
        a = self.window.actions_
        normalize = next((k for k, act in a.normalize.items() if act.isChecked()), DEFAULT_NORMALIZE)
        show = a.show_normalization_diffs.isChecked()
        self.window.settings.normalize, self.window.settings.show_normalization_diffs = normalize, show
        self.window.session.set_options(CompareOptions(normalize=normalize, show_normalization_diffs=show))

    def _language_chosen(self) -> None:
        """Switch the interface language now: new catalogues, then a fresh window in its place."""
        chosen = next((k for k, act in self.window.actions_.language.items() if act.isChecked()), "system")
        if chosen == self.window.settings.language and self.window._language == resolve_language(chosen):
            return
        self.window.settings.language = chosen
        app = QCoreApplication.instance()
        if app is not None:
            switch_language(app, resolve_language(chosen))
        QTimer.singleShot(0, self._rebuild)  # not from inside the triggered action itself

    def _rebuild(self) -> None:
        """Replace this window by one built in the current language, showing the same comparison."""
        new = type(self.window)(self.window.context)  # the same window class, built in the new language
        new.restoreGeometry(self.window.saveGeometry())
        new.restoreState(self.window.saveState())
        OPEN_WINDOWS.add(new)
        new.destroyed.connect(lambda _obj=None, w=new: OPEN_WINDOWS.discard(w))
        new.session.adopt(self.window.session)
        for old in self.window._coverage_windows:  # open matrices follow the language too
            if old.coverage is not None and old.isVisible():
                new.show_coverage_window(old.coverage, old.saveGeometry())
                old.close()
        if self.window.isVisible():
            new.show()
        self.window.replaced.emit(new)
        self.window._closing_for_rebuild = True
        self.window.close()  # hidden, not deleted: whoever holds it (the app, a test) lets it go

    def _rewrites_toggled(self, on: bool) -> None:
        self.window.settings.show_rewrites = on
        if self.window.comparison is not None:
            self.window.sync.realign({side: side_marks(self.window.comparison, side, on) for side in SIDES})
            self.window.navigation._highlight_selection()

    def _find_step(self, direction: int) -> None:
        if not self.window.find_bar.isVisible():
            self.window.find_bar.open_bar()
        else:
            self.window.find_bar.step(direction)

    def show_keys(self) -> None:
        """Help → Keyboard Shortcuts: every key of the window, from the actions themselves."""
        dialog = KeysDialog(self.window.actions_, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.keys_dialog = dialog
        dialog.show()

    def zoom(self, steps: int) -> None:
        """Zoom both panes by ``steps`` points, within the range the settings keep."""
        self.window.settings.zoom = self.window.settings.zoom + steps
        for side in SIDES:
            self.window.view(side).set_zoom(self.window.settings.zoom)
        self.window.sync.realign()
        self.window.update()  # repaint the docks too: nothing of the old size may stay on screen
