"""Keep the two panes in rows: pad each row to its taller side, then scroll both by the same pixels.

The rows come from ``rows.build_rows`` (pure); this module measures where each row starts in each
pane at the current width and font (on the layout the pane already has), refills each pane with its
marks and padding margins (one lazy layout pass per pane, see ``refill``) and places the empty bands
facing added, removed and moved units. With both documents padded to the same
height, scroll sync is a copy of the scroll bar value: wheel, keys and scroll bar alike.
May import: PySide6, policydiff.gui.marks/panes/refill/rows, policydiff.model.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from policydiff.gui.marks import Gutter, SideMarks
from policydiff.gui.panes import Band, DocumentView
from policydiff.gui.refill import Padding
from policydiff.gui.rows import Row, build_rows
from policydiff.model import Comparison, Side, Status

REALIGN_DELAY_MS = 120  # wait for a resize or zoom to settle before measuring the rows again


class ScrollSync(QObject):
    """Pads ``left`` and ``right`` into rows and scrolls them together."""

    realigned = Signal()

    def __init__(self, left: DocumentView, right: DocumentView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.comparison: Comparison | None = None
        self.rows: list[Row] = []
        self.row_tops: list[float] = []  # document y of each row (the same in both panes)
        self.total_height = 0.0  # height of both padded documents (their last row's bottom)
        self.enabled = True
        self._busy = False
        self._widths = (0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REALIGN_DELAY_MS)
        self._timer.timeout.connect(self.realign)
        left.verticalScrollBar().valueChanged.connect(lambda v: self._scrolled(self.right, v))
        right.verticalScrollBar().valueChanged.connect(lambda v: self._scrolled(self.left, v))
        for view in (left, right):
            view.document().documentLayout().documentSizeChanged.connect(self._size_changed)

    def set_comparison(
        self, comparison: Comparison | None, marks: Mapping[Side, SideMarks | None] | None = None
    ) -> None:
        """Show ``comparison`` in rows, each pane with its ``marks`` (None: the marks it shows)."""
        self.comparison = comparison
        self.rows = build_rows(comparison) if comparison is not None else []
        self.realign(marks)

    def schedule(self) -> None:
        """Measure and pad again soon (after a resize or a zoom)."""
        if self.comparison is not None:
            self._timer.start()

    def _size_changed(self, _size: object) -> None:
        widths = (self.left.viewport().width(), self.right.viewport().width())
        if widths != self._widths:
            self.schedule()

    def realign(self, marks: Mapping[Side, SideMarks | None] | None = None) -> None:
        """Measure every row in both panes and pad them level, showing ``marks`` (None: keep them).

        The rows are measured on the layout each pane already has (see ``DocumentView.natural_tops``)
        and each pane is then refilled with its marks and padding in one lazy layout pass.
        """
        self._timer.stop()
        views = {Side.LEFT: self.left, Side.RIGHT: self.right}
        shown = {side: marks[side] if marks is not None else view.marks for side, view in views.items()}
        top = self.left.top_y()
        if self.comparison is None or not self.rows:
            with self.hold():
                for side, view in views.items():
                    # no comparison (yet): Qt lays the text out in the background meanwhile
                    view.fill(shown[side], Padding(), settle=self.comparison is not None)
                    view.bands = []
            self.row_tops, self.total_height = [], 0.0
            return
        measured = {side: _measure(view, self.rows, side, shown[side]) for side, view in views.items()}
        natural = {side: m[0] for side, m in measured.items()}
        blocks = {side: m[1] for side, m in measured.items()}
        pads: dict[str, dict[int, float]] = {Side.LEFT: {}, Side.RIGHT: {}}
        first_top = {Side.LEFT: 0.0, Side.RIGHT: 0.0}
        shift = {Side.LEFT: 0.0, Side.RIGHT: 0.0}
        bands: dict[str, list[Band]] = {Side.LEFT: [], Side.RIGHT: []}
        anchors: dict[str, tuple[list[float], list[int]]] = {Side.LEFT: ([], []), Side.RIGHT: ([], [])}
        self.row_tops = []
        count = len(self.rows)

        def add(side: Side, row: int, amount: float) -> None:
            if amount <= 0:
                return
            block = blocks[side][row]
            if block < 0:
                first_top[side] += amount
            else:
                pads[side][block] = pads[side].get(block, 0.0) + amount
            shift[side] += amount

        for i, row in enumerate(self.rows):
            tops = {side: natural[side][i] + shift[side] for side in views}
            level = max(tops.values())
            for side in views:
                add(side, i, level - tops[side])
            self.row_tops.append(level)
            for side, other in ((Side.LEFT, Side.RIGHT), (Side.RIGHT, Side.LEFT)):
                if getattr(row, side) is None:
                    height = natural[other][i + 1] - natural[other][i]
                    add(side, i, height)
                    bands[side].append(
                        Band(
                            level, level + height, self._band_kind(row), self._band_note(row, side), row.pair
                        )
                    )
                else:
                    anchors[side][0].append(level)
                    anchors[side][1].append(blocks[side][i] + 1)
        ends = {side: natural[side][count] + shift[side] for side in views}
        level = max(ends.values())
        self.total_height = level
        with self.hold():
            for side, view in views.items():
                view.fill(
                    shown[side], Padding(pads[side], first_top[side], level - ends[side]), anchors[side]
                )
                view.bands = bands[side]
            self._widths = (self.left.viewport().width(), self.right.viewport().width())
            self.left.scroll_to_y(top)
            self.right.scroll_to_y(top)
        self.realigned.emit()

    def _band_kind(self, row: Row) -> Gutter:
        pair = self.comparison.pairs[row.pair]  # type: ignore[union-attr]
        if pair.moved:
            return Gutter.MOVED
        return Gutter.ADDED if pair.status == Status.ADDED else Gutter.REMOVED

    def _band_note(self, row: Row, side: Side) -> str:
        """What an empty band says: where a moved unit's partner stands, else nothing."""
        pair = self.comparison.pairs[row.pair]  # type: ignore[union-attr]
        if not pair.moved:
            return ""
        unit = pair.left if side == Side.LEFT else pair.right
        label = (unit.label or unit.heading[:12]) if unit is not None else ""
        return QCoreApplication.translate(
            "ScrollSync", "↕ moved: its counterpart {label} is elsewhere — click to jump"
        ).format(label=label)

    def row_index_at(self, y: float) -> int | None:
        """The row shown at document y."""
        from bisect import bisect_right

        i = bisect_right(self.row_tops, y) - 1
        return i if i >= 0 else None

    def rows_of_pair(self, pair_index: int) -> list[int]:
        return [i for i, row in enumerate(self.rows) if row.pair == pair_index]

    def _scrolled(self, other: DocumentView, value: int) -> None:
        if self._busy or not self.enabled:
            return
        self._busy = True
        try:
            other.scroll_to_y(value)
        finally:
            self._busy = False

    def hold(self) -> _Hold:
        """``with sync.hold():`` positions both panes without one dragging the other."""
        return _Hold(self)


def _measure(
    view: DocumentView, rows: list[Row], side: Side, marks: SideMarks | None
) -> tuple[list[float], list[int]]:
    """Unpadded y of each row's start on ``side`` with ``marks`` shown (an empty side: where its next
    row starts), with one more entry for the end of the text; and for each row the block whose
    bottom margin pads before it (-1: the first block's top margin)."""
    numbers = [
        view.block_number(start) if start is not None else -1 for start in (getattr(r, side) for r in rows)
    ]
    present = [n for n in numbers if n >= 0]
    found, end = view.natural_tops(present, marks)
    top_of = dict(zip(present, found, strict=True))
    tops = [0.0] * (len(rows) + 1)
    tops[len(rows)] = end
    pad = [0] * len(rows)
    following, following_block = end, view.document().blockCount()
    for i in range(len(rows) - 1, -1, -1):
        if numbers[i] >= 0:
            following, following_block = top_of[numbers[i]], numbers[i]
        tops[i] = following
        pad[i] = following_block - 1
    return tops, pad


class _Hold:
    def __init__(self, sync: ScrollSync) -> None:
        self._sync = sync

    def __enter__(self) -> None:
        self._sync._busy = True

    def __exit__(self, *exc: object) -> None:
        self._sync._busy = False
