"""Scroll the two panes together along the alignment, so counterpart units stay level.

Anchors (pair starts and ends, as fractional block numbers) are built once per comparison; each
scroll does a bisect and one interpolation inside the current pair, never a walk over the text.
May import: PySide6, policydiff.gui.marks/panes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from policydiff.gui.marks import Anchors, anchor_offsets
from policydiff.gui.panes import DocumentView
from policydiff.model import Comparison


class ScrollSync(QObject):
    """Keeps ``right`` level with ``left`` (and back) while either is scrolled."""

    def __init__(self, left: DocumentView, right: DocumentView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.anchors: Anchors | None = None
        self.enabled = True
        self._busy = False
        left.verticalScrollBar().valueChanged.connect(self._left_scrolled)
        right.verticalScrollBar().valueChanged.connect(self._right_scrolled)

    def set_comparison(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.anchors = None
            return
        offsets = anchor_offsets(comparison)
        left = self.left.block_positions([lo for lo, _ro in offsets])
        right = self.right.block_positions([ro for _lo, ro in offsets])
        self.anchors = Anchors(list(zip(left, right, strict=True)))

    def _left_scrolled(self, _value: int) -> None:
        if self._busy or not self.enabled or self.anchors is None:
            return
        self._busy = True
        try:
            self.right.set_top_position(self.anchors.to_right(self.left.top_position()))
        finally:
            self._busy = False

    def _right_scrolled(self, _value: int) -> None:
        if self._busy or not self.enabled or self.anchors is None:
            return
        self._busy = True
        try:
            self.left.set_top_position(self.anchors.to_left(self.right.top_position()))
        finally:
            self._busy = False

    def hold(self) -> _Hold:
        """``with sync.hold():`` positions both panes without one dragging the other."""
        return _Hold(self)


class _Hold:
    def __init__(self, sync: ScrollSync) -> None:
        self._sync = sync

    def __enter__(self) -> None:
        self._sync._busy = True

    def __exit__(self, *exc: object) -> None:
        self._sync._busy = False
