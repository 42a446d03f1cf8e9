"""Word edits of one aligned pair, as spans of each document's loaded text.

The diff runs on normalized words; its chunk boundaries map back through the offset map so the
edits tile each unit's own text exactly: a traditional-character document is highlighted on its
own characters, and text normalization dropped (spaces, line breaks) joins a neighbouring chunk.
May import: the standard library, rapidfuzz and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from policydiff.compare.prepared import PreparedDocument
from policydiff.compare.worddiff import DiffConfig, diff_tokens
from policydiff.lang.normalize import NormalizedText
from policydiff.model import Edit, Op, Unit, unit_runs

# A shared run at either end of a change counts from this many characters (one is noise: 支持/支援).
EDGE_RUN_MIN = 2


@dataclass(frozen=True)
class _Side:
    """The text one side of a pair shows: one unit, or a group of consecutive units (a merge or
    split) read as one text from the first unit's label to the last unit's own end."""

    start: int  # the first unit's start (its label)
    text_start: int  # after the first unit's label
    own_end: int  # the last unit's own end
    norm: tuple[int, int]  # the same text (after the first label) in normalized coordinates


def _side(prepared: PreparedDocument, units: Sequence[Unit]) -> _Side:
    first, last = units[0], units[-1]
    a = prepared.own_spans[first.index][0]
    b = prepared.own_spans[last.index][1]
    return _Side(first.start, prepared.text_start(first), last.own_end, (a, b))


def unit_edits(
    left: PreparedDocument,
    right: PreparedDocument,
    lu: Unit | Sequence[Unit],
    ru: Unit | Sequence[Unit],
    config: DiffConfig,
) -> tuple[list[Edit], float]:
    """Word edits between two units' own texts, as spans of the loaded texts; and their similarity.

    Either side may be a group of leaf units (a merge or a split): its texts are diffed as one,
    so text shared across the group shows as shared. A group whose units are not neighbours is
    diffed run by run of consecutive units (see ``_far_group_edits``).
    """
    left_runs = unit_runs([lu] if isinstance(lu, Unit) else lu)
    right_runs = unit_runs([ru] if isinstance(ru, Unit) else ru)
    if len(left_runs) > 1 or len(right_runs) > 1:
        return _far_group_edits(left, right, left_runs, right_runs, config)
    ls = _side(left, left_runs[0])
    rs = _side(right, right_runs[0])
    la, lb = ls.norm
    ra, rb = rs.norm
    lw = left.clipped_words(la, lb)
    rw = right.clipped_words(ra, rb)
    l_bounds = _bounds(la, lw)
    r_bounds = _bounds(ra, rw)
    spans = [
        (c.op, l_bounds[c.l0], l_bounds[c.l1], r_bounds[c.r0], r_bounds[c.r1])
        for c in diff_tokens(lw, rw, config)
    ]
    spans = refine(spans, left.norm, right.norm, config.min_shared_chars)
    l_prev = ls.text_start
    r_prev = rs.text_start
    # the labels stand for each other: an equal chunk, so the edits still tile both units
    raw: list[tuple[Op, tuple[int, int], tuple[int, int]]] = [
        (Op.EQUAL, (ls.start, l_prev), (rs.start, r_prev))
    ]
    equal_chars = 0
    for k, (op, _, l1, _, r1) in enumerate(spans):
        last = k == len(spans) - 1
        l_end = ls.own_end if last else _to_original(left.norm, l1, ls)
        r_end = rs.own_end if last else _to_original(right.norm, r1, rs)
        l_end = min(max(l_end, l_prev), ls.own_end)
        r_end = min(max(r_end, r_prev), rs.own_end)
        if op == Op.EQUAL:
            equal_chars += _visible(left.norm.text[spans[k][1] : l1])
        raw.append((op, (l_prev, l_end), (r_prev, r_end)))
        l_prev, r_prev = l_end, r_end
    if l_prev < ls.own_end or r_prev < rs.own_end:  # text after the last word (trailing spaces)
        raw.append((Op.EQUAL, (l_prev, ls.own_end), (r_prev, rs.own_end)))
    edits = _as_edits(raw, left.document.text, right.document.text)
    l_chars = _visible("".join(lw))
    r_chars = _visible("".join(rw))
    similarity = 1.0 if l_chars + r_chars == 0 else 2 * equal_chars / (l_chars + r_chars)
    return edits, similarity


def _visible(text: str) -> int:
    """How many characters of ``text`` are not whitespace (str.split cuts where isspace holds)."""
    return sum(map(len, text.split()))


CharChunk = tuple[Op, int, int, int, int]  # op, left start, end, right start, end (normalized)


def refine(
    spans: list[CharChunk], left: NormalizedText, right: NormalizedText, min_run: int
) -> list[CharChunk]:
    """Refine a word diff on characters where words were cut differently on the two sides.

    jieba may cut one phrase differently in two contexts (董事会|成员 vs 董事|、), so a word diff
    can miss shared characters at the edges of a change and inside it. In each replace, the
    characters both sides start or end with (two or more) join the neighbouring shared text, and
    shared runs of ``min_run`` characters or more inside it become shared text of their own. Boundaries never
    fall inside a block of the offset map (an OpenCC phrase that changed length).
    """
    out: list[CharChunk] = []
    for chunk in spans:
        if chunk[0] != Op.REPLACE:
            out.append(chunk)
            continue
        out.extend(_refine_replace(chunk, left, right, min_run))
    merged: list[CharChunk] = []
    for chunk in out:
        if chunk[1] == chunk[2] and chunk[3] == chunk[4]:
            continue
        if merged and merged[-1][0] == Op.EQUAL and chunk[0] == Op.EQUAL:
            prev = merged[-1]
            merged[-1] = (Op.EQUAL, prev[1], chunk[2], prev[3], chunk[4])
        else:
            merged.append(chunk)
    return merged


def _cut_ok(norm: NormalizedText, pos: int) -> bool:
    """Whether a chunk boundary may fall at ``pos`` (not inside a block of the offset map)."""
    return pos <= 0 or pos >= len(norm.text) or norm.starts[pos] != norm.starts[pos - 1]


def _refine_replace(
    chunk: CharChunk, left: NormalizedText, right: NormalizedText, min_run: int
) -> list[CharChunk]:
    _, l0, l1, r0, r1 = chunk
    a, b = left.text[l0:l1], right.text[r0:r1]
    # a canonical direction, so comparing B with A mirrors comparing A with B
    swap = b < a
    ops = LCSseq.opcodes(b, a) if swap else LCSseq.opcodes(a, b)
    runs: list[tuple[int, int, int]] = []  # (left offset, right offset, length) of kept shared runs
    for op in ops:
        if op.tag != "equal":
            continue
        i, j = (op.dest_start, op.src_start) if swap else (op.src_start, op.dest_start)
        n = op.src_end - op.src_start
        at_edge = (i == 0 and j == 0) or (i + n == len(a) and j + n == len(b))
        if n >= min_run or (at_edge and n >= EDGE_RUN_MIN):
            # shrink to boundaries the offset map can take
            while n > 0 and not (_cut_ok(left, l0 + i) and _cut_ok(right, r0 + j)):
                i, j, n = i + 1, j + 1, n - 1
            while n > 0 and not (_cut_ok(left, l0 + i + n) and _cut_ok(right, r0 + j + n)):
                n -= 1
            if n > 0 and "".join(a[i : i + n].split()):
                runs.append((i, j, n))
    out: list[CharChunk] = []
    li, ri = 0, 0
    for i, j, n in runs:
        if i > li or j > ri:
            out.append((_change(i - li, j - ri), l0 + li, l0 + i, r0 + ri, r0 + j))
        out.append((Op.EQUAL, l0 + i, l0 + i + n, r0 + j, r0 + j + n))
        li, ri = i + n, j + n
    if li < len(a) or ri < len(b):
        out.append((_change(len(a) - li, len(b) - ri), l0 + li, l1, r0 + ri, r1))
    return out


def _change(n_left: int | bool, n_right: int | bool) -> Op:
    return Op.REPLACE if n_left and n_right else Op.DELETE if n_left else Op.INSERT


def _bounds(start: int, words: Sequence[str]) -> list[int]:
    out = [start]
    for w in words:
        out.append(out[-1] + len(w))
    return out


def _to_original(norm: NormalizedText, pos: int, side: _Side) -> int:
    """A boundary in normalized text → the matching boundary in the loaded text, inside the side."""
    if pos >= len(norm.text):
        return side.own_end
    start, _ = norm.to_original(pos, pos + 1)
    return min(max(start, side.start), side.own_end)


def _as_edits(
    raw: list[tuple[Op, tuple[int, int], tuple[int, int]]], left_text: str, right_text: str
) -> list[Edit]:
    """Turn chunks mapped to the loaded texts into Edits.

    Text that normalization dropped (spaces, line breaks) joins a neighbouring chunk, so a chunk's
    op is re-read from its spans: a delete that picked up right-hand spaces becomes a replace, a
    chunk whose both spans came out empty disappears, neighbouring equals join. Whitespace alone
    on one side of a change goes to the equal chunk before it (a space after a label is no edit).
    """
    out: list[Edit] = []
    for op, left, right in raw:
        if op != Op.EQUAL and out and out[-1].op == Op.EQUAL and _touches(out[-1], left, right):
            prev = out[-1]
            if left[0] < left[1] and not left_text[left[0] : left[1]].strip():
                out[-1] = prev = Edit(Op.EQUAL, (prev.left[0], left[1]), prev.right)
                left = (left[1], left[1])
            if right[0] < right[1] and not right_text[right[0] : right[1]].strip():
                out[-1] = Edit(Op.EQUAL, prev.left, (prev.right[0], right[1]))
                right = (right[1], right[1])
        left_empty, right_empty = left[0] == left[1], right[0] == right[1]
        if left_empty and right_empty:
            continue
        if op != Op.EQUAL:
            op = Op.INSERT if left_empty else Op.DELETE if right_empty else Op.REPLACE
        if out and op == Op.EQUAL and out[-1].op == Op.EQUAL and _touches(out[-1], left, right):
            out[-1] = Edit(Op.EQUAL, (out[-1].left[0], left[1]), (out[-1].right[0], right[1]))
            continue
        out.append(Edit(op, left, right))
    return out


def _touches(edit: Edit, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Whether a chunk starts where ``edit`` ends on both sides (chunks of one run always do;
    the runs of a far group do not, and must not be joined over the text between them)."""
    return edit.left[1] == left[0] and edit.right[1] == right[0]


@dataclass(frozen=True)
class _Piece:
    """A diff chunk cut so that each side lies in one run: (run, normalized start, end); a side
    the chunk does not touch has run None."""

    op: Op
    left: tuple[int | None, int, int]
    right: tuple[int | None, int, int]


class _RunTokens:
    """One side's words over several runs, with each word's run and normalized boundaries."""

    def __init__(self, prepared: PreparedDocument, sides: list[_Side]) -> None:
        self.words: list[str] = []
        self.run: list[int] = []
        self.bound: list[tuple[int, int]] = []
        for k, side in enumerate(sides):
            a, b = side.norm
            words = prepared.clipped_words(a, b)
            bounds = _bounds(a, words)
            self.words.extend(words)
            self.run.extend([k] * len(words))
            self.bound.extend(zip(bounds, bounds[1:], strict=False))

    def cut(self, t0: int, t1: int) -> list[tuple[int, int, int]]:
        """Words [t0, t1) cut at run boundaries: (run, normalized start, end) per piece."""
        out: list[tuple[int, int, int]] = []
        for t in range(t0, t1):
            run, (a, b) = self.run[t], self.bound[t]
            if out and out[-1][0] == run:
                out[-1] = (run, out[-1][1], b)
            else:
                out.append((run, a, b))
        return out


def _pieces(lt: _RunTokens, rt: _RunTokens, config: DiffConfig) -> list[_Piece]:
    """The word diff of the two sides' runs read as one text each, cut at run boundaries."""
    out: list[_Piece] = []
    for c in diff_tokens(lt.words, rt.words, config):
        if c.op == Op.EQUAL:  # equal words correspond one to one: cut both where either side's run ends
            start = 0
            n = c.l1 - c.l0
            for k in range(1, n + 1):
                if (
                    k == n
                    or lt.run[c.l0 + k] != lt.run[c.l0 + k - 1]
                    or rt.run[c.r0 + k] != rt.run[c.r0 + k - 1]
                ):
                    (lp,) = lt.cut(c.l0 + start, c.l0 + k)
                    (rp,) = rt.cut(c.r0 + start, c.r0 + k)
                    out.append(_Piece(Op.EQUAL, lp, rp))
                    start = k
            continue
        lps, rps = lt.cut(c.l0, c.l1), rt.cut(c.r0, c.r1)
        nothing: tuple[int | None, int, int] = (None, 0, 0)
        for k in range(max(len(lps), len(rps))):
            lpart = lps[k] if k < len(lps) else nothing
            rpart = rps[k] if k < len(rps) else nothing
            op = _change(lpart[0] is not None, rpart[0] is not None)
            out.append(_Piece(op, lpart, rpart))
    return out


def _far_group_edits(
    left: PreparedDocument,
    right: PreparedDocument,
    left_runs: list[list[Unit]],
    right_runs: list[list[Unit]],
    config: DiffConfig,
) -> tuple[list[Edit], float]:
    """Word edits of a group whose units are not all neighbours (a measure merged from, or split
    into, units far apart).

    The runs of each side are diffed as one text, as a neighbour group is, but no chunk spans
    the text between two runs (other units' text): chunks are cut at run boundaries, the labels
    of the first runs stand for each other and a later run's label is its side's own change.
    The edits tile every run's text and nothing else.
    """
    lsides = [_side(left, run) for run in left_runs]
    rsides = [_side(right, run) for run in right_runs]
    lt, rt = _RunTokens(left, lsides), _RunTokens(right, rsides)
    pieces = _pieces(lt, rt, config)
    raw: list[tuple[Op, tuple[int, int], tuple[int, int]]] = [
        (Op.EQUAL, (lsides[0].start, lsides[0].text_start), (rsides[0].start, rsides[0].text_start))
    ]
    cur = [0, 0]  # the run each side is in
    prev = [lsides[0].text_start, rsides[0].text_start]  # where each side's next chunk starts
    last = [0, 0]  # the raw chunk that ends each side's current run so far
    sides = (lsides, rsides)
    norms = (left.norm, right.norm)
    equal_chars = 0

    def close(s: int) -> None:
        """Give the rest of side ``s``'s current run (dropped whitespace) to its last chunk."""
        side = sides[s][cur[s]]
        if prev[s] >= side.own_end:
            return
        op, lsp, rsp = raw[last[s]]
        spans = [lsp, rsp]
        if spans[s][1] == prev[s]:
            spans[s] = (spans[s][0], side.own_end)
            raw[last[s]] = (op, spans[0], spans[1])
        else:
            rest, empty = (prev[s], side.own_end), (prev[1 - s], prev[1 - s])
            raw.append((Op.DELETE, rest, empty) if s == 0 else (Op.INSERT, empty, rest))
            last[s] = len(raw) - 1
        prev[s] = side.own_end

    def enter(s: int, run: int) -> None:
        """Move side ``s`` to ``run``; the run's label is that side's own change."""
        close(s)
        cur[s] = run
        side = sides[s][run]
        label = (side.start, side.text_start)
        other = (prev[1 - s], prev[1 - s])
        raw.append((Op.DELETE, label, other) if s == 0 else (Op.INSERT, other, label))
        last[s] = len(raw) - 1
        prev[s] = side.text_start

    for piece in pieces:
        for s, (run, _, _) in enumerate((piece.left, piece.right)):
            if run is not None and run != cur[s]:
                enter(s, run)
        chunk = (piece.op, piece.left[1], piece.left[2], piece.right[1], piece.right[2])
        for op, l0, l1, r0, r1 in refine([chunk], left.norm, right.norm, config.min_shared_chars):
            spans = []
            for s, (a, b, touched) in enumerate(((l0, l1, piece.left[0]), (r0, r1, piece.right[0]))):
                side = sides[s][cur[s]]
                end = prev[s] if touched is None or a == b else _to_original(norms[s], b, side)
                spans.append((prev[s], min(max(end, prev[s]), side.own_end)))
            if op == Op.EQUAL:
                equal_chars += _visible(left.norm.text[l0:l1])
            raw.append((op, spans[0], spans[1]))
            for s in (0, 1):
                if spans[s][1] > spans[s][0]:
                    last[s] = len(raw) - 1
                prev[s] = spans[s][1]
    close(0)
    close(1)
    for s in (0, 1):  # runs no word reached (a label alone) still belong to the group
        for run in range(cur[s] + 1, len(sides[s])):
            enter(s, run)
            close(s)
    edits = _as_edits(raw, left.document.text, right.document.text)
    l_chars = _visible("".join(lt.words))
    r_chars = _visible("".join(rt.words))
    similarity = 1.0 if l_chars + r_chars == 0 else 2 * equal_chars / (l_chars + r_chars)
    return edits, similarity
