"""The Word export of the 新旧对照表: read back with python-docx, and laid out by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_UNDERLINE
from docx.oxml.ns import qn
from docx.shared import Mm

from policydiff.cli import main
from policydiff.render.docx_table import render_docx
from tests.render.test_report import rewrite_sample, sample

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def read(data: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(data))


def test_three_columns_a4_header_and_page_field():
    doc = read(render_docx(sample()))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert "旧版.txt ↔ 新版.txt" in section.header.paragraphs[0].text
    codes = [e.text.strip() for e in section.footer._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    [table] = doc.tables
    assert [c.text for c in table.rows[0].cells] == ["左：旧版.txt", "右：新版.txt", "说明"]
    assert len(table.rows) == 1 + len(sample().pairs)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page


def test_changed_words_and_figures_are_marked():
    doc = read(render_docx(sample()))
    row = doc.tables[0].rows[3]  # 1.向上争取资金支持: 6|8 0亿元, 重点 inserted, 省级 deleted
    left_runs = [r for p in row.cells[0].paragraphs for r in p.runs]
    right_runs = [r for p in row.cells[1].paragraphs for r in p.runs]
    assert any(r.font.strike and r.text == "省级" for r in left_runs)
    assert any(r.font.underline and r.text == "重点" for r in right_runs)
    assert any(r.font.highlight_color is not None and "8" in r.text for r in right_runs)
    notes = row.cells[2].text
    assert "中央预算内投资：60亿元 → 80亿元" in notes and "+20亿元" in notes


def test_unchanged_units_show_their_heading_and_absent_sides_say_so():
    doc = read(render_docx(sample()))
    rows = doc.tables[0].rows
    assert rows[1].cells[0].text.startswith("为深入贯彻落实")  # the unchanged preamble, collapsed
    added = rows[5]  # 3.设立产业基金: only on the right
    assert (
        added.cells[0].text == "（无对应内容）"
        and "新增条目中的数字（1 个）：无 → 20亿元左右" in added.cells[2].text
    )


def test_cli_writes_the_docx(tmp_path):
    out = tmp_path / "对照.docx"
    left, right = sorted(SEEDS.glob("00[02]_*.txt"))
    assert main(["compare", str(left), str(right), "--docx", str(out)]) == 0
    doc = read(out.read_bytes())
    assert len(doc.tables[0].columns) == 3 and len(doc.tables[0].rows) > 50
    assert not list(tmp_path.glob(".policydiff-*"))
    assert main(["compare", str(left), str(right), "--docx", str(left)]) == 1  # never over an input


@pytest.mark.slow
def test_libreoffice_lays_it_out_with_page_numbers(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    path = tmp_path / "table.docx"
    path.write_bytes(render_docx(sample()))
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "table.pdf"
    assert pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = "".join(text.split())
        assert "第1页/共1页" in flat and "旧版.txt↔新版.txt" in flat and "说明" in flat


def test_the_notes_column_names_changes_in_meaning():
    from policydiff.compare.pipeline import compare_files

    comparison = compare_files(
        str(SEEDS / "000_22597a2fc5b61001.txt"), str(SEEDS / "003_382b0033226e8008.txt")
    )
    [table] = read(render_docx(comparison)).tables
    notes = [row.cells[2].text for row in table.rows[1:]]
    assert sum("责任单位" in n for n in notes) == comparison.summary.responsible_changed > 0
    assert any("区经科局" in n for n in notes)


def test_a_rewrite_marks_new_text_and_its_shared_phrases_as_the_report_does():
    """A pair under the rewrite threshold: text only one side has is struck / underlined as in any
    pair (no colour never means no change), and the shared phrases are dotted besides."""
    rows = read(render_docx(rewrite_sample())).tables[0].rows
    left, right = ([r for p in cell.paragraphs for r in p.runs] for cell in rows[2].cells[:2])
    assert "".join(r.text for r in left if r.font.strike) == "推进经济实施建设培育30"
    assert "".join(r.text for r in right if r.font.underline is True) == "加快产业落实打造新增50"
    for runs in (left, right):
        shared = [r.text for r in runs if r.font.underline == WD_UNDERLINE.DOTTED]
        assert shared == ["数字化改造工程，", "一批智能工厂，"]
    assert "改写" in rows[2].cells[2].text and "改写" not in rows[1].cells[2].text
    edited = [
        r
        for p in read(render_docx(rewrite_sample(), rewrites=False)).tables[0].rows[2].cells[0].paragraphs
        for r in p.runs
    ]
    assert any(r.font.strike for r in edited)


def test_the_word_export_has_a_legend_in_the_table_s_own_marks():
    """Every mark the table uses is shown in its own look and named, the rewrite rule included."""
    paragraphs = read(render_docx(rewrite_sample())).paragraphs
    [legend] = [p for p in paragraphs if p.text.startswith("图例")]
    runs = {r.text: r for r in legend.runs}
    assert runs["删除的文字"].font.strike and runs["新增的文字"].font.underline is True
    assert runs["共有的词句"].font.underline == WD_UNDERLINE.DOTTED
    assert "只在一侧的文字同样标为删除/新增" in legend.text and "30%" in legend.text


def test_columns_are_sized_by_content_with_the_notes_narrow():
    """The grid split the page in equal thirds: 说明 took 60 mm of 180 from the two texts."""
    from policydiff.compare.pipeline import compare_files
    from policydiff.render.docx_table import DEFAULT, column_widths
    from tests.conftest import SEED

    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    [table] = read(render_docx(comparison)).tables
    grid = [c.width.mm for c in table.columns]
    text_mm = DEFAULT.page_width_mm - 2 * DEFAULT.margin_mm
    assert abs(sum(grid) - text_mm) < 1
    assert grid[2] <= 0.25 * text_mm + 0.5 and grid[2] < min(grid[:2])  # 说明 narrow
    assert all(abs(c.width.mm - g) < 0.5 for row in table.rows for c, g in zip(row.cells, grid, strict=True))
    # by content: one side that holds most of the text gets most of the room; short notes, narrow 说明
    long_left = [("条" * 300, "条" * 20, ["修改"])] * 10
    left, right, notes = column_widths(long_left, DEFAULT)
    assert left > right and notes == DEFAULT.notes_min_mm
    swapped = column_widths([(b, a, n) for a, b, n in long_left], DEFAULT)
    assert swapped[0] < swapped[1]
