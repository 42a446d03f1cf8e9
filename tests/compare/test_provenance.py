"""Clause-level provenance: each clause of a unit traced into the other document, wherever it lives."""

from __future__ import annotations

from policydiff.compare.provenance import ClauseStatus, ProvenanceConfig, Tracer, split_clauses
from policydiff.structure.parse import parse_structure

PARENT = """一、资源要素
1.优化资源要素配置。对研发费用占营业收入比重高于5%的企业，鼓励各地安排用电、用地等要素优先保障。对省级部门发文确认的高新技术产业投资项目，其高可靠性供电费用按国家规定标准下限收取。
2.加强金融服务。鼓励银行机构设立科技支行，开发知识产权质押融资产品，扩大首贷户覆盖面。
"""

# The city kept both sentences of 1., in traditional script, at the end of (二) and inside (五);
# 2. has no counterpart.
CHILD = """一、要素保障
(一)加強用地保障。全市計劃供應建設用地6萬畝，優先保障重大項目。
(二)更大力度實施企業研發投入補助政策。對經認定的科技型企業按研發投入給予補助。對研發費用佔營業收入比重高於5%的企業，鼓勵各地安排用電、用地等要素優先保障。
(三)推進城市更新。實施老舊小區改造，完善社區服務設施。
(四)做強消費平臺。建設夜間經濟集聚區，舉辦促消費活動。
(五)強化用能要素保障。保障新上重大項目用能。對省級部門發文確認的高新技術產業投資項目，其高可靠性供電費用按國家規定標準下限收取。
"""


def _units(text):
    return parse_structure(text).units


def test_a_heading_is_read_with_the_sentence_after_it():
    text = "1.优化配置。对研发费用占营业收入比重高于5%的企业优先保障。对省级部门确认的投资项目按国家规定标准下限收取供电费用。"
    unit = _units(text)[-1]
    clauses = split_clauses(text, unit.start + len(unit.label), unit.own_end, ProvenanceConfig())
    assert [text[a:b] for a, b in clauses] == [
        "优化配置。对研发费用占营业收入比重高于5%的企业优先保障。",
        "对省级部门确认的投资项目按国家规定标准下限收取供电费用。",
    ]


def test_a_long_sentence_is_cut_at_its_semicolons():
    long_part = "完善科技成果转化收益分配机制，对作出重要贡献的人员给予奖励"
    text = f"1.{long_part}；{long_part.replace('奖励', '股权激励')}；{long_part.replace('人员', '团队')}。"
    unit = _units(text)[-1]
    clauses = split_clauses(text, unit.start + len(unit.label), unit.own_end, ProvenanceConfig())
    assert len(clauses) == 3 and text[clauses[0][0] : clauses[0][1]].endswith("；")


def test_each_clause_is_found_where_it_lives_even_far_apart_and_in_traditional_script():
    parent, child = _units(PARENT), _units(CHILD)
    tracer = Tracer(PARENT, CHILD, child)
    first = next(u for u in parent if u.label == "1.")
    clauses = tracer.trace(first)
    assert len(clauses) == 2
    assert [c.places[0].unit.label for c in clauses] == ["(二)", "(五)"]
    assert all(c.status == ClauseStatus.KEPT for c in clauses)
    a, b = clauses[1].places[0].span
    assert CHILD[a:b].startswith("對省級部門發文確認") and CHILD[a:b].endswith("下限收取")


def test_a_clause_said_nowhere_is_missing():
    parent, child = _units(PARENT), _units(CHILD)
    second = next(u for u in parent if u.label == "2.")
    clauses = Tracer(PARENT, CHILD, child).trace(second)
    assert clauses and all(c.status == ClauseStatus.MISSING and c.places == () for c in clauses)
