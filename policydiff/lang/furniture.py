"""Page furniture: the lines a web page puts around a document, recognised the same way everywhere.

A policy saved from a gov or news site carries navigation bars, a breadcrumb (您的位置：首页 > 要闻),
a 发布时间 / 来源 / 责编 bar, share and print links (分享到 微信 微博, 【打印本页】), lists of 相关附件 /
相关解读 links and a footer (主办单位, 网站标识码, ICP备案, 新闻热线, an e-mail). The HTML reader drops
such lines at a page's edges (policydiff.io.web.chrome); the text parser leaves them out of a
scraped .txt file's units (policydiff.structure.parse) and the views show them as not compared. Both ask
this one module, so a page reads the same saved as HTML or copied into a text file.

Every test is a bounded regex on one line of at most ``FurnitureRules.max_line_chars`` characters;
callers apply it only at a page's edges, so a sentence of the document that mentions 版权所有 or an
attachment list inside the body (附件：1.…) is never touched.
May import: the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class FurnitureRules:
    """Sizes that keep the judgement on the furniture's side of the line."""

    max_line_chars: int = 300  # no furniture line is longer
    max_nav_token_chars: int = 8  # a menu bar is a line of short space-separated words ...
    min_nav_tokens: int = 4  # ... at least this many
    max_related_chars: int = 20  # 相关附件： / 附件下载 as a heading of its own
    max_link_line_chars: int = 120  # one attachment link: 1.实施意见.pdf


RULES = FurnitureRules()


class Furniture(StrEnum):
    """What kind of page furniture a line is (the report names what it left out)."""

    NAVIGATION = "navigation"  # a menu bar or a breadcrumb
    PUBLICATION = "publication"  # 发布时间 / 来源 / 责编 / 浏览次数: the publication bar
    SHARE = "share"  # share, print, close, font-size links
    LINKS = "links"  # 相关附件 / 相关解读 and their link lists
    FOOTER = "footer"  # site footer: 主办单位, ICP, copyright, hotline, e-mail


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


# Keys of the structure parser's furniture tests on simplified text (a traditional line is tested
# on its t2s fold too): the publication bar's and a news site's footer keys.
_KEYS = re.compile(
    r"发布时间|发布日期|来源\s{0,3}[:：|｜]|责编|责任编辑|审核\s{0,3}[:：]|撰稿|编辑\s{0,3}[:：]"
)
_NEWS_FOOTER = re.compile(r"新闻热线|投稿|版权所有|ICP备")
_NAVIGATION = re.compile(r"您的位置|当前位置|首页\s{0,3}[>＞»›]")
_COUNTS = re.compile(r"浏览次数|点击数|阅读次数")
_SHARE = re.compile(r"打印本页|关闭窗口|分享到|扫一扫|字号\s{0,3}[:：]?\s{0,3}[大中小]")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,63}")
PHONE_RE = re.compile(r"(?<!\d)(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-\d{7,8})(?!\d)")
CONTACT_RE = re.compile(r"[（(]?联系")  # a contact line of a notice is content, not page furniture
SENTENCE_END = "。；;：:，,、！!？?"
_CJK = re.compile("[\u4e00-\u9fff]")
# Files attachment links point to: 1.实施意见.pdf / 附件2 申报表.xlsx 2.说明.docx — a line with no
# sentence in it that ends in a file extension (tested on the line's end: linear on any line).
_FILE_END = re.compile(
    r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|jpe?g|png)[ \t\u3000\xa0]{0,8}$", re.IGNORECASE
)
_NO_SENTENCE = "。；;"


def _files_only(text: str) -> bool:
    return (
        bool(text.strip())
        and not any(ch in text for ch in _NO_SENTENCE)
        and _FILE_END.search(text) is not None
    )


_RELATED_PREFIX = re.compile(
    r"[【\[]?(?:相[关關](?:附件|文件|[链鏈]接)|附件下[载載]|附件列表|下[载載]附件)"
    r"[ \t\u3000]{0,3}[】\]]?[ \t\u3000]{0,3}[：:]?"
)


def furniture_kind(line: str, folded: str | None = None, rules: FurnitureRules = RULES) -> Furniture | None:
    """What kind of page furniture one line is, or None for document text.

    Args:
        line: the line as written (simplified or traditional).
        folded: the line folded to simplified characters, if the caller has it; the key tests
            then also read traditional lines (發佈時間 → 发布时间).
        rules: the size limits.
    """
    line = line.strip(" \t\r\u3000\xa0\ufeff")
    if not line or len(line) > rules.max_line_chars:
        return None
    simple = folded.strip(" \t\r\u3000\xa0\ufeff") if folded is not None else line
    if is_related_heading(line, rules) or _related_links(line, rules):
        return Furniture.LINKS
    if "。" in line:  # a sentence: furniture only as a cell of an information table (标题：\t…。)
        if "\t" in line and _META_KEY.match(line) is not None:
            return Furniture.PUBLICATION
        return Furniture.NAVIGATION if _BREADCRUMB.match(line) else None
    if _BREADCRUMB.match(line) or _NAVIGATION.search(simple):
        return Furniture.NAVIGATION
    if _FOOTER.search(line) or _NEWS_FOOTER.search(simple):
        return Furniture.FOOTER
    if _META_KEY.match(line) or _KEYS.search(simple) or _COUNTS.search(simple):
        return Furniture.PUBLICATION
    if (_BAR.search(line) is not None and _short_leftover(line, _BAR)) or _SHARE.search(simple):
        return Furniture.SHARE
    return _simple_kind(simple, rules)


def _simple_kind(simple: str, rules: FurnitureRules = RULES) -> Furniture | None:
    """The tests the text parser has always made on a folded line (sentences included)."""
    if _NAVIGATION.search(simple):
        return Furniture.NAVIGATION
    if _NEWS_FOOTER.search(simple):
        return Furniture.FOOTER
    if _KEYS.search(simple) or _COUNTS.search(simple):
        return Furniture.PUBLICATION
    if _SHARE.search(simple):
        return Furniture.SHARE
    if (EMAIL_RE.search(simple) or PHONE_RE.search(simple)) and not CONTACT_RE.match(simple):
        return Furniture.FOOTER
    tokens = simple.split()
    if (
        _CJK.search(simple) is not None  # a menu of Chinese words; "This is a test" is a sentence
        and len(tokens) >= rules.min_nav_tokens
        and all(len(t) <= rules.max_nav_token_chars for t in tokens)
        and not any(ch in simple for ch in SENTENCE_END)
    ):
        return Furniture.NAVIGATION
    return None


def is_furniture_line(line: str, folded: str | None = None, rules: FurnitureRules = RULES) -> bool:
    """True if one line (at a page edge) is page furniture; see furniture_kind."""
    return furniture_kind(line, folded, rules) is not None


def is_related_heading(line: str, rules: FurnitureRules = RULES) -> bool:
    """相关附件 / 附件下载 / 相关解读 / 相关链接 …: the heading of a list of links after the document."""
    return len(line) <= rules.max_related_chars and _RELATED.match(line) is not None


def _related_links(line: str, rules: FurnitureRules) -> bool:
    """相关附件：1.实施意见.pdf 2.申报表.xlsx: a related-list heading and its links on one line."""
    match = _RELATED_PREFIX.match(line)
    if match is None or match.end() >= len(line):
        return False
    return _files_only(line[match.end() :])


def is_file_link(line: str, rules: FurnitureRules = RULES) -> bool:
    """One line naming attached files (1.实施意见.pdf), as a related-list shows its links."""
    line = line.strip(" \t\r\u3000\xa0")
    return 0 < len(line) <= rules.max_link_line_chars and _files_only(line)


__all__ = [
    "Furniture",
    "FurnitureRules",
    "RULES",
    "furniture_kind",
    "is_file_link",
    "is_furniture_line",
    "is_related_heading",
]
