"""Alignment of reworded implementations: the documents' order, rare heading words, levels not depth.

A city's plan keeps the province's chapters and the order of its measures but rewrites them; a
province's regulation keeps the national articles but drops the 节 level. These tests build such
pairs from hand-made unit features and check the pairing the order and the words imply.
"""

from collections import Counter

from policydiff.compare.align import AlignConfig, UnitFeatures, align_units
from policydiff.model import Level


def unit(index, level, heading, words, parent=None, depth=0, children=False):
    return UnitFeatures(
        index, level, depth, parent, children, heading, Counter(words.split()), None, heading + words
    )


def chapter(index, heading, words, depth=0, parent=None):
    return unit(index, Level.CHAPTER, heading, words, parent=parent, depth=depth, children=True)


def article(index, parent, heading, words, depth=1):
    return unit(index, Level.ARTICLE, heading, words, parent=parent, depth=depth)


def paired(left, right, config=None):
    return {(a, b) for a, b in align_units(left, right, config).pairs if a is not None and b is not None}


LEFT = [
    chapter(0, "先进制造业", "制造业 集群 基金 用地 人才 母基金 医药 光电 上市 凤凰"),
    article(1, 0, "统筹集成财政资金", "财政 专项资金 集群 企业梯队 数字经济"),
    article(2, 0, "强化政府产业基金引导", "产业基金 母基金 医药 光电 子基金 撬动 社会资本"),
    article(3, 0, "优化金融支持服务", "上市 凤凰 培苗 上市公司 制造业"),
]
RIGHT = [
    chapter(0, "先进制造业", "制造业 集群 基金 用地 人才 引导 规模 直投 上市 凤凰"),
    article(1, 0, "统筹集成各类财政资金", "财政 专项资金 集群 企业梯队 数字经济 创新"),
    # the same measure, rewritten: one rare word in common, under the same chapter, between the
    # two paired neighbours
    article(2, 0, "发挥基金作用", "基金 规模 直投 项目 招引 落地 产业链 子基金"),
    article(3, 0, "优化金融支持服务", "上市 凤凰 培苗 上市公司 制造业 辅导"),
]


def test_a_rewritten_unit_between_paired_neighbours_pairs_by_its_place():
    assert (2, 2) in paired(LEFT, RIGHT)


def test_the_slot_floor_is_a_setting():
    """Above every score the slot would consider, the rewritten unit stays unpaired."""
    strict = AlignConfig(slot_floor=0.9, slot_single_floor=0.9)
    assert (2, 2) not in paired(LEFT, RIGHT, strict)


def test_a_slot_never_pairs_a_chapter_with_an_article():
    left = [
        chapter(0, "总则", "目的 依据 适用 范围"),
        chapter(1, "道路运输经营", "客运 货运 许可 车辆"),
        article(2, 1, "申请客运", "客运 许可 车辆 驾驶员"),
        chapter(3, "附则", "施行 日期"),
    ]
    right = [
        chapter(0, "总则", "目的 依据 适用 范围"),
        article(1, None, "违反规定的处罚", "罚款 责令 改正 车辆", depth=0),
        chapter(2, "附则", "施行 日期"),
    ]
    assert (1, 1) not in paired(left, right)


def test_stock_phrase_headings_yield_to_shared_measures():
    """加大…支持力度 is said under many headings; the unit that shares the measure's words wins."""
    left = [
        chapter(0, "扩大有效投资", "投资 民营 民间投资 财政"),
        article(1, 0, "加大对民间投资支持力度", "民营经济 民间投资 项目 推介 融资 专项 支持 力度"),
        article(2, 0, "加快推进城市更新", "城市更新 老旧小区 改造 管网"),
        article(3, 0, "加大对科技创新支持力度", "研发 攻关 实验室 科技 支持 力度"),
        article(4, 0, "加大对消费支持力度", "消费券 商圈 夜间经济 支持 力度"),
    ]
    right = [
        chapter(0, "扩大有效投资", "投资 民营 民间投资 财政"),
        article(1, 0, "加大财政支持力度", "财政 预算 安排 亿元 投资 支持 力度"),
        article(2, 0, "激发民营经济活力", "民营经济 民间投资 推介 招引 回归 总部"),
        article(3, 0, "加快推进城市更新", "城市更新 老旧小区 改造 管网"),
        article(4, 0, "加大对科技支持力度", "科技 研发 攻关 实验室 支持 力度"),
        article(5, 0, "加大对消费支持力度", "消费券 商圈 夜间经济 支持 力度"),
    ]
    got = paired(left, right)
    assert (1, 2) in got
    assert (1, 1) not in got


def test_articles_pair_whatever_section_level_lies_between():
    """第十条 under 第一章 第一节 and 第六条 straight under a chapter are both articles: the 节 one
    side has is no reason to keep them apart."""
    left = [
        chapter(0, "道路运输经营", "客运 许可 申请 审查 经营期限 站点 方案"),
        unit(1, Level.SECTION, "客运", "客运 许可 申请 审查 经营期限", parent=0, depth=1, children=True),
        article(2, 1, "申请从事客运经营的应当提交材料", "申请 客运 材料 许可 决定 审查 二十日", depth=2),
        article(3, 1, "客运班线的经营期限", "经营期限 四年 八年 届满 延续", depth=2),
    ]
    right = [  # no chapter heading survived: the articles stand at the top
        article(0, None, "申请从事道路运输经营的应当提交申请", "申请 开业 材料 许可 颁发 证件", depth=0),
        article(1, None, "线路的经营期限为四到八年", "经营期限 四年 八年 重新 申请 明确", depth=0),
    ]
    got = paired(left, right)
    assert (2, 0) in got and (3, 1) in got
