"""Turn a web page (or a text file that is really one) into plain lines of document text.

Policy texts are often saved from government sites: the document sits in ``<p>``/``<div>``
blocks among navigation, scripts, share bars and footers, sometimes behind YAML front matter.
Each block becomes a line, an ``<ol>`` item gets the number a browser shows, page furniture is
dropped. Nothing is fetched and no script runs: libxml2's HTML parser (through lxml, linear on
malformed markup) reports the markup as events to a small collector, so no tree is built and
memory grows with the text, not with the number of elements. A final check compares the
characters received with the characters a browser would show, so text the parser gave up on
(nesting deeper than its limit, say) is refused with a message instead of silently missing.
May import: the standard library, lxml, policydiff.lang.numerals, policydiff.io.web.scan,
policydiff.io.web.chrome, policydiff.errors.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.web.chrome import RULES, PageLines, is_chrome_name, trim_edges
from policydiff.io.web.scan import has_front_matter, looks_like_html, strip_front_matter, visible_chars
from policydiff.lang.numerals import cn_numeral

__all__ = [
    "HtmlRefused",
    "HtmlText",
    "has_front_matter",
    "html_page",
    "html_to_text",
    "looks_like_html",
    "read_html",
    "strip_front_matter",
]

# Elements whose content is never document text.
_NEVER_TEXT = frozenset(
    {"script", "style", "noscript", "iframe", "template", "head", "title", "svg", "object", "embed"}
    | {"canvas", "select", "button", "math", "textarea"}
)
_RAW = frozenset({"script", "style"})  # their content is not shown at all
# Page chrome by element: dropped, unless one of them holds most of the page's text (ASP.NET pages
# wrap the whole body in a <form>; a missing </header> would otherwise swallow the document).
_CHROME = frozenset({"nav", "header", "footer", "form", "aside", "menu"})
_CHROME_KEEP_SHARE = 0.5
# Elements that start and end a line.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
    | {"table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "hr", "section", "article"}
    | {"main", "address", "figure", "figcaption", "center", "fieldset", "legend", "body", "html"}
    | {"details", "summary", "option"}
    | _CHROME
)
_CELLS = frozenset({"td", "th"})
_HEADINGS = frozenset({"h1", "h2"})

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace; U+3000 and NBSP are text
_NOT_NAME = re.compile(r"[^a-z0-9-]+")


# Hidden text: the hidden attribute, an inline style or a class/id the page's own <style> hides.
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAX_CSS = 1 << 20  # style sheet characters looked at for hiding rules
HIDDEN_NOTICE = "had hidden text; left out"


def hiding_rules(css: str) -> frozenset[str]:
    """Classes (".x") and ids ("#x") that a style sheet hides with a simple selector
    (``.hide{display:none}``, ``p.x, #y {visibility: hidden}``); contextual selectors are not
    followed (they depend on state a static page does not have, :hover and the like)."""
    out: set[str] = set()
    for rule in css[:_MAX_CSS].split("}"):
        selectors, brace, body = rule.rpartition("{")
        if not brace or not _HIDING.search(body):
            continue
        for selector in selectors.split(","):
            selector = selector.rsplit("*/", 1)[-1].rsplit("{", 1)[-1]
            simple = _simple_selector(selector.strip()) if len(selector) <= 200 else None
            if simple:
                out.add(simple)
    return frozenset(out)


def _simple_selector(selector: str) -> str | None:
    """ ".name" or "#name" for a selector of one class or id (``.x``, ``p.x``, ``#y``), else None."""
    at = min((i for i in (selector.find("."), selector.find("#")) if i >= 0), default=-1)
    if at < 0:
        return None
    tag, name = selector[:at], selector[at + 1 :]
    if tag and not (tag.isascii() and tag.isalnum() and tag[0].isalpha()):
        return None
    if not name or not name.replace("-", "").replace("_", "").isalnum() or name[0].isdigit():
        return None
    return selector[at] + name


@dataclass(frozen=True)
class HtmlText:
    text: str
    notices: tuple[str, ...]  # what the loader says about the reading (hidden text left out)
    furniture: tuple[str, ...] = ()  # the page-furniture lines left out at the page's edges


class HtmlRefused(ReadRefused):
    """The page's text cannot be read in full; the message says what was lost and what to do."""


@dataclass(frozen=True)
class HtmlLimits:
    """What the reader tolerates before it refuses a page."""

    lost_chars_allowed: int = 0  # visible characters the parser may miss before the page is refused


LIMITS = HtmlLimits()


# --- list numbering -------------------------------------------------------------------------------

_TYPE_ATTR = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
)
_ROMAN += ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_NUMBERED = frozenset(
    {"decimal", "decimal-leading-zero", "lower-alpha", "lower-latin", "upper-alpha", "upper-latin"}
    | {"lower-roman", "upper-roman", "cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal"}
    | {"cjk-decimal"}
)
_UNNUMBERED = frozenset({"none", "disc", "circle", "square", "disclosure-open", "disclosure-closed"})


def _style_list_type(style: str | None) -> str | None:
    """The list-style-type named in an inline style="…", if any (``list-style: cjk-ideographic``)."""
    if not style:
        return None
    lowered = style.lower()
    at = lowered.find("list-style")
    while at >= 0:
        colon = lowered.find(":", at)
        if colon < 0:
            return None
        end = lowered.find(";", colon)
        for word in _NOT_NAME.split(lowered[colon + 1 : end if end >= 0 else len(lowered)][:200]):
            if word in _NUMBERED or word in _UNNUMBERED:
                return word
        at = lowered.find("list-style", colon)
    return None


def _alpha(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(n: int) -> str:
    out = ""
    for value, name in _ROMAN:
        while n >= value:
            out += name
            n -= value
    return out


def list_marker(style: str, n: int) -> str:
    """The marker a browser draws before item ``n`` of a list in ``style`` ("" for bullets)."""
    if style not in _NUMBERED:
        return ""
    if style == "decimal" or n <= 0 and style != "cjk-decimal":
        return f"{n}."
    if style == "decimal-leading-zero":
        return f"{n:02d}."
    if style == "cjk-decimal":
        return f"{n}、"
    if style in ("lower-alpha", "lower-latin", "upper-alpha", "upper-latin"):
        text = _alpha(n)
        return (text.upper() if style.startswith("upper") else text) + "."
    if style in ("lower-roman", "upper-roman"):
        text = _roman(n) if n < 4000 else str(n)
        return (text.upper() if style == "upper-roman" else text) + "."
    return (cn_numeral(n) if n < 10_000 else str(n)) + "、"


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()[:12]
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("+-")
    return sign * int(digits) if digits.isdigit() else None


class _List:
    """An open ``<ol>`` or ``<ul>``: its style and the number of its next item."""

    __slots__ = ("next", "step", "style")

    def __init__(self, tag: str, attrib: dict[str, str]) -> None:
        style = _style_list_type(attrib.get("style"))
        if style is None:
            style = _TYPE_ATTR.get(attrib.get("type", "").strip(), "decimal") if tag == "ol" else "disc"
        self.style = style
        self.step = -1 if tag == "ol" and "reversed" in attrib else 1
        start = _int(attrib.get("start")) if tag == "ol" else None
        self.next = 1 if start is None else start

    def item(self, attrib: dict[str, str]) -> str:
        style = _style_list_type(attrib.get("style")) or _TYPE_ATTR.get(attrib.get("type", "").strip())
        style = style or self.style
        value = _int(attrib.get("value"))
        n = self.next if value is None else value
        self.next = n + self.step
        return list_marker(style, n)


# --- the collector ----------------------------------------------------------------------------------

# Flags of an open element, kept on a stack of small ints.
_F_SKIP, _F_GROUP, _F_LINK, _F_HEAD, _F_PRE, _F_LIST, _F_RAW = 1, 2, 4, 8, 16, 32, 64
_F_STYLE, _F_HIDE = 128, 256


class _Collector:
    """lxml parser target: receives start/end/data events and builds lines, no tree."""

    def __init__(self) -> None:
        self.stack: list[int] = []
        self.skip = 0  # open never-text elements
        self.raw = 0  # open script/style elements
        self.links = 0
        self.heads = 0
        self.pre = 0
        self.lists: list[_List] = []
        self.received = 0  # visible (non-blank) characters handed over, for the loss check
        self.pieces: list[str] = []
        self.piece_links = 0
        self.piece_head = 0
        # finished lines and what is known about each
        self.lines: list[str] = []
        self.line_group = array("i")
        self.line_links = array("i")
        self.line_head = bytearray()
        # chrome groups: parent, kind (1 element, 2 class name); sizes computed at the end
        self.group_parent = array("i", [-1])
        self.group_kind = bytearray(b"\0")
        self.groups: list[int] = [0]  # open groups, innermost last
        self.hid = False  # hidden text was left out
        self.hide = 0  # open hidden inline elements
        self.in_style = 0  # open <style> elements, whose rules may hide classes
        self.css: list[str] = []
        self.css_chars = 0
        self.hidden_names: frozenset[str] = frozenset()

    def _flush(self) -> None:
        if not self.pieces:
            return
        text = "".join(self.pieces)
        self.pieces = []
        links, head = self.piece_links, self.piece_head
        self.piece_links = self.piece_head = 0
        group = self.groups[-1]
        for line in text.split("\n") if "\n" in text else (text,):
            line = _tidy(line)
            if line:
                self.lines.append(line)
                self.line_group.append(group)
                self.line_links.append(min(links, len(line)))
                self.line_head.append(head)

    def start(self, tag: object, attrib: dict[str, str]) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        flags = 0
        if self.skip or tag in _NEVER_TEXT:
            flags |= _F_SKIP
            self.skip += 1
            if tag in _RAW:
                flags |= _F_RAW
                self.raw += 1
            if tag == "style":
                flags |= _F_STYLE
                self.in_style += 1
            self.stack.append(flags)
            return
        names = f"{attrib.get('class', '')} {attrib.get('id', '')}" if attrib else ""
        kind = 1 if tag in _CHROME else 2 if names.strip() and is_chrome_name(names) else 0
        if attrib and self._hidden(attrib):
            if tag in _BLOCKS or tag in _CELLS:
                kind = 3  # a hidden block: a group of its own, dropped unless it is most of the page
            else:
                flags |= _F_HIDE  # hidden words inside a line: left out without breaking the line
                self.hide += 1
        if kind or tag in _BLOCKS:
            self._flush()
        if kind:
            flags |= _F_GROUP
            self.group_parent.append(self.groups[-1])
            self.group_kind.append(kind)
            self.groups.append(len(self.group_parent) - 1)
        if tag == "a" and "href" in attrib:
            flags |= _F_LINK
            self.links += 1
        if tag in _HEADINGS or ("title" in names.lower() and (tag in _BLOCKS or tag in _CELLS)):
            flags |= _F_HEAD
            self.heads += 1
        if tag == "pre":
            flags |= _F_PRE
            self.pre += 1
        if tag in _CELLS:
            self.pieces.append("\t")
        if tag in ("ol", "ul"):
            flags |= _F_LIST
            self.lists.append(_List(tag, attrib))
        elif tag == "li" and self.lists:
            marker = self.lists[-1].item(attrib)
            if marker:
                self.pieces.append(marker + " ")
        self.stack.append(flags)

    def end(self, tag: object) -> None:
        if not self.stack:
            return
        flags = self.stack.pop()
        if flags & _F_SKIP:
            self.skip -= 1
            if flags & _F_RAW:
                self.raw -= 1
            if flags & _F_STYLE:
                self.in_style -= 1
                self.hidden_names = self.hidden_names | hiding_rules("".join(self.css))
                self.css = []
            return
        tag = tag.lower() if isinstance(tag, str) else ""
        if flags & _F_GROUP or tag in _BLOCKS:
            self._flush()
        if flags & _F_GROUP:
            self.groups.pop()
        if flags & _F_LINK:
            self.links -= 1
        if flags & _F_HEAD:
            self.heads -= 1
        if flags & _F_PRE:
            self.pre -= 1
        if flags & _F_LIST:
            self.lists.pop()
        if flags & _F_HIDE:
            self.hide -= 1

    def _hidden(self, attrib: dict[str, str]) -> bool:
        """True for an element a browser does not show (its text is left out, with a notice)."""
        if "hidden" in attrib and attrib["hidden"].strip().lower() != "until-found":
            return True
        style = attrib.get("style")
        if style and _HIDING.search(style[:2000]):
            return True
        if not self.hidden_names:
            return False
        names = {"." + c for c in attrib.get("class", "").split()[:50]}
        if attrib.get("id"):
            names.add("#" + attrib["id"].strip())
        return not self.hidden_names.isdisjoint(names)

    def data(self, data: str) -> None:
        if self.in_style and self.css_chars < _MAX_CSS:
            self.css.append(data)
            self.css_chars += len(data)
        if self.raw:
            return
        visible = len("".join(data.split()))
        self.received += visible
        if self.skip or not data:
            return
        if self.hide:
            self.hid = self.hid or visible > 0
            return
        self.pieces.append(data if self.pre else _HTML_SPACE.sub(" ", data))
        if self.links:
            self.piece_links += visible
        if self.heads:
            self.piece_head = 1

    def comment(self, text: str) -> None:  # comments are not text
        return

    def close(self) -> _Collector:
        self._flush()
        return self

    def page(self) -> PageLines:
        """The lines outside dropped chrome groups, with their link and heading marks."""
        count = len(self.group_parent)
        size = array("q", bytes(8 * count))
        links = array("q", bytes(8 * count))
        for line, group, link in zip(self.lines, self.line_group, self.line_links, strict=True):
            size[group] += len(line)
            links[group] += link
        for g in range(count - 1, 0, -1):  # a group's parent was opened before it
            size[self.group_parent[g]] += size[g]
            links[self.group_parent[g]] += links[g]
        keep_above = _CHROME_KEEP_SHARE * size[0]
        dropped = bytearray(count)
        for g in range(1, count):
            if dropped[self.group_parent[g]]:
                dropped[g] = 1
            elif size[g] > keep_above:
                dropped[g] = 0
            elif self.group_kind[g] == 3:  # hidden text, unless it is most of the page (shown by script)
                dropped[g] = 1
                self.hid = self.hid or size[g] > 0
            elif self.group_kind[g] == 1:
                dropped[g] = 1
            else:  # a class name: only short or link-made blocks are furniture
                short = size[g] <= RULES.max_class_chrome_chars
                dropped[g] = short or links[g] >= RULES.link_share * size[g]
        keep = [i for i, group in enumerate(self.line_group) if not dropped[group]]
        return PageLines(
            text=[self.lines[i] for i in keep],
            link_chars=[self.line_links[i] for i in keep],
            heading=[self.line_head[i] for i in keep],
        )


def _tidy(line: str) -> str:
    """A line stripped, with the blanks around table-cell tabs folded into one tab."""
    line = line.strip()
    if "\t" not in line:
        return line
    return "\t".join(cell for cell in (part.strip(" ") for part in line.split("\t")) if cell)


def html_to_text(text: str, limits: HtmlLimits = LIMITS) -> str:
    """The text of a web page (see read_html), without its notices or what was left out."""
    return read_html(text, limits).text


def html_page(text: str, limits: HtmlLimits = LIMITS) -> tuple[str, tuple[str, ...]]:
    """The text of a web page and the furniture lines left out at its edges (see read_html)."""
    page = read_html(text, limits)
    return page.text, page.furniture


def read_html(text: str, limits: HtmlLimits = LIMITS) -> HtmlText:
    """Plain text of an HTML document: one line per block element, table cells tab-separated.

    Drops front matter, comments, scripts, styles and page furniture (nav, header, footer, share
    and print bars, related-link lists, site footers) and decodes entities; numbers ``<ol>`` items
    as a browser does. Lines are stripped; empty lines are left out.

    Returns:
        The text, its notices (hidden text left out) and the furniture lines left out at the
        page's edges (the loader names them).

    Raises:
        HtmlRefused: the parser handed over fewer visible characters than the page holds.
    """
    source = strip_front_matter(text)
    collector = _Collector()
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,  # a text node over 10 MB is read whole (the file size limit bounds it)
        target=collector,
    )
    try:
        parser.feed(source.encode("utf-8", "surrogatepass"))
        parser.close()
    except etree.XMLSyntaxError:  # nothing parseable, e.g. only whitespace
        pass
    expected = visible_chars(source)
    lost = expected - collector.received
    if lost > limits.lost_chars_allowed:
        raise HtmlRefused(
            "is a web page whose markup the HTML reader could not follow to the end (nesting too deep "
            f"or damaged: {lost:,} of {expected:,} characters unread); "
            "open it in a browser and save it as text",
            LoadReason.TEXT_UNPLACED,
        )
    page = collector.page()
    kept = trim_edges(page)
    left_out = Counter(line for line in page.text if line.strip()) - Counter(kept)
    furniture = tuple(line for line in page.text if left_out.pop(line, 0))
    notices = (HIDDEN_NOTICE,) if collector.hid else ()
    return HtmlText("\n".join(kept), notices, furniture)
