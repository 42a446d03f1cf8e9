"""Render the automatic numbering of a Word 97–2003 file: the list numbers Word draws, as text.

Word keeps 第一条, （一）, 1. of numbered paragraphs out of the text: a paragraph names a list
instance (sprmPIlfo) and a level (sprmPIlvl), directly or through its style; the instance (LFO,
in PlfLfo) points at a list (LSTF, in PlfLst, by lsid) whose level (LVL) gives the start value,
the number format (nfc) and the label template with placeholders 0–8 for the levels' numbers.
This module parses those tables and counts paragraph by paragraph. Anything it does not know
(an unknown format, a table it cannot parse) makes it give up, so the caller falls back instead
of printing a wrong number.
May import: the standard library, policydiff.lang.numerals.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from policydiff.lang.numerals import cn_numeral

SPRM_ILVL, SPRM_ILFO = 0x260A, 0x460B
_NO_STYLE = 0x0FFF
_MAX_STYLE_DEPTH = 16
_MAX_LISTS = 10_000
_MAX_TEMPLATE = 32  # code units of a label template; 第%1条 and （%1） have 3–4
_FOLLOW = {0: "", 1: " ", 2: ""}  # tab, space, nothing: a tab after the number is layout


class NumberingUnknown(ValueError):
    """The file's numbering uses something this module does not render."""


@dataclass(frozen=True)
class Level:
    start: int
    nfc: int
    template: str  # code units 0–8 stand for the numbers of levels 1–9
    follow: str
    legal: bool  # every level's number written as decimal
    no_restart: bool


@dataclass
class _Override:
    start: int | None = None
    level: Level | None = None


@dataclass
class Numbering:
    lists: dict[int, list[Level]]  # by lsid
    lfos: list[tuple[int, dict[int, _Override]]]  # (lsid, overrides by level), ilfo - 1 indexes it
    counters: dict[int, list[int | None]] = field(default_factory=dict)
    restarted: set[tuple[int, int]] = field(default_factory=set)

    def label(self, ilfo: int, ilvl: int) -> str:
        """The label of the next paragraph of list instance ``ilfo`` at ``ilvl``; advances the count."""
        if not 0 < ilfo <= len(self.lfos) or not 0 <= ilvl <= 8:
            return ""
        lsid, overrides = self.lfos[ilfo - 1]
        levels = self.lists.get(lsid)
        if levels is None:
            raise NumberingUnknown(f"list {lsid} is not defined")
        if ilvl >= len(levels):
            ilvl = len(levels) - 1
        level = self._level(levels, overrides, ilvl)
        counts = self.counters.setdefault(lsid, [None] * 9)
        override = overrides.get(ilvl)
        if override is not None and override.start is not None and (ilfo, ilvl) not in self.restarted:
            self.restarted.add((ilfo, ilvl))
            counts[ilvl] = override.start
        elif counts[ilvl] is None:
            counts[ilvl] = level.start
        else:
            counts[ilvl] = (counts[ilvl] or 0) + 1
        for shallower in range(ilvl):  # a level skipped on the way down counts as used once (Word)
            if counts[shallower] is None:
                counts[shallower] = self._level(levels, overrides, shallower).start
        for deeper in range(ilvl + 1, 9):
            if deeper < len(levels) and not self._level(levels, overrides, deeper).no_restart:
                counts[deeper] = None
        out = []
        for unit in level.template:
            k = ord(unit)
            if k < 9:
                sub = self._level(levels, overrides, min(k, len(levels) - 1))
                count = counts[k]
                value = count if count is not None else sub.start
                out.append(format_number(value, 0 if level.legal else sub.nfc))
            else:
                out.append(unit)
        return "".join(out) + level.follow

    @staticmethod
    def _level(levels: list[Level], overrides: dict[int, _Override], ilvl: int) -> Level:
        override = overrides.get(ilvl)
        return override.level if override is not None and override.level is not None else levels[ilvl]


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def format_number(value: int, nfc: int) -> str:
    """A count written in a Word number format (MSONFC); NumberingUnknown for the others."""
    if nfc in (0x00, 0x28, 0x0F, 0x05):  # decimal, decimal (Chinese), half-width, ordinal as decimal
        return str(value)
    if nfc == 0x16:
        return f"{value:02d}"
    if nfc in (0x0E, 0x13):  # full-width digits
        return str(value).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if nfc in (0x25, 0x27, 0x21, 0x23) and 0 < value < 10_000:  # Chinese / Taiwanese counting
        return cn_numeral(value)
    if nfc == 0x0A and value >= 0:  # ideographDigital: 一〇 for 10
        return str(value).translate(str.maketrans("0123456789", "〇一二三四五六七八九"))
    if nfc == 0x26 and 0 < value < 10_000:  # chineseLegalSimplified
        return cn_numeral(value).translate(
            str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
        )
    if nfc in (0x12, 0x1C) and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if nfc == 0x1B and 0 < value <= len(_PAREN):
        return _PAREN[value - 1]
    if nfc == 0x1A and 0 < value <= len(_FULLSTOP):
        return _FULLSTOP[value - 1]
    if nfc == 0x1E and value > 0:
        return _TIANGAN[(value - 1) % 10]
    if nfc == 0x1F and value > 0:
        return _DIZHI[(value - 1) % 12]
    if nfc in (0x01, 0x02) and 0 < value < 4000:
        roman = ""
        for amount, letters in _ROMAN:
            while value >= amount:
                roman += letters
                value -= amount
        return roman if nfc == 0x01 else roman.lower()
    if nfc in (0x03, 0x04) and value > 0:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if nfc == 0x03 else letter.lower()
    if nfc in (0x17, 0xFF):  # bullet, none: the template holds all there is
        return ""
    raise NumberingUnknown(f"number format {nfc} is not rendered")


def parse_numbering(table: bytes, lst: tuple[int, int], lfo: tuple[int, int]) -> Numbering:
    """The lists (PlfLst and the LVLs after it) and list instances (PlfLfo) of the table stream."""
    try:
        return Numbering(_lists(table, *lst), _lfos(table, *lfo))
    except (struct.error, IndexError, UnicodeDecodeError) as exc:
        raise NumberingUnknown("the list tables are malformed") from exc


def _lists(table: bytes, fc: int, lcb: int) -> dict[int, list[Level]]:
    if lcb < 2:
        return {}
    count = struct.unpack_from("<h", table, fc)[0]
    if not 0 <= count <= _MAX_LISTS:
        raise NumberingUnknown("the list table is malformed")
    heads = []
    for i in range(count):
        at = fc + 2 + 28 * i
        lsid = struct.unpack_from("<i", table, at)[0]
        heads.append((lsid, 1 if table[at + 26] & 0x01 else 9))
    pos = fc + lcb  # the LVLs follow the PlfLst, list by list
    lists: dict[int, list[Level]] = {}
    for lsid, nlevels in heads:
        levels = []
        for _ in range(nlevels):
            level, pos = _lvl(table, pos)
            levels.append(level)
        lists[lsid] = levels
    return lists


def _lvl(table: bytes, pos: int) -> tuple[Level, int]:
    """One LVL: its LVLF, the paragraph and character property blocks, then the label template."""
    start, nfc, flags = struct.unpack_from("<iBB", table, pos)
    follow = table[pos + 15]
    cb_chpx, cb_papx = table[pos + 24], table[pos + 25]
    at = pos + 28 + cb_papx + cb_chpx
    cch = struct.unpack_from("<H", table, at)[0]
    if at + 2 + 2 * cch > len(table):
        raise NumberingUnknown("a list level runs past the table")
    if cch > _MAX_TEMPLATE:
        raise NumberingUnknown("a list level's label is longer than any numbering writes")
    template = table[at + 2 : at + 2 + 2 * cch].decode("utf-16-le")
    level = Level(start, nfc, template, _FOLLOW.get(follow, ""), bool(flags & 0x04), bool(flags & 0x08))
    return level, at + 2 + 2 * cch


def _lfos(table: bytes, fc: int, lcb: int) -> list[tuple[int, dict[int, _Override]]]:
    if lcb < 4:
        return []
    count = struct.unpack_from("<i", table, fc)[0]
    if not 0 <= count <= _MAX_LISTS:
        raise NumberingUnknown("the list instance table is malformed")
    records = []
    for i in range(count):
        at = fc + 4 + 16 * i
        records.append((struct.unpack_from("<i", table, at)[0], table[at + 12]))
    pos = fc + 4 + 16 * count  # then one LfoData per LFO: a cp, then its LFOLVLs
    out = []
    for lsid, levels in records:
        pos += 4
        overrides: dict[int, _Override] = {}
        for _ in range(levels):
            start, flags = struct.unpack_from("<iI", table, pos)
            pos += 8
            ilvl, has_start, has_format = flags & 0x0F, bool(flags & 0x10), bool(flags & 0x20)
            override = _Override(start if has_start else None)
            if has_format:
                override.level, pos = _lvl(table, pos)
            if ilvl <= 8:
                overrides[ilvl] = override
        out.append((lsid, overrides))
    return out


def parse_style_lists(table: bytes, fc: int, lcb: int, sprms: object) -> dict[int, tuple[int, int]]:
    """(ilfo, ilvl) that each paragraph style gives, its base styles' included.

    Args:
        table: the table stream; fc, lcb: where its style sheet (STSH) lies.
        sprms: the function splitting a grpprl into (sprm, operand) pairs.
    """
    try:
        own, bases = _styles(table, fc, lcb, sprms)
    except (struct.error, IndexError) as exc:
        raise NumberingUnknown("the style sheet is malformed") from exc
    resolved: dict[int, tuple[int, int]] = {}
    for istd in own:
        ilfo = ilvl = None
        current, depth = istd, 0
        while current in own and depth < _MAX_STYLE_DEPTH:
            lfo, lvl = own[current]
            ilfo = lfo if ilfo is None else ilfo
            ilvl = lvl if ilvl is None else ilvl
            current, depth = bases.get(current, _NO_STYLE), depth + 1
        if ilfo:
            resolved[istd] = (ilfo, ilvl or 0)
    return resolved


def _styles(
    table: bytes, fc: int, lcb: int, sprms: object
) -> tuple[dict[int, tuple[int | None, int | None]], dict[int, int]]:
    if lcb < 4:
        return {}, {}
    end = fc + lcb
    cb_stshi = struct.unpack_from("<H", table, fc)[0]
    count, cb_base = struct.unpack_from("<HH", table, fc + 2)
    pos = fc + 2 + cb_stshi
    own: dict[int, tuple[int | None, int | None]] = {}
    bases: dict[int, int] = {}
    for istd in range(count):
        if pos + 2 > end:
            break
        cb = struct.unpack_from("<H", table, pos)[0]
        std = table[pos + 2 : pos + 2 + cb]
        pos += 2 + cb
        if cb < cb_base + 2:
            continue
        kind_base = struct.unpack_from("<H", std, 2)[0]
        kind, base = kind_base & 0x0F, kind_base >> 4
        bases[istd] = base
        if kind != 1:  # only paragraph styles carry numbering
            continue
        cch = struct.unpack_from("<H", std, cb_base)[0]
        at = cb_base + 2 + 2 * cch + 2
        at += at % 2
        cb_upx = struct.unpack_from("<H", std, at)[0]
        grpprl = std[at + 4 : at + 2 + cb_upx]  # after the UpxPapx's istd
        ilfo = ilvl = None
        for sprm, operand in sprms(grpprl):  # type: ignore[operator]
            if sprm == SPRM_ILFO and len(operand) >= 2:
                ilfo = struct.unpack_from("<h", operand)[0]
            elif sprm == SPRM_ILVL and operand:
                ilvl = operand[0]
        own[istd] = (ilfo, ilvl)
    return own, bases
