"""The command line speaks the locale: Chinese under zh_*, English otherwise, from the app's own
catalogue; refusals read as the window words them; every output written is named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], language: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=language, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "policydiff", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh_CN.UTF-8", "C.UTF-8"])
def test_compare_says_what_it_found_and_where_it_wrote_in_the_locale(language: str, tmp_path: Path):
    out = run(
        ["compare", str(SEED["000"]), str(SEED["002"]), "--html", "r.html", "--docx", "r.docx"],
        language,
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    written = [str(tmp_path / "r.html"), str(tmp_path / "r.docx")]  # absolute, though given relative
    if language.startswith("zh"):
        assert lines[:2] == [f"已写入 {p}" for p in written]
        assert "对照单元" in lines[2] and "修改" in lines[2] and "pairs" not in lines[2]
    else:
        assert lines[:2] == [f"Wrote {p}" for p in written]
        assert "pairs" in lines[2] and "changed" in lines[2] and "对照单元" not in lines[2]
    assert all(Path(p).is_file() for p in written)


def test_a_refusal_reads_as_the_window_words_it(tmp_path: Path):
    missing = tmp_path / "缺少.txt"
    zh = run(["compare", str(SEED["000"]), str(missing)], "zh_CN.UTF-8", tmp_path)
    en = run(["compare", str(SEED["000"]), str(missing)], "en_US.UTF-8", tmp_path)
    assert zh.returncode == en.returncode == 1
    assert zh.stderr.strip() == "policydiff: 缺少.txt 不存在；请检查路径。"
    assert en.stderr.startswith("policydiff: 缺少.txt does not exist; check the path")
    assert "Traceback" not in zh.stderr + en.stderr


@pytest.mark.slow
def test_coverage_names_verdicts_and_outputs_in_the_locale(tmp_path: Path):
    args = ["coverage", str(SEED["000"]), str(SEED["002"]), str(tmp_path / "无.txt"), "--xlsx", "m.xlsx"]
    zh = run(args, "zh_CN.UTF-8", tmp_path)
    en = run(args, "C.UTF-8", tmp_path)
    assert zh.returncode == en.returncode == 3
    assert f"已写入 {tmp_path / 'm.xlsx'}" in zh.stdout and f"Wrote {tmp_path / 'm.xlsx'}" in en.stdout
    assert "细化" in zh.stdout and "份无法读取" in zh.stderr
    assert (
        "无.txt：无法读取（无.txt 不存在；请检查路径。）" in zh.stdout
    )  # the refusal as the window words it
    assert "refined" in en.stdout and "not read" in en.stdout and "could not be read" in en.stderr
    assert "细化" not in en.stdout


@pytest.mark.slow
def test_json_on_standard_output_stays_alone(tmp_path: Path):
    import json

    out = run(
        ["compare", str(SEED["000"]), str(SEED["002"]), "--json", "-", "--html", "r.html"],
        "zh_CN.UTF-8",
        tmp_path,
    )
    assert out.returncode == 0
    json.loads(out.stdout)  # nothing but the JSON
    assert f"已写入 {tmp_path / 'r.html'}" in out.stderr
