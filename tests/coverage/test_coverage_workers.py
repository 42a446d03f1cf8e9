"""How coverage's worker processes start: forked only from a process with one thread."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from policydiff.coverage import matrix

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads counted in /proc")


@linux_only
def test_a_process_with_another_thread_never_forks_itself():
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert matrix._worker_context().get_start_method() in {"forkserver", "spawn"}
    finally:
        release.set()
        thread.join()


@linux_only
def test_a_one_thread_command_forks_its_workers():
    code = "from policydiff.coverage import matrix; print(matrix._worker_context().get_start_method())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "fork"


def test_the_worker_server_can_be_started_ahead_of_a_run(monkeypatch, tmp_path):
    """The app starts it when its dialog opens; a run afterwards forks its workers from it."""
    import multiprocessing
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["policydiff.coverage.warm"])
    monkeypatch.setattr(matrix, "_worker_context", lambda: context)
    matrix.start_worker_server()
    assert forkserver._forkserver._forkserver_pid is not None  # running, before any worker
    parent = tmp_path / "p.txt"
    parent.write_text("第一条 安排资金60亿元。\n第二条 其他。\n", encoding="utf-8")
    children = []
    for k, amount in enumerate(("80亿元", "40亿元")):
        child = tmp_path / f"c{k}.txt"
        child.write_text(f"第一条 安排资金{amount}。\n第二条 其他。\n", encoding="utf-8")
        children.append(str(child))
    result = matrix.build_coverage(str(parent), children, config=matrix.CoverageConfig(workers=2))
    assert [c.error for c in result.children] == [None, None]
