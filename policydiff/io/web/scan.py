"""Linear scans of raw HTML: is this text really a web page, and how much text does a browser show?

Both questions are answered by walking the markup once with ``str.find`` (no backtracking regex), so
a hostile file (thousands of comments, an unterminated tag, megabytes of one character) costs time in
proportion to its length. The visible-character count lets the reader check that the HTML parser
handed over every character a browser would show: libxml2 stops at a nesting depth limit and can
give up on malformed input, and a lost sentence must never turn into a false "no differences".
May import: the standard library only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Tags that give a text file the block structure of a page (a stray <img> or </td> does not).
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th"}
    | {"section", "article", "body", "head", "meta", "link", "center", "tbody", "blockquote", "dl", "dd"}
)
# Known tag names: ASCII names only, so 《关于修改<中华人民共和国法官法>》 is never markup.
_KNOWN_TAG = re.compile(
    r"</?(?:p|div|br|span|li|ul|ol|h[1-6]|table|tr|td|th|strong|b|i|u|em|a|img|font|section|article"
    r"|body|head|meta|link|script|style|center|tbody|blockquote|dl|dt|dd|hr|sup|sub)\b[^<>]{0,1000}>",
    re.IGNORECASE,
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,15})")
# Raw-text elements: their content is not markup and not shown (script, style) or not document text.
_RAW_TEXT = ("script", "style")
_TAG_STOP = re.compile(r"""[>"']""")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_BLANKS = re.compile(r"\s+")
# Where a comment or a raw-text element starts: scanned to its end with find, not a regex.
_SPECIAL = re.compile(r"<!--|<(?:script|style)(?=[\s/>])", re.IGNORECASE)
# A tag, declaration or closing tag. Each repetition starts with a different character class
# (plain character, double-quoted or single-quoted value), so the pattern never backtracks; an
# unterminated tag runs to the end of the text, as it does for a browser.
_MARKUP = re.compile(r"""</?[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>?|<[!?/][^>]*>?""")


@dataclass(frozen=True)
class HtmlSniff:
    """What the sniff decides: the thresholds a text file must reach to be read as a page."""

    sniff_chars: int = 65536  # how much of the start is looked at
    min_block_tags: int = 8  # block-level tags needed besides a high markup share
    min_markup_share: float = 0.05  # characters inside known tags / non-blank characters (004: 0.13)


SNIFF = HtmlSniff()


def starts_like_page(head: str) -> bool:
    """True if ``head`` opens with ``<!DOCTYPE html>`` or ``<html``, after an XML declaration,
    comments and whitespace (each skipped with one ``find``: linear however many comments)."""
    i, n = 0, len(head)
    while True:
        while i < n and head[i].isspace():
            i += 1
        if head.startswith("<?", i):
            end = head.find(">", i)
            if end < 0:
                return False
            i = end + 1
        elif head.startswith("<!--", i):
            end = head.find("-->", i + 4)
            if end < 0:
                return False
            i = end + 3
        else:
            break
    word = head[i : i + 14].lower()
    if word.startswith("<!doctype"):
        return word[9:].lstrip().startswith("html")
    return word.startswith("<html") and (len(word) == 5 or not word[5].isalnum())


def markup_share(head: str, sniff: HtmlSniff = SNIFF) -> tuple[float, int]:
    """Share of the non-blank characters that sit inside known tags, and how many block tags."""
    inside = 0
    blocks = 0
    for match in _KNOWN_TAG.finditer(head):
        inside += len(match[0])
        name = _TAG_NAME.match(match[0])
        if name and name[1].lower() in BLOCK_TAGS:
            blocks += 1
    visible = len(_BLANKS.sub("", head))
    return (inside / visible if visible else 0.0), blocks


def is_page(text: str, sniff: HtmlSniff = SNIFF) -> bool:
    """A real page: a doctype or ``<html>`` root, or markup making up a large share of the text
    with block structure. A text with a few stray tags inside sentences stays text."""
    head = text[: sniff.sniff_chars]
    if starts_like_page(head):
        return True
    share, blocks = markup_share(head, sniff)
    return blocks >= sniff.min_block_tags and share >= sniff.min_markup_share


def _count_visible(segment: str) -> int:
    """Non-blank characters a browser shows in a stretch without comments, script or style:
    tags are not shown, an entity counts as what it decodes to."""
    shown = _MARKUP.sub(" ", segment)
    count = len(_BLANKS.sub("", shown))
    if "&" in shown:
        for match in _ENTITY.finditer(shown):
            count += sum(1 for ch in html.unescape(match[0]) if not ch.isspace()) - len(match[0])
    return count


def visible_chars(text: str) -> int:
    """Characters a browser shows in ``text`` (blanks not counted), in one pass over the markup.

    Tags, comments, declarations and the content of script and style are not shown; a ``<`` that
    does not start a tag (``a < b``, ``<中华人民共和国法官法>``) is text, as it is to a browser.
    """
    count = 0
    i, n = 0, len(text)
    lower: str | None = None
    for special in _SPECIAL.finditer(text):
        at = special.start()
        if at < i:  # inside a comment or script already skipped
            continue
        count += _count_visible(text[i:at])
        if special[0] == "<!--":
            end = text.find("-->", at + 4)
            i = n if end < 0 else end + 3
            continue
        tag = special[0][1:].lower()
        end = _tag_end(text, at + len(special[0]))
        if text[end - 2 : end] == "/>":
            i = end
            continue
        if lower is None:
            lower = text.lower()
        close = lower.find("</" + tag, end)
        i = n if close < 0 else close
    return count + _count_visible(text[i:])


def _tag_end(text: str, i: int) -> int:
    """One past the ``>`` closing the tag that starts before ``i``; a quoted attribute value
    (after ``=``) may hold ``>``."""
    n = len(text)
    while True:
        match = _TAG_STOP.search(text, i)
        if match is None:
            return n
        at = match.start()
        ch = text[at]
        if ch == ">":
            return at + 1
        if text[at - 1 : at] == "=" or text[at - 2 : at].replace(" ", "") == "=":
            close = text.find(ch, at + 1)
            if close < 0:
                return n
            i = close + 1
        else:
            i = at + 1


# --- is this text a page? (asked of every text file: no lxml needed) ---------------------------------

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_KEY = re.compile(r"\A[ \t\n]{0,1000}[A-Za-z_][\w-]{0,100}[ \t]{0,100}:")
_SNIFF_CHARS = 65536


def strip_front_matter(text: str) -> str:
    """Drop a leading YAML front matter block (``---`` … ``---``), as blog and wiki exports have."""
    match = _FRONT_MATTER.match(text[:_SNIFF_CHARS])
    if match is None or not _YAML_KEY.match(match["body"]):
        return text
    return text[match.end() :]


def has_front_matter(text: str) -> bool:
    return strip_front_matter(text) is not text


def looks_like_html(text: str) -> bool:
    """True if ``text`` is a web page (doctype or ``<html>`` root), or made mostly of HTML blocks
    (a Markdown export of a page); a text file with a few stray tags is not."""
    return is_page(strip_front_matter(text))
