"""A version's date as its text states it, for the user to confirm before a history is built.

Where a revised law or a policy says when it was made: the lines above its first numbered unit
(公布 / 修订 / 修正 dates, a 发文 date) and its closing block (the signature date); the latest of
them is the version's date. Failing that, a year in the title (2024年度) or in the file's name.
May import: the standard library, policydiff.model and policydiff.lang.numerals.
"""

from __future__ import annotations

import datetime
import re

from policydiff.model import DocumentTree, Level

_CN_DIGITS = {c: str(n) for n, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_FULL_DATE = re.compile(
    r"((?:19|20)\d\d|[一二][〇○零Ｏ一二三四五六七八九]{3})\s*年\s*"
    r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
HEAD_MAX = 2_000  # characters of the head read for dates when the document has no numbered unit
TAIL_MAX = 400  # characters of a closing block read for its signature date
_NUMBERED = (Level.CHAPTER, Level.SECTION, Level.ARTICLE, Level.ITEM, Level.ATTACHMENT)


def _small(text: str) -> int:
    """一 … 三十一 (or digits) as a number."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int(_CN_DIGITS[text])
    tens, _, units = text.partition("十")
    return (int(_CN_DIGITS[tens]) if tens else 1) * 10 + (int(_CN_DIGITS[units]) if units else 0)


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(_CN_DIGITS[c] for c in text))


def dates_in(text: str) -> list[str]:
    """Every full date (年月日) of a text as ISO strings, in order; impossible dates left out."""
    out = []
    for match in _FULL_DATE.finditer(text):
        year, month, day = _year(match.group(1)), _small(match.group(2)), _small(match.group(3))
        try:
            out.append(datetime.date(year, month, day).isoformat())
        except ValueError:  # 2月30日: not a date
            continue
    return out


def version_date(text: str, tree: DocumentTree, path: str = "") -> str | None:
    """The latest date the head or the closing block states, else a year from the title or name."""
    numbered = [u for u in tree.units if u.level in _NUMBERED]
    head = text[: numbered[0].start] if numbered else text[:HEAD_MAX]
    found = dates_in(head)
    for unit in tree.units:
        if unit.level == Level.EPILOGUE:
            found += dates_in(text[max(unit.start, unit.end - TAIL_MAX) : unit.end])
    if found:
        return max(found)
    for source in (tree.title, path.replace("\\", "/").rsplit("/", 1)[-1]):
        years: list[str] = _YEAR.findall(source)
        if years:
            return max(years)
    return None
