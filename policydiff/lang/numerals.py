"""Values of the numerals in policy texts: labels (十六, 一百零三, 16, １６, ③) and amounts (三十五万,
三点五亿, 壹佰万, 1万2千, 1,000万), and the one way numbers are written back (800亿元, never 8e+10).

The one parser of numerals: the structure parser, cross-references, search folding and figure
extraction all read numbers here (the figure finder builds its patterns from ARABIC_MIXED_PATTERN
and CHINESE_PATTERN), so they cannot disagree about a value; the command line, the report and the
figure table all print amounts with chinese_amount.
May import: the standard library only.
"""

from __future__ import annotations

from decimal import Decimal

CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CN_MULTIPLIERS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# The characters a unit label's numeral is made of (the structure parser builds its patterns from it).
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_MULTIPLIERS)
# 大写 digits, written on amounts in financial text (壹佰万元); never in labels, so not in CN_NUMERAL_CHARS.
CN_CAPITAL_DIGITS: dict[str, int] = {
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "参": 3, "肆": 4, "伍": 5,
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


# Patterns of the numerals figures are written with, for the figure finder's regular expression.
# A multiplier is no numeral's when it starts a unit word: 千瓦, 千米, 千克, 百分点, 百分之.
MULTIPLIER_PATTERN = r"千万|百万|万亿|[万亿]|千(?![瓦米克])|百(?!分)"
ARABIC_PATTERN = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"  # 1,234,567.8 | 1985
# 1万2千, 1亿2千万: Arabic parts joined by multipliers; the last multiplier is left to the caller.
ARABIC_MIXED_PATTERN = (
    rf"(?:{ARABIC_PATTERN})(?:(?:{MULTIPLIER_PATTERN})+(?:{ARABIC_PATTERN})(?=(?:{MULTIPLIER_PATTERN})))*"
)
_CN_DIGIT_CLASS = "一二两三四五六七八九壹贰貳叁參参肆伍陆陸柒捌玖"
# A Chinese numeral starts with a digit, 十/拾 or 廿/卅, or with 零/〇 before its point (零点五);
# it goes on with digits, zeros, multipliers and one 点 before more digits (三点五亿, 十点五).
CHINESE_PATTERN = (
    rf"(?:[{_CN_DIGIT_CLASS}十拾廿卅]|[零〇](?=点))"
    rf"(?:[{_CN_DIGIT_CLASS}零〇十拾佰仟廿卅万亿]|千(?![瓦米克])|百(?!分)|点(?=[{_CN_DIGIT_CLASS}零〇]))*"
)
# The characters a numeral of a figure may start with (a cheap first test before the full pattern).
NUMERAL_FIRST_CHARS = "0-9" + _CN_DIGIT_CLASS + "十拾廿卅零〇"
CAPITAL_CHARS = "壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟"


def circled_value(char: str) -> int | None:
    """Value of a circled number such as ③, else None."""
    code = ord(char) if len(char) == 1 else -1
    for lo, hi, first in CIRCLED_RUNS:
        if lo <= code <= hi:
            return first + code - lo
    return None


def cn_value(numeral: str) -> int | None:
    """Value of a whole Chinese numeral or of ASCII/full-width digits.

    Reads 十六, 二十四, 一百零三, 一〇三 (digit by digit), 两百, 三十五万, 一亿五千万, 一万亿 and the
    大写 forms (壹佰贰拾). A leading 十 means one ten. Returns None when the string is not a whole
    numeral (an unknown character, a decimal, or 万/亿 with nothing to multiply).
    """
    if not numeral or "点" in numeral or "." in numeral:
        return None
    value = numeral_value(numeral)
    return None if value is None else int(value)


# Tens written as one character (廿一 = 21); rare in policy text, common in dates of older documents.
CN_TENS: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}
_SMALL_UNITS = CN_MULTIPLIERS | {"拾": 10, "佰": 100, "仟": 1000}
_DECIMAL_POINTS = "点點."
_FULLWIDTH_NUMBER = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_SEPARATORS = ",，"


def numeral_value(numeral: str) -> Decimal | None:
    """Exact value of any numeral an official text writes, or None when ``numeral`` is not one.

    Reads Arabic digits (ASCII or full-width, with thousands separators and a decimal point),
    Chinese numerals with 点 decimals (三点五, 零点五, 〇点八), 〇/零 and 两, 廿/卅, the 大写 forms
    (壹佰贰拾, 贰仟伍佰万) and the mixed forms (1万2千, 1亿2千万, 1.2千, 3.5亿). Digits written one by
    one (一〇三, 二〇二四) are read as such. The multipliers 万/亿 apply to everything before them
    inside their myriad: 一亿五千万 = 150000000, 一万亿 = 10**12.
    """
    text = numeral.translate(_FULLWIDTH_NUMBER).strip()
    if not text:
        return None
    if all(ch.isascii() and (ch.isdigit() or ch in ".,") for ch in text):
        return _arabic(text)
    if len(text) > 1 and all(ch in _ALL_DIGITS for ch in text):  # 一〇三: digit by digit
        return Decimal("".join(str(_ALL_DIGITS[ch]) for ch in text))
    total = section = Decimal(0)  # total: whole myriads so far; section: below the next 万/亿
    current: Decimal | None = None  # the number waiting for its multiplier
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isdigit():
            j = i
            while j < n and text[j].isascii() and (text[j].isdigit() or text[j] in "." + _SEPARATORS):
                j += 1
            if current is not None:
                return None
            current = _arabic(text[i:j])
            if current is None:
                return None
            i = j
            continue
        if ch in "零〇" and current is None:
            if text[i + 1 : i + 2] in tuple(_DECIMAL_POINTS):
                current = Decimal(0)  # 零点五
            # else a place holder: 一百零三, 二十万零五百
        elif ch in _ALL_DIGITS:
            if current is not None:
                return None  # 三四: two digits with no multiplier between
            current = Decimal(_ALL_DIGITS[ch])
        elif ch in _DECIMAL_POINTS:
            j = i + 1
            while j < n and text[j] in _ALL_DIGITS:
                j += 1
            if j == i + 1:
                return None  # a point with no digits after it
            fraction = Decimal("0." + "".join(str(_ALL_DIGITS[c]) for c in text[i + 1 : j]))
            if current is None and not (section or total):
                return None  # 点五 with nothing before the point
            current = (current or Decimal(0)) + fraction
            i = j
            continue
        elif ch in CN_TENS:
            if current is not None:
                return None
            section += CN_TENS[ch]
        elif ch in _SMALL_UNITS:
            section += (Decimal(1) if current is None else current) * _SMALL_UNITS[ch]
            current = None
        elif ch in CN_MYRIADS:
            if current is None and not total and not section:
                return None
            here = section + (current or 0)
            if CN_MYRIADS[ch] == 10**8:
                total = (total + here) * 10**8
            elif here:
                total += here * 10**4
            else:  # 一亿万 is no numeral; 万亿 after a number multiplies it all (一万亿)
                total *= 10**4
            section, current = Decimal(0), None
        else:
            return None
        i += 1
    return total + section + (current or 0)


def _arabic(text: str) -> Decimal | None:
    """12,345.6 → Decimal; None when the separators are not every three digits."""
    whole, _, fraction = text.partition(".")
    if "." in fraction or not whole:
        return None
    groups = whole.replace("，", ",").split(",")
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    if not digits.isdigit() or (fraction and not fraction.isdigit()):
        return None
    return Decimal(digits + ("." + fraction if fraction else ""))


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


# Units whose values are never counted in 万/亿: shares, multiples and the date units (a year of
# 2024 is no 0.2024万年份).
UNSCALED_UNITS = frozenset(("%", "个百分点", "比", "倍", "年份", "年月", "日期", "月", "月日", "时刻"))
SCALES = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
AMOUNT_DIGITS = 4  # decimals kept after scaling: 1.2346亿元 (trailing zeros dropped)


def plain_number(value: float, signed: bool = False, digits: int = AMOUNT_DIGITS) -> str:
    """A number as a reader writes it: fixed point, trailing zeros dropped, never 8e+10.

    Args:
        value: the number.
        signed: write "+" before a positive number (a difference).
        digits: decimals kept at most.
    """
    if value != value or value in (float("inf"), float("-inf")):
        return "—"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return f"+{text}" if signed and value > 0 and text != "0" else text


def chinese_amount(value: float, unit: str = "", signed: bool = False) -> str:
    """A base-unit value the way Chinese officials print it: 8e10 元 → 800亿元, 12000 元 → 1.2万元.

    The one formatting of figure values: the command line, the figure table, the report and the
    exports all call it, so none prints 8e+10. Shares, multiples and dates are never scaled.
    """
    if unit not in UNSCALED_UNITS:
        for scale, name in SCALES:
            if abs(value) >= scale:
                return f"{plain_number(value / scale, signed)}{name}{unit}"
    return f"{plain_number(value, signed)}{unit}"
