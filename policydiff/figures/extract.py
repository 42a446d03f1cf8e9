"""Find the figures (amounts, areas, quotas, ratios, counts) in a policy text.

Analysts read policy documents for their figures, so each one is pulled out with its value in a
base unit (``1.5万亩`` → 15000 亩), its qualifier (``不少于``, ``左右``) and the phrase it measures,
which lets two versions of a unit be compared figure by figure (see ``figures_compare``).
Dates, deadlines and years are figures of kind "date" (``figures_dates``); periods (3年, 15个工作日)
are of kind "period". Labels, document numbers and names that contain digits are not figures.
Numbers are read in every form official texts write (``policydiff.lang.numerals``: 三点五亿元,
壹佰万元整, 1万2千元, 千分之五, 九成); ratios are kept as shares of %. Subjects are cut at jieba word
boundaries (保障性住房, never 性住房); a figure whose own words name nothing takes its subject from
its neighbours (``_fallback_subject``), and each figure keeps its sentence for pairing.
May import: the standard library, ``policydiff.model``, ``policydiff.lang.numerals``,
``policydiff.figures.dates`` and ``policydiff.lang.words`` (jieba, loaded lazily). No PySide6.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any, cast

from policydiff.figures.dates import find_dates
from policydiff.lang.numerals import (
    ARABIC_MIXED_PATTERN,
    CAPITAL_CHARS,
    CHINESE_PATTERN,
    MULTIPLIER_PATTERN,
    NUMERAL_FIRST_CHARS,
    numeral_value,
)
from policydiff.model import Figure, FigureChange, FigureKind, Qualifier, Qualifiers

_Found = tuple[int, int, dict[str, Any]]  # a figure's span and its parsed parts

__all__ = ["extract_figures", "compare_figures", "fold", "qualifier_text"]

# One character for one character, so offsets into the folded text index the input too.
_FOLD_PAIRS = (
    '﹪% ０0 １1 ２2 ３3 ４4 ５5 ６6 ７7 ８8 ９9 ％% ．. ，, ：: ∶: ；; （( ）) ～~ ／/ ＋+ ＂" －- ○〇 '
    "億亿 萬万 畝亩 噸吨 標标 準准 個个 傢家 項项 張张 臺台 戶户 輛辆 條条 場场 棟栋 間间 "
    "於于 過过 內内 達达 爭争 確确 計计 餘余 約约 單单 兩两 時时 裡里 倉仓 級级 為为 與与 "
    "點点 節节 層层 實实 現现 擬拟 給给 對对 優优 獎奖 勵励 補补 貼贴 額额 "
    "總总 規规 產产 業业 資资 費费 舉举 創创 現现 區区 縣县 鎮镇 務务"
)
FOLD_TABLE = {ord(p[0]): p[1] for p in _FOLD_PAIRS.split()}
_FOLD_RE = re.compile("[" + re.escape("".join(chr(c) for c in FOLD_TABLE)) + "]")


def fold(text: str) -> str:
    """Full-width digits and punctuation to ASCII, common traditional characters to simplified.

    Every mapping is one character to one character, so ``len(fold(t)) == len(t)``.
    """
    if _FOLD_RE.search(text) is None:  # already normalized: skip a full copy
        return text
    return text.translate(FOLD_TABLE)


# written unit → (base unit, factor to the base, kind). Longest spellings are tried first.
UNITS: dict[str, tuple[str, float, FigureKind]] = {
    "元": ("元", 1, FigureKind.AMOUNT),
    "圆": ("元", 1, FigureKind.AMOUNT),  # 大写 amounts: 壹佰万圆整
    "美元": ("美元", 1, FigureKind.AMOUNT),
    "亩": ("亩", 1, FigureKind.AREA),
    "公顷": ("公顷", 1, FigureKind.AREA),
    "平方米": ("平方米", 1, FigureKind.AREA),
    "平方公里": ("平方公里", 1, FigureKind.AREA),
    "吨标准煤": ("吨标准煤", 1, FigureKind.ENERGY),
    "吨标煤": ("吨标准煤", 1, FigureKind.ENERGY),
    "千瓦时": ("千瓦时", 1, FigureKind.ELECTRICITY),
    "千瓦": ("千瓦", 1, FigureKind.POWER),
    "兆瓦": ("千瓦", 1000, FigureKind.POWER),
    "吉瓦": ("千瓦", 1_000_000, FigureKind.POWER),
    "吨公里": ("吨公里", 1, FigureKind.FREIGHT),
    "吨": ("吨", 1, FigureKind.WEIGHT),
    "公斤": ("公斤", 1, FigureKind.WEIGHT),
    "公里": ("公里", 1, FigureKind.LENGTH),
    "千米": ("公里", 1, FigureKind.LENGTH),
    "米": ("米", 1, FigureKind.LENGTH),
    "%": ("%", 1, FigureKind.PERCENT),
    "个百分点": ("个百分点", 1, FigureKind.PERCENT_POINT),
    "百分点": ("个百分点", 1, FigureKind.PERCENT_POINT),
    "倍": ("倍", 1, FigureKind.MULTIPLE),
    "‰": ("%", 0.1, FigureKind.PERCENT),
    "‱": ("%", 0.01, FigureKind.PERCENT),
    "成": ("%", 10, FigureKind.PERCENT),  # 九成 = 90 %
    "折": ("%", 10, FigureKind.PERCENT),  # 八折 = 80 % of the price
    "年": ("年", 1, FigureKind.PERIOD),
    "个月": ("个月", 1, FigureKind.PERIOD),
    "天": ("天", 1, FigureKind.PERIOD),
    "个工作日": ("个工作日", 1, FigureKind.PERIOD),
    "工作日": ("个工作日", 1, FigureKind.PERIOD),
    "小时": ("小时", 1, FigureKind.PERIOD),
    "分钟": ("分钟", 1, FigureKind.PERIOD),
    **{
        u: (u, 1, FigureKind.COUNT)
        for u in (
            "标箱 场次 家次 人次 个 家 人 张 项 所 台 户 套 次 名 件 条 场 辆 根 栋 "
            "座 支 艘 架 处 位 株 头 只 部 床 间 批次 课时 学时 节 "
        ).split()
    },
}
# Qualifiers, canonical spellings; a figure keeps all it has, in reading order, joined by "|".
PREFIX_QUALIFIERS = tuple(
    (
        "不低于 不少于 不超过 不高于 不多于 不大于 不小于 不足 不到 最高 最多 "
        "最低 最少 最长 至少 不得低于 不得少于 不得超过 不得高于 力争 争取 确保 "
        "达到 累计 新增 超过 突破 高于 低于 多于 少于 大于 小于 约 近 逾 超 "
        "达 上限 "
    ).split()
)
SUFFIX_QUALIFIERS = tuple("及以上 以上 以下 以内 之内 左右 上下 内".split())
# Spellings that mean the same bound, folded to one canonical qualifier.
CANONICAL_QUALIFIERS: dict[str, Qualifier] = {
    "达": Qualifier.REACH,
    "超": Qualifier.EXCEED,
    "约": Qualifier.ABOUT,
    "上下": Qualifier.ABOUT,
    "及以上": Qualifier.ABOVE,
    "之内": Qualifier.WITHIN,
    "内": Qualifier.WITHIN,
    "不得低于": Qualifier.NOT_BELOW,
    "不得少于": Qualifier.NOT_FEWER,
    "不得超过": Qualifier.NOT_OVER,
    "不得高于": Qualifier.NOT_HIGHER,
}
# Words that may stand between a qualifier and its number: 最高补助3000万元, 最高可达200%.
_FILLERS = tuple("可连续支持 可 连续 给予 补助 奖励 补贴 资助 支持 分别".split())
# Leading words of a subject that say how much, not what: stripped and kept as qualifiers.
HEAD_QUALIFIERS = tuple("力争 争取 确保 累计 新增".split())
# Leading words that carry no meaning for pairing figures: stripped and dropped.
HEAD_NOISE = tuple(
    (
        "如 若 凡 含 包括 由 经 在 应当 应 须 必须 或者 但是 但 "
        "其中 分别 全省 全市 全区 全县 全国 全年 当年 今年 并且 并 对于 "
        "对 按照 按 且 再 另 均 可 和 及 或 等 共 总计 合计 完成 实现 "
        "供应 安排 拟安排 投放 实施 推动 支持 保障 打造 培育 引导 鼓励 努力 "
        "享受 新建 新开工 引进 组织 开展 创建 建成 落实 提供 带动 发行 开通 "
        "认定 启动 培养 新培育 招引 举办 争创 预算安排 并处 处以 处 "
    ).split()
)
TAIL_NOISE = tuple(
    (
        "的 为 是 在 于 截至 拟安排 安排 完成 占比达 提高至 提高到 增加到 增加至 降至 降低至 "
        "提升至 提升到 缩小到 缩小至 下降到 下降至 控制在 "
        "给予 达 共 合计 分别 按照 按 自"
    ).split()
)


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NUM = rf"(?:{ARABIC_MIXED_PATTERN}|{CHINESE_PATTERN})"
_MULT = MULTIPLIER_PATTERN
_UNIT = _alt(list(UNITS))
_SEP = r"\s*(?:—{1,2}|–|-|~|至|到)\s*"
_PER_AFTER = r"(?:/(?:个|家|人|亩|件|辆|台|户|吨|年|月|天|次|张|套|项|千瓦时|平方米))+"
_SUFFIX = _alt(SUFFIX_QUALIFIERS)
# 百分之十, 千分之五, 万分之三: ratios written before their number, as shares of the base unit %.
RATIO_PREFIXES: dict[str, Decimal] = {
    "百分之": Decimal(1),
    "千分之": Decimal("0.1"),
    "万分之": Decimal("0.01"),
}

FIGURE_RE = re.compile(
    rf"(?=[{NUMERAL_FIRST_CHARS}百千万])"  # a cheap first test at every position
    rf"(?:(?P<pfx>{_alt(list(RATIO_PREFIXES))})(?P<pct>{_NUM})"
    rf"|(?P<r1>[0-9]+(?:\.[0-9]+)?)\s*:\s*(?P<r2>[0-9]+(?:\.[0-9]+)?)(?![0-9:])"
    rf"|(?P<f1>[0-9]{{1,3}})/(?P<f2>[0-9]{{1,3}})(?![0-9/])"
    rf"|(?P<n1>{_NUM})(?P<m1>{_MULT})?(?P<u1>{_UNIT})?{_SEP}(?P<n2>{_NUM})(?P<m2>{_MULT})?(?P<a2>余|多)?(?P<u2>{_UNIT})"
    rf"|(?P<n>{_NUM})(?P<m>{_MULT})?(?P<a>余|多)?(?P<u>{_UNIT})?)"
)
_AFTER_RE = re.compile(rf"(?P<per>{_PER_AFTER})?(?P<suf>(?:{_SUFFIX})*)")
_PREFIX_RE = re.compile(rf"(?:(?:{_alt(PREFIX_QUALIFIERS)})(?:{_alt(_FILLERS)})?)+$")
_PREFIX_SPLIT_RE = re.compile(_alt(PREFIX_QUALIFIERS))
_SUFFIX_SPLIT_RE = re.compile(_SUFFIX)

# Spans that hold digits but no figure. Each alternative is one kind of non-figure.
EXCLUDE_PATTERNS: tuple[str, ...] = (
    r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|”[^“”\n]{0,40}“|「[^」\n]{0,40}」|『[^』\n]{0,40}』",  # names
    r"《[^》\n]{0,80}》|〈[^〉\n]{0,60}〉",  # titles of laws and documents
    r"[〔\[［【(]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)]\s*第?[0-9]+\s*号",  # document numbers
    r"第\s*(?:[0-9]+|[零〇一二两三四五六七八九十百千]+)",  # ordinals, law articles
    r"\n[ \t\u3000]*"  # labels at a line's start (the text's start: _LABEL_AT_START_RE)
    r"(?:[0-9]{1,3}[.、](?![0-9])|[(][一二三四五六七八九十0-9]{1,4}[)]|[一二三四五六七八九十]{1,3}、)",
    r"[。;:!?][0-9]{1,3}[.、](?![0-9])",  # labels run into the previous sentence
    r"[(](?:[一二三四五六七八九十]{1,4}|[0-9]{1,2})[)]|[①-⑳]",  # item labels
    r"(?:https?://|www\.)[!-~]+|<[^<>\n]{0,300}>",  # links, markup
    r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # e-mail (a name's digits before @: _read_match)
    r"[A-Za-z][A-Za-z]*[-_]?[0-9]+(?:\.[0-9]+)*",  # V2.0, ISO9001, COVID-19
    r"十[一二三四五六七八九]五",  # 十四五 and other plan periods
    r"(?:(?:19|20)[0-9]{2}|[一二][〇零一二三四五六七八九]{3})\s*年版",  # 2025年版: an edition, not a date
    # the rest start with a digit; one scan for all of them
    r"(?=[0-9])(?:"
    r"(?:19|20)[0-9]{2}\s*[-./年]\s*[0-9]{1,2}\s*[-./月]\s*[0-9]{1,2}\s*[日号]?"  # dates
    r"|(?<![0-9.])[0-9]{1,2}月(?:[0-9]{1,2}[日号])?"  # month (and day)
    r"|(?<![0-9.])[0-9]{1,2}[日号](?=[起前后至到—-])"  # a day alone
    r"|[0-9]{1,2}:[0-9]{2}:[0-9]{2}"  # times of day
    r"|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])|(?<![0-9])1[3-9][0-9]{9}(?![0-9])"  # phone numbers
    # each of these starts only where a digit run starts, so a long run is scanned once
    r"|(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:\+[0-9]+(?:\.[0-9]+)?)+"  # "4+1", "26+3" names
    r"|(?<![0-9.])[0-9]+(?:\.[0-9]+)*(?:[A-Za-z]+|版)"  # 5G, 3D, 5A; versions
    r")",
)
_LABEL_AT_START_RE = re.compile(
    r"[ \t\u3000]*(?:[0-9]{1,3}[.、](?![0-9])|[(][一二三四五六七八九十0-9]{1,4}[)])"
)
# Scanned one by one: each has a cheap first character, which one big alternation loses.
_EXCLUDE_RES = tuple(re.compile(p) for p in EXCLUDE_PATTERNS)
_DATE_EXCLUDE_RES = _EXCLUDE_RES[:-1]  # a date may stand wherever names, titles and links do not
_PER_BEFORE_RE = re.compile(
    r"(?:每|单)(?:[一1])?(?:个|家|位|名|件|项|亩|人|户|台|辆|张|套|吨|千瓦时|平方米|年|月|天|次|场|所|村|座)"
    r"(?:项目|企业|单位|主体|合同)?(?:每(?:年|月|天|人|次))?|[亩人户]均"
)
CLAUSE_SEPARATORS = ",;。!?\n:、"
CLAUSE_MAX = 80  # a subject is looked for at most this far before its figure
_CLAUSE_RE = re.compile(f"[{CLAUSE_SEPARATORS}]")
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}$")
_YEAR_ANYWHERE_RE = re.compile(r"(?:19|20)[0-9]{2}年(?:底|末|前|内|度)?")
_TIME_HEAD_RE = re.compile(
    r"^(?:(?:到|至|截至|在)?(?:19|20)[0-9]{2}年(?:底|末|前|内|度|起)?|全年|年内|到期|年度(?=新增|累计|力争|争取))"
)
_HEAD_RE = re.compile(rf"^(?:{_alt(HEAD_QUALIFIERS + HEAD_NOISE)})")
_TAIL_WORDS = tuple(sorted(set(TAIL_NOISE), key=len, reverse=True))
_BARE_QUALIFIERS: frozenset[str] = frozenset(
    (
        Qualifier.NOT_BELOW,
        Qualifier.NOT_FEWER,
        Qualifier.NOT_OVER,
        Qualifier.NOT_HIGHER,
        Qualifier.REACH,
        Qualifier.EXCEED,
        Qualifier.HIGHER_THAN,
        Qualifier.LOWER_THAN,
        Qualifier.ABOVE,
        Qualifier.BELOW,
        Qualifier.ABOUT,  # 容积率提升至3.5左右
    )
)
_CN_DURATION_QUALIFIERS = frozenset(
    ("近", "最长", "最多", "内", "以内", "之内", "以上", "不到", "不足", "超过", "不超过", "至少")
)
SUBJECT_MAX = 24  # a subject keeps at most its last this many characters (cut at a word start)
PREFIX_REACH = 16  # qualifiers and fillers before a figure: 不得低于 + 可连续支持 fits with room
SUBJECT_CACHE = 8192  # subjects segmented by jieba and kept: they repeat across units and modes
# What is left of a subject that was only verbs: 培育建设50家… takes its subject from after the figure.
_EMPTY_SUBJECTS = frozenset(
    (
        "建设 改造 提升 投入 财政 新增 累计 到 至 在 于 截至 自 从 前 最后 人员 或者 应当 "
        "截止 有效 发放 计发 落地 办结 原则上 基础上 考核后"
    ).split()
)

# Nouns a percentage is "of": 按15%的税率, 不超过5%的建设用地机动指标.
_MEASURE_NOUNS = tuple("率 比例 比重 补助 补贴 奖励 指标 份额 额度 经费 资金 罚款 罚金".split())
_MEASURE_AFTER_RE = re.compile(rf"的([\u4e00-\u9fff]{{0,10}}?(?:{_alt(_MEASURE_NOUNS)}))")
_PER_NOUNS = frozenset(("项目", "企业", "单位", "主体", "合同"))


def _number(s: str) -> Decimal:
    value = numeral_value(s)
    if value is None:  # unreachable: FIGURE_RE's numerals hold numeral characters only
        raise ValueError(f"not a numeral: {s}")
    return value


_TRAILING_MYRIADS_RE = re.compile(r"(?:千万|百万|[万亿])+$")
# 成 and 折 after a number that start a word, not a share: 三成员, 一成不变, 八折合, 五折旧.
_NOT_SHARE_AFTER = {
    "名": "师校科牌单称义誉录著胜品城企家片言争奖",  # 三名争创奖, 百名英才: names, not head counts
    "节": "能约点日省水电假制奏庆气",  # 节能, 节约, 节点, 节假日
    "成": "员为本果立效交熟型品绩都长套就功年人材像分因片批形份色活行全则不",
    "折": "合算旧现抵扣价叠线返页",
}
# 七五折, 九五折: two digits before 折 are tens and ones of a percentage, not a product.
_TWO_DIGIT_DISCOUNT_RE = re.compile("[一二三四五六七八九][一二三四五六七八九五]")


def _range_low(n1: str, m1: str | None, u1: str | None, high: str) -> Decimal:
    """The low end of a range: 10—20亿元 and 十至二十万元 carry the high end's 亿/万 to the low end."""
    low = n1 + (m1 or "")
    if not m1 and not u1 and not _TRAILING_MYRIADS_RE.search(n1):
        if tail := _TRAILING_MYRIADS_RE.search(high):
            low += tail.group()
    return _number(low)


def _capitals_stand_alone(numeral: str, unit: str | None) -> bool:
    """Whether a numeral with 大写 digits is too short to be one (伍人 in 队伍人员, 陆场 in 着陆场)."""
    return any(ch in CAPITAL_CHARS for ch in numeral) and len(numeral) < 2 and unit != "元"


def _is_cn(s: str) -> bool:
    return not s[0].isdigit()


class _Excluded:
    """Sorted non-figure spans; answers 'does [s, e) touch one?' by bisection."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], labels: bool = True) -> None:
        spans = sorted(spans)
        if labels and (m0 := _LABEL_AT_START_RE.match(text)):
            spans.insert(0, m0.span())
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def hits(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, e - 1) - 1
        return i >= 0 and self.ends[i] > s


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in reading order; spans index ``text``.

    Args:
        text: normalized text (traditional characters and full-width forms are tolerated).
    Returns:
        Figures with value in the base unit, qualifier ("最高|不超过"), subject and kind.
    """
    return list(_figures_of(text))


@lru_cache(maxsize=4096)
def _figures_of(text: str) -> tuple[Figure, ...]:
    """extract_figures, once per text: most units of two versions read the same on both sides."""
    folded = fold(text)
    names = [m.span() for r in _DATE_EXCLUDE_RES for m in r.finditer(folded)]
    dates = find_dates(folded, _Excluded(folded, names, labels=False).hits)
    codes = [m.span() for m in _EXCLUDE_RES[-1].finditer(folded)]
    excluded = _Excluded(folded, names + codes + [(s, e) for s, e, _ in dates])
    found: list[_Found] = []
    for m in FIGURE_RE.finditer(folded):
        if excluded.hits(m.start(), m.end()):
            continue
        try:
            fig = _read_match(folded, m)
        except ValueError:  # a numeral the pattern took but the parser does not read: no figure, no crash
            continue
        if fig is not None:
            found.append(fig)
    found = _merge_bounded_ranges(sorted(found + dates, key=lambda f: f[0]))
    return tuple(_with_subjects(text, folded, found))


def _merge_bounded_ranges(
    found: list[_Found],
) -> list[_Found]:
    """二十万元以上一百万元以下 is one range (value, value_high), not two figures."""
    out: list[_Found] = []
    for fig in found:
        if out:
            s0, e0, d0 = out[-1]
            _s1, e1, d1 = fig
            if (
                Qualifier.ABOVE in d0["suf"]
                and Qualifier.BELOW in d1["suf"]
                and d1["q_start"] == e0
                and d0["unit"] == d1["unit"]
                and d0["value_high"] is None
                and d1["value_high"] is None
                and d0["kind"] != FigureKind.DATE
            ):
                merged = {
                    **d0,
                    "value_high": d1["value"],
                    "suf": [q for q in d0["suf"] if q != Qualifier.ABOVE],
                }
                out[-1] = (s0, e1, merged)
                continue
        out.append(fig)
    return out


def qualifier_text(qualifier: Qualifiers) -> str:
    """A figure's qualifiers for reading: (力争, 新增, 左右) → "力争、新增、左右"; none → ""."""
    return qualifier.text()


def _read_match(t: str, m: re.Match[str]) -> _Found | None:
    """Value, unit, range and qualifiers of one match, or None when it is not a figure."""
    start, end = m.span()
    g = m.groupdict()
    before = t[max(0, start - 1) : start]
    if before and before.isascii() and (before.isalnum() or before in ".,@"):
        return None  # the tail of a longer number or code
    if g["pct"]:
        share = RATIO_PREFIXES[g["pfx"]]
        value, high, unit, kind = _number(g["pct"]) * share, None, "%", FigureKind.PERCENT
        cn = _is_cn(g["pct"])
    elif g["r1"]:
        r2 = Decimal(g["r2"])
        if r2 == 0:
            return None
        value, high, unit, kind, cn = Decimal(g["r1"]) / r2, None, "比", FigureKind.RATIO, False
    elif g["f1"]:
        f2 = Decimal(g["f2"])
        if f2 == 0 or t[end : end + 1] in "年月日":
            return None
        value, high, unit, kind, cn = Decimal(g["f1"]) / f2 * 100, None, "%", FigureKind.PERCENT, False
    elif g["n1"]:
        u2 = g["u2"]
        if u2 == "年" and (_YEAR_RE.match(g["n1"]) or _YEAR_RE.match(g["n2"])):
            return None
        if _capitals_stand_alone(g["n1"], u2) or _capitals_stand_alone(g["n2"], u2):
            return None
        base, factor, kind = UNITS[u2]
        u1 = g["u1"]
        if u1 and UNITS[u1][0] != base:
            return None
        high_text = g["n2"] + (g["m2"] or "")
        value = _range_low(g["n1"], g["m1"], u1, high_text) * Decimal(str(factor))
        high = _number(high_text) * Decimal(str(factor))
        unit, cn = base, _is_cn(g["n1"]) or _is_cn(g["n2"])
        if g["a2"]:
            g = {**g, "a": g["a2"]}
    else:
        n, u = g["n"], g["u"]
        cn = _is_cn(n)
        if u is None:
            if cn or (t[end : end + 1] in ".," and t[end + 1 : end + 2].isdigit()):
                return None
            unit, factor, kind = "", 1, FigureKind.NUMBER
        else:
            unit, factor, kind = UNITS[u]
        if unit == "年" and not cn and _YEAR_RE.match(n) and not g["m"]:
            return None  # a year
        if cn and (
            (n == "一" and u not in ("成", "倍") and kind != FigureKind.PERIOD)
            or (u == "次" and t[end : end + 1] == "性")
        ):
            return None  # 一个, 一次性: wording, not counts (一成, 一倍 are shares; 一年内 a period)
        if u == "部" and t[end : end + 1] in ("分", "门"):
            return None  # 三部分, 两部门: words, not counts
        if u in _NOT_SHARE_AFTER and t[end : end + 1] and t[end] in _NOT_SHARE_AFTER[u]:
            return None  # 三成员, 一成不变, 八折合
        if _capitals_stand_alone(n, u):
            return None
        if u == "折" and not g["m"] and _TWO_DIGIT_DISCOUNT_RE.fullmatch(n):
            factor = 1  # 七五折 = 75 % (the digits read one by one)
        value = _number(n + (g["m"] or "")) * Decimal(str(factor))
        high = None
    if unit == "元" and t[end : end + 1] == "整":
        end += 1  # 壹佰万元整: 整 closes a written-out amount
    if t[end : end + 1] == "级":
        return None  # 500吨级泊位, 千万级景区: a class, not an amount
    after = _AFTER_RE.match(t, end)
    assert after is not None
    per_after, suffix = after.group("per"), after.group("suf")
    end = after.end()
    prefix = _PREFIX_RE.search(t, max(0, start - PREFIX_REACH), start)
    pre_words = _PREFIX_SPLIT_RE.findall(prefix.group()) if prefix else []
    suf_words = _SUFFIX_SPLIT_RE.findall(suffix)
    if kind == FigureKind.NUMBER and not (set(pre_words) | set(suf_words)) & _BARE_QUALIFIERS:
        return None  # a bare number is a figure only when a qualifier bounds it
    if kind == FigureKind.NUMBER and not suffix and "\u4e00" <= t[end : end + 1] <= "\u9fff":
        return None  # 超过80岁: a unit we do not know
    if cn and kind == FigureKind.PERIOD and not (set(pre_words) | set(suf_words)) & _CN_DURATION_QUALIFIERS:
        return None  # 三年行动计划, 两年一次
    if g.get("a"):
        suf_words.insert(0, g["a"])
    return (
        start,
        end,
        {
            "value": float(value),
            "value_high": None if high is None else float(high),
            "unit": unit,
            "kind": kind,
            "pre": pre_words,
            "suf": suf_words,
            "q_start": prefix.start() if prefix else start,
            "per": "每" + per_after[1:].replace("/", "每") if per_after else None,
        },
    )


def _clean_subject(seg: str) -> tuple[str, list[str]]:
    """Strip time phrases, scope words and verbs from the head and tail of a subject."""
    quals: list[str] = []
    seg = _YEAR_ANYWHERE_RE.sub("", _PER_BEFORE_RE.sub("", seg))
    seg = _MATH_RE.split(_ASIDE_RE.sub("", seg))[-1]  # 1500 元×10个月, 12月29日(周四)中午
    if "(" in seg and ")" not in seg.rsplit("(", 1)[1]:  # an aside cut by the clause's end
        head, aside = seg.rsplit("(", 1)
        seg = aside if len(aside) > len(_HAS_WORD_RE.sub("x", head).strip(" ,、")) else head  # 县(市: 县
    seg = seg.strip(" \t\u3000()（）“”\"'《》-—")
    seg = _LABEL_HEAD_RE.sub("", seg).lstrip("的")  # 6.距离退休…, (二)中层正职…: a label names nothing
    changed = True
    while changed and seg:
        changed = False
        m = _TIME_HEAD_RE.match(seg) or _HEAD_RE.match(seg)
        if m and not _TIME_HEAD_RE.match(seg) and not _on_word_boundary(seg, m.end()):
            m = None  # 保障性住房 is one word: 保障 is no head to strip
        if m:
            word = m.group()
            if word in HEAD_QUALIFIERS:
                quals.append(word)
            seg = seg[m.end() :].lstrip(" ,()（）的")
            changed = True
        # the longest tail word that stands on a word boundary (控制在 → 控制|在: strip 在 at least)
        for word in _TAIL_WORDS:
            if seg.endswith(word) and _on_word_boundary(seg, len(seg) - len(word)):
                seg = seg[: len(seg) - len(word)]
                changed = True
                break
    if (
        (seg.endswith("等") and not _GRADE_RE.search(seg))
        or seg in _EMPTY_SUBJECTS
        or not _HAS_WORD_RE.search(seg)
    ):
        seg = ""  # 1500 元×10个月: "×" names nothing
    return _tail_words(seg, SUBJECT_MAX), quals


_MATH_RE = re.compile(r"[×*=+]")
_LABEL_HEAD_RE = re.compile(
    r"^(?:[0-9]{1,3}[.、．](?![0-9])|[(（][一二三四五六七八九十0-9]{1,4}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*"
)
_GRADE_RE = re.compile(r"(?:[A-Za-z]|[一二三四五六七八九甲乙丙丁特])等$")  # A等, 一等: grades, not 等 (etc.)
# Nouns among the words between a qualifier and its number: 最高奖励1000万元 is a 奖励.
_FILLER_NOUNS = ("奖励", "补助", "补贴", "资助")
SUBJECT_MIN = 2  # a subject shorter than this is a fragment (扣, 含, 后): looked for elsewhere
_ASIDE_RE = re.compile(r"\([^()\n]{0,12}\)")
_HAS_WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@lru_cache(maxsize=SUBJECT_CACHE)
def _word_starts(seg: str) -> frozenset[int]:
    """Where jieba's words of ``seg`` start (subjects repeat: cached)."""
    from policydiff.lang.words import segment

    return frozenset(segment(seg)[1]) | {len(seg)}


def _on_word_boundary(seg: str, at: int) -> bool:
    """Whether ``at`` falls between two jieba words of ``seg`` (or at either end)."""
    return at in (0, len(seg)) or at in _word_starts(seg)


def _tail_words(seg: str, limit: int) -> str:
    """The last ``limit`` characters of ``seg``, moved forward to the next word start."""
    if len(seg) <= limit:
        return seg
    cut = len(seg) - limit
    return seg[min(s for s in _word_starts(seg) if s >= cut) :]


def _with_subjects(text: str, t: str, found: list[_Found]) -> list[Figure]:
    """Attach subjects: the clause text before each figure, else after it, else a neighbour's."""
    subjects: list[str] = []
    extra_quals: list[list[str]] = []
    pers: list[str | None] = []
    prev_end = 0
    for i, (start, end, d) in enumerate(found):
        cstart = _clause_start(t, d["q_start"])
        head, _, given = t[max(cstart, prev_end) : d["q_start"]].rpartition("给予")
        nxt = found[i + 1][2]["q_start"] if i + 1 < len(found) else len(t)
        m = _CLAUSE_RE.search(t, end, end + SUBJECT_MAX)  # bounded: a line without commas stays linear
        after = t[end : min(nxt, m.start() if m else len(t), end + SUBJECT_MAX)]
        subject, quals = "", cast(list[str], [])
        if _names_what_follows(d["kind"], after):
            subject, _ = _clean_subject(after.lstrip("的"))
        elif d["kind"] in (FigureKind.PERCENT, FigureKind.AMOUNT) and (pm := _MEASURE_AFTER_RE.match(after)):
            subject = pm.group(1)
        if not subject:
            subject, quals = _clean_subject(given)
        if not subject:
            subject, _ = _clean_subject(after.lstrip("的"))
        if not subject and head:
            subject, more = _clean_subject(head)
            quals += more
        if not subject:
            pm = _last_per(t, cstart, start)
            if pm is not None and pm.group()[-2:] in _PER_NOUNS:
                subject = pm.group()[-2:]
        subjects.append(subject)
        extra_quals.append(quals)
        per = d["per"]
        if per is None:
            pm = _last_per(t, cstart, start)
            if pm is not None:
                word = pm.group()
                per = "每" + word[0] if word.endswith("均") else "每" + word[1:] if word[0] == "单" else word
        pers.append(per)
        prev_end = end
    # figures listed with 、 share a subject and a rate: fill gaps from the next, then the previous.
    for i in range(len(found) - 2, -1, -1):
        if not subjects[i] and _listed(t, found, i):
            subjects[i] = subjects[i + 1]
    pres = [list(d["pre"]) for _s, _e, d in found]
    for i in range(1, len(found)):
        if _listed(t, found, i - 1):
            subjects[i] = subjects[i] or subjects[i - 1]
            pers[i] = pers[i] or pers[i - 1]
            pres[i] = pres[i] or pres[i - 1]  # 超过12节或15节, 最高500万元、300万元: one bound for all
    for i, (_start, _end, d) in enumerate(found):
        if len(subjects[i]) < SUBJECT_MIN and d["kind"] != FigureKind.DATE:
            cstart = _clause_start(t, d["q_start"])
            fallback = _fallback_subject(t, found, i, subjects, cstart)
            subjects[i] = fallback or (subjects[i] if _is_noun(subjects[i]) else "")
    figures = []
    for i, (start, end, d) in enumerate(found):
        quals = [CANONICAL_QUALIFIERS.get(q, q) for q in extra_quals[i] + pres[i] + d["suf"]]
        quals = list(dict.fromkeys(quals))
        figures.append(
            Figure(
                text=text[start:end],
                start=start,
                end=end,
                value=d["value"],
                unit=d["unit"],
                qualifier=Qualifiers(tuple(Qualifier(q) for q in quals)),
                subject=subjects[i],
                kind=FigureKind.RATE
                if pers[i] and d["kind"] in (FigureKind.AMOUNT, FigureKind.COUNT)
                else d["kind"],
                value_high=d["value_high"],
                per=pers[i],
                sentence=_sentence(t, start, end),
            )
        )
    return figures


def _fallback_subject(t: str, found: list[_Found], i: int, subjects: list[str], cstart: int) -> str:
    """A subject for a figure whose own words name nothing (每次扣20元, 最高奖励1000万元, （含30天）).

    In order: a noun among the words between its qualifier and number (最高奖励 → 奖励); the
    subject of the figure just before it in the same clause (100人以内1人: 总人数下限); the subject
    the clause before it names, when that clause has no figure of its own (无故缺岗者，每次扣50元;
    行政值班（周）：12小时).
    """
    start, _end, d = found[i]
    between = t[d["q_start"] : start]
    for noun in _FILLER_NOUNS:
        if noun in between:
            return noun
    if i and subjects[i - 1] and not _PHRASE_END_RE.search(t, found[i - 1][1], d["q_start"]):
        return subjects[i - 1]  # 12小时60元、24小时120元: items of one phrase share what they measure
    if cstart >= 1 and t[cstart - 1] in ",:，：":
        before = _clause_start(t, cstart - 1)
        if i and found[i - 1][1] > before:  # 按15%给予补助，最高不超过300万元: what the clause gives
            given = t[max(before, found[i - 1][1]) : cstart - 1].rpartition("给予")[2]
            subject, _ = _clean_subject(given)
        else:
            subject, _ = _clean_subject(t[before : cstart - 1])
        if len(subject) >= SUBJECT_MIN:
            return subject
    return ""


_PHRASE_END_RE = re.compile(r"[,;。!?\n:]")  # a clause ends here; 、 only lists items within one


def _is_noun(word: str) -> bool:
    """A one-character subject that names a thing a reader counts (县, 村, 户), not a verb (扣, 含)."""
    return word in _ONE_CHARACTER_NOUNS


_ONE_CHARACTER_NOUNS = frozenset("县 市 区 村 镇 乡 省 户 人 家 校 园 所 站 馆 院 厂 店 港 岛".split())


SENTENCE_REACH = 80  # a figure's sentence: at most this many characters either side of it
_SENTENCE_END_RE = re.compile(r"[。;!?\n]")


def _sentence(t: str, start: int, end: int) -> str:
    """The sentence around t[start:end] (bounded, so a text without full stops stays linear)."""
    lo = max(0, start - SENTENCE_REACH)
    begin = max((m.end() for m in _SENTENCE_END_RE.finditer(t, lo, start)), default=lo)
    stop = _SENTENCE_END_RE.search(t, end, end + SENTENCE_REACH)
    return t[begin : stop.start() if stop else min(len(t), end + SENTENCE_REACH)]


def _names_what_follows(kind: FigureKind, after: str) -> bool:
    """Whether the words after a count name what it counts: 打造100个数字化应用场景."""
    if not after:
        return False
    if kind != FigureKind.COUNT or not "\u4e00" <= after[0] <= "\u9fff":
        return False
    return after[0] not in "和及或等的" or not _on_word_boundary(after, 1)  # 三个等级: 等级 is a word


def _clause_start(t: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last separator, at most CLAUSE_MAX back."""
    lo = max(0, pos - CLAUSE_MAX)
    return max(lo, max(t.rfind(c, lo, pos) + 1 for c in CLAUSE_SEPARATORS))


def _last_per(t: str, start: int, end: int) -> re.Match[str] | None:
    """The last 每…/单… phrase in t[start:end]."""
    last = None
    for last in _PER_BEFORE_RE.finditer(t, start, end):  # noqa: B007
        pass
    return last


def _listed(t: str, found: list[_Found], i: int) -> bool:
    """Whether figure i and i+1 are items of one list (joined by 、 和 或 及)."""
    if i + 1 >= len(found):
        return False
    gap = _ASIDE_RE.sub("", t[found[i][1] : found[i + 1][2]["q_start"]])  # 12节（行政人员）或15节
    return gap in ("、", "和", "或", "及", "、最高")


def compare_figures(left: Sequence[Figure], right: Sequence[Figure]) -> list[FigureChange]:
    """Pair the figures of two aligned units; see ``policydiff.figures.compare``."""
    from policydiff.figures.compare import compare_figures as _compare

    return _compare(left, right)
