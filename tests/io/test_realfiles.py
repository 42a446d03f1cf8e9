"""The peer projects' test corpora (../shared/realfiles): every file read faithfully or refused with
a true reason, judged by the corpus's own check against independent reference extractions. The
files stay in the shared folder (never copied here); without it the test skips."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

REALFILES = SHARED / "realfiles"
ACCEPTED = ROOT / "bench" / "realfiles-accepted.tsv"


@pytest.mark.slow  # 156 files, each compared with itself in a fresh process: about 2 min on 2 cores
def test_every_real_file_is_read_faithfully_or_refused_with_a_true_reason(tmp_path: Path):
    if not (REALFILES / "run.sh").is_file():
        pytest.skip("../shared/realfiles is not beside the checkout")
    command = Path(sys.executable).with_name("policydiff")
    if not command.is_file():
        pytest.skip("the policydiff command is not installed in this environment")
    if shutil.which("prlimit") is None or shutil.which("timeout") is None:
        pytest.skip("the check needs prlimit and timeout (util-linux, coreutils)")
    run = subprocess.run(
        ["bash", str(REALFILES / "run.sh"), str(command), "--jobs", "2", "--out", str(tmp_path)]
        + ["--accepted", str(ACCEPTED)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = run.stdout.strip().splitlines()
    summary = lines[-1] if lines else run.stderr
    assert re.fullmatch(r"realfiles: \d+ files, .*, 0 defects", summary), (
        run.stdout[-4000:] + run.stderr[-2000:]
    )
    stale = [line for line in lines if line.startswith("NOTE accepted")]
    assert not stale, stale  # an excuse for a file that is now read faithfully must go
