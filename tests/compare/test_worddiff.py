"""Word diff on token lists: chunks tile both sides, a changed phrase is one chunk."""

from hypothesis import given
from hypothesis import strategies as st

from policydiff.compare.worddiff import DiffConfig, diff_tokens
from policydiff.model import Op


def _rebuild(chunks, left, right):
    got_left, got_right = [], []
    for c in chunks:
        if c.op in (Op.EQUAL, Op.DELETE, Op.REPLACE):
            got_left.extend(left[c.l0 : c.l1])
        if c.op in (Op.EQUAL, Op.INSERT, Op.REPLACE):
            got_right.extend(right[c.r0 : c.r1])
        if c.op == Op.EQUAL:
            assert left[c.l0 : c.l1] == right[c.r0 : c.r1]
    return got_left, got_right


def test_identical_is_one_equal_chunk():
    words = ["争取", "中央", "预算内", "投资"]
    assert [c.op for c in diff_tokens(words, list(words))] == [Op.EQUAL]


def test_changed_figure_is_a_replace_between_equals():
    left = ["争取", "中央", "预算内", "投资", "不少于", "60", "亿元", "，", "全省", "投放"]
    right = ["争取", "中央", "预算内", "投资", "不少于", "80", "亿元", "，", "全省", "投放"]
    chunks = diff_tokens(left, right)
    assert [c.op for c in chunks] == [Op.EQUAL, Op.REPLACE, Op.EQUAL]
    assert left[chunks[1].l0 : chunks[1].l1] == ["60"]
    assert right[chunks[1].r0 : chunks[1].r1] == ["80"]


def test_pure_insert_and_delete():
    assert [c.op for c in diff_tokens(["a", "b"], ["a", "x", "b"])] == [Op.EQUAL, Op.INSERT, Op.EQUAL]
    assert [c.op for c in diff_tokens(["a", "x", "b"], ["a", "b"])] == [Op.EQUAL, Op.DELETE, Op.EQUAL]
    assert [c.op for c in diff_tokens([], ["a"])] == [Op.INSERT]


def test_texts_past_the_cell_budget_are_diffed_by_sentences_then_words_and_still_tile():
    left = (["甲", "乙", "。"] * 50) + ["\n"]
    right = (["甲", "乙", "。"] * 49) + ["丙", "。", "\n"]
    chunks = diff_tokens(left, right, DiffConfig(max_cells=5_000))
    assert _rebuild(chunks, left, right) == (left, right)
    assert any(c.op != Op.EQUAL for c in chunks)
    # the changed sentence is diffed word by word: 。 is still shown as shared
    changed = [c for c in chunks if c.op != Op.EQUAL]
    assert sum(c.l1 - c.l0 for c in changed) <= 2


@given(
    st.lists(st.sampled_from(["政策", "支持", "60", "亿元", "，", "。", "企业", "\n"]), max_size=40),
    st.lists(st.sampled_from(["政策", "支持", "80", "亿元", "，", "。", "单位", "\n"]), max_size=40),
)
def test_chunks_rebuild_both_sides(left, right):
    chunks = diff_tokens(left, right)
    assert _rebuild(chunks, left, right) == (left, right)
    for a, b in zip(chunks, chunks[1:]):
        assert a.l1 == b.l0 and a.r1 == b.r0
