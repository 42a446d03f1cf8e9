"""PDFs as WPS Office exports them, and the layout rules they exercise.

WPS is not installed here; tests/fixtures/pdf/wps.py writes what its export does differently from
LibreOffice and Chromium (Identity-H subset fonts with ToUnicode, each run placed on its own, font at
size 1 scaled by the matrix, punctuation hanging past the right margin, marks compressed, a rule
under the running header). Glyph-level cases below need no fonts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.io import load_document
from policydiff.io.pdf.layout import Glyph, build
from tests.fixtures.pdf import wps
from tests.format_check import compare_with_source, not_unchanged

A4 = (595.0, 842.0)
needs_fonts = pytest.mark.skipif(not wps.available(), reason="fonts-droid-fallback / DejaVu not installed")

# A 16 pt line between 2.8 cm margins holds 27 CJK characters (25 after the 2-em indent): each mark
# below falls where a line would start, so it hangs past the right margin at the end of the line before.
HANGING = (
    "关于规范行政事业单位国有资产管理的通知\n"
    "一、总体要求\n"
    + "为进一步加强行政事业单位国有资产管理工作"[:25].ljust(25, "作")
    + "，"
    + "切实提高资产使用效益和管理水平保障单位正常运转"[:27].ljust(27, "转")
    + "、"
    + "推动资产管理与预算管理和财务管理相结合的有关要求"[:27].ljust(27, "求")
    + "。\n"
    "二、主要任务\n"
    "各单位应当建立健全资产管理制度，明确管理责任，加强资产配置、使用、处置等各环节的管理，"
    "做到账实相符、账卡相符、账账相符。\n"
)


def _pdf(tmp_path: Path, text: str, **style: object) -> Path:
    path = tmp_path / "wps.pdf"
    path.write_bytes(wps.wps_pdf(text, wps.WpsStyle(**style)))  # type: ignore[arg-type]
    return path


def _glyphs_past_margin(path: Path, margin: float) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0].get_textpage()
        out = []
        for i in range(page.count_chars()):
            left, _bottom, right, _top = page.get_charbox(i)
            ch = page.get_text_range(i, 1)
            if not ch.isspace() and left >= margin - 0.5 and right > margin + 1:
                out.append(ch)
        return out
    finally:
        document.close()


@needs_fonts
@pytest.mark.parametrize(
    "style",
    [{}, {"stray": -0.12}, {"stray": 0.1}, {"stray": -0.12, "late": True}, {"hang": False}],
    ids=["hanging", "lower", "higher", "lower-drawn-last", "not-hanging"],
)
def test_marks_hanging_in_the_right_margin_belong_to_their_line(tmp_path, style):
    path = _pdf(tmp_path, HANGING, **style)
    style_used = wps.WpsStyle(**style)  # type: ignore[arg-type]
    past = _glyphs_past_margin(path, style_used.width - style_used.margin_x)
    assert past == ([] if style.get("hang") is False else ["，", "、", "。"])  # the PDF does hang them
    document = load_document(path)
    body = [line for line in HANGING.split("\n") if line]
    assert document.text.split("\n") == body
    assert not not_unchanged(compare_with_source(HANGING, path))


@needs_fonts
def test_wps_export_of_a_seed_compares_unchanged(tmp_path):
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_22597a2fc5b61001.txt"
    text = seed.read_text(encoding="utf-8")
    path = _pdf(tmp_path, text, header="某某市人民政府文件", footer="— {n} —", stray=-0.12, late=True)
    assert not not_unchanged(compare_with_source(text, path))


# --- glyph level ---------------------------------------------------------------------------------


def _line(text: str, x: float, y: float, size: float = 12.0) -> list[Glyph]:
    return [Glyph(ch, x + i * size, x + (i + 1) * size, y, y + size, size) for i, ch in enumerate(text)]


def test_a_mark_drawn_past_the_margin_a_little_low_and_last_on_the_page_ends_its_line():
    glyphs: list[Glyph] = []
    late: list[Glyph] = []
    for k in range(6):
        y = 760 - 24 * k
        indent = 24 if k % 2 == 0 else 0
        glyphs += _line("资" * (36 - indent // 12), 60 + indent, y)
        late.append(Glyph("，" if k % 2 == 0 else "。", 492, 504, y - 2.5, y + 9.5, 12))  # past 492
    text = build([glyphs + late], [A4]).text
    assert text.split("\n") == ["资" * 34 + "，" + "资" * 36 + "。"] * 3


def test_numbers_of_table_cells_at_one_place_on_several_pages_are_not_page_numbers():
    pages = []
    cells = ["3", "8", "1", "6", "2"]
    for p, cell in enumerate(cells):
        glyphs = _line("某某学校教职工岗位设置情况统计表", 100, 780, 12)
        for k in range(22):
            glyphs += _line(f"第{p * 22 + k + 1}项 岗位名称及人数。", 60, 740 - 28 * k, 12)
        glyphs += _line(cell, 84, 740 - 28 * 22, 12)  # a lone cell in the bottom row of the body
        glyphs += _line(f"— {p + 1} —", 280, 50, 12)  # the real page number
        pages.append(glyphs)
    text = build(pages, [A4] * len(cells)).text
    lines = text.split("\n")
    assert [line for line in lines if line.isdigit()] == cells
    assert not any("—" in line for line in lines)  # the page numbers are still left out


def test_page_numbers_counting_with_the_pages_are_left_out():
    pages = []
    for p in range(5):
        glyphs = [
            g for k in range(20) for g in _line(f"第{p * 20 + k + 1}条 本条规定的事项。", 60, 760 - 28 * k)
        ]
        glyphs += _line(str(p + 3), 290, 50, 10.5)  # numbered from 3: the cover and contents come first
        pages.append(glyphs)
    text = build(pages, [A4] * 5).text
    assert not any(line.isdigit() for line in text.split("\n"))


FULL = (
    "各单位应当建立健全管理制度明确管理责任加强资产配置使用处置等各个工作环节"  # 36 characters: a full line
)


def _paragraphs(first_x: float) -> tuple[list[Glyph], float]:
    """Six paragraphs of two lines (the first full, starting at ``first_x``); the y below them."""
    glyphs: list[Glyph] = []
    y = 780.0
    for _k in range(6):
        glyphs += _line(FULL[: 36 - round((first_x - 60) / 12)], first_x, y)
        glyphs += _line("的管理。", 60, y - 20)
        y -= 40
    return glyphs, y


def test_a_label_at_the_margin_after_a_full_line_continues_a_paragraph_when_paragraphs_are_indented():
    """……；2.积极… / 3.竞聘后…: in a document that indents its paragraphs, the 3. at the margin is
    the paragraph wrapping, not an item of its own."""
    glyphs, y = _paragraphs(84)
    item = "1.接受学校考评组按程序考评；2.积极主动参与学校各类岗位竞聘工作；"  # 34: full after the indent
    glyphs += _line(item, 84, y) + _line("3.竞聘后服从所在学校工作安排。", 60, y - 20)
    text = build([glyphs], [A4]).text
    assert text.split("\n")[-1] == item + "3.竞聘后服从所在学校工作安排。"


def test_a_heading_at_the_margin_after_a_full_line_starts_a_paragraph_when_paragraphs_are_not_indented():
    glyphs, y = _paragraphs(60)
    glyphs += _line(FULL[:35] + "。", 60, y) + _line("二、主要任务", 60, y - 20)
    text = build([glyphs], [A4]).text
    assert text.split("\n")[-1] == "二、主要任务"


def test_a_line_of_a_hash_mark_is_not_a_page_number():
    """A justified line splits at its wide gaps: its "#" is a segment of its own, which is no number."""
    pages = []
    for p in range(6):
        glyphs = (
            _line("#", 60, 720) + _line("source:", 100, 720) + _line("example", 220, 720) if p == 0 else []
        )
        glyphs += [
            g for k in range(20) for g in _line(f"第{p * 20 + k + 1}条 本条规定的事项。", 60, 690 - 28 * k)
        ]
        if p:
            glyphs += _line(str(p), 60, 720)  # a number where page one has its first line
        pages.append(glyphs)
    text = build(pages, [A4] * 6).text
    assert text.startswith("# source: example")
