"""A document's history across versions: lineages on a real law's three versions (checked by hand),
on generated revision chains of known lineage, merges and splits, the JSON form and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policydiff.cli import main
from policydiff.history.chain import HistoryConfig, TooFewVersions, assemble, build_history, compare_steps
from policydiff.history.dates import dates_in, version_date
from policydiff.history.jsonform import SCHEMA, history_to_json
from policydiff.history.model import QUIET_MARKS, History, Mark, StepStatus
from policydiff.io import load_document
from policydiff.model import CompareOptions, Level, LoadedDocument
from policydiff.structure.parse import parse_structure
from tests.conftest import CORPUS, SEED
from tests.revision_chain import QUIET, make_chain

GOLD = Path(__file__).resolve().parent.parent / "gold" / "history-daolu-yunshu.json"
HISTORY = CORPUS / "history"
needs_corpus = pytest.mark.skipif(not HISTORY.is_dir(), reason="the shared corpus is not here")


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(name, "txt", "utf-8", text)


def _history(texts: list[str]) -> History:
    documents = [_doc(t, f"v{k}.txt") for k, t in enumerate(texts)]
    comparisons = compare_steps(documents, CompareOptions(), HistoryConfig())
    return assemble(documents, comparisons, CompareOptions())


def _check_every_unit_once(history: History) -> None:
    """Every unit of every version (the title aside) is the unit of exactly one row in its column."""
    for v, version in enumerate(history.versions):
        tree = history.comparisons[0].left.tree if v == 0 else history.comparisons[v - 1].right.tree
        held = [row.units[v].index for row in history.rows if row.units[v] is not None]
        want = [u.index for u in tree.units if u.level != Level.TITLE]
        assert sorted(held) == want, version.name
    for row in history.rows:
        for k, step in enumerate(row.steps):
            present = (row.units[k] is not None, row.units[k + 1] is not None)
            if present == (False, False):
                assert step is None
            elif present == (True, False):
                assert step is not None and step.status == StepStatus.REMOVED
            elif present == (False, True):
                assert step is not None and step.status == StepStatus.ADDED
            else:
                assert step is not None and step.status not in (StepStatus.ADDED, StepStatus.REMOVED)


# ---- the real law, checked by hand ------------------------------------------------------------


@needs_corpus
def test_hand_checked_lineage_of_the_road_transport_regulation():
    """83 articles of 道路运输条例 2019 → 2022 → 2023: each one's numbers and what each step did."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    history = build_history([str(HISTORY / name) for name in gold["versions"]])
    _check_every_unit_once(history)
    rows = {r.units[0].label: r for r in history.rows if r.level == Level.ARTICLE and r.units[0] is not None}
    wrong = []
    for article in gold["articles"]:
        row = rows.get(article["labels"][0])
        got = (
            ([u.label if u else None for u in row.units], [s.mark.value if s else None for s in row.steps])
            if row is not None
            else None
        )
        if got != (article["labels"], article["steps"]):
            wrong.append((article, got))
    assert len(gold["articles"]) >= 40
    assert wrong == []


@needs_corpus
def test_road_transport_history_reads_its_dates_and_orders_the_dropped_article_where_it_stood():
    history = build_history([str(HISTORY / f"daolu-yunshu-{y}.md") for y in (2019, 2022, 2023)])
    assert [v.date for v in history.versions] == ["2016-02-06", "2022-03-29", "2023-07-20"]
    articles = [r for r in history.rows if r.level == Level.ARTICLE]
    labels = [r.units[1].label for r in articles]  # every article is in 2022
    dropped = next(r for r in articles if r.units[2] is None)
    assert dropped.units[1].label == "第六十八条"
    assert labels.index("第六十八条") == labels.index("第六十七条") + 1  # where it stood
    assert labels == sorted(
        labels, key=lambda label: next(r.units[1].number for r in articles if r.units[1].label == label)
    )


# ---- generated chains of known lineage -------------------------------------------------------


def _donors(name: str) -> list[str]:
    out = []
    for other in ("001", "003", "002"):
        if other == name:
            continue
        document = load_document(SEED[other])
        tree = parse_structure(document.text)
        out += [
            document.text[u.start : u.end] for u in tree.units if u.depth == 1 and u.own_end - u.start > 80
        ][:2]
    return out


def _check_chain(name: str, seeds: list[int], brackets: bool) -> None:
    chain = make_chain(load_document(SEED[name]).text, _donors(name), seeds, brackets)
    history = _history(chain.texts)
    _check_every_unit_once(history)
    rows = {r.units[0].index: r for r in history.rows if r.units[0] is not None}
    for first, want in chain.lineage.items():
        row = rows[first]
        assert [u.index if u else None for u in row.units] == want, (first, want)
        for k, step in enumerate(chain.steps[first]):
            mark = row.steps[k].mark if row.steps[k] is not None else None
            if step is None:
                assert mark is None
            elif step == "removed":
                assert mark == Mark.REMOVED, (first, k)
            elif step == "moved":
                assert mark == Mark.MOVED, (first, k)
            elif step == "changed":
                assert mark in (Mark.CHANGED, Mark.MOVED), (first, k, mark)
            else:
                assert step == QUIET and mark in QUIET_MARKS, (first, k, mark)
    added = {
        (k + 1, row.units[k + 1].index)
        for row in history.rows
        for k, step in enumerate(row.steps)
        if step is not None and step.mark == Mark.ADDED and row.units[k + 1].depth == 1
    }
    assert added == set(chain.added)


@pytest.mark.parametrize(
    ("name", "seeds", "brackets"),
    [("000", [11, 12], False), ("003", [13, 14], True), ("002", [15, 16], False), ("004", [17, 18], True)],
)
def test_a_seed_revised_twice_is_followed_article_by_article(name, seeds, brackets):
    _check_chain(name, seeds, brackets)


@pytest.mark.parametrize("name", ["000", "001"])
def test_a_five_version_chain_is_followed_article_by_article(name):
    _check_chain(name, [21, 22, 23, 24], name == "001")


# ---- merges, splits, renumbering, spans ---------------------------------------------------------

V1 = (
    "第一条 为了规范道路运输市场秩序，保障运输安全，制定本办法。\n"
    "第二条 从事客运经营的企业应当具备与其经营业务相适应并经检测合格的车辆，并建立健全安全生产管理制度。\n"
    "第三条 从事货运经营的驾驶人员应当取得相应的机动车驾驶证，年龄不超过60周岁。\n"
    "第四条 本办法自2020年1月1日起施行。\n"
)
V2 = (  # 第二条 split in two; the rest renumbered
    "第一条 为了规范道路运输市场秩序，保障运输安全，制定本办法。\n"
    "第二条 从事客运经营的企业应当具备与其经营业务相适应并经检测合格的车辆。\n"
    "第三条 从事客运经营的企业应当建立健全安全生产管理制度。\n"
    "第四条 从事货运经营的驾驶人员应当取得相应的机动车驾驶证，年龄不超过60周岁。\n"
    "第五条 本办法自2020年1月1日起施行。\n"
)
V3 = V1.replace("2020年1月1日", "2024年1月1日")  # merged back; the last article's date changed


def test_a_split_and_a_merge_carry_through_the_chain():
    history = _history([V1, V2, V3])
    _check_every_unit_once(history)
    labels = [[u.label if u else None for u in r.units] for r in history.rows]
    assert labels == [
        ["第一条", "第一条", "第一条"],
        ["第二条", "第二条", "第二条"],
        [None, "第三条", None],
        ["第三条", "第四条", "第三条"],
        ["第四条", "第五条", "第四条"],
    ]
    whole, part = history.rows[1], history.rows[2]
    assert [s.mark for s in whole.steps] == [Mark.SPLIT, Mark.MERGED]
    assert [u.label for u in whole.also[1]] == ["第三条"]  # split off in V2, merged back in V3: listed once
    assert [(s.status, s.mark, s.partner) for s in part.steps] == [
        (StepStatus.ADDED, Mark.SPLIT, 1),
        (StepStatus.REMOVED, Mark.MERGED, 1),
    ]
    assert [s.mark for s in history.rows[3].steps] == [Mark.RENUMBERED, Mark.RENUMBERED]
    assert [s.mark for s in history.rows[4].steps] == [Mark.RENUMBERED, Mark.CHANGED]


def test_unchanged_versions_read_as_one_span_and_renumbering_breaks_it():
    v4 = V1.replace("第三条 从事货运", "第三条 从事货物运输")
    history = _history([V1, V1, V1, v4])
    first = history.rows[0]
    assert first.spans() == [(0, 3)]
    assert not first.changed
    third = next(r for r in history.rows if r.units[0] is not None and r.units[0].label == "第三条")
    assert third.spans() == [(0, 2), (3, 3)]
    assert third.changed_at(3) and not third.changed_at(1)
    shorter = (
        V1.split("\n", 1)[1]
        .replace("第二条", "第一条")
        .replace("第三条", "第二条")
        .replace("第四条", "第三条")
    )
    renumbered = _history([V1, shorter])
    kept = next(r for r in renumbered.rows if r.units[0] is not None and r.units[0].label == "第二条")
    assert kept.steps[0].mark == Mark.RENUMBERED and not kept.changed
    assert kept.spans() == [(0, 0), (1, 1)]  # two numbers, two cells


def test_an_article_whose_items_changed_is_changed():
    before = "第一条 申请从事客运经营的，应当具备下列条件：\n（一）有合格的车辆；\n（二）有健全的安全生产管理制度。\n第二条 本办法自发布之日起施行。\n"
    after = before.replace("有合格的车辆", "有与其经营业务相适应并经检测合格的车辆")
    history = _history([before, after])
    article = history.rows[0]
    assert article.units[0].label == "第一条"
    assert article.steps[0].mark == Mark.CHANGED and article.steps[0].inner
    assert history.rows[-1].steps[0].mark == Mark.UNCHANGED


# ---- dates ----------------------------------------------------------------------------------------


def test_dates_are_read_from_the_head_and_the_signature():
    assert dates_in("2022年3月29日修订；二〇二三年七月二十日公布；2023年2月30日") == [
        "2022-03-29",
        "2023-07-20",
    ]
    text = "关于促进消费的若干政策\n\n一、加大补贴力度。\n二、优化服务。\n\n某某市人民政府\n2024年5月6日\n"
    document = _doc(text, "policy.txt")
    assert version_date(text, parse_structure(text), document.path) == "2024-05-06"
    plain = "一、加大补贴力度。\n二、优化服务。\n"
    assert version_date(plain, parse_structure(plain), "/x/若干政策2021.txt") == "2021"
    assert version_date(plain, parse_structure(plain), "/x/policy.txt") is None


# ---- JSON and the command -------------------------------------------------------------------------


def test_json_form_keeps_the_promised_fields():
    data = history_to_json(_history([V1, V2, V3]))
    assert data["schema"] == SCHEMA
    assert [set(v) >= {"path", "title", "date", "chars"} for v in data["versions"]] == [True] * 3
    assert len(data["summary"]) == 2
    for entry in data["summary"]:
        assert set(entry) >= {"unchanged", "changed", "added", "removed", "moved"}
    row = data["rows"][1]
    assert set(row) >= {"units", "level", "steps", "also"}
    assert row["units"][0]["label"] == "第二条"
    step = row["steps"][0]
    assert set(step) >= {"status", "similarity", "edits", "figures"}
    assert step["status"] in ("unchanged", "changed", "added", "removed", "moved")
    assert step["mark"] == "split"
    edit = step["edits"][1]
    left, right = data["versions"][0]["text"], data["versions"][1]["text"]
    assert left[edit["left"][0] : edit["left"][1]] or right[edit["right"][0] : edit["right"][1]]
    assert data["summary"][1]["changed"] == sum(
        1 for r in data["rows"] if r["steps"][1] is not None and r["steps"][1]["status"] == "changed"
    )
    json.dumps(data, allow_nan=False)


def test_command_writes_outputs_and_refuses_bad_input(tmp_path, capsys):
    paths = []
    for k, text in enumerate([V1, V2, V3]):
        path = tmp_path / f"v{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "h.json"
    assert main(["history", *paths, "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == SCHEMA
    printed = capsys.readouterr().out
    assert "v0.txt → v1.txt → v2.txt" in printed and "2 split" in printed and "2 merged" in printed
    assert main(["history", *paths, "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == SCHEMA
    assert main(["history", paths[0], str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["history", paths[0]])
    assert exit_.value.code == 2
    with pytest.raises(TooFewVersions):
        build_history(paths[:1])
    assert [Path(p).read_text(encoding="utf-8") for p in paths] == [V1, V2, V3]  # inputs untouched


@pytest.mark.slow
def test_parallel_steps_give_the_same_history_as_sequential_ones():
    chain = make_chain(load_document(SEED["000"]).text, _donors("000"), [31, 32])
    documents = [_doc(t, f"v{k}.txt") for k, t in enumerate(chain.texts)]
    options = CompareOptions()
    one = compare_steps(documents, options, HistoryConfig(workers=1))
    two = compare_steps(documents, options, HistoryConfig(workers=2, parallel_min_chars=0))
    assert assemble(documents, one, options).rows == assemble(documents, two, options).rows


def test_a_new_numbering_style_is_renumbering_but_a_wider_bracket_is_not():
    body = [
        "加大资金支持，对新认定的企业给予奖励。",
        "优化审批服务，压缩审批时限。",
        "强化人才保障，引进高层次人才。",
    ]
    arabic = "若干措施\n" + "".join(f"{k}.{b}\n" for k, b in enumerate(body, 1))
    chinese = "若干措施\n" + "".join(f"（{'一二三'[k]}）{b}\n" for k, b in enumerate(body))
    narrow = chinese.replace("（", "(").replace("）", ")")
    styled = _history([arabic, chinese])
    assert [r.steps[0].mark for r in styled.rows if r.units[0] is not None and r.units[0].label] == [
        Mark.RENUMBERED
    ] * 3
    widened = _history([narrow, chinese])
    assert all(r.steps[0].mark == Mark.UNCHANGED for r in widened.rows)
