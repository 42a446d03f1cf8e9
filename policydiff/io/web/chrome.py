"""Tell a government web page's furniture from its document: share bars, print links, footers.

A policy saved from a gov site carries, around the document, a breadcrumb, a 发布时间/来源/浏览次数
bar, 分享到 微信 微博, 【打印本页】【关闭窗口】, 扫一扫在手机打开当前页, lists of 相关附件 / 相关解读
links and a footer (主办单位, 网站标识码, ICP备案). None of it is the document: left in, it is glued onto
the last article or the preamble. This module judges lines only at the page's edges (before the first
and after the last line of document text), so a sentence of the document that mentions 版权所有 or an
attachment list inside the body (附件：1.…) is never touched. Every test is a bounded regex on one line.
May import: the standard library and policydiff.lang.furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.lang.furniture import is_furniture_line, is_related_heading

# Class and id names of page furniture. Stems are matched inside a name (bdsharebuttonbox); short,
# ambiguous words only as a whole token (foot, nav), so "content" or "navigator-text" never are.
_CHROME_STEMS: tuple[str, ...] = (
    "share",
    "fenxiang",
    "footer",
    "copyright",
    "banquan",
    "breadcrumb",
    "crumb",
    "qrcode",
)
_CHROME_STEMS += ("erweima", "related", "relate", "xgwj", "xgjd", "xglj", "gotop", "backtop", "toolbar")
_CHROME_TOKENS = frozenset(
    {"foot", "bottom", "nav", "navbar", "menu", "sidebar", "tools", "position", "location", "weizhi"}
    | {"close", "dayin", "print", "printbtn", "fontsize", "zihao", "ewm", "links", "friendlink"}
)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class ChromeRules:
    """Sizes that keep the judgement on the furniture's side of the line."""

    max_class_chrome_chars: int = 400  # a share/footer block by class name is short ...
    link_share: float = 0.5  # ... or made mostly of links
    max_line_chars: int = 300  # no furniture line is longer
    max_title_parts: int = 5  # a repeated title may be split over this many body lines
    title_window: int = 10  # lines after the page title searched for its repetition


RULES = ChromeRules()


def is_chrome_name(names: str) -> bool:
    """True if a class/id attribute value names page furniture (share, print, footer, related …)."""
    lowered = names.lower()
    if any(stem in lowered for stem in _CHROME_STEMS):
        return True
    return any(token in _CHROME_TOKENS for token in _TOKEN_SPLIT.split(lowered))


# The line tests are policydiff.lang.furniture's, shared with the text parser (one detector for a page
# saved as HTML and for its text scraped into a .txt file).
def is_chrome_line(line: str, rules: ChromeRules = RULES) -> bool:
    """True if one line (at a page edge) is furniture (policydiff.lang.furniture.is_furniture_line)."""
    return len(line) <= rules.max_line_chars and is_furniture_line(line)


@dataclass
class PageLines:
    """The page's lines with what the parser knew about each: link characters, heading or not."""

    text: list[str]
    link_chars: Sequence[int]
    heading: Sequence[int]

    def is_links(self, i: int, rules: ChromeRules = RULES) -> bool:
        line = self.text[i]
        visible = len(line) - line.count(" ") - line.count("\t")
        return visible > 0 and self.link_chars[i] >= rules.link_share * visible and len(line) <= 120


def trim_edges(page: PageLines, rules: ChromeRules = RULES) -> list[str]:
    """The document's lines: furniture before the first and after the last line of text removed,
    and a page title that the body (or a meta line) repeats kept once."""
    lines = page.text
    first, last = 0, len(lines)
    while first < last and (is_chrome_line(lines[first], rules) or page.is_links(first, rules)):
        first += 1
    last = _tail(page, first, rules)
    keep = list(range(first, last))
    if keep and page.heading[keep[0]]:
        # furniture between the page title and the body: the publication bar, font size, share
        k = 1
        while k < len(keep) and is_chrome_line(lines[keep[k]], rules):
            k += 1
        body = keep[k:]
        title = [] if _repeated(lines[keep[0]], [lines[i] for i in body], rules) else keep[:1]
        keep = title + body
    return [lines[i] for i in keep]


def _tail(page: PageLines, first: int, rules: ChromeRules) -> int:
    """One past the last line of document text: footer, share bar and related-link lists dropped.

    A run of link lines goes only when a related-list heading or furniture stands above it, so an
    attachment list that ends the document's body stays."""
    lines = page.text
    i = len(lines)
    while i > first:
        if is_chrome_line(lines[i - 1], rules) or is_related_heading(lines[i - 1]):
            i -= 1
            continue
        if not page.is_links(i - 1, rules):
            break
        j = i - 1
        while j > first and page.is_links(j - 1, rules) and not is_chrome_line(lines[j - 1], rules):
            j -= 1
        above = lines[j - 1] if j > first else ""
        if j > first and (is_related_heading(above) or is_chrome_line(above, rules)):
            i = j - 1
            continue
        break
    return i


def _squash(line: str) -> str:
    return "".join(line.split())


def _repeated(title: str, body: list[str], rules: ChromeRules) -> bool:
    """True if the body repeats the page title near its start, whole or split over a few lines."""
    target = _squash(title)
    if not target:
        return False
    window = [_squash(line) for line in body[: rules.title_window]]
    for start in range(len(window)):
        joined = ""
        for part in window[start : start + rules.max_title_parts]:
            joined += part
            if joined == target:
                return True
            if not target.startswith(joined):
                break
    return False
