"""Figures: extraction of amounts, areas, ratios and counts, and pairing them between two units."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.figures.extract import compare_figures, extract_figures, fold
from policydiff.lang.words import ensure_ready
from policydiff.model import Figure, Status
from tests.figures_gold import GOLD, NOT_FIGURES, G

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_T2S = opencc.OpenCC("t2s")


def normalized_seed(seed: str) -> str:
    """A sample document as the pipeline hands it over: simplified, full-width folded."""
    [path] = SEEDS.glob(f"{seed}_*.txt")
    return fold(_T2S.convert(path.read_text(encoding="utf-8")))


def one(text: str) -> Figure:
    figs = extract_figures(text)
    assert len(figs) == 1, figs
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f


def texts(text: str) -> list[str]:
    return [f.text for f in extract_figures(text)]


# ---- numerals, units, multipliers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("全省供应建设用地35万亩。", 350_000, "亩", "area"),
        ("安排资金17.25亿元。", 1_725_000_000, "元", "amount"),
        ("贷款4000亿元左右", 4e11, "元", "amount"),
        ("贷款4,000亿元左右", 4e11, "元", "amount"),
        ("贷款1,234.5万元", 12_345_000, "元", "amount"),
        ("贷款5千元", 5000, "元", "amount"),
        ("资金1千万元", 1e7, "元", "amount"),
        ("规模2万亿元", 2e12, "元", "amount"),
        ("保障用能4.5万吨标准煤以上", 45_000, "吨标准煤", "energy"),
        ("给予一千万元奖励", 10_000_000, "元", "amount"),
        ("安排三十五万亩", 350_000, "亩", "area"),
        ("新建厂房12万平方米", 120_000, "平方米", "area"),
        ("新改建1000公里", 1000, "公里", "length"),
        ("装机100万千瓦以上", 1e6, "千瓦", "power"),
        ("装机5兆瓦", 5000, "千瓦", "power"),
        ("交易电量450亿千瓦时以上", 4.5e10, "千瓦时", "electricity"),
        ("新增上市公司50家", 50, "家", "count"),
        ("培育企业120个", 120, "个", "count"),
        ("新增床位8000张", 8000, "张", "count"),
        ("完成项目20项", 20, "项", "count"),
        ("派遣特派员5000人次", 5000, "人次", "count"),
        ("比重不低于70%", 70, "%", "percent"),
        ("比重达到百分之三十", 30, "%", "percent"),
        ("比重提高2个百分点", 2, "个百分点", "percent_point"),
        ("按省补助额的2倍配套", 2, "倍", "multiple"),
        ("外资5500万美元", 5.5e7, "美元", "amount"),
    ],
)
def test_values_in_base_units(text: str, value: float, unit: str, kind: str) -> None:
    f = one(text)
    assert f.value == pytest.approx(value)
    assert (f.unit, f.kind) == (unit, kind)


def test_equal_amounts_written_differently_have_equal_values() -> None:
    assert one("指标1.5万亩").value == one("指标15000亩").value == one("指标15,000亩").value
    assert one("贷款4000亿元").value == one("贷款4,000亿元").value == one("贷款四千亿元").value


# ---- robustness: full-width and traditional input, offsets kept -------------------------------


def test_fold_keeps_length() -> None:
    s = "１．５萬畝，不低於７０％"
    assert len(fold(s)) == len(s)
    assert fold(s) == "1.5万亩,不低于70%"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("比重不低於７０％", 70, "%", "不低于"),
        ("供應建設用地３５萬畝", 350_000, "亩", None),
        ("用能4.5萬噸標準煤以上", 45_000, "吨标准煤", "以上"),
        ("新增上市公司50傢", 50, "家", "新增"),
        ("培育項目100個", 100, "个", None),
        ("貸款1.5億元左右", 1.5e8, "元", "左右"),
    ],
)
def test_full_width_and_traditional(text: str, value: float, unit: str, qualifier: str | None) -> None:
    f = one(text)
    assert (f.value, f.unit, f.qualifier) == (pytest.approx(value), unit, qualifier)


def test_spans_index_the_input() -> None:
    text = "爭取中央預算內投資不少於６０億元，貸款1600億元左右。"
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
    assert texts(text) == ["６０億元", "1600億元左右"]


def test_traditional_seed_matches_its_simplified_form() -> None:
    [path] = SEEDS.glob("001_*.txt")
    raw = path.read_text(encoding="utf-8")
    simple = _T2S.convert(raw)
    a, b = extract_figures(raw), extract_figures(simple)
    assert len(a) == len(b)
    assert [(f.value, f.unit) for f in a] == [(f.value, f.unit) for f in b]


# ---- qualifiers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("投资不低于60亿元", "不低于"),
        ("投资不少于60亿元", "不少于"),
        ("补助不超过500万元", "不超过"),
        ("费率不高于0.75%", "不高于"),
        ("投资60亿元以上", "以上"),
        ("收入10万元以下", "以下"),
        ("费用5万元以内", "以内"),
        ("贷款60亿元左右", "左右"),
        ("贷款约60亿元", "左右"),
        ("补助最高500万元", "最高"),
        ("补助最多500万元", "最多"),
        ("补助最低5万元", "最低"),
        ("补助至少5万元", "至少"),
        ("力争新增贷款60亿元", "力争|新增"),
        ("覆盖率达到85%", "达到"),
        ("覆盖率达85%", "达到"),
        ("累计投资60亿元", "累计"),
        ("投资超过60亿元", "超过"),
        ("投资超60亿元", "超过"),
        ("投资近60亿元", "近"),
        ("投资逾60亿元", "逾"),
        ("营收突破200亿元", "突破"),
        ("每年补偿金额最高不超过500万元", "最高|不超过"),
        ("占比不得低于50%", "不低于"),
        ("培育企业100余家", "余"),
        ("加回比例最高可达200%", "最高|达到"),
        ("补助经费3000万元", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    assert one(text).qualifier == qualifier


# ---- ranges, ratios, rates, durations ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("投资10—20亿元", 1e9, 2e9, "元"),
        ("投资10-20亿元", 1e9, 2e9, "元"),
        ("投资10~20亿元", 1e9, 2e9, "元"),
        ("期限3至5年", 3, 5, "年"),
        ("周转量10亿吨公里-30亿吨公里", 1e9, 3e9, "吨公里"),
        ("比例10%—20%", 10, 20, "%"),
        ("项目1—2个", 1, 2, "个"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    f = one(text)
    assert (f.value, f.value_high, f.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize("text", ["按不低于1:3比例出资", "按不低于1∶3比例出资", "按不低于1：3比例出资"])
def test_ratios(text: str) -> None:
    f = one(text)
    assert (f.kind, f.unit, f.value, f.qualifier) == ("ratio", "比", pytest.approx(1 / 3), "不低于")


def test_fraction_is_a_percentage() -> None:
    f = one("支出增量的2/3以上用于民生领域")
    assert (f.unit, f.value, f.qualifier) == ("%", pytest.approx(200 / 3), "以上")


@pytest.mark.parametrize(
    ("text", "per", "unit"),
    [
        ("对新认定的企业,每家给予最高20万元奖励", "每家", "元"),
        ("按实际种植面积给予每亩120元的直接补贴", "每亩", "元"),
        ("补贴标准为每人每月300元", "每人每月", "元"),
        ("每个项目最高补助3000万元", "每个项目", "元"),
        ("单个项目最高不超过1000万元", "每个项目", "元"),
        ("单家企业不超过500万元", "每家企业", "元"),
        ("新能源汽车最高补贴1.5万元/辆", "每辆", "元"),
        ("确保财政投入亩均不低于3000元", "每亩", "元"),
    ],
)
def test_per_unit_rates(text: str, per: str, unit: str) -> None:
    f = one(text)
    assert (f.per, f.unit, f.kind) == (per, unit, "rate")


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("最多可连续支持3年", 3, "年", "最多"),
        ("可以给予最高5年工作许可", 5, "年", "最高"),
        ("自设立起三年内按当年场地租金补助", 3, "年", "以内"),
        ("近三年累计研发投入", 3, "年", "近"),
        ("15个工作日内办结", 15, "个工作日", "以内"),
        ("租期6个月", 6, "个月", None),
    ],
)
def test_durations(text: str, value: float, unit: str, qualifier: str | None) -> None:
    f = one(text)
    assert (f.value, f.unit, f.kind) == (
        value,
        unit,
        "period",
    )  # periods are kind "period" (the JSON contract's FIG.kind)
    assert f.qualifier == qualifier


# ---- subjects ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("争取中央预算内投资不少于60亿元", "中央预算内投资"),
        ("2024年,全省供应建设用地35万亩", "建设用地"),
        ("研发费用占营业收入比重达到3%", "研发费用占营业收入比重"),
        ("力争新增制造业中长期贷款4000亿元左右", "制造业中长期贷款"),
        ("培育建设50家省级工业设计中心", "省级工业设计中心"),
        ("对首次入选的给予180万元补助经费", "补助经费"),
        ("其中交通基础设施0.7亿元", "交通基础设施"),
    ],
)
def test_subjects(text: str, subject: str) -> None:
    [f] = [f for f in extract_figures(text) if f.kind != "date"]
    assert f.subject == subject


def test_listed_figures_share_a_subject() -> None:
    figs = extract_figures("分别给予250万元、200万元、100万元的奖励。")
    assert [f.subject for f in figs] == ["奖励"] * 3


def test_subject_stops_at_the_previous_figure() -> None:
    figs = extract_figures("其中交通基础设施0.7亿元,重大水利0.6亿元、城市市政基础设施1.2亿元。")
    assert [f.subject for f in figs] == ["交通基础设施", "重大水利", "城市市政基础设施"]


# ---- what is not a figure ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "发布时间 2024-02-21 14:16:29",
        "16.落实税收优惠政策。",
        "1.发挥省重大建设项目带动支撑作用。",
        "(二十四)落实税收优惠政策。",
        "(3)加强人才支撑。",
        "依照第三条规定。",
        "第一,坚持党的领导。",
        "入选第3批名单。",
        "浙政发〔2025〕3号",
        "椒政发〔2023〕6号文件",
        "落实“民营经济32条”",
        "打造“415X”先进制造业集群",
        "优化完善“4+1”专项基金使用方式",
        "推进“千项万亿”工程",
        "聚焦“315”科技创新体系",
        "执行好要素保障“3个70%”政策",
        "推动山区海岛县建立”1+1+1“结对合作关系",
        "对“26+3”及海岛县给予补助",
        "《椒江区企业上市和高质量发展16条》",
        "人工智能、5G、物联网等未来产业",
        "3D打印技术",
        "建设5A级景区",
        "推进“四好农村路”2.0版",
        "在数字化改造1.0全覆盖基础上大幅提升2.0覆盖率",
        "根据十四五规划",
        "咨询电话:0571-87051234",
        "联系人手机13812345678",
        "邮箱 zhengce2024@zj.gov.cn",
        "加力推进城市地下管网建设等五大领域补短板",
        "三年行动计划",
        "取消两年一次的继续教育制度",
        "一次性奖励、一个窗口、一批项目",
        "关键零部件",
        "新增内河千吨级航道",
        "内河500吨级泊位",
        "3岁以下婴幼儿",
        "人均预期寿命超过80岁",
        "HRoot全球100强",
        "下载 https://www.example.gov.cn/2024/10/art_123.html",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == [], texts(text)


def test_figure_next_to_a_non_figure_is_kept() -> None:
    assert texts("2024年,新增上市公司50家。") == ["2024年", "50家"]
    assert texts("16.保障用地35万亩。") == ["35万亩"]
    assert texts("执行“3个70%”政策,比重不低于70%。") == ["70%"]


# ---- the hand-checked list ---------------------------------------------------------------------


@dataclass
class GoldScore:
    found: int = 0
    correct_value: int = 0
    correct_qualifier: int = 0
    correct_subject: int = 0
    checked_subject: int = 0
    matched: dict[str, set[int]] = field(default_factory=dict)  # seed → starts of matched figures
    extracted: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6)


def score_gold() -> GoldScore:
    score = GoldScore()
    by_seed: dict[str, list[G]] = {}
    for g in GOLD:
        by_seed.setdefault(g.seed, []).append(g)
    for seed, entries in by_seed.items():
        text = normalized_seed(seed)
        figs = [f for f in extract_figures(text) if f.kind != "date"]
        score.extracted[seed] = len(figs)
        matched = score.matched.setdefault(seed, set())
        for g in entries:
            at = text.find(g.anchor)
            assert at >= 0, f"anchor {g.anchor!r} not in seed {seed}"
            f = next((f for f in figs if f.text == g.text and f.start >= at), None)
            if f is None:
                score.misses.append(f"{seed} {g.anchor}: {g.text} not found")
                continue
            score.found += 1
            matched.add(f.start)
            ok_value = _close(f.value, g.value) and _close(f.value_high, g.high)
            ok_value = ok_value and (f.unit, f.per) == (g.unit, g.per)
            score.correct_value += ok_value
            score.correct_qualifier += f.qualifier == g.qualifier
            if g.subject is not None:
                score.checked_subject += 1
                score.correct_subject += g.subject in f.subject
            if not ok_value or f.qualifier != g.qualifier or (g.subject and g.subject not in f.subject):
                score.misses.append(
                    f"{seed} {g.text}: got {f.value:g} {f.unit} {f.per} q={f.qualifier} s={f.subject!r}"
                    f" / want {g.value:g} {g.unit} {g.per} q={g.qualifier} s~{g.subject!r}"
                )
    return score


@pytest.fixture(scope="module")
def gold() -> GoldScore:
    return score_gold()


def test_gold_list_is_big_enough() -> None:
    assert len(GOLD) >= 60
    assert len({g.seed for g in GOLD}) >= 3


def test_gold_recall(gold: GoldScore) -> None:
    assert gold.found / len(GOLD) >= 0.98, gold.misses


def test_gold_precision_on_the_complete_seed(gold: GoldScore) -> None:
    # seed 000 is listed completely: every figure extracted there should be on the list
    # (dates are not on it: they are checked by the dates tests and the 07/08 figure-change gold).
    assert len(gold.matched["000"]) / gold.extracted["000"] >= 0.98


def test_gold_values_units_and_rates(gold: GoldScore) -> None:
    assert gold.correct_value / gold.found >= 0.98, gold.misses


def test_gold_qualifiers(gold: GoldScore) -> None:
    assert gold.correct_qualifier / gold.found >= 0.9, gold.misses


def test_gold_subjects(gold: GoldScore) -> None:
    assert gold.correct_subject / gold.checked_subject >= 0.85, gold.misses


@pytest.mark.parametrize(("seed", "phrase"), NOT_FIGURES)
def test_gold_non_figures(seed: str, phrase: str) -> None:
    text = normalized_seed(seed)
    spans = [(f.start, f.end) for f in extract_figures(text) if f.kind != "date"]
    at = text.find(phrase)
    assert at >= 0, phrase
    while at >= 0:
        assert not any(s < at + len(phrase) and at < e for s, e in spans), (phrase, at)
        at = text.find(phrase, at + 1)


# ---- comparing -------------------------------------------------------------------------------


def compare(left: str, right: str):
    return compare_figures(extract_figures(left), extract_figures(right))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("保障建设用地计划指标1.5万亩。", "保障建设用地计划指标15000亩。"),
        ("新增制造业中长期贷款4000亿元左右。", "新增制造业中长期贷款4,000亿元左右。"),
        ("全省供应建设用地35万亩。", "全省供应建设用地３５萬畝。"),
        ("新增制造业中长期贷款4000亿元。", "新增制造业中长期贷款四千亿元。"),
    ],
)
def test_equal_but_differently_written_is_unchanged(left: str, right: str) -> None:
    [c] = compare(left, right)
    assert c.status == Status.UNCHANGED


def test_value_change() -> None:
    [c] = compare("争取中央预算内投资不少于60亿元。", "争取中央预算内投资不少于80亿元。")
    assert c.status == Status.CHANGED
    assert c.subject == "中央预算内投资"
    assert c.ratio == pytest.approx(80 / 60)


def test_qualifier_only_change() -> None:
    [c] = compare("争取中央预算内投资不少于60亿元。", "争取中央预算内投资60亿元左右。")
    assert c.status == Status.CHANGED
    assert c.left.value == c.right.value
    assert (c.left.qualifier, c.right.qualifier) == ("争取|不少于", "争取|左右")


def test_unit_change() -> None:
    [c] = compare("新增上市公司50家。", "新增上市公司50个。")
    assert c.status == Status.CHANGED


def test_range_change() -> None:
    [c] = compare("投资10—20亿元。", "投资10—30亿元。")
    assert c.status == Status.CHANGED


def test_added_and_removed() -> None:
    changes = compare(
        "全省供应建设用地35万亩,盘活存量建设用地10万亩。",
        "全省供应建设用地35万亩,新增上市公司50家。",
    )
    assert sorted(c.status for c in changes) == sorted([Status.UNCHANGED, Status.REMOVED, Status.ADDED])
    removed = next(c for c in changes if c.status == Status.REMOVED)
    added = next(c for c in changes if c.status == Status.ADDED)
    assert removed.left.text == "10万亩" and removed.right is None
    assert added.right.text == "50家" and added.left is None


def test_reordered_figures_pair_by_subject() -> None:
    changes = compare(
        "新增上市公司50家,新增慈善组织100家,供应建设用地35万亩。",
        "供应建设用地35万亩,新增慈善组织120家,新增上市公司50家。",
    )
    by_subject = {c.subject: c for c in changes}
    assert len(changes) == 3
    assert by_subject["上市公司"].status == Status.UNCHANGED
    assert by_subject["慈善组织"].status == Status.CHANGED
    assert by_subject["建设用地"].status == Status.UNCHANGED


def test_two_figures_with_one_subject_pair_in_order() -> None:
    changes = compare(
        "对省级孵化器分别给予200万元、100万元奖励。",
        "对省级孵化器分别给予300万元、100万元奖励。",
    )
    assert [c.status for c in changes] == [Status.CHANGED, Status.UNCHANGED]
    assert (changes[0].left.value, changes[0].right.value) == (2e6, 3e6)


def test_unrelated_figures_do_not_pair() -> None:
    changes = compare("新增上市公司50家。", "完成健康体检1000万人。")
    assert sorted(c.status for c in changes) == sorted([Status.REMOVED, Status.ADDED])


def test_compare_empty_sides() -> None:
    assert compare_figures([], []) == []
    [c] = compare("", "新增上市公司50家。")
    assert c.status == Status.ADDED


_figure_lists = st.lists(
    st.builds(
        Figure,
        text=st.just("x"),
        start=st.just(0),
        end=st.just(1),
        value=st.sampled_from([1.0, 2.0, 50.0, 1e8]),
        unit=st.sampled_from(["元", "亩", "家", "%"]),
        qualifier=st.sampled_from([None, "以上", "左右"]),
        subject=st.sampled_from(["", "建设用地", "上市公司", "中长期贷款", "用地"]),
        kind=st.sampled_from(["amount", "area", "count"]),
    ),
    max_size=12,
)


@given(_figure_lists, _figure_lists)
def test_every_figure_appears_exactly_once(left: list[Figure], right: list[Figure]) -> None:
    changes = compare_figures(left, right)
    assert sorted(id(c.left) for c in changes if c.left) == sorted(id(f) for f in left)
    assert sorted(id(c.right) for c in changes if c.right) == sorted(id(f) for f in right)
    assert changes == compare_figures(left, right)  # deterministic
    for c in changes:
        assert (c.status == Status.ADDED) == (c.left is None)
        assert (c.status == Status.REMOVED) == (c.right is None)


@given(_figure_lists)
def test_a_unit_compared_with_itself_is_unchanged(figs: list[Figure]) -> None:
    assert all(c.status == Status.UNCHANGED for c in compare_figures(figs, figs))


# ---- speed -------------------------------------------------------------------------------------


def test_extraction_of_a_megabyte_finds_every_figure() -> None:
    """A megabyte of repeated seed text: the figures of the sample ten times over (its speed is
    measured by bench/, never asserted here)."""
    text = normalized_seed("000")
    ensure_ready()
    counts = []
    for size in (100_000, 1_000_000):
        sample = (text * (size // len(text) + 1))[:size]
        counts.append(len(extract_figures(sample)))
    assert counts[1] > 3000
    assert 9 * counts[0] <= counts[1] <= 11 * counts[0], counts


def test_compare_speed() -> None:
    text = normalized_seed("000")
    left = extract_figures(text)[:50]
    right = extract_figures(text.replace("万亩", "千亩").replace("0%", "5%"))[:50][::-1]
    first = compare_figures(left, right)
    assert compare_figures(left, right) == first  # the same answer every time (speed: bench/)


# ---- dates, deadlines, periods (kind "date" / "period") ------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "high"),
    [
        ("到2025年,基本建成。", "2025年", 2025, "年份", None),
        ("2024年,各地要抓好落实。", "2024年", 2024, "年份", None),
        ("实施方案(2023—2025年)", "2023—2025年", 2023, "年份", 2025),
        ("自2024年3月1日起施行。", "2024年3月1日起", 20240301, "日期", None),
        ("力争2025年底前完成", "2025年底前", 202512, "年月", None),
        ("年底前完成改造", "年底前", 12, "月", None),
        ("6月底前完成改造", "6月底前", 6, "月", None),
        ("此项工作在 12月26日(周一)放学前完成", "12月26日", 1226, "月日", None),
        ("交流时间安排在12月26－28日", "12月26－28日", 1226, "月日", 1228),
        ("于1月18日(周四)下午15:00前书面报送", "15:00前", 900, "时刻", None),
    ],
)
def test_dates(text: str, figure: str, value: float, unit: str, high: float | None) -> None:
    [f] = [f for f in extract_figures(text) if f.text == figure]
    assert (f.kind, f.value, f.unit, f.value_high) == ("date", value, unit, high)


@pytest.mark.parametrize(
    "text",
    [
        "浙政发〔2023〕12号",  # a document number's year
        "根据《中华人民共和国公司法(2018年修正)》",  # a law's edition, inside its title
        "中华人民共和国公司法(2018年修正)",  # the same as a title line
        "(2018年10月26日第十三届全国人民代表大会常务委员会第六次会议修正)",  # legislative history
        "2013年12月28日第十二届全国人民代表大会常务委员会第六次会议通过",
        "发布时间 2024-02-21 14:16:29",  # a page's timestamp
        "上传到“2023年度事业单位考核”文件夹",  # a name
        "比例为3:2",
    ],
)
def test_years_that_are_not_policy_dates(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "date"] == [], texts(text)


def test_deadline_change_is_a_changed_date() -> None:
    [c] = compare("各地要在年底前完成改造。", "各地要在6月底前完成改造。")
    assert c.status == Status.CHANGED and (c.left.value, c.right.value) == (12, 6)
    [c] = compare("实施期限3年。", "实施期限5年。")
    assert c.status == Status.CHANGED and c.left.kind == "period"
    [c] = compare("到2025年基本建成。", "到2027年基本建成。")
    assert c.status == Status.CHANGED and (c.left.value, c.right.value) == (2025, 2027)


def test_how_a_figure_moved_is_one_rule_for_every_view() -> None:
    """shift(): dates move earlier or later (never "+0.85 %"), amounts by a ratio, units apart."""
    from policydiff.figures.compare import Shift, shift
    from policydiff.render.html import _figure_change

    cases = [
        ("本法自2007年11月1日起施行。", "本法自2024年11月1日起施行。", Shift.LATER, "推迟"),
        ("到2025年基本建成。", "到2023年基本建成。", Shift.EARLIER, "提前"),
        ("各地要在年底前完成改造。", "各地要在6月底前完成改造。", Shift.DATE, "日期改变"),  # no year
        ("安排资金60亿元。", "安排资金80亿元。", Shift.AMOUNT, "+20亿元，×1.33（+33.3%）"),
        ("处十万元以上二十万元以下的罚款", "处十万元以上三十万元以下的罚款", Shift.UPPER, "上限 +10万元"),
    ]
    for old, new, expected, words in cases:
        [c] = [c for c in compare(old, new) if c.left and c.right]
        assert shift(c) == expected, (old, new)
        assert _figure_change(c) == words, (old, new)
    assert shift(compare("资金60亿元。", "")[0]) is None  # on one side only


def test_dates_of_different_units_do_not_pair() -> None:
    changes = compare("于12月29日中午11:30前报送", "于1月18日下午15:00前报送")
    assert sorted((c.left.unit, c.right.unit) for c in changes if c.left and c.right) == [
        ("时刻", "时刻"),
        ("月日", "月日"),
    ]


# ---- junk rows the figure table used to show -----------------------------------------------------


def test_bounded_range_is_one_figure() -> None:
    [f] = extract_figures("处二十万元以上一百万元以下的罚款")
    assert (f.value, f.value_high, f.unit, f.subject) == (200_000, 1_000_000, "元", "罚款")


def test_subject_is_cut_at_word_boundaries() -> None:
    [f] = [f for f in extract_figures("2024年新开工保障性住房不少于100万平方米") if f.kind == "area"]
    assert f.subject == "保障性住房"


@pytest.mark.parametrize(("text", "bad"), [("每人1500元×10个月", "×"), ("报告分三部分", "三部")])
def test_no_junk_subjects_or_figures(text: str, bad: str) -> None:
    for f in extract_figures(text):
        assert bad not in f.subject and bad != f.text, f


def test_qualifiers_read_as_words() -> None:
    from policydiff.figures.extract import qualifier_text

    assert qualifier_text("力争|新增|左右") == "力争、新增、左右"
    assert qualifier_text(None) == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "run", ["1" * 60_000, "1." * 30_000, "1元" * 30_000, "2020年" * 12_000, "12:30前" * 8000]
)
def test_long_runs_stay_linear(run: str) -> None:
    # A 60k-digit run took 45 s per 30 KB (each exclusion pattern rescanned the run from every digit).
    extract_figures(run)


# ---- hand-checked figure CHANGES of one corpus pair (07 ↔ 08) -----------------------------------

PAIR_GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "figures" / "gold_07_08.json"
PAIR_PRECISION_FLOOR = 0.85  # measured 1.000 (8 of 8 reported changes are real)
PAIR_RECALL_FLOOR = 0.95  # measured 1.000 (all 8 gold changes found)


def figure_change_scores() -> tuple[float, float, list[str]]:
    """Precision and recall of the reported figure changes against the hand-checked gold.

    As ../shared/tools/score.py does, figures of wholly added or removed units are not scored; a
    reported change counts when its status and both sides' positions match a gold change.
    """
    import json

    from policydiff.compare.pipeline import compare_files

    gold = json.loads(PAIR_GOLD.read_text(encoding="utf-8"))
    folder = PAIR_GOLD.parent
    comparison = compare_files(str(folder / gold["left_file"]), str(folder / gold["right_file"]))
    texts = (comparison.left.text, comparison.right.text)

    def at(side: int, figure: str | None, anchor: str) -> int | None:
        if figure is None:
            return None
        start = texts[side].find(anchor)
        assert start >= 0, anchor
        found = texts[side].find(figure, start)
        assert found >= 0, figure
        return found

    wanted = {
        (g["status"], at(0, g["left"], g["left_after"]), at(1, g["right"], g["right_after"]))
        for g in gold["figures"]
    }
    reported = {
        (str(c.status), c.left.start if c.left else None, c.right.start if c.right else None): c
        for p in comparison.pairs
        if p.left is not None and p.right is not None
        for c in p.figures
        if c.status != Status.UNCHANGED
    }
    hits = wanted & set(reported)
    wrong = [
        f"{c.status}: {c.left and c.left.text} → {c.right and c.right.text}"
        for key, c in reported.items()
        if key not in wanted
    ]
    missed = [str(w) for w in wanted - set(reported)]
    return len(hits) / max(1, len(reported)), len(hits) / len(wanted), wrong + missed


def test_figure_changes_on_the_hand_checked_pair() -> None:
    precision, recall, notes = figure_change_scores()
    print(f"figure changes 07↔08: precision {precision:.3f} recall {recall:.3f}", notes)
    assert precision >= PAIR_PRECISION_FLOOR, notes
    assert recall >= PAIR_RECALL_FLOOR, notes
