"""Paragraphs as the author wrote them: line breaks made by page width joined back.

A text hard-wrapped at 28 characters, or a PDF whose lines the layout reader could not join (a line
of digits and Latin letters ends short of the right margin: ``…支援總額為 490`` / ``億元。``), breaks
phrases and figures in two, and the structure parser reads a wrapped preamble's short lines as
title lines. The width a page wrapped at shows in the text itself: many lines that end inside a
sentence share (nearly) one width. A line of that width that ends inside a sentence continues on
the next line, unless the next line opens a numbered unit or an attachment; such breaks are
joined (to nothing between two Chinese characters, to a space between two Latin words).

Nothing else moves: a text whose open-ended lines do not share a width (no wrapping) is left
exactly as it is, and so is every break after 。！？；：, before 一、 / （一） / 1. / 第一条 / 附件, and
around a blank line.
May import: the standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class WrapRules:
    """How sure the text must be that it was wrapped at a width."""

    min_lines: int = 8  # open-ended lines at the wrap width needed to call a text wrapped
    min_share: float = 0.3  # ... their share of the open-ended lines from ``min_width`` up to them
    min_line_share: float = 0.12  # ... and of all non-blank lines (a few equal headings are no wrap)
    min_width: float = 20.0  # narrower lines are cells and headings, never a page's measure
    slack: float = 0.06  # share of the width a wrapped line may fall short of it (digits, Latin, 禁则)


RULES = WrapRules()

# A line that ends so has ended its paragraph (or at least its sentence): never joined.
_ENDS = "。！？；：!?;:"
_STOPS = "。；，、"  # ... but a line filling the measure to its last character goes on past these
# A line that starts so opens a unit: never joined to the line above.
_OPENS = re.compile(
    r"\s*(?:第[一二三四五六七八九十百千零〇0-9]{1,8}[章节條条款项編编部]"
    r"|[一二三四五六七八九十百]{1,4}[、.．]"
    r"|[（(][一二三四五六七八九十百0-9]{1,4}[）)]"
    r"|[0-9]{1,3}[、.．](?![0-9])"
    r"|[①-⑳]"
    r"|附\s{0,2}件"
    r"|[-•·*#])"
)


# A line that is one bracketed phrase, （2021年5月20日） / （征求意见稿）, stands under a title alone.
_BRACKETED = re.compile(r"[（(][^（()）\n]{1,30}[）)]")


def _width(line: str) -> float:
    """Columns a line takes: a wide (CJK) character 1, a narrow one 0.5, a space none (readers put
    spaces between Latin and Chinese that the page never gave room to)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line if not ch.isspace())


def _chars(line: str) -> float:
    """Characters a line holds, indentation included (a program wrapping a text counts characters,
    not columns); trailing spaces are the caller's to strip."""
    return float(len(line))


Measure = Callable[[str], float]


def wrap_width(lines: list[str], rules: WrapRules = RULES) -> tuple[Measure, float] | None:
    """How the text was wrapped: the measure (characters, or columns as a page sets them) and the
    width, or None if its open-ended lines share no width in either measure."""
    found = [
        (count, width, measure)
        for measure in (_chars, _width)
        if (hit := _cluster(lines, measure, rules))
        for count, width in (hit,)
    ]
    if not found:
        return None
    _count, width, measure = max(found, key=lambda item: item[0])
    return measure, width


def _cluster(lines: list[str], measure: Measure, rules: WrapRules) -> tuple[int, float] | None:
    """The densest width of open-ended lines in one measure and how many lines share it."""
    widths = Counter[int]()
    open_ended = filled = 0
    for line in lines:
        body = line.strip()
        filled += bool(body)
        if not body or body[-1] in _ENDS:
            continue
        width = measure(line.rstrip())
        if width < rules.min_width:
            continue
        open_ended += 1
        widths[round(width)] += 1
    if not widths:
        return None
    # the densest window of widths [w - 1, w + 1]: proportional type spreads a measure a little
    best, count = max(
        ((w, widths[w - 1] + widths[w] + widths[w + 1]) for w in widths), key=lambda item: (item[1], item[0])
    )
    # lines much wider than the measure are paragraphs a reader already joined: not counted
    narrower = sum(n for w, n in widths.items() if w <= best + 2)
    if count < rules.min_lines or count < rules.min_share * narrower or count < rules.min_line_share * filled:
        return None
    return count, float(best + 1)


def _continues(line: str, size: float, width: float, rules: WrapRules) -> bool:
    """A line of the wrap width that ends inside a sentence; or one filling the width to its last
    character, which wraps even after a full stop (the paragraph goes on below)."""
    if line[-1] not in _ENDS:
        return size >= width - 1 - max(1.5, rules.slack * width)
    return size >= width - 1 and line[-1] in _STOPS


def joined_notice(count: int) -> str:
    """The loader's notice for ``count`` joined breaks (a reader should know the text moved)."""
    return f"{count} line breaks made by page width joined into their paragraphs"


def join_wrapped(text: str, rules: WrapRules = RULES) -> tuple[str, int]:
    """The text with line breaks made by page width joined, and how many were joined."""
    lines = text.split("\n")
    found = wrap_width(lines, rules)
    if found is None:
        return text, 0
    measure, width = found
    out = [lines[0]]
    joined = 0
    for prev, line in zip(lines, lines[1:], strict=False):
        before, after = prev.rstrip(), line.lstrip()
        if (
            before
            and after
            and _continues(before.strip(), measure(before), width, rules)
            and not (_OPENS.match(line) or _BRACKETED.fullmatch(after.rstrip()))
        ):
            # a page wraps Latin words at a space; a program counting characters cuts them anywhere
            latin = before[-1].isascii() and before[-1].isalpha() and after[0].isascii()
            glue = " " if latin and measure is _width else ""
            out[-1] = out[-1].rstrip() + glue + after  # out[-1] may hold lines joined before
            joined += 1
        else:
            out.append(line)
    return "\n".join(out), joined


__all__ = ["RULES", "WrapRules", "join_wrapped", "joined_notice", "wrap_width"]
