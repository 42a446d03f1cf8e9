"""One vocabulary for every view: labels and colours of statuses, verdicts and marks live in
policydiff.present, and every writer and the window take them from there."""

from __future__ import annotations

import ast
import io
import zipfile
from pathlib import Path

import pytest

from policydiff.model import Pair, Status, Verdict
from policydiff.present import labels, palette
from policydiff.present.differences import is_difference
from tests.conftest import SEED

PACKAGE = Path(__file__).resolve().parents[2] / "policydiff"
VOCABULARY = {PACKAGE / "present" / "labels.py", PACKAGE / "present" / "palette.py"}


def _keyed_by_status_or_verdict(node: ast.Dict) -> bool:
    keys = [k for k in node.keys if k is not None]
    return bool(keys) and all(
        isinstance(k, ast.Attribute) and isinstance(k.value, ast.Name) and k.value.id in {"Status", "Verdict"}
        for k in keys
    )


def _literal_value(node: ast.expr) -> bool:
    """A string, or a colour built from a string literal (QColor("#…"), Colour("#…"))."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    return isinstance(node, ast.Call) and any(isinstance(a, ast.Constant) for a in node.args)


def test_no_module_keeps_its_own_status_or_verdict_words_or_colours():
    """A dict from Status/Verdict to literal words or colours outside present/ is a second vocabulary."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in VOCABULARY:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and _keyed_by_status_or_verdict(node):
                if any(_literal_value(v) for v in node.values):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_every_status_and_verdict_has_words_and_colours():
    assert set(labels.STATUS) == set(Status) and set(palette.STATUS) == set(Status)
    assert set(labels.VERDICT) == set(Verdict) == set(palette.VERDICT) == set(labels.VERDICT_MEANING)
    for label in [*labels.STATUS.values(), *labels.VERDICT.values(), *labels.LEVEL.values()]:
        assert label("zh") and label("en") and label("zh") != label("en")


def test_a_colour_must_be_hex():
    with pytest.raises(ValueError):
        palette.Colour("red")
    assert palette.Colour("#0a3069").rgb == (0x0A, 0x30, 0x69)
    assert palette.Colour("#0a3069").plain_hex == "0A3069"


@pytest.fixture(scope="module")
def seed_comparison():
    from policydiff.compare.pipeline import compare_files
    from policydiff.model import CompareOptions

    return compare_files(str(SEED["000"]), str(SEED["002"]), CompareOptions())


def test_the_report_paints_with_the_palette_and_names_with_the_labels(seed_comparison):
    from policydiff.render.html import render_report

    page = render_report(seed_comparison)
    for swatch in (palette.DELETED, palette.INSERTED, palette.FIGURE, palette.SHARED):
        assert swatch.background.hex in page and swatch.ink.hex in page
    assert labels.STATUS[Status.CHANGED].zh in page


def test_the_word_table_colours_runs_from_the_palette(seed_comparison):
    from policydiff.render.docx_table import render_docx

    document = zipfile.ZipFile(io.BytesIO(render_docx(seed_comparison))).read("word/document.xml").decode()
    assert f'w:val="{palette.DELETED.ink.plain_hex}"' in document
    assert f'w:val="{palette.INSERTED.ink.plain_hex}"' in document


def test_the_coverage_sheet_fills_verdicts_from_the_palette():
    from policydiff.coverage import xlsx

    assert xlsx.FILLS == {v: palette.VERDICT[v].background.plain_hex for v in Verdict}


def test_a_figure_change_alone_is_a_difference():
    """The one rule: text, place or a figure changed (the outline, the report index and the exports agree)."""
    from types import SimpleNamespace

    def pair(status: Status = Status.UNCHANGED, moved: bool = False, figures: int = 0) -> Pair:
        return SimpleNamespace(status=status, moved=moved, figures_changed=figures)  # type: ignore[return-value]

    assert not is_difference(pair())
    assert is_difference(pair(figures=1)) and is_difference(pair(moved=True))
    assert all(is_difference(pair(status)) for status in Status if status != Status.UNCHANGED)
