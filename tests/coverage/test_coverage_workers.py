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
