"""The words every view uses for statuses, verdicts, levels and normalization modes, in both languages.

The panes, the HTML report, the Word exports, the coverage writers and the command line all name
a pair's status or a cell's verdict; they take the words from here, so 修改 in the report is
修改 in the Excel sheet and "changed" in the English window.

May import: the standard library and policydiff.model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from policydiff.model import HistoryMark, Level, NormalizeMode, Script, Status, Verdict

Language = Literal["zh", "en"]


@dataclass(frozen=True)
class Label:
    """One term in the two languages of the interface."""

    zh: str
    en: str

    def __call__(self, language: Language = "zh") -> str:
        return self.zh if language == "zh" else self.en


STATUS: dict[Status, Label] = {
    Status.UNCHANGED: Label("未变", "unchanged"),
    Status.CHANGED: Label("修改", "changed"),
    Status.ADDED: Label("新增", "added"),
    Status.REMOVED: Label("删除", "removed"),
}
MOVED = Label("移动", "moved")
REWRITE = Label("改写", "rewritten")
MANUAL = Label("手动配对", "paired by hand")
NONE = Label("无", "none")  # a side without the figure or unit: never a dash, which reads as 一

MARK: dict[HistoryMark, Label] = {  # the steps of a document's history (版本沿革)
    HistoryMark.UNCHANGED: Label("未变", "unchanged"),
    HistoryMark.RENUMBERED: Label("改号", "renumbered"),
    HistoryMark.CHANGED: Label("修改", "changed"),
    HistoryMark.MOVED: Label("移动", "moved"),
    HistoryMark.MERGED: Label("合并", "merged"),
    HistoryMark.SPLIT: Label("拆分", "split"),
    HistoryMark.ADDED: Label("新增", "added"),
    HistoryMark.REMOVED: Label("删除", "removed"),
}
VERDICT: dict[Verdict, Label] = {
    Verdict.ADOPTED: Label("照搬", "adopted"),
    Verdict.REFINED: Label("细化", "refined"),
    Verdict.RAISED: Label("加码", "raised"),
    Verdict.WEAKENED: Label("弱化", "weakened"),
    Verdict.PARTIAL: Label("部分落实", "partial"),
    Verdict.MISSING: Label("缺失", "missing"),
}
VERDICT_MEANING: dict[Verdict, Label] = {
    Verdict.ADOPTED: Label("基本照搬上级表述", "taken over as it stands"),
    Verdict.REFINED: Label("保留并细化或改写", "kept and made more specific, or reworded"),
    Verdict.RAISED: Label("数字更大或要求更严", "a bigger figure or a stricter duty"),
    Verdict.WEAKENED: Label(
        "数字更小、要求更松或大幅删减", "a smaller figure, a looser duty, or mostly dropped"
    ),
    Verdict.PARTIAL: Label("只有部分条款见于下级文件", "some of its clauses found, others not"),
    Verdict.MISSING: Label("无对应条目", "no counterpart"),
}

LEVEL: dict[Level, Label] = {
    Level.TITLE: Label("标题", "Title"),
    Level.PREAMBLE: Label("序言", "Preamble"),
    Level.CHAPTER: Label("章", "Chapter"),
    Level.SECTION: Label("节", "Section"),
    Level.ARTICLE: Label("条", "Article"),
    Level.ITEM: Label("项", "Item"),
    Level.EPILOGUE: Label("结尾", "Closing"),
    Level.ATTACHMENT: Label("附件", "Attachment"),
}

NORMALIZE: dict[NormalizeMode, Label] = {
    NormalizeMode.T2S: Label(
        "各文件按自身文字转换（简体与繁体 t2s，台湾用词 tw2sp，香港用字 hk2s）",
        "Each side by its own script (t2s; Taiwan phrasing tw2sp; Hong Kong forms hk2s)",
    ),
    NormalizeMode.TW2SP: Label(
        "台湾正体转简体，含用词转换（tw2sp）", "Taiwan to simplified, with phrases (tw2sp)"
    ),
    NormalizeMode.TW2S: Label("台湾正体转简体，不转换用词（tw2s）", "Taiwan characters to simplified (tw2s)"),
    NormalizeMode.HK2S: Label("香港繁体转简体（hk2s）", "Hong Kong to simplified (hk2s)"),
    NormalizeMode.NONE: Label("不转换（none）", "No conversion (none)"),
}
SCRIPT: dict[Script, Label] = {  # the script and phrasing a side was read in (policydiff.lang.script)
    Script.MAINLAND: Label("简体（大陆用词）", "simplified, mainland phrasing"),
    Script.TRADITIONAL: Label("繁体（大陆用词）", "traditional, mainland phrasing"),
    Script.TAIWAN: Label("繁体（台湾用词）", "traditional, Taiwan phrasing"),
    Script.HONGKONG: Label("繁体（香港用字）", "traditional, Hong Kong forms"),
}
LEFT_OUT: dict[str, Label] = {  # lines no unit holds (DocumentTree.left_out kinds)
    "navigation": Label("导航", "navigation"),
    "publication": Label("发布信息", "publication line"),
    "share": Label("分享/打印", "share bar"),
    "links": Label("相关链接", "related links"),
    "footer": Label("页脚", "footer"),
    "outside": Label("正文外文字", "text outside the document"),
}


def status_label(status: Status, language: Language = "zh") -> str:
    return STATUS[status](language)


def verdict_label(verdict: Verdict, language: Language = "zh") -> str:
    return VERDICT[verdict](language)
