"""Paragraphs as the author wrote them: line breaks made by page width are joined, others stay.

Real texts: every seed hard-wrapped at 28 characters (as a mail client or an old editor saves it)
must compare unchanged against the seed, title and preamble included; LibreOffice PDFs of the seeds
keep no break inside a figure or phrase and read the title on its own; no unwrapped text of the
seeds or the corpus is touched.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from policydiff.compare.pipeline import compare_documents
from policydiff.io import load_document
from policydiff.io.paragraphs import join_wrapped
from policydiff.model import Op, Status
from tests.conftest import CORPUS, SEED


def _hard_wrap(text: str, width: int = 28) -> str:
    """Cut every line into pieces of ``width`` characters, as a program wrapping a file does."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend([line[i : i + width] for i in range(0, len(line), width)] if line.strip() else [line])
    return "\n".join(out)


def _texts() -> list[Path]:
    found = sorted(SEED.values())
    if CORPUS.is_dir():
        found += sorted(p for p in CORPUS.rglob("*") if p.suffix in {".md", ".txt"} and p.name != "README.md")
    return found


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_a_text_that_was_not_wrapped_is_left_as_it_is(path: Path) -> None:
    text = load_document(path).text
    assert join_wrapped(text) == (text, 0)


@pytest.mark.parametrize("seed", sorted(SEED))
def test_a_seed_hard_wrapped_at_28_characters_compares_unchanged(seed: str, tmp_path: Path) -> None:
    source = load_document(SEED[seed])
    wrapped = tmp_path / f"{seed}-wrapped.txt"
    wrapped.write_text(_hard_wrap(source.text), encoding="utf-8")
    loaded = load_document(wrapped)
    assert any("line breaks made by page width joined" in n for n in loaded.notices)
    comparison = compare_documents(source, loaded)
    assert comparison.right.tree.title == comparison.left.tree.title  # never glued to the preamble
    assert [p for p in comparison.pairs if p.status != Status.UNCHANGED] == []


@pytest.mark.parametrize("width", [26, 33, 40])
def test_breaks_inside_a_figure_or_phrase_are_joined_and_units_keep_their_lines(width: int) -> None:
    """The issue's own cuts (490 / 億元, 2200 億元以 / 上, 五個 / 一批), at any wrap width."""
    source = load_document(SEED["002"]).text
    text, joined = join_wrapped(_hard_wrap(source, width))
    assert joined > 100
    for whole in ("支援總額為490億元", "完成投資2200億元以上", "“五個一批”", "高品質發展"):
        assert whole in text
    # every unit still starts its own line, as in the source
    assert text.count("\n（") + text.count("\n(") >= source.count("\n（") + source.count("\n(") - 2


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("seed", ["000", "002", "003"])
def test_a_libreoffice_pdf_of_a_seed_reads_its_paragraphs(seed: str, tmp_path: Path) -> None:
    source_file = tmp_path / f"s{seed}.txt"
    shutil.copyfile(SEED[seed], source_file)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",  # its own profile: no lock to wait on
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source_file),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = load_document(tmp_path / f"s{seed}.pdf")
    source = load_document(SEED[seed])
    comparison = compare_documents(source, pdf)
    assert comparison.right.tree.title == comparison.left.tree.title  # the title stands alone
    for pair in comparison.pairs:
        for edit in pair.edits:  # no change shown is a page's line break
            if edit.op != Op.EQUAL and pair.status == Status.CHANGED:
                assert "\n" not in pdf.text[slice(*edit.right)].strip(), pdf.text[slice(*edit.right)]
    if seed == "002":  # the figures and phrases cut by the page: whole again
        lines = pdf.text.split("\n")
        assert any("490 億元" in line or "490億元" in line for line in lines)
        assert any("“五個一批”" in line for line in lines)
