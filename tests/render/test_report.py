"""The HTML report: counts, rows, highlighted words and figures, badges, collapsing, escaping, no fetching.

Comparisons are built by hand with a small factory (a marked-up text per pair gives both sides and
their edits); the real seed pair is rendered too when the comparison pipeline is importable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from policydiff.figures.compare import figure_counts
from policydiff.model import (
    ComparedDocument,
    CompareOptions,
    Comparison,
    DocumentTree,
    Edit,
    Figure,
    FigureChange,
    LoadedDocument,
    Op,
    Pair,
    Qualifiers,
    Status,
    Unit,
)
from policydiff.model import Level as L
from policydiff.render.html import render_report
from tests.conftest import SEED

GENERATED = datetime(2024, 3, 1, 9, 30)
MARK = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")  # [old|new]: replace; [|new]: insert; [old|]: delete


# ---------------------------------------------------------------- factory


@dataclass
class Spec:
    """One pair. ``marked`` is the unit's own text with [old|new] edit marks (plain for added/removed)."""

    status: Status
    level: L
    marked: str
    label: str = ""
    depth: int = 0
    moved: bool = False
    manual: bool = False
    figures: tuple[tuple[str | None, str | None, str, float, float], ...] = ()  # left, right, subject, lv, rv
    similarity: float | None = None  # None: 1.0 unchanged, 0.8 changed, 0.0 one-sided


@dataclass
class _Side:
    text: str = ""
    units: list[dict] = field(default_factory=list)

    def add(self, own: str, spec: Spec) -> tuple[int, dict]:
        start = len(self.text)
        self.text += own + "\n"
        heading = own[len(spec.label) :].split("。", 1)[0].split("\n", 1)[0]
        unit = dict(
            level=spec.level,
            label=spec.label,
            heading=heading,
            start=start,
            own_end=len(self.text),
            depth=spec.depth,
            index=len(self.units),
        )
        self.units.append(unit)
        return start, unit

    def tree(self, title: str) -> tuple[DocumentTree, list[Unit]]:
        built: list[Unit] = []
        stack: list[dict] = []
        for i, u in enumerate(self.units):
            later = [v["start"] for v in self.units[i + 1 :] if v["depth"] <= u["depth"]]
            while stack and stack[-1]["depth"] >= u["depth"]:
                stack.pop()
            parent = stack[-1]["index"] if stack else None
            stack.append(u)
            built.append(Unit(end=later[0] if later else len(self.text), parent=parent, **u))
        return DocumentTree(title=title, units=tuple(built), body_end=len(self.text)), built


def _split(marked: str) -> tuple[str, str, list[tuple[Op, int, int, int, int]]]:
    """Both own texts of a marked-up pair and its edits (offsets relative to each unit's start)."""
    left = right = ""
    edits: list[tuple[Op, int, int, int, int]] = []
    pos = 0
    for m in MARK.finditer(marked + "\n"):
        same = marked[pos : m.start()]
        if same:
            edits.append((Op.EQUAL, len(left), len(left) + len(same), len(right), len(right) + len(same)))
            left, right = left + same, right + same
        old, new = m.group(1), m.group(2)
        op = Op.REPLACE if old and new else Op.DELETE if old else Op.INSERT
        edits.append((op, len(left), len(left) + len(old), len(right), len(right) + len(new)))
        left, right = left + old, right + new
        pos = m.end()
    tail = marked[pos:] + "\n"
    edits.append((Op.EQUAL, len(left), len(left) + len(tail), len(right), len(right) + len(tail)))
    return left + tail[:-1], right + tail[:-1], edits


def _figure(text: str, literal: str, start_at: int, value: float) -> Figure:
    start = text.index(literal, start_at)
    return Figure(
        text=literal,
        start=start,
        end=start + len(literal),
        value=value,
        unit="元",
        qualifier=Qualifiers.parse(next((q for q in ("左右", "以上") if literal.endswith(q)), None)),
    )


def build(
    specs: list[Spec],
    left_name: str = "旧版.txt",
    right_name: str = "新版.txt",
    left_title: str = "关于推动经济高质量发展的若干政策（征求意见稿）",
    right_title: str = "关于推动经济高质量发展的若干政策",
) -> Comparison:
    left, right = _Side(), _Side()
    placed = []
    for spec in specs:
        lu = ru = None
        edits: tuple[Edit, ...] = ()
        if spec.status == Status.ADDED:
            _, ru = right.add(spec.marked, spec)
        elif spec.status == Status.REMOVED:
            _, lu = left.add(spec.marked, spec)
        else:
            lt, rt, rel = _split(spec.marked)
            ls, lu = left.add(lt, spec)
            rs, ru = right.add(rt, spec)
            if spec.status == Status.CHANGED:
                edits = tuple(Edit(op, (ls + a, ls + b), (rs + c, rs + d)) for op, a, b, c, d in rel)
        placed.append((spec, lu, ru, edits))
    ltree, lunits = left.tree(left_title)
    rtree, runits = right.tree(right_title)
    pairs = []
    for spec, lu, ru, edits in placed:
        lunit = lunits[lu["index"]] if lu else None
        runit = runits[ru["index"]] if ru else None
        figures = tuple(
            FigureChange(
                status=Status.CHANGED if lf and rf else Status.ADDED if rf else Status.REMOVED,
                subject=subject,
                left=_figure(left.text, lf, lunit.start, lv) if lf else None,
                right=_figure(right.text, rf, runit.start, rv) if rf else None,
            )
            for lf, rf, subject, lv, rv in spec.figures
        )
        similarity = 1.0 if spec.status == Status.UNCHANGED else 0.8 if lunit and runit else 0.0
        if spec.similarity is not None:
            similarity = spec.similarity
        pairs.append(
            Pair(spec.status, spec.level, lunit, runit, similarity, spec.moved, edits, figures, spec.manual)
        )
    return Comparison(
        options=CompareOptions(normalize="t2s"),
        left=ComparedDocument(
            LoadedDocument(f"/docs/{left_name}", "txt", "utf-8", left.text, len(left.text.encode())), ltree
        ),
        right=ComparedDocument(
            LoadedDocument(f"/docs/{right_name}", "txt", "gb18030", right.text, 4321), rtree
        ),
        pairs=tuple(pairs),
    )


def sample() -> Comparison:
    """A small comparison with one pair of every kind."""
    U, C, A, R = Status.UNCHANGED, Status.CHANGED, Status.ADDED, Status.REMOVED
    return build(
        [
            Spec(U, L.PREAMBLE, "为深入贯彻落实中央经济工作会议精神，制定以下政策。"),
            Spec(C, L.CHAPTER, "一、扩大有效投资政策（由省[发展改革委|发改委]牵头实施）", label="一、"),
            Spec(
                C,
                L.ARTICLE,
                "1.向上争取资金支持。争取中央预算内投资不少于[6|8]0亿元，[|重点]支持[省级|]重大项目。",
                label="1.",
                depth=1,
                figures=(("60亿元", "80亿元", "中央预算内投资", 6e9, 8e9),),
            ),
            Spec(U, L.ARTICLE, "2.加强用地保障。完善省重大产业项目用地保障机制。", label="2.", depth=1),
            Spec(
                A,
                L.ARTICLE,
                "3.设立产业基金。安排专项资金20亿元左右。",
                label="3.",
                depth=1,
                figures=((None, "20亿元左右", "专项资金", 0, 2e9),),
            ),
            Spec(R, L.ARTICLE, "3.优化审批流程。压减审批时限。", label="3.", depth=1),
            Spec(U, L.ARTICLE, "4.推动消费升级。开展促消费活动。", label="4.", depth=1, moved=True),
            Spec(C, L.ARTICLE, "5.[加强|强化]人才支撑。引进高层次人才。", label="5.", depth=1, manual=True),
        ]
    )


def render(comparison: Comparison, **kwargs) -> tuple[str, BeautifulSoup]:
    html = render_report(comparison, generated_at=GENERATED, **kwargs)
    return html, BeautifulSoup(html, "lxml")


def rows(soup: BeautifulSoup) -> list:
    return soup.select("table.compare > tbody > tr")


def joined(cell, selector: str) -> str:
    return "".join(tag.get_text() for tag in cell.select(selector))


def squeeze(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------- tests


def test_summary_counts_match_the_comparison():
    comparison = sample()
    _, soup = render(comparison)
    s = comparison.summary
    shown = {el["data-count"]: int(el.get_text()) for el in soup.select("#summary [data-count]")}
    assert shown == {
        "pairs": 8,
        "unchanged": 3,
        "changed": 3,
        "added": 1,
        "removed": 1,
        "moved": 1,
        "manual": 1,
        # figures counted apart: one changed in a kept unit, one brought by a wholly added unit
        "figures_changed": 1,
        "figures_added": 0,
        "figures_removed": 0,
        "figures_in_added_units": 1,
        "figures_in_removed_units": 0,
        "obligations_changed": 0,
        "responsible_changed": 0,
        "references_stale": 0,
    }
    counts = figure_counts(comparison.pairs)
    expected = {
        k: getattr(s, k) for k in ("pairs", "unchanged", "changed", "added", "removed", "moved", "manual")
    }
    expected |= {f"figures_{k}": getattr(counts, k) for k in ("changed", "added", "removed")}
    expected |= {
        "figures_in_added_units": counts.in_added_units,
        "figures_in_removed_units": counts.in_removed_units,
    }
    expected |= {k: getattr(s, k) for k in ("obligations_changed", "responsible_changed", "references_stale")}
    assert shown == expected


def test_header_names_both_documents_and_settings():
    _, soup = render(sample())
    docs = soup.select_one("table.docs").get_text()
    for expected in (
        "旧版.txt",
        "新版.txt",
        "关于推动经济高质量发展的若干政策（征求意见稿）",
        "gb18030",
        "utf-8",
        "4.2 KB（4,321 字节）",
    ):
        assert expected in docs
    assert soup.select_one("#generated").get_text() == "2024-03-01 09:30"
    assert "t2s" in soup.select_one("#normalize").get_text()
    assert soup.select_one("#normalization-diffs").get_text() == "不显示"
    assert soup.html["lang"] == "zh-CN"
    assert soup.find("meta", charset=True)["charset"].lower() == "utf-8"


def test_one_row_per_pair_in_order_with_anchors():
    comparison = sample()
    _, soup = render(comparison)
    found = rows(soup)
    assert len(found) == len(comparison.pairs)
    assert [tr["id"] for tr in found] == [f"pair-{n}" for n in range(1, 9)]
    assert [next(c for c in tr["class"] if c.startswith("status-")) for tr in found] == [
        f"status-{p.status}" for p in comparison.pairs
    ]
    assert "level-chapter" in found[1]["class"] and "depth-1" in found[2]["class"]


def test_deleted_and_inserted_words_carry_exactly_their_characters():
    _, soup = render(sample())
    chapter, article = rows(soup)[1], rows(soup)[2]
    assert joined(chapter.select_one("td.left"), "del") == "发展改革委"
    assert joined(chapter.select_one("td.right"), "ins") == "发改委"
    assert joined(article.select_one("td.left"), "del") == "6省级"
    assert joined(article.select_one("td.right"), "ins") == "8重点"
    assert not article.select("td.left ins") and not article.select("td.right del")
    # the rest of each side is the unit's own text, unaltered
    assert (
        article.select_one("td.left .text").get_text()
        == "1.向上争取资金支持。争取中央预算内投资不少于60亿元，支持省级重大项目。"
    )
    assert (
        article.select_one("td.right .text").get_text()
        == "1.向上争取资金支持。争取中央预算内投资不少于80亿元，重点支持重大项目。"
    )


def test_added_and_removed_units_are_wholly_inserted_or_deleted():
    _, soup = render(sample())
    added, removed = rows(soup)[4], rows(soup)[5]
    assert joined(added.select_one("td.right"), "ins") == "3.设立产业基金。安排专项资金20亿元左右。"
    assert added.select_one("td.left .absent") and not added.select("td.left .text")
    assert joined(removed.select_one("td.left"), "del") == "3.优化审批流程。压减审批时限。"
    assert removed.select_one("td.right .absent")


def test_layout_whitespace_is_tidied_and_never_tinted():
    comparison = build(
        [
            Spec(
                Status.CHANGED,
                L.CHAPTER,
                "一、扩大有效投资政策[|\n\n  ]（由省[发展改革委|发改委]牵头实施）[|\n\n  推动 项目出台。]",
                label="一、",
            ),
        ]
    )
    _, soup = render(comparison)
    right = rows(soup)[0].select_one("td.right")
    shown = right.select_one(".text").get_text()
    assert shown == "一、扩大有效投资政策\n（由省发改委牵头实施）\n推动 项目出台。"
    assert [tag.get_text() for tag in right.select("ins")] == ["发改委", "推动 项目出台。"]
    assert right.select_one("b.head").get_text() == "一、扩大有效投资政策"


def test_changed_figures_are_marked_with_old_and_new_value():
    _, soup = render(sample())
    article = rows(soup)[2]
    left_marks = article.select("td.left mark.fig")
    assert joined(article.select_one("td.left"), "mark.fig") == "60亿元"
    assert joined(article.select_one("td.right"), "mark.fig") == "80亿元"
    assert all("60亿元 → 80亿元" in m["title"] for m in left_marks)
    assert "数字变化 1" in article.select_one("td.meta").get_text()
    assert joined(rows(soup)[4].select_one("td.right"), "mark.fig") == "20亿元左右"
    assert not rows(soup)[3].select("mark.fig")  # no figure changed there


def test_figure_appendix_lists_every_changed_figure_with_its_change():
    _, soup = render(sample())
    table = soup.select("#figures table.figures tbody tr")
    assert len(table) == 2
    first = table[0]
    assert first.select_one(".subject").get_text() == "中央预算内投资"
    assert first.select_one(".fig-left").get_text() == "60亿元"
    assert first.select_one(".fig-right").get_text() == "80亿元"
    change = first.select_one(".fig-change").get_text()
    assert "+20亿元" in change and "×1.33" in change and "+33.3%" in change
    assert first.select_one("a")["href"] == "#pair-3"
    assert table[1].select_one(".fig-right").get_text() == "20亿元左右"
    assert "新增" in table[1].get_text()


def test_figure_change_in_readable_units_with_qualifier_change():
    comparison = build(
        [
            Spec(
                Status.CHANGED,
                L.ARTICLE,
                "1.投放中长期贷款[4000亿元左右|800亿元以上]。",
                label="1.",
                figures=(("4000亿元左右", "800亿元以上", "中长期贷款", 4e11, 8e10),),
            )
        ]
    )
    _, soup = render(comparison)
    row = soup.select_one("#figures table.figures tbody tr")
    assert row.select_one(".fig-change").get_text() == "-3200亿元，×0.2（-80%）"
    assert row.select_one(".fig-qualifier").get_text() == "左右 → 以上"
    mark = rows(soup)[0].select_one("td.right mark.fig")
    assert mark.get_text() == "800亿元以上" and mark["title"] == "中长期贷款：4000亿元左右 → 800亿元以上"


def test_badges_for_added_removed_moved_and_manual():
    _, soup = render(sample())
    r = rows(soup)
    assert r[4].select_one(".badge.status-added").get_text() == "新增"
    assert r[5].select_one(".badge.status-removed").get_text() == "删除"
    assert r[6].select_one(".badge.moved").get_text() == "移动"
    assert r[7].select_one(".badge.manual").get_text() == "人工配对"
    assert r[2].select_one(".badge.status-changed").get_text() == "修改"
    assert not r[2].select(".badge.moved, .badge.manual")
    assert r[2].select_one(".similarity").get_text() == "相似度 80%"
    assert not r[4].select(".similarity")  # nothing to be similar to


def test_table_of_contents_links_every_difference_and_nothing_else():
    _, soup = render(sample())
    links = [a["href"] for a in soup.select("#toc a")]
    assert links == [
        "#pair-2",
        "#pair-3",
        "#pair-5",
        "#pair-6",
        "#pair-7",
        "#pair-8",
    ]  # moved pair 7 included
    ids = {tr["id"] for tr in rows(soup)}
    assert all(href[1:] in ids for href in links)
    # the "only differences" filter hides exactly the rows the contents leave out
    assert [tr["id"] for tr in rows(soup) if "same" not in tr["class"]] == [h[1:] for h in links]
    assert "body:has(#show-diff:checked) tr.same { display: none; }" in soup.style.get_text()


def test_unchanged_units_collapse_to_their_heading():
    _, soup = render(sample(), collapse_unchanged=True)
    r = rows(soup)
    for tr in (r[0], r[3]):
        for cell in tr.select("td.side"):
            details = cell.find("details")
            assert details is not None and not details.has_attr("open")
    assert r[3].select_one("td.left summary").get_text() == "2.加强用地保障"
    assert (
        r[3].select_one("td.left details .text").get_text()
        == "2.加强用地保障。完善省重大产业项目用地保障机制。"
    )
    assert not r[6].select("details")  # moved: a difference, shown in full
    assert not r[2].select("details")
    _, soup = render(sample(), collapse_unchanged=False)
    assert not soup.select("table.compare details")
    assert (
        rows(soup)[3].select_one("td.left .text").get_text()
        == "2.加强用地保障。完善省重大产业项目用地保障机制。"
    )


HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> </table> & \"quoted\" 'x'"


def test_document_text_is_escaped_everywhere():
    comparison = build(
        [
            Spec(
                Status.CHANGED,
                L.ARTICLE,
                f"1.[旧|新]条款。{HOSTILE}[6|8]0亿元",
                label="1.",
                figures=(("60亿元", "80亿元", '"><script>alert(2)</script>', 6e9, 8e9),),
            ),
            Spec(Status.ADDED, L.ARTICLE, f"2.新增条款{HOSTILE}。", label="2."),
            Spec(Status.UNCHANGED, L.ARTICLE, f"3.{HOSTILE}。", label="3."),
        ],
        left_name="<img src=x onerror=alert(3)>.txt",
        right_title=HOSTILE,
    )
    html, soup = render(comparison)
    assert not soup.find_all("script")
    assert not soup.find_all("img")
    assert len(rows(soup)) == 3  # </table> in a unit did not end the table
    assert soup.select_one("#figures table.figures") is not None  # nor anything after it
    r = rows(soup)
    assert HOSTILE in r[0].select_one("td.left .text").get_text()
    assert HOSTILE in r[1].select_one("td.right .text").get_text()
    assert soup.select_one("td.doc-left").get_text() == "<img src=x onerror=alert(3)>.txt"
    assert soup.title.get_text().startswith("文件对照：<img src=x onerror=alert(3)>.txt")
    assert HOSTILE in soup.select_one(".titles").get_text()
    assert '"><script>alert(2)</script>' in r[0].select_one("mark.fig")["title"]
    assert "<script>" not in html and "<img" not in html


def test_no_external_resources():
    html, soup = render(sample())
    assert not re.search(r"\bsrc\s*=", html, re.I)
    assert not re.search(r"@import|url\(|<link\b|<iframe|<object|<embed", html, re.I)
    for tag in soup.find_all(href=True):
        assert tag["href"].startswith("#"), tag
    assert not soup.find_all("script")  # reads fully with JavaScript off: there is none
    style = soup.style.get_text()
    assert '"Noto Sans CJK SC"' in style and "SimSun" in style


def test_print_stylesheet():
    _, soup = render(sample())
    style = re.sub(r"\s+", " ", soup.style.get_text())
    assert re.search(r"@page \{ size: A4; margin: [^;]+; \}", style)
    printed = style[style.index("@media print") :]
    assert "thead { display: table-header-group; }" in printed
    assert "tr { break-inside: avoid;" in printed


def test_identical_documents_say_there_is_no_difference():
    U = Status.UNCHANGED
    same = build(
        [
            Spec(U, L.CHAPTER, "一、总体要求", label="一、"),
            Spec(U, L.ARTICLE, "1.坚持稳中求进。", label="1.", depth=1),
        ]
    )
    _, soup = render(same)
    assert soup.select_one("#identical").get_text() == "两份文件无差异。"
    assert "无差异" in soup.select_one("#toc").get_text() and not soup.select("#toc a")
    _, soup = render(sample())
    assert soup.select_one("#identical") is None


# ---------------------------------------------------------------- the real pipeline on the seed pair


def test_changes_in_meaning_are_badges_and_counts():
    """Obligations, owners and stale references each get a badge on their row and a summary count."""
    compare = pytest.importorskip("policydiff.compare.pipeline")
    comparison = compare.compare_files(str(SEED["000"]), str(SEED["003"]), CompareOptions())
    soup = BeautifulSoup(render_report(comparison), "html.parser")
    owners = soup.select("#comparison .badge.note-owners")  # (the table of contents repeats them)
    assert len(owners) == comparison.summary.responsible_changed > 0
    assert any("区经科局" in b.get_text() for b in owners)
    count = soup.select_one('[data-count="responsible_changed"]')
    assert count is not None and count.get_text() == str(comparison.summary.responsible_changed)


@pytest.fixture(scope="module")
def seed_comparison(seed_paths):
    compare = pytest.importorskip("policydiff.compare.pipeline")
    return compare.compare_files(str(seed_paths["000"]), str(seed_paths["002"]), CompareOptions())


def test_seed_report_is_small_and_complete(seed_comparison):
    html, soup = render(seed_comparison)
    assert len(html.encode("utf-8")) < 2 * 1024 * 1024
    assert len(rows(soup)) == len(seed_comparison.pairs)
    shown = {el["data-count"]: int(el.get_text()) for el in soup.select("#summary [data-count]")}
    assert shown["changed"] == seed_comparison.summary.changed
    assert not soup.find_all("script") and not soup.find_all("img")


def test_seed_report_highlights_exactly_the_edited_characters(seed_comparison):
    from policydiff.present.projection import is_rewrite

    assert any(is_rewrite(p) for p in seed_comparison.pairs)  # the rule is exercised
    _, soup = render(seed_comparison)
    left, right = seed_comparison.left.text, seed_comparison.right.text
    for pair, tr in zip(seed_comparison.pairs, rows(soup), strict=True):
        if pair.status != Status.CHANGED or not pair.edits:
            continue
        # a rewrite marks its one-sided text like any pair: no colour never means no change
        deleted = "".join(left[e.left[0] : e.left[1]] for e in pair.edits if e.op in (Op.DELETE, Op.REPLACE))
        inserted = "".join(
            right[e.right[0] : e.right[1]] for e in pair.edits if e.op in (Op.INSERT, Op.REPLACE)
        )
        # layout whitespace is tidied for reading; every other character is highlighted exactly
        assert squeeze(joined(tr.select_one("td.left"), "del")) == squeeze(deleted)
        assert squeeze(joined(tr.select_one("td.right"), "ins")) == squeeze(inserted)


def rewrite_sample() -> Comparison:
    """A pair rewritten rather than edited (similarity 20 %) between two ordinary edits."""
    C = Status.CHANGED
    return build(
        [
            Spec(C, L.ARTICLE, "1.[加强|强化]人才支撑。引进高层次人才。", label="1.", depth=1),
            Spec(
                C,
                L.ARTICLE,
                "2.[推进|加快]数字[经济|产业]发展。[实施|落实]数字化改造工程，[建设|打造]一批智能工厂，"
                "[培育|新增]企业[30|50]家。",
                label="2.",
                depth=1,
                similarity=0.2,
                figures=(("30家", "50家", "企业", 30, 50),),
            ),
        ]
    )


def test_a_rewrite_marks_new_text_and_its_shared_phrases():
    """Below the rewrite threshold text only one side has is still deleted / inserted (a reader
    reads no colour as no change); the phrases both sides have (at least
    DisplayRules.shared_phrase_min characters) are marked besides, and the row says 改写."""
    _, soup = render(rewrite_sample())
    edited, rewritten = rows(soup)
    assert edited.select("del") and edited.select("ins") and not edited.select(".shared")
    assert not edited.select(".badge.rewrite")
    assert joined(rewritten.select_one("td.left"), "del") == "推进经济实施建设培育30"
    assert joined(rewritten.select_one("td.right"), "ins") == "加快产业落实打造新增50"
    for td in rewritten.select("td.side"):
        # 2. / 数字 / 发展。 / 企业 are shared too, but too short to be worth marking
        assert [t.get_text() for t in td.select(".shared")] == ["数字化改造工程，", "一批智能工厂，"]
    assert "".join(m.get_text() for m in rewritten.select("mark.fig")) == "30家50家"  # cut by del / ins
    assert rewritten.select_one("td.meta .badge.rewrite").get_text() == "改写"
    legend = soup.select_one(".legend")
    assert legend.select_one(".shared") and "相似度低于 30%" in legend.get_text()
    assert "标为删除/新增" in legend.get_text()


def test_similarity_never_reads_as_the_threshold_beside_a_rewrite_badge():
    """29.8 % is under the 30 % rule: it reads 29 %, not a rounded 30 %; 99.7 % never reads 100 %."""
    from policydiff.render.html import _percent

    assert [_percent(v) for v in (0.298, 0.3, 0.304, 0.57, 0.997, 1.0, 0.0)] == [
        "29%",
        "30%",
        "30%",
        "57%",
        "99%",
        "100%",
        "0%",
    ]


def test_rewrites_can_be_shown_as_word_diffs_like_the_view_switch():
    _, soup = render(rewrite_sample(), rewrites=False)
    rewritten = rows(soup)[1]
    assert joined(rewritten.select_one("td.left"), "del") == "推进经济实施建设培育30"
    assert not soup.select(".shared") and not soup.select(".badge.rewrite")
    assert "相似度低于" not in soup.select_one(".legend").get_text()  # no rewrite, no legend entry


def test_seed_report_marks_shared_phrases_as_the_panes_do(seed_comparison):
    """Every rewrite of the seed pair marks exactly the shared phrases and figures the projection
    gives the panes (policydiff.present.projection.project with the side's text); no other row marks any."""
    from policydiff.present.projection import Kind, is_rewrite, project

    _, soup = render(seed_comparison)
    texts = {"left": seed_comparison.left.text, "right": seed_comparison.right.text}
    rewrites = 0
    for pair, tr in zip(seed_comparison.pairs, rows(soup), strict=True):
        if not is_rewrite(pair):  # a scattered unit marks its clauses found elsewhere as shared
            assert not tr.select(".badge.rewrite")
            assert not tr.select(".shared") or pair.scattered
            continue
        rewrites += 1
        assert tr.select_one("td.meta .badge.rewrite") is not None
        for side in ("left", "right"):
            text = texts[side]
            view = project(pair, side, text)
            shared = "".join(text[s:e] for s, e, kind in view.marks if kind == Kind.SHARED)
            figures = "".join(text[s:e] for s, e, _change in view.figures)
            cell = tr.select_one(f"td.{side}")
            assert squeeze(joined(cell, ".shared")) == squeeze(shared)
            assert squeeze(joined(cell, "mark.fig")) == squeeze(figures)
    assert rewrites >= 10


def test_a_law_article_sets_only_its_label_in_bold():
    """第一条 has no title: the sentence after it is text, whatever the outline calls its heading;
    a policy's numbered item keeps its heading bold."""
    C = Status.CHANGED
    comparison = build(
        [
            Spec(C, L.ARTICLE, "第一条 为了[规范|加强]应急管理，制定本法。", label="第一条"),
            Spec(C, L.ARTICLE, "1.[加强|强化]人才支撑。引进高层次人才。", label="1.", depth=1),
        ]
    )
    assert comparison.pairs[0].left.heading.strip() == "为了规范应急管理，制定本法"
    _, soup = render(comparison)
    law, policy = rows(soup)
    assert [b.get_text() for b in law.select("td.left b.head")] == ["第一条"]
    assert "".join(b.get_text() for b in policy.select("td.right b.head")) == "1.强化人才支撑"


def test_seed_document_against_itself_has_no_differences(seed_paths):
    compare = pytest.importorskip("policydiff.compare.pipeline")
    path = str(seed_paths["002"])
    _, soup = render(compare.compare_files(path, path, CompareOptions()))
    assert soup.select_one("#identical").get_text() == "两份文件无差异。"
    assert not soup.select("#toc a")


def test_appendix_names_a_moved_upper_end_of_a_range():
    from policydiff.model import Figure, FigureChange, Status
    from policydiff.render.html import _figure_change

    old = Figure("10—20亿元", 0, 7, 1e9, "元", value_high=2e9)
    new = Figure("10—30亿元", 0, 7, 1e9, "元", value_high=3e9)
    assert _figure_change(FigureChange(Status.CHANGED, "投资", old, new)) == "上限 +10亿元"


# ---------------------------------------------------------------- what the pair is, print, names


def test_title_says_what_the_pair_is():
    _, soup = render(sample())  # a draft and its final text: the left is the older version
    assert soup.title.get_text() == "新旧对照：旧版.txt ↔ 新版.txt"
    assert soup.select_one("#pair-title").get_text(" ", strip=True).startswith("新旧对照：")
    other = build(
        [Spec(Status.UNCHANGED, L.PREAMBLE, "为深入贯彻落实。")],
        left_title="浙江省2024年推动经济高质量发展若干政策",
        right_title="杭州市关于贯彻落实的实施意见",
    )
    assert render(other)[1].title.get_text().startswith("文件对照：")
    older_right = build(
        [Spec(Status.UNCHANGED, L.PREAMBLE, "为深入贯彻落实。")],
        left_title="绍兴一中2023年度教工考核工作方案",
        right_title="绍兴一中2022年度教工考核工作方案",
    )
    assert render(older_right)[1].title.get_text().startswith("文件对照：")


def test_a_unit_unpaired_by_hand_says_so():
    U, R = Status.UNCHANGED, Status.REMOVED
    comparison = build(
        [
            Spec(U, L.PREAMBLE, "为深入贯彻落实。"),
            Spec(R, L.ARTICLE, "3.优化审批流程。", label="3.", manual=True),
        ]
    )
    _, soup = render(comparison)
    assert "人工取消配对" in rows(soup)[1].select_one("td.meta").get_text()
    assert "人工取消配对" not in rows(soup)[0].get_text()
    _, paired = render(sample())
    assert "人工配对" in rows(paired)[-1].select_one("td.meta").get_text()
    assert "人工取消配对" not in rows(paired)[-1].get_text()


def test_figure_appendix_is_keyed_by_article_and_links_to_its_row():
    _, soup = render(sample())
    first = soup.select("table.figures tbody tr")[0]
    link = first.select_one("td.fig-place a")
    assert link.get_text() == "一、 › 1. ↔ 一、 › 1."
    assert soup.select_one(link["href"]) is not None
    added = soup.select("table.figures tbody tr")[1]
    assert added.select_one("td.fig-place a").get_text() == "无 ↔ 一、 › 3."
    assert added.select_one("td.fig-left").get_text() == "无"  # never a dash that reads as 一


def test_bidi_and_control_characters_in_file_names_are_isolated():
    comparison = build([Spec(Status.UNCHANGED, L.PREAMBLE, "为深入贯彻落实。")], left_name="a\u202etxt.exe")
    html, soup = render(comparison)
    assert "\u202e" not in soup.title.get_text()
    cell = soup.select_one("td.doc-left")
    assert cell.bdi is not None and "\u202e" in cell.bdi.get_text()
    assert "\u202e" not in html.split("<body>")[0].split("<title>")[1]  # nor in the page header's CSS


def test_print_lets_long_rows_split_with_a_running_header_and_page_numbers():
    html, soup = render(sample())
    style = soup.style.get_text()
    assert "tr { break-inside: auto" in style and "orphans: 3" in style
    assert "@top-left" in style and "counter(page)" in style and "counter(pages)" in style
    assert "\\0065e7\\007248" in style  # 旧版 as CSS escapes: a name can never close the string
    assert soup.select_one("footer .screen-only a[href='#top']") is not None
    assert ".screen-only { display: none; }" in style


def test_an_overflowing_ratio_never_reaches_the_page_or_the_json():
    import json

    from policydiff.render.html import _figure_change
    from policydiff.render.jsonform import _fig

    tiny = Figure("0.000000001%", 0, 5, 1e-300, "%", kind="percent")
    huge = Figure("1e300%", 0, 5, 1e300, "%", kind="percent")
    change = FigureChange(Status.CHANGED, "比例", tiny, huge)
    assert "inf" not in _figure_change(change)
    json.dumps(_fig(change), allow_nan=False)


def test_every_level_has_a_chinese_label():
    from policydiff.render.html import LEVEL_LABELS

    assert set(LEVEL_LABELS) == set(L)
