"""Find text in either pane (Ctrl+F): every hit tinted, F3 / Shift+F3 step through them.

The search folds script and width like the comparison (``searchfold.FoldedText``); each document
is folded once, in a background job, and kept until its text changes, so typing searches at once.
May import: PySide6, policydiff.gui.context/jobs/panes/searchfold.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from policydiff.gui.context import AppContext
from policydiff.gui.jobs import CancelledFn, JobKey, JobKind, ProgressFn
from policydiff.gui.panes import DocumentView
from policydiff.gui.searchfold import FoldedText
from policydiff.model import Side

FIND_DELAY_MS = 120  # search once typing pauses


class FindBar(QWidget):
    """A search field over the panes; hits are (side, start, end) in reading order, left first."""

    moved = Signal()  # the current hit changed

    def __init__(
        self, context: AppContext, views: dict[str, DocumentView], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.context, self.views = context, views
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in both documents (traditional/simplified alike)"))
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("Previous"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next"))
        self.left_only = QCheckBox(self.tr("Left"), self)
        self.right_only = QCheckBox(self.tr("Right"), self)
        self.left_only.setChecked(True)
        self.right_only.setChecked(True)
        self.count = QLabel(self)
        widest = self.tr("{n} of {total}").format(n=999, total=999)  # the count never gets cut off
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(widest) + 8)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.field, self.previous_button, self.next_button, self.left_only, self.right_only):
            layout.addWidget(widget)
        layout.addWidget(self.count, 1)
        layout.addWidget(close)
        self.hits: list[tuple[str, int, int]] = []
        self.current: int | None = None
        self._folded: dict[str, tuple[str, FoldedText] | None] = {Side.LEFT: None, Side.RIGHT: None}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FIND_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(lambda: self.step(+1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.left_only.toggled.connect(lambda _on: self.search())
        self.right_only.toggled.connect(lambda _on: self.search())
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = next(
            (v.textCursor().selectedText() for v in self.views.values() if v.textCursor().hasSelection()), ""
        )
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()
        self._ensure_folded()

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], None
        for view in self.views.values():
            view.highlight_found([], None)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _ensure_folded(self) -> bool:
        """True when both documents are folded; otherwise starts the job that folds them."""
        missing = {
            side: view.text
            for side, view in self.views.items()
            if self._folded[side] is None or self._folded[side][0] is not view.text  # type: ignore[index]
        }
        if not missing:
            return True

        def job(progress: ProgressFn, cancelled: CancelledFn) -> dict[str, tuple[str, FoldedText]]:
            return {side: (text, FoldedText.of(text)) for side, text in missing.items()}

        self.count.setText(self.tr("Preparing…"))
        self.context.jobs.submit(JobKey(JobKind.FIND_INDEX), job, self._folded_ready, self._fold_failed)
        return False

    def _fold_failed(self, exc: BaseException) -> None:
        self.count.setText(self.tr("Cannot search: {problem}").format(problem=exc))

    def _folded_ready(self, value: dict[str, tuple[str, FoldedText]]) -> None:
        """Keep the folded texts that still match what the panes show (a pane's text may be newer)."""
        for side, entry in value.items():
            if entry[0] is self.views[side].text:
                self._folded[side] = entry
        if self.isVisible():
            self.search()

    def search(self) -> None:
        """Find the field's text in the chosen panes and tint every hit."""
        query = self.field.text()
        self.hits, self.current = [], None
        if query.strip() and self._ensure_folded():
            for side, box in ((Side.LEFT, self.left_only), (Side.RIGHT, self.right_only)):
                entry = self._folded[side]
                if box.isChecked() and entry is not None:
                    self.hits.extend((side, s, e) for s, e in entry[1].find_all(query))
        self._paint()
        if self.hits:
            self.step(+1)
        elif query.strip() and self.count.text() != self.tr("Preparing…"):
            self.count.setText(self.tr("Not found"))
        elif not query.strip():
            self.count.setText("")

    def step(self, direction: int) -> None:
        """Go to the next (+1) or previous (-1) hit, wrapping round."""
        if not self.hits:
            return
        if self.current is None:
            self.current = 0 if direction > 0 else len(self.hits) - 1
        else:
            self.current = (self.current + direction) % len(self.hits)
        side, start, end = self.hits[self.current]
        view = self.views[side]
        view.scroll_to_y(max(0.0, view.y_of(start) - view.viewport().height() / 3))
        self._paint()
        self.count.setText(self.tr("{n} of {total}").format(n=self.current + 1, total=len(self.hits)))
        self.moved.emit()

    def _paint(self) -> None:
        for side, view in self.views.items():
            spans = [(s, e) for hit_side, s, e in self.hits if hit_side == side]
            current = None
            if self.current is not None and self.hits[self.current][0] == side:
                current = sum(1 for h in self.hits[: self.current] if h[0] == side)
            view.highlight_found(spans, current)
