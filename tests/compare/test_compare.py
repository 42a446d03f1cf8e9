"""The comparison pipeline end to end on the seeds, generated revisions and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents, compare_files, pair_manually, unpair
from policydiff.io import load_document
from policydiff.lang.normalize import normalize
from policydiff.lang.script import conversion_only
from policydiff.model import CompareOptions, LoadedDocument, Op, Status, unit_runs
from policydiff.render.jsonform import comparison_to_json
from policydiff.structure.parse import parse_structure
from tests.conftest import CORPUS, GOLD, SEED
from tests.revision import make_revision

SCORE = GOLD.parent / "tools" / "score.py"


def doc(text: str, name: str = "x.txt") -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


@pytest.fixture(scope="module")
def seed_pair():
    return compare_files(str(SEED["000"]), str(SEED["002"]))


def check_invariants(comparison) -> None:
    """Spans inside documents; edits rebuild both units' own texts; every unit in exactly one pair."""
    lt, rt = comparison.left.text, comparison.right.text
    seen_left, seen_right = [], []
    for pair in comparison.pairs:
        seen_left.extend(u.index for u in pair.left_units)
        seen_right.extend(u.index for u in pair.right_units)
        if pair.also_left or pair.also_right:  # a merge or a split has a unit on each side
            assert pair.left is not None and pair.right is not None
            assert not (pair.also_left and pair.also_right)
        if pair.left is None or pair.right is None or not pair.edits:
            continue
        left_parts, right_parts = [], []
        for edit in pair.edits:
            assert 0 <= edit.left[0] <= edit.left[1] <= len(lt)
            assert 0 <= edit.right[0] <= edit.right[1] <= len(rt)
            if edit.op in (Op.EQUAL, Op.DELETE, Op.REPLACE):
                left_parts.append(lt[edit.left[0] : edit.left[1]])
            if edit.op in (Op.EQUAL, Op.INSERT, Op.REPLACE):
                right_parts.append(rt[edit.right[0] : edit.right[1]])
        # a group reads as one text per run of neighbours, from its first label to its last own end
        left_runs, right_runs = unit_runs(pair.left_units), unit_runs(pair.right_units)
        assert "".join(left_parts) == "".join(lt[run[0].start : run[-1].own_end] for run in left_runs)
        assert "".join(right_parts) == "".join(rt[run[0].start : run[-1].own_end] for run in right_runs)
        check_equal_chunks_are_equal(comparison, pair)
    assert sorted(seen_left) == list(range(len(comparison.left.tree.units)))
    assert sorted(seen_right) == list(range(len(comparison.right.tree.units)))


def check_equal_chunks_are_equal(comparison, pair) -> None:
    """An equal chunk never hides a difference: its two sides agree once each is normalized with its
    own side's conversion (labels aside), or differ only by a reprint's regional phrasing."""
    options = comparison.options
    left_mode = "none" if options.show_normalization_diffs else comparison.left.conversion
    right_mode = "none" if options.show_normalization_diffs else comparison.right.conversion
    scripts = (comparison.left.script, comparison.right.script)
    lt, rt = comparison.left.text, comparison.right.text
    for edit in pair.edits:
        if edit.op != Op.EQUAL:
            continue
        a, b = lt[edit.left[0] : edit.left[1]], rt[edit.right[0] : edit.right[1]]
        first_left, first_right = pair.left_units[0], pair.right_units[0]
        if edit.left[0] == first_left.start:  # the first labels stand for each other
            a, b = a[len(first_left.label) :], b[len(first_right.label) :]
        same = "".join(normalize(a, left_mode).text.split()) == "".join(normalize(b, right_mode).text.split())
        assert same or (not options.show_normalization_diffs and conversion_only(a, b, scripts)), (a, b)


def test_seed_pair_invariants(seed_pair):
    check_invariants(seed_pair)
    assert seed_pair.summary.pairs == len(seed_pair.pairs)


def labels(comparison, left_label: str) -> str | None:
    for pair in comparison.pairs:
        if pair.left is not None and pair.left.label == left_label:
            return pair.right.label if pair.right else None
    raise AssertionError(f"no left unit {left_label}")


def test_seed_pair_renumbered_and_reworded_units_pair_up(seed_pair):
    assert labels(seed_pair, "2.") == "(三)"
    assert labels(seed_pair, "7.") == "(十一)"  # 促进高等教育高质量发展 ↔ 建設高水準大學
    assert labels(seed_pair, "16.") == "(二十四)"
    assert labels(seed_pair, "58.") == "(七十六)"


@pytest.mark.skipif(not SCORE.exists(), reason="shared scoring tool not present")
def test_seed_pair_gold_alignment_f1(seed_pair, tmp_path):
    out = tmp_path / "out.json"
    out.write_text(json.dumps(comparison_to_json(seed_pair), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORE), str(out), str(GOLD / "000-vs-002.json")],
        capture_output=True,
        text=True,
        check=True,
    )
    f1 = float(result.stdout.strip().splitlines()[-1].split()[2])
    assert f1 >= 0.95, result.stdout


@pytest.mark.parametrize("name", ["000", "001", "003"])
def test_document_against_itself_and_its_traditional_version(name):
    original = load_document(SEED[name])
    traditional = doc(opencc.OpenCC("s2t").convert(original.text).replace(",", "，").replace("(", "（"))
    for other in (original, traditional):
        comparison = compare_documents(original, other)
        assert {p.status for p in comparison.pairs} == {Status.UNCHANGED}
        assert all(not p.edits for p in comparison.pairs)
        assert comparison.summary.figures_changed == 0
        assert comparison.summary.moved == 0


def test_show_normalization_diffs_reveals_script_differences():
    text = "一、总则\n1.加强资金保障。安排资金60亿元。\n"
    trad = "一、總則\n1.加強資金保障。安排資金60億元。\n"
    quiet = compare_documents(doc(text), doc(trad))
    assert quiet.summary.changed == 0
    loud = compare_documents(doc(text), doc(trad), CompareOptions(show_normalization_diffs=True))
    assert loud.summary.changed >= 1
    check_invariants(loud)


def test_changed_figure_is_an_edit_on_original_characters():
    left = doc("一、投资政策\n1.向上争取资金支持。争取中央预算内投资不少于60亿元。\n")
    right = doc("一、投資政策\n（一）向上爭取資金支援。爭取中央預算內投資不少於80億元。\n")
    comparison = compare_documents(left, right)
    check_invariants(comparison)
    article = [p for p in comparison.pairs if p.left is not None and p.left.label == "1."][0]
    assert article.right.label == "（一）"
    changed = [e for e in article.edits if e.op != Op.EQUAL]
    assert any(
        "60" in left.text[e.left[0] : e.left[1]] and "80" in right.text[e.right[0] : e.right[1]]
        for e in changed
    )
    figs = [f for f in article.figures if f.status == Status.CHANGED]
    assert figs and figs[0].left.text == "60亿元" and figs[0].right.text == "80億元"
    assert figs[0].ratio == pytest.approx(80 / 60)


def test_manual_pairing_and_unpairing(seed_pair):
    first = next(i for i, p in enumerate(seed_pair.pairs) if p.left is not None and p.left.label == "2.")
    pair = seed_pair.pairs[first]
    split = unpair(seed_pair, first)
    assert not any(p.left == pair.left and p.right == pair.right for p in split.pairs)
    assert any(p.left == pair.left and p.right is None and p.manual for p in split.pairs)
    check_invariants(split)
    joined = pair_manually(split, pair.left.index, pair.right.index)
    again = [p for p in joined.pairs if p.left == pair.left][0]
    assert again.right == pair.right and again.manual
    check_invariants(joined)
    assert comparison_to_json(joined)["summary"]["manual"] >= 1


RANDOM_REVISIONS = [
    (name, seed, seed % 2 == 0, seed % 3 == 0) for seed in range(11, 23) for name in ("000", "003")
]
REVISION_CASES = RANDOM_REVISIONS + [
    ("000", 1, False, False),
    ("000", 2, True, True),
    ("003", 3, False, True),
    ("001", 4, True, False),
    ("002", 5, False, False),
    ("004", 6, True, True),
    ("003", 7, True, False),
    ("000", 8, False, True),
]


@pytest.mark.parametrize(("name", "seed", "traditional", "brackets"), REVISION_CASES)
def test_revision_is_recovered(name, seed, traditional, brackets):
    original = load_document(SEED[name])
    tree = parse_structure(original.text)
    donor_doc = load_document(SEED["001" if name != "001" else "003"])
    donor_tree = parse_structure(donor_doc.text)
    donor = next(u for u in donor_tree.units if u.depth == 1 and u.own_end - u.start > 80)
    revision = make_revision(
        original.text, tree, donor_doc.text[donor.start : donor.end], seed, traditional, brackets
    )
    revised = doc(revision.text, "revised.txt")
    comparison = compare_documents(original, revised)
    check_invariants(comparison)

    expected: dict[int, int | None] = {}
    number = 0
    revised_tree = comparison.right.tree
    revised_articles = [u for u in revised_tree.units if u.depth == 1]
    assert len(revised_articles) == sum(len(c.articles) for c in revision.chapters)
    for chapter in revision.chapters:
        for piece in chapter.articles:
            if piece.key != "X":
                expected[int(piece.key[1:])] = revised_articles[number].index
            else:
                inserted = revised_articles[number].index
            number += 1
    for index in revision.removed:
        expected[index] = None
    got = {p.left.index: (p.right.index if p.right else None) for p in comparison.pairs if p.left is not None}
    wrong = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
    assert not wrong, wrong
    added = [p for p in comparison.pairs if p.left is None]
    assert [p.right.index for p in added if p.right.depth == 1] == [inserted]
    moved = {p.left.index for p in comparison.pairs if p.moved and p.left is not None and p.left.depth == 1}
    assert revision.moved <= moved
    # figures: exactly the changed ones are reported in paired units
    for pair in comparison.pairs:
        if pair.left is None or pair.right is None or pair.left.depth != 1:
            continue
        reported = [
            (f.left.text, f.right.text)
            for f in pair.figures
            if f.status != Status.UNCHANGED and f.left and f.right
        ]
        others = [f for f in pair.figures if f.status != Status.UNCHANGED and not (f.left and f.right)]
        want = revision.changed_figures.get(pair.left.index, [])
        assert not others, (pair.left.label, others)
        if traditional:
            convert = opencc.OpenCC("s2t").convert
            want = [(a, convert(b)) for a, b in want]
        assert sorted(reported) == sorted(want), (pair.left.label, reported, want)


def test_cli_compare_writes_json_and_exit_codes(tmp_path, capsys):
    out = tmp_path / "c.json"
    assert main(["compare", str(SEED["000"]), str(SEED["002"]), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "policydiff.comparison/1"
    assert data["left"]["text"] == load_document(SEED["000"]).text
    assert data["summary"]["pairs"] == len(data["pairs"])
    assert {"status", "moved", "level", "left", "right", "similarity", "edits", "figures"} <= set(
        data["pairs"][1]
    )
    assert main(["compare", str(SEED["000"]), str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["compare", str(SEED["000"])])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as bad_mode:
        main(["compare", str(SEED["000"]), str(SEED["002"]), "--normalize", "x"])
    assert bad_mode.value.code == 2


def test_cli_json_to_stdout(capsys):
    assert main(["compare", str(SEED["003"]), str(SEED["003"]), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["changed"] == 0 and data["summary"]["added"] == 0


def test_output_over_an_input_is_refused(tmp_path):
    left = tmp_path / "a.txt"
    left.write_text("一、总则\n1.甲。\n", encoding="utf-8")
    before = left.read_bytes()
    assert main(["compare", str(left), str(left), "--json", str(left)]) == 1
    assert left.read_bytes() == before
    assert not list(Path(tmp_path).glob(".*.tmp"))


CORPUS_PAIRS = [
    ("laws/tufa-2007.md", "laws/tufa-2024.md"),
    ("laws/fuyi-2017.md", "laws/fuyi-2023.md"),
    ("laws/gongsifa-2018.md", "laws/gongsifa-2023.md"),
    ("laws/sh-yingshang-2020.md", "laws/sh-yingshang-2024.md"),
    ("versions/02_sxyz-xianguanxiaopin-2025-draft.txt", "versions/03_sxyz-xianguanxiaopin-2025-final.txt"),
    ("versions/09_law-zhongxiaoqiye-kuanxiang-2020.txt", "versions/10_law-zhongxiaoqiye-kuanxiang-2025.txt"),
]


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
@pytest.mark.parametrize(("left", "right"), CORPUS_PAIRS)
def test_corpus_revisions_compare_cleanly(left, right):
    comparison = compare_files(str(CORPUS / left), str(CORPUS / right))
    check_invariants(comparison)
    paired = [p for p in comparison.pairs if p.left is not None and p.right is not None]
    assert len(paired) >= 0.5 * min(len(comparison.left.tree.units), len(comparison.right.tree.units))


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_renumbered_law_chapters_pair_by_content():
    """2024's new 第二章 shifts every later chapter by one: 第三章 监测与预警 ↔ 第四章 监测与预警."""
    comparison = compare_files(str(CORPUS / "laws/tufa-2007.md"), str(CORPUS / "laws/tufa-2024.md"))
    chapters = {
        p.left.label: p.right.label if p.right else None
        for p in comparison.pairs
        if p.left is not None and p.left.level.value == "chapter"
    }
    assert chapters == {"第一章": "第一章", "第二章": "第三章", "第三章": "第四章", "第四章": "第五章",
                        "第五章": "第六章", "第六章": "第七章", "第七章": "第八章"}  # fmt: skip
    added = [p.right.heading for p in comparison.pairs if p.left is None and p.right.level.value == "chapter"]
    assert added == ["管理与指挥体制"]


def test_cli_figures_lists_a_documents_figures(capsys):
    assert main(["figures", str(SEED["000"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    texts = [f["text"] for f in data["figures"]]
    assert "60亿元" in texts and "1600亿元左右" in texts
    loaded = load_document(SEED["000"]).text
    assert all(loaded[f["start"] : f["end"]] == f["text"] for f in data["figures"])
    rates = [f for f in data["figures"] if f["kind"] == "rate"]  # the comparison's own FIGVAL form
    assert rates and all(f.get("per") for f in rates)
    assert main(["figures", str(SEED["002"])]) == 0
    assert "億元" in capsys.readouterr().out


def test_cli_figures_json_writes_each_figure_as_the_comparison_does(capsys):
    """figures --json uses jsonform's FIGVAL form: a range keeps value_high, a rate its per."""
    from policydiff.compare.pipeline import document_figures
    from policydiff.render.jsonform import figure_to_json

    assert main(["figures", str(SEED["004"]), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["figures"]
    expected = [figure_to_json(f) for f in document_figures(load_document(SEED["004"]))]
    assert rows == json.loads(json.dumps(expected, ensure_ascii=False))
    ranges = {r["text"]: (r["value"], r["value_high"]) for r in rows if "value_high" in r}
    assert ranges["10—50万元"] == (100_000.0, 500_000.0)
    assert len(ranges) == 3 and len(rows) > 3  # single values carry no value_high at all


def test_a_change_inside_a_phrase_conversion_is_never_an_equal_chunk():
    """tw2sp turns 記憶體 into 内存: a word boundary inside it must not hide 記憶體 → 外存."""
    left, right = doc("一、使用者在國記憶體\n"), doc("一、使用者在国外存\n")
    comparison = compare_documents(left, right, CompareOptions(normalize="tw2sp"))
    check_invariants(comparison)
    changed = [
        (left.text[e.left[0] : e.left[1]], right.text[e.right[0] : e.right[1]])
        for p in comparison.pairs
        for e in p.edits
        if e.op != Op.EQUAL
    ]
    assert any("記憶體" in a for a, _ in changed)


def test_re_pairing_a_unit_forgets_its_earlier_manual_pairing():
    text = "一、总则\n（一）加强资金保障。\n（二）优化审批流程。\n二、附则\n（一）本政策自发布之日起施行。\n"
    base = compare_documents(doc(text), doc(text, "y.txt"))
    first = pair_manually(base, 1, 2)
    assert any(
        p.left and p.left.index == 1 and p.right and p.right.index == 2 and p.manual for p in first.pairs
    )
    assert any(p.left and p.left.index == 2 and p.right is None for p in first.pairs)  # displaced
    back = pair_manually(first, 1, 1)
    assert back.overrides == ((1, 1),)
    assert all(p.left is not None and p.right is not None for p in back.pairs)
    assert {(p.left.index, p.right.index) for p in back.pairs} == {(i, i) for i in range(len(back.pairs))}


def test_figure_spans_stay_inside_their_unit():
    from policydiff.compare.pipeline import document_figures

    for text in ("一、补贴100万元  ", "  100万元", "一、补贴100万元\n\n"):
        figures = document_figures(doc(text))
        assert [f.text for f in figures] == ["100万元"], text


def test_absurd_numbers_never_make_invalid_json(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("一、补贴" + "9" * 400 + "万元。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、补贴1万元。\n", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json", "-"]) == 0
    json.loads(capsys.readouterr().out, parse_constant=lambda name: pytest.fail(f"JSON holds {name}"))


def test_compare_documents_takes_every_stages_config() -> None:
    """CompareConfig reaches preparation, alignment and figure pairing; its defaults change nothing."""
    from policydiff.compare.align import AlignConfig
    from policydiff.compare.pipeline import CompareConfig
    from policydiff.compare.prepare import PrepareLimits
    from policydiff.errors import LoadError
    from policydiff.figures.compare import PairingConfig

    left, right = load_document(SEED["000"]), load_document(SEED["001"])
    plain = compare_documents(left, right)
    assert compare_documents(left, right, config=CompareConfig()) == plain

    def paired(c) -> int:
        return sum(1 for p in c.pairs if p.left is not None and p.right is not None)

    strict = compare_documents(
        left, right, config=CompareConfig(align=AlignConfig(anchor_threshold=1.5, pair_threshold=1.5))
    )
    assert paired(strict) < paired(plain)
    no_figure_pairs = compare_documents(
        left, right, config=CompareConfig(figures=PairingConfig(min_score=9.0))
    )
    changed = sum(1 for p in plain.pairs for f in p.figures if f.status == Status.CHANGED)
    assert changed and not any(f.status == Status.CHANGED for p in no_figure_pairs.pairs for f in p.figures)
    with pytest.raises(LoadError, match="units"):
        compare_documents(left, right, config=CompareConfig(prepare=PrepareLimits(max_units=5)))


def test_each_figure_change_in_the_json_says_how_it_moved() -> None:
    """FIG.shift: a law's commencement date put back reads "later"; an amount moved, "amount"."""
    law = CORPUS / "laws"
    if not law.exists():
        pytest.skip("shared corpus not present")
    data = comparison_to_json(compare_files(str(law / "tufa-2007.md"), str(law / "tufa-2024.md")))
    shifts = {
        f["right"]["text"]: f["shift"]
        for p in data["pairs"]
        for f in p["figures"]
        if f["left"] and f["right"]
    }
    assert shifts["2024年11月1日起"] == "later"
    one_sided = [f for p in data["pairs"] for f in p["figures"] if not (f["left"] and f["right"])]
    assert one_sided and all("shift" not in f for f in one_sided)
    amounts = comparison_to_json(
        compare_documents(
            LoadedDocument(path="a.txt", format="txt", encoding="utf-8", text="1.安排资金60亿元。"),
            LoadedDocument(path="b.txt", format="txt", encoding="utf-8", text="1.安排资金80亿元。"),
        )
    )
    [change] = [f for p in amounts["pairs"] for f in p["figures"]]
    assert (change["shift"], change["ratio"]) == ("amount", pytest.approx(4 / 3))


def test_a_structure_config_passed_to_the_comparison_takes_effect():
    """CompareConfig.structure reaches the parser: with labels of at most one digit, 10. to 12. are
    text of 9., not units — and the default comparison of the same texts (cached) is unchanged."""
    from dataclasses import replace

    from policydiff.compare.pipeline import DEFAULT_CONFIG
    from policydiff.structure.lines import StructureConfig

    body = "\n".join(f"{k}.第{k}项措施内容。" for k in range(1, 13))
    left = LoadedDocument("a.txt", "txt", "utf-8", "某某办法\n" + body + "\n")
    right = LoadedDocument("b.txt", "txt", "utf-8", "某某办法\n" + body.replace("第12项", "第十二项") + "\n")
    options = CompareOptions()
    narrow = replace(DEFAULT_CONFIG, structure=StructureConfig(max_label_digits=1))
    for _ in range(2):  # either order of the two configurations: the prepared cache keeps them apart
        default = compare_documents(left, right, options)
        labels = [u.label for u in default.left.tree.units if u.label]
        assert labels[-3:] == ["10.", "11.", "12."]
        one_digit = compare_documents(left, right, options, config=narrow)
        labels = [u.label for u in one_digit.left.tree.units if u.label]
        assert labels[-1] == "9." and len(labels) == 9
        last = one_digit.left.tree.units[-1]
        assert last.label == "9." and "12.第12项" in left.text[last.start : last.end]
