"""Outputs and runs as an attacker and an unlucky user meet them: every file is built in the test.

Spreadsheet cells are data, never formulas; characters no writer can carry are dropped at load
(with a notice) and replaced by every writer; one run's outputs are refused before the work or
written as a whole set; a coverage run keeps every finished child when one fails or its process
is killed; closed or full standard streams and over-long names give one line and a non-zero exit.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from policydiff.cli import main
from policydiff.coverage.matrix import KILLED, CoverageConfig, build_coverage
from policydiff.io import load_document
from policydiff.lang.safetext import CLIPPED_MARK, EXCEL_MAX_UTF16, cell_text, drop_invalid, utf16_length

ROOT = Path(__file__).resolve().parent.parent.parent
LEFT = "第一条 为了规范管理，制定本办法。\n第二条 补助标准为每人500元。\n第三条 本办法自发布之日起施行。\n"
RIGHT = "第一条 为了规范管理，制定本办法。\n第二条 补助标准为每人800元。\n第三条 本办法自公布之日起施行。\n"
FORMULA = '=HYPERLINK("http://example.com/x","点击")'
NOT_UTF8 = os.fsdecode(b"\xff\xfe-name.txt")  # a file name that is not UTF-8: lone surrogates in Python


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The command in its own process, for what only a real process shows (its streams, its exit)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "policydiff", *map(str, args)], env=env, timeout=120, **kwargs
    )


def one_line(stderr: bytes | str) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: "), text
    assert "Traceback" not in text and "internal error" not in text, text
    return lines[0]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return left, right


def sheet_cells(xlsx: Path) -> list[tuple[str, str, str, str]]:
    """Every cell of every sheet: (sheet, reference, type, raw XML), read from the file itself."""
    import re

    cells = []
    with zipfile.ZipFile(xlsx) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = book.read(name).decode("utf-8")
                for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
                    kind = re.search(r't="(\w+)"', m.group(2))
                    cells.append((name, m.group(1), kind.group(1) if kind else "n", m.group(3) or ""))
    return cells


# --- 1. spreadsheet cells are data -------------------------------------------------------------


def test_formula_text_and_file_names_are_never_formulas(tmp_path: Path, capsys):
    parent = tmp_path / "parent.txt"
    parent.write_text(f"第一条 {FORMULA}\n第二条 +1+2 -3 @SUM(A1)\n", encoding="utf-8")
    children = []
    for name in ("=1+2.txt", "+cmd.txt", "-2.txt", "@x.txt", "\tTAB.txt"):
        child = tmp_path / name
        child.write_text(f"第一条 {FORMULA}\n第二条 =2+3 改写\n第三条 @自有条目\n", encoding="utf-8")
        children.append(child)
    out = tmp_path / "m.xlsx"
    code, _, err = run(capsys, "coverage", parent, *children, "--xlsx", out)
    assert code == 0, err
    cells = sheet_cells(out)
    assert cells and not [c for c in cells if "<f>" in c[3] or c[2] == "str"], "a formula was written"
    from openpyxl import load_workbook

    book = load_workbook(out)
    texts = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in texts if c.value[:1] in "=+-@\t"]
    # every sheet has such cells: headers and rows (file names), the child's own additions, the counts
    assert {c.parent.title for c in risky} == {"覆盖矩阵", "新增条目", "统计"}
    assert all(c.data_type == "s" and c.quotePrefix for c in risky), [c.coordinate for c in risky]
    # the text itself is unchanged: a reader sees exactly what the document says
    assert any(c.value == f"{FORMULA}" for c in texts)
    assert any(c.value == "=1+2.txt" for c in texts)  # a child without a title is headed by its file


def test_cells_are_clipped_at_excel_limit_in_utf16_units_with_a_mark():
    wide = "𠀀" * 20_000  # outside the BMP: two UTF-16 units each, 40,000 in all
    clipped = cell_text(wide)
    assert utf16_length(clipped) <= EXCEL_MAX_UTF16 and clipped.endswith(CLIPPED_MARK)
    assert len(clipped) < 16_400  # counted in Python characters it would have been left at 20,000
    plain = "字" * EXCEL_MAX_UTF16
    assert cell_text(plain) == plain
    assert cell_text(plain + "字").endswith(CLIPPED_MARK)
    assert utf16_length(cell_text(plain + "字")) == EXCEL_MAX_UTF16


def test_a_huge_unit_stays_within_the_cell_limit_of_the_workbook(tmp_path: Path, capsys):
    """A unit of one 36,000-character line: its heading is cut by the parser (StructureConfig
    .max_heading_chars) and every cell stays within Excel's limit; cell_text's clipping, the last
    guard, is checked on its own above."""
    parent = tmp_path / "p.txt"
    parent.write_text("第一条 " + "𠀀规定" * 12_000 + "\n第二条 其他。\n", encoding="utf-8")
    child = tmp_path / "c.txt"
    child.write_text("第一条 其他内容。\n第二条 其他。\n", encoding="utf-8")
    out = tmp_path / "m.xlsx"
    code, _, err = run(capsys, "coverage", parent, child, "--xlsx", out)
    assert code == 0, err
    from openpyxl import load_workbook

    values = [c.value for row in load_workbook(out)["覆盖矩阵"].iter_rows() for c in row]
    longest = max((v for v in values if isinstance(v, str)), key=utf16_length)
    assert utf16_length(longest) <= EXCEL_MAX_UTF16
    assert any(isinstance(v, str) and v.startswith("𠀀规定𠀀规定") for v in values)


# --- 2. characters no writer can carry -----------------------------------------------------------


HOSTILE_TXT = "第一条 测试\x01内容\x02。\x0b第二行\x0c第三行\x1f。\n第二条 补助标准为每人500元\ufffe。\n"


@pytest.mark.parametrize(
    "name, data",
    [
        ("controls.txt", HOSTILE_TXT.encode("utf-8")),
        (
            "escapes.rtf",
            rb"{\rtf1\ansi\ansicpg936 \uc1 \'b5\'da\'d2\'bb\'cc\'f5 A\u1 ?B\'01C\u-1 ?D\u-10240 ?E\par}",
        ),
    ],
)
def test_control_characters_are_dropped_at_load_with_a_notice(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    document = load_document(path)
    assert drop_invalid(document.text)[1] == 0, repr(document.text)
    assert any("control character" in n for n in document.notices), document.notices
    assert "第" in document.text


def test_vertical_tab_and_form_feed_are_line_breaks():
    assert drop_invalid("甲\x0b乙\x0c丙\x01丁") == ("甲\n乙\n丙丁", 1)


def test_every_writer_takes_a_hostile_pair_and_a_name_that_is_not_utf8(tmp_path: Path, capsys):
    left = tmp_path / "controls.txt"
    left.write_bytes(HOSTILE_TXT.encode("utf-8"))
    right = tmp_path / NOT_UTF8
    right.write_text(RIGHT, encoding="utf-8")
    outs = {k: tmp_path / f"out.{k}" for k in ("json", "html", "docx")}
    code, out, err = run(
        capsys, "compare", left, right, "--json", outs["json"], "--html", outs["html"], "--docx", outs["docx"]
    )
    assert code == 0, err
    assert "\ufffd\ufffd-name.txt" in out  # the terminal shows replacement characters, not '?'
    data = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert "\ufffd\ufffd-name.txt" in json.dumps(data, ensure_ascii=False)
    assert "\ufffd\ufffd-name.txt" in outs["html"].read_text(encoding="utf-8")
    from docx import Document

    body = "\n".join(p.text for p in Document(str(outs["docx"])).sections[0].header.paragraphs)
    assert "\ufffd\ufffd-name.txt" in body
    xlsx = tmp_path / "m.xlsx"
    code, out, err = run(capsys, "coverage", left, right, tmp_path / "controls.txt", "--xlsx", xlsx)
    assert code == 0, err
    assert "\ufffd\ufffd-name.txt" in out


def test_outputs_are_all_written_or_none(tmp_path: Path, pair, capsys, monkeypatch):
    """A writer that fails after the others rendered leaves no output of the run behind."""
    import policydiff.render.docx_table

    def broken(*args: object, **kwargs: object) -> bytes:
        raise policydiff.errors.OutputError("the Word writer failed")

    import policydiff.errors

    monkeypatch.setattr(policydiff.render.docx_table, "render_docx", broken)
    outs = [tmp_path / "o.json", tmp_path / "o.html", tmp_path / "o.docx"]
    code, _, err = run(capsys, "compare", *pair, "--json", outs[0], "--html", outs[1], "--docx", outs[2])
    assert code == 1 and "Word writer" in one_line(err)
    assert not any(o.exists() for o in outs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["left.txt", "right.txt"]


def test_a_set_that_cannot_be_staged_leaves_the_old_outputs(tmp_path: Path):
    from policydiff.errors import OutputError
    from policydiff.render.outputs import write_all

    old = tmp_path / "a.json"
    old.write_text("old", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.html").write_text("old", encoding="utf-8")
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        with pytest.raises(OutputError):
            write_all([(old, "new"), (locked / "b.html", "new")])
    finally:
        locked.chmod(0o700)
    assert old.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".policydiff")] == []


# --- 3. coverage keeps finished work --------------------------------------------------------------


def _kill_on(path: str):  # type: ignore[no-untyped-def]
    """In a worker process: die like a process the OOM killer chose, for the child named kill*.txt."""
    from policydiff.coverage import matrix as coverage

    if Path(path).name.startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    assert coverage._WORKER_PARENT is not None
    parent, options, config = coverage._WORKER_PARENT
    return coverage._compare_child(parent, path, options, config)


def _children(tmp_path: Path, names: list[str]) -> list[str]:
    out = []
    for k, name in enumerate(names):
        path = tmp_path / name
        path.write_text(RIGHT.replace("800", str(600 + k)), encoding="utf-8")
        out.append(str(path))
    return out


@pytest.mark.parametrize("start", ["fork", "forkserver", "spawn"])
def test_a_killed_worker_marks_its_column_and_the_rest_completes(tmp_path: Path, pair, monkeypatch, start):
    """Whether the workers are forked from the command (one thread), from the server (the app) or
    spawned (a frozen bundle)."""
    import multiprocessing

    from policydiff.coverage import matrix as module

    monkeypatch.setattr(module, "_compare_in_worker", _kill_on)
    monkeypatch.setattr(module, "_worker_context", lambda: multiprocessing.get_context(start))
    children = _children(tmp_path, ["a.txt", "kill.txt", "b.txt", "c.txt", "d.txt"])
    result = build_coverage(str(pair[0]), children, config=CoverageConfig(workers=2))
    errors = [c.error for c in result.children]
    assert errors == [None, KILLED, None, None, None]
    assert all(row.cells[1] is None and row.cells[0] is not None for row in result.rows)
    assert result.failed == 1


def test_a_symlink_loop_child_marks_its_column_exit_3(tmp_path: Path, pair, capsys):
    (tmp_path / "loop-a.txt").symlink_to(tmp_path / "loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to(tmp_path / "loop-a.txt")
    children = _children(tmp_path, ["a.txt", "b.txt"])
    outs = [tmp_path / "m.json", tmp_path / "m.html", tmp_path / "m.xlsx"]
    code, out, err = run(
        capsys, "coverage", pair[0], children[0], tmp_path / "loop-a.txt", children[1],
        "--json", outs[0], "--html", outs[1], "--xlsx", outs[2],
    )  # fmt: skip
    assert code == 3, err
    assert "loop-a.txt: not read" in out and "symbolic links" in out
    data = json.loads(outs[0].read_text(encoding="utf-8"))
    assert [c["error"] is None for c in data["children"]] == [True, False, True]
    assert all(o.exists() for o in outs)


def test_a_children_folder_that_is_a_file_is_refused_before_work(tmp_path: Path, pair, capsys):
    (tmp_path / "m.html.files").write_text("mine", encoding="utf-8")
    children = _children(tmp_path, ["a.txt"])
    code, _, err = run(capsys, "coverage", pair[0], *children, "--html", tmp_path / "m.html")
    assert code == 1 and "not a folder" in one_line(err)
    assert (tmp_path / "m.html.files").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "m.html").exists()


@pytest.mark.parametrize("command", ["compare", "coverage"])
def test_an_unusable_output_is_refused_before_any_work(tmp_path: Path, pair, capsys, monkeypatch, command):
    import policydiff.compare.pipeline
    import policydiff.coverage.matrix

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the comparison ran before the output was checked")

    monkeypatch.setattr(policydiff.compare.pipeline, "compare_files", no_work)
    monkeypatch.setattr(policydiff.coverage.matrix, "build_coverage", no_work)
    flag = "--json"
    for bad, why in [
        (tmp_path / "missing" / "o.json", "does not exist"),
        (tmp_path / ("n" * 300 + ".json"), "too long"),
        (tmp_path / "/".join(["d" * 250] * 20) / "o.json", "too long"),
        (tmp_path, "folder"),
        (pair[1], "input document"),
    ]:
        code, _, err = run(capsys, command, *pair, flag, bad)
        assert code == 1, (bad, err)
        assert why in one_line(err)


def test_two_outputs_through_a_symlink_name_the_same_file(tmp_path: Path, pair, capsys):
    (tmp_path / "link.html").symlink_to(tmp_path / "out.json")
    with pytest.raises(SystemExit) as usage:
        main(
            [
                "compare",
                *map(str, pair),
                "--json",
                str(tmp_path / "out.json"),
                "--html",
                str(tmp_path / "link.html"),
            ]
        )
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert "--json" in err and "--html" in err and "same file (through a link)" in err
    assert not (tmp_path / "out.json").exists()


# --- 5. streams ---------------------------------------------------------------------------------


def test_closed_stdout_for_json(pair):
    done = cli("compare", *pair, "--json", "-", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
               preexec_fn=lambda: os.close(1))  # fmt: skip
    assert done.returncode == 1
    assert "standard output" in one_line(done.stderr)


@pytest.mark.parametrize("json_out", [True, False])
def test_full_stdout(pair, json_out):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        done = cli(
            "compare", *pair, *(["--json", "-"] if json_out else []), stdout=full, stderr=subprocess.PIPE
        )
    assert done.returncode == 1
    assert "No space left" in one_line(done.stderr)


def test_full_or_closed_stderr_still_exits_non_zero(pair, tmp_path: Path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    missing = tmp_path / "missing.txt"
    with open("/dev/full", "wb") as full:
        done = cli("compare", pair[0], missing, stdout=subprocess.PIPE, stderr=full)
    assert done.returncode == 1 and done.stdout == b""
    done = cli("compare", pair[0], missing, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
               preexec_fn=lambda: os.close(2))  # fmt: skip
    assert done.returncode == 1 and done.stdout == b""


@pytest.mark.slow  # compares a 3,000-article pair in a fresh process
def test_sigpipe_gives_one_line_and_non_zero(tmp_path: Path):
    big = "".join(f"第{k}条 内容{k}，补助{k}元。\n" for k in range(1, 3000))
    left, right = tmp_path / "l.txt", tmp_path / "r.txt"
    left.write_text(big, encoding="utf-8")
    right.write_text(big.replace("补助", "奖励"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    done = subprocess.run(
        [sys.executable, "-m", "policydiff", "compare", str(left), str(right), "--json", "-"],
        stdout=reader.stdin, stderr=subprocess.PIPE, env=env, timeout=300,
    )  # fmt: skip
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=60)
    assert done.returncode == 1
    assert "broken pipe" in one_line(done.stderr)


# --- bidi and control characters in names -------------------------------------------------------


def test_bidi_override_in_names_is_isolated_in_the_coverage_page_and_terminal(tmp_path: Path, pair, capsys):
    evil = tmp_path / "\u202eevil\u202c.txt"
    evil.write_text(RIGHT, encoding="utf-8")
    parent = tmp_path / "par\u202eent.txt"
    parent.write_text(LEFT, encoding="utf-8")
    page = tmp_path / "m.html"
    code, out, err = run(capsys, "coverage", parent, evil, pair[1], "--html", page)
    assert code == 0, err
    assert "\u202e" not in out and "\\u202e" in out
    html = page.read_text(encoding="utf-8")
    import re

    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and "\u202e" not in title.group(1)
    for m in re.finditer("\u202e", html):  # every override sits inside a <bdi> that isolates it
        before = html[: m.start()]
        assert before.rfind("<bdi>") > before.rfind("</bdi>"), html[m.start() - 80 : m.start() + 20]


def test_names_on_screen_are_isolated():
    from policydiff.lang.safetext import FSI, PDI, isolate

    assert isolate("plain.txt") == "plain.txt"
    assert isolate("evil\u202etxt.exe") == f"{FSI}eviltxt.exe{PDI}"  # the override is gone, the rest isolated
    assert isolate("שלום.txt") == f"{FSI}שלום.txt{PDI}"
    assert isolate("a\x1b[31mb") == "a\ufffd[31mb"
    assert isolate(NOT_UTF8) == "\ufffd\ufffd-name.txt"


def test_the_app_log_falls_back_when_the_state_folder_cannot_be_made(tmp_path: Path, monkeypatch):
    pytest.importorskip("PySide6")
    from policydiff.gui import diagnostics

    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(diagnostics, "state_folder", lambda: blocker / "state" / "policydiff")
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    path, handler = diagnostics._open_log(diagnostics.LogLimits())
    try:
        assert path.parent.parent == tmp_path / "tmp"
    finally:
        handler.close()
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(blocker))
    from policydiff.errors import OutputError

    with pytest.raises(OutputError, match="cannot keep a log"):
        diagnostics._open_log(diagnostics.LogLimits())


@pytest.mark.slow
def test_smoke_with_an_unusable_home_runs_or_says_why_in_one_line(tmp_path: Path):
    pytest.importorskip("PySide6")
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_STATE_HOME": "",
        "XDG_CONFIG_HOME": "",
        "XDG_CACHE_HOME": "",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "policydiff", "--smoke"], env=env, capture_output=True, timeout=240
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    assert done.returncode == 0, err
    said = [line for line in err.splitlines() if line.startswith("policydiff: ")]
    assert len(said) == 1 and "log" in said[0], err
    home.chmod(0o600)


def test_json_to_dev_stdout_on_a_pipe(pair):
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout on this system")
    done = cli("compare", *pair, "--json", "/dev/stdout", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b'{"schema":"policydiff.comparison/')


def test_the_history_workbook_and_redline_take_hostile_names_and_text(tmp_path: Path, capsys):
    versions = []
    for k, name in enumerate(["=1+2.txt", "@v2.txt", NOT_UTF8]):
        path = tmp_path / name
        path.write_text(f"第一条 {FORMULA}\n第二条 补助{500 + k}元。\x01\n", encoding="utf-8")
        versions.append(path)
    out = tmp_path / "h.xlsx"
    code, _, err = run(capsys, "history", *versions, "--xlsx", out, "--json", tmp_path / "h.json")
    assert code == 0, err
    assert not [c for c in sheet_cells(out) if "<f>" in c[3] or c[2] == "str"]
    from openpyxl import load_workbook

    risky = [
        c
        for ws in load_workbook(out).worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "=@"
    ]
    assert risky and all(c.quotePrefix for c in risky)
    code, _, err = run(capsys, "compare", versions[0], versions[2], "--redline", tmp_path / "r.docx")
    assert code == 0, err


def test_pages_carry_no_control_character_from_a_name(tmp_path: Path, pair, capsys):
    named = tmp_path / "c\x01d\x1b[31m.txt"
    named.write_text(RIGHT, encoding="utf-8")
    page, matrix = tmp_path / "r.html", tmp_path / "m.html"
    assert run(capsys, "compare", pair[0], named, "--html", page)[0] == 0
    assert run(capsys, "coverage", pair[0], named, pair[1], "--html", matrix)[0] == 0
    for html in (page, matrix, tmp_path / "m.html.files" / "child-1.html"):
        text = html.read_text(encoding="utf-8")
        assert "\x01" not in text and "\x1b" not in text, html
        assert "c\ufffdd\ufffd[31m.txt" in text
