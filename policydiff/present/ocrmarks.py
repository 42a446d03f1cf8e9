"""Which differences may be OCR misreadings: edits that lie in characters read with low confidence.

A scanned document's OcrInfo lists the spans its recogniser was unsure of. An edit whose text on
one side lies wholly in such a span may be a misreading, not a change; a changed pair whose every
edit is such is shown as "possibly a misreading" by the report, the panes and the JSON.
May import: the standard library, policydiff.model.
"""

from __future__ import annotations

import bisect

from policydiff.model import Edit, LoadedDocument, Op, Pair, Span, Status


def within(span: Span, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the non-empty ``span`` lies wholly inside the sorted, disjoint ``spans``."""
    start, end = span
    if start >= end:
        return False
    i = bisect.bisect_right(spans, (start, end + 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start and spans[i][1] >= end


def edit_uncertain(edit: Edit, left: LoadedDocument, right: LoadedDocument) -> bool:
    """An edit whose differing characters, on a side read by OCR, were all read with low confidence.

    The word diff's spans cover whole words (千项 ↔ 干项); the characters both sides share at the
    span's ends are taken off first, so only what actually differs must be uncertain.
    """
    if edit.op == Op.EQUAL:
        return False
    a = left.text[edit.left[0] : edit.left[1]]
    b = right.text[edit.right[0] : edit.right[1]]
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    core_left = (edit.left[0] + head, edit.left[1] - tail)
    core_right = (edit.right[0] + head, edit.right[1] - tail)
    if left.ocr is not None and within(core_left, left.ocr.uncertain):
        return True
    return right.ocr is not None and within(core_right, right.ocr.uncertain)


def pair_uncertain(pair: Pair, left: LoadedDocument, right: LoadedDocument) -> bool:
    """A changed pair whose every difference may be a misreading."""
    if left.ocr is None and right.ocr is None:
        return False
    if pair.status != Status.CHANGED:
        return False
    changes = [e for e in pair.edits if e.op != Op.EQUAL]
    return bool(changes) and all(edit_uncertain(e, left, right) for e in changes)


def spans_in(spans: tuple[tuple[int, int], ...], start: int, end: int) -> list[tuple[int, int]]:
    """The uncertain spans clipped to [start, end), for marking a unit's text."""
    i = bisect.bisect_left(spans, (start, start)) - 1
    out: list[tuple[int, int]] = []
    for s, e in spans[max(i, 0) :]:
        if s >= end:
            break
        if e > start:
            out.append((max(s, start), min(e, end)))
    return out
