"""Real-file faithfulness of the OFD reader: the older namespace, page parts of any name, page
templates that hold a form's content, and limits that count what is laid out. Every file is built
in the test (tests/fixtures/make_ofd.py lays text out as an OFD producer does).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import load_document
from policydiff.io.limits import LoadLimits
from tests.fixtures.make_ofd import NS, make_ofd

TEXT = "某某市管理办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法自公布之日起施行。"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rezip(data: bytes, edit) -> bytes:
    """The archive with each member passed through ``edit(name, bytes) -> {name: bytes}``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            for name, content in edit(info.filename, source.read(info)).items():
                target.writestr(name, content)
    return out.getvalue()


def _text(document_text: str) -> str:
    return "".join(document_text.split())


def test_ofd_in_the_older_namespace_is_read(tmp_path):
    old = rezip(make_ofd(TEXT), lambda n, d: {n: d.replace(NS.encode(), b"http://www.ofdspec.org")})
    document = load_document(write(tmp_path, "old.ofd", old))
    assert _text(document.text).endswith(_text(TEXT))  # after the one page's template mark


def test_page_part_not_named_xml_with_entities_is_refused_not_dropped(tmp_path):
    def edit(name: str, data: bytes) -> dict[str, bytes]:
        if name == "Doc_0/Document.xml":
            return {name: data.replace(b"Pages/Page_0/Content.xml", b"Pages/Page_0/Content")}
        if name == "Doc_0/Pages/Page_0/Content.xml":
            data = data.replace(b"?>", b'?><!DOCTYPE ofd:Page [<!ENTITY art "\xe7\xac\xac">]>', 1)
            return {"Doc_0/Pages/Page_0/Content": data.replace("第".encode(), b"&art;")}
        return {name: data}

    with pytest.raises(LoadError, match="ENTITY"):
        load_document(write(tmp_path, "entity.ofd", rezip(make_ofd(TEXT), edit)))


def test_page_part_not_named_xml_is_read(tmp_path):
    def edit(name: str, data: bytes) -> dict[str, bytes]:
        if name == "Doc_0/Document.xml":
            return {name: data.replace(b"Pages/Page_0/Content.xml", b"Pages/Page_0/Content.ofdx")}
        if name == "Doc_0/Pages/Page_0/Content.xml":
            return {"Doc_0/Pages/Page_0/Content.ofdx": data}
        return {name: data}

    document = load_document(write(tmp_path, "named.ofd", rezip(make_ofd(TEXT), edit)))
    assert _text(document.text).endswith(_text(TEXT))  # after the one page's template mark


def test_many_pages_pointing_at_one_content_part_count_every_page_laid_out(tmp_path):
    text = "第一条 " + "本办法规定的事项应当依法办理。" * 60

    def edit(name: str, data: bytes) -> dict[str, bytes]:
        if name == "Doc_0/Document.xml":
            pages = "".join(
                f'<ofd:Page ID="{900 + n}" BaseLoc="Pages/Page_0/Content.xml"/>' for n in range(400)
            )
            head, _, rest = data.partition(b"<ofd:Pages>")
            return {
                name: head
                + b"<ofd:Pages>"
                + pages.encode()
                + b"</ofd:Pages>"
                + rest.partition(b"</ofd:Pages>")[2]
            }
        return {name: data}

    path = write(tmp_path, "repeat.ofd", rezip(make_ofd(text), edit))
    with pytest.raises(LoadError, match="lays out more than 100,000 characters"):
        load_document(path, LoadLimits(ofd_max_glyphs=100_000))


def _form(pages: int) -> bytes:
    """A form: its labels in a page template in mid-page, the filled-in values on the page."""
    template = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="7">'
        '<ofd:TextObject ID="20" Boundary="10 10 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">建设单位'
        "</ofd:TextCode></ofd:TextObject>"
        '<ofd:TextObject ID="21" Boundary="10 60 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">工程名称'
        "</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    )

    def edit(name: str, data: bytes) -> dict[str, bytes]:
        if name == "Doc_0/Tpls/Tpl_0/Content.xml":
            return {name: template.encode()}
        return {name: data}

    body = "\n".join(f"第{n}页的正文内容" + "。" * 300 for n in range(pages))
    return rezip(make_ofd(body), edit)


def test_template_of_a_one_page_form_is_its_content(tmp_path):
    document = load_document(write(tmp_path, "form.ofd", _form(1)))
    assert "建设单位" in document.text and "工程名称" in document.text
    assert not any("template" in notice for notice in document.notices)


def test_template_repeated_at_the_top_of_many_pages_is_furniture_but_mid_page_text_is_kept(tmp_path):
    document = load_document(write(tmp_path, "form.ofd", _form(3)))
    assert "建设单位" not in document.text  # at the top edge of every page: a running header
    assert document.text.count("工程名称") >= 2  # mid-page: drawn on each page, and read there
    assert any("template" in notice for notice in document.notices)


def test_numbers_near_the_page_edge_are_text_only_the_outermost_line_is_a_page_number(tmp_path):
    from tests.fixtures.make_ofd import Layout

    lines = [f"第{n + 1}条 本条规定的事项。" for n in range(20)] + ["2020", "05", "08"]
    document = load_document(write(tmp_path, "numbers.ofd", make_ofd("\n".join(lines), Layout(lines=23))))
    assert document.text.split("\n")[-3:] == ["2020", "05", "08"]
    assert "— 1 —" not in document.text and "page numbers left out" in document.notices
