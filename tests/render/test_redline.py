"""The Word 修订 document: accept all gives the right text, reject all the left, on every pair.

Accepting and rejecting are done by tests/redline_xml.py, which walks the XML by the
WordprocessingML rules alone; the comments are read back from comments.xml; LibreOffice lays the
document out where it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import opencc
import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents, compare_files
from policydiff.io import load_document
from policydiff.model import CompareOptions, Comparison, LoadedDocument, Status
from policydiff.render.html import figure_rows
from policydiff.render.redline import RedlineStats, pair_comments, render_redline
from policydiff.render.redline_plan import Mark, Piece, accepted, plan, rejected
from policydiff.structure.parse import parse_structure
from tests.compare.test_merge_split import SOURCES, _merge, _same_level_leaves, _source, _split
from tests.conftest import CORPUS, SEED
from tests.redline_xml import ADDED, REMOVED, W, document_xml, resolve, squeeze
from tests.revision import make_revision

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
STAMP = "2026-03-01T09:30:00Z"

LEFT = """关于促进产业发展的若干规定
第一条 为了促进产业发展，制定本规定。
第二条 省财政每年安排专项资金60亿元，用于支持重大项目。
第三条 有关部门应当在十五个工作日内完成审批。
第四条 本规定所称企业，是指在本省登记的企业。
第五条 县级以上人民政府应当加强对产业发展工作的领导。
第六条 违反本规定第三条的，由上级机关责令改正。
第七条 本规定自2020年1月1日起施行。
"""

RIGHT = """关于促进产业发展的若干规定
第一条 为了促进产业高质量发展，制定本规定。
第二条 县级以上人民政府应当加强对产业发展工作的领导。
第三条 省财政每年安排专项资金80亿元，用于支持重大项目和中小企业。
第四条 有关部门可以在十个工作日内完成审批。
第五条 违反本规定第三条的，由上级机关责令改正。
第六条 鼓励金融机构为企业提供融资服务。
第七条 本规定自2025年1月1日起施行。
"""


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text.encode()))


def _compare(left: str, right: str, options: CompareOptions | None = None) -> Comparison:
    return compare_documents(_doc(left, "旧.txt"), _doc(right, "新.txt"), options)


def _round_trip(comparison: Comparison, paragraphs: bool = True) -> bytes:
    """Accept all gives the right text, reject all the left (whitespace aside); and each side's
    own paragraphs (its non-blank lines), unless ``paragraphs`` is False."""
    data = render_redline(comparison, generated_at=WHEN)
    accepted_text, rejected_text = resolve(data, accept=True), resolve(data, accept=False)
    assert squeeze(accepted_text) == squeeze(comparison.right.text)
    assert squeeze(rejected_text) == squeeze(comparison.left.text)
    if paragraphs:
        assert _lines(accepted_text) == _lines(comparison.right.text)
        assert _lines(rejected_text) == _lines(comparison.left.text)
    return data


def _lines(text: str) -> list[str]:
    return [squeeze(line) for line in text.split("\n") if squeeze(line)]


def _revisions(data: bytes) -> list:
    body = document_xml(data).find(W + "body")
    return [e for e in body.iter() if e.tag in ADDED | REMOVED]


def _comments(data: bytes) -> list[str]:
    root = document_xml(data, "word/comments.xml")
    return ["\n".join("".join(p.itertext()) for p in c.iter(W + "p")) for c in root.iter(W + "comment")]


def _figures_in_comments(comparison: Comparison, data: bytes) -> None:
    """Every changed figure of the comparison stands, old → new, in a comment."""
    text = "\n".join(_comments(data))
    for row in figure_rows(comparison):
        assert f"{row.left or '无'} → {row.right or '无'}" in text, row


# -- the small law ----------------------------------------------------------------------------
def test_accept_all_gives_the_right_text_and_reject_all_the_left():
    _round_trip(_compare(LEFT, RIGHT))


def test_word_level_revisions_with_author_and_the_comparisons_time():
    data = _round_trip(_compare(LEFT, RIGHT))
    revisions = _revisions(data)
    assert revisions and all(e.get(W + "author") == "policydiff" for e in revisions)
    assert all(e.get(W + "date") == STAMP for e in revisions)
    body = document_xml(data).find(W + "body")
    inserted = ["".join(e.itertext()) for e in body.iter(W + "ins")]
    deleted = ["".join(e.itertext()) for e in body.iter(W + "del")]
    assert "高质量" in inserted  # a word, not the article rewritten
    assert any("可以" in t for t in inserted) and any("应当" in t for t in deleted)
    assert all(len(t) < 20 for t in inserted if "高质量" in t)


def test_a_moved_article_is_a_named_move_with_its_range_markers():
    comparison = _compare(LEFT, RIGHT)
    assert any(p.moved for p in comparison.pairs)
    body = document_xml(_round_trip(comparison)).find(W + "body")
    starts = {e.get(W + "name"): e.get(W + "id") for e in body.iter(W + "moveFromRangeStart")}
    targets = {e.get(W + "name"): e.get(W + "id") for e in body.iter(W + "moveToRangeStart")}
    assert starts and set(starts) == set(targets)
    ends_from = {e.get(W + "id") for e in body.iter(W + "moveFromRangeEnd")}
    ends_to = {e.get(W + "id") for e in body.iter(W + "moveToRangeEnd")}
    assert set(starts.values()) == ends_from and set(targets.values()) == ends_to
    moved_from = "".join("".join(e.itertext()) for e in body.iter(W + "moveFrom"))
    moved_to = "".join("".join(e.itertext()) for e in body.iter(W + "moveTo"))
    assert "县级以上人民政府应当加强" in moved_from and "县级以上人民政府应当加强" in moved_to


def test_added_and_removed_articles_are_whole_paragraphs_with_their_marks():
    data = _round_trip(_compare(LEFT, RIGHT))
    body = document_xml(data).find(W + "body")
    by_text = {"".join(t.text or "" for t in p.iter(W + "t", W + "delText")): p for p in body.iter(W + "p")}
    added = next(p for text, p in by_text.items() if "鼓励金融机构" in text)
    removed = next(p for text, p in by_text.items() if "本规定所称企业" in text)
    assert added.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert removed.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert not list(removed.iter(W + "t"))  # every character of it deleted (w:delText)


def test_comments_name_figures_duties_and_stale_references():
    comparison = _compare(LEFT, RIGHT)
    data = _round_trip(comparison)
    text = "\n".join(_comments(data))
    assert "60亿元 → 80亿元" in text and "+33" in text
    assert "应当 → 可以" in text and "放宽" in text
    _figures_in_comments(comparison, data)
    root = document_xml(data, "word/comments.xml")
    assert all(c.get(W + "author") == "policydiff" for c in root.iter(W + "comment"))
    # each comment is anchored: a range start, a range end and a reference in the body
    body = document_xml(data).find(W + "body")
    ids = {c.get(W + "id") for c in root.iter(W + "comment")}
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert {e.get(W + "id") for e in body.iter(W + tag)} == ids


def test_the_parts_word_requires_and_track_revisions():
    data = _round_trip(_compare(LEFT, RIGHT))
    with zipfile.ZipFile(BytesIO(data)) as z:
        names = set(z.namelist())
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    for part in ("word/document.xml", "word/styles.xml", "word/comments.xml", "word/settings.xml"):
        assert part in names and f"/{part}" in types
    assert "comments.xml" in rels and "settings.xml" in rels
    assert document_xml(data, "word/settings.xml").find(W + "trackRevisions") is not None
    # ids of revisions are unique (Word refuses a document that repeats them)
    body = document_xml(data).find(W + "body")
    ids = [e.get(W + "id") for e in body.iter() if e.tag in ADDED | REMOVED]
    assert len(ids) == len(set(ids))


def test_a_document_first_page_a4_and_chinese_fonts():
    import docx

    data = _round_trip(_compare(LEFT, RIGHT))
    doc = docx.Document(BytesIO(data))
    section = doc.sections[0]
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
    first = "\n".join(p.text for p in section.first_page_header.paragraphs)
    assert "旧.txt" in first and "新.txt" in first and "2026-03-01" in first
    assert section.different_first_page_header_footer
    styles = document_xml(data, "word/styles.xml")
    east = {f.get(W + "eastAsia") for f in styles.iter(W + "rFonts")}
    assert {"宋体", "黑体"} <= east
    used = [styles.find(W + "docDefaults")] + [
        s
        for s in styles.iter(W + "style")
        if s.get(W + "styleId") in ("Normal", "Title", "Heading1", "Heading2")
    ]
    assert len(used) == 5  # a theme font would win over the explicit one in Word
    assert not any(f.get(W + "eastAsiaTheme") for s in used for f in s.iter(W + "rFonts"))
    body = document_xml(data).find(W + "body")
    first_paragraph = "".join(t.text or "" for t in next(body.iter(W + "p")).iter(W + "t"))
    assert first_paragraph == "关于促进产业发展的若干规定"  # the document itself, typed as it stands


def test_a_renumbered_label_is_a_revision():
    left = "第一条 总则。\n第二条 甲乙丙丁戊己庚辛。\n"
    right = "第一条 总则。\n第二条 新增内容不同。\n第三条 甲乙丙丁戊己庚辛。\n"
    data = _round_trip(_compare(left, right))
    body = document_xml(data).find(W + "body")
    assert "二" in "".join("".join(e.itertext()) for e in body.iter(W + "del"))


# -- script, width, punctuation -----------------------------------------------------------------
def test_traditional_right_side_keeps_its_own_characters_as_normalization_revisions():
    right = opencc.OpenCC("s2t").convert(RIGHT)
    comparison = _compare(LEFT, right)
    items = plan(comparison)
    assert squeeze(accepted(items)) == squeeze(right) and squeeze(rejected(items)) == squeeze(LEFT)
    script = [i for i in items if isinstance(i, Piece) and i.normalization]
    assert script and all(i.mark in (Mark.INSERT, Mark.DELETE) for i in script)
    inserted = "".join(i.text for i in script if i.mark == Mark.INSERT)
    assert "規" in inserted and "规" not in inserted  # the right's own characters
    stats = RedlineStats()
    data = render_redline(comparison, generated_at=WHEN, stats=stats)
    assert squeeze(resolve(data, True)) == squeeze(right)
    assert squeeze(resolve(data, False)) == squeeze(LEFT)
    assert stats.normalization > 0
    styled = document_xml(data).find(W + "body").iter(W + "rStyle")
    assert any(s.get(W + "val") for s in styled)
    # an unchanged pair in another script gets no comment
    comments = pair_comments(comparison)
    unchanged = [k for k, p in enumerate(comparison.pairs) if p.status == Status.UNCHANGED and not p.moved]
    assert unchanged and not any(k in comments for k in unchanged)


def test_asked_for_normalization_differences_are_ordinary_revisions():
    right = RIGHT.replace("，", ",")
    comparison = _compare(LEFT, right, CompareOptions(show_normalization_diffs=True))
    items = plan(comparison)
    assert squeeze(accepted(items)) == squeeze(right) and squeeze(rejected(items)) == squeeze(LEFT)
    assert not [i for i in items if isinstance(i, Piece) and i.normalization]
    assert any(isinstance(i, Piece) and i.mark == Mark.INSERT and "," in i.text for i in items)


def test_tabs_and_characters_xml_cannot_hold_do_not_break_the_document():
    left = "第一条 甲\t乙。\n第二条 丙丁。\n"
    right = "第一条 甲\t乙\x07。\n第二条 丙丁戊。\n"
    data = render_redline(_compare(left, right), generated_at=WHEN)
    assert "甲\t乙" in resolve(data, True)


# -- real documents ---------------------------------------------------------------------------
def test_seed_pair_round_trips_and_comments_carry_every_changed_figure():
    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    data = _round_trip(comparison)
    _figures_in_comments(comparison, data)


@pytest.mark.slow
@pytest.mark.parametrize("pair", [("000", "001"), ("003", "004"), ("001", "003")])
def test_other_seed_pairs_round_trip(pair):
    comparison = compare_files(str(SEED[pair[0]]), str(SEED[pair[1]]))
    _figures_in_comments(comparison, _round_trip(comparison))


CORPUS_PAIRS = [
    ("laws/bj-yingshang-2020.md", "laws/bj-yingshang-2024.md"),
    ("laws/sh-yingshang-2020.md", "laws/sh-yingshang-2024.md"),
    ("laws/gongsifa-2018.md", "laws/gongsifa-2023.md"),
    ("laws/fuyi-2017.md", "laws/fuyi-2023.md"),
    ("laws/tufa-2007.md", "laws/tufa-2024.md"),
    ("history/daolu-yunshu-2019.md", "history/daolu-yunshu-2022.md"),
    ("history/daolu-yunshu-2022.md", "history/daolu-yunshu-2023.md"),
    ("versions/01_zhongyang-zj-gongtongfuyu-yijian-2021.txt", "../seeds/004"),
    ("versions/02_sxyz-xianguanxiaopin-2025-draft.txt", "versions/03_sxyz-xianguanxiaopin-2025-final.txt"),
    ("versions/03_sxyz-xianguanxiaopin-2025-final.txt", "versions/04_sxyz-xianguanxiaopin-2021.txt"),
    ("versions/05_sxyz-jixiaogongzi-2019-draft.txt", "versions/06_sxyz-jixiaogongzi-2019-final.txt"),
    ("versions/07_sxyz-jiaogong-kaohe-2022.txt", "versions/08_sxyz-jiaogong-kaohe-2023.txt"),
    ("versions/09_law-zhongxiaoqiye-kuanxiang-2020.txt", "versions/10_law-zhongxiaoqiye-kuanxiang-2025.txt"),
    ("one-vs-many/daolu-yunshu-national-2019.md", "one-vs-many/daolu-yunshu-beijing-2021.md"),
    ("one-vs-many/daolu-yunshu-national-2019.md", "one-vs-many/daolu-yunshu-guangdong-2021.md"),
    ("one-vs-many/daolu-yunshu-national-2019.md", "one-vs-many/daolu-yunshu-henan-2007.md"),
    ("one-vs-many/daolu-yunshu-national-2019.md", "one-vs-many/daolu-yunshu-shandong-2020.md"),
    ("one-vs-many/daolu-yunshu-national-2019.md", "one-vs-many/daolu-yunshu-zhejiang-2012.md"),
]


def _corpus_path(name: str) -> Path:
    if name == "../seeds/004":
        return SEED["004"]
    return CORPUS / name


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
@pytest.mark.parametrize("names", CORPUS_PAIRS, ids=[Path(b).stem for _, b in CORPUS_PAIRS])
@pytest.mark.parametrize("raw", [False, True], ids=["normalized", "raw"])
def test_corpus_pairs_round_trip(names, raw):
    left, right = (_corpus_path(n) for n in names)
    options = CompareOptions(show_normalization_diffs=raw)
    comparison = compare_files(str(left), str(right), options)
    data = _round_trip(comparison)
    _figures_in_comments(comparison, data)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "seed", "traditional", "brackets"),
    [("000", 3, False, True), ("003", 4, True, False), ("004", 6, True, True), ("001", 5, False, False)],
)
def test_generated_revisions_round_trip(name, seed, traditional, brackets):
    original = load_document(SEED[name])
    tree = parse_structure(original.text)
    donor_doc = load_document(SEED["001" if name != "001" else "003"])
    donor = next(
        u for u in parse_structure(donor_doc.text).units if u.depth == 1 and u.own_end - u.start > 80
    )
    revision = make_revision(
        original.text, tree, donor_doc.text[donor.start : donor.end], seed, traditional, brackets
    )
    comparison = compare_documents(original, _doc(revision.text, "revised.txt"))
    data = _round_trip(comparison)
    _figures_in_comments(comparison, data)
    body = document_xml(data).find(W + "body")
    assert revision.moved and list(body.iter(W + "moveTo"))


def test_merged_and_split_articles_round_trip():
    left = (
        "第一条 为了规范管理，制定本办法。\n第二条 申请人应当提交申请书。\n"
        "第三条 申请人应当同时提交身份证明材料。\n第四条 本办法自公布之日起施行。\n"
    )
    right = (
        "第一条 为了规范管理，制定本办法。\n第二条 申请人应当提交申请书，并同时提交身份证明材料。\n"
        "第三条 本办法自公布之日起施行。\n"
    )
    for a, b in ((left, right), (right, left)):
        comparison = _compare(a, b)
        assert any(p.also_left or p.also_right for p in comparison.pairs)
        text = "\n".join(_comments(_round_trip(comparison)))
        assert "合并自 第二条、第三条" in text or "拆分为 第二条、第三条" in text


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "pattern", "chinese"), SOURCES)
def test_generated_merges_and_splits_round_trip(kind, pattern, chinese):
    text = _source(kind)
    articles = _same_level_leaves(text, pattern)
    grouped = 0
    for k in articles[3 : len(articles) : max(len(articles) // 3, 1)][:3]:
        for revised in (_merge(text, k, pattern, chinese), _split(text, k, pattern, chinese)):
            if revised is None:
                continue
            comparison = compare_documents(_doc(text, "a.txt"), _doc(revised, "b.txt"))
            grouped += any(p.also_left or p.also_right for p in comparison.pairs)
            _round_trip(comparison)
    assert grouped >= 2


# -- the command and LibreOffice ------------------------------------------------------------------
def test_the_command_writes_the_redline_and_never_over_an_input(tmp_path, capsys):
    left, right = tmp_path / "旧.txt", tmp_path / "新.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    out = tmp_path / "修订.docx"
    assert main(["compare", str(left), str(right), "--redline", str(out)]) == 0
    assert squeeze(resolve(out.read_bytes(), True)) == squeeze(RIGHT)
    assert main(["compare", str(left), str(right), "--redline", str(left)]) == 1
    assert left.read_text(encoding="utf-8") == LEFT
    with pytest.raises(SystemExit):
        main(["compare", str(left), str(right), "--redline", str(out), "--docx", str(out)])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_it(tmp_path):
    path = tmp_path / "redline.docx"
    path.write_bytes(render_redline(compare_files(str(SEED["000"]), str(SEED["002"])), generated_at=WHEN))
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "redline.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "修订文档" in text and "000_22597a2fc5b61001.txt" in squeeze(text)


def test_a_rewrite_paired_by_hand_says_so_and_its_similarity():
    plain_comparison = _compare(LEFT, RIGHT)
    left = next(u for u in plain_comparison.left.tree.units if u.label == "第四条")
    right = next(u for u in plain_comparison.right.tree.units if "鼓励金融机构" in RIGHT[u.start : u.end])
    comparison = compare_documents(
        _doc(LEFT, "旧.txt"), _doc(RIGHT, "新.txt"), overrides=[(left.index, right.index)]
    )
    k = next(k for k, p in enumerate(comparison.pairs) if p.left == left)
    assert comparison.pairs[k].right == right
    comment = pair_comments(comparison)[k]
    assert "改写，相似度" in comment and "人工配对" in comment
    _round_trip(comparison)


_MACRO_BODY = """Sub Resolve(inPath As String, outPath As String, how As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  frame = doc.getCurrentController().getFrame()
  dispatcher.executeDispatch(frame, ".uno:" & how & "AllTrackedChanges", "", 0, Array())
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Text (encoded)"
  out(1).Name = "FilterOptions"
  out(1).Value = "UTF8"
  doc.storeToURL(ConvertToURL(outPath), out())
  doc.close(True)
End Sub
"""
_ACCEPT_MACRO = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    'script:language="StarBasic">'
    + _MACRO_BODY.replace("&", "&amp;").replace('"', "&quot;")
    + "</script:module>\n"
)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_accept_all_and_reject_all_agree(tmp_path):
    """LibreOffice's own Accept All / Reject All (a Basic macro in a private profile) give the
    right and the left text, paragraph by paragraph: the revisions mean in an office suite what
    the XML walk says."""
    profile = tmp_path / "lo"
    soffice = ["soffice", "--headless", f"-env:UserInstallation=file://{profile}"]
    seed = tmp_path / "seed.txt"
    seed.write_text("x", encoding="utf-8")
    subprocess.run(
        [*soffice, "--convert-to", "pdf", "--outdir", str(tmp_path), str(seed)],
        timeout=240,
        check=True,
        capture_output=True,
    )
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.exists()
    module.write_text(_ACCEPT_MACRO, encoding="utf-8")
    cases = {
        "law": _compare(LEFT, RIGHT),
        "seed": compare_files(str(SEED["000"]), str(SEED["002"])),  # traditional script, moves
    }
    for name, comparison in cases.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(render_redline(comparison, generated_at=WHEN))
        for how, expected in (("Accept", comparison.right.text), ("Reject", comparison.left.text)):
            out = tmp_path / f"{name}-{how}.txt"
            macro = f'macro:///Standard.Module1.Resolve("{path}","{out}","{how}")'
            subprocess.run([*soffice, macro], timeout=240, check=True, capture_output=True)
            text = out.read_text(encoding="utf-8-sig")
            assert squeeze(text) == squeeze(expected), (name, how)
            assert _lines(text) == _lines(expected), (name, how)  # and each side's paragraphs
