"""Tell a government web page's furniture from its document: share bars, print links, footers.

A policy saved from a gov site carries, around the document, a breadcrumb, a 发布时间/来源/浏览次数
bar, 分享到 微信 微博, 【打印本页】【关闭窗口】, 扫一扫在手机打开当前页, lists of 相关附件 / 相关解读
links and a footer (主办单位, 网站标识码, ICP备案). None of it is the document: left in, it is glued onto
the last article or the preamble. This module judges lines only at the page's edges (before the first
and after the last line of document text), so a sentence of the document that mentions 版权所有 or an
attachment list inside the body (附件：1.…) is never touched. Every test is a bounded regex on one line.
May import: the standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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


# Phrases of page furniture, simplified and traditional. A line made of these (plus punctuation,
# dates and a site or office name after a key) is furniture.
_S = r"[ \t\u3000\xa0]*"
_FOOTER = re.compile(
    r"ICP[备備]|公[网網]安[备備]|[网網]站[标標][识識]?[码碼]|[主承协協][办辦][单單]位|版[权權]所有|技[术術]支持"
    r"|Copyright|All Rights Reserved|\u00a9|[网網]站地[图圖]|[联聯][系繫]我[们們]|[关關]于我[们們]"
    r"|政府网站找错|[适適]老化|无障碍|無障礙|[隐隱]私[声聲]明|使用帮助|使用幫助",
    re.IGNORECASE,
)
_BAR = re.compile(
    r"分享到|分享[：:]|[打][印]本?[页頁]|[关關][闭閉]窗口|[关關][闭閉]本?[页頁]|[扫掃]一[扫掃]"
    r"|手机[打]?[开開]|手機[打]?[開开]|字[体體号號][ ：:【\[]{0,4}[大中小]"
    r"|返回[顶頂]部|[收][藏]本?[页頁]|[加][入]收藏|上一[篇条條]|下一[篇条條]"
    r"|[【\[](?:打印|[关關][闭閉]|收藏|返回|[关關][闭閉]本?[页頁])[】\]]"
    r"|微信[ \t\u3000]{0,3}微博|QQ空[间間]|[朋][友]圈|[纠糾][错錯]"
)
# Keys of a publication bar or an information-disclosure table, at the start of a line.
_META_KEY = re.compile(
    r"[【\[]?(?:[发發][布佈][时時][间間]|[发發][布佈]日期|[发發]文日期|成文日期|生效日期|[废廢]止日期|[来來]源|信息[来來]源"
    r"|文章[来來]源|作者|[浏瀏][览覽]次?[数數]|[点點][击擊]量?次?[数數]?|[访訪][问問]量|[阅閱][读讀]次?[数數]|[责責]任?[编編][辑輯]"
    r"|[编編][辑輯]|[审審]核|撰稿|索引[号號]|主[题題]分[类類]|[发發]文[机機][关關]|[发發]文字?[号號]|文[号號]|[标標][题題]"
    r"|名[称稱]|有效性|信息分[类類]|[发發][布佈][机機]构|[发發][布佈][机機][构構]|公[开開]方式|公[开開]范[围圍]|[组組]配分[类類]"
    r"|体裁分[类類]|主[题题][词詞]|[关關][键鍵][词詞]|[时時][间間]|上一[篇条條]|下一[篇条條])"
    r"[ \t\u3000]{0,3}[】\]]?[ \t\u3000]{0,3}[：:|｜]"
)
_BREADCRUMB = re.compile(
    r"[您你]?(?:[现現]在)?(?:的|所在)?(?:位置|当前位置|當前位置)[ \t\u3000]{0,3}[：:]"
    r"|首[页頁][ \t\u3000]{0,3}[>＞»›/]"
)
_RELATED = re.compile(
    r"[【\[]?(?:相[关關](?:附件|解[读讀]|[链鏈]接|[连連][结結]|文章|文件|新[闻聞]|[阅閱][读讀]|政策|稿件|信息|推荐|推薦)"
    r"|附件下[载載]|附件列表|下[载載]附件|[热熱]点推[荐薦]|推[荐薦][阅閱][读讀]|延伸[阅閱][读讀]|[图圖]片解[读讀]|[视視][频頻]解[读讀]"
    r"|政策解[读讀]|[扫掃]一[扫掃])[ \t\u3000]{0,3}[】\]]?[ \t\u3000]{0,3}[：:]?[ \t\u3000]{0,3}$"
)
_LEFTOVER = re.compile(r"[\s\u3000\xa0|｜丨/·•【】\[\]()（）<>《》:：,，;；!！?？.、\-—_0-9A-Za-z]+")
_MAX_LEFTOVER = 6  # CJK characters a bar line may keep besides its phrases (微博 微信 …)


def _short_leftover(line: str, pattern: re.Pattern[str]) -> bool:
    rest = _LEFTOVER.sub("", pattern.sub("", line))
    return len(rest) <= _MAX_LEFTOVER


def is_chrome_line(line: str, rules: ChromeRules = RULES) -> bool:
    """True if one line (at a page edge) is furniture: footer, share/print bar, meta key, breadcrumb."""
    if len(line) > rules.max_line_chars:
        return False
    if "。" in line:  # a sentence: furniture only as a cell of an information table (标题：\t…。)
        return "\t" in line and _META_KEY.match(line) is not None
    if _FOOTER.search(line) or _META_KEY.match(line) or _BREADCRUMB.match(line):
        return True
    return _BAR.search(line) is not None and _short_leftover(line, _BAR)


def is_related_heading(line: str) -> bool:
    """相关附件 / 附件下载 / 相关解读 / 相关链接 …: the heading of a list of links after the document."""
    return len(line) <= 20 and _RELATED.match(line) is not None


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
