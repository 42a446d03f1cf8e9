"""Page furniture is furniture everywhere: one detector for HTML pages and for their text scraped into
a .txt file; what no unit holds is listed, dimmed in the panes, named in the report and the JSON.

Real texts: the sample pair's Taiwan news page (seed 002, scraped with its menu bar, breadcrumb,
publication bar, news lead and footer), every seed wrapped in a gov page's furniture as a text
file, and a gov page saved as HTML with a one-line related-attachment list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents
from policydiff.io import load_document
from policydiff.io.web.chrome import is_chrome_line
from policydiff.lang.furniture import Furniture, furniture_kind, is_furniture_line
from policydiff.model import LoadedDocument, Status
from policydiff.structure.lines import fold, is_junk
from policydiff.structure.parse import OUTSIDE, parse_structure
from tests.conftest import SEED

# A gov site's furniture, as a browser's "save as text" or a copy-paste keeps it.
HEAD = [
    "首页 机构 政务公开 政务服务 互动交流 数据开放",
    "您的位置：首页 > 政务公开 > 政策文件",
    "发布时间：2024-03-01 09:30  来源：市发展改革委  浏览次数：1024",
    "【字号：大 中 小】 【打印本页】 【关闭窗口】",
]
TAIL = [
    "分享到：微信 微博 QQ空间",
    "相关附件：1.实施意见.pdf 2.申报表.xlsx",
    "主办单位：某某市人民政府办公室  网站标识码：3301000001  浙ICP备05000000号",
]


def _doc(text: str, name: str = "page.txt") -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


@pytest.mark.parametrize("line", HEAD + TAIL)
def test_the_html_reader_and_the_text_parser_judge_a_line_alike(line: str) -> None:
    assert is_chrome_line(line) and is_junk(line) and is_furniture_line(line, fold(line))


@pytest.mark.parametrize(
    "line",
    [
        "本条例所称版权所有人，是指依法享有著作权的自然人。",  # a sentence mentioning furniture words
        "附件：1.关于进一步推动经济高质量发展的若干政策",  # an attachment title of the document
        "（联系人：张三，电话：0571-87654321）",  # a notice's contact line is content
        "一、总体要求",
    ],
)
def test_document_lines_are_no_furniture(line: str) -> None:
    assert not is_furniture_line(line, fold(line))


def test_the_kinds_a_report_names() -> None:
    assert furniture_kind("您的位置:首頁\xa0>\xa0要聞 新聞詳情") == Furniture.NAVIGATION
    assert furniture_kind("發佈時間 | 2024-02-21 14:16:29", fold("發佈時間 | 2024-02-21 14:16:29")) == (
        Furniture.PUBLICATION
    )
    assert furniture_kind("相关附件：1.实施意见.pdf") == Furniture.LINKS
    assert furniture_kind("新闻投稿:184042016@qq.com") == Furniture.FOOTER


def test_the_sample_news_page_lists_what_it_leaves_out() -> None:
    text = load_document(SEED["002"]).text
    tree = parse_structure(text)
    found = [(kind, text[s:e]) for s, e, kind in tree.left_out]
    kinds = [kind for kind, _ in found]
    assert kinds.count(OUTSIDE) == 2  # the news headline and its lead, before the policy's title
    assert sum(k != OUTSIDE for k in kinds) == 5  # menu, breadcrumb, date bar, source bar, footer
    assert text[tree.units[0].start :].startswith("關於進一步推動經濟高品質發展的若干政策")
    assert found[1] == ("navigation", "您的位置:首頁\xa0>\xa0要聞 新聞詳情")
    assert all(e <= tree.units[0].start or s >= tree.units[0].end for s, e, _ in tree.left_out)
    # the policy itself is all compared
    assert not [s for s, e, _ in tree.left_out if tree.body_start <= s < tree.body_end]


@pytest.mark.parametrize("seed", sorted(SEED))
def test_a_seed_scraped_with_gov_furniture_compares_as_the_seed(seed: str) -> None:
    """Each seed pasted between a gov page's furniture: the same units, every furniture line left out."""
    source = load_document(SEED[seed])
    page = _doc("\n".join(HEAD) + "\n\n" + source.text.strip("\n") + "\n\n" + "\n".join(TAIL) + "\n")
    comparison = compare_documents(source, page)
    changed = [p for p in comparison.pairs if p.status != Status.UNCHANGED]
    assert changed == []
    left_out = comparison.right.tree.left_out
    expected = len(HEAD) + len(TAIL) + len(comparison.left.tree.left_out)
    assert len(left_out) == expected
    furniture = [page.text[s:e] for s, e, kind in left_out if kind != OUTSIDE]
    assert set(HEAD + TAIL) <= set(furniture)


def test_a_gov_page_saved_as_html_drops_its_one_line_attachment_list(tmp_path: Path) -> None:
    body = load_document(SEED["000"]).text
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>政策</title></head><body>"
        f"<div class='content'>{paragraphs}</div>"
        "<p>相关附件：<a href='/a/1.pdf'>1.实施意见.pdf</a> <a href='/a/2.xlsx'>2.申报表.xlsx</a></p>"
        "</body></html>",
        encoding="utf-8",
    )
    loaded = load_document(page)
    assert "实施意见.pdf" not in loaded.text
    comparison = compare_documents(load_document(SEED["000"]), loaded)
    assert [p for p in comparison.pairs if p.status != Status.UNCHANGED] == []


def test_the_report_and_the_json_name_what_was_left_out(tmp_path: Path) -> None:
    out, html = tmp_path / "c.json", tmp_path / "r.html"
    assert main(["compare", str(SEED["000"]), str(SEED["002"]), "--json", str(out), "--html", str(html)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["left"]["left_out"] == []
    right = data["right"]["left_out"]
    assert [m["kind"] for m in right][:2] == ["navigation", "navigation"]
    text = data["right"]["text"]
    assert text[slice(*right[1]["span"])].startswith("您的位置")
    report = html.read_text(encoding="utf-8")
    assert "未比较" in report and "导航：您的位置:首頁 &gt; 要聞" in report


def test_a_page_saved_as_html_and_as_text_leaves_out_the_same_furniture(tmp_path: Path) -> None:
    """One detector: the HTML reader drops (and names) the lines the text parser leaves out."""
    body = load_document(SEED["003"]).text.strip("\n").splitlines()
    lines = [*HEAD, *body, *TAIL]
    html_file = tmp_path / "page.html"
    html_file.write_text(
        "<html><head><meta charset='utf-8'></head><body>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</body></html>",
        encoding="utf-8",
    )
    text_file = tmp_path / "page.txt"
    text_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    as_html, as_text = load_document(html_file), load_document(text_file)
    [notice] = [n for n in as_html.notices if n.startswith("page furniture left out")]
    assert f"{len(HEAD) + len(TAIL)} lines" in notice and "您的位置" in notice
    tree = parse_structure(as_text.text)
    furniture = [as_text.text[s:e] for s, e, kind in tree.left_out if kind != OUTSIDE]
    assert furniture == HEAD + TAIL
    assert not any(line in as_html.text for line in HEAD + TAIL)
    comparison = compare_documents(as_text, as_html)
    assert [p for p in comparison.pairs if p.status != Status.UNCHANGED] == []
