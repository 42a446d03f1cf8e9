"""Real-file faithfulness of the web readers (HTML, MHT): hidden text is left out with a notice,
a web archive's page is the one it names, in the charset its bytes are really in, and its
part-count guard counts the parts it lays out. Every file is built in the test.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import load_document
from policydiff.io.web.html import hiding_rules, read_html


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- HTML hidden text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '<p>企业<span style="display: none">不</span>应当遵守本办法。</p>',
        "<p>企业<span hidden>不</span>应当遵守本办法。</p>",
        '<p>企业<font style="VISIBILITY:hidden">不</font>应当遵守本办法。</p>',
        '<p>企业<span class="x hide">不</span>应当遵守本办法。</p>',
        '<p>企业应当遵守本办法。</p><div id="old">企业不应当遵守本办法。</div>',
        '<p>企业应当遵守本办法。</p><p style="display:none">企业不应当遵守本办法。</p>',
    ],
)
def test_html_hidden_text_is_left_out_with_a_notice(tmp_path, body):
    page = (
        "<html><head><style>.hide { display:none } p.other, #old {visibility: hidden}</style></head>"
        f"<body><h1>某某管理办法</h1>{body}<p>第二条 本办法自公布之日起施行。</p></body></html>"
    )
    document = load_document(write(tmp_path, "p.html", page.encode("utf-8")))
    assert document.text.split("\n") == [
        "某某管理办法",
        "企业应当遵守本办法。",
        "第二条 本办法自公布之日起施行。",
    ]
    assert "had hidden text; left out" in document.notices


def test_html_hidden_block_holding_most_of_the_page_is_kept():
    """A page whose document sits in a tab a script reveals: hiding it all would show nothing."""
    articles = "".join(f"<p>第{n}条 本条规定的事项应当依法办理。</p>" for n in "一二三四五六")
    page = f'<html><body><p>首页</p><div style="display:none">{articles}</div></body></html>'
    text = read_html(page).text
    assert text.count("本条规定的事项") == 6


def test_html_without_hidden_text_has_no_notice():
    assert read_html("<html><body><p>企业应当遵守本办法。</p></body></html>").notices == ()


def test_hiding_rules_take_simple_selectors_only():
    css = ".a{display:none} div.b, #c { visibility : hidden } .d .e{display:none} .f:hover{display:none} .g{color:red}"
    assert hiding_rules(css) == frozenset({".a", ".b", "#c"})


# --- MHT -------------------------------------------------------------------------------------------


def _mht(parts: list[tuple[str, bytes]], start: str = "") -> bytes:
    head = (
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; boundary="B0"; type="text/html"{start}\r\n\r\n'
    )
    out = head.encode()
    for headers, payload in parts:
        out += b"--B0\r\n" + headers.encode() + b"\r\n\r\n" + payload + b"\r\n"
    return out + b"--B0--\r\n"


def _page(text: str, charset: str = "utf-8") -> bytes:
    return base64.encodebytes(f"<html><body><p>{text}</p></body></html>".encode(charset))


def test_mht_start_parameter_names_the_page(tmp_path):
    decoy = ("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64", _page("广告页"))
    main = (
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <main@x>",
        _page("第一条 正文。"),
    )
    data = _mht([decoy, main], start='; start="<main@x>"')
    assert load_document(write(tmp_path, "a.mht", data)).text == "第一条 正文。"


def test_mht_page_labelled_us_ascii_holding_gbk_is_read_with_a_notice(tmp_path):
    page = (
        "Content-Type: text/html; charset=us-ascii\r\nContent-Transfer-Encoding: base64",
        _page("第一条 正文。", "gbk"),
    )
    document = load_document(write(tmp_path, "a.mht", _mht([page])))
    assert document.text == "第一条 正文。"
    assert any("labelled us-ascii" in notice for notice in document.notices)


def test_mht_parts_without_content_type_count_against_the_limit(tmp_path):
    page = ("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64", _page("正文"))
    bare = [("X-Part: 1", b"x")] * 6000
    with pytest.raises(LoadError, match="more than 5,000 parts"):
        load_document(write(tmp_path, "a.mht", _mht([page, *bare])))
