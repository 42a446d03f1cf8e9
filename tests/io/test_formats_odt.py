"""OpenDocument text (.odt) files compare unchanged against their source text.

The committed fixtures in tests/fixtures/odt/ were made by LibreOffice from the .docx fixtures
(tests/fixtures/make_docx_fixtures.py); small files built here pin down list numbering, spaces,
tracked changes, frames, tables and notes, and the archive guards shared with .docx.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import LoadLimits, load_document
from tests.fixtures.make_docx_fixtures import (
    DOCX_DIR,
    ODT_DIR,
    ODT_VARIANTS,
    PAIR_ONLY,
    convert,
    expected_text,
    soffice,
    sources,
)
from tests.format_check import assert_same_as_source

SOURCES = sources()
FIXTURES = [(stem, v) for stem in SOURCES if stem not in PAIR_ONLY for v in ODT_VARIANTS]

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3"'
)


@pytest.mark.parametrize(("stem", "variant"), FIXTURES, ids=[f"{s}.{v}" for s, v in FIXTURES])
def test_libreoffice_odt_compares_unchanged_against_its_source(stem, variant):
    document = load_document(ODT_DIR / f"{stem}.{variant}.odt")
    assert document.format == "odt"
    assert_same_as_source(expected_text(SOURCES[stem], variant), document)
    assert ("had tracked changes; shown as the final text (accepted)" in document.notices) == (
        variant == "tracked"
    )


def test_libreoffice_list_numbering_reaches_the_text():
    with zipfile.ZipFile(ODT_DIR / "fuyi2023.auto.odt") as z:
        assert "第一条".encode() not in z.read("content.xml")
    text = load_document(ODT_DIR / "fuyi2023.auto.odt").text
    assert "第一条 " in text and "第一章 " in text and "（一）" in text


@pytest.mark.slow
def test_odt_made_now_by_libreoffice(tmp_path):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    made = convert(DOCX_DIR / "kaohe2023.tracked.docx", "odt", tmp_path)
    assert_same_as_source(SOURCES["kaohe2023"], made)


def odt(tmp_path: Path, body: str, automatic: str = "", name: str = "t.odt", styles: str = "") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
        )
        z.writestr(
            "styles.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>{styles}</office:document-styles>',
        )
        z.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


LIST_STYLES = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-prefix="第" style:num-suffix="条" style:num-format="一, 二, 三, ..."/>'
    '<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/>'
    '<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="2"/>'
    "</text:list-style>"
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="①, ②, ③, ..." text:start-value="2"/></text:list-style>'
    '<text:list-style style:name="L3"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>'
    '<text:list-style style:name="L4"><text:list-level-style-number text:level="1" loext:num-list-format="%1%、" style:num-format="甲, 乙, 丙, ..."/></text:list-style>'
)


def item(text: str, inner: str = "", start: str = "") -> str:
    return f"<text:list-item{start}><text:p>{text}</text:p>{inner}</text:list-item>"


def test_list_numbering_levels_prefixes_and_continuation(tmp_path):
    nested = (
        "<text:list><text:list-item><text:list>"
        + item("甲项")
        + item("乙项")
        + "</text:list></text:list-item></text:list>"
    )
    body = (
        '<text:list text:style-name="L1">' + item("总则") + "</text:list>"
        "<text:p>中间的段落</text:p>"
        '<text:list text:style-name="L1" text:continue-numbering="true">'
        + item(
            "目的",
            "<text:list><text:list-item><text:p>情形</text:p>" + nested[len("<text:list><text:list-item>") :],
        )
        + "</text:list>"
        '<text:list text:style-name="L2">'
        + item("a")
        + item("b")
        + item("c", start=' text:start-value="9"')
        + "</text:list>"
        '<text:list text:style-name="L3">' + item("要点") + "</text:list>"
        '<text:list text:style-name="L4">' + item("首") + item("次") + "</text:list>"
        '<text:list text:style-name="L1">' + item("重新开始") + "</text:list>"
    )
    lines = load_document(odt(tmp_path, body, LIST_STYLES)).text.split("\n")
    assert lines == [
        "第一条 总则", "中间的段落", "第二条 目的", "（一） 情形", "一.1. 甲项", "一.2. 乙项",
        "② a", "③ b", "⑨ c", "要点", "甲、 首", "乙、 次", "第一条 重新开始",
    ]  # fmt: skip


def test_spaces_tabs_breaks_spans_links_and_a_frame(tmp_path):
    body = (
        '<text:h text:outline-level="1">标题</text:h>'
        '<text:p>一、<text:s text:c="3"/>总体<text:tab/>要求<text:line-break/>第二行'
        '<text:span>投资<text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">60</text:a>亿元</text:span></text:p>'
        "<text:p><draw:frame><draw:text-box><text:p>附件</text:p><text:p>椒政发〔2023〕6号</text:p></draw:text-box></draw:frame></text:p>"
        "<text:p>正文<office:annotation><dc:creator>x</dc:creator><text:p>批注不是正文</text:p></office:annotation>结束</text:p>"
    )
    text = load_document(odt(tmp_path, body)).text
    assert text.split("\n") == [
        "标题",
        "一、   总体 要求",
        "第二行投资60亿元",
        "附件",
        "椒政发〔2023〕6号",
        "",
        "正文结束",
    ]  # the frame's empty anchor paragraph stays


def test_tracked_deletions_are_hidden_and_noticed(tmp_path):
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info>'
        "<dc:creator>a</dc:creator></office:change-info><text:p>被删除的50</text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="c2"><text:insertion><office:change-info><dc:creator>a</dc:creator>'
        "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
        '<text:p>投资<text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>60<text:change-end text:change-id="c2"/>亿元</text:p>'
    )
    document = load_document(odt(tmp_path, body))
    assert document.text == "投资60亿元"
    assert document.notices == ("had tracked changes; shown as the final text (accepted)",)


def test_tables_and_notes(tmp_path):
    body = (
        "<table:table><table:table-column/><table:table-row><table:table-cell><text:p>指标</text:p></table:table-cell>"
        "<table:table-cell><text:p>2025年</text:p></table:table-cell></table:table-row>"
        '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>合计</text:p></table:table-cell>'
        "<table:covered-table-cell/></table:table-row></table:table>"
        '<text:p>正文<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>注释内容</text:p></text:note-body></text:note>续</text:p>"
    )
    document = load_document(odt(tmp_path, body))
    assert document.text.split("\n") == ["指标\t2025年", "合计", "正文1续", "1 注释内容"]  # the mark stays


def test_headers_and_footers_are_left_out(tmp_path):
    styles = (
        '<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>页眉标题</text:p></style:header>'
        "<style:footer><text:p>第<text:page-number>1</text:page-number>页</text:p></style:footer></style:master-page></office:master-styles>"
    )
    document = load_document(odt(tmp_path, "<text:p>正文</text:p>", styles=styles))
    assert document.text == "正文"
    assert "page headers and footers left out" in document.notices


def test_text_in_an_element_the_reader_skips_refuses_the_file(tmp_path):
    body = "<text:p>正文</text:p><text:unknown-block><text:p>别处的60亿元</text:p></text:unknown-block>"
    assert load_document(odt(tmp_path, body)).text.endswith("别处的60亿元")  # unknown containers are read
    stray = "<text:list><text:list-item>列表项里的60亿元<text:p>正文</text:p></text:list-item></text:list>"
    with pytest.raises(LoadError, match=r"could not place \(9 of 11 characters in content\.xml\)"):
        load_document(odt(tmp_path, stray))
    hidden = "<text:p>正文<text:sequence-decls>藏起来的字</text:sequence-decls></text:p>"
    assert load_document(odt(tmp_path, hidden)).text == "正文"  # declarations are not text


# --- hostile input: the guards shared with .docx -----------------------------------------------------


def test_odt_zip_bomb_refused(tmp_path):
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        with z.open("content.xml", "w", force_zip64=True) as member:
            for _ in range(16):
                member.write(b" " * 2**20)
    with pytest.raises(LoadError, match="zip bomb"):
        load_document(path)


def test_odt_with_entities_refused(tmp_path):
    path = odt(tmp_path, "<text:p>x</text:p>")
    data = {n: zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist()}
    data["content.xml"] = data["content.xml"].replace(b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaa">]>', 1)
    with zipfile.ZipFile(path, "w") as z:
        for name, content in data.items():
            z.writestr(name, content)
    with pytest.raises(LoadError, match="ENTITY"):
        load_document(path)


def test_odt_encrypted_by_its_manifest_is_refused_as_password_protected(tmp_path):
    """ODF encrypts each part and says so in the manifest (the zip entries are not flagged): the
    ciphertext of content.xml must not be reported as a damaged part."""
    path = tmp_path / "locked.odt"
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AA==">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AA=="/>'
        "</manifest:encryption-data></manifest:file-entry></manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", bytes(range(256)) * 4)
        z.writestr("META-INF/manifest.xml", manifest)
    with pytest.raises(LoadError, match="password-protected"):
        load_document(path)


def test_spreadsheet_is_not_read_as_text(tmp_path):
    path = tmp_path / "sheet.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    with pytest.raises(LoadError, match="spreadsheet or presentation"):
        load_document(path)


def test_truncated_odt_refused_in_one_line(tmp_path):
    data = (ODT_DIR / "seed000.auto.odt").read_bytes()
    path = tmp_path / "cut.odt"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert "\n" not in str(info.value) and "damaged" in str(info.value)


def test_a_huge_space_count_is_bounded(tmp_path):
    body = "<text:p>甲" + '<text:s text:c="1000000000"/>' * 1000 + "乙</text:p>"
    assert len(load_document(odt(tmp_path, body)).text) < 20_000


def test_odt_size_limit(tmp_path):
    path = ODT_DIR / "seed000.auto.odt"
    with pytest.raises(LoadError, match="limit"):
        load_document(path, LoadLimits(docx_max_uncompressed=10_000))
