"""Find a policy document's structure: title, preamble, numbered units (一、 （一） 1. （1） ① 第一章 第一节
第一条), attachments and epilogue, as a tree of spans into the loaded text.

Why: the aligner compares documents unit by unit and every view shows units, so this is where "what is a
chapter / article" is decided once. One pass over the lines with precompiled, bounded patterns; no
quadratic steps (line tests live in policydiff.structure.lines).

Conventions:
- A unit starts at its label's first character (after indentation and Markdown ``#`` markers) and ends at
  the last non-blank character of its last line; trailing blank lines belong to nobody.
- ``heading`` is the text after the label up to the first ``。`` or the end of the line, stripped.
- Nesting follows the order in which numbering styles first appear (a style first seen under another is
  its child); a label counts only at a line start and when its number continues its style's sequence
  (or restarts at 1 under a new parent), so ``1.5万亩`` or ``2024年`` never open a unit. Continuing
  allows what real documents do: a repeated number (a duplicated ``11.``), one skipped number (a
  deleted article), and up to ``max_gap`` skipped numbers when the next label of the style confirms
  the new count (``（1）（2）（4）（5）``).
- The level is named after the style, but a unit is always at least one level below its parent
  (so ``（一）`` under ``第三条`` is an item).
- ``附件`` / ``附件1`` / ``附件：`` / ``附件2：…`` at a line start after the body's first unit opens an
  ``attachment`` at the top level; numbered lines after it are its children, in a numbering of their own.
- After the last numbered unit of the body (and of an attachment list ``附件：``), the first paragraph
  that reads like a closing formula (本文件…有效 / 本办法自…施行 / 上述…政策 / 抄送 / 印发 / 此件公开发布 /
  联系人) or a date line, with up to ``max_signature_lines`` issuer lines before it, starts an
  ``epilogue``; a 抄送/印发 block after the last attachment is an epilogue too.
- The last item of a list (``（4）``, ``⑤``) whose line is a complete paragraph (ends with 。；！？) does
  not take the unnumbered paragraphs after it: each becomes an unlabelled item of the list's parent.
- Web page furniture (menus, 您的位置, 发布时间, 来源/责编 footers, e-mail/phone lines) before the title or
  after the end is outside ``[body_start, body_end)`` and in no unit. Text between the start of the body
  and the end of the title lines (a cover letter, a document number) belongs to the title block.
- A document with no numbered unit at all gets one ``article`` unit with label "" per paragraph.

May import: the standard library, opencc, policydiff.model, policydiff.lang.numerals and
policydiff.structure.lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from policydiff.lang.furniture import furniture_kind, is_file_link, is_related_heading
from policydiff.lang.numerals import CIRCLED_CHARS, CN_NUMERAL_CHARS, circled_value, cn_value
from policydiff.model import DocumentTree, Level, Unit
from policydiff.structure.lines import (
    ATTACHMENT_TITLE_RE,
    CONFIG,
    DOC_NUMBER_RE,
    FRONT_MATTER_FENCE,
    PARAGRAPH_END,
    SPACE_CHARS,
    STOP_MARK,
    Lines,
    StructureConfig,
    attachment_label,
    fold,
    is_closing_formula,
    is_closing_line,
    is_date_line,
    is_junk,
    is_signature_line,
    is_title_like,
    is_trailing_closing_line,
)

__all__ = ["CONFIG", "StructureConfig", "fold", "is_junk", "is_title_like", "parse_structure"]

_CN = CN_NUMERAL_CHARS
_DIGITS = "0-9０-９"


@lru_cache(maxsize=8)
def label_re(config: StructureConfig = CONFIG) -> re.Pattern[str]:
    """The numbering labels a line may start with: at most ``max_label_numeral_chars`` Chinese
    numerals or ``max_label_digits`` digits; compiled when a document is first parsed, once per
    configuration."""
    numeral_chars, digits = config.max_label_numeral_chars, config.max_label_digits
    return re.compile(
        # a chapter's title may follow 第X章 with no space (第二章款项支付规定), an article's may not:
        # 第三条款 / 第三条规定的 open a sentence that refers to an article
        rf"(?P<strong>第(?P<sn>[{_CN}{_DIGITS}]{{1,{numeral_chars}}})\s{{0,4}}"
        r"(?P<kind>[章节節](?![的之中所]|规定|規定)|[条條](?![的之中所款项項规規])))"
        rf"|(?P<comma>(?P<cn>[{_CN}]{{1,{numeral_chars}}})[、．.])"
        rf"|(?P<cparen>[（(](?P<cpn>[{_CN}]{{1,{numeral_chars}}})[）)])"
        rf"|(?P<aparen>[（(](?P<apn>[{_DIGITS}]{{1,3}})[）)])"
        rf"|(?P<adot>(?P<an>[{_DIGITS}]{{1,{digits}}})[.．、](?![{_DIGITS}]))"
        rf"|(?P<circ>[{CIRCLED_CHARS}])"
    )


STRONG_STYLE = {"章": "第章", "节": "第节", "節": "第节", "条": "第条", "條": "第条"}
STYLE_LEVEL: dict[str, Level] = {
    "第章": Level.CHAPTER,
    "第节": Level.SECTION,
    "第条": Level.ARTICLE,
    "一、": Level.CHAPTER,
    "（一）": Level.SECTION,
    "1.": Level.ARTICLE,
    "（1）": Level.ITEM,
    "①": Level.ITEM,
}
STRONG_STYLES = frozenset(STRONG_STYLE.values())  # may open a document at any number (law excerpts)
LEVEL_RANK = {Level.ATTACHMENT: -1, Level.CHAPTER: 0, Level.SECTION: 1, Level.ARTICLE: 2, Level.ITEM: 3}
RANK_LEVEL = {rank: level for level, rank in LEVEL_RANK.items()}


def _heading(text: str, start: int, end: int, config: StructureConfig) -> str:
    """The text from ``start`` to the first 。 or the line's end, stripped; at most
    ``config.max_heading_chars`` of it (a line of megabytes, a page's one text node, is no heading
    to score or show whole)."""
    end = min(end, start + config.max_heading_chars)
    stop = text.find(STOP_MARK, start, end)
    return text[start : end if stop < 0 else stop].strip(SPACE_CHARS)


@dataclass(eq=False)
class _Rec:
    """A unit being built: its first line and tree position; spans are filled in at the end."""

    level: Level
    label: str
    heading: str
    line: int
    depth: int
    parent: _Rec | None
    number: int | None
    last_line: int = -1  # its last line (inclusive), set when it is closed


@dataclass(frozen=True)
class _Label:
    style: str
    number: int
    label: str
    end: int  # offset of the label's end in the text


_GROUPS = {  # outer group → (style, group holding the number)
    "strong": ("", "sn"),
    "comma": ("一、", "cn"),
    "cparen": ("（一）", "cpn"),
    "aparen": ("（1）", "apn"),
    "adot": ("1.", "an"),
    "circ": ("①", "circ"),
}


def _match_label(lines: Lines, i: int) -> _Label | None:
    """The numbering label a line starts with, if any."""
    m = label_re(lines.config).match(lines.text, lines.start[i], lines.end[i])
    if m is None:
        return None
    group = m.lastgroup or ""
    style, numeral = _GROUPS[group]
    if group == "strong":
        style = STRONG_STYLE[m.group("kind")]
    number = circled_value(m.group(numeral)) if group == "circ" else cn_value(m.group(numeral))
    if number is None:
        return None
    return _Label(style, number, m.group(0), m.end())


def _continues(number: int, last: int, confirmed: bool, config: StructureConfig = CONFIG) -> bool:
    """Does ``number`` carry on a sequence whose last number was ``last``?

    The next number always does; so does a repeat (a duplicated article, not a restarting ``1``),
    one skipped number (a deleted unit), and a wider gap when the following label of the style is
    ``number + 1`` (``confirmed``).
    """
    if number == last + 1 or (number == last and number >= 2):
        return True
    gap = number - last - 1
    return 1 <= gap <= (config.max_gap if confirmed else config.max_unconfirmed_gap)


class _Nester:
    """Decides, label by label, whether a label opens a unit and under which parent."""

    def __init__(self, config: StructureConfig, root: int | None = None) -> None:
        self.config = config
        self.root = root  # record index of the attachment this numbering lives in
        self.order: list[str] = []  # styles, outermost first, as first seen
        self.stack: list[tuple[str, int, int]] = []  # open units: (style, number, record index)
        self.last_number: dict[str, int] = {}
        self.last_parent: dict[str, int | None] = {}

    def place(
        self, style: str, number: int, index: int, list_restart: bool, confirmed: bool
    ) -> tuple[bool, int | None]:
        """(opens a unit?, parent record index or None at top level) for a label at a line start.

        ``list_restart``: the innermost open unit is an item and prose came since the last label, so
        a (1) there starts a new list of the same parent (a law article's second paragraph).
        ``confirmed``: the next label of this style in the text is ``number + 1``.
        """
        stack = self.stack
        same = [k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == style]
        keep: int | None = None
        for k in same:  # continues an open sequence: a sibling
            if number == stack[k][1] + 1:
                keep = k
                break
        else:
            for k in same:
                if _continues(number, stack[k][1], confirmed, self.config):
                    keep = k
                    break
        if keep is None and same:
            if number != 1:
                return False, None
            if same[-1] == 0:  # the outermost style restarts: a new part of the document
                keep = 0
            elif stack[-1][0] != style:  # the style reused one level deeper (（一） under 第三条)
                keep = len(stack)
            elif list_restart:
                keep = len(stack) - 1
            else:
                return False, None
        if keep is None:
            if style not in self.order:
                if number != 1 and style not in STRONG_STYLES:
                    return False, None
                top = self.order.index(stack[-1][0]) + 1 if stack else 0
                self.order.insert(top, style)
                keep = len(stack)
            else:
                rank = self.order.index(style)
                keep = len(stack)
                while keep > 0 and self.order.index(stack[keep - 1][0]) >= rank:
                    keep -= 1
                parent = stack[keep - 1][2] if keep else self.root
                if not _continues(number, self.last_number[style], confirmed, self.config) and (
                    number != 1 or parent == self.last_parent[style]
                ):
                    return False, None
        del stack[keep:]
        parent = stack[-1][2] if stack else self.root
        stack.append((style, number, index))
        self.last_number[style] = number
        self.last_parent[style] = parent
        return True, parent


def _level(style: str, parent: _Rec | None) -> Level:
    level = STYLE_LEVEL[style]
    if parent is not None and LEVEL_RANK[level] <= LEVEL_RANK[parent.level]:
        return RANK_LEVEL[min(LEVEL_RANK[parent.level] + 1, LEVEL_RANK[Level.ITEM])]
    return level


def _body_head(lines: Lines) -> int:
    """First line of real text: after YAML front matter, collection comments and blank lines."""
    i = 0
    while i < lines.count and lines.blank(i):
        i += 1
    if i < lines.count and lines.content(i) == FRONT_MATTER_FENCE:
        j = i + 1
        while j < lines.count and lines.content(j) != FRONT_MATTER_FENCE:
            j += 1
        i = j + 1 if j < lines.count else i
    while i < lines.count and (lines.blank(i) or lines.is_meta(i)):
        i += 1
    return i


def _cover_line(line: str, config: StructureConfig) -> bool:
    """A line of a document's cover above its title: 附件, a document number, a heading line, the
    issuer's signature or the date of a covering notice."""
    return (
        ATTACHMENT_TITLE_RE.match(line) is not None
        or DOC_NUMBER_RE.search(line) is not None
        or is_title_like(line, config)
        or is_signature_line(line, config)
        or is_date_line(line, config)
    )


def _body_tail(lines: Lines, head: int) -> int:
    """One past the last line of real text: a trailing source/editor/contact footer is left out,
    and so is a related-attachment list (相关附件： over links to 1.实施意见.pdf …), as the HTML
    reader leaves it out of a page."""
    i = lines.count - 1
    while i >= head:
        if lines.blank(i) or lines.is_meta(i) or is_junk(lines.content(i), lines.config):
            i -= 1
            continue
        j = i  # a run of file links under a related-list heading
        while j >= head and (lines.blank(j) or is_file_link(lines.content(j))):
            j -= 1
        if j < i and j >= head and is_related_heading(lines.content(j).strip()):
            i = j - 1
            continue
        break
    return i + 1


def _title_before(lines: Lines, head: int, first: int) -> list[int]:
    """The title lines: the last run of title-like lines before the first numbered unit."""
    candidates = lines.filled(head, first)
    k = len(candidates) - 1
    while k >= 0 and not is_title_like(lines.content(candidates[k]), lines.config):
        k -= 1
    found: list[int] = []
    while (
        k >= 0
        and len(found) < lines.config.max_title_lines
        and is_title_like(lines.content(candidates[k]), lines.config)
    ):
        found.append(candidates[k])
        k -= 1
    return found[::-1]


def _title_after(lines: Lines, filled: list[int]) -> list[int]:
    """The title lines of an unnumbered document: its first run of title-like lines."""
    found: list[int] = []
    for i in filled[: lines.config.max_title_lines]:
        if not is_title_like(lines.content(i), lines.config):
            break
        found.append(i)
    return found if len(found) < len(filled) else []


def _epilogue_line(lines: Lines, after: int, stop: int) -> int | None:
    """First line in (after, stop) that opens the closing part: formula, or issuer lines and a date."""
    filled = lines.filled(after + 1, stop)
    for k, i in enumerate(filled):
        line = lines.content(i)
        if is_closing_line(line, lines.config) or _wrapped_formula(lines, filled, k):
            return i
        if is_date_line(line, lines.config):
            j = k
            while j > 0 and k - j < lines.config.max_signature_lines:
                if not is_signature_line(lines.content(filled[j - 1]), lines.config):
                    break
                j -= 1
            return filled[j]
    return None


def _wrapped_formula(lines: Lines, filled: list[int], k: int) -> bool:
    """A closing formula hard-wrapped onto the next line (本文件……均为2024年全年 / 实施有效。)."""
    line = lines.content(filled[k])
    if not line or line[-1] in PARAGRAPH_END or k + 1 >= len(filled):
        return False
    return is_closing_formula(line + lines.content(filled[k + 1]), lines.config)


def _trailing_block(lines: Lines, after: int, stop: int) -> int | None:
    """Start of a 抄送/印发 block ending the text in (after, stop), or None."""
    filled = lines.filled(after + 1, stop)
    start = None
    for i in reversed(filled):
        if not is_trailing_closing_line(lines.content(i), lines.config):
            break
        start = i
    return start


def _plain(lines: Lines, level: Level, first: int, last: int, heading: str | None = None) -> _Rec:
    """A unit without label spanning lines first..last."""
    if heading is None:
        heading = _heading(lines.text, lines.start[first], lines.end[first], lines.config)
    return _Rec(level, "", heading, first, 0, None, None, last_line=last)


def _next_numbers(labels: dict[int, _Label]) -> dict[int, int]:
    """For each labelled line, the number of the next label of the same style (for gap confirmation)."""
    following: dict[str, int] = {}
    result: dict[int, int] = {}
    for i in sorted(labels, reverse=True):
        found = labels[i]
        if found.style in following:
            result[i] = following[found.style]
        following[found.style] = found.number
    return result


def _numbered(lines: Lines, head: int, tail: int) -> list[_Rec]:
    """The numbered units and attachments, in reading order."""
    text = lines.text
    labels = {i: found for i in range(head, tail) if (found := _match_label(lines, i)) is not None}
    next_number = _next_numbers(labels)
    recs: list[_Rec] = []
    nester = _Nester(lines.config)
    prose = False  # unlabelled text since the last unit's first line
    starts, ends = lines.start, lines.end
    for i in range(head, tail):
        if starts[i] >= ends[i]:
            continue  # blank
        if recs and text.startswith("附", starts[i]):
            attachment = attachment_label(lines.content(i), lines.config)
            if attachment is not None:
                label, number = attachment
                heading = _heading(text, lines.start[i] + len(label), lines.end[i], lines.config)
                recs.append(_Rec(Level.ATTACHMENT, label, heading, i, 0, None, number))
                nester = _Nester(lines.config, root=len(recs) - 1)
                prose = False
                continue
        found = labels.get(i)
        if found is None:
            prose = True
            continue
        in_item = bool(nester.stack) and recs[nester.stack[-1][2]].level == Level.ITEM
        confirmed = next_number.get(i) == found.number + 1
        opens, parent = nester.place(found.style, found.number, len(recs), prose and in_item, confirmed)
        if not opens:
            prose = True
            continue
        prose = False
        parent_rec = recs[parent] if parent is not None else None
        depth = parent_rec.depth + 1 if parent_rec is not None else 0
        heading = _heading(text, found.end, lines.end[i], lines.config)
        level = _level(found.style, parent_rec)
        recs.append(_Rec(level, found.label, heading, i, depth, parent_rec, found.number))
    return recs


def _epilogues(lines: Lines, recs: list[_Rec], tail: int) -> list[_Rec]:
    """The closing parts: after the body's last unit, after an attachment list, after the attachments."""
    tops = [k for k, r in enumerate(recs) if r.level == Level.ATTACHMENT]
    bounds = [0, *tops, len(recs)]
    found: list[_Rec] = []
    for n in range(len(bounds) - 1):
        lo, hi = bounds[n], bounds[n + 1]
        stop = recs[hi].line if hi < len(recs) else tail
        last = recs[hi - 1].line
        segment_head = recs[lo]
        if n == 0 or (segment_head.number is None and segment_head.label.endswith(("：", ":"))):
            start = _epilogue_line(lines, last, stop)
        elif hi == len(recs):
            start = _trailing_block(lines, last, stop)
        else:
            start = None
        if start is not None:
            found.append(_plain(lines, Level.EPILOGUE, start, -1))
    return found


def _split_trailing_paragraphs(lines: Lines, recs: list[_Rec]) -> list[_Rec]:
    """Give the paragraphs after a list's last item, when that item is a complete paragraph, to the
    list's parent as unlabelled items of their own."""
    out: list[_Rec] = []
    for k, rec in enumerate(recs):
        out.append(rec)
        if rec.level != Level.ITEM or not rec.label or rec.last_line <= rec.line:
            continue
        nxt = recs[k + 1] if k + 1 < len(recs) else None
        if nxt is not None and nxt.depth >= rec.depth:
            continue  # it has children, or a sibling follows: the paragraphs are its own
        if lines.text[lines.end[rec.line] - 1] not in PARAGRAPH_END:
            continue  # a heading-like item line: what follows is its body
        paragraphs = lines.filled(rec.line + 1, rec.last_line + 1)
        for p in paragraphs:
            unit = _plain(lines, Level.ITEM, p, p)
            unit.depth, unit.parent = rec.depth, rec.parent
            out.append(unit)
        rec.last_line = rec.line
    return out


def parse_structure(text: str, config: StructureConfig = CONFIG) -> DocumentTree:
    """Parse a loaded document into its title, preamble, numbered units, attachments and epilogue.

    Args:
        text: the loaded text (``\\n`` line endings); traditional or simplified, any bracket width.
        config: the heuristics' size limits (``CompareConfig.structure`` in a comparison).

    Returns:
        The units in reading order (parents before children) with spans into ``text``.
    """
    lines = Lines(text, config)
    head = _body_head(lines)
    tail = _body_tail(lines, head)
    recs = _numbered(lines, head, tail)
    before: list[_Rec] = []
    if recs:
        first = recs[0].line
        title = _title_before(lines, head, first)
        while title and is_junk(
            lines.content(title[0]), lines.config
        ):  # 【字号：大 中 小】 is short but no title
            title.pop(0)
        pre_title = lines.filled(head, title[0] if title else first)
        junk = [i for i in pre_title if is_junk(lines.content(i), lines.config)]
        if title:
            # what follows the last furniture line opens the title block when it reads as a
            # document's cover (附件, a document number, 关于印发…的通知), as on a page without
            # furniture; a news site's headline or lead paragraph is left out
            after = [i for i in pre_title if not junk or i > junk[-1]]
            if junk and not any(_cover_line(lines.content(i), lines.config) for i in after):
                after = []
            start = after[0] if after else title[0]
            body_from = title[-1] + 1
        else:
            start = -1
            body_from = junk[-1] + 1 if junk else head
        title_text = "".join(lines.content(i) for i in title)
        if title:
            before.append(_plain(lines, Level.TITLE, start, title[-1], title_text))
        preamble = lines.filled(body_from, first)
        if preamble:
            before.append(_plain(lines, Level.PREAMBLE, preamble[0], preamble[-1]))
        recs = sorted(recs + _epilogues(lines, recs, tail), key=lambda r: r.line)
        _close(lines, recs, tail)
        recs = _split_trailing_paragraphs(lines, recs)
    else:
        filled = lines.filled(head, tail)
        while filled and is_junk(lines.content(filled[0]), lines.config):
            filled.pop(0)
        title = _title_after(lines, filled)
        title_text = "".join(lines.content(i) for i in title)
        if title:
            before.append(_plain(lines, Level.TITLE, title[0], title[-1], title_text))
        recs = [_plain(lines, Level.ARTICLE, i, i) for i in filled[len(title) :]]
    return _build(lines, title_text, before + recs)


def _close(lines: Lines, recs: list[_Rec], boundary: int) -> None:
    """Set each unit's last line: the last non-blank line before the next unit at its depth or above."""
    open_: list[_Rec] = []
    for rec in recs:
        while open_ and open_[-1].depth >= rec.depth:
            open_.pop().last_line = lines.last_filled[rec.line - 1]
        open_.append(rec)
    for rec in open_:
        rec.last_line = lines.last_filled[boundary - 1]


def _build(lines: Lines, title: str, ordered: list[_Rec]) -> DocumentTree:
    """Turn records into Units with offsets, indices and own_end."""
    position = {id(r): k for k, r in enumerate(ordered)}
    starts = [lines.start[r.line] for r in ordered]
    ends = [lines.end[r.last_line] for r in ordered]
    parents = [None if r.parent is None else position[id(r.parent)] for r in ordered]
    own_ends = list(ends)
    for k in range(len(ordered) - 1, 0, -1):
        if parents[k] is not None and parents[k] == k - 1:
            own_ends[k - 1] = starts[k]
    units = tuple(
        Unit(r.level, r.label, r.heading, starts[k], ends[k], own_ends[k], r.depth, k, parents[k], r.number)
        for k, r in enumerate(ordered)
    )
    body_start = units[0].start if units else 0
    body_end = max((u.end for u in units), default=0)
    tree = DocumentTree(title=title, units=units, body_start=body_start, body_end=body_end)
    return replace(tree, left_out=left_out(lines, units))


OUTSIDE = "outside"  # text no unit holds that is no page furniture (a news lead before the title)


def left_out(lines: Lines, units: Sequence[Unit]) -> tuple[tuple[int, int, str], ...]:
    """The lines no unit holds, each with what it is: page furniture of a kind, or outside text.

    Units nest (a parent's span holds its children), so the covered stretches are the merged unit
    spans; one pass over the lines, linear in the text.
    """
    covered: list[tuple[int, int]] = []
    for unit in sorted(units, key=lambda u: u.start):
        if covered and unit.start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], unit.end))
        else:
            covered.append((unit.start, unit.end))
    out: list[tuple[int, int, str]] = []
    k = 0
    for i in range(lines.count):
        if lines.blank(i) or lines.is_meta(i):
            continue  # a collection's bookkeeping line is no text of the page
        start, end = lines.start[i], lines.end[i]
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        if k < len(covered) and covered[k][0] < end:
            continue  # a unit holds (part of) this line
        content = lines.content(i)
        kind = (
            furniture_kind(content, fold(content))
            if len(content) <= lines.config.max_furniture_chars
            else None
        )
        out.append((start, end, OUTSIDE if kind is None else kind.value))
    return tuple(out)
