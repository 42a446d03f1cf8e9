"""PDFs as offices make them compare unchanged against their source text; bombs are refused.

Committed fixtures (LibreOffice, Chromium print) are checked without those tools; reportlab PDFs
(running header, `— 3 —` footers, justified wrapped lines, two columns) are made in the test; the
full matrix of sources × LibreOffice/Chromium runs when the tools are installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import load_document
from policydiff.io.limits import LoadLimits
from policydiff.io.pdf.layout import Glyph, build
from policydiff.io.pdf.text import FURNITURE_NOTICE
from tests.fixtures.pdf import make_fixtures
from tests.fixtures.pdf.make_fixtures import COMMITTED, SOURCES, render, source_path
from tests.fixtures.pdf.render import Page, reportlab_pdf
from tests.format_check import assert_same_as_source

HERE = Path(__file__).parents[1] / "fixtures" / "pdf"


def source_text(name: str, lines: int = 0) -> str:
    """The source text a fixture was made from; skips when the shared corpus is not beside the checkout."""
    if not source_path(name).is_file():
        pytest.skip(f"{source_path(name)} is not available (set POLICYDIFF_SHARED)")
    return make_fixtures.source_text(name, lines)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- committed fixtures ----------------------------------------------------------------------


@pytest.mark.parametrize("file", sorted(COMMITTED))
def test_committed_fixture_same_as_source(file):
    name, _maker, lines = COMMITTED[file]
    doc = load_document(HERE / file)
    assert_same_as_source(source_text(name, lines), doc)
    assert FURNITURE_NOTICE in doc.notices


def test_browser_print_header_and_footer_left_out():
    doc = load_document(HERE / "ver09-2020-part.chromium.pdf")
    assert "file://" not in doc.text and "PM" not in doc.text and "/2" not in doc.text
    assert doc.text.count("保障中小企业款项支付条例") == source_text("ver09-2020", 60).count(
        "保障中小企业款项支付条例"
    )


def test_office_footer_page_numbers_left_out():
    doc = load_document(HERE / "ver09-2020.libreoffice.pdf")
    assert "- 1 -" not in doc.text and "- 2 -" not in doc.text
    assert not any(line.strip("- 0123456789") == "" for line in doc.text.split("\n"))


# --- reportlab, made in the test ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("columns", [1, 2])
def test_reportlab_same_as_source(tmp_path, name, columns):
    text = source_text(name)
    header = SOURCES[name][1]
    page = Page(columns=columns, size=12.0 if columns == 1 else 10.5)
    doc = load_document(write(tmp_path, f"{name}.pdf", reportlab_pdf(text, page, header=header)))
    assert_same_as_source(text, doc)
    assert FURNITURE_NOTICE in doc.notices
    assert "— 2 —" not in doc.text and doc.text.count(header) <= text.count(header)


@pytest.mark.parametrize("name", sorted(SOURCES))
@pytest.mark.parametrize("stagger", [0.0, 0.5])
def test_two_columns_one_em_apart(tmp_path, name, stagger):
    """Columns 1 em apart (a web page's CSS columns) read column by column, even off one baseline grid."""
    text = source_text(name)
    size = 10.5
    page = Page(columns=2, size=size, gutter=size, stagger=stagger * size)
    doc = load_document(write(tmp_path, f"{name}.pdf", reportlab_pdf(text, page)))
    assert_same_as_source(text, doc)


@pytest.mark.parametrize(
    "footer", ["— {n} —", "- {n} -", "第{n}页 共20页", "第 {n} 页", "{n}/20", "{n}", "{r}", "Page {n} of 20"]
)
def test_page_number_forms_left_out(tmp_path, footer):
    text = source_text("ver09-2020")
    doc = load_document(write(tmp_path, "a.pdf", reportlab_pdf(text, footer=footer)))
    assert_same_as_source(text, doc)


def test_figure_split_by_wrap_comes_back_together(tmp_path):
    text = source_text("seed000")
    doc = load_document(write(tmp_path, "a.pdf", reportlab_pdf(text)))
    assert "不少于60亿元" in doc.text and "1600亿元左右" in doc.text
    body = [line for line in doc.text.split("\n") if len(line) > 100]
    assert body and not any(" " in line for line in body)  # justified CJK: no spaces inserted


# --- geometry on its own ------------------------------------------------------------------------


def _line(text: str, x: float, y: float, size: float = 10.0) -> list[Glyph]:
    return [Glyph(ch, x + i * size, x + (i + 1) * size, y, y + size, size) for i, ch in enumerate(text)]


def test_body_line_repeated_once_is_kept():
    """The same sentence at the top of two pages of a five-page document is text, not a header."""
    pages = []
    for p in range(5):
        glyphs = _line("重复的句子" if p in (1, 3) else f"第{p + 1}页正文开始", 50, 780)
        for k in range(10):
            glyphs += _line("正文" * 10 + str(k), 50, 700 - 20 * k)
        pages.append(glyphs)
    layout = build(pages, [(300.0, 842.0)] * 5)
    assert layout.text.count("重复的句子") == 2


def test_short_last_page_of_narrow_columns_reads_column_by_column():
    """A last page whose right column holds only a heading and two short items keeps the other pages' gutter."""
    left_words = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天"  # 23 characters: x 60 to 290
    right_words = "一二三四五六七八九十百千万亿兆京垓秭穰沟涧正载"  # x 300 to 530: 1 em apart
    full: list[Glyph] = []
    for k in range(12):  # the right column set 3 points lower: rows taken across the page mix both
        full += _line(left_words, 60, 700 - 20 * k) + _line(right_words, 300, 697 - 20 * k)
    last: list[Glyph] = []
    for k in range(8):
        last += _line(left_words if k < 7 else "终了。", 60, 700 - 20 * k)
    last += (
        _line("第七章法律责任", 300, 697)
        + _line("（一）违反规定的；", 300, 677)
        + _line("（二）拒不改正的。", 300, 657)
    )
    text = build([full, last], [(595.0, 842.0)] * 2).text.split("\n")
    assert text[-3:] == ["第七章法律责任", "（一）违反规定的；", "（二）拒不改正的。"], text[-5:]
    assert text[-4].endswith(left_words + "终了。")


def test_running_header_on_every_page_is_left_out():
    pages = []
    for p in range(4):
        glyphs = _line("某某市人民政府文件", 80, 800, 8)
        for k in range(10):  # each page its own text: pages with the same text are copies
            glyphs += _line("正文" * 8 + "甲乙丙丁"[p] + str(k), 50, 700 - 20 * k)
        glyphs += _line(f"— {p + 1} —", 130, 40)
        pages.append(glyphs)
    layout = build(pages, [(300.0, 842.0)] * 4)
    assert "某某市" not in layout.text and "—" not in layout.text
    assert len(layout.furniture) == 8


# --- the full matrix, when LibreOffice and Chromium are installed -------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("maker", ["libreoffice", "chromium", "chromium-plain"])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_office_made_pdf_same_as_source(tmp_path, name, maker):
    tool = "soffice" if maker == "libreoffice" else "chromium"
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    expected = source_text(name)  # skips before rendering when the shared corpus is absent
    doc = load_document(write(tmp_path, "a.pdf", render(name, maker)))
    assert_same_as_source(expected, doc)


# --- bombs (issue: PDF content that decodes to gigabytes) ----------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _double_flate(size: int) -> bytes:
    """``size`` bytes of spaces, Flate-compressed twice, built in bounded memory."""
    inner = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [inner.compress(chunk) for _ in range(size // len(chunk))]
    first = b"".join(parts) + inner.flush()
    return zlib.compress(first, 9)


def _stream(data: bytes, filters: bytes) -> bytes:
    return b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def bomb_repeated_contents() -> bytes:
    """One page whose /Contents lists a 1 GiB double-Flate stream four times."""
    stream = _stream(_double_flate(1 << 30), b"[/FlateDecode /FlateDecode]")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 4 0 R 4 0 R 4 0 R] >>"
    return _pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, stream]
    )


def bomb_shared_stream(pages: int, size: int) -> bytes:
    """``pages`` pages all drawing one stream of ``size`` decoded bytes."""
    first = 4
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(zlib.compress(b" " * size, 9), b"/FlateDecode"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    return _pdf(objects)


def _load_in_child(path: Path, memory: int = 1 << 30) -> tuple[str, float, int]:
    """Load in a fresh interpreter held to ``memory`` bytes of address space.

    Returns its message, seconds and peak memory (KB; Linux carries the parent's peak into the
    child, so the address-space limit is the real bound).
    """
    code = textwrap.dedent(
        f"""
        import resource, time
        resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
        from policydiff.io import load_document
        from policydiff.errors import LoadError
        t = time.monotonic()
        try:
            load_document({str(path)!r}); msg = "loaded"
        except LoadError as exc:
            msg = str(exc)
        print(round(time.monotonic() - t, 2), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        print(msg)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[2],
    )
    head, message = done.stdout.strip().split("\n", 1)
    seconds, peak = head.split()
    return message, float(seconds), int(peak)


@pytest.mark.slow  # building the 1 GiB double-Flate stream takes a few seconds
def test_repeated_double_flate_bomb_refused_in_bounded_memory(tmp_path):
    path = write(tmp_path, "bomb.pdf", bomb_repeated_contents())
    assert path.stat().st_size < 64 * 1024
    message, _seconds, _peak_kb = _load_in_child(path)  # bounded by the child's memory limit
    assert "bomb.pdf" in message and "MB (the PDF content limit)" in message, message
    assert "\n" not in message


def test_many_pages_sharing_one_stream_refused(tmp_path):
    limits = LoadLimits()
    size = limits.pdf_max_stream // 2  # each stream is allowed; all pages together are not
    path = write(tmp_path, "pages.pdf", bomb_shared_stream(2000, size))
    with pytest.raises(LoadError, match=r"pages whose content decodes to more than 256 MB"):
        load_document(path)


def test_huge_single_stream_refused(tmp_path):
    path = write(tmp_path, "big.pdf", bomb_shared_stream(2, 40 * 2**20))
    with pytest.raises(LoadError, match=r"content stream that decodes to more than 32 MB"):
        load_document(path)


def test_scanned_pdf_still_says_run_ocr(tmp_path):
    from tests.gen_docs import pdf_bytes

    with pytest.raises(LoadError, match="no text layer.*OCR"):
        load_document(write(tmp_path, "scan.pdf", pdf_bytes(None)))
