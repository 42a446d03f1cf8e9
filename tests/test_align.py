"""The aligner on hand-made unit features: renumbering, rewording, moves, additions, removals."""

from collections import Counter

from policydiff.align import UnitFeatures, align_units, arrange
from policydiff.model import Level


def unit(index, level, heading, words, parent=None, depth=0, children=False, number=None):
    return UnitFeatures(
        index, level, depth, parent, children, heading, Counter(words.split()), number, heading + words
    )


def chapter(index, heading, words):
    return unit(index, Level.CHAPTER, heading, words, children=True)


def article(index, parent, heading, words):
    return unit(index, Level.ARTICLE, heading, words, parent=parent, depth=1)


LEFT = [
    chapter(0, "扩大有效投资政策", "投资 项目 专项债券 用地 用能 贷款 管网"),
    article(1, 0, "发挥重大项目带动作用", "重大项目 项目库 审批 要素保障"),
    article(2, 0, "向上争取资金支持", "专项债券 国债 中央预算内投资 贷款"),
    article(3, 0, "加强用地要素保障", "建设用地 供应 林地 海域"),
    chapter(4, "科技创新政策", "高校 研发 攻关 人才"),
    article(5, 4, "促进高等教育发展", "高校 学科 大学 人才 引进"),
    article(6, 4, "支持关键核心技术攻关", "攻关 项目 核心技术 首台套"),
    article(7, 4, "推动企业研发投入", "研发 费用 加计扣除 企业"),
]
RIGHT = [
    chapter(0, "扩大有效投资政策", "投资 项目 专项债券 用地 用能 管网"),
    article(1, 0, "发挥省市重大项目带动作用", "重大项目 项目库 审批 要素保障 市级"),
    article(2, 0, "加强用地用林要素保障", "建设用地 供应 林地"),  # order swapped: moved
    article(3, 0, "向上争取资金支援", "专项债券 国债 中央预算内投资"),
    article(4, 0, "全新的消费券政策", "消费券 商圈 夜间经济"),  # added
    chapter(5, "科技创新政策", "高校 研发 攻关 人才"),
    article(6, 5, "建设高水平大学", "高校 学科 大学 人才 引进 博士"),  # reworded heading
    article(7, 5, "推动企业研发投入", "研发 费用 加计扣除 企业"),
    # 支持关键核心技术攻关 removed
]


def test_pairs_by_content_not_number():
    result = align_units(LEFT, RIGHT)
    got = {(a, b) for a, b in result.pairs if a is not None and b is not None}
    assert got == {(0, 0), (1, 1), (2, 3), (3, 2), (4, 5), (5, 6), (7, 7)}
    assert (6, None) in result.pairs
    assert (None, 4) in result.pairs


def test_every_unit_once_and_in_reading_order():
    result = align_units(LEFT, RIGHT)
    lefts = [a for a, _ in result.pairs if a is not None]
    rights = [b for _, b in result.pairs if b is not None]
    assert lefts == list(range(len(LEFT)))
    assert sorted(rights) == list(range(len(RIGHT)))
    # the added article stands after its right-hand predecessor
    order = list(result.pairs)
    assert order.index((None, 4)) > order.index((2, 3))


def test_out_of_order_pair_is_moved():
    result = align_units(LEFT, RIGHT)
    assert len(result.moved & {(2, 3), (3, 2)}) == 1
    assert (5, 6) not in result.moved


def test_article_under_another_chapter_is_moved():
    left = [
        chapter(0, "投资", "投资 项目"),
        article(1, 0, "甲措施", "甲 乙 丙"),
        chapter(2, "科技", "科技 人才"),
        article(3, 2, "丁措施", "丁 戊 己"),
    ]
    right = [
        chapter(0, "投资", "投资 项目"),
        chapter(1, "科技", "科技 人才"),
        article(2, 1, "甲措施", "甲 乙 丙"),
        article(3, 1, "丁措施", "丁 戊 己"),
    ]
    result = align_units(left, right)
    assert (1, 2) in result.moved
    assert (3, 3) not in result.moved


def test_nothing_in_common_stays_unpaired():
    left = [article(0, None, "消费券发放", "消费券 商圈")]
    right = [article(0, None, "海洋渔业补助", "渔船 燃油 补助")]
    result = align_units(left, right)
    assert set(result.pairs) == {(0, None), (None, 0)}


def test_arrange_keeps_manual_mapping():
    result = arrange(LEFT, RIGHT, {1: 2})
    assert (1, 2) in result.pairs
    assert sum(1 for a, b in result.pairs if a is not None and b is not None) == 1


def test_scales_to_thousands_of_units():
    left = [article(i, None, f"措施{i}", f"词{i} 词{i + 1} 共同 要素{i % 50}") for i in range(3000)]
    right = [article(i, None, f"措施{i}", f"词{i} 词{i + 1} 共同 要素{i % 50}") for i in range(3000)]
    result = align_units(left, right)
    assert sum(1 for a, b in result.pairs if a == b) == 3000
