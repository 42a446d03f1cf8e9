"""Hypothesis strategies for policy-like Chinese documents and their revisions.

A document is generated as a plan (title, preamble, chapters of articles of items, bodies made of
real policy words and figures), rendered with a numbering scheme chosen per level (``一、`` or
``第一章``; ``（一）``; ``1.`` / ``1、`` / ``第一条``; ``（1）`` / ``①``), and revised by random edits
on the plan (delete, insert, reword, move, change a figure), so a pair of documents differs in
known ways. Also: variants that must compare as identical (traditional script, full-width
punctuation).
May import: the standard library, hypothesis, opencc and policydiff.lang.numerals.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import opencc
from hypothesis import strategies as st

CN_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

SUBJECTS = [
    "省发展改革委",
    "财政厅",
    "自然资源厅",
    "科技厅",
    "各市县政府",
    "人民银行",
    "金融监管局",
    "商务厅",
    "农业农村厅",
    "人力社保厅",
    "住房城乡建设厅",
    "生态环境厅",
    "交通运输厅",
    "市场监管局",
]
VERBS = [
    "加强",
    "推动",
    "支持",
    "完善",
    "落实",
    "健全",
    "优化",
    "扩大",
    "提升",
    "保障",
    "实施",
    "鼓励",
    "深化",
    "培育",
    "强化",
    "争取",
    "安排",
    "统筹",
]
OBJECTS = [
    "重大项目建设",
    "要素保障",
    "专项债券",
    "中长期贷款",
    "科技创新",
    "高新技术企业",
    "人才引进",
    "用地指标",
    "能耗指标",
    "营商环境",
    "数字经济",
    "先进制造业",
    "现代服务业",
    "乡村振兴",
    "城市更新",
    "生态保护修复",
    "稳岗就业",
    "消费升级",
    "对外开放",
    "融资担保",
    "首台套装备",
    "研发投入",
    "技术改造",
    "小微企业",
    "民营经济",
    "农田建设",
    "产业链供应链",
    "外贸新业态",
]
CONNECT = ["，", "，并", "，进一步", "，着力", "，全面", "，持续"]
FIGURES = [
    "60亿元",
    "1600亿元左右",
    "不低于70%",
    "1.5万亩",
    "35万亩",
    "100个",
    "不少于60亿元",
    "5000万元",
    "20%以上",
    "最高500万元",
    "3000家",
    "10万人",
    "1.2万公里",
    "2万吨标准煤",
    "不超过30%",
    "4000亿元左右",
    "50亿元",
    "800万平方米",
    "力争200家",
    "最高1000万元",
]
FIG_SUBJECTS = ["投资", "贷款", "补助", "奖励", "用地", "资金", "面积", "比例", "规模", "名额"]
REWORDINGS = [("加强", "强化"), ("支持", "扶持"), ("推动", "促进"), ("完善", "健全"), ("落实", "实施")]


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (n < 100)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


# ---- the plan ------------------------------------------------------------------------------------


@dataclass
class Article:
    heading: str
    body: list[str]  # sentences, each ending in 。
    items: list[str] = field(default_factory=list)


@dataclass
class Chapter:
    heading: str
    articles: list[Article]


@dataclass
class Plan:
    title: str
    preamble: str
    chapters: list[Chapter]


@dataclass(frozen=True)
class Scheme:
    """Numbering styles: chapter 一、/第一章, article 1./1、/第一条/（一）, item （1）/①."""

    chapter: str
    article: str
    item: str

    def chapter_label(self, n: int) -> str:
        return f"{cn_numeral(n)}、" if self.chapter == "一、" else f"第{cn_numeral(n)}章 "

    def article_label(self, n: int) -> str:
        if self.article == "第一条":
            return f"第{cn_numeral(n)}条 "
        if self.article == "（一）":
            return f"（{cn_numeral(n)}）"
        return f"{n}{self.article[-1]}"

    def item_label(self, n: int) -> str:
        return f"（{n}）" if self.item == "（1）" else CIRCLED[(n - 1) % len(CIRCLED)]


SCHEMES = st.builds(
    Scheme,
    chapter=st.sampled_from(["一、", "第一章"]),
    article=st.sampled_from(["1.", "1、", "第一条", "（一）"]),
    item=st.sampled_from(["（1）", "①"]),
)


def render(plan: Plan, scheme: Scheme) -> str:
    """The document text of a plan; articles are numbered through the whole document."""
    lines = [plan.title, "", plan.preamble]
    article_no = 0
    for c, chapter in enumerate(plan.chapters, start=1):
        lines.append(scheme.chapter_label(c) + chapter.heading)
        for article in chapter.articles:
            article_no += 1
            lines.append(scheme.article_label(article_no) + article.heading + "。" + "".join(article.body))
            for i, item in enumerate(article.items, start=1):
                lines.append(scheme.item_label(i) + item)
    return "\n".join(lines) + "\n"


# ---- strategies ----------------------------------------------------------------------------------


@st.composite
def sentence(draw: st.DrawFn, figure: bool | None = None) -> str:
    verb, obj = draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS))
    parts = [draw(st.sampled_from(SUBJECTS)), verb, obj]
    if draw(st.booleans()):
        parts += [
            draw(st.sampled_from(CONNECT)),
            draw(st.sampled_from(VERBS)),
            draw(st.sampled_from(OBJECTS)),
        ]
    with_figure = draw(st.booleans()) if figure is None else figure
    if with_figure:
        parts += [
            "，",
            draw(st.sampled_from(VERBS)),
            draw(st.sampled_from(FIG_SUBJECTS)),
            draw(st.sampled_from(FIGURES)),
        ]
    return "".join(parts) + "。"


@st.composite
def article(draw: st.DrawFn) -> Article:
    heading = draw(st.sampled_from(VERBS)) + draw(st.sampled_from(OBJECTS))
    if draw(st.booleans()):
        heading += draw(st.sampled_from(["工作", "支持力度", "保障机制", "政策"]))
    body = draw(st.lists(sentence(), min_size=1, max_size=3))
    items = draw(st.lists(sentence(), max_size=3)) if draw(st.integers(0, 4)) == 0 else []
    return Article(heading, body, items)


@st.composite
def plans(draw: st.DrawFn, max_chapters: int = 4, max_articles: int = 5) -> Plan:
    title = "关于" + draw(st.sampled_from(VERBS)) + draw(st.sampled_from(OBJECTS)) + "的若干政策措施"
    preamble = "为" + draw(st.sampled_from(VERBS)) + draw(st.sampled_from(OBJECTS)) + "，制定以下政策。"
    chapters = []
    for _ in range(draw(st.integers(1, max_chapters))):
        heading = draw(st.sampled_from(VERBS)) + draw(st.sampled_from(OBJECTS)) + "政策"
        chapters.append(Chapter(heading, draw(st.lists(article(), min_size=1, max_size=max_articles))))
    return Plan(title, preamble, chapters)


def _copy(plan: Plan) -> Plan:
    return Plan(
        plan.title,
        plan.preamble,
        [
            Chapter(c.heading, [replace(a, body=list(a.body), items=list(a.items)) for a in c.articles])
            for c in plan.chapters
        ],
    )


@st.composite
def revised(draw: st.DrawFn, plan: Plan) -> Plan:
    """The plan after 0–5 random edits: delete / insert / reword / move an article, change a figure."""
    new = _copy(plan)
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(
            st.sampled_from(
                ["delete", "insert", "reword", "move", "figure", "sentence", "duplicate", "merge"]
            )
        )
        chapters = [c for c in new.chapters if c.articles]
        if not chapters:
            break
        chapter = draw(st.sampled_from(chapters))
        k = draw(st.integers(0, len(chapter.articles) - 1))
        target = chapter.articles[k]
        if kind == "delete" and sum(len(c.articles) for c in new.chapters) > 1:
            del chapter.articles[k]
        elif kind == "insert":
            chapter.articles.insert(k, draw(article()))
        elif kind == "reword":
            old, repl = draw(st.sampled_from(REWORDINGS))
            target.heading = target.heading.replace(old, repl)
            target.body = [s.replace(old, repl) for s in target.body]
        elif kind == "move":
            moved = chapter.articles.pop(k)
            draw(st.sampled_from(new.chapters)).articles.append(moved)
        elif kind == "figure":
            for i, s in enumerate(target.body):
                for fig in FIGURES:
                    if fig in s:
                        target.body[i] = s.replace(fig, draw(st.sampled_from(FIGURES)), 1)
                        break
        elif kind == "duplicate":  # boilerplate articles repeat (加强组织领导 …)
            copy = replace(target, body=list(target.body), items=list(target.items))
            draw(st.sampled_from(new.chapters)).articles.insert(0, copy)
        elif kind == "merge" and k + 1 < len(chapter.articles):
            following = chapter.articles.pop(k + 1)
            target.body += [following.heading + "。", *following.body]
        elif kind == "sentence":
            target.body.insert(draw(st.integers(0, len(target.body))), draw(sentence()))
    return new


@st.composite
def document_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two documents: a generated one and a revision, each with its own numbering scheme."""
    plan = draw(plans())
    new = draw(revised(plan))
    return render(plan, draw(SCHEMES)), render(new, draw(SCHEMES))


@st.composite
def documents(draw: st.DrawFn) -> str:
    return render(draw(plans()), draw(SCHEMES))


_S2T = opencc.OpenCC("s2t")
_FULL_WIDTH = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？", "%": "％"}
)
_HALF_WIDTH = str.maketrans(
    {v: k for k, v in ((",", "，"), (";", "；"), (":", "："), ("(", "（"), (")", "）"), ("%", "％"))}
)
_DIGITS_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def traditional(text: str) -> str:
    """The same document in traditional characters."""
    return _S2T.convert(text)


def full_width(text: str) -> str:
    """The same document with ASCII punctuation and digits turned full width."""
    return text.translate(_FULL_WIDTH).translate(_DIGITS_FULL)


def half_width(text: str) -> str:
    """The same document with Chinese punctuation turned ASCII."""
    return text.translate(_HALF_WIDTH)


@st.composite
def renumbered_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """One plan rendered with two numbering schemes: the documents differ only in their labels."""
    plan = draw(plans())
    return render(plan, draw(SCHEMES)), render(plan, draw(SCHEMES))


# ---- files ---------------------------------------------------------------------------------------


def docx_bytes(lines: list[str]) -> bytes:
    """A small .docx with one paragraph per line."""
    import io

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(lines: list[str] | None) -> bytes:
    """A one-page PDF with a Chinese text layer, or (lines=None) a page with only a picture."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    if lines is None:
        c.rect(100, 100, 200, 300, fill=1)
    else:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 760 - 20 * i, line)
    c.showPage()
    c.save()
    return out.getvalue()
