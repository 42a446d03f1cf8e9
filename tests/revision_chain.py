"""Version chains with a known lineage: a seed revised again and again by tests/revision.py.

Each revision deletes, inserts, moves, rewords and renumbers articles and says which article became
which; chaining those truths gives, for every article of the first version, its unit in each later
version (None once deleted) and what each step did to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.model import DocumentTree
from policydiff.structure.parse import parse_structure
from tests.revision import make_revision

QUIET = "quiet"  # unchanged or renumbered: the words stayed


@dataclass
class Chain:
    texts: list[str]
    trees: list[DocumentTree]
    # per article of the first version: its unit index in each version (None where absent)
    lineage: dict[int, list[int | None]]
    # per article of the first version: per step, "removed" | "moved" | "changed" | QUIET | None
    steps: dict[int, list[str | None]]
    added: list[tuple[int, int]]  # (version, unit index) of each inserted article


def _articles(tree: DocumentTree) -> list[int]:
    return [u.index for u in tree.units if u.depth == 1]


def make_chain(text: str, donors: list[str], seeds: list[int], bracket_numbers: bool = False) -> Chain:
    """The first version ``text`` and one revision per seed (donors[k]: the article revision k inserts)."""
    texts, trees = [text], [parse_structure(text)]
    lineage = {i: [i] for i in _articles(trees[0])}
    steps: dict[int, list[str | None]] = {i: [] for i in lineage}
    added: list[tuple[int, int]] = []
    for k, seed in enumerate(seeds):
        revision = make_revision(texts[-1], trees[-1], donors[k % len(donors)], seed, False, bracket_numbers)
        tree = parse_structure(revision.text)
        articles = _articles(tree)
        pieces = [p for c in revision.chapters for p in c.articles]
        assert len(articles) == len(pieces), "the revision's articles must parse one to one"
        became: dict[int, int] = {}
        for piece, unit in zip(pieces, articles, strict=True):
            if piece.key == "X":
                added.append((k + 1, unit))
            else:
                became[int(piece.key[1:])] = unit
        for first, chain in lineage.items():
            now = chain[-1]
            if now is None:
                chain.append(None)
                steps[first].append(None)
                continue
            chain.append(became.get(now))
            if now in revision.removed:
                steps[first].append("removed")
            elif now in revision.moved:
                steps[first].append("moved")
            elif now in revision.reworded or now in revision.changed_figures:
                steps[first].append("changed")
            else:
                steps[first].append(QUIET)
        texts.append(revision.text)
        trees.append(tree)
    return Chain(texts, trees, lineage, steps, added)
