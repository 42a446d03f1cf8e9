"""One policy against many: verdicts on generated families with known answers, the seed set, outputs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from policydiff.cli import EXIT_CHILD_UNREADABLE, main
from policydiff.coverage.html import render_coverage
from policydiff.coverage.jsonform import coverage_to_json
from policydiff.coverage.matrix import Coverage, CoverageConfig, Verdict, build_coverage
from policydiff.coverage.xlsx import coverage_to_xlsx
from policydiff.io import load_document
from policydiff.lang.numerals import cn_numeral
from policydiff.model import Level
from policydiff.structure.parse import parse_structure
from tests.conftest import SEED

pytestmark = pytest.mark.slow  # each module fixture compares three documents with the parent

REFINEMENT = "结合本地产业基础，制定具体实施细则，明确分工安排、时间节点和工作台账，定期通报进展情况，并对工作成效开展第三方评估。"
OWN_ADDITIONS = [
    "建设数字贸易示范区，培育一批跨境电商综合服务企业，打造区域性数字贸易枢纽。",
    "设立青年创业服务驿站，为高校毕业生提供场地、导师、融资对接等一站式服务。",
]
_DIGITS = re.compile(r"\d+(?:\.\d+)?(?=[万亿]?[元亩个家%])")


def _scaled(text: str, factor: float) -> str:
    """The text with its first figure's number scaled (60亿元 × 2 → 120亿元)."""
    match = _DIGITS.search(text)
    assert match, text
    value = float(match.group()) * factor
    new = f"{value:g}"
    return text[: match.start()] + new + text[match.end() :]


def _label(number: int, cn_numbering: bool) -> str:
    return f"（{cn_numeral(number)}）" if cn_numbering else f"{number}."


def _family_child(plan: dict[int, str], cn_numbering: bool) -> str:
    """Seed 000 rewritten as a city would: articles by their ordinal get an action from ``plan``
    (omit, raise, lower, refine, loosen; anything else is adopted), renumbered, with additions."""
    text = load_document(SEED["000"]).text
    tree = parse_structure(text)
    out: list[str] = []
    article = written = 0
    last_chapter_end = None
    for unit in tree.units:
        own = text[unit.start : unit.own_end].strip()
        if unit.level != Level.ARTICLE:
            out.append(own)
            continue
        article += 1
        action = plan.get(article, "adopt")
        body = own[len(unit.label) :]
        if action == "omit":
            continue
        if action == "raise":
            body = _scaled(body, 2)
        elif action == "lower":
            body = _scaled(body, 0.5)
        elif action == "refine":
            body = body + REFINEMENT + REFINEMENT.replace("第三方", "年度")
        elif action == "loosen":
            assert "支持" in body, body
            body = body.replace("支持", "鼓励", 1)
        written += 1  # a city numbers its own articles consecutively
        out.append(_label(written, cn_numbering) + body)
        last_chapter_end = len(out)
    assert last_chapter_end is not None
    for k, addition in enumerate(OWN_ADDITIONS, 1):
        out.insert(
            last_chapter_end + k - 1,
            _label(written + k, cn_numbering) + addition,
        )
    return "\n".join(out) + "\n"


def _articles_with(predicate) -> list[int]:  # type: ignore[no-untyped-def]
    text = load_document(SEED["000"]).text
    tree = parse_structure(text)
    articles = [u for u in tree.units if u.level == Level.ARTICLE]
    return [k for k, u in enumerate(articles, 1) if predicate(text[u.start + len(u.label) : u.own_end])]


@pytest.fixture(scope="module")
def family(tmp_path_factory) -> tuple[Coverage, list[dict[int, str]]]:  # type: ignore[no-untyped-def]
    with_figure = _articles_with(lambda body: bool(_DIGITS.search(body)))
    with_support = [k for k in _articles_with(lambda body: "支持" in body and not _DIGITS.search(body))]
    plans = [
        {},  # adopts everything
        {with_figure[0]: "raise", with_figure[1]: "lower", 3: "omit", 7: "omit", with_support[0]: "loosen"},
        {with_figure[2]: "raise", 10: "refine", 12: "refine", 20: "omit"},
    ]
    folder = tmp_path_factory.mktemp("family")
    paths = []
    for k, plan in enumerate(plans):
        path = folder / f"child-{k}.txt"
        path.write_text(_family_child(plan, cn_numbering=k % 2 == 1), encoding="utf-8")
        paths.append(str(path))
    return build_coverage(str(SEED["000"]), paths, config=CoverageConfig(workers=2)), plans


def test_every_generated_verdict_is_recovered(family):
    coverage, plans = family
    expected_for = {
        "omit": Verdict.MISSING,
        "raise": Verdict.RAISED,
        "lower": Verdict.WEAKENED,
        "refine": Verdict.REFINED,
        "loosen": Verdict.WEAKENED,
    }
    article_rows = [row for row in coverage.rows if row.unit.level == Level.ARTICLE]
    wrong = []
    for child, plan in enumerate(plans):
        for ordinal, row in enumerate(article_rows, 1):
            expected = expected_for.get(plan.get(ordinal, "adopt"), Verdict.ADOPTED)
            cell = row.cells[child]
            if cell is None or cell.verdict != expected:
                wrong.append(
                    (child, ordinal, expected, cell.verdict if cell else None, cell.why if cell else "")
                )
    assert wrong == []


def test_additions_and_explanations(family):
    coverage, plans = family
    for k in range(len(plans)):
        added = [u.heading for u in coverage.additions[k]]
        assert added == [a.rstrip("。") for a in OWN_ADDITIONS]
    raised = next(c for row in coverage.rows for c in row.cells[1:2] if c and c.verdict == Verdict.RAISED)
    assert "→" in raised.why and "相似度" in raised.why
    assert coverage.counts(0)[Verdict.ADOPTED] >= 58  # every article (and chapters) adopted as it stands


@pytest.fixture(scope="module")
def seeds_coverage() -> Coverage:
    children = [str(SEED["002"]), str(SEED["001"]), str(SEED["003"])]
    return build_coverage(str(SEED["000"]), children)


def test_the_seed_set_shows_other_editions_as_weaker_coverage(seeds_coverage):
    hangzhou, huzhou, jiaojiang = (seeds_coverage.counts(k) for k in range(3))
    assert hangzhou[Verdict.MISSING] < huzhou[Verdict.MISSING]
    assert hangzhou[Verdict.MISSING] < jiaojiang[Verdict.MISSING]
    rows = [r for r in seeds_coverage.rows if r.unit.level == Level.ARTICLE]
    assert len(rows) == 58
    assert all(len(r.cells) == 3 and all(c is not None for c in r.cells) for r in rows)


def test_an_unreadable_child_marks_its_column_and_the_rest_completes(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    coverage = build_coverage(
        str(SEED["000"]), [str(empty), str(SEED["002"])], config=CoverageConfig(workers=1)
    )
    assert coverage.failed == 1 and "empty" in (coverage.children[0].error or "")
    assert all(row.cells[0] is None and row.cells[1] is not None for row in coverage.rows)
    data = coverage_to_json(coverage)
    assert data["children"][0]["error"] and data["rows"][0]["cells"][0] is None


def test_json_html_and_xlsx_hold_the_same_matrix(seeds_coverage, tmp_path: Path):
    data = json.loads(json.dumps(coverage_to_json(seeds_coverage), allow_nan=False))
    assert data["schema"] == "policydiff.coverage/1"
    assert len(data["rows"]) == len(seeds_coverage.rows)
    assert [s["missing"] for s in data["summary"]] == [
        seeds_coverage.counts(k)[Verdict.MISSING] for k in range(3)
    ]
    cell = data["rows"][5]["cells"][0]
    assert set(cell) >= {"verdict", "units", "similarity", "figures", "why"}

    pages = render_coverage(seeds_coverage, "matrix.html")
    assert list(pages)[0] == "matrix.html" and len(pages) == 4
    soup = BeautifulSoup(pages["matrix.html"], "html.parser")
    body_rows = soup.select("#matrix tbody tr")
    assert len(body_rows) == len(seeds_coverage.rows)
    link = soup.select_one("#matrix tbody td a")["href"]
    page, anchor = link.split("#")
    assert BeautifulSoup(pages[page], "html.parser").find(id=anchor) is not None

    from openpyxl import load_workbook

    path = tmp_path / "m.xlsx"
    path.write_bytes(coverage_to_xlsx(seeds_coverage))
    book = load_workbook(path)
    matrix = book["覆盖矩阵"]
    assert matrix.max_row == len(seeds_coverage.rows) + 2  # the children's titles, then the columns
    assert {matrix.cell(row=r, column=3).value for r in range(3, matrix.max_row + 1)} <= {
        "照搬",
        "细化",
        "加码",
        "弱化",
        "部分落实",
        "缺失",
    }


def test_the_workbook_prints_landscape_fitted_with_titles_and_labels_on_every_page(
    seeds_coverage, tmp_path: Path
):
    """It printed on 19 portrait pages, the verdicts on pages apart from their row labels."""
    from openpyxl import load_workbook

    from policydiff.coverage.xlsx import CHILDREN_PER_PAGE

    path = tmp_path / "m.xlsx"
    path.write_bytes(coverage_to_xlsx(seeds_coverage))
    matrix = load_workbook(path)["覆盖矩阵"]
    setup = matrix.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # 9: A4
    assert matrix.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1
    assert setup.fitToHeight == 0  # as many pages down as needed
    assert matrix.print_title_rows == "$1:$2" and matrix.print_title_cols == "$A:$B"
    for k, child in enumerate(seeds_coverage.children):  # titles head the columns, the file in a note
        header = matrix.cell(row=1, column=3 + 4 * k)
        assert child.title.startswith(str(header.value).rstrip("…")) and child.name not in header.value
        assert header.comment is not None and header.comment.text == child.name
        assert f"{header.coordinate}:{matrix.cell(row=1, column=6 + 4 * k).coordinate}" in {
            str(r) for r in matrix.merged_cells.ranges
        }
    # more children than fit readably on one page: a fixed scale, breaking only between children
    many = replace(seeds_coverage, children=seeds_coverage.children * 2)
    many = replace(many, rows=tuple(replace(r, cells=r.cells * 2) for r in many.rows))
    many = replace(many, additions=many.additions * 2)
    path.write_bytes(coverage_to_xlsx(many))
    wide = load_workbook(path)["覆盖矩阵"]
    assert not wide.sheet_properties.pageSetUpPr.fitToPage and 30 <= wide.page_setup.scale < 100
    assert [b.id for b in wide.col_breaks.brk] == [2 + 4 * CHILDREN_PER_PAGE]


def test_the_command_writes_every_output_and_says_when_a_child_failed(tmp_path: Path, capsys, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the summary in the locale's words
    out = tmp_path / "m.html"
    code = main(
        [
            "coverage",
            str(SEED["000"]),
            str(SEED["002"]),
            str(tmp_path / "missing.txt"),
            "--html",
            str(out),
            "--json",
            str(tmp_path / "m.json"),
            "--xlsx",
            str(tmp_path / "m.xlsx"),
        ]
    )
    assert code == EXIT_CHILD_UNREADABLE
    assert out.is_file() and (tmp_path / "m.html.files" / "child-1.html").is_file()
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["children"][1]["error"]
    captured = capsys.readouterr()
    assert "照搬" in captured.out and "份无法读取" in captured.err
    assert f"已写入 {out}" in captured.out
    # one progress line per child, on standard error (standard output may be the JSON)
    assert "[1/2]" in captured.err and "[2/2]" in captured.err
    assert main(["coverage", str(tmp_path / "nope.txt"), str(SEED["002"])]) == 1


def test_the_matrix_names_each_childs_responsible_units(seeds_coverage):
    """Owners compare by role: Jiaojiang's 区经科局 replacing the province's 省经信厅 is a change."""
    jiaojiang = 2
    cells = [r.cells[jiaojiang] for r in seeds_coverage.rows if r.unit.label == "三、"]
    assert cells and cells[0] is not None
    assert "区经科局" in cells[0].owners and cells[0].owners_changed
    first = next(r.cells[jiaojiang] for r in seeds_coverage.rows if r.unit.label == "一、")
    assert first is not None and first.owners == ("区发改局",) and not first.owners_changed
    data = coverage_to_json(seeds_coverage)
    assert any(c and c["owners_changed"] for row in data["rows"] for c in row["cells"])
    html = render_coverage(seeds_coverage, "m.html")["m.html"]
    assert "责任单位：区经科局" in html


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("chromium") is None or shutil.which("pdftotext") is None, reason="needs chromium"
)
def test_the_printed_matrix_has_no_browser_date_or_url_and_its_counts_once(seeds_coverage, tmp_path: Path):
    """Printed, the page showed the browser's date and file:// URL and the six count lines on every page."""
    from tests.fixtures.pdf.render import chromium_pdf

    page = render_coverage(seeds_coverage, "m.html")["m.html"]
    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(chromium_pdf(page, header_footer=True))  # the browser's furniture left on
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) > 1
    assert "file://" not in text and not re.search(r"\d+/\d+/\d+, \d+:\d+", text)
    assert text.count("自有新增条目") == 1  # the counts, after the last row only
    assert all("一对多对照" in p for p in pages if p.strip())  # its own running header instead
    assert re.search(r"第 2 页 / 共 \d+ 页", text)
