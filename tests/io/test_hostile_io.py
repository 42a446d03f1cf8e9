"""Outputs and inputs that are not plain files, names that attack the terminal, signals mid-write."""

from __future__ import annotations

import os
import select
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policydiff.cli import _exit_on_signal, main, shown
from policydiff.errors import LoadError, OutputError
from policydiff.io import _read
from policydiff.io.limits import LoadLimits
from policydiff.render import outputs
from policydiff.render.outputs import same_file, write_atomically
from tests.conftest import SEED

pytestmark = pytest.mark.usefixtures("load_errors_say_why")  # every refusal says why

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def test_dev_null_stays_a_device():
    if not os.access("/dev/null", os.W_OK):
        pytest.skip("no writable /dev/null")
    write_atomically("/dev/null", "{}")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@posix_only
def test_fifo_output_is_written_into_not_replaced(tmp_path: Path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    ready = threading.Event()

    def reader() -> None:
        """Read until the writer has written and closed (a pipe with no writer yet reads as empty)."""
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        ready.set()
        data = b""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            select.select([fd], [], [], 0.05)
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            data += chunk
            if not chunk and data:
                break
        os.close(fd)
        received.append(data)

    thread = threading.Thread(target=reader)
    thread.start()
    ready.wait(5)
    write_atomically(fifo, "比较结果")
    thread.join(5)
    assert received == ["比较结果".encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not list(tmp_path.glob(".policydiff-*"))


@posix_only
def test_fifo_output_without_a_reader_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no program is reading"):
        write_atomically(fifo, "x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_json_and_html_naming_one_file_through_a_symlink_is_usage_error(tmp_path: Path, capsys):
    real = tmp_path / "out.html"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", str(SEED["000"]), str(SEED["002"]), "--json", str(link), "--html", str(real)])
    assert exit_info.value.code == 2
    assert "same file" in capsys.readouterr().err
    assert same_file(link, real) and not same_file(link, tmp_path / "other")


def test_output_through_a_symlink_to_an_input_is_refused(tmp_path: Path):
    source = tmp_path / "a.txt"
    source.write_text("一、总则\n内容。\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(source)
    with pytest.raises(OutputError, match="input document"):
        write_atomically(link, "x", inputs=[source])
    assert source.read_text(encoding="utf-8") == "一、总则\n内容。\n"


def test_signal_during_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch):
    def interrupted(src: str, dst: str) -> None:
        _exit_on_signal(15, None)

    monkeypatch.setattr(outputs.os, "replace", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        write_atomically(tmp_path / "out.json", "x")
    assert exit_info.value.code == 128 + 15
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_handler_is_installed_for_commands():
    code = (
        "import signal; from policydiff import cli; cli._install_signal_handlers();"
        "print(signal.getsignal(signal.SIGTERM) is cli._exit_on_signal)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@posix_only
def test_input_swapped_for_a_fifo_is_refused_without_blocking(tmp_path: Path):
    fifo = tmp_path / "doc.txt"
    os.mkfifo(fifo)
    result: list[BaseException] = []

    def attempt() -> None:
        try:
            _read(fifo, fifo.name, LoadLimits())
        except BaseException as exc:  # the test inspects whatever was raised
            result.append(exc)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "opening a swapped-in pipe blocked"
    assert isinstance(result[0], LoadError) and "not a regular file" in str(result[0])


@pytest.mark.parametrize(
    "name",
    ["\x1b]0;pwned\x07doc.txt", "line1\nline2\r.txt", "\u202etxt.exe", "bell\x07\x9b31m.txt"],
)
def test_hostile_file_names_print_as_one_safe_line(tmp_path: Path, capsys, name: str):
    assert main(["compare", str(tmp_path / name), str(SEED["000"])]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("\n")
    assert not any(ch in err[:-1] for ch in "\x1b\x07\r\n\u202e\x9b")


def test_shown_keeps_chinese_and_escapes_controls():
    assert shown("第一条\x1b[2J") == "第一条\\x1b[2J"
    assert shown("正常文字 ↔ 文件") == "正常文字 ↔ 文件"
