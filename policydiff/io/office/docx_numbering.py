"""Word's automatic numbering (numbering.xml): the label Word shows before a numbered paragraph.

Word stores no number in the text of a numbered paragraph, only a reference (w:numPr: numId and
level, on the paragraph or inherited from its style) to a definition (w:num → w:abstractNum →
w:lvl with start, numFmt, lvlText, suff, lvlRestart, isLgl) and counts as it lays the document
out. This module keeps those counters in reading order and renders labels such as 第一条, 1.,
（一）, ①, 1.2. Bullets and the `none` format are list marks, not numbering text, and render as
nothing, so a bulleted .docx compares equal to its .txt without the marks.
May import: the standard library, policydiff.lang.numerals, policydiff.io.office.zipparts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policydiff.io.office.zipparts import local
from policydiff.lang.numerals import CIRCLED_RUNS, cn_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = W + "val"
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_NO_LABEL = frozenset({"bullet", "none"})

_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_TRADITIONAL_COUNT = str.maketrans("万", "萬")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_DIGITS_CN = "〇一二三四五六七八九"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _counting(n: int) -> str:
    return cn_numeral(n) if 0 < n < 10_000 else str(n)


def _legal(n: int) -> str:
    text = _counting(n)
    return ("一" + text if text.startswith("十") else text).translate(_LEGAL)


def _cycle(alphabet: str) -> Callable[[int], str]:
    return lambda n: alphabet[(n - 1) % len(alphabet)] if n > 0 else str(n)


def _letters(n: int) -> str:
    """a … z, aa … zz, aaa …: Word repeats the letter rather than counting in base 26."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _circled(n: int) -> str:
    for lo, hi, first in CIRCLED_RUNS:
        if first <= n <= first + hi - lo:
            return chr(lo + n - first)
    return str(n)


def _run(first_code: int, count: int, fallback: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: chr(first_code + n - 1) if 0 < n <= count else fallback(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULLWIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULLWIDTH),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedParen": _run(0x2474, 20, lambda n: f"({n})"),
    "decimalEnclosedFullstop": _run(0x2488, 20, lambda n: f"{n}."),
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "taiwanCounting": _counting,
    "taiwanCountingThousand": lambda n: _counting(n).translate(_TRADITIONAL_COUNT),
    "chineseLegalSimplified": _legal,
    "japaneseLegal": _legal,
    "ideographLegalTraditional": _legal,
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "ideographDigital": lambda n: "".join(_DIGITS_CN[int(d)] for d in str(n)) if n >= 0 else str(n),
    "taiwanDigital": lambda n: "".join(_DIGITS_CN[int(d)] for d in str(n)) if n >= 0 else str(n),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


def format_number(n: int, fmt: str) -> str:
    """One number in a Word numFmt; a format this reader does not know is written in digits."""
    if fmt in _NO_LABEL:
        return ""
    return FORMATS.get(fmt, str)(n)


@dataclass(frozen=True)
class LevelDef:
    """One w:lvl: how a level starts, counts and is written."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None means "%<level+1>" would be Word's default
    suffix: str = "tab"
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # isLgl: every number in the label in Arabic digits
    style: str | None = None  # pStyle linking a paragraph style to this level


@dataclass(frozen=True)
class NumDef:
    """One w:num: an instance of an abstract definition, with per-level overrides."""

    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, LevelDef] = field(default_factory=dict)


def _val(element: Any, name: str) -> str | None:
    child = element.find(W + name)
    if child is None:  # Word 2010 writes some formats inside mc:AlternateContent: take the Fallback
        for alt in element:
            if local(alt.tag) == "AlternateContent":
                for branch in alt:
                    if local(branch.tag) == "Fallback":
                        child = branch.find(W + name)
    return None if child is None else child.get(_VAL)


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(element: Any, name: str) -> bool:
    child = element.find(W + name)
    return child is not None and child.get(_VAL, "true") not in ("0", "false", "off")


def _level(lvl: Any) -> LevelDef:
    text_el = lvl.find(W + "lvlText")
    return LevelDef(
        start=_int(_val(lvl, "start"), 1) or 0,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=None if text_el is None else text_el.get(_VAL, ""),
        suffix=_val(lvl, "suff") or "tab",
        restart=_int(_val(lvl, "lvlRestart"), None),
        legal=_on(lvl, "isLgl"),
        style=_val(lvl, "pStyle"),
    )


class Definitions:
    """numbering.xml and the numbering inherited through styles.xml, read once."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.abstracts: dict[str, dict[int, LevelDef]] = {}
        self.abstract_links: dict[str, str] = {}  # abstractNum → numbering style it follows
        self.nums: dict[str, NumDef] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iter(W + "abstractNum"):
            key = abstract.get(W + "abstractNumId", "")
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0) or 0
                levels[ilvl] = _level(lvl)
            self.abstracts[key] = levels
            link = _val(abstract, "numStyleLink")
            if link:
                self.abstract_links[key] = link
        for num in root.iter(W + "num"):
            starts: dict[int, int] = {}
            overrides: dict[int, LevelDef] = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0) or 0
                start = _int(_val(override, "startOverride"), None)
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId", "")] = NumDef(_val(num, "abstractNumId") or "", starts, overrides)

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId", "")
            based = _val(style, "basedOn")
            if based:
                self.style_parent[style_id] = based
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_num[style_id] = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), None))

    def style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and level a paragraph style gives (through basedOn), first definition wins."""
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            found_id, found_lvl = self.style_num.get(style_id, (None, None))
            num_id = num_id if num_id is not None else found_id
            ilvl = ilvl if ilvl is not None else found_lvl
            style_id = self.style_parent.get(style_id)
        return num_id, ilvl

    def abstract_of(self, num_id: str) -> str | None:
        """The abstract definition a num uses, following numStyleLink through a numbering style."""
        num = self.nums.get(num_id)
        seen: set[str] = set()
        while num is not None and num.abstract not in seen:
            seen.add(num.abstract)
            link = self.abstract_links.get(num.abstract)
            if link is None or self.abstracts.get(num.abstract):
                return num.abstract
            linked_num, _ = self.style_numbering(link)
            num = self.nums.get(linked_num or "")
        return None

    def level_for_style(self, abstract: str, style_id: str | None) -> int | None:
        for ilvl, level in self.abstracts.get(abstract, {}).items():
            if style_id and level.style == style_id:
                return ilvl
        return None


class Counters:
    """Numbers in reading order: one counter per (abstract definition, level)."""

    def __init__(self, definitions: Definitions) -> None:
        self.defs = definitions
        self.values: dict[str, list[int | None]] = {}
        self.used_nums: set[tuple[str, int]] = set()
        self._levels: dict[str, list[LevelDef]] = {}
        self._styles: dict[str | None, tuple[str | None, int | None]] = {}

    def label(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> str:
        """The label (with the text its suffix needs) of a paragraph; counts it; '' if none."""
        if style_id not in self._styles:
            self._styles[style_id] = self.defs.style_numbering(style_id)
        style_num, style_lvl = self._styles[style_id]
        num_id = num_id if num_id is not None else style_num
        if not num_id or num_id == "0" or num_id not in self.defs.nums:
            return ""
        abstract = self.defs.abstract_of(num_id)
        if abstract is None:
            return ""
        if ilvl is None:
            ilvl = style_lvl if style_lvl is not None else self.defs.level_for_style(abstract, style_id)
        ilvl = min(max(ilvl or 0, 0), _LEVELS - 1)
        levels = self._levels.get(num_id)
        if levels is None:
            levels = self._levels[num_id] = [self._level(num_id, abstract, i) for i in range(_LEVELS)]
        values = self.values.setdefault(abstract, [None] * _LEVELS)
        num = self.defs.nums[num_id]
        if (num_id, ilvl) not in self.used_nums:
            self.used_nums.add((num_id, ilvl))
            if ilvl in num.start_overrides:
                values[ilvl] = None
        current = values[ilvl]
        values[ilvl] = self._start(num, levels, ilvl) if current is None else current + 1
        for shallower in range(ilvl):  # a level skipped on the way down counts as used once, as
            if values[shallower] is None:  # in Word: 1. / a. / (skipped) / i. then the skipped → 2.
                values[shallower] = self._start(num, levels, shallower)
        for deeper in range(ilvl + 1, _LEVELS):
            after = levels[deeper].restart
            if after is None or (after != 0 and ilvl < after):
                values[deeper] = None
        return self._render(levels, values, ilvl)

    def _level(self, num_id: str, abstract: str, ilvl: int) -> LevelDef:
        num = self.defs.nums[num_id]
        return num.level_overrides.get(ilvl) or self.defs.abstracts.get(abstract, {}).get(ilvl) or LevelDef()

    @staticmethod
    def _start(num: NumDef, levels: list[LevelDef], ilvl: int) -> int:
        return num.start_overrides.get(ilvl, levels[ilvl].start)

    @staticmethod
    def _render(levels: list[LevelDef], values: list[int | None], ilvl: int) -> str:
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""
        pattern = level.text if level.text is not None else f"%{ilvl + 1}"

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            value = values[k] if values[k] is not None else levels[k].start
            fmt = "decimal" if level.legal and levels[k].fmt not in _NO_LABEL else levels[k].fmt
            return format_number(value or 0, fmt)

        text = _PLACEHOLDER.sub(number, pattern)
        if not text:
            return ""
        return text + ("" if level.suffix == "nothing" else " ")
