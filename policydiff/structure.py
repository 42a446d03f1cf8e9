"""Find a policy document's structure: title, preamble, numbered units (一、 （一） 1. （1） ① 第一章 第一节
第一条) and epilogue, as a tree of spans into the loaded text.

Why: the aligner compares documents unit by unit and every view shows units, so this is where "what is a
chapter / article" is decided once. One pass over the lines with precompiled patterns; no quadratic steps.

Conventions:
- A unit starts at its label's first character (after indentation and Markdown ``#`` markers) and ends at
  the last non-blank character of its last line; trailing blank lines belong to nobody.
- ``heading`` is the text after the label up to the first ``。`` or the end of the line, stripped.
- Nesting follows the order in which numbering styles first appear (a style first seen under another is
  its child); a label counts only at a line start and when its number continues its style's sequence
  (or restarts at 1 under a new parent), so ``1.5万亩`` or ``2024年`` never open a unit.
- The level is named after the style, but a unit is always at least one level below its parent
  (so ``（一）`` under ``第三条`` is an item).
- After the last numbered unit's first line, the first paragraph that reads like a closing formula
  (本文件…有效 / 本办法自…施行 / 上述…政策 / 抄送 / 附件 / 印发) or a signature/date line starts the epilogue.
- Web page furniture (menus, 您的位置, 发布时间, 来源/责编 footers, e-mail/phone lines) before the title or
  after the end is outside ``[body_start, body_end)`` and in no unit. Text between the start of the body
  and the end of the title lines (a cover letter, a document number) belongs to the title block.
- A document with no numbered unit at all gets one ``article`` unit with label "" per paragraph.

May import: the standard library, opencc, policydiff.model and policydiff.numerals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policydiff.model import DocumentTree, Level, Unit
from policydiff.numerals import CIRCLED_CHARS, CN_NUMERAL_CHARS, circled_value, cn_value


@dataclass(frozen=True)
class StructureConfig:
    """Size limits of the heuristics."""

    max_title_chars: int = 60  # a longer line is prose, not a title line
    max_title_lines: int = 6
    max_signature_chars: int = 30  # a signature line (issuer) before a date line
    max_nav_token_chars: int = 8  # a menu bar is a line of short space-separated words
    min_nav_tokens: int = 4


CONFIG = StructureConfig()

SPACE_CHARS = " \t\r\f\v\u3000\xa0\u200b\u2002\u2003\u2009\ufeff"
LEAD_RE = re.compile(rf"[{SPACE_CHARS}]*(?:#{{1,6}}[ \t\u3000]+)?[{SPACE_CHARS}]*")
META_RE = re.compile(r"\s*(?:#\s*[A-Za-z_][\w-]*\s*[:：]|<!--.*-->\s*$)")
FRONT_MATTER_FENCE = "---"

_CN = CN_NUMERAL_CHARS
_DIGITS = "0-9０-９"
LABEL_RE = re.compile(
    rf"(?P<strong>第(?P<sn>[{_CN}{_DIGITS}]+)\s*(?P<kind>[章节節条條])(?![的之中所款项項规規]))"
    rf"|(?P<comma>(?P<cn>[{_CN}]+)[、．])"
    rf"|(?P<cparen>[（(](?P<cpn>[{_CN}]+)[）)])"
    rf"|(?P<aparen>[（(](?P<apn>[{_DIGITS}]{{1,3}})[）)])"
    rf"|(?P<adot>(?P<an>[{_DIGITS}]{{1,3}})[.．、](?![{_DIGITS}]))"
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
LEVEL_RANK = {Level.CHAPTER: 0, Level.SECTION: 1, Level.ARTICLE: 2, Level.ITEM: 3}
RANK_LEVEL = {rank: level for level, rank in LEVEL_RANK.items()}

# Tests on t2s-folded lines (simplified characters).
JUNK_RE = re.compile(
    r"您的位置|当前位置|首页\s*[>＞»›]|发布时间|发布日期|来源\s*[:：|｜]|责编|责任编辑|审核\s*[:：]|撰稿"
    r"|编辑\s*[:：]|新闻热线|投稿|版权所有|ICP备|浏览次数|点击数|阅读次数|打印本页|关闭窗口|分享到|扫一扫"
    r"|字号\s*[:：]?\s*[大中小]"
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE_RE = re.compile(r"(?<!\d)(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-\d{7,8})(?!\d)")
CONTACT_RE = re.compile(r"[（(]?联系")  # a contact line of a notice is content, not page furniture
CLOSING_RE = re.compile(
    r"(?:本(?:文件|政策|意见|方案|办法|条例|规定|法|通知|措施|细则|规则|决定|实施意见|实施办法|实施细则"
    r"|若干政策|政策措施)[^。]*?(?:自[^。]*?(?:施行|实施|执行)|有效|由[^。]*?解释|废止)"
    r"|上述[^。，,]{0,20}?(?:政策|措施|条款)|抄送|抄报|附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]|印发[：:]"
    r"|[（(]此件|此件公开|.{0,30}印发\s*$)"
)
_YEAR = r"[0-9０-９〇零一二三四五六七八九]{2,4}\s*年\s*"
_MONTH_DAY = r"[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９〇一二三四五六七八九十]{1,3}\s*日"
_DATE = _YEAR + _MONTH_DAY
DATE_LINE_RE = re.compile(rf"(?:{_YEAR})?{_MONTH_DAY}\s*$")  # 2024年3月7日 / 7月7日 alone on a line
DATE_LED_RE = re.compile(_DATE)
DOC_NUMBER_RE = re.compile(r"[〔\[［(（][0-9０-９]{4}[〕\]］)）]\s*[0-9０-９]+\s*号\s*$")
ATTACHMENT_RE = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*$")
SIGNATURE_RE = re.compile(r"(?:政府|办公室|办公厅|委员会|常委会|局|厅|中心)\s*$")
BRACKETED_RE = re.compile(r"[（(【\[].*[）)】\]]\s*$")
SENTENCE_END = "。；;：:，,、！!？?"
STOP_MARK = "。"


@lru_cache(maxsize=1)
def _t2s():  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC("t2s")


def fold(line: str) -> str:
    """Traditional → simplified, for keyword tests only (lengths may change: never use for offsets)."""
    return _t2s().convert(line)


def is_junk(line: str) -> bool:
    """Web page furniture: menus, breadcrumbs, publication/source/editor lines, contact footers."""
    folded = fold(line)
    if JUNK_RE.search(folded):
        return True
    if (EMAIL_RE.search(folded) or PHONE_RE.search(folded)) and not CONTACT_RE.match(folded):
        return True
    tokens = folded.split()
    return (
        len(tokens) >= CONFIG.min_nav_tokens
        and all(len(t) <= CONFIG.max_nav_token_chars for t in tokens)
        and not any(ch in folded for ch in SENTENCE_END)
    )


def is_date_line(line: str) -> bool:
    return DATE_LINE_RE.match(line) is not None


def is_title_like(line: str) -> bool:
    """A short line without sentence punctuation that is no date, document number, issuer or junk."""
    if len(line) > CONFIG.max_title_chars:
        return False
    if BRACKETED_RE.match(line):  # （征求意见稿） （2025年版） （2021年5月20日）
        return True
    if line[-1] in SENTENCE_END or STOP_MARK in line:
        return False
    folded = fold(line)
    return not (
        DATE_LED_RE.match(folded)
        or DATE_LINE_RE.match(folded)
        or DOC_NUMBER_RE.search(folded)
        or ATTACHMENT_RE.match(folded)
        or SIGNATURE_RE.search(folded)
        or is_junk(line)
    )


class _Lines:
    """The text cut into lines, with where each line's content starts and ends."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw: list[int] = []  # where each line starts
        self.start: list[int] = []  # content start: after indentation and Markdown heading markers
        self.end: list[int] = []  # content end: before trailing spaces
        pos = 0
        for raw in text.split("\n"):
            lead = LEAD_RE.match(raw).end()  # type: ignore[union-attr]
            tail = len(raw.rstrip(SPACE_CHARS))
            self.raw.append(pos)
            self.start.append(pos + lead)
            self.end.append(pos + max(tail, lead))
            pos += len(raw) + 1
        self.count = len(self.start)
        self.last_filled: list[int] = []  # index of the last non-blank line at or before i (-1: none)
        last = -1
        for i in range(self.count):
            if self.end[i] > self.start[i]:
                last = i
            self.last_filled.append(last)

    def blank(self, i: int) -> bool:
        return self.end[i] <= self.start[i]

    def content(self, i: int) -> str:
        return self.text[self.start[i] : self.end[i]]

    def is_meta(self, i: int) -> bool:
        """A ``# source:`` / ``<!-- … -->`` line: bookkeeping of a collection, not document text."""
        return META_RE.match(self.text, self.raw[i], self.end[i]) is not None


def _heading(text: str, start: int, end: int) -> str:
    """The text from ``start`` to the first 。 or the line's end, stripped."""
    stop = text.find(STOP_MARK, start, end)
    return text[start : end if stop < 0 else stop].strip(SPACE_CHARS)


@dataclass
class _Rec:
    """A unit being built: its first line and tree position; spans are filled in at the end."""

    level: Level
    label: str
    heading: str
    line: int
    depth: int
    parent: int | None
    number: int | None
    style: str = ""
    last_line: int = -1  # its last line (inclusive), set when it is closed


def _match_label(lines: _Lines, i: int) -> tuple[str, int, str, int] | None:
    """(style, number, label, end offset of the label) for a line that starts with a label."""
    m = LABEL_RE.match(lines.text, lines.start[i], lines.end[i])
    if m is None:
        return None
    if m.group("strong"):
        style, number = STRONG_STYLE[m.group("kind")], cn_value(m.group("sn"))
    elif m.group("comma"):
        style, number = "一、", cn_value(m.group("cn"))
    elif m.group("cparen"):
        style, number = "（一）", cn_value(m.group("cpn"))
    elif m.group("aparen"):
        style, number = "（1）", cn_value(m.group("apn"))
    elif m.group("adot"):
        style, number = "1.", cn_value(m.group("an"))
    else:
        style, number = "①", circled_value(m.group("circ"))
    if number is None:
        return None
    return style, number, m.group(0), m.end()


class _Nester:
    """Decides, label by label, whether a label opens a unit and under which parent."""

    def __init__(self) -> None:
        self.order: list[str] = []  # styles, outermost first, as first seen
        self.stack: list[tuple[str, int, int]] = []  # open units: (style, number, record index)
        self.last_number: dict[str, int] = {}
        self.last_parent: dict[str, int | None] = {}

    def place(self, style: str, number: int, index: int, list_restart: bool) -> tuple[bool, int | None]:
        """(opens a unit?, parent record index or None at top level) for a label at a line start.

        ``list_restart``: the innermost open unit is an item and prose came since the last label, so
        a (1) there starts a new list of the same parent (a law article's second paragraph).
        """
        stack = self.stack
        same = [k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == style]
        keep: int | None = None
        for k in same:  # continues an open sequence: a sibling
            if number == stack[k][1] + 1:
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
                parent = stack[keep - 1][2] if keep else None
                if number != self.last_number[style] + 1 and (
                    number != 1 or parent == self.last_parent[style]
                ):
                    return False, None
        del stack[keep:]
        parent = stack[-1][2] if stack else None
        stack.append((style, number, index))
        self.last_number[style] = number
        self.last_parent[style] = parent
        return True, parent


def _level(style: str, parent: _Rec | None) -> Level:
    level = STYLE_LEVEL[style]
    if parent is not None and LEVEL_RANK[level] <= LEVEL_RANK[parent.level]:
        return RANK_LEVEL[min(LEVEL_RANK[parent.level] + 1, LEVEL_RANK[Level.ITEM])]
    return level


def _body_head(lines: _Lines) -> int:
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


def _body_tail(lines: _Lines, head: int) -> int:
    """One past the last line of real text: a trailing source/editor/contact footer is left out."""
    i = lines.count - 1
    while i >= head and (lines.blank(i) or lines.is_meta(i) or is_junk(lines.content(i))):
        i -= 1
    return i + 1


def _filled(lines: _Lines, lo: int, hi: int) -> list[int]:
    """Non-blank, non-comment lines in [lo, hi)."""
    return [i for i in range(lo, hi) if not lines.blank(i) and not lines.is_meta(i)]


def _title_before(lines: _Lines, head: int, first: int) -> list[int]:
    """The title lines: the last run of title-like lines before the first numbered unit."""
    candidates = _filled(lines, head, first)
    k = len(candidates) - 1
    while k >= 0 and not is_title_like(lines.content(candidates[k])):
        k -= 1
    found: list[int] = []
    while k >= 0 and len(found) < CONFIG.max_title_lines and is_title_like(lines.content(candidates[k])):
        found.append(candidates[k])
        k -= 1
    return found[::-1]


def _title_after(lines: _Lines, filled: list[int]) -> list[int]:
    """The title lines of an unnumbered document: its first run of title-like lines."""
    found: list[int] = []
    for i in filled[: CONFIG.max_title_lines]:
        if not is_title_like(lines.content(i)):
            break
        found.append(i)
    return found if len(found) < len(filled) else []


def _epilogue_line(lines: _Lines, after: int, tail: int) -> int | None:
    """First line after ``after`` that opens the closing part: formula, signature or date line."""
    filled = _filled(lines, after + 1, tail)
    for k, i in enumerate(filled):
        line = fold(lines.content(i))
        if CLOSING_RE.match(line) or is_date_line(line):
            return i
        if (
            k + 1 < len(filled)
            and len(line) <= CONFIG.max_signature_chars
            and not any(ch in line for ch in SENTENCE_END)
            and is_date_line(fold(lines.content(filled[k + 1])))
        ):
            return i
    return None


def _plain(lines: _Lines, level: Level, first: int, last: int, heading: str | None = None) -> _Rec:
    """A unit without label spanning lines first..last."""
    text = lines.text
    if heading is None:
        heading = _heading(text, lines.start[first], lines.end[first])
    return _Rec(level, "", heading, first, 0, None, None, last_line=last)


def parse_structure(text: str) -> DocumentTree:
    """Parse a loaded document into its title, preamble, numbered units and epilogue.

    Args:
        text: the loaded text (``\\n`` line endings); traditional or simplified, any bracket width.

    Returns:
        The units in reading order (parents before children) with spans into ``text``.
    """
    lines = _Lines(text)
    head = _body_head(lines)
    tail = _body_tail(lines, head)
    recs: list[_Rec] = []
    nester = _Nester()
    prose = False  # unlabelled text since the last unit's first line
    for i in range(head, tail):
        found = _match_label(lines, i)
        if found is None:
            prose = prose or not lines.blank(i)
            continue
        style, number, label, label_end = found
        in_item = bool(nester.stack) and recs[nester.stack[-1][2]].level == Level.ITEM
        opens, parent = nester.place(style, number, len(recs), prose and in_item)
        if not opens:
            prose = True
            continue
        prose = False
        parent_rec = recs[parent] if parent is not None else None
        depth = parent_rec.depth + 1 if parent_rec is not None else 0
        heading = _heading(text, label_end, lines.end[i])
        recs.append(_Rec(_level(style, parent_rec), label, heading, i, depth, parent, number, style))

    before: list[_Rec] = []
    after: list[_Rec] = []
    if recs:
        first = recs[0].line
        title = _title_before(lines, head, first)
        pre_title = _filled(lines, head, title[0] if title else first)
        junk = [i for i in pre_title if is_junk(lines.content(i))]
        if title:
            start = title[0] if junk else (pre_title[0] if pre_title else title[0])
            body_from = title[-1] + 1
        else:
            start = -1
            body_from = junk[-1] + 1 if junk else head
        title_text = "".join(lines.content(i) for i in title)
        if title:
            before.append(_plain(lines, Level.TITLE, start, title[-1], title_text))
        preamble = _filled(lines, body_from, first)
        if preamble:
            before.append(_plain(lines, Level.PREAMBLE, preamble[0], preamble[-1]))
        epilogue = _epilogue_line(lines, recs[-1].line, tail)
        boundary = epilogue if epilogue is not None else tail
        if epilogue is not None:
            after.append(_plain(lines, Level.EPILOGUE, epilogue, lines.last_filled[tail - 1]))
        _close(lines, recs, boundary)
    else:
        filled = _filled(lines, head, tail)
        while filled and is_junk(lines.content(filled[0])):
            filled.pop(0)
        title = _title_after(lines, filled)
        title_text = "".join(lines.content(i) for i in title)
        if title:
            before.append(_plain(lines, Level.TITLE, title[0], title[-1], title_text))
        recs = [_plain(lines, Level.ARTICLE, i, i) for i in filled[len(title) :]]
    return _build(lines, title_text, before, recs, after)


def _close(lines: _Lines, recs: list[_Rec], boundary: int) -> None:
    """Set each unit's last line: the last non-blank line before the next unit at its depth or above."""
    open_: list[int] = []
    for k, rec in enumerate(recs):
        while open_ and recs[open_[-1]].depth >= rec.depth:
            recs[open_.pop()].last_line = lines.last_filled[rec.line - 1]
        open_.append(k)
    for k in open_:
        recs[k].last_line = lines.last_filled[boundary - 1]


def _build(
    lines: _Lines, title: str, before: list[_Rec], recs: list[_Rec], after: list[_Rec]
) -> DocumentTree:
    """Turn records into Units with offsets, indices and own_end."""
    base = len(before)
    ordered = before + recs + after
    starts = [lines.start[r.line] for r in ordered]
    ends = [lines.end[r.last_line] for r in ordered]
    parents = (
        [None] * base + [None if r.parent is None else r.parent + base for r in recs] + [None] * len(after)
    )
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
    return DocumentTree(title=title, units=units, body_start=body_start, body_end=body_end)
