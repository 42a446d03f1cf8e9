"""Classify single lines of a policy document: page furniture, title lines, closing lines, dates,
attachment headings, and where each line's content starts and ends.

Why apart from the parser: these are the keyword heuristics, each a bounded test of one line, so
they can be audited for regular-expression cost in one place. Every test looks at a bounded window
of its line (a long line is never furniture, a title or a closing formula) and no pattern has
overlapping unbounded quantifiers, so each call costs at most a constant times the window.
May import: the standard library, opencc, policydiff.model, policydiff.lang.numerals and
policydiff.lang.furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policydiff.lang.converters import Converter, converter
from policydiff.lang.furniture import is_furniture_line
from policydiff.lang.numerals import cn_value
from policydiff.model import NormalizeMode


@dataclass(frozen=True)
class StructureConfig:
    """Size limits of the heuristics."""

    max_title_chars: int = 60  # a longer line is prose, not a title line
    max_heading_chars: int = 200  # a unit's heading (its line to the first 。) is cut at this length
    max_title_lines: int = 6
    max_signature_chars: int = 30  # a signature line (issuer) before a date line
    max_signature_lines: int = 3  # joint issuers: up to this many signature lines before the date
    max_nav_token_chars: int = 8  # a menu bar is a line of short space-separated words
    min_nav_tokens: int = 4
    max_furniture_chars: int = 300  # a longer line is content, never a menu, footer or contact line
    closing_window: int = 120  # a closing formula shows in this many first characters of its line
    closing_tail: int = 40  # "…印发" ends its line within this many characters
    max_attachment_heading_chars: int = 60  # "附件1 某某表" without a colon is a short line
    max_label_digits: int = 6  # 1. … 999999. (a document of 200k articles); longer is a figure
    max_label_numeral_chars: int = 8  # 第一百二十三条; longer is no label
    max_gap: int = 9  # numbers a continuing label may skip when the next label confirms it
    max_unconfirmed_gap: int = 1  # numbers it may skip with no confirmation (one deleted unit)


CONFIG = StructureConfig()  # the default; a comparison passes its own (CompareConfig.structure)

SPACE_CHARS = " \t\r\f\v\u3000\xa0\u200b\u2002\u2003\u2009\ufeff"
FRONT_MATTER_FENCE = "---"
META_RE = re.compile(r"(?:#[ \t]{0,4}[A-Za-z_][\w-]{0,40}[ \t]{0,4}[:：]|<!--)")
COMMENT_END = "-->"
SENTENCE_END = "。；;：:，,、！!？?"
PARAGRAPH_END = "。；;！!？?"  # a line ending so is a complete paragraph, not a heading
STOP_MARK = "。"
CLAUSE_MARK = "，"  # a title has no clause break; a line with one is a wrapped line of prose

# Closing formulas, matched at the start of a folded window of the line. A validity formula is a
# subject (本办法 …) and, later in its sentence, 有效 / 废止 / 自…施行 / 由…解释: tested with str.find.
CLOSING_SUBJECT_RE = re.compile(
    r"本(?:文件|政策|意见|方案|办法|条例|规定|法|通知|措施|细则|规则|决定|实施意见|实施办法|实施细则"
    r"|若干政策|政策措施)"
)
VALIDITY_WORDS = ("有效", "废止")
VALIDITY_PAIRS = (("自", ("施行", "实施", "执行")), ("由", ("解释",)))
CLOSING_RE = re.compile(
    r"上述[^。，,]{0,20}?(?:政策|措施|条款)|抄送|抄报|印发[：:]|[（(]此件|此件公开"
    r"|[（(]?联系(?:人|电话|方式|单位|地址)"
)
PRINTED_TAIL_RE = re.compile(r"印发\s{0,8}$")  # "某某办公室 2023年6月1日印发", tested on the line's tail
TRAILING_CLOSING_RE = re.compile(r"抄送|抄报|印发|[（(]此件|此件公开")  # the block after the attachments
_YEAR = r"[0-9０-９〇零一二三四五六七八九]{2,4}\s{0,3}年\s{0,3}"
_MONTH_DAY = (
    r"[0-9０-９一二三四五六七八九十]{1,2}\s{0,3}月\s{0,3}[0-9０-９〇一二三四五六七八九十]{1,3}\s{0,3}日"
)
_DATE = _YEAR + _MONTH_DAY
DATE_LINE_RE = re.compile(rf"(?:{_YEAR})?{_MONTH_DAY}$")  # 2024年3月7日 / 7月7日 alone on a line
DATE_LED_RE = re.compile(_DATE)
DOC_NUMBER_RE = re.compile(r"[〔\[［(（][0-9０-９]{4}[〕\]］)）]\s{0,3}[0-9０-９]{1,6}\s{0,3}号$")
ATTACHMENT_TITLE_RE = re.compile(r"附件\s{0,4}[0-9０-９一二三四五六七八九十]{0,3}\s{0,4}[：:]?$")
SIGNATURE_RE = re.compile(r"(?:政府|办公室|办公厅|委员会|常委会|局|厅|中心)$")
BRACKETED_RE = re.compile(r"[（(【\[][^\n]{0,80}[）)】\]]$")
# 附件 / 附件1 / 附件：1.… / 附件2：某某表 / 附件 3 某某表 at a line start.
ATTACHMENT_RE = re.compile(
    r"附\s{0,2}件\s{0,4}(?P<number>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?\s{0,4}(?P<colon>[：:])?"
)


def _t2s() -> Converter:
    return converter(NormalizeMode.T2S.value)  # shared with normalization


def fold(line: str) -> str:
    """Traditional → simplified, for keyword tests only (lengths may change: never use for offsets).

    OpenCC takes UTF-8 only: a lone surrogate (an undecodable byte kept by a reader) becomes "?".
    """
    try:
        return str(_t2s().convert(line))
    except UnicodeEncodeError:
        return str(_t2s().convert(line.encode("utf-8", "replace").decode("utf-8")))


def is_junk(line: str, config: StructureConfig = CONFIG) -> bool:
    """Web page furniture: menus, breadcrumbs, publication/source/editor lines, share bars, footers,
    related-link lists (policydiff.lang.furniture, the detector the HTML reader uses too).

    A line longer than ``max_furniture_chars`` is content (a page extracted as one line must never
    be taken for its own footer), so every test here scans a bounded string.
    """
    if len(line) > config.max_furniture_chars:
        return False
    return is_furniture_line(line, fold(line))


def is_date_line(line: str, config: StructureConfig = CONFIG) -> bool:
    """A date alone on its line (2024年3月7日); ``line`` is stripped content."""
    return len(line) <= config.max_title_chars and DATE_LINE_RE.match(line.rstrip(SPACE_CHARS)) is not None


def _validity_formula(window: str) -> bool:
    """本办法自…起施行 / 本文件…有效 / 本细则由…负责解释 / …废止, within one sentence."""
    m = CLOSING_SUBJECT_RE.match(window)
    if m is None:
        return False
    sentence = window[m.end() :].split(STOP_MARK, 1)[0]
    if any(word in sentence for word in VALIDITY_WORDS):
        return True
    for lead, ends in VALIDITY_PAIRS:
        at = sentence.find(lead)
        if at >= 0 and any(sentence.find(end, at + 1) >= 0 for end in ends):
            return True
    return False


def is_closing_formula(text: str, config: StructureConfig = CONFIG) -> bool:
    """Text that starts with a closing formula: validity (本办法自…施行), 抄送, 此件公开发布, contact."""
    window = fold(text[: config.closing_window])
    return _validity_formula(window) or CLOSING_RE.match(window) is not None


def is_closing_line(line: str, config: StructureConfig = CONFIG) -> bool:
    """A paragraph that opens the closing part: a closing formula, or a line ending in …印发."""
    return (
        is_closing_formula(line, config) or PRINTED_TAIL_RE.search(line[-config.closing_tail :]) is not None
    )


def is_trailing_closing_line(line: str, config: StructureConfig = CONFIG) -> bool:
    """A line of the 抄送/印发 block that may follow a document's attachments."""
    short = line[: config.closing_window]
    return TRAILING_CLOSING_RE.match(fold(short)) is not None or (
        PRINTED_TAIL_RE.search(line[-config.closing_tail :]) is not None
    )


def is_signature_line(line: str, config: StructureConfig = CONFIG) -> bool:
    """A short line without punctuation: an issuer's name before a date line."""
    return len(line) <= config.max_signature_chars and not any(ch in line for ch in SENTENCE_END)


def attachment_label(line: str, config: StructureConfig = CONFIG) -> tuple[str, int | None] | None:
    """(label, number) of an attachment heading (附件 / 附件1 / 附件：/ 附件2：) starting ``line``.

    Without a colon the heading is the whole line or a short title after the number, so a sentence
    that merely starts with 附件 ("附件所列……。") is no heading.
    """
    m = ATTACHMENT_RE.match(line)
    if m is None:
        return None
    rest = line[m.end() :]
    number = m.group("number")
    if m.group("colon") is None:
        if rest and number is None and not line[m.end() - 1].isspace():
            return None  # 附件所列 … : a sentence
        if len(line) > config.max_attachment_heading_chars or any(ch in rest for ch in SENTENCE_END):
            return None
    return line[: m.end()].rstrip(SPACE_CHARS), (cn_value(number) if number else None)


def is_title_like(line: str, config: StructureConfig = CONFIG) -> bool:
    """A short line without sentence punctuation that is no date, document number, issuer or junk."""
    if len(line) > config.max_title_chars:
        return False
    if BRACKETED_RE.match(line):  # （征求意见稿） （2025年版） （2021年5月20日）
        return True
    if line[-1] in SENTENCE_END or STOP_MARK in line or CLAUSE_MARK in line:
        return False
    folded = fold(line).rstrip(SPACE_CHARS)
    return not (
        DATE_LED_RE.match(folded)
        or DATE_LINE_RE.match(folded)
        or DOC_NUMBER_RE.search(folded)
        or ATTACHMENT_TITLE_RE.match(folded)
        or SIGNATURE_RE.search(folded)
        or is_junk(line, config)
    )


MARKDOWN_MAX_LEVEL = 6  # CommonMark headings run from # to ######; seven hashes are text


def _lead(raw: str) -> int:
    """Where a line's content starts: after indentation and one Markdown ``#`` heading marker."""
    n = len(raw)
    i = 0
    while i < n and raw[i] in SPACE_CHARS:
        i += 1
    hashes = 0
    while i + hashes < n and hashes <= MARKDOWN_MAX_LEVEL and raw[i + hashes] == "#":
        hashes += 1
    if 1 <= hashes <= MARKDOWN_MAX_LEVEL and i + hashes < n and raw[i + hashes] in " \t\u3000":
        i += hashes
        while i < n and raw[i] in SPACE_CHARS:
            i += 1
    return i


class Lines:
    """The text cut into lines, with where each line's content starts and ends."""

    def __init__(self, text: str, config: StructureConfig = CONFIG) -> None:
        self.text = text
        self.config = config  # the heuristics' size limits for this document
        self.raw: list[int] = []  # where each line starts
        self.start: list[int] = []  # content start: after indentation and Markdown heading markers
        self.end: list[int] = []  # content end: before trailing spaces
        self.indent: list[int] = []  # after indentation only (a ``# key:`` line keeps its ``#``)
        pos = 0
        for raw in text.split("\n"):
            lead = _lead(raw)
            indent = len(raw) - len(raw.lstrip(SPACE_CHARS))
            self.indent.append(pos + indent)
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
        m = META_RE.match(self.text, self.indent[i], self.end[i])
        if m is None:
            return False
        if not self.text.startswith("<!--", m.end() - 4):
            return True
        return self.text.endswith(COMMENT_END, m.end(), self.end[i])

    def filled(self, lo: int, hi: int) -> list[int]:
        """Non-blank, non-comment lines in [lo, hi)."""
        return [i for i in range(lo, hi) if not self.blank(i) and not self.is_meta(i)]
