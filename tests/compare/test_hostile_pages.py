"""Web pages with one huge text node, or an e-mail footer of many short lines, compared against a short text.

The pages are the shapes of ``bench/bench_hostile_html.py`` built small: the bench measures that each
stage grows linearly at 11 MB; these tests check what the comparison says is right, and that the
per-unit and per-text work that must stay bounded (a heading, the script sample) does.
"""

from __future__ import annotations

from pathlib import Path

from bench.bench_hostile_html import page
from policydiff.compare.pipeline import compare_documents
from policydiff.io import load_document
from policydiff.lang.script import DetectConfig, evidence
from policydiff.model import LoadedDocument, Status
from policydiff.structure.parse import CONFIG, parse_structure

SMALL = "第一条 为了规范管理，制定本办法。\n"


def _small() -> LoadedDocument:
    return LoadedDocument(
        path="small.txt", format="txt", encoding="utf-8", text=SMALL, size=len(SMALL.encode())
    )


def test_a_heading_is_cut_on_a_line_without_a_full_stop():
    text = "第一条 " + "字" * 50_000 + "\n第二条 末尾。\n"
    units = parse_structure(text).units
    assert [u.label for u in units] == ["第一条", "第二条"]
    assert set(units[0].heading) == {"字"} and CONFIG.max_heading_chars - 1 <= len(units[0].heading)
    assert len(units[0].heading) <= CONFIG.max_heading_chars
    assert units[0].end - units[0].start > 50_000  # the unit keeps its text; only its heading is cut
    assert units[1].heading == "末尾"


def test_the_script_sample_is_bounded_inside_one_run():
    config = DetectConfig(sample_chars=1_000)
    found = evidence("國" * 100_000, config)  # one run of traditional characters, no punctuation
    assert found.traditional_chars == 1_000


def test_a_page_of_one_text_node_compares_with_all_its_text(tmp_path: Path):
    path = tmp_path / "node.html"
    path.write_text(page("text-node", 200_000), encoding="utf-8")
    comparison = compare_documents(load_document(str(path)), _small())
    left = comparison.left.document.text
    assert left.count("字") == 200_000 and left.endswith("末尾")
    headings = [u.heading for u in comparison.left.tree.units]
    assert max(map(len, headings)) <= CONFIG.max_heading_chars
    assert [p.status for p in comparison.pairs].count(Status.UNCHANGED) == 0


def test_an_e_mail_with_a_long_footer_keeps_its_articles_paired(tmp_path: Path):
    path = tmp_path / "mail.html"
    path.write_text(page("mail-footer", 300_000), encoding="utf-8")
    comparison = compare_documents(load_document(str(path)), _small())
    assert comparison.left.document.text.count("@example.com") == 300_000 // 72
    first = comparison.pairs[0]
    assert first.left is not None and first.right is not None and first.status == Status.UNCHANGED
