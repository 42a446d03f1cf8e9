"""Real-file faithfulness of the PDF layout: what repeats is furniture only at a page edge and not
as the document's own title or copy, a line's own glyphs stay on it, and glyphs drawn twice are
read once. Glyph-level cases are built here; tests/test_formats_pdf.py renders whole documents.
"""

from __future__ import annotations

from policydiff.io.pdflayout import Glyph, build


def _line(text: str, x: float, y: float, size: float = 10.0) -> list[Glyph]:
    return [Glyph(ch, x + i * size, x + (i + 1) * size, y, y + size, size) for i, ch in enumerate(text)]


A4 = (595.0, 842.0)


def test_invoice_printed_as_original_and_copy_keeps_its_title_on_both():
    pages = []
    for _ in range(2):
        glyphs = _line("增值税电子普通发票", 200, 800, 16)
        for k in range(8):
            glyphs += _line(f"第{k + 1}行 货物名称 数量 金额{100 + k}元", 60, 700 - 20 * k)
        pages.append(glyphs)
    text = build(pages, [A4, A4]).text
    assert text.count("增值税电子普通发票") == 2


def test_top_line_of_a_one_page_pdf_with_a_line_number_is_kept():
    glyphs = _line("1", 30, 800) + _line("IN THE SUPREME COURT OF THE UNITED STATES", 80, 800)
    for k in range(2, 12):
        y = 750 - 24 * (k - 1)  # the first line stands apart, as a heading does
        glyphs += _line(str(k), 30, y) + _line(f"Line {k} of the transcript.", 80, y)
    text = build([glyphs], [A4]).text
    assert "IN THE SUPREME COURT OF THE UNITED STATES" in text


def test_title_block_kept_though_a_running_header_repeats_its_words_at_the_same_place():
    pages = []
    for p in range(4):
        size = 18 if p == 0 else 10  # the title on page one; the same words as a header later
        glyphs = _line("某某市管理办法", 200, 800, size)
        for k in range(10):
            glyphs += _line(f"第{p * 10 + k + 1}条 本条规定的事项应当依法办理。", 60, 740 - 20 * k)
        pages.append(glyphs)
    text = build(pages, [A4] * 4).text
    assert text.count("某某市管理办法") == 1 and text.startswith("某某市管理办法")
