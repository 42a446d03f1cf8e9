"""One check for every real-format fixture: the file must compare unchanged against its source text.

A document saved as .docx, .pdf, .doc, .odt, a web page … is the same document as its .txt: the
loader must hand the comparison the text a reader sees (numbering included, page furniture left
out), so comparing the two finds no changed, added or removed unit and the same number of units
at each level.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from policydiff.compare.pipeline import compare_documents
from policydiff.io import load_document
from policydiff.model import Comparison, Level, LoadedDocument, Status


def level_counts(comparison: Comparison, side: str) -> Counter[Level]:
    tree = comparison.left.tree if side == "left" else comparison.right.tree
    return Counter(unit.level for unit in tree.units if unit.level != Level.TITLE)


def not_unchanged(comparison: Comparison) -> list[str]:
    """One line per pair that is not unchanged, for a readable assertion message."""
    out = []
    for pair in comparison.pairs:
        if pair.status != Status.UNCHANGED:
            left = comparison.left.text[pair.left.start : pair.left.end][:40] if pair.left else "—"
            right = comparison.right.text[pair.right.start : pair.right.end][:40] if pair.right else "—"
            out.append(f"{pair.status}: {left!r} ↔ {right!r}")
    return out


def compare_with_source(source: str | LoadedDocument, rendered: Path | LoadedDocument) -> Comparison:
    """Compare a source text (or loaded document) with a rendered file (or its loaded document)."""
    if isinstance(source, str):
        source = LoadedDocument(path="source.txt", format="txt", encoding="utf-8", text=source)
    if not isinstance(rendered, LoadedDocument):
        rendered = load_document(rendered)
    return compare_documents(source, rendered)


def assert_same_as_source(
    source: str | LoadedDocument, rendered: Path | LoadedDocument, allowed_changes: int = 0
) -> Comparison:
    """Fail unless ``rendered`` compares unchanged against ``source`` with the same units per level.

    Args:
        source: the text the file was made from, or its loaded document.
        rendered: the file in a real format (or its loaded document).
        allowed_changes: pairs that may differ (0 unless the format truly cannot carry some text;
            a test that passes a number must say why).

    Returns:
        The comparison, for further checks.
    """
    comparison = compare_with_source(source, rendered)
    differing = not_unchanged(comparison)
    assert len(differing) <= allowed_changes, "\n".join(differing[:20])
    assert level_counts(comparison, "left") == level_counts(comparison, "right")
    return comparison
