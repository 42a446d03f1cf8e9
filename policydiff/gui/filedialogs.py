"""Open and Save dialogs as office programs behave: every format offered, the chosen type honoured.

Open lists every format policydiff reads under one filter, then one filter per family. Save As
returns the type the user picked in the dialog and adds its extension when the typed name has none
(typing ``report`` under "Word" writes ``report.docx``), as Word and WPS do.

May import: PySide6, the standard library, policydiff.io.formats, policydiff.gui.vocabulary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from policydiff.gui.vocabulary import language
from policydiff.io.formats import EXTENSIONS, FAMILIES, patterns


def open_filter() -> str:
    """``Policy documents (*.txt …);;Text (…);;…;;All files (*)`` in the window's language."""
    zh = language() == "zh"
    documents = QCoreApplication.translate("FileDialogs", "Policy documents ({patterns})")
    parts = [documents.format(patterns=patterns(EXTENSIONS))]
    parts += [f"{family.zh if zh else family.en} ({patterns(family.extensions)})" for family in FAMILIES]
    parts.append(QCoreApplication.translate("FileDialogs", "All files (*)"))
    return ";;".join(parts)


@dataclass(frozen=True)
class SaveType:
    """One choice of the Save As dialog: what to write, its filter text and its extension."""

    kind: str  # what the caller writes: "html", "docx", "json", "xlsx", "redline" …
    label: str  # translated, e.g. "HTML report"
    extension: str  # with the dot

    @property
    def filter(self) -> str:
        return f"{self.label} (*{self.extension})"


def with_extension(path: str, choice: SaveType) -> str:
    """``path`` with the chosen type's extension added when it has none of its own."""
    if os.path.splitext(os.path.basename(path))[1].lower() == choice.extension:
        return path
    return path + choice.extension


def ask_save_path(
    parent: QWidget, title: str, default_path: str, choices: list[SaveType], preferred: str | None = None
) -> tuple[str, SaveType] | None:
    """Ask where to save and as what; None when cancelled. The chosen filter decides the type."""
    first = next((c for c in choices if c.kind == preferred), choices[0])
    stem = os.path.splitext(default_path)[0]
    filters = ";;".join(c.filter for c in choices)
    path, selected = QFileDialog.getSaveFileName(parent, title, stem + first.extension, filters, first.filter)
    if not path:
        return None
    choice = next((c for c in choices if c.filter == selected), None)
    if choice is None:  # a platform dialog that reports no filter: go by the typed extension
        suffix = os.path.splitext(path)[1].lower()
        choice = next((c for c in choices if c.extension == suffix), first)
    return with_extension(path, choice), choice
