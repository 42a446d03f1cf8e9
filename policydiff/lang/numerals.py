"""Values of the numerals in policy texts: labels (十六, 一百零三, 16, １６, ③) and amounts (三十五万).

The one parser of Chinese numerals: the structure parser, cross-references, search folding and
figure extraction all read numbers here, so they cannot disagree about a value.
May import: the standard library only.
"""

from __future__ import annotations

CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CN_MULTIPLIERS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# The characters a unit label's numeral is made of (the structure parser builds its patterns from it).
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_MULTIPLIERS)
# 大写 digits, written on amounts in financial text (壹佰万元); never in labels, so not in CN_NUMERAL_CHARS.
CN_CAPITAL_DIGITS: dict[str, int] = {
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5,
    "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
# Myriads: a section (up to 9999) is multiplied by them; 亿 also multiplies what came before (一万亿).
CN_MYRIADS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_ALL_DIGITS = CN_DIGITS | CN_CAPITAL_DIGITS

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# ① … ⑳, ㉑ … ㉟, ㊱ … ㊿: three Unicode runs of circled numbers.
CIRCLED_RUNS: tuple[tuple[int, int, int], ...] = (
    (0x2460, 0x2473, 1),
    (0x3251, 0x325F, 21),
    (0x32B1, 0x32BF, 36),
)
CIRCLED_CHARS = "".join(chr(c) for lo, hi, _ in CIRCLED_RUNS for c in range(lo, hi + 1))


def circled_value(char: str) -> int | None:
    """Value of a circled number such as ③, else None."""
    code = ord(char) if len(char) == 1 else -1
    for lo, hi, first in CIRCLED_RUNS:
        if lo <= code <= hi:
            return first + code - lo
    return None


def cn_value(numeral: str) -> int | None:
    """Value of a Chinese numeral or of ASCII/full-width digits.

    Reads 十六, 二十四, 一百零三, 一〇三 (digit by digit), 两百, 三十五万, 一亿五千万, 一万亿 and the
    大写 forms (壹佰贰拾). A leading 十 means one ten. Returns None when the string is not a numeral
    (an unknown character, or 万/亿 with nothing to multiply).
    """
    if not numeral:
        return None
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    digits = numeral.translate(FULLWIDTH_DIGITS)
    if digits.isascii() and digits.isdigit():
        return int(digits)
    if all(ch in _ALL_DIGITS for ch in numeral) and len(numeral) > 1:  # 一〇三: digit by digit
        return int("".join(str(_ALL_DIGITS[ch]) for ch in numeral))
    total = section = current = 0  # total: whole myriads so far; section: below the next 万/亿
    for ch in numeral:
        if ch in _ALL_DIGITS:
            current = _ALL_DIGITS[ch]
        elif ch in CN_MULTIPLIERS:
            section += (current or 1) * CN_MULTIPLIERS[ch]
            current = 0
        elif ch in CN_MYRIADS:
            if not (total or section or current):
                return None
            if CN_MYRIADS[ch] == 10**8:
                total = (total + section + current) * 10**8
            else:
                total += (section + current) * 10**4
            section = current = 0
        else:
            return None
    return total + section + current


def cn_numeral(n: int) -> str:
    """Write 1 … 9999 as a Chinese numeral: 1 → 一, 16 → 十六, 103 → 一百零三, 1010 → 一千零一十.

    The inverse of cn_value for the numbers that label units; used to renumber documents.
    """
    if not 0 < n < 10_000:
        raise ValueError(f"cannot write {n} as a unit label numeral")
    digits = "零一二三四五六七八九"
    out = ""
    pending_zero = False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if pending_zero:
                out += "零"
            leading_ten = value == 10 and digit == 1 and not out
            out += ("" if leading_ten else digits[digit]) + name
            pending_zero = False
        elif out:
            pending_zero = True
    return out
