"""The aligner on hand-made unit features: renumbering, rewording, moves, additions, removals."""

from collections import Counter

from policydiff.compare.align import UnitFeatures, align_units, arrange
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


def _leaf(index, text, parent=None):
    return UnitFeatures(index, Level.ARTICLE, 1, parent, False, text[:6], Counter(), None, text)


MERGE_LEFT = [
    UnitFeatures(0, Level.CHAPTER, 0, None, True, "投资", Counter(), None, "扩大有效投资政策"),
    _leaf(1, "向上争取中央预算内投资和超长期特别国债资金支持重大项目建设", 0),
    _leaf(2, "加强用地用林用海要素保障，优先保障重大项目新增建设用地指标", 0),
    _leaf(3, "强化用能要素保障，新上项目能耗指标由省统筹解决", 0),
]
MERGE_RIGHT = [
    UnitFeatures(0, Level.CHAPTER, 0, None, True, "投资", Counter(), None, "扩大有效投资政策"),
    _leaf(
        1,
        "向上争取中央预算内投资和超长期特别国债资金支持重大项目建设，加强用地用林用海要素保障，优先保障重大项目新增建设用地指标",
        0,
    ),
    _leaf(2, "强化用能要素保障，新上项目能耗指标由省统筹解决", 0),
]


def test_a_left_over_unit_covered_by_its_neighbours_counterpart_is_a_merge():
    from policydiff.compare.groups import find_groups

    pairs = [(0, 0), (1, 1), (2, None), (3, 2)]
    kept, groups = find_groups(MERGE_LEFT, MERGE_RIGHT, pairs)
    assert kept == [(0, 0), (1, 1), (3, 2)]
    assert groups.also_left == {(1, 1): [2]} and groups.also_right == {}
    # the same seen from the other side is a split
    mirrored = [(b, a) for a, b in pairs]
    kept, groups = find_groups(MERGE_RIGHT, MERGE_LEFT, mirrored)
    assert groups.also_right == {(1, 1): [2]} and groups.also_left == {}


def test_groups_never_touch_paired_units_or_units_the_user_unpaired():
    from policydiff.compare.groups import find_groups

    pairs = [(0, 0), (1, 1), (2, None), (3, 2)]
    _, groups = find_groups(MERGE_LEFT, MERGE_RIGHT, pairs, fixed={(2, None)})
    assert groups.also_left == {}
    # one-to-one pairs stay as they are, however much they share
    left = [MERGE_LEFT[0], MERGE_LEFT[1], _leaf(2, MERGE_LEFT[3].text, 0)]
    kept, groups = find_groups(left, MERGE_RIGHT, [(0, 0), (1, 1), (2, 2)])
    assert kept == [(0, 0), (1, 1), (2, 2)] and not groups.also_left and not groups.also_right


def test_a_left_over_unit_sharing_only_scattered_characters_stays_removed():
    from policydiff.compare.groups import find_groups

    left = [*MERGE_LEFT[:2], _leaf(2, "支持海洋渔业发展，对渔船燃油给予补助", 0), MERGE_LEFT[3]]
    _, groups = find_groups(left, MERGE_RIGHT, [(0, 0), (1, 1), (2, None), (3, 2)])
    assert groups.also_left == {}
