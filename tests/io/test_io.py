"""Tests for policydiff.io: every fixture is built here in tmp_path, except the seeds and corpus."""

from __future__ import annotations

import codecs
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydiff.errors import LoadError
from policydiff.io import LoadLimits, load_document
from tests.conftest import CORPUS, SEEDS

SIMPLIFIED = (
    "中华人民共和国国务院关于进一步优化营商环境的意见\n一、总体要求\n（一）加强组织领导，确保资金到位。"
)
TRADITIONAL = "中華民國行政院關於推動經濟發展的通知\n一、總體要求\n各區縣人民政府，市政府直屬各單位。"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def load_bytes(tmp_path: Path, data: bytes, name: str = "doc.txt"):
    return load_document(write(tmp_path, name, data))


# --- text encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED + "𠀀㐀€", "gb18030", "gb18030"),  # four-byte GB18030 sequences
        (TRADITIONAL, "big5", "big5"),
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # BOM-less, found by its NUL bytes
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
        (TRADITIONAL, "utf-16-le", "utf-16-le"),
        ("中华人民共和国", "utf-16-le", "utf-16-le"),  # no ASCII, hence no NUL byte at all
    ],
    ids=lambda v: v if v.isascii() else "zh" + str(len(v)),
)
def test_encodings_round_trip(tmp_path, text, codec, expected):
    doc = load_bytes(tmp_path, text.encode(codec))
    assert doc.text == text
    assert doc.encoding == expected
    assert doc.format == "txt"


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_byte_order_marks(tmp_path, bom, codec, expected):
    doc = load_bytes(tmp_path, bom + SIMPLIFIED.encode(codec))
    assert doc.text == SIMPLIFIED  # the BOM is not part of the text
    assert doc.encoding == expected


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("通知", "gbk"),
        ("关于印发的通知", "gbk"),
        ("政府工作报告", "gbk"),
        ("通知", "big5"),
        ("關於印發的通知", "big5"),
        ("政府工作報告", "big5"),
    ],
    ids=lambda v: v if v.isascii() else str(len(v)),
)
def test_short_texts_tell_gbk_from_big5(tmp_path, text, codec):
    doc = load_bytes(tmp_path, text.encode(codec))
    assert doc.text == text
    assert doc.encoding == ("big5" if codec == "big5" else "gb18030")


def test_seed_texts_in_legacy_encodings(tmp_path, seed_paths):
    simplified = seed_paths["000"].read_text(encoding="utf-8")
    traditional = seed_paths["001"].read_text(encoding="utf-8")
    gbk = load_bytes(tmp_path, simplified.encode("gbk"), "gbk.txt")
    big5 = load_bytes(tmp_path, traditional.encode("big5", errors="replace"), "big5.txt")
    assert gbk.text == simplified and gbk.encoding == "gb18030"
    assert big5.encoding == "big5"
    assert big5.text == traditional.encode("big5", errors="replace").decode("big5")


def test_invalid_bytes_in_gbk_are_replaced_not_fatal(tmp_path):
    before, after = "第一条 为了规范管理，", "制定本办法。第二条 本办法适用于全市。" * 5
    doc = load_bytes(tmp_path, before.encode("gbk") + b"\xff\x80" + after.encode("gbk"))
    assert doc.encoding == "gb18030"
    assert doc.text.startswith(before)
    assert doc.text.endswith(after)  # the rest is not garbled
    assert "\ufffd" in doc.text


def test_line_endings_normalized(tmp_path):
    doc = load_bytes(tmp_path, "第一条\r\n第二条\r第三条\n附则\r\n\r\n完".encode("gbk"))
    assert doc.text == "第一条\n第二条\n第三条\n附则\n\n完"


def test_stray_nul_bytes_removed(tmp_path):
    data = "第一条\x00 总则\n第二条 适用范围\x00\x00。".encode()
    doc = load_bytes(tmp_path, data)
    assert doc.text == "第一条 总则\n第二条 适用范围。"
    assert doc.encoding == "utf-8"


def test_comment_header_txt_is_left_as_is(tmp_path):
    text = "# source: example\n# title: 关于印发的通知\n关于印发的通知\n一、总体要求\n"
    doc = load_bytes(tmp_path, text.encode())
    assert (doc.format, doc.text) == ("txt", text)


def test_a_very_long_line_loads_whole(tmp_path):
    text = "为深入贯彻落实，" * 250_000  # 2,000,000 characters on one line
    doc = load_bytes(tmp_path, text.encode("gbk"))
    assert doc.text == text


def test_five_megabytes_load_whole(tmp_path):
    line = "（一）加强组织领导，确保2025年完成投资4000亿元左右。\r\n"
    data = (line * (5 * 2**20 // len(line.encode()))).encode()
    path = write(tmp_path, "big.txt", data)
    doc = load_document(path)
    assert "\r" not in doc.text and doc.text.startswith("（一）加强")


# --- refusals ------------------------------------------------------------------------------------


def one_line_error(path: Path | str, limits: LoadLimits | None = None) -> str:
    with pytest.raises(LoadError) as info:
        load_document(path, limits) if limits else load_document(path)
    message = str(info.value)
    assert "\n" not in message and message
    return message


@pytest.mark.parametrize("name", ["random.txt", "random.docx", "random.pdf", "random.doc", "random"])
def test_random_bytes_are_refused(tmp_path, name):
    data = random.Random(7).randbytes(20000)
    message = one_line_error(write(tmp_path, name, data))
    assert name in message
    assert "not a text document" in message or "not a valid" in message


def test_png_named_txt_is_refused(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    assert "not a text document" in one_line_error(write(tmp_path, "picture.txt", data))


def test_a_wordperfect_document_is_refused_by_name(tmp_path):
    path = tmp_path / "notice.doc"
    path.write_bytes(b"\xffWPC\x10\x00\x00\x00\x01\x0a" + bytes(range(256)) * 8)
    with pytest.raises(LoadError, match="WordPerfect"):
        load_document(path)


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t \xe3\x80\x80\n"])
def test_empty_and_whitespace_only(tmp_path, data):
    assert "is empty" in one_line_error(write(tmp_path, "blank.txt", data))


def test_directory_and_missing_path(tmp_path):
    assert "folder" in one_line_error(tmp_path)
    assert "does not exist" in one_line_error(tmp_path / "不存在.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", "内容".encode())
    path.chmod(0)
    try:
        assert "permission" in one_line_error(path)
    finally:
        path.chmod(0o600)


def test_oversize_file_refused_by_size_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(70 * 2**20)  # sparse: nothing is written
    message = one_line_error(path)
    assert "64 MB" in message and "70 MB" in message


def test_limits_are_configurable(tmp_path):
    path = write(tmp_path, "doc.txt", SIMPLIFIED.encode())
    assert "limit" in one_line_error(path, LoadLimits(max_bytes=10))


def test_path_with_spaces_and_chinese(tmp_path):
    folder = tmp_path / "政策 文件"
    folder.mkdir()
    path = write(folder, "关于 印发 的通知.txt", SIMPLIFIED.encode("gbk"))
    doc = load_document(str(path))
    assert doc.text == SIMPLIFIED
    assert doc.name == "关于 印发 的通知.txt"
    assert doc.size == len(SIMPLIFIED.encode("gbk"))


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_input_file_is_not_modified(tmp_path, kind):
    if kind == "txt":
        path = write(tmp_path, "doc.txt", "第一条\r\n\x00总则".encode("gbk"))
    elif kind == "docx":
        path = make_docx(tmp_path / "doc.docx")
    else:
        path = make_pdf(tmp_path / "doc.pdf", ["第一条 总则"])
    data = path.read_bytes()
    os.utime(path, (1_000_000_000, 1_000_000_000))
    load_document(path)
    assert path.read_bytes() == data
    assert path.stat().st_mtime == 1_000_000_000


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(min_size=1, max_size=400),
    name=st.sampled_from(["a.txt", "a.html", "a.md", "a.docx", "a.pdf"]),
)
def test_any_bytes_give_a_document_or_a_load_error(tmp_path, data, name):
    path = write(tmp_path, name, data)
    try:
        doc = load_document(path)
    except LoadError as exc:
        assert "\n" not in str(exc) and name in str(exc)
    else:
        assert doc.text.strip() and "\r" not in doc.text and "\x00" not in doc.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(SIMPLIFIED.replace("\n", "")), min_size=4, max_size=60))
def test_gbk_round_trip_property(tmp_path, text):
    doc = load_bytes(tmp_path, text.encode("gbk"))
    assert (doc.text, doc.encoding) == (text, "gb18030")


def test_loaders_do_not_import_qt():
    code = "import sys, policydiff.io; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- html and markdown ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>站点标题_政府网</title><style>p { color: red }</style>
<script>document.write("脚本文字")</script></head>
<body><nav><a href="/">首页</a> <a href="/zc">政策</a></nav>
<header>网站头部</header>
<!-- 注释文字 -->
<h1>关于印发&lt;实施方案&gt;的通知</h1>
<div><p>第一条&nbsp;为了&amp;规范</p><p>第二条
  本办法。<br>第三条 附则</p></div>
<table><tr><td>指标</td><td>2025年</td></tr><tr><td>投资</td><td>4000亿元</td></tr></table>
<footer>版权所有</footer><noscript>请启用脚本</noscript></body></html>"""


def test_html_page(tmp_path):
    doc = load_bytes(tmp_path, PAGE.encode("gbk"), "page.html")
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert doc.text.split("\n") == [
        "关于印发<实施方案>的通知",
        "第一条\xa0为了&规范",
        "第二条 本办法。",
        "第三条 附则",
        "指标\t2025年",
        "投资\t4000亿元",
    ]


def test_html_detected_by_content_in_txt(tmp_path):
    doc = load_bytes(tmp_path, PAGE.encode(), "page.txt")
    assert doc.format == "html"
    assert "首页" not in doc.text and "<" not in doc.text.replace("<实施方案>", "")


def test_html_form_wrapping_the_whole_page_is_kept(tmp_path):
    page = "<html><body><form id='f'><nav>导航</nav><div><p>第一条 正文内容很长很长。</p>" * 1
    page += "<p>第二条 更多正文内容。</p></div></form><footer>页脚</footer></body></html>"
    doc = load_bytes(tmp_path, page.encode(), "aspx.html")
    assert doc.text == "第一条 正文内容很长很长。\n第二条 更多正文内容。"


def test_seed_004_is_html_without_front_matter(seed_paths):
    doc = load_document(seed_paths["004"])
    assert doc.format == "html"
    lines = doc.text.split("\n")
    assert lines[0] == "浙江高质量发展建设共同富裕示范区实施方案"
    assert lines[1] == "（2021—2025年）"
    assert "<" not in doc.text and ">" not in doc.text
    assert "title:" not in doc.text and "---" not in doc.text and "picsum" not in doc.text


def test_markdown(tmp_path):
    md = (
        "# 中华人民共和国行政复议法\n\n2017年修正《关于修改<中华人民共和国法官法>等八部法律的决定》\n\n"
        "<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 **为了**防止和*纠正*违法，见[附件](http://x/a.htm)。\n"
        "1. 第一项\n"
    )
    doc = load_bytes(tmp_path, md.encode(), "law.md")
    assert doc.format == "md"
    assert doc.text.split("\n") == [
        "中华人民共和国行政复议法",
        "",
        "2017年修正《关于修改<中华人民共和国法官法>等八部法律的决定》",
        "",
        "",
        "",
        "第一章 总则",
        "",
        "第一条 为了防止和纠正违法，见附件。",
        "1. 第一项",
        "",
    ]


# --- docx ----------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发实施方案的通知")
    document.add_paragraph("一、总体要求")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("指标", "2025年"), ("投资", "4000亿元")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、保障措施")
    document.save(path)
    return path


DOCX_LINES = ["关于印发实施方案的通知", "一、总体要求", "指标\t2025年", "投资\t4000亿元", "二、保障措施"]


def test_docx_paragraphs_and_table_in_order(tmp_path):
    doc = load_document(make_docx(tmp_path / "方案.docx"))
    assert (doc.format, doc.encoding) == ("docx", None)
    assert doc.text.split("\n") == DOCX_LINES


def test_docx_named_txt_is_read_as_docx(tmp_path):
    source = make_docx(tmp_path / "a.docx")
    doc = load_bytes(tmp_path, source.read_bytes(), "misnamed.txt")
    assert doc.format == "docx" and doc.text.split("\n") == DOCX_LINES


def make_bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(megabytes):
                member.write(chunk)
    return path


def test_docx_zip_bomb_rejected_quickly(tmp_path):
    path = make_bomb(tmp_path / "bomb.docx", 64)  # 64 MB of zeros in about 64 KB
    assert path.stat().st_size < 2**20
    message = one_line_error(path)
    assert "zip bomb" in message and "compressed more than 200:1" in message


def test_docx_total_uncompressed_size_limit(tmp_path):
    path = make_bomb(tmp_path / "big.docx", 3)
    limits = LoadLimits(docx_max_uncompressed=2 * 2**20, docx_max_ratio=1e9)
    assert "more than the 2 MB limit" in one_line_error(path, limits)


def test_docx_with_entity_declarations_rejected(tmp_path):
    source = make_docx(tmp_path / "a.docx")
    path = tmp_path / "entities.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, rest = data.split(b"?>", 1)
                data = head + b'?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + rest
            dst.writestr(info, data)
    assert "ENTITY" in one_line_error(path)


def test_truncated_docx_rejected(tmp_path):
    data = make_docx(tmp_path / "a.docx").read_bytes()
    message = one_line_error(write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert "damaged" in message


def test_damaged_ole_file_named_docx_is_refused_as_damaged(tmp_path):
    # An OLE header is read as a Word 97-2003 file whatever the extension (content beats
    # extension); one whose sectors are all zeros is refused as damaged, in one line.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)
    assert "damaged" in one_line_error(write(tmp_path, "old.docx", data))


def test_plain_zip_is_not_a_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "not a Word document" in one_line_error(path)


# --- pdf -----------------------------------------------------------------------------------------


def make_pdf(path: Path, lines: list[str] | None) -> Path:
    """A one-page PDF with a Chinese text layer (reportlab's built-in CID font), or none."""
    from tests.gen_docs import pdf_bytes

    path.write_bytes(pdf_bytes(lines))
    return path


def test_chinese_pdf_text_layer(tmp_path):
    lines = ["关于印发实施方案的通知", "一、总体要求", "（一）到2025年完成投资4000亿元左右。"]
    doc = load_document(make_pdf(tmp_path / "方案.pdf", lines))
    assert (doc.format, doc.encoding) == ("pdf", None)
    assert doc.text.split("\n") == lines


def test_pdf_without_text_layer(tmp_path):
    message = one_line_error(make_pdf(tmp_path / "scan.pdf", None))
    assert "no text layer" in message and "OCR" in message


def test_truncated_pdf_rejected(tmp_path):
    data = make_pdf(tmp_path / "a.pdf", ["第一条"]).read_bytes()
    message = one_line_error(write(tmp_path, "cut.pdf", data[:200]))
    assert "cut.pdf" in message


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    data = make_pdf(tmp_path / "a.pdf", ["第一条 总则"]).read_bytes()
    doc = load_bytes(tmp_path, data, "misnamed.txt")
    assert doc.format == "pdf" and doc.text == "第一条 总则"


# --- real documents ------------------------------------------------------------------------------

REAL = sorted(SEEDS.glob("*.txt")) + sorted(p for p in CORPUS.glob("*/*") if p.name != "README.md")


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_documents_load(path):
    doc = load_document(path)
    assert len(doc.text) > 1000
    assert "\r" not in doc.text and "\x00" not in doc.text
    if path.suffix == ".md":
        assert doc.format == "md" and "<!--" not in doc.text
        assert not any(line.startswith("#") for line in doc.text.split("\n"))
    if path.parent.name == "versions":  # '# source:' header lines stay for the structure parser
        assert doc.format == "txt" and doc.text.startswith("# source:")


def test_corpus_present_or_skipped():
    if not CORPUS.exists():
        pytest.skip("shared corpus not available in this run")
    assert len(REAL) > 5


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("brackets.md", "[" * 300_000),
        ("bold.md", "**甲 " * 100_000),
        ("strike.md", "~~甲 " * 100_000),
        ("tags.html", "<a" * 150_000),
        ("nested.html", "<div>" * 60_000 + "正文"),
        ("comments.html", "<!--" * 75_000),
    ],
)
def test_malformed_markup_stays_linear(tmp_path, name, text):
    try:
        load_bytes(tmp_path, text.encode(), name)
    except LoadError as exc:
        assert "no readable text" in str(exc) or "is empty" in str(exc)
