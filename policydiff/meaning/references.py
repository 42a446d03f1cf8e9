"""Cross-references after renumbering: does 依照本法第十二条 still point where it pointed before?

A revision inserts and deletes articles, so every later article moves; a reference that kept its
old number now names the wrong article. Each document's references to its own articles
(第X条, 第X条第Y款, 前款, 本条第Y款) are resolved to units; a reference in the right document
whose target is not the counterpart of what the same reference targeted on the left is stale,
and a reference to an article or paragraph that does not exist is dangling.
May import: the standard library, policydiff.model, policydiff.lang.numerals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from policydiff.lang.numerals import cn_value
from policydiff.model import Level, RefProblem, Side, Unit

_NUMERAL = r"[零〇一二三四五六七八九十百千\d]{1,8}"
# A reference to an article of the same document; one to another law (《…》第X条, 该法第X条) is not.
_ARTICLE_REF = re.compile(
    rf"(?P<scope>本法|本条例|本办法|本规定|本细则|本决定|本章程|本准则)?第(?P<article>{_NUMERAL})条"
    rf"(?:之(?P<sub>[一二三四五六七八九十]))?(?:第(?P<para>{_NUMERAL})款)?"
)
_EXTERNAL_BEFORE = re.compile(r"(?:》|该法|该条例|该办法|上述法律|有关法律|其他法律)\s*$")
_PARAGRAPH_REF = re.compile(rf"前款|前两款|本条第(?P<para>{_NUMERAL})款")
_ARTICLE_LABEL = re.compile(rf"^第({_NUMERAL})条")
_LOOKBEHIND = 8  # characters before a reference that tell whether it names another law
_CONTEXT = 6  # characters on each side that identify one reference across the two versions


@dataclass(frozen=True)
class Reference:
    """One reference in a document's text, resolved to the unit it names (None if none)."""

    text: str
    start: int  # offsets in the text given to find_references
    end: int
    unit: int  # index of the unit whose text holds it
    article: int | None  # the article number named (None for 前款 / 本条第Y款)
    paragraph: int | None  # the paragraph named inside the article, 1-based
    target: int | None  # index of the article unit named, None if it does not exist
    context: str  # surrounding text with the numbers blanked, to find it in the other version


@dataclass(frozen=True)
class Finding:
    """A reference with a problem, by unit index (the comparison turns it into a ReferenceIssue)."""

    side: Side
    reference: Reference
    points_to: int | None  # unit index in that side's document
    should_point_to: int | None  # the unit it should name (counterpart of the old target)
    problem: RefProblem


def article_numbers(units: Iterable[Unit]) -> dict[int, int]:
    """Article number → unit index for the 第X条 articles of one document."""
    out: dict[int, int] = {}
    for unit in units:
        if unit.level != Level.ARTICLE:
            continue
        match = _ARTICLE_LABEL.match(unit.label)
        value = cn_value(match.group(1)) if match else None
        if value is not None:
            out.setdefault(value, unit.index)
    return out


def _number(numeral: str | None) -> int | None:
    if numeral is None:
        return None
    return int(numeral) if numeral.isdigit() else cn_value(numeral)


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return re.sub(_NUMERAL, "#", before) + "@" + re.sub(_NUMERAL, "#", after)


def _paragraph_count(text: str, unit: Unit) -> int:
    return sum(1 for line in text[unit.start : unit.own_end].split("\n") if line.strip())


def _paragraph_of(text: str, unit: Unit, offset: int) -> int:
    lines = text[unit.start : offset].split("\n")
    return sum(1 for line in lines[:-1] if line.strip()) + 1


def find_references(text: str, units: tuple[Unit, ...]) -> list[Reference]:
    """Every reference of a document to its own articles and paragraphs, resolved.

    Args:
        text: the document's text (the loaded text, or a normalized copy with the same offsets).
        units: the document's units (DocumentTree.units).
    """
    numbers = article_numbers(units)
    out: list[Reference] = []
    for unit in units:
        if unit.level not in (Level.ARTICLE, Level.ITEM, Level.SECTION, Level.CHAPTER):
            continue
        body_start = unit.start + len(unit.label)
        body = text[body_start : unit.own_end]
        for match in _ARTICLE_REF.finditer(body):
            start, end = body_start + match.start(), body_start + match.end()
            if match.group("scope") is None and _EXTERNAL_BEFORE.search(
                text[max(0, start - _LOOKBEHIND) : start]
            ):
                continue
            if match.group("sub") is not None:
                continue  # 第X条之一 are articles inserted by amendment; their numbering is their own
            article = _number(match.group("article"))
            paragraph = _number(match.group("para"))
            target = numbers.get(article) if article is not None else None
            ref_text = text[start:end]
            out.append(
                Reference(
                    ref_text, start, end, unit.index, article, paragraph, target, _context(text, start, end)
                )
            )
        has_children = any(u.parent == unit.index for u in units[unit.index + 1 : unit.index + 2])
        for match in _PARAGRAPH_REF.finditer(body):
            start, end = body_start + match.start(), body_start + match.end()
            if match.group("para") is not None:
                paragraph = _number(match.group("para"))
            else:
                paragraph = _paragraph_of(text, unit, start) - (2 if match.group() == "前两款" else 1)
            # Paragraphs are only countable in an article without items (items split its text);
            # elsewhere the reference is taken as resolved.
            countable = unit.level == Level.ARTICLE and not has_children
            exists = not countable or (
                paragraph is not None and 1 <= paragraph <= _paragraph_count(text, unit)
            )
            context = _context(text, start, end)
            out.append(
                Reference(
                    text[start:end],
                    start,
                    end,
                    unit.index,
                    None,
                    paragraph,
                    unit.index if exists else None,
                    context,
                )
            )
    return out


def stale_references(
    left_text: str,
    left_units: tuple[Unit, ...],
    right_text: str,
    right_units: tuple[Unit, ...],
    partner_of_left: Mapping[int, int],
    same: Callable[[str, str], bool] = str.__eq__,
) -> list[Finding]:
    """References whose target no longer corresponds, and references that name nothing.

    Args:
        left_text, right_text: the two documents' texts (normalized copies keep offsets honest
            only if they have the loaded text's length; pass the loaded texts otherwise).
        left_units, right_units: their units.
        partner_of_left: left unit index → the right unit it is paired with.
        same: compares two reference contexts (normalization-aware callers pass their own).

    Returns:
        Stale right references (their left counterpart named the old target, whose partner is
        another article), then dangling references on either side.
    """
    left_refs = find_references(left_text, left_units)
    right_refs = find_references(right_text, right_units)
    partner_of_right = {right: left for left, right in partner_of_left.items()}
    by_left_unit: dict[int, list[Reference]] = {}
    for ref in left_refs:
        by_left_unit.setdefault(ref.unit, []).append(ref)
    out: list[Finding] = []
    seen: dict[tuple[int, str], int] = {}  # (right unit, context) → occurrences met so far
    for ref in right_refs:
        if ref.article is None:
            continue
        counterpart_unit = partner_of_right.get(ref.unit)
        if counterpart_unit is None:
            continue
        ordinal = seen.get((ref.unit, ref.context), 0)
        seen[(ref.unit, ref.context)] = ordinal + 1
        olds = [
            r
            for r in by_left_unit.get(counterpart_unit, ())
            if r.article is not None and same(r.context, ref.context)
        ]
        old_target = olds[ordinal].target if ordinal < len(olds) else None
        if old_target is None:
            continue
        expected = partner_of_left.get(old_target)
        if expected is not None and ref.target != expected:
            out.append(Finding(Side.RIGHT, ref, ref.target, expected, RefProblem.STALE))
    for side, refs, units in ((Side.LEFT, left_refs, left_units), (Side.RIGHT, right_refs, right_units)):
        if not article_numbers(units):
            continue  # a document without 第X条 articles cannot be checked for dangling ones
        for ref in refs:
            if ref.target is None:
                out.append(Finding(side, ref, None, None, RefProblem.DANGLING))
    return out
