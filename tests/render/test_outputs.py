"""Result files: atomic, never over an input, permissions kept, any console encoding survived."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from policydiff.cli import main
from policydiff.errors import OutputError
from policydiff.render.outputs import write_atomically

LEFT = "一、总则\n1.安排资金60亿元。\n"
RIGHT = "一、总则\n1.安排资金80亿元。\n"


def test_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "private.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_atomically(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["private.json"]


def test_text_that_cannot_be_encoded_is_written_with_replacements(tmp_path):
    target = tmp_path / "out.json"
    write_atomically(target, "路径\udcff")
    assert target.read_text(encoding="utf-8") == "路径\ufffd"  # the replacement character, as on screen
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_refuses_a_missing_folder_and_leaves_nothing(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "out.html", "x")
    assert list(tmp_path.iterdir()) == []


def test_json_and_html_to_the_same_file_is_bad_usage(tmp_path):
    (tmp_path / "a.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIGHT, encoding="utf-8")
    out = tmp_path / "same.out"
    with pytest.raises(SystemExit) as usage:
        main(
            [
                "compare",
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
                "--json",
                str(out),
                "--html",
                str(out),
            ]
        )
    assert usage.value.code == 2
    assert not out.exists()


@pytest.mark.slow  # over 3 s on an idle machine: run by .ci/run, not the README's fast loop
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names with undecodable bytes")
def test_a_console_that_cannot_show_chinese_and_an_undecodable_file_name(tmp_path):
    left = tmp_path / "a.txt"
    left.write_text(LEFT, encoding="utf-8")
    right = os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt")
    with open(right, "wb") as handle:
        handle.write(RIGHT.encode("utf-8"))
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    command = [sys.executable, "-m", "policydiff", "compare", str(left), os.fsdecode(right)]
    summary = subprocess.run([*command, "--html", str(tmp_path / "r.html")], capture_output=True, env=env)
    assert summary.returncode == 0, summary.stderr
    assert b"1 changed" in summary.stdout
    as_json = subprocess.run([*command, "--json", "-"], capture_output=True, env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert "安排资金" in as_json.stdout.decode("utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
