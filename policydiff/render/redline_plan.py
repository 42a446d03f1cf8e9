"""The redline as one stream of marked runs: accepted, it reads as the right document; rejected, as the left.

A Word 修订 document is the right document's text with the left's differences as revisions. This
module decides, from the comparison alone (its pairs and their word edits: no second diff of the
content), which text goes where and how it is marked; render.redline turns the stream into Word XML.

The stream walks the right document in reading order. A pair both sides keep in order is written
edit by edit (equal words plain, deleted words as deletions, inserted words as insertions); the
left's units that come before it (removed units, the sources of moved units) are written as whole
deleted (or moved-from) paragraphs just before it; an added unit is a whole inserted paragraph; a
moved unit is moved-from where the left had it and moved-to where the right has it. Text between
units (blank lines, a web page's leading and trailing text) keeps its place. So, by construction,
every character of each document lands once, in order, on its side of the stream.

Equal words whose characters differ (traditional ↔ simplified, full ↔ half width, punctuation:
what normalization folds) still need a revision, or rejecting would not restore the left's own
characters: they become the smallest deletion + insertion of the differing characters, flagged
``normalization`` so the writer can set them apart. A renumbered label (第五条 → 第六条) is an
ordinary revision. Whitespace-only differences are no revision (the right's whitespace is kept).
May import: the standard library, rapidfuzz and policydiff.model, policydiff.compare.prepared (never PySide6).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Indel

from policydiff.compare.prepared import unit_text_start
from policydiff.model import Comparison, Edit, Level, Op, Pair, Status, Unit, unit_runs


class Mark(StrEnum):
    """How a run of the stream is marked; what accepting and rejecting every revision keeps."""

    EQUAL = "equal"  # both
    INSERT = "insert"  # accepted only
    DELETE = "delete"  # rejected only
    MOVE_FROM = "move_from"  # rejected only: the moved unit where the left had it
    MOVE_TO = "move_to"  # accepted only: the moved unit where the right has it


ACCEPTED = frozenset({Mark.EQUAL, Mark.INSERT, Mark.MOVE_TO})
REJECTED = frozenset({Mark.EQUAL, Mark.DELETE, Mark.MOVE_FROM})


@dataclass(frozen=True)
class Piece:
    """A run of text; a newline in it ends a paragraph (the paragraph mark takes the run's mark)."""

    mark: Mark
    text: str
    normalization: bool = False  # differs from the other side only as normalization folds it


@dataclass(frozen=True)
class Anchor:
    """Where the text of one pair starts or ends in the stream (comments and move ranges hang here).

    ``mark`` is EQUAL for a pair written in place, INSERT / DELETE for an added / removed unit,
    MOVE_FROM / MOVE_TO for the two ends of a moved unit.
    """

    pair: int  # index in Comparison.pairs (past its end: a further part of a far group)
    start: bool
    mark: Mark
    level: Level


Item = Piece | Anchor


@dataclass(frozen=True)
class PlanConfig:
    """Limits of the character alignment inside equal words whose characters differ."""

    window: int = 8_000  # characters per window when such a run is longer (it is near-identical)


DEFAULT_PLAN = PlanConfig()


@dataclass(frozen=True)
class _Tile:
    start: int
    end: int
    pair: int | None  # None: text between units


def plan(comparison: Comparison, config: PlanConfig = DEFAULT_PLAN) -> list[Item]:
    """The redline stream of ``comparison`` (see the module docstring).

    Returns:
        Pieces and anchors in document order; ``accepted(items)`` is the right text and
        ``rejected(items)`` the left text, whitespace aside.
    """
    return _Planner(comparison, config).run()


def accepted(items: Iterable[Item]) -> str:
    """The text that accepting every revision leaves."""
    return "".join(i.text for i in items if isinstance(i, Piece) and i.mark in ACCEPTED)


def rejected(items: Iterable[Item]) -> str:
    """The text that rejecting every revision leaves."""
    return "".join(i.text for i in items if isinstance(i, Piece) and i.mark in REJECTED)


def _span(units: Sequence[Unit], pair: Pair, left: bool) -> tuple[int, int] | None:
    """The text a pair covers on one side: its units from the first label to the last own end."""
    if not units:
        return None
    spans = [e.left if left else e.right for e in pair.edits]
    spans = [s for s in spans if s[1] > s[0]]
    start = min([u.start for u in units] + [s[0] for s in spans])
    end = max([u.own_end for u in units] + [s[1] for s in spans])
    return start, end


def _tiles(spans: dict[int, tuple[int, int]], length: int) -> tuple[list[_Tile], set[int]]:
    """The pairs' spans in order with the text between them; pairs whose span overlaps an earlier
    one (never seen, but the stream must hold every character once) are returned apart."""
    tiles: list[_Tile] = []
    clash: set[int] = set()
    at = 0
    for k, (start, end) in sorted(spans.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[0])):
        if start < at:
            clash.add(k)
            continue
        if start > at:
            tiles.append(_Tile(at, start, None))
        tiles.append(_Tile(start, end, k))
        at = end
    if at < length:
        tiles.append(_Tile(at, length, None))
    return tiles, clash


class _Planner:
    def __init__(self, comparison: Comparison, config: PlanConfig) -> None:
        self.comparison = comparison
        self.config = config
        # a far merge or split is written part by part: each run of neighbours against its text
        self.pairs, self.anchor_of = _parts(comparison.pairs)
        self.left_text = comparison.left.text
        self.right_text = comparison.right.text
        self.items: list[Item] = []
        # the last character each view has so far (accepted: True, rejected: False); a paragraph
        # of one side's text starts where its view has a line break
        self.tail = {True: "\n", False: "\n"}

    # -- the walk ------------------------------------------------------------------------------
    def run(self) -> list[Item]:
        pairs = self.pairs
        lspans: dict[int, tuple[int, int]] = {}
        rspans: dict[int, tuple[int, int]] = {}
        for k, pair in enumerate(pairs):
            ls = _span(pair.left_units, pair, left=True)
            rs = _span(pair.right_units, pair, left=False)
            if ls is not None:
                lspans[k] = ls
            if rs is not None:
                rspans[k] = rs
        ltiles, lclash = _tiles(lspans, len(self.left_text))
        rtiles, rclash = _tiles(rspans, len(self.right_text))
        clash = lclash | rclash
        for k in clash:  # written as a whole deletion and insertion wherever room is left
            lspans.pop(k, None)
            rspans.pop(k, None)
        ltiles, _ = _tiles(lspans, len(self.left_text))
        rtiles, _ = _tiles(rspans, len(self.right_text))
        in_place = self._in_place(rtiles, lspans)
        # text before the first unit and after the last on both sides (a page's own lines) is
        # written against each other rather than as a deletion beside an insertion
        lead = len(ltiles) > 0 and len(rtiles) > 0 and ltiles[0].pair is None and rtiles[0].pair is None
        trail = (
            len(ltiles) > 1 + lead
            and len(rtiles) > 1 + lead
            and ltiles[-1].pair is None
            and rtiles[-1].pair is None
        )
        left_at = 0  # index into ltiles of the next left tile not yet written
        last_right = len(rtiles) - 1 if trail else len(rtiles)
        last_left = len(ltiles) - 1 if trail else len(ltiles)
        left_index = {t.pair: n for n, t in enumerate(ltiles) if t.pair is not None}
        ahead: list[int | None] = [None] * len(rtiles)  # the next pair in place from each right tile
        upcoming: int | None = None
        for n in range(len(rtiles) - 1, -1, -1):
            if rtiles[n].pair in in_place:
                upcoming = rtiles[n].pair
            ahead[n] = upcoming
        for n, tile in enumerate(rtiles[:last_right]):
            if tile.pair is None:
                after = rtiles[n + 1].pair if n + 1 < len(rtiles) else None
                j = left_index[after] - 1 if after in in_place else -1
                if n == 0 and lead:
                    self._equal(ltiles[0], tile, normalization=False)
                    left_at = 1
                elif j >= left_at and ltiles[j].pair is None:
                    # the text just before a pair in place on both sides (a Markdown "## " before
                    # a chapter, a blank line): written against each other
                    self._left_run(ltiles[left_at:j])
                    self._equal(ltiles[j], tile, normalization=False)
                    left_at = j + 1
                else:
                    self._right_gap(tile)
                continue
            k = tile.pair
            if k in in_place:
                run_start = left_at
                while left_at < last_left and ltiles[left_at].pair != k:
                    left_at += 1
                self._left_run(ltiles[run_start:left_at])
                left_at += 1
                self._in_place_pair(k, lspans[k], (tile.start, tile.end))
            else:
                # what the left has before the next pair in place goes first: deleted text before
                # inserted text, as Word's Compare writes a replacement
                upcoming = ahead[n]
                limit = last_left if upcoming is None else left_index[upcoming]
                if upcoming is not None and limit > left_at and ltiles[limit - 1].pair is None:
                    limit -= 1  # the text just before that pair is written against the right's
                self._left_run(ltiles[left_at:limit])
                left_at = max(left_at, limit)
                self._right_only(k, tile)
        self._left_run(ltiles[left_at:last_left])
        if trail:
            self._equal(ltiles[-1], rtiles[-1], normalization=False)
        for k in sorted(clash):  # never expected: keep their text all the same
            self._clashing(k)
        return self.items

    def _in_place(self, rtiles: list[_Tile], lspans: dict[int, tuple[int, int]]) -> set[int]:
        """Pairs written where they stand: paired, not moved, in the left's order (greedily)."""
        out: set[int] = set()
        at = 0
        for tile in rtiles:
            k = tile.pair
            if k is None or k not in lspans:
                continue
            pair = self.pairs[k]
            start, end = lspans[k]
            if pair.moved or start < at:
                continue
            out.add(k)
            at = end
        return out

    # -- writing -------------------------------------------------------------------------------
    def _put(self, mark: Mark, text: str, normalization: bool = False) -> None:
        if not text:
            return
        items = self.items
        if items and isinstance(items[-1], Piece) and items[-1].mark == mark:
            prev = items[-1]
            if prev.normalization == normalization:
                items[-1] = Piece(mark, prev.text + text, normalization)
                self._tail(mark, text)
                return
        items.append(Piece(mark, text, normalization))
        self._tail(mark, text)

    def _tail(self, mark: Mark, text: str) -> None:
        if mark in ACCEPTED:
            self.tail[True] = text[-1]
        if mark in REJECTED:
            self.tail[False] = text[-1]

    def _anchor(self, k: int, start: bool, mark: Mark) -> None:
        self.items.append(Anchor(self.anchor_of[k], start, mark, self.pairs[k].level))

    def _right_gap(self, tile: _Tile) -> None:
        """Text between two units on the right: its blank lines stand on both sides (the left has
        a break between units too), the rest (a stray mark, a zero-width space) is inserted."""
        text = self.right_text[tile.start : tile.end]
        core = text.strip()
        if not core:
            self._put(Mark.EQUAL, text)
            return
        head = text.index(core)
        self._put(Mark.EQUAL, text[:head])
        self._put(Mark.INSERT, core)
        self._put(Mark.EQUAL, text[head + len(core) :])

    def _left_run(self, tiles: Sequence[_Tile]) -> None:
        """Left text met before the next pair in place (removed units, moved units' sources, text
        between units), contiguous in the left document: deleted as it stands, its own line
        breaks kept (as deleted paragraph marks), on paragraphs of its own."""
        texts = [self.left_text[t.start : t.end] for t in tiles]
        first = next((n for n, t in enumerate(texts) if t.strip()), None)
        if first is None:  # blank lines only: the right's break between units stands for them,
            if any("\n" in t for t in texts):  # unless the left's view has none there
                self._start_paragraph(Mark.DELETE)
            return
        last = max(n for n, t in enumerate(texts) if t.strip())
        self._start_paragraph(Mark.DELETE)
        for n in range(first, last + 1):
            tile, text = tiles[n], texts[n]
            if tile.pair is None:
                if n == first:
                    text = text.lstrip()
                if n == last:
                    text = text.rstrip()
                self._put(Mark.DELETE, text)
                continue
            self._left_unit(tile.pair, tile, text)
        self._start_paragraph(Mark.DELETE)

    def _left_unit(self, k: int, tile: _Tile, text: str) -> None:
        """A removed unit, or a moved unit where the left had it (its deleted words marked)."""
        pair = self.pairs[k]
        mark = Mark.MOVE_FROM if pair.right is not None else Mark.DELETE
        self._anchor(k, True, mark)
        if mark == Mark.MOVE_FROM and _tiled(pair.edits, (tile.start, tile.end), left=True):
            for edit in pair.edits:
                piece = self.left_text[edit.left[0] : edit.left[1]]
                self._put(Mark.MOVE_FROM if edit.op == Op.EQUAL else Mark.DELETE, piece)
        else:
            self._put(mark, text)
        self._anchor(k, False, mark)

    def _paragraphs(self, mark: Mark, text: str) -> None:
        """Text of one side only as whole paragraphs of its own."""
        self._start_paragraph(mark)
        self._put(mark, text.strip())
        self._put(mark, "\n")

    def _start_paragraph(self, mark: Mark) -> None:
        if self.tail[mark in ACCEPTED] != "\n":  # that side's view is inside a line
            self._put(mark, "\n")

    def _right_only(self, k: int, tile: _Tile) -> None:
        """An added unit, or a moved unit where the right has it."""
        pair = self.pairs[k]
        text = self.right_text[tile.start : tile.end]
        if pair.left is None:
            self._anchor(k, True, Mark.INSERT)
            self._put(Mark.INSERT, text)
            self._anchor(k, False, Mark.INSERT)
            return
        self._anchor(k, True, Mark.MOVE_TO)
        if _tiled(pair.edits, (tile.start, tile.end), left=False):
            for edit in pair.edits:
                piece = self.right_text[edit.right[0] : edit.right[1]]
                self._put(Mark.MOVE_TO if edit.op == Op.EQUAL else Mark.INSERT, piece)
        else:
            self._put(Mark.MOVE_TO, text)
        self._anchor(k, False, Mark.MOVE_TO)

    def _in_place_pair(self, k: int, lspan: tuple[int, int], rspan: tuple[int, int]) -> None:
        pair = self.pairs[k]
        self._anchor(k, True, Mark.EQUAL)
        edits = list(pair.edits) or [Edit(Op.EQUAL, lspan, rspan)]
        if not (_tiled(edits, lspan, left=True) and _tiled(edits, rspan, left=False)):
            edits = []  # never expected: the whole unit as replaced keeps every character
            self._put(Mark.DELETE, self.left_text[lspan[0] : lspan[1]])
            self._put(Mark.INSERT, self.right_text[rspan[0] : rspan[1]])
        if edits and edits[0].op == Op.EQUAL:
            edits[0:1] = self._label(pair, edits[0])
        for edit in edits:
            left, right = _Tile(*edit.left, k), _Tile(*edit.right, k)
            if edit.op == Op.EQUAL:
                self._equal(left, right, normalization=True)
            else:
                self._put(Mark.DELETE, self.left_text[left.start : left.end])
                self._put(Mark.INSERT, self.right_text[right.start : right.end])
        self._anchor(k, False, Mark.EQUAL)

    def _label(self, pair: Pair, first: Edit) -> list[Edit]:
        """A renumbered label (第五条 → 第六条, 16. → （二十四）) is a revision of the whole label,
        not of the digits that differ; the comparison counts labels as equal text."""
        (l0, l1), (r0, r1) = first.left, first.right
        le = _label_end(self.left_text, pair.left_units)
        re_ = _label_end(self.right_text, pair.right_units)
        if not (l0 <= le <= l1 and r0 <= re_ <= r1):
            return [first]
        a, b = self.left_text[l0:le], self.right_text[r0:re_]
        if "".join(a.split()) == "".join(b.split()):
            return [first]
        return [Edit(Op.REPLACE, (l0, le), (r0, re_)), Edit(Op.EQUAL, (le, l1), (re_, r1))]

    def _equal(self, left: _Tile, right: _Tile, normalization: bool) -> None:
        """Text the comparison calls equal: the right's own characters, with the few that differ
        from the left's as revisions (flagged ``normalization`` inside a unit). Whitespace is no
        revision, except a line break only one side has: a paragraph mark inserted or deleted,
        so each side keeps its own paragraphs."""
        a = self.left_text[left.start : left.end]
        b = self.right_text[right.start : right.end]
        if a == b or _same_lines(a, b):
            self._put(Mark.EQUAL, b)
            return
        for i0, i1, j0, j1, same in _char_runs(a, b, self.config.window):
            da, db = a[i0:i1], b[j0:j1]
            if same:
                self._put(Mark.EQUAL, db)
            elif not da.strip() and not db.strip():  # whitespace: only a line break counts
                if "\n" in db and "\n" not in da:
                    self._put(Mark.INSERT, db)
                else:
                    self._put(Mark.EQUAL, db)
                    if "\n" in da and "\n" not in db:
                        self._put(Mark.DELETE, "\n")
            else:
                if da.strip():
                    self._put(Mark.DELETE, da, normalization)
                if db.strip():
                    self._put(Mark.INSERT, db, normalization)
                else:
                    self._put(Mark.EQUAL, db)

    def _clashing(self, k: int) -> None:
        pair = self.pairs[k]
        for units, text, mark in (
            (pair.left_units, self.left_text, Mark.DELETE),
            (pair.right_units, self.right_text, Mark.INSERT),
        ):
            for unit in units:
                self._paragraphs(mark, text[unit.start : unit.own_end])


def _parts(pairs: Sequence[Pair]) -> tuple[list[Pair], list[int]]:
    """The pairs as the redline writes them. A far group (its units on a side not all neighbours)
    is written as its main pair, the runs of neighbours that hold ``pair.left`` and ``pair.right``
    with the edits between them, and each further run as a removed or added unit where it stands:
    a document's text cannot be in two places, and every part then covers contiguous text on each
    side as an ordinary pair does. The status comment on the main part names the whole group.

    Returns the parts and the anchor index of each: its pair's index for the main part, an index
    past the comparison's pairs for the others (no second comment).
    """
    out: list[Pair] = []
    anchor_of: list[int] = []
    extra = len(pairs)
    for k, pair in enumerate(pairs):
        if not pair.far or pair.left is None or pair.right is None:
            out.append(pair)
            anchor_of.append(k)
            continue
        left_runs, right_runs = unit_runs(pair.left_units), unit_runs(pair.right_units)
        left_main = next(run for run in left_runs if pair.left in run)
        right_main = next(run for run in right_runs if pair.right in run)
        out.append(
            Pair(
                pair.status,
                pair.level,
                left_main[0],
                right_main[0],
                pair.similarity,
                pair.moved,
                tuple(_main_edits(pair.edits, left_main, right_main)),
                also_left=tuple(left_main[1:]),
                also_right=tuple(right_main[1:]),
            )
        )
        anchor_of.append(k)
        for run in left_runs:
            if run is not left_main and run[-1].own_end > run[0].start:
                gone = Edit(Op.DELETE, (run[0].start, run[-1].own_end), (0, 0))
                out.append(
                    Pair(
                        Status.REMOVED,
                        run[0].level,
                        run[0],
                        None,
                        0.0,
                        False,
                        (gone,),
                        also_left=tuple(run[1:]),
                    )
                )
                anchor_of.append(extra)
                extra += 1
        for run in right_runs:
            if run is not right_main and run[-1].own_end > run[0].start:
                new = Edit(Op.INSERT, (0, 0), (run[0].start, run[-1].own_end))
                out.append(
                    Pair(
                        Status.ADDED,
                        run[0].level,
                        None,
                        run[0],
                        0.0,
                        False,
                        (new,),
                        also_right=tuple(run[1:]),
                    )
                )
                anchor_of.append(extra)
                extra += 1
    return out, anchor_of


def _main_edits(edits: Sequence[Edit], left: Sequence[Unit], right: Sequence[Unit]) -> list[Edit]:
    """A far group's edits restricted to its main runs: text matched in a further run is, in the
    main runs, deleted or inserted text (the further run is written whole where it stands)."""

    def inside(span: tuple[int, int], run: Sequence[Unit]) -> bool:
        return span[1] > span[0] and run[0].start <= span[0] < run[-1].own_end

    out: list[Edit] = []
    for edit in edits:
        in_left, in_right = inside(edit.left, left), inside(edit.right, right)
        if in_left and in_right:
            out.append(edit)
        elif in_left:
            out.append(Edit(Op.DELETE, edit.left, (0, 0)))
        elif in_right:
            out.append(Edit(Op.INSERT, (0, 0), edit.right))
    return out


def _same_lines(a: str, b: str) -> bool:
    """The same characters on the same lines, spaces aside (then the right's spaces will do)."""
    if a.count("\n") != b.count("\n"):
        return False
    return all(
        "".join(x.split()) == "".join(y.split()) for x, y in zip(a.split("\n"), b.split("\n"), strict=True)
    )


def _tiled(edits: Sequence[Edit], span: tuple[int, int], left: bool) -> bool:
    """Whether the edits' spans on one side cover ``span`` exactly, in order (they always should)."""
    if not edits:
        return False
    at = span[0]
    for edit in edits:
        start, end = edit.left if left else edit.right
        if end == start:
            continue
        if start != at:
            return False
        at = end
    return at == span[1]


def _label_end(text: str, units: Sequence[Unit]) -> int:
    """Where the first unit's label ends (a renumbered label is a real revision, not normalization)."""
    if not units:
        return 0
    return unit_text_start(text, units[0])


def _char_runs(a: str, b: str, window: int) -> list[tuple[int, int, int, int, bool]]:
    """Align two texts the comparison found equal, character by character: (a0, a1, b0, b1, same).

    They are near-identical (they differ in script, width or punctuation only), so an exact
    alignment in windows of ``window`` characters, cut in proportion, is linear and loses nothing.
    """
    out: list[tuple[int, int, int, int, bool]] = []
    n = max(1, -(-max(len(a), len(b)) // window))
    for w in range(n):
        a0, a1 = len(a) * w // n, len(a) * (w + 1) // n
        b0, b1 = len(b) * w // n, len(b) * (w + 1) // n
        pending: list[int] | None = None  # a0, a1, b0, b1 of a change being gathered
        for op in Indel.opcodes(a[a0:a1], b[b0:b1]):
            i0, i1, j0, j1 = a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start, b0 + op.dest_end
            if op.tag == "equal":
                if pending is not None:
                    out.append((pending[0], pending[1], pending[2], pending[3], False))
                    pending = None
                out.append((i0, i1, j0, j1, True))
            elif pending is None:
                pending = [i0, i1, j0, j1]
            else:
                pending[1], pending[3] = i1, j1
        if pending is not None:
            out.append((pending[0], pending[1], pending[2], pending[3], False))
    return out
