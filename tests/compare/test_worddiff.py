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


def _weighted_reference(left, right, a, b):
    """The weighted diff as first written: one dictionary look-up and one owner per character."""
    from rapidfuzz.distance import Indel

    from policydiff.compare import worddiff as w

    table = {}

    def expand(words, side):
        codes, owner = [], []
        for i, word in enumerate(words):
            for k in range(max(len(word), 1)):
                code = table.get((word, k))
                if code is None:
                    n = w._FIRST_CODE + len(table)
                    if n >= w._SURROGATES.start:
                        n += len(w._SURROGATES)
                    if n > w._LAST_CODE:
                        codes.append(w._OVERFLOW[side])
                        owner.append(i)
                        continue
                    code = table[(word, k)] = chr(n)
                codes.append(code)
                owner.append(i)
        return "".join(codes), owner

    ca, owner_a = expand(left, 0)
    cb, owner_b = expand(right, 1)
    matched = {}
    for op in Indel.opcodes(ca, cb):
        if op.tag == "equal":
            for t in range(op.src_end - op.src_start):
                key = (owner_a[op.src_start + t], owner_b[op.dest_start + t])
                matched[key] = matched.get(key, 0) + 1
    pairs = sorted((i, j) for (i, j), n in matched.items() if n == max(len(left[i]), 1))
    diffs, pi, pj = [], 0, 0
    for i, j in pairs:
        if i < pi or j < pj:
            continue
        if i > pi:
            diffs.append((-1, a[pi:i]))
        if j > pj:
            diffs.append((1, b[pj:j]))
        if diffs and diffs[-1][0] == 0:
            diffs[-1] = (0, diffs[-1][1] + a[i])
        else:
            diffs.append((0, a[i]))
        pi, pj = i + 1, j + 1
    if pi < len(a):
        diffs.append((-1, a[pi:]))
    if pj < len(b):
        diffs.append((1, b[pj:]))
    return diffs


_WORDS = st.lists(
    st.sampled_from(["支持", "企业", "", "高质量", "发展", "，", "60", "亿元", "a"]), max_size=30
)


@given(_WORDS, _WORDS)
def test_weighted_diff_matches_the_words_the_per_character_form_matches(left, right):
    """Codes are kept per word once every character of it has one: the same codes, the same LCS."""
    from policydiff.compare import worddiff as w

    table = {}
    a, b = w._encode(left, table, 0), w._encode(right, table, 1)
    assert w._weighted_diffs(left, right, a, b) == _weighted_reference(left, right, a, b)


def test_weighted_diff_past_the_last_code_still_matches(monkeypatch):
    """Past the code space a word's characters share the side's overflow code, as before."""
    from policydiff.compare import worddiff as w

    left, right = ["甲乙", "丙", "丁戊己", "甲乙"], ["甲乙", "丁戊己", "庚", "甲乙"]
    monkeypatch.setattr(w, "_LAST_CODE", w._FIRST_CODE + 3)
    table = {}
    a, b = w._encode(left, table, 0), w._encode(right, table, 1)
    assert w._weighted_diffs(left, right, a, b) == _weighted_reference(left, right, a, b)  # 6 keys, 4 codes


def test_weighted_diff_across_the_surrogate_gap_still_matches(monkeypatch):
    """Codes skip the surrogates as before when a word's codes reach them."""
    from policydiff.compare import worddiff as w

    left, right = ["甲乙", "丙", "丁戊己", "甲乙", "庚辛"], ["甲乙", "丁戊己", "庚辛", "甲乙"]
    monkeypatch.setattr(w, "_FIRST_CODE", w._SURROGATES.start - 4)
    table = {}
    a, b = w._encode(left, table, 0), w._encode(right, table, 1)
    assert w._weighted_diffs(left, right, a, b) == _weighted_reference(left, right, a, b)
