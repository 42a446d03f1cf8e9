"""Turn a web page (or a text file that is really one) into plain lines of document text.

Policy texts are often saved from government sites: the document sits in ``<p>``/``<div>``
blocks among navigation, scripts and footers, sometimes behind YAML front matter. Each block
becomes a line; page chrome is dropped. Nothing is fetched and no script runs: libxml2's HTML
parser (through lxml, fast and linear on malformed markup) only reads the markup.
May import: the standard library, lxml.
"""

from __future__ import annotations

import re
from functools import cached_property

from lxml import etree

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

    def __init__(self, element: object) -> None:
        self.element = element
        self.parts: list[str | _Chrome] = []

    @cached_property
    def size(self) -> int:
        """Characters inside, nested blocks included; asked only once the walk is done."""
        return sum(len(p) if isinstance(p, str) else p.size for p in self.parts)


class _Extractor:
    """Walks the parsed tree without recursion, collecting text and line breaks."""

    def __init__(self) -> None:
        self.root = _Chrome(None)
        self.open: list[_Chrome] = [self.root]  # the root, then open chrome elements
        self.pre = 0

    def _emit(self, s: str | None) -> None:
        if s:
            self.open[-1].parts.append(s if self.pre else _HTML_SPACE.sub(" ", s))

    def walk(self, root: etree._Element) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else ""
            if event == "start":
                if tag in _NEVER_TEXT:
                    walker.skip_subtree()
                    continue
                if tag in _CHROME:
                    block = _Chrome(element)
                    self.open[-1].parts.append(block)
                    self.open.append(block)
                if tag == "pre":
                    self.pre += 1
                if tag in _BLOCKS:
                    self.open[-1].parts.append("\n")
                elif tag in _CELLS:
                    self.open[-1].parts.append("\t")
                self._emit(element.text)
            else:
                if tag not in _NEVER_TEXT:
                    if tag in _BLOCKS:
                        self.open[-1].parts.append("\n")
                    if tag == "pre":
                        self.pre -= 1
                    if tag in _CHROME:
                        self.open.pop()
                self._emit(element.tail)

    def text(self) -> str:
        """The collected text; a chrome block stays only if it holds most of the page's text."""
        keep_above = _CHROME_KEEP_SHARE * self.root.size
        out: list[str] = []
        stack: list[str | _Chrome] = list(reversed(self.root.parts))
        while stack:
            part = stack.pop()
            if isinstance(part, str):
                out.append(part)
            elif part.size > keep_above:
                stack.extend(reversed(part.parts))
            else:
                out.append("\n")
        return "".join(out)


def html_to_text(text: str) -> str:
    """Plain text of an HTML document: one line per block element, table cells tab-separated.

    Drops front matter, comments, scripts, styles and page chrome (nav, header, footer, form,
    aside) and decodes entities. Lines are stripped; empty lines are left out.
    """
    parser = etree.HTMLParser(
        encoding="utf-8", recover=True, no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(strip_front_matter(text).encode("utf-8", "surrogatepass"), parser)
    except etree.XMLSyntaxError:  # nothing parseable, e.g. only whitespace
        root = None
    if root is None:
        return ""
    extractor = _Extractor()
    extractor.walk(root)
    lines = (_CELL_GAP.sub("\t", line.strip()) for line in extractor.text().split("\n"))
    return "\n".join(line for line in lines if line)
