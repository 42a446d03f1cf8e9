"""The one numeral parser against a reference writer of Chinese numerals.

The writer below is written from the rules of written Chinese (four-digit sections joined by 万 and
亿, one 零 for any run of zeros inside a number, 两 for a leading 2 before 百/千/万/亿, 大写 digits
and 拾佰仟 for financial text), not from the parser. Every value is written in each form an official
text uses and read back, by ``numeral_value`` alone and as a figure inside a sentence.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from policydiff.figures.extract import extract_figures
from policydiff.lang.numerals import cn_value, numeral_value

LOWER = "零一二三四五六七八九"
UPPER = "零壹贰叁肆伍陆柒捌玖"
SMALL_LOWER = ("", "十", "百", "千")
SMALL_UPPER = ("", "拾", "佰", "仟")
FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def write_section(n: int, digits: str, small: tuple[str, ...], liang: bool) -> str:
    """1..9999 in Chinese: 一千零五, 三百二十, 十五 (a leading 一十 keeps its 一 only inside a number)."""
    out = ""
    zero = False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        word = digits[d]
        if liang and d == 2 and power >= 2 and not out:
            word = "两"
        out += word + small[power]
    return out


def write_chinese(n: int, capitals: bool = False, liang: bool = False) -> str:
    """A whole number in Chinese numerals: 120000000 → 一亿二千万, 100003 → 十万零三, 10**12 → 一万亿."""
    if n == 0:
        return (UPPER if capitals else LOWER)[0]
    digits, small = (UPPER, SMALL_UPPER) if capitals else (LOWER, SMALL_LOWER)
    out = _write(n, digits, small, liang)
    if not capitals and out.startswith("一十"):
        out = out[1:]  # 十五, 十万
    return out


def _write(n: int, digits: str, small: tuple[str, ...], liang: bool) -> str:
    """n ≥ 1: what stands above 亿 (itself a number up to 万亿), then 万, then the last section."""
    for size, name in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            out = _write(high, digits, small, liang) + name
            if low:
                out += (digits[0] if low < size // 10 else "") + _write(low, digits, small, False)
            return out
    return write_section(n, digits, small, liang)


def write_decimal(value: Decimal) -> str:
    """A decimal in Chinese: 3.5 → 三点五, 0.05 → 零点零五."""
    whole, _, fraction = format(value, "f").partition(".")
    out = write_chinese(int(whole))
    fraction = fraction.rstrip("0")
    return out + ("点" + "".join(LOWER[int(d)] for d in fraction) if fraction else "")


def write_mixed(n: int) -> str:
    """Arabic parts joined by Chinese multipliers, as bulletins write them: 1亿2000万, 3万5千.

    Only thousands are written so (n is rounded down to them): 1万1 would be slang for 11000.
    """
    out = ""
    for size, name in ((10**8, "亿"), (10**4, "万"), (10**3, "千")):
        high, n = divmod(n, size)
        if high:
            out += f"{high}{name}"
    return out or "0"


def write_grouped(n: int) -> str:
    return f"{n:,}"


INTS = st.one_of(
    st.integers(0, 99),
    st.integers(100, 99_999),
    st.integers(10**5, 10**9),
    st.integers(10**9, 10**13 - 1),
    st.sampled_from([10, 100, 1000, 10_000, 100_003, 10**8, 120_000_000, 100_000_010, 2_0000_0000]),
)


@settings(max_examples=400, deadline=None)
@given(INTS)
def test_every_form_of_a_whole_number_reads_back(n: int) -> None:
    forms = {
        "arabic": str(n),
        "grouped": write_grouped(n),
        "full-width": write_grouped(n).translate(FULLWIDTH),
        "chinese": write_chinese(n),
        "liang": write_chinese(n, liang=True),
        "capitals": write_chinese(n, capitals=True),
    }
    for form, written in forms.items():
        assert numeral_value(written) == n, (form, written)
    thousands = n // 1000 * 1000
    assert numeral_value(write_mixed(n)) == thousands, write_mixed(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 99))
def test_decimals_with_dian_read_back(whole: int, hundredths: int) -> None:
    value = Decimal(whole) + Decimal(hundredths) / 100
    written = write_decimal(value)
    assert numeral_value(written) == value, written
    assert numeral_value(format(value, "f")) == value


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.integers(1, 9999), st.integers(10_000, 10**9)),
    st.sampled_from(["chinese", "liang", "capitals", "mixed", "grouped", "decimal"]),
    st.sampled_from(["万元", "亿元", "元"]),
)
def test_a_written_amount_is_a_figure_with_its_value(n: int, form: str, unit: str) -> None:
    """The same value, in any form, inside a funding clause: one figure, its value in 元."""
    # a lone 一/壹 before 元 is left to the words it forms (一元化, 一元钱): not read as 1元
    assume(not (n == 1 and unit == "元" and form in ("chinese", "liang", "capitals")))
    scale = {"万元": 10**4, "亿元": 10**8, "元": 1}[unit]
    if n >= {"万元": 10**4, "亿元": 10**8, "元": 10**13}[unit]:
        unit, scale = "元", 1  # 一万零一万元: no text writes a myriad before its own unit's myriad
    if form == "decimal":
        amount = Decimal(n) / 10
        written = write_decimal(amount)
    else:
        amount = Decimal(n * 1000 if form == "mixed" else n)
        written = {
            "chinese": write_chinese,
            "liang": lambda v: write_chinese(v, liang=True),
            "capitals": lambda v: write_chinese(v, capitals=True),
            "mixed": lambda v: write_mixed(v * 1000),
            "grouped": write_grouped,
        }[form](n)
    if form == "mixed":
        unit, scale = "元", 1  # 1万 before 万元 would read 1万万元
    text = f"市财政安排专项资金{written}{unit}，用于项目补助。"
    figures = extract_figures(text)
    assert len(figures) == 1, (text, [f.text for f in figures])
    assert figures[0].value == pytest.approx(float(amount * scale), rel=1e-12), text
    assert figures[0].unit == "元"


# One row per form official texts write (the table of the closing note), with its reading.
FORMS = [
    ("1,000,000元", 1e6, "元"),
    ("１２万元", 1.2e5, "元"),
    ("１２．５万元", 1.25e5, "元"),
    ("零点五亿元", 5e7, "元"),
    ("三点五亿元", 3.5e8, "元"),
    ("〇点八万元", 8e3, "元"),
    ("二〇二四", None, None),  # digits one by one with no unit: no figure
    ("两亿元", 2e8, "元"),
    ("廿一个", 21, "个"),
    ("卅个", 30, "个"),
    ("壹佰万元整", 1e6, "元"),
    ("贰仟伍佰万元", 2.5e7, "元"),
    ("人民币叁拾伍万元", 3.5e5, "元"),
    ("人民币壹佰万圆整", 1e6, "元"),  # 圆 for 元 in written-out amounts
    ("参拾万元", 3e5, "元"),  # 参 written for 叁
    ("貳仟伍佰萬元", 2.5e7, "元"),  # traditional capitals
    ("一百點五萬元", 1.005e6, "元"),
    ("1万2千元", 1.2e4, "元"),
    ("1亿2千万元", 1.2e8, "元"),
    ("1.2千元", 1.2e3, "元"),
    ("3.5亿元", 3.5e8, "元"),
    ("百分之十", 10, "%"),
    ("百分之十点五", 10.5, "%"),
    ("千分之五", 0.5, "%"),
    ("万分之三", 0.03, "%"),
    ("3‰", 0.3, "%"),
    ("5‱", 0.05, "%"),
    ("九成以上", 90, "%"),
    ("两成", 20, "%"),
    ("八折", 80, "%"),
    ("七五折", 75, "%"),
    ("7.5折", 75, "%"),
    ("三倍", 3, "倍"),
    ("一倍", 1, "倍"),
    ("500千瓦", 500, "千瓦"),
    ("10千米", 10, "公里"),
    ("十至二十万元", 1e5, "元"),
]


@pytest.mark.parametrize(("written", "value", "unit"), FORMS)
def test_each_official_form(written: str, value: float | None, unit: str | None) -> None:
    figures = extract_figures(f"补助标准为{written}，")
    if value is None:
        assert figures == [], [f.text for f in figures]
        return
    assert len(figures) == 1 and written.endswith(figures[0].text), [f.text for f in figures]
    assert figures[0].value == pytest.approx(value)
    assert figures[0].unit == unit


def test_a_range_carries_the_high_ends_myriad_to_the_low_end() -> None:
    (figure,) = extract_figures("补助十至二十万元")
    assert (figure.value, figure.value_high) == (1e5, 2e5)


@pytest.mark.parametrize(
    "text",
    [
        "干部队伍人员",
        "航天器着陆场",
        "标准一成不变",
        "三成员单位",
        "价格折合人民币",
        "陆续",
        "三点要求",
        "参与项目",
    ],
)
def test_words_holding_numeral_characters_are_no_figures(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize("text", ["万", "点五", "三点", "1,00", "1..2", "十点", "abc", ""])
def test_not_numerals(text: str) -> None:
    assert numeral_value(text) is None


def test_unit_labels_keep_their_whole_values() -> None:
    """The structure parser reads labels with cn_value: whole numbers only, as before."""
    assert cn_value("一百零三") == 103
    assert cn_value("一〇三") == 103
    assert cn_value("十六") == 16
    assert cn_value("三点五") is None
    assert cn_value("１６") == 16


# ---- numbers printed the Chinese way (one function for the CLI, the figure table and the report)


@pytest.mark.parametrize(
    ("value", "unit", "signed", "printed"),
    [
        (8e10, "元", False, "800亿元"),
        (12000, "元", False, "1.2万元"),
        (1.2e12, "元", False, "1.2万亿元"),
        (3.5e8, "元", False, "3.5亿元"),
        (5000, "元", False, "5000元"),
        (-2e9, "元", True, "-20亿元"),
        (2e9, "元", True, "+20亿元"),
        (15000, "亩", False, "1.5万亩"),
        (12345, "%", False, "12345%"),
        (2024, "年份", False, "2024年份"),
        (0.1 + 0.2, "%", False, "0.3%"),
        (1e-9, "元", True, "0元"),
    ],
)
def test_amounts_print_as_chinese_readers_read_them(
    value: float, unit: str, signed: bool, printed: str
) -> None:
    from policydiff.lang.numerals import chinese_amount

    assert chinese_amount(value, unit, signed) == printed


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e16, max_value=1e16, allow_nan=False))
def test_no_amount_prints_in_scientific_notation(value: float) -> None:
    from policydiff.lang.numerals import chinese_amount, plain_number

    for text in (chinese_amount(value, "元"), plain_number(value), chinese_amount(value, "%")):
        assert "e" not in text.lower(), text


def test_the_command_line_prints_amounts_in_yi_and_wan(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    from policydiff.cli import main

    doc = tmp_path / "a.txt"
    doc.write_text("一、投资\n全年完成投资800亿元，补助1.2万元，力争达到三点五亿元。\n", encoding="utf-8")
    assert main(["figures", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "8e+10" not in out and "e+" not in out
    assert "\t800亿元\t" in out and "\t1.2万元\t" in out and "\t3.5亿元\t" in out
