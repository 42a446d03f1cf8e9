"""Help → Keyboard Shortcuts: a table of every action's keys, read from the actions themselves.

Built from the live actions, so it can never list a key the window does not have, and it speaks
the interface's language because the action texts do.
May import: PySide6, policydiff.gui.menus.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from policydiff.gui.menus import Actions


def key_rows(actions: Actions) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    for field in fields(actions):
        value = getattr(actions, field.name)
        for action in value.values() if isinstance(value, dict) else [value]:
            if not isinstance(action, QAction) or not action.shortcuts():
                continue
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows


class KeysDialog(QDialog):
    """Lists the keys; extra ones that are not actions (Enter in the find field …) at the end."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = key_rows(actions) + [
            (self.tr("Next find hit (in the find field)"), "Enter"),
            (self.tr("Close the find bar"), "Esc"),
            (self.tr("Scroll both documents"), self.tr("wheel, arrows, Page Up/Down, scroll bar, ruler")),
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("keysTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (what, keys) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(what))
            table.setItem(i, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(520, 560)
