"""Attach the changes a policy reader cares about to a comparison's pairs, in loaded-text spans.

Obligation strength (obligations.py) and owners (responsible.py) are read per pair on the
simplified normalized text, so a traditional reprint never differs; cross-references
(references.py) need both whole documents and the pairing, so they are attached afterwards.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from policydiff.compare.prepared import PreparedDocument
from policydiff.lang.normalize import normalize
from policydiff.meaning.obligations import obligation_changes
from policydiff.meaning.references import stale_references
from policydiff.meaning.responsible import compare_responsibility, extract
from policydiff.model import (
    NormalizeMode,
    ObligationChange,
    Pair,
    ReferenceIssue,
    Responsibility,
    ResponsibilityChange,
    Side,
    Span,
    Unit,
)


def _own_text(prepared: PreparedDocument, unit: Unit | None) -> tuple[str, int]:
    """A unit's own normalized text and where it starts in the normalized document."""
    if unit is None:
        return "", 0
    return prepared.own_text(unit)


def _original(prepared: PreparedDocument, base: int, span: tuple[int, int] | None) -> Span | None:
    if span is None:
        return None
    return prepared.to_original(base + span[0], base + span[1])


def pair_changes(
    left: PreparedDocument, right: PreparedDocument, lu: Unit | None, ru: Unit | None, changed: bool
) -> tuple[tuple[ObligationChange, ...], ResponsibilityChange | None]:
    """Obligation changes (only when the pair's text changed) and owners of one pair.

    Args:
        left, right: the documents prepared in simplified normalization (figures' view).
        lu, ru: the pair's units; either may be None (an added or removed unit).
        changed: whether the pair's wording differs (an unchanged pair has no obligation change).
    """
    left_text, left_base = _own_text(left, lu)
    right_text, right_base = _own_text(right, ru)
    obligations: tuple[ObligationChange, ...] = ()
    if changed and lu is not None and ru is not None:
        obligations = tuple(
            replace(
                change,
                left_span=_original(left, left_base, change.left_span),
                right_span=_original(right, right_base, change.right_span),
            )
            for change in obligation_changes(left_text, right_text)
        )
    return obligations, _owners(left, lu, left_text, right, ru, right_text)


def _inherited(prepared: PreparedDocument, unit: Unit | None) -> Responsibility:
    """The owners the nearest enclosing unit names: a chapter's （由…牵头实施） covers its articles."""
    parent = unit.parent if unit is not None else None
    while parent is not None:
        found = extract(_own_text(prepared, prepared.units[parent])[0])
        if found.units:
            return found
        parent = prepared.units[parent].parent
    return Responsibility()


def _owners(
    left: PreparedDocument,
    lu: Unit | None,
    left_text: str,
    right: PreparedDocument,
    ru: Unit | None,
    right_text: str,
) -> ResponsibilityChange | None:
    """Owners of a pair when either side names them itself; a side that names none inherits its
    parent's, so a province's chapter-level lead compares with a city's article-level one."""
    own_left, own_right = extract(left_text), extract(right_text)
    if not own_left.units and not own_right.units:
        return None
    if not own_left.units and lu is not None:
        own_left = _inherited(left, lu)
    if not own_right.units and ru is not None:
        own_right = _inherited(right, ru)
    return compare_responsibility(own_left, own_right)


def attach_references(
    pairs: Sequence[Pair], left: PreparedDocument, right: PreparedDocument, mode: NormalizeMode
) -> list[Pair]:
    """The pairs with their stale and dangling cross-references attached (to the pair holding each)."""
    partner = {p.left.index: p.right.index for p in pairs if p.left is not None and p.right is not None}

    def same(a: str, b: str) -> bool:
        return a == b or normalize(a, mode).text == normalize(b, mode).text

    findings = stale_references(
        left.document.text, left.units, right.document.text, right.units, partner, same
    )
    if not findings:
        return list(pairs)
    by_unit: dict[tuple[str, int], list[ReferenceIssue]] = {}
    for finding in findings:
        units = left.units if finding.side == Side.LEFT else right.units
        ref = finding.reference
        issue = ReferenceIssue(
            side=finding.side,
            text=ref.text,
            span=(ref.start, ref.end),
            points_to=units[finding.points_to] if finding.points_to is not None else None,
            should_point_to=(
                right.units[finding.should_point_to] if finding.should_point_to is not None else None
            ),
            problem=finding.problem,
        )
        by_unit.setdefault((finding.side, ref.unit), []).append(issue)
    out = []
    for pair in pairs:
        issues = [
            *(by_unit.get((Side.LEFT, pair.left.index), []) if pair.left is not None else []),
            *(by_unit.get((Side.RIGHT, pair.right.index), []) if pair.right is not None else []),
        ]
        out.append(replace(pair, references=tuple(issues)) if issues else pair)
    return out
