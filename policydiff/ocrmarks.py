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
    """An edit that changes only characters OCR was unsure of, on either side."""
    if edit.op == Op.EQUAL:
        return False
    if left.ocr is not None and within(edit.left, left.ocr.uncertain):
        return True
    return right.ocr is not None and within(edit.right, right.ocr.uncertain)


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
