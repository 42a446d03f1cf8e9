"""Turn a web page (or a text file that is really one) into plain lines of document text.

Policy texts are often saved from government sites: the document sits in ``<p>``/``<div>``
blocks among navigation, scripts and footers, sometimes behind YAML front matter. Each block
becomes a line; page chrome is dropped. Nothing is fetched and no script runs: the standard
library's tokenizer only reads the markup.
May import: the standard library only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never document text.
_NEVER_TEXT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "iframe",
        "template",
        "head",
        "title",
        "svg",
        "object",
        "embed",
        "canvas",
        "select",
        "button",
        "math",
    }
)
# Page chrome: dropped, unless one of them holds most of the page's text (ASP.NET pages wrap the
# whole body in a <form>; a missing </header> would otherwise swallow the document).
_CHROME = frozenset({"nav", "header", "footer", "form", "aside", "menu"})
_CHROME_KEEP_SHARE = 0.5
# Elements that start and end a line.
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "blockquote",
        "pre",
        "hr",
        "section",
        "article",
        "main",
        "address",
        "figure",
        "figcaption",
        "center",
        "fieldset",
        "legend",
        "body",
        "html",
        "details",
        "summary",
        "option",
    }
    | _CHROME
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "param",
        "source",
        "track",
        "wbr",
    }
)

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace; U+3000 and NBSP are text
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_KEY = re.compile(r"\s*[A-Za-z_][\w-]*[ \t]*:")
_CELL_GAP = re.compile(r" *\t[ \t]*")
_TAG = re.compile(
    r"</?(?:p|div|br|span|li|ul|ol|h[1-6]|table|tr|td|th|strong|b|em|a|img|font|section|article"
    r"|body|head|meta|link|script|style|center|tbody)\b[^<>]{0,1000}>",
    re.IGNORECASE,
)
_DOCTYPE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
_SNIFF_CHARS = 65536
_MIN_TAGS = 3


def strip_front_matter(text: str) -> str:
    """Drop a leading YAML front matter block (``---`` … ``---``), as blog and wiki exports have."""
    match = _FRONT_MATTER.match(text[:_SNIFF_CHARS])
    if match is None or not _YAML_KEY.match(match["body"]):
        return text
    return text[match.end() :]


def has_front_matter(text: str) -> bool:
    return strip_front_matter(text) is not text


def looks_like_html(text: str) -> bool:
    """True if ``text`` is a web page or a Markdown/text file made mostly of HTML blocks."""
    head = strip_front_matter(text)[:_SNIFF_CHARS]
    if _DOCTYPE.match(head):
        return True
    count = 0
    for _ in _TAG.finditer(head):
        count += 1
        if count >= _MIN_TAGS:
            return True
    return False


class _Chrome:
    """Text inside one chrome element (nested chrome as sub-blocks), kept or dropped at the end."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.parts: list[str | _Chrome] = []

    def size(self) -> int:
        return sum(len(p) if isinstance(p, str) else p.size() for p in self.parts)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Chrome("")
        self.open: list[_Chrome] = [self.root]  # the root, then open chrome elements
        self.never = 0  # depth inside _NEVER_TEXT elements
        self.pre = 0

    def _emit(self, s: str) -> None:
        self.open[-1].parts.append(s)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NEVER_TEXT:
            if tag not in _VOID:
                self.never += 1
            return
        if self.never:
            return
        if tag in _CHROME:
            block = _Chrome(tag)
            self.open[-1].parts.append(block)
            self.open.append(block)
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self._emit("\n")
        elif tag in _CELLS:
            self._emit("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in _NEVER_TEXT:
            self.never = max(0, self.never - 1)
            return
        if self.never:
            return
        if tag in _BLOCKS:
            self._emit("\n")
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _CHROME and any(b.tag == tag for b in self.open[1:]):
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.never:
            return
        self._emit(data if self.pre else _HTML_SPACE.sub(" ", data))

    def text(self) -> str:
        """The collected text; a chrome block stays only if it holds most of the page's text."""
        keep_above = _CHROME_KEEP_SHARE * self.root.size()
        out: list[str] = []

        def walk(block: _Chrome) -> None:
            for part in block.parts:
                if isinstance(part, str):
                    out.append(part)
                elif part.size() > keep_above:
                    walk(part)
                else:
                    out.append("\n")

        walk(self.root)
        return "".join(out)


def html_to_text(text: str) -> str:
    """Plain text of an HTML document: one line per block element, table cells tab-separated.

    Drops front matter, comments, scripts, styles and page chrome (nav, header, footer, form,
    aside) and decodes entities. Lines are stripped; empty lines are left out.
    """
    parser = _Extractor()
    parser.feed(strip_front_matter(text))
    parser.close()
    lines = (_CELL_GAP.sub("\t", line.strip()) for line in parser.text().split("\n"))
    return "\n".join(line for line in lines if line)
