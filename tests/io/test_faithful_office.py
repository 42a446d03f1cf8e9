"""Real-file faithfulness of the office readers (.doc, .rtf, .odt, .docx, txt): nothing a reader of
the document sees is dropped, nothing it does not see is shown, and what is left out is noticed.

Every file here is built in the test from a committed fixture or from scratch, each shaped like
the real file that showed the fault (never a copy of one).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import load_document

LEGACY = Path(__file__).parent.parent / "fixtures" / "legacy"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- .doc -----------------------------------------------------------------------------------------


def test_doc_field_opened_and_never_closed_does_not_swallow_the_rest(tmp_path):
    data = (LEGACY / "seed000.doc").read_bytes()
    heading = "一、扩大有效投资".encode("utf-16-le")
    assert data.count(heading) == 1
    broken = data.replace(heading, "\x13、扩大有效投资".encode("utf-16-le"))
    text = load_document(write(tmp_path, "open_field.doc", broken)).text
    assert "扩大有效投资政策" in text
    assert "二、" in text and "向上争取资金支持" in text


# --- .rtf -----------------------------------------------------------------------------------------


def _rtf(body: str) -> bytes:
    fonts = "{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0" + fonts + body + "}").encode("latin-1")


def _rtf_load(tmp_path: Path, body: str):
    return load_document(write(tmp_path, "t.rtf", _rtf(body)))


def test_rtf_optional_group_with_a_line_break_after_its_brace_is_still_skipped(tmp_path):
    body = "\\uc1\\u27491?\\u25991?\\par{\r\n\\*\\datastore 0105000002000000180000004d73786d6c322e534158584d4c}\\par"
    text = _rtf_load(tmp_path, body).text
    assert text.strip() == "正文"


def test_rtf_text_box_in_a_shape_is_read_in_place(tmp_path):
    body = (
        "\\uc1\\u31532?\\u19968?\\u26465?\\par"
        "{\\shp{\\*\\shpinst\\shpleft0\\shptop0{\\sp{\\sn shapeType}{\\sv 202}}"
        "{\\shptxt \\pard 900\\u19975?\\u20803?\\par}}"
        "{\\shprslt{\\*\\do\\dobxcolumn\\dptxbx{\\dptxbxtext 900\\u19975?\\u20803?\\par}}}}"
        "\\u31532?\\u20108?\\u26465?\\par"
    )
    lines = [line for line in _rtf_load(tmp_path, body).text.split("\n") if line.strip()]
    assert lines == ["第一条", "900万元", "第二条"]


def test_rtf_nested_table_fallback_is_not_read_beside_the_table(tmp_path):
    body = (
        "\\trowd\\cellx2000\\cellx4000 A1\\cell"
        "\\pard\\intbl\\itap2 N1\\nestcell N2\\nestcell{\\*\\nesttableprops\\trowd\\cellx1000\\nestrow}"
        "{\\nonesttables N1 N2\\par}\\pard\\intbl B1\\cell\\row"
    )
    text = _rtf_load(tmp_path, body).text
    assert text.count("N1") == 1 and text.count("N2") == 1


def test_rtf_hidden_text_is_left_out_with_a_notice(tmp_path):
    document = _rtf_load(tmp_path, "\\u24212?\\u24403?{\\v \\u19981?}\\u36981?\\u23432?\\par")
    assert document.text.strip() == "应当遵守"
    assert "had hidden text; left out" in document.notices


# --- .odt -----------------------------------------------------------------------------------------


def test_odt_formula_object_with_a_doctype_is_read(tmp_path):
    from tests.io.test_formats_odt import odt

    path = odt(
        tmp_path,
        '<text:p>第一条 面积为<draw:frame><draw:object xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="./Object 1"/></draw:frame>。</text:p>',
    )
    math = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE math:math PUBLIC "-//OpenOffice.org//DTD Modified W3C'
        b' MathML 1.01//EN" "math.dtd">\n<math:math xmlns:math="http://www.w3.org/1998/Math/MathML">'
        b"<math:semantics><math:mi>x</math:mi></math:semantics></math:math>"
    )
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("Object 1/content.xml", math)
    assert load_document(path).text.startswith("第一条 面积为")


def test_odt_entity_declarations_are_still_refused(tmp_path):
    from tests.io.test_formats_odt import odt

    path = odt(tmp_path, "<text:p>x</text:p>")
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("Object 1/content.xml", b'<!DOCTYPE m [<!ENTITY a "aaaa">]><m>&a;</m>')
    with pytest.raises(LoadError, match="DOCTYPE/ENTITY"):
        load_document(path)


def test_odt_list_nested_deeper_than_its_style_is_read(tmp_path):
    from tests.io.test_formats_odt import odt

    depth = 100
    body = "<text:p>第一条</text:p>"
    for level in range(depth):
        body = f"<text:list><text:list-item><text:p>第{level}层</text:p>{body}</text:list-item></text:list>"
    text = load_document(odt(tmp_path, body)).text
    assert "第99层" in text and "第一条" in text and "第0层" in text


HIDDEN_STYLES = (
    '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>'
    '<style:style style:name="P1" style:family="paragraph"><style:text-properties text:display="none"/></style:style>'
    '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="P1"/>'
)


@pytest.mark.parametrize(
    "body",
    [
        '<text:p>企业<text:span text:style-name="T1">不</text:span>应当遵守本办法。</text:p>',
        '<text:p>企业应当遵守本办法。</text:p><text:p text:style-name="P2">企业不应当遵守本办法。</text:p>',
        '<text:p>企业应当遵守本办法。</text:p><text:section text:name="S" text:display="none">'
        "<text:p>企业不应当遵守本办法。</text:p></text:section>",
        '<text:p>企业应当遵守本办法。</text:p><text:p><text:hidden-paragraph text:condition="ooow:1"'
        ' text:is-hidden="true"/>企业不应当遵守本办法。</text:p>',
        '<text:p>企业<text:hidden-text text:condition="ooow:1" text:string-value="不" text:is-hidden="true">不'
        "</text:hidden-text>应当遵守本办法。</text:p>",
    ],
)
def test_odt_hidden_text_is_left_out_with_a_notice(tmp_path, body):
    from tests.io.test_formats_odt import odt

    document = load_document(odt(tmp_path, body, HIDDEN_STYLES))
    assert document.text.strip() == "企业应当遵守本办法。"
    assert "had hidden text; left out" in document.notices


# --- .docx ----------------------------------------------------------------------------------------


def test_docx_note_marks_stay_in_the_body_in_the_documents_formats(tmp_path):
    from tests.io.test_formats_docx import NS, make, p

    footnotes = (
        f"<w:footnotes {NS}>"
        '<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="6"><w:p><w:r><w:t>※ 自定义</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    endnotes = (
        f"<w:endnotes {NS}>"
        '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:tab/><w:t>尾注一</w:t></w:r></w:p></w:endnote>'
        '<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>尾注二</w:t></w:r></w:p></w:endnote></w:endnotes>'
    )
    rels = (
        '<Relationship Id="f1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="e1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
    )
    runs = (
        '<w:r><w:t>第一条</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r>'
        '<w:r><w:t>第二条</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>'
        '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>※</w:t></w:r>'
        '<w:r><w:t>第三条</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r>'
    )
    parts = {"word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes}
    document = load_document(make(tmp_path, p("", runs=runs), parts=parts, rels=rels))
    assert document.text.split("\n") == [
        "第一条1第二条i※第三条ii",
        "1 脚注",
        "※ 自定义",
        "i 尾注一",
        "ii 尾注二",
    ]


# --- txt ------------------------------------------------------------------------------------------


def test_text_quoting_a_pdf_header_near_its_top_is_read_as_text(tmp_path):
    text = "关于文件格式的说明\n第一条 归档文件应当以%PDF-1.7格式保存。\n第二条 本说明自印发之日起施行。\n"
    document = load_document(write(tmp_path, "note.txt", text.encode("utf-8")))
    assert document.format == "txt" and "%PDF-1.7" in document.text


def test_junk_before_a_real_pdf_header_still_reads_as_pdf():
    from policydiff.io.sniff import Kind, sniff

    assert sniff(b"junk line\n%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")[0] == Kind.PDF
    assert sniff(b"%PDF-1.4\n")[0] == Kind.PDF


def test_odt_bibliography_entry_templates_are_not_text(tmp_path):
    from tests.io.test_formats_odt import odt

    body = (
        "<text:p>Another project is [Solr]</text:p>"
        '<text:bibliography text:name="B"><text:bibliography-source>'
        "<text:index-title-template>Bibliography</text:index-title-template>"
        '<text:bibliography-entry-template text:bibliography-type="www">'
        '<text:index-entry-bibliography text:bibliography-data-field="author"/>'
        "<text:index-entry-span>, </text:index-entry-span><text:index-entry-span>: see </text:index-entry-span>"
        "</text:bibliography-entry-template></text:bibliography-source>"
        "<text:index-body><text:p>Solr: Various, Solr website</text:p></text:index-body></text:bibliography>"
    )
    assert load_document(odt(tmp_path, body)).text.split("\n") == [
        "Another project is [Solr]",
        "Solr: Various, Solr website",
    ]


def test_rtf_note_mark_stays_in_the_body():
    from policydiff.io.limits import LoadLimits
    from policydiff.io.office.rtf import read_rtf

    body = "\\uc1\\u27491?{\\super\\chftn}{\\footnote\\pard{\\super\\chftn}\\u27880?}\\u32493?\\par"
    assert read_rtf(_rtf(body), LoadLimits()).text.split("\n") == ["正1续", "1 注"]
