"""Each document's script and regional phrasing is read on its own text and folded for that side only.

The checks use real texts: the bundled sample pair (a mainland draft against a Taiwan-phrased news
reprint), and OpenCC reprints (s2twp, s2hk, s2t, s2tw) of the shared corpus. Whether an edit is a
"pure conversion" is judged here independently of policydiff.lang.script: both sides put into Taiwan
(or Hong Kong) phrasing by OpenCC read the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents
from policydiff.io import load_document
from policydiff.lang.script import ConversionJudge, conversion_only, detect_script, evidence, reading
from policydiff.model import CompareOptions, LoadedDocument, NormalizeMode, Op, Script, Status
from tests.conftest import CORPUS, SEED

_CONVERT = {name: opencc.OpenCC(name) for name in ("s2twp", "s2hk", "s2t", "s2tw", "t2s", "hk2s")}


def _doc(text: str, name: str = "doc.txt") -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


def _corpus_texts() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not here")
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in {".md", ".txt"} and p.name != "README.md")


def _in_taiwan_phrasing(text: str) -> str:
    """OpenCC's Taiwan phrasing, plus 高品質 (a Taiwan reprint's 高质量, which s2twp keeps)."""
    taiwan = str(_CONVERT["s2twp"].convert(_CONVERT["t2s"].convert("".join(text.split()))))
    return taiwan.replace("高質量", "高品質")


def _pure_conversions(comparison) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    lt, rt = comparison.left.text, comparison.right.text
    out = []
    for pair in comparison.pairs:
        for edit in pair.edits:
            if edit.op != Op.REPLACE:
                continue
            a, b = lt[slice(*edit.left)], rt[slice(*edit.right)]
            if _in_taiwan_phrasing(a) == _in_taiwan_phrasing(b):
                out.append((a, b))
    return out


@pytest.fixture(scope="module")
def sample_pair():  # type: ignore[no-untyped-def]
    return compare_documents(load_document(SEED["000"]), load_document(SEED["002"]))


def test_the_seeds_are_read_in_their_own_scripts() -> None:
    assert detect_script(load_document(SEED["000"]).text) == Script.MAINLAND
    assert detect_script(load_document(SEED["001"]).text) == Script.TRADITIONAL  # a plain s2t reprint
    assert detect_script(load_document(SEED["002"]).text) == Script.TAIWAN  # 支援, 資訊, 積體 ...


def test_opencc_reprints_of_a_law_are_read_as_their_region() -> None:
    text = (CORPUS / "laws" / "gongsifa-2023.md").read_text(encoding="utf-8") if CORPUS.is_dir() else ""
    if not text:
        pytest.skip("the shared corpus is not here")
    assert detect_script(text) == Script.MAINLAND
    assert detect_script(_CONVERT["s2twp"].convert(text)) == Script.TAIWAN
    assert detect_script(_CONVERT["s2hk"].convert(text)) == Script.HONGKONG
    assert detect_script(_CONVERT["s2t"].convert(text)) == Script.TRADITIONAL


def test_detection_reads_only_the_evidence_its_decision_needs_and_decides_as_all_of_it() -> None:
    """detect_script counts lazily (a Taiwan text builds no Hong Kong converter); its reading is the
    one the full evidence gives, on the seeds and on four OpenCC reprints of a law."""
    texts = [load_document(SEED[k]).text for k in ("000", "001", "002")]
    if CORPUS.is_dir():
        law = (CORPUS / "laws" / "gongsifa-2023.md").read_text(encoding="utf-8")
        texts += [law] + [str(_CONVERT[c].convert(law)) for c in ("s2twp", "s2hk", "s2t", "s2tw")]
    for text in texts:
        assert detect_script(text) == reading(evidence(text))
    found = evidence(texts[2])
    assert found.traditional_chars > found.simplified_chars and found.taiwan_phrases >= 2


def test_no_edit_of_the_sample_pair_is_a_pure_conversion(sample_pair) -> None:  # type: ignore[no-untyped-def]
    assert sample_pair.left.script == Script.MAINLAND
    assert sample_pair.right.script == Script.TAIWAN
    assert sample_pair.left.conversion == NormalizeMode.T2S  # the mainland side is never rewritten
    assert sample_pair.right.conversion == NormalizeMode.TW2SP
    assert _pure_conversions(sample_pair) == []
    # real changes stay: the Taiwan page adds its own news lead and a 2024 budget the draft lacks
    assert sample_pair.summary.changed > 0


def test_reading_the_taiwan_page_as_plain_traditional_brings_the_conversions_back() -> None:
    """The per-side setting is what removes the noise (and a user can set it back)."""
    options = CompareOptions(right_script=Script.TRADITIONAL)
    comparison = compare_documents(load_document(SEED["000"]), load_document(SEED["002"]), options)
    assert comparison.right.script_set and comparison.right.conversion == NormalizeMode.TW2S
    noise = _pure_conversions(comparison)
    assert ("支持", "支援") in [(a.strip(), b.strip()) for a, b in noise]


def test_a_mainland_word_change_between_mainland_texts_stays_a_change() -> None:
    """tw2sp would fold 核心 into 内核; two mainland documents are never read that way."""
    left = _doc("第一条 加强内核技术攻关，支持企业发展。\n")
    right = _doc("第一条 加强核心技术攻关，支持企业发展。\n")
    comparison = compare_documents(left, right)
    assert comparison.left.conversion == comparison.right.conversion == NormalizeMode.T2S
    changed = [p for p in comparison.pairs if p.status == Status.CHANGED]
    assert changed and any(e.op == Op.REPLACE for e in changed[0].edits)


def test_conversion_only_needs_two_readings_and_a_regional_side() -> None:
    taiwan = (Script.MAINLAND, Script.TAIWAN)
    assert conversion_only("内核", "核心", taiwan)  # s2twp writes 核心 for 内核
    assert conversion_only("高质量发展", "高品質發展", taiwan)
    assert not conversion_only("内核", "核心", (Script.MAINLAND, Script.MAINLAND))
    assert not conversion_only("支持", "反对", taiwan)
    assert conversion_only("卫生", "衞生", (Script.MAINLAND, Script.HONGKONG))
    assert not conversion_only("卫生", "衞生", (Script.MAINLAND, Script.TRADITIONAL))


def test_the_json_and_the_report_say_how_each_side_was_read(tmp_path: Path) -> None:
    out, html = tmp_path / "c.json", tmp_path / "r.html"
    assert main(["compare", str(SEED["000"]), str(SEED["002"]), "--json", str(out), "--html", str(html)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["left"]["script"], data["right"]["script"]) == ("mainland", "taiwan")
    assert (data["left"]["conversion"], data["right"]["conversion"]) == ("t2s", "tw2sp")
    assert data["right"]["script_set"] is False and data["options"]["right_script"] is None
    report = html.read_text(encoding="utf-8")
    assert "繁体（台湾用词） · 自动识别 · 按 tw2sp 转换后比较" in report


def test_the_cli_sets_a_side_s_script(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    args = [
        "compare",
        str(SEED["000"]),
        str(SEED["002"]),
        "--right-script",
        "traditional",
        "--json",
        str(out),
    ]
    assert main(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["right"]["script"] == "traditional" and data["right"]["script_set"] is True
    assert data["options"]["right_script"] == "traditional"


@pytest.mark.slow
@pytest.mark.parametrize("config", ["s2twp", "s2hk", "s2t", "s2tw"])
def test_a_regional_reprint_of_every_corpus_text_compares_unchanged(config: str) -> None:
    changed: dict[str, int] = {}
    for path in _corpus_texts():
        original = load_document(path)
        reprint = _doc(str(_CONVERT[config].convert(original.text)), f"{path.stem}-{config}.txt")
        comparison = compare_documents(original, reprint)
        count = sum(p.status != Status.UNCHANGED for p in comparison.pairs)
        if count:
            changed[path.name] = count
    assert changed == {}


def test_regional_forms_converted_together_equal_those_converted_alone() -> None:
    """ConversionJudge.expect converts many texts in one OpenCC call per step (one text a line):
    every answer equals the one of a judge converting each text alone, on the sample pair's edits."""
    comparison = compare_documents(load_document(SEED["000"]), load_document(SEED["002"]))
    scripts = (comparison.left.script, comparison.right.script)
    left, right = comparison.left.document.text, comparison.right.document.text
    pairs = []
    for pair in comparison.pairs:
        if pair.left is not None and pair.right is not None:
            pairs.append(
                (left[pair.left.start : pair.left.own_end], right[pair.right.start : pair.right.own_end])
            )
            for edit in pair.edits:
                pairs.append((left[edit.left[0] : edit.left[1]], right[edit.right[0] : edit.right[1]]))
    together = ConversionJudge(scripts)
    together.expect(pairs)
    answers = [together.same(a, b) for a, b in pairs]
    assert answers == [ConversionJudge(scripts).same(a, b) for a, b in pairs]
    assert answers == [conversion_only(a, b, scripts) for a, b in pairs]
    assert len(pairs) > 200 and any(answers)
