"""Legacy and other formats: .doc/.wps, .rtf, .mht, .ofd, and content that beats the extension.

Each rendering of a seed and a law must compare unchanged against its source text; each reader
refuses damaged, huge, deep or encrypted input in one line and in bounded time. The .doc/.rtf
fixtures were made by LibreOffice (tests/fixtures/legacy/make_fixtures.py regenerates them);
the rest are made here from the same texts.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import load_document
from policydiff.io.limits import LoadLimits
from policydiff.io.office import doc as doctext
from policydiff.io.sniff import Kind, sniff
from tests.fixtures.legacy.make_fixtures import (
    codepage_rtf,
    mht_bytes,
    page_html,
)
from tests.fixtures.make_ofd import make_ofd
from tests.format_check import assert_same_as_source

FIXTURES = Path(__file__).parents[1] / "fixtures" / "legacy"
ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = next((ROOT / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
LAW_TEXT = (FIXTURES / "law_fuyi2017.txt").read_text(encoding="utf-8")
SOURCES = {"seed000": SEED_TEXT, "law": LAW_TEXT}
SOFFICE = doctext.soffice_program()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path, limits: LoadLimits | None = None) -> str:
    with pytest.raises(LoadError) as info:
        load_document(path, limits) if limits else load_document(path)
    message = str(info.value)
    assert message and "\n" not in message and path.name in message
    return message


def no_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctext, "soffice_program", lambda: None)


# --- every rendering compares unchanged against its source ----------------------------------------

COMMITTED = [
    ("seed000", "seed000.doc", "doc"),
    ("seed000", "seed000.rtf", "rtf"),
    ("law", "law_fuyi2017.doc", "doc"),
    ("law", "law_fuyi2017.rtf", "rtf"),
]


@pytest.mark.parametrize(("source", "name", "fmt"), COMMITTED)
def test_libreoffice_files_compare_unchanged(source, name, fmt):
    document = load_document(FIXTURES / name)
    assert document.format == fmt
    assert_same_as_source(SOURCES[source], document)


def _renderings(text: str) -> dict[str, bytes]:
    return {
        "gbk.rtf": codepage_rtf(text),
        "big5.rtf": codepage_rtf(text, codec="big5", charset=136, ansicpg=950),
        "gbk_qp.mht": mht_bytes(text),
        "utf8_base64.mhtml": mht_bytes(text, charset="utf-8", encoding="base64"),
        "big5.mht": mht_bytes(text, charset="big5"),
        "e-document.ofd": make_ofd(text),
        "web_page.doc": page_html(text, "gb2312", word=True).encode("gb18030"),
    }


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("kind", sorted(_renderings("x")))
def test_generated_renderings_compare_unchanged(tmp_path, source, kind):
    data = _renderings(SOURCES[source])[kind]
    document = load_document(write(tmp_path, f"{source}_{kind}", data))
    assert_same_as_source(SOURCES[source], document)


# --- .doc / .wps --------------------------------------------------------------------------------


def test_doc_tables_fields_and_row_ends():
    document = load_document(FIXTURES / "table_field.doc")
    assert document.text.split("\n")[:4] == ["标题", "甲\t\t丙", "一\t二\t三", "之后链接文字。"]
    assert "HYPERLINK" not in document.text


@pytest.mark.parametrize("name", ["notes_header.doc", "notes_header.rtf"])
def test_footnotes_follow_the_body_and_headers_are_left_out(name):
    document = load_document(FIXTURES / name)
    lines = [line for line in document.text.split("\n") if line]
    assert lines == [
        "关于印发实施办法的通知",
        "一、总体要求",
        "1.坚持稳中求进1，推进高质量发展。",  # the note's mark stays where Word shows it
        "2.本办法自发布之日起施行。",
        "1 指稳增长、稳就业。",
    ]
    assert set(document.notices) == {
        "had footnotes; shown after the body",
        "page headers and footers left out",
    }


@pytest.mark.parametrize("name", ["tracked.doc", "tracked.rtf"])
def test_tracked_changes_are_shown_as_the_final_text(name):
    document = load_document(FIXTURES / name)
    assert document.text.split() == ["1.争取资金八十亿元支持。", "2.其他内容。"]
    assert "had tracked changes; shown as the final text" in document.notices


def test_rtf_hidden_text_is_left_out_and_said(tmp_path):
    document = load_document(
        write(tmp_path, "h.rtf", b"{\\rtf1\\ansi seen {\\v hidden} again\\v  gone\\v0  back\\par}")
    )
    assert document.text.split() == ["seen", "again", "back"]
    assert "had hidden text; left out" in document.notices


@pytest.mark.skipif(os.name != "posix", reason="the stand-in program is a shell script")
def test_a_libreoffice_that_hangs_is_ended_and_the_text_kept(tmp_path, monkeypatch):
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\nsleep 30\n")
    program.chmod(0o755)
    monkeypatch.setattr(doctext, "soffice_program", lambda: str(program))
    _unknown_format(monkeypatch)
    document = load_document(FIXTURES / "law_fuyi2017_numbered.doc", LoadLimits(soffice_timeout_s=0.5))
    assert any("install LibreOffice" in n for n in document.notices)


@pytest.mark.parametrize(
    ("name", "source"),
    [("law_fuyi2017_numbered.doc", "law"), ("seed000_numbered.doc", "seed000")],
)
def test_doc_automatic_numbering_is_rendered_without_libreoffice(monkeypatch, name, source):
    # The law: 第X条 and （X） restarting under each article, numbering set on each paragraph.
    # The seed: 一、 chapters numbered through the heading style, 1. articles numbered on across them.
    no_soffice(monkeypatch)
    document = load_document(FIXTURES / name)
    assert document.notices == ()
    assert_same_as_source(SOURCES[source], document)


def _unknown_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every number format one the reader does not render, as a Hebrew or Thai list is."""
    from policydiff.io.office import doc_numbering as docnumbering

    def unknown(value: int, nfc: int) -> str:
        raise docnumbering.NumberingUnknown(f"number format {nfc} is not rendered")

    monkeypatch.setattr(docnumbering, "format_number", unknown)


@needs_soffice
@pytest.mark.slow  # starts LibreOffice: about 3 s
def test_numbering_the_reader_cannot_render_is_read_through_libreoffice(monkeypatch):
    _unknown_format(monkeypatch)
    document = load_document(FIXTURES / "law_fuyi2017_numbered.doc")
    assert any("LibreOffice" in notice for notice in document.notices)
    assert "第一条 为了防止" in document.text and "（十一）认为" in document.text
    assert_same_as_source(LAW_TEXT, document)


def test_numbering_the_reader_cannot_render_without_libreoffice_says_so(monkeypatch):
    _unknown_format(monkeypatch)
    no_soffice(monkeypatch)
    document = load_document(FIXTURES / "law_fuyi2017_numbered.doc")
    assert any("automatic numbering" in n and "install LibreOffice" in n for n in document.notices)
    assert "为了防止和纠正违法" in document.text  # the text is all there, only the numbers are missing
    assert "第一条" not in document.text


def test_plain_doc_needs_no_libreoffice(monkeypatch):
    no_soffice(monkeypatch)
    assert load_document(FIXTURES / "seed000.doc").notices == ()


@pytest.mark.parametrize("name", ["policy.wps", "policy.txt", "policy.docx", "policy"])
def test_word_binary_loads_as_doc_whatever_its_name(tmp_path, name):
    path = write(tmp_path, name, (FIXTURES / "seed000.doc").read_bytes())
    document = load_document(path)
    assert document.format == "doc"
    assert_same_as_source(SEED_TEXT, document)


class _Ole:
    """Byte positions inside a compound file, to damage it the way real corruption does."""

    def __init__(self, data: bytes, stream: str = "WordDocument") -> None:
        import olefile

        self.data = bytearray(data)
        ole = olefile.OleFileIO(io.BytesIO(data))
        self.sector = ole.sectorsize
        sid = ole._find(stream)
        self.entry = ole.direntries[sid]
        chain, s = [], ole.first_dir_sector
        while s < len(ole.fat) and len(chain) < 1000:
            chain.append(s)
            s = ole.fat[s]
        per = self.sector // 128
        self.dir_at = (chain[sid // per] + 1) * self.sector + (sid % per) * 128
        self.difat = struct.unpack_from("<109I", data, 76)
        ole.close()

    def fat_at(self, sector: int) -> int:
        per = self.sector // 4
        return (self.difat[sector // per] + 1) * self.sector + (sector % per) * 4

    def stream_at(self) -> int:
        return (self.entry.isectStart + 1) * self.sector


def _seed_doc() -> bytes:
    return (FIXTURES / "seed000.doc").read_bytes()


def _patched_word(offset: int, value: int, fmt: str = "<H") -> bytes:
    ole = _Ole(_seed_doc())
    struct.pack_into(fmt, ole.data, ole.stream_at() + offset, value)
    return bytes(ole.data)


def test_encrypted_doc_is_refused(tmp_path):
    flags = struct.unpack_from("<H", _seed_doc(), _Ole(_seed_doc()).stream_at() + 0x0A)[0]
    path = write(tmp_path, "secret.doc", _patched_word(0x0A, flags | 0x0100))
    assert "password-protected" in refusal(path)


def test_word_95_doc_is_refused_with_save_as_docx(tmp_path):
    path = write(tmp_path, "old.doc", _patched_word(2, 0x0068))
    message = refusal(path)
    assert "Word 6/95" in message and ".docx" in message


def test_ole_file_without_word_stream_is_named(tmp_path):
    ole = _Ole(_seed_doc())
    name = "CONTENTS".encode("utf-16-le") + b"\x00\x00"
    ole.data[ole.dir_at : ole.dir_at + 64] = name.ljust(64, b"\x00")
    struct.pack_into("<H", ole.data, ole.dir_at + 64, len(name))
    message = refusal(write(tmp_path, "works.wps", bytes(ole.data)))
    assert "Works" in message


def test_truncated_doc_is_refused(tmp_path):
    data = _seed_doc()
    for cut in (600, len(data) // 3, len(data) - 3000):
        assert "damaged" in refusal(write(tmp_path, f"cut{cut}.doc", data[:cut]))


def test_looping_sector_chain_is_refused_not_read_as_garbage(tmp_path):
    ole = _Ole(_seed_doc())
    start = ole.entry.isectStart
    struct.pack_into("<I", ole.data, ole.fat_at(start), start)  # the first sector points at itself
    assert "damaged" in refusal(write(tmp_path, "loop.doc", bytes(ole.data)))


def test_huge_declared_stream_size_is_refused_at_once(tmp_path):
    ole = _Ole(_seed_doc())
    struct.pack_into("<I", ole.data, ole.dir_at + 120, 0x7FFF0000)
    assert "damaged" in refusal(write(tmp_path, "huge.doc", bytes(ole.data)))


def test_piece_table_pointing_outside_the_file_is_refused(tmp_path):
    # ccpText (FibRgLw97 index 3) far beyond the stream: the header's lengths are impossible.
    assert "damaged" in refusal(write(tmp_path, "len.doc", _patched_word(64 + 12, 0x7FFFFFF, "<i")))


def test_random_bytes_after_an_ole_header_are_refused(tmp_path):
    import random

    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(3).randbytes(30000)
    assert "damaged" in refusal(write(tmp_path, "noise.doc", data))


# --- .rtf ---------------------------------------------------------------------------------------


def _rtf(body: str, head: str = "\\ansi\\ansicpg936\\deff0") -> bytes:
    fonts = (
        "{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}{\\f1\\fnil\\fcharset136 MingLiU;}{\\f2\\fswiss Arial;}}"
    )
    return ("{\\rtf1" + head + fonts + body + "}").encode("latin-1")


def _rtf_text(tmp_path: Path, body: str, head: str = "\\ansi\\ansicpg936\\deff0") -> str:
    return load_document(write(tmp_path, "t.rtf", _rtf(body, head))).text


def test_rtf_unicode_escapes_skip_their_fallback(tmp_path):
    assert (
        _rtf_text(tmp_path, "\\uc1\\u25919?\\u31574?\\uc2\\u27861\\'b7\\'a8 ok\\par").strip() == "政策法 ok"
    )


def test_rtf_code_pages_by_font_and_document(tmp_path):
    body = "\\f0\\'d5\\'fe\\'b2\\'df\\par\\f1\\'ac\\'46\\'b5\\'a6\\par\\f2 caf\\'e9\\par"
    gbk_document = _rtf_text(tmp_path, body).split("\n")
    assert gbk_document[:2] == ["政策", "政策"]  # GBK font, Big5 font
    assert _rtf_text(tmp_path, body, "\\ansi\\ansicpg1252\\deff2").split("\n")[2] == "café"


def test_rtf_skips_destinations_and_keeps_field_results(tmp_path):
    body = (
        "{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s1 heading 1;}}{\\info{\\title 标题}}"
        "{\\header 第1页\\par}{\\*\\generator Writer;}{\\pict\\pngblip 89504e47}"
        '正文{\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt 链接}}。\\par'
        "{\\footnote 注释内容}后文\\par"
    )
    path = write(tmp_path, "d.rtf", _rtf(body.encode("gbk").decode("latin-1").replace("\\par", "\\par")))
    document = load_document(path)
    assert document.text.split("\n") == ["正文链接。", "后文", "注释内容"]
    assert "page headers and footers left out" in document.notices
    assert any("footnotes" in n for n in document.notices)


def test_rtf_table_cells_and_rows(tmp_path):
    body = "\\trowd\\cellx100\\cellx200 \\intbl 甲\\cell 乙\\cell\\row \\pard 后\\par"
    assert _rtf_text(tmp_path, body.encode("gbk").decode("latin-1")).strip() == "甲\t乙\n后"


def test_rtf_deep_nesting_is_refused_quickly(tmp_path):
    data = b"{\\rtf1" + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}"
    assert "nests groups" in refusal(write(tmp_path, "deep.rtf", data))


def test_rtf_unbalanced_braces_and_binary_data_do_not_break_the_reader(tmp_path):
    data = b"{\\rtf1\\ansi }}}}} text\\par {\\pict\\bin5 \x00\x01{}\\} after\\par end"
    document = load_document(write(tmp_path, "odd.rtf", data))
    assert document.text.split() == ["text", "after", "end"]


def test_rtf_without_its_closing_brace_loads_with_a_notice(tmp_path):
    document = load_document(write(tmp_path, "open.rtf", b"{\\rtf1\\ansi text\\par end"))
    assert document.text.split() == ["text", "end"]
    assert any("cut short" in n for n in document.notices)


def test_rtf_binary_data_past_the_end_is_refused(tmp_path):
    data = b"{\\rtf1\\ansi text\\par {\\*\\bin9999999999 x} more}"
    assert "damaged" in refusal(write(tmp_path, "bin.rtf", data))


def test_rtf_large_file_is_read_in_linear_time(tmp_path):
    paragraph = "\\pard\\f0 " + "".join(f"\\u{ord(c)}?" for c in "促进经济持续稳进向好") + "\\par\n"
    data = ("{\\rtf1\\ansi\\ansicpg936" + paragraph * 12_000 + "}").encode("ascii")  # ~1.2 MB
    document = load_document(write(tmp_path, "big.rtf", data))
    assert document.text.count("\n") >= 11_999


# --- .mht ---------------------------------------------------------------------------------------


def test_mht_is_never_read_as_quoted_printable_text(tmp_path):
    document = load_document(write(tmp_path, "page.mht", mht_bytes("关于进一步推动经济高质量发展的若干政策")))
    assert document.format == "mht"
    assert document.text == "关于进一步推动经济高质量发展的若干政策"
    assert "=" not in document.text


def test_mht_with_only_a_plain_text_part(tmp_path):
    from email.mime.text import MIMEText

    message = MIMEText("第一条 总则\n第二条 附则", "plain", "gb2312")
    message["MIME-Version"] = "1.0"
    document = load_document(write(tmp_path, "plain.mht", message.as_bytes()))
    assert document.text == "第一条 总则\n第二条 附则"


def test_mht_without_a_page_is_refused(tmp_path):
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart

    archive = MIMEMultipart("related")
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(32), "png"))
    assert "without a page" in refusal(write(tmp_path, "empty.mht", archive.as_bytes()))


def test_mht_with_100k_parts_is_refused_quickly(tmp_path):
    part = b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n"
    data = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n' + part * 100_000
    assert "parts" in refusal(write(tmp_path, "many.mht", data))


def test_html_named_mht_is_read_as_html(tmp_path):
    path = write(tmp_path, "page.mht", page_html("第一条 总则", "utf-8").encode("utf-8"))
    assert load_document(path).text == "第一条 总则"


# --- .ofd ---------------------------------------------------------------------------------------


def test_ofd_leaves_out_templates_and_page_numbers_and_says_so(tmp_path):
    document = load_document(write(tmp_path, "a.ofd", make_ofd(SEED_TEXT)))
    assert document.format == "ofd"
    assert "内部资料" not in document.text and "— 2 —" not in document.text
    assert "page numbers left out" in document.notices
    assert any("template" in n for n in document.notices)


def _ofd_with(parts: dict[str, bytes], base: bytes | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(base or make_ofd("第一条 总则。")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename not in parts:
                archive.writestr(info.filename, source.read(info))
        for name, data in parts.items():
            if data:
                archive.writestr(name, data)
    return out.getvalue()


def test_ofd_zip_bomb_is_refused(tmp_path):
    bomb = _ofd_with({"Doc_0/Res/image.bmp": bytes(64 * 2**20)})
    assert "zip bomb" in refusal(write(tmp_path, "bomb.ofd", bomb))


def test_ofd_entity_tricks_are_refused(tmp_path):
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&b;</ofd:DocRoot>'
        b"</ofd:DocBody></ofd:OFD>"
    )
    assert "ENTITY" in refusal(write(tmp_path, "entity.ofd", _ofd_with({"OFD.xml": evil})))


def test_ofd_missing_part_and_truncation_are_refused(tmp_path):
    assert "missing" in refusal(write(tmp_path, "nodoc.ofd", _ofd_with({"Doc_0/Document.xml": b""})))
    data = make_ofd(SEED_TEXT)
    path = write(tmp_path, "cut.ofd", data[: len(data) - 200])
    message = refusal(path)
    assert "damaged" in message or "not a text document" in message


def test_ofd_repeated_spacing_cannot_inflate(tmp_path):
    page = (
        '<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content>'
        '<ofd:Layer ID="9"><ofd:TextObject ID="11" Boundary="20 40 100 6" Size="5">'
        '<ofd:TextCode X="0" Y="4" DeltaX="' + "g 100000 5 " * 20000 + '">第一条 总则。</ofd:TextCode>'
        "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    ).encode()
    document = load_document(write(tmp_path, "g.ofd", _ofd_with({"Doc_0/Pages/Page_0/Content.xml": page})))
    assert document.text.replace(" ", "") == "第一条总则。"


def test_binary_wps_of_old_kingsoft_is_named(tmp_path):
    import random

    assert "Kingsoft" in refusal(write(tmp_path, "old.wps", random.Random(5).randbytes(5000)))


def test_ofd_page_limit(tmp_path):
    path = write(tmp_path, "long.ofd", make_ofd(SEED_TEXT))
    assert "page limit" in refusal(path, LoadLimits(ofd_max_pages=3))


# --- content beats extension ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("web.doc", page_html(SEED_TEXT, "gb2312", word=True).encode("gb18030"), "html"),
        ("archive.doc", mht_bytes(SEED_TEXT), "mht"),
        ("rich.doc", codepage_rtf(SEED_TEXT), "rtf"),
        ("rich.wps", codepage_rtf(SEED_TEXT), "rtf"),
        ("e-document.doc", make_ofd(SEED_TEXT), "ofd"),
        ("text.doc", SEED_TEXT.encode("gb18030"), "txt"),
        ("archive.txt", mht_bytes(SEED_TEXT), "mht"),
    ],
)
def test_content_decides_the_reader(tmp_path, name, data, fmt):
    document = load_document(write(tmp_path, name, data))
    assert document.format == fmt
    assert_same_as_source(SEED_TEXT, document)


def test_docx_named_doc_loads_as_docx(tmp_path):
    import docx

    word = docx.Document()
    for line in SEED_TEXT.split("\n"):
        word.add_paragraph(line)
    path = tmp_path / "real.doc"
    word.save(path)
    assert load_document(path).format == "docx"


def test_sniff_recognises_web_archives_only_by_their_headers():
    assert sniff(mht_bytes("x"))[0] == Kind.MHT
    assert sniff(b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n")[0] == Kind.MHT
    assert sniff("第一条 MIME-Version: 1.0\nContent-Type: text/html\n".encode())[0] == Kind.TEXT
    assert sniff(b"Subject: a\nbody text without a blank line " * 1000)[0] == Kind.TEXT
    assert sniff(b"\xef\xbb\xbf{\\rtf1 x}")[0] == Kind.RTF


# --- damaged files of every format: a document or one line, in bounded time --------------------


def _mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    """Copies with a few bytes overwritten, a run deleted or the tail cut: what disks and mail do."""
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(count):
        copy = bytearray(data)
        action = rng.randrange(3)
        if action == 0:
            for _ in range(rng.randrange(1, 16)):
                copy[rng.randrange(len(copy))] = rng.randrange(256)
        elif action == 1:
            at = rng.randrange(len(copy))
            del copy[at : at + rng.randrange(1, 2000)]
        else:
            del copy[rng.randrange(1, len(copy)) :]
        out.append(bytes(copy))
    return out


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("m.doc", lambda: (FIXTURES / "table_field.doc").read_bytes()),
        ("m.rtf", lambda: (FIXTURES / "notes_header.rtf").read_bytes()),
        ("m.mht", lambda: mht_bytes("第一条 总则。\n第二条 附则。")),
        ("m.ofd", lambda: make_ofd("第一条 总则。\n第二条 附则。")),
    ],
)
def test_damaged_files_give_a_document_or_one_line(tmp_path, monkeypatch, name, make):
    no_soffice(monkeypatch)
    for i, data in enumerate(_mutations(make(), 60, seed=len(name))):
        path = write(tmp_path, f"{i}{name}", data)
        try:
            document = load_document(path)
        except LoadError as exc:
            assert "\n" not in str(exc)
        else:
            assert document.text.strip()


def test_a_cut_rtf_is_refused_not_read_in_part(tmp_path):
    data = (FIXTURES / "seed000.rtf").read_bytes()
    assert "unclosed group" in refusal(write(tmp_path, "cut.rtf", data[: len(data) // 2]))


def test_a_damaged_ofd_is_named_as_an_ofd(tmp_path):
    data = make_ofd(SEED_TEXT)
    message = refusal(write(tmp_path, "cut.ofd", data[: len(data) // 2]))
    assert "OFD" in message and ".docx" not in message


def test_doc_numbering_counts_a_level_skipped_on_the_way_down_once():
    """Word's rule, as the .docx reader has it: 1. / (skipped level) / a. then the skipped level's
    first item is its second (Apache Tika's numbered-list document: 2. A ii 2)."""
    from policydiff.io.office.doc_numbering import Level, Numbering

    def level(k: int) -> Level:
        return Level(start=1, nfc=0, template=chr(k) + ".", follow="", legal=False, no_restart=False)

    numbering = Numbering(lists={7: [level(k) for k in range(9)]}, lfos=[(7, {})])
    labels = [numbering.label(1, ilvl) for ilvl in (0, 2, 2, 1, 0, 1)]
    assert labels == ["1.", "1.", "2.", "2.", "2.", "1."]
