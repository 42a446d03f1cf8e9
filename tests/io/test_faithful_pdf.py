"""Real-file faithfulness of the PDF layout: what repeats is furniture only at a page edge and not
as the document's own title or copy, a line's own glyphs stay on it, and glyphs drawn twice are
read once. Glyph-level cases are built here; tests/test_formats_pdf.py renders whole documents.
"""

from __future__ import annotations

from policydiff.io.pdf.layout import Glyph, build


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


def test_fake_bold_and_form_objects_drawn_twice_give_each_character_once():
    bold = _line("第一条 本办法所称ll公司", 60, 700)
    overprint = [Glyph(g.ch, g.x0 + 0.4, g.x1 + 0.4, g.y0 + 0.2, g.y1 + 0.2, g.size) for g in bold]
    twice = _line("第二条 应当依法办理。", 60, 680)
    glyphs = bold + overprint + twice + twice
    for k in range(6):
        glyphs += _line(f"第{k + 3}条 其他事项依照有关规定执行。", 60, 660 - 20 * k)
    text = build([glyphs], [A4]).text
    assert "第一条 本办法所称ll公司" in text and "第二条 应当依法办理。" in text
    assert text.count("第一条") == 1 and text.count("第二条") == 1


def test_adjacent_equal_characters_are_not_taken_for_duplicates():
    glyphs = _line("——……Hello 100元", 60, 700, 10)
    for k in range(4):
        glyphs += _line(f"第{k + 1}条 正文内容。", 60, 680 - 20 * k)
    assert build([glyphs], [A4]).text.startswith("——……Hello 100元")


def _reportlab(draw) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4 as PAGE
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=PAGE)
    pdf.setFont("STSong-Light", 12)
    draw(pdf)
    pdf.save()
    return out.getvalue()


def test_text_drawn_scaled_in_a_form_object_is_read_at_its_size_and_microscopic_text_is_noticed(tmp_path):
    from policydiff.io import load_document

    def draw(pdf) -> None:
        pdf.beginForm("Notice")
        pdf.setFont("STSong-Light", 24)
        pdf.drawString(0, 0, "第一条 本办法自公布之日起施行。")
        pdf.endForm()
        for k in range(8):
            pdf.drawString(72, 700 - 20 * k, f"第{k + 2}条 其他事项依照有关规定执行。")
        for scale, y in ((0.5, 740), (0.01, 300)):  # a readable copy, and one far too small to read
            pdf.saveState()
            pdf.translate(72, y)
            pdf.scale(scale, scale)
            pdf.doForm("Notice")
            pdf.restoreState()

    path = tmp_path / "scaled.pdf"
    path.write_bytes(_reportlab(draw))
    document = load_document(path)
    assert document.text.count("第一条 本办法自公布之日起施行。") == 1
    assert "text drawn too small to read (under 1 pt) left out" in document.notices


def test_cjk_glyphs_spread_apart_get_no_spaces_between_them():
    """An unembedded GB2312 font: the reader's substitute is narrower than the advances, so every
    character stands apart and PDFium puts a space of its own in each gap."""
    glyphs = []
    for k in range(6):
        x, y = 60.0, 700.0 - 20 * k
        for ch in f"第{k + 1}章关于推动经济发展的若干政策":
            glyphs.append(Glyph(ch, x, x + 9, y, y + 10, 10))
            glyphs.append(Glyph(" ", x + 9, x + 9, y + 5, y + 5, 1, generated=True))
            x += 12
    text = build([glyphs], [A4]).text
    assert "章关于推动经济发展的若干政策" in text


def _cid_pdf(lines: list[bytes], latin: bytes = b"") -> bytes:
    """One page: hex CID strings in an Identity-H font with no ToUnicode and no embedded program
    (so no reader can tell its characters apart), and optionally a line of Helvetica text."""
    from tests.io.test_formats_pdf import _pdf

    content = b"BT /F1 12 Tf 14 TL 72 760 Td " + b"".join(b"<" + line + b"> Tj T* " for line in lines) + b"ET"
    if latin:
        content += b" BT /F2 12 Tf 72 400 Td (" + latin + b") Tj ET"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
            b"<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -140 1000 860] "
            b"/ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


CIDS = b"".join(b"%04X" % cid for cid in range(0x21, 0x2F))


def test_pdf_whose_font_has_no_text_mapping_is_refused_not_read_as_punctuation(tmp_path):
    import pytest

    from policydiff.errors import LoadError
    from policydiff.io import load_document

    path = tmp_path / "unmapped.pdf"
    path.write_bytes(_cid_pdf([CIDS] * 20))
    with pytest.raises(LoadError, match="without a usable text mapping"):
        load_document(path)


def test_text_in_an_unmapped_font_beside_readable_text_is_left_out_with_a_notice(tmp_path):
    from policydiff.io import load_document

    path = tmp_path / "mixed.pdf"
    readable = b"Article 1. This regulation applies to all enterprises registered in the city. " * 2
    path.write_bytes(_cid_pdf([CIDS] * 3, latin=readable))
    document = load_document(path)
    assert "Article 1." in document.text and "#$%" not in document.text
    assert any("without a usable text mapping" in notice for notice in document.notices)


def test_one_glyph_standing_for_two_characters_keeps_both():
    """LibreOffice draws "——" as one wide glyph whose text is two dashes, each with its box."""
    dash = [Glyph("—", 60, 80, 700, 712, 12), Glyph("—", 60, 80, 700, 712, 12, joined=True)]
    glyphs = dash + _line("坚持党的全面领导。", 80, 700, 12)
    for k in range(5):
        glyphs += _line(f"第{k + 1}条 其他事项依照有关规定执行。", 60, 680 - 20 * k, 12)
    assert build([glyphs], [A4]).text.startswith("——坚持党的全面领导。")


def test_office_autospacing_between_cjk_and_digits_is_not_a_space():
    """LibreOffice sets about a quarter em between 2025 and 年; the text has no space there."""
    glyphs, x = [], 60.0
    text = "本办法自2025年3月起施行"
    for i, ch in enumerate(text):
        width = 6.7 if ch.isascii() else 12.0
        glyphs.append(Glyph(ch, x, x + width, 700, 712, 12))
        x += width
        if i + 1 < len(text) and ch.isascii() != text[i + 1].isascii():  # a CJK/digit boundary
            glyphs.append(Glyph(" ", x, x, 706, 706, 1, generated=True))
            x += 2.6
    for k in range(5):
        glyphs += _line(f"第{k + 2}条 其他事项依照有关规定执行。", 60, 680 - 20 * k, 12)
    assert build([glyphs], [A4]).text.startswith(text)


def test_full_line_cut_mid_sentence_before_yi_dun_continues_the_paragraph():
    """A browser wraps "集中统" | "一、高效权威的…": the 一、 is the wrapped text, not a heading."""
    glyphs = _line("第四条 坚持以人民为中心建立健全集中统", 60, 700, 12)
    glyphs += _line("一、高效权威的领导体制。", 60, 684, 12)
    glyphs += _line("一、总体要求", 60, 660, 12)
    glyphs += _line("第五条 本条规定的事项依法办理。", 60, 644, 12)
    glyphs += _line("其他事项依照有关规定。", 60, 628, 12)
    lines = build([glyphs], [A4]).text.split("\n")
    assert lines[:2] == ["第四条 坚持以人民为中心建立健全集中统一、高效权威的领导体制。", "一、总体要求"]
