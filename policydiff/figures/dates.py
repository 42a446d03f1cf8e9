"""Find dates, deadlines and times of day in a policy text, as figures of kind "date".

A revision that moves a deadline (年底前 → 6月底前) or a target year (2025年 → 2027年) changes a
policy as much as a new amount does, so dates are figures too. Each date gets a sortable value in
one of a few date units (a year, a year and month, a full date, a month, a month and day, a time
of day); only dates in the same unit are compared with each other. Dates written with "-" or "/"
(page timestamps) and the dates of a law's legislative history (…通过, …修正) are not policy
figures. Every pattern is bounded: each quantifier has a small fixed limit.
May import: the standard library, policydiff.model and policydiff.lang.numerals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from policydiff.lang.numerals import numeral_value
from policydiff.model import FigureKind, Qualifier

__all__ = ["find_dates", "DATE_UNITS"]

# Date units, for the report: how a value of each unit reads.
DATE_UNITS = ("年份", "年月", "日期", "月", "月日", "时刻")

_SEP = r"\s?(?:-{1,2}|—{1,2}|–|~|至|到)\s?"
_YEAR = r"(?:19|20)[0-9]{2}"
_FULL_RE = re.compile(
    rf"(?<![0-9.])(?P<y>{_YEAR})\s?年\s?(?P<m>[0-9]{{1,2}})\s?月(?:\s?(?P<d>[0-9]{{1,2}})\s?[日号]"
    rf"(?:{_SEP}(?P<d2>[0-9]{{1,2}})\s?[日号])?)?(?P<end>底|末)?"
)
_YEAR_RE = re.compile(
    rf"(?<![0-9.])(?P<y>{_YEAR})(?:{_SEP}(?P<y2>{_YEAR}))?\s?年(?P<end>底|末|度|初)?(?!\s?[0-9])"
)
_MONTH_DAY_RE = re.compile(
    rf"(?<![0-9.年])(?P<m>[0-9]{{1,2}})\s?月\s?(?P<d>[0-9]{{1,2}})\s?[日号]?(?:{_SEP}(?P<d2>[0-9]{{1,2}})\s?[日号])?"
)
_MONTH_RE = re.compile(
    r"(?<![0-9.年])(?:(?P<m>[0-9]{1,2})\s?月(?P<end>底|末|初|中旬|上旬|下旬)?|(?<![0-9])年(?P<yend>底|末))"
    r"(?=以前|之前|前|起|以后|之后|后|止|内)"
)
# 二〇二五年十二月三十一日: dates written in Chinese numerals (signatures, deadlines of notices).
_CN_DIGIT = "〇零一二三四五六七八九"
_CN_DATE_RE = re.compile(
    rf"(?P<y>[一二][{_CN_DIGIT}]{{3}})年"
    r"(?:(?P<m>十[一二]?|[一二三四五六七八九])月(?:(?P<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?)?"
    r"(?P<end>底|末)?"
)
_TIME_RE = re.compile(r"(?<![0-9:.])(?P<h>[01]?[0-9]|2[0-4]):(?P<mi>[0-5][0-9])(?![0-9:])")
_TIME_BEFORE = "午晚早时日)"  # a time of day has one of these in the TIME_CONTEXT_CHARS before it
TIME_CONTEXT_CHARS = 3  # 下午3:00, 12月29日(周四)中午12:00
_TIME_AFTER = "前后起至-—~"
_AFTER_RE = re.compile(r"(?:\s?\([^()\n]{0,6}\))?\s?(?P<q>以前|之前|前|起|以后|之后|后|止|以内|内)?")
_HISTORY_RE = re.compile(r"[^,。;\n]{0,40}?(?:会议|通过|修正|修订|修改|公布)")
HISTORY_WINDOW = 48  # how far after a date its legislative-history words are looked for
_CANONICAL: dict[str, Qualifier] = {
    "以前": Qualifier.BEFORE,
    "之前": Qualifier.BEFORE,
    "前": Qualifier.BEFORE,
    "以后": Qualifier.AFTER,
    "之后": Qualifier.AFTER,
    "后": Qualifier.AFTER,
    "起": Qualifier.FROM,
    "止": Qualifier.UNTIL,
    "以内": Qualifier.WITHIN,
    "内": Qualifier.WITHIN,
}


def _day_mark(t: str, at: int) -> int:
    """The length of the 日/号 (and a space before it) that closes a day written at ``at``."""
    mark = re.match(r"\s?[日号]", t[at : at + 2])
    return mark.end() if mark else 0


def _cn_int(numeral: str | None) -> int:
    """A date part written in Chinese numerals (二〇二四, 十二, 三十一); 0 when absent."""
    value = numeral_value(numeral) if numeral else None
    return 0 if value is None else int(value)


def find_dates(t: str, excluded: Callable[[int, int], bool]) -> list[tuple[int, int, dict[str, Any]]]:
    """Dates in folded text ``t`` as (start, end, fields) in reading order; see module docstring.

    Args:
        t: folded text (ASCII digits and punctuation).
        excluded: says whether a span touches a name, title or document number.
    Returns:
        Spans with the fields ``figures`` keeps for every figure (value, unit, qualifiers …).
    """
    found: list[tuple[int, int, dict[str, Any]]] = []
    taken = bytearray(len(t))  # characters already in a date: earlier patterns win, linear time

    def add(start: int, end: int, value: float, unit: str, high: float | None = None) -> None:
        if any(taken[start:end]) or excluded(start, end):
            return
        if _HISTORY_RE.match(t, end, min(len(t), end + HISTORY_WINDOW)):
            return  # …通过 / …修正: a law's history, not a policy date
        after = _AFTER_RE.match(t, end)
        q = after.group("q") if after else None
        suf = [_CANONICAL[q]] if q else []
        taken[start:end] = b"\x01" * (end - start)
        found.append(
            (
                start,
                end + (len(after.group()) if q and after else 0),
                {
                    "value": float(value),
                    "value_high": None if high is None else float(high),
                    "unit": unit,
                    "kind": FigureKind.DATE,
                    "pre": [],
                    "suf": suf,
                    "q_start": start,
                    "per": None,
                },
            )
        )

    for m in _CN_DATE_RE.finditer(t):
        year, month, day = (_cn_int(m[k]) for k in ("y", "m", "d"))
        if not 1900 <= year < 2100:
            continue
        if month and day and not m["end"] and day <= 31:
            add(m.start(), m.end(), year * 10000 + month * 100 + day, "日期")
        elif month or m["end"]:
            add(m.start(), m.end(), year * 100 + (month or 12), "年月")
        else:
            add(m.start(), m.end(), year, "年份")
    for m in _FULL_RE.finditer(t):
        y, mo = int(m["y"]), int(m["m"])
        if not 1 <= mo <= 12:
            continue
        if m["d"] and not m["end"]:
            day = y * 10000 + mo * 100 + int(m["d"])  # 2019年6月25日-28日: a span of days
            high = y * 10000 + mo * 100 + int(m["d2"]) if m["d2"] and int(m["d2"]) > int(m["d"]) else None
            add(m.start(), m.end() if high else m.end("d") + _day_mark(t, m.end("d")), day, "日期", high)
        else:
            add(m.start(), m.end(), y * 100 + mo, "年月")
    for m in _YEAR_RE.finditer(t):
        y = int(m["y"])
        if m["end"] in ("底", "末"):
            add(m.start(), m.end(), y * 100 + 12, "年月")
        else:
            add(m.start(), m.end(), y, "年份", int(m["y2"]) if m["y2"] else None)
    for m in _MONTH_DAY_RE.finditer(t):
        mo, d = int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            add(m.start(), m.end(), mo * 100 + d, "月日", mo * 100 + int(m["d2"]) if m["d2"] else None)
    for m in _MONTH_RE.finditer(t):
        mo = 12 if m["yend"] else int(m["m"])
        if 1 <= mo <= 12:
            add(m.start(), m.end(), mo, "月")
    for m in _TIME_RE.finditer(t):
        before, nxt = t[max(0, m.start() - TIME_CONTEXT_CHARS) : m.start()], t[m.end() : m.end() + 1]
        if any(c in before for c in _TIME_BEFORE) or (nxt and nxt in _TIME_AFTER):
            add(m.start(), m.end(), int(m["h"]) * 60 + int(m["mi"]), "时刻")
    found.sort(key=lambda f: f[0])
    return found
