"""Hostile and odd inputs, through the command line and through load_document.

Every case has one expected outcome: ``policydiff compare`` returns 1 with a one-line message
starting ``policydiff:`` (never a traceback, never an "internal error"), or 0 with a result whose
spans rebuild the documents. Inputs are never modified; outputs are whole or absent.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents, compare_files
from policydiff.errors import LoadError
from policydiff.io import load_document
from tests.compare.test_compare import check_invariants, doc
from tests.gen_docs import docx_bytes, pdf_bytes

pytestmark = pytest.mark.usefixtures("load_errors_say_why")  # every refusal says why

ROOT = Path(__file__).resolve().parents[2]
GOOD = "关于支持企业发展的若干措施\n一、总体要求\n1.加强资金保障。安排资金60亿元。\n2.优化营商环境。\n"
GOOD_EDITED = "关于支持企业发展的若干措施\n一、总体要求\n1.加强资金保障。安排资金80亿元。\n2.优化营商环境。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["compare", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(code: int, err: str, *words: str) -> None:
    """Exit 1 with one line `policydiff: …` that is a user message, not a caught bug."""
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: "), err
    assert "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in lines[0], err


def assert_loaded_or_refused(path: Path) -> None:
    try:
        document = load_document(path)
    except LoadError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert document.text.strip()


@pytest.fixture
def good(tmp_path) -> Path:
    return write(tmp_path / "good.txt", GOOD)


def random_bytes(seed: int, size: int = 4096) -> bytes:
    return random.Random(seed).randbytes(size)


# --- garbage with document names ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["noise.txt", "noise.docx", "noise.pdf", "noise.md", "noise.html"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_bytes_with_a_document_name(tmp_path, capsys, good, name, seed):
    path = write(tmp_path / name, random_bytes(seed))
    with pytest.raises(LoadError):
        load_document(path)
    code, _, err = run_cli(capsys, good, path, "--json", tmp_path / "out.json")
    assert_refused(code, err, name)
    assert not (tmp_path / "out.json").exists()


def test_truncated_docx(tmp_path, capsys, good):
    data = docx_bytes(GOOD.splitlines())
    for cut in (10, len(data) // 3, len(data) // 2, len(data) - 30):
        path = write(tmp_path / f"cut{cut}.docx", data[:cut])
        code, _, err = run_cli(capsys, good, path)
        assert_refused(code, err, path.name)


def test_corrupted_docx(tmp_path, capsys, good):
    data = bytearray(docx_bytes(GOOD.splitlines() * 20))
    rng = random.Random(7)
    for k in range(8):
        broken = bytearray(data)
        for _ in range(16):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        path = write(tmp_path / f"broken{k}.docx", bytes(broken))
        code, out, err = run_cli(capsys, good, path, "--json", "-")
        if code == 0:  # the flipped bytes hit something unused (e.g. a style): still a full result
            json.loads(out)
        else:
            assert_refused(code, err, path.name)


def test_docx_is_read_and_compared(tmp_path, capsys, good):
    path = write(tmp_path / "good.docx", docx_bytes(GOOD_EDITED.splitlines()))
    code, out, err = run_cli(capsys, good, path, "--json", "-")
    assert code == 0, err
    data = json.loads(out)
    assert data["summary"]["changed"] == 1 and data["summary"]["figures_changed"] == 1


# --- zip bombs and XML tricks inside a .docx ------------------------------------------------------

_MEASURE = """
import resource, sys, time
import docx, pypdfium2, charset_normalizer  # imported up front: only the load itself is measured
from policydiff.errors import LoadError
from policydiff.io import load_document
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    load_document(sys.argv[1])
    outcome = "loaded"
except LoadError as exc:
    outcome = "refused: " + str(exc)
rss_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(f"{rss_mb:.0f}\\t{time.perf_counter() - start:.2f}\\t{outcome}")
"""


def load_in_subprocess(path: Path, timeout: float = 60) -> tuple[float, str]:
    """Load a file in a fresh interpreter: (growth of peak memory in MB, outcome). A hang fails the test."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    rss, _seconds, outcome = result.stdout.strip().split("\t", 2)
    return float(rss), outcome


def zeros_member(z: zipfile.ZipFile, name: str, megabytes: int) -> None:
    with z.open(name, "w", force_zip64=True) as member:
        chunk = b"\0" * 2**20
        for _ in range(megabytes):
            member.write(chunk)


@pytest.mark.slow  # over 3 s on an idle machine: run by .ci/run, not the README's fast loop
def test_zip_bomb_docx_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        zeros_member(z, "word/document.xml", 512)  # 512 MB of zeros
    assert path.stat().st_size < 4 * 2**20
    rss, outcome = load_in_subprocess(path)
    assert outcome.startswith("refused") and "zip bomb" in outcome, outcome
    assert rss < 100, f"peak memory grew {rss:.0f} MB while refusing a 512 MB bomb"


def test_zip_bomb_spread_over_many_small_members_is_refused(tmp_path):
    """Each member stays under the per-member ratio check; together they exceed the total limit."""
    path = tmp_path / "wide.docx"
    chunk = b"\0" * (2**20 - 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("word/document.xml", "<w:document/>")
        for k in range(300):
            z.writestr(f"word/media/pad{k}.bin", chunk)
    rss, outcome = load_in_subprocess(path)
    assert outcome.startswith("refused") and "limit" in outcome, outcome
    assert rss < 100


def test_zip_member_lying_about_its_size_is_not_inflated(tmp_path):
    """A member whose headers declare 1,000 bytes but whose data inflates to 256 MB."""
    path = tmp_path / "liar.docx"
    good = zipfile.ZipFile(__import__("io").BytesIO(docx_bytes(["一、总则"])))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in good.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, good.read(info))
        with z.open("word/document.xml", "w") as member:
            member.write(b'<?xml version="1.0"?>')
            chunk = b" " * 2**20
            for _ in range(256):
                member.write(chunk)
    data = bytearray(path.read_bytes())
    real = 256 * 2**20 + len(b'<?xml version="1.0"?>')
    name = b"word/document.xml"
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                assert int.from_bytes(data[at + size_offset : at + size_offset + 4], "little") == real
                data[at + size_offset : at + size_offset + 4] = (1000).to_bytes(4, "little")
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    rss, outcome = load_in_subprocess(path)
    assert outcome.startswith("refused") and "damaged" in outcome, outcome
    assert rss < 100


def _docx_with_document_xml(tmp_path: Path, name: str, edit) -> Path:
    source = zipfile.ZipFile(__import__("io").BytesIO(docx_bytes(["一、总则", "1.加强资金保障。"])))
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = edit(data)
            out.writestr(info, data)
    return path


LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"".join(b"&%s;" % bytes([97 + i]) for _ in range(10)))
        for i in range(9)
    )
    + b"]>"
)


def test_billion_laughs_in_docx_is_refused(tmp_path, capsys, good):
    path = _docx_with_document_xml(
        tmp_path,
        "laughs.docx",
        lambda d: d.replace(b"?>", b"?>" + LAUGHS, 1).replace("加强".encode(), b"&j;", 1),
    )
    rss, outcome = load_in_subprocess(path)
    assert outcome.startswith("refused") and "ENTITY" in outcome, outcome
    code, _, err = run_cli(capsys, good, path)
    assert_refused(code, err, "laughs.docx")


def test_entity_declarations_hidden_behind_a_long_comment_are_not_expanded(tmp_path):
    """The DOCTYPE comes after 100 KB of comment, past the part of the XML scanned for it."""
    padding = b"<!--" + b"x" * 100_000 + b"-->"
    path = _docx_with_document_xml(
        tmp_path,
        "hidden.docx",
        lambda d: d.replace(b"?>", b"?>" + padding + LAUGHS, 1).replace("加强".encode(), b"&j;", 1),
    )
    rss, outcome = load_in_subprocess(path)
    assert rss < 100, outcome
    if outcome.startswith("loaded"):
        return
    assert "aaaaaaaaaa" not in outcome


def test_external_entity_in_docx_never_reads_local_files(tmp_path):
    secret = write(tmp_path / "secret.txt", "机密内容XYZ")
    xxe = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://%s">]>' % str(secret).encode()
    pad = b"<!--" + b"x" * 100_000 + b"-->"
    for name, head in (("xxe.docx", xxe), ("xxe-hidden.docx", pad + xxe)):
        path = _docx_with_document_xml(
            tmp_path,
            name,
            lambda d, head=head: d.replace(b"?>", b"?>" + head, 1).replace("加强".encode(), b"&x;", 1),
        )
        try:
            document = load_document(path)
        except LoadError:
            continue
        assert "机密内容" not in document.text


# --- pdf -------------------------------------------------------------------------------------------


def test_pdf_without_text_layer(tmp_path, capsys, good):
    path = write(tmp_path / "scan.pdf", pdf_bytes(None))
    code, _, err = run_cli(capsys, good, path)
    assert_refused(code, err, "scan.pdf", "no text layer")


def test_pdf_with_text_is_compared(tmp_path, capsys, good):
    path = write(tmp_path / "方案.pdf", pdf_bytes(GOOD_EDITED.splitlines()))
    code, out, err = run_cli(capsys, good, path, "--json", "-")
    assert code == 0, err
    assert json.loads(out)["summary"]["figures_changed"] == 1


def test_truncated_and_corrupted_pdf(tmp_path, capsys, good):
    data = pdf_bytes(GOOD.splitlines())
    rng = random.Random(3)
    for k, cut in enumerate((9, 200, len(data) // 2)):
        path = write(tmp_path / f"cut{k}.pdf", data[:cut])
        code, out, err = run_cli(capsys, good, path)
        if code:
            assert_refused(code, err, path.name)
    for k in range(6):
        broken = bytearray(data)
        for _ in range(20):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        path = write(tmp_path / f"broken{k}.pdf", bytes(broken))
        code, _, err = run_cli(capsys, good, path)
        if code:
            assert_refused(code, err, path.name)


# --- empty, blank, unnumbered, all numbered --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b" \n\t\r\n\xe3\x80\x80\n"),
        ("empty.docx", b""),
        ("blank.md", b"\n\n"),
    ],
)
def test_empty_and_whitespace_only(tmp_path, capsys, good, name, data):
    path = write(tmp_path / name, data)
    code, _, err = run_cli(capsys, good, path)
    assert_refused(code, err, name, "empty")


def test_blank_docx_is_refused_as_empty(tmp_path, capsys, good):
    path = write(tmp_path / "blank.docx", docx_bytes(["", "   ", ""]))
    code, _, err = run_cli(capsys, good, path)
    assert_refused(code, err, "blank.docx", "empty")


def test_text_without_numbering_is_compared_as_paragraphs():
    left = "关于加强管理的通知\n\n各单位要加强资金管理，安排资金60亿元。\n\n各单位要优化审批流程。\n\n请认真贯彻执行。\n"
    right = "关于加强管理的通知\n\n各单位要加强资金管理，安排资金80亿元。\n\n各单位要简化审批流程并公开时限。\n\n请认真贯彻执行。\n"
    comparison = compare_documents(doc(left), doc(right))
    check_invariants(comparison)
    paired = [p for p in comparison.pairs if p.left is not None and p.right is not None]
    assert len(paired) >= 3
    assert comparison.summary.changed >= 2 and comparison.summary.figures_changed == 1


def test_every_line_numbered():
    left = "".join(f"{n}.第{n}项措施加强资金保障{n * 3}亿元。\n" for n in range(1, 301))
    right = left.replace("第150项措施加强资金保障450亿元", "第150项措施加强资金保障500亿元")
    comparison = compare_documents(doc(left), doc(right))
    check_invariants(comparison)
    assert comparison.summary.changed == 1 and comparison.summary.added == comparison.summary.removed == 0


# --- long lines, line endings, NULs, broken encodings, odd characters -------------------------------

_LONG_LINE = """
import sys, time
from policydiff.compare.pipeline import compare_documents
from policydiff.model import LoadedDocument
n = int(sys.argv[1])
words = "加强资金保障安排资金60亿元，优化营商环境，推动科技创新。"
body = (words * (n // len(words) + 1))[:n]
left = "一、总则\\n1." + body + "\\n"
middle = len(left) // 2
right = left[:middle] + "新增内容" + left[middle:]
docs = [LoadedDocument(p, "txt", "utf-8", t, len(t)) for p, t in (("a", left), ("b", right))]
start = time.perf_counter()
c = compare_documents(*docs)
print(f"{time.perf_counter() - start:.1f}", c.summary.changed, len(c.pairs))
"""


@pytest.mark.slow
def test_one_line_of_two_million_characters_compares_in_bounded_time():
    # a quadratic word diff on 2 M characters would run for hours; linear work takes seconds
    result = subprocess.run(
        [sys.executable, "-c", _LONG_LINE, "2000000"], capture_output=True, text=True, timeout=240, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seconds, changed, pairs = result.stdout.split()
    print(f"2 M-character line compared in {seconds} s")
    assert int(changed) == 1


def test_mixed_line_endings_compare_as_unchanged(tmp_path, capsys):
    lines = GOOD.splitlines()
    mixed = lines[0] + "\r\n" + lines[1] + "\r" + lines[2] + "\n" + lines[3] + "\r\n"
    left = write(tmp_path / "lf.txt", GOOD)
    right = write(tmp_path / "mixed.txt", mixed)
    assert load_document(right).text == load_document(left).text
    code, out, err = run_cli(capsys, left, right, "--json", "-")
    assert code == 0, err
    summary = json.loads(out)["summary"]
    assert summary["changed"] == summary["added"] == summary["removed"] == 0


def test_nul_bytes_are_dropped(tmp_path):
    left = write(tmp_path / "a.txt", GOOD)
    right = write(
        tmp_path / "b.txt", GOOD.encode("utf-8").replace("资金".encode(), "资\0金".encode()) + b"\0"
    )
    comparison = compare_files(str(left), str(right))
    check_invariants(comparison)
    assert "\0" not in comparison.right.text
    assert comparison.summary.changed == 0


def test_invalid_utf8_in_the_middle_of_a_gbk_file(tmp_path):
    text = GOOD * 20
    data = text.encode("gbk")
    middle = len(data) // 2
    broken = data[:middle] + b"\xff\xfe\x80\xc0\xaf" + data[middle:]
    path = write(tmp_path / "gbk.txt", broken)
    document = load_document(path)
    assert document.encoding and "gb" in document.encoding.lower()
    assert document.text.startswith(GOOD.splitlines()[0])
    comparison = compare_documents(doc(text), document)
    check_invariants(comparison)
    assert comparison.summary.changed <= 2


ODD = [
    "😀👨‍👩‍👧‍👦🇨🇳",  # emoji, a ZWJ family, a flag
    "e\u0301a\u0308\u0301",  # combining marks
    "\ue000\uf8ff\U000f0000",  # private use
    "\ufe0f\u200d\u200b\u2060\ufeff",  # variation selector, joiners, zero-width, BOM inside
    "\u202e\u202d",  # bidi overrides
    "𠀀𪚥",  # CJK extension B
    "\u2028\u2029\x85",  # Unicode line separators
]


@pytest.mark.parametrize("odd", ODD)
@pytest.mark.parametrize("mode", ["t2s", "none"])
def test_odd_characters_keep_spans_exact(odd, mode):
    from policydiff.model import CompareOptions

    left = f"一、总则{odd}\n1.加强{odd}资金保障。安排资金60亿元{odd}。\n2.{odd}优化营商环境。\n"
    right = f"一、总则\n1.加强资金{odd}保障。安排资金60亿元。\n2.优化{odd}{odd}营商环境。\n3.新增{odd}\n"
    for a, b in ((left, right), (right, left), (left, left), (odd, left), (odd + "\n" + odd, odd)):
        for show in (False, True):
            comparison = compare_documents(
                doc(a), doc(b), CompareOptions(normalize=mode, show_normalization_diffs=show)
            )
            check_invariants(comparison)


def test_odd_characters_through_the_command_line(tmp_path, capsys):
    left = write(tmp_path / "odd.txt", "一、总则\n1." + "".join(ODD) + "加强资金保障。\n")
    code, out, err = run_cli(capsys, left, tmp_path / "odd.txt", "--json", "-")
    assert code == 0, err
    assert json.loads(out)["summary"]["changed"] == 0


# --- size ------------------------------------------------------------------------------------------


def test_hundred_megabyte_file_is_refused_by_size(tmp_path, capsys, good):
    path = tmp_path / "huge.txt"
    subprocess.run(["truncate", "-s", "100M", str(path)], check=True)
    with pytest.raises(LoadError, match="64 MB limit"):
        load_document(path)
    code, _, err = run_cli(capsys, good, path)
    assert_refused(code, err, "huge.txt", "100 MB", "64 MB limit")
    # refused from its size alone: still sparse, not a byte read into memory (checked in a subprocess)
    rss, outcome = load_in_subprocess(path, timeout=30)
    assert outcome.startswith("refused") and rss < 20


# --- paths and outputs -----------------------------------------------------------------------------


def test_paths_with_spaces_and_chinese(tmp_path, capsys):
    folder = tmp_path / "政策 文件 (2024)"
    left = write(folder / "旧 版 本.txt", GOOD)
    right = write(folder / "新 版 本#1.txt", GOOD_EDITED)
    out = folder / "对照 表.json"
    html = folder / "对照 表.html"
    code, stdout, err = run_cli(capsys, left, right, "--json", out, "--html", html)
    assert code == 0, err
    assert "旧 版 本.txt" in stdout
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["changed"] == 1
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("option", ["--json", "--html"])
def test_output_in_a_missing_folder(tmp_path, capsys, good, option):
    out = tmp_path / "no such folder" / "out.file"
    code, _, err = run_cli(capsys, good, good, option, out)
    assert_refused(code, err, "does not exist")
    assert not out.parent.exists()
    assert not _leftovers(tmp_path)


@pytest.mark.parametrize("option", ["--json", "--html"])
def test_output_inside_a_regular_file(tmp_path, capsys, good, option):
    blocker = write(tmp_path / "file.txt", "不是文件夹")
    out = blocker / "out.json"
    code, _, err = run_cli(capsys, good, good, option, out)
    assert_refused(code, err)
    assert blocker.read_text(encoding="utf-8") == "不是文件夹"
    assert not _leftovers(tmp_path)


def test_output_that_is_a_folder(tmp_path, capsys, good):
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = run_cli(capsys, good, good, "--json", folder)
    assert_refused(code, err, "folder")
    assert list(folder.iterdir()) == []


def test_unwritable_folder_leaves_nothing(tmp_path, capsys, good):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere; the file-as-folder case covers this")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run_cli(capsys, good, good, "--json", folder / "out.json")
        assert_refused(code, err)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("option", ["--json", "--html"])
@pytest.mark.parametrize("which", ["left", "right", "hardlink", "dotted"])
def test_output_over_an_input_is_refused(tmp_path, capsys, option, which):
    left = write(tmp_path / "a.txt", GOOD)
    right = write(tmp_path / "b.txt", GOOD_EDITED)
    target = {
        "left": left,
        "right": right,
        "hardlink": tmp_path / "link.txt",
        "dotted": tmp_path / "." / "sub" / ".." / "b.txt",
    }[which]
    if which == "hardlink":
        os.link(right, target)
    (tmp_path / "sub").mkdir(exist_ok=True)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (left, right)}
    code, _, err = run_cli(capsys, left, right, option, target)
    assert_refused(code, err, "input")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (left, right)} == before
    assert not _leftovers(tmp_path)


def test_json_to_standard_output(tmp_path, capsys, good):
    right = write(tmp_path / "b.txt", GOOD_EDITED)
    code, out, err = run_cli(capsys, good, right, "--json", "-")
    assert code == 0, err
    data = json.loads(out)
    assert data["summary"]["changed"] == 1
    assert out.startswith("{")  # stdout is pure JSON, any summary line goes elsewhere
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt", ["txt-gbk", "docx", "pdf", "html"])
def test_inputs_are_never_modified(tmp_path, capsys, fmt):
    data = {
        "txt-gbk": GOOD.encode("gbk"),
        "docx": docx_bytes(GOOD.splitlines()),
        "pdf": pdf_bytes(GOOD.splitlines()),
        "html": f"<html><body><pre>{GOOD}</pre></body></html>".encode(),
    }[fmt]
    left = write(tmp_path / f"left.{fmt.split('-')[0]}", data)
    right = write(tmp_path / "right.txt", GOOD_EDITED)
    os.utime(left, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = [(p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in (left, right)]
    code, _, err = run_cli(capsys, left, right, "--json", tmp_path / "o.json", "--html", tmp_path / "o.html")
    assert code == 0, err
    assert [(p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in (left, right)] == before


def test_missing_and_folder_inputs(tmp_path, capsys, good):
    code, _, err = run_cli(capsys, good, tmp_path / "缺失.txt")
    assert_refused(code, err, "缺失.txt", "does not exist")
    code, _, err = run_cli(capsys, tmp_path, good)
    assert_refused(code, err, "folder")


def test_command_line_in_a_subprocess_prints_no_traceback(tmp_path):
    noise = write(tmp_path / "noise.docx", random_bytes(9))
    result = subprocess.run(
        [sys.executable, "-m", "policydiff", "compare", str(noise), str(noise)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("policydiff: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


# --- why a file is refused: the reason an interface words in its own language -----------------------


def test_a_refusal_names_its_reason_path_part_and_limit(tmp_path):
    import pickle

    from policydiff.errors import LoadReason
    from policydiff.io.limits import LoadLimits

    cases = {
        LoadReason.MISSING: tmp_path / "missing.txt",
        LoadReason.FOLDER: tmp_path,
        LoadReason.EMPTY: write(tmp_path / "empty.txt", b""),
        LoadReason.NOT_TEXT: write(tmp_path / "noise.txt", random_bytes(0)),
        LoadReason.DAMAGED: write(tmp_path / "cut.docx", docx_bytes(GOOD.splitlines())[:200]),
        LoadReason.NO_TEXT: write(tmp_path / "markup.html", "<html><body><p> </p></body></html>"),
    }
    for reason, path in cases.items():
        with pytest.raises(LoadError) as caught:
            load_document(path)
        assert caught.value.reason == reason, str(caught.value)
        assert caught.value.path == str(path)
        again = pickle.loads(pickle.dumps(caught.value))  # a coverage worker's error keeps it too
        assert (again.reason, str(again), again.path) == (reason, str(caught.value), str(path))
    with pytest.raises(LoadError) as caught:
        load_document(write(tmp_path / "big.txt", GOOD * 50), LoadLimits(max_bytes=1024))
    assert caught.value.reason == LoadReason.TOO_LARGE and caught.value.limit == "0 MB"
    assert str(caught.value).endswith("more than the 0 MB limit; split it or compare a shorter version")
