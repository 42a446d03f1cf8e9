"""A revision generator: make a known revision of a real document, to check the comparison recovers it.

It takes a parsed seed, deletes some articles, inserts one from another document, moves one to
another chapter, rewords headings and bodies, changes figures, renumbers everything and can
switch to traditional characters and to `（一）` numbering. It returns the new text and the truth:
which original article became which new one, which were added/removed/moved, which figures changed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import opencc

from policydiff.figures.extract import extract_figures
from policydiff.lang.numerals import cn_numeral
from policydiff.model import DocumentTree, Level, Unit

REWORDINGS = [("加强", "强化"), ("支持", "扶持"), ("推动", "促进"), ("进一步", "更大力度"), ("完善", "健全")]
_LABEL = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十百〇零]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百零〇]+[章节条])\s*"
)


@dataclass
class Piece:
    """One article of the revised document and where it came from."""

    key: str  # "L12" = left unit 12, "X" = inserted from elsewhere
    text: str  # without its label


@dataclass
class Chapter:
    key: str
    text: str
    articles: list[Piece] = field(default_factory=list)


@dataclass
class Revision:
    text: str
    chapters: list[Chapter]  # the revised document's plan, in order
    removed: set[int]  # left unit indices of deleted articles
    moved: set[int]  # left unit indices of the article moved to another chapter
    changed_figures: dict[int, list[tuple[str, str]]]  # left unit → (old figure text, new figure text)
    reworded: set[int]


def _strip_label(text: str) -> str:
    return _LABEL.sub("", text, count=1)


def _own(text: str, unit: Unit) -> str:
    return text[unit.start : unit.own_end].strip()


def make_revision(
    text: str,
    tree: DocumentTree,
    donor_article: str,
    seed: int,
    traditional: bool = False,
    bracket_numbers: bool = False,
) -> Revision:
    """Revise a document whose numbered units are chapters holding articles (or sections)."""
    rng = random.Random(seed)
    chapters: list[Chapter] = []
    article_level = None
    for unit in tree.units:
        if unit.depth == 0 and unit.level not in (Level.TITLE, Level.PREAMBLE, Level.EPILOGUE):
            chapters.append(Chapter(f"L{unit.index}", _strip_label(_own(text, unit))))
        elif unit.depth == 1 and chapters and unit.parent is not None:
            article_level = article_level or unit.level
            body = text[unit.start : unit.end].strip()  # an article with its items
            chapters[-1].articles.append(Piece(f"L{unit.index}", _strip_label(body)))
    all_articles = [a for c in chapters for a in c.articles]
    removed = {int(a.key[1:]) for a in rng.sample(all_articles, 3)}
    for chapter in chapters:
        chapter.articles = [a for a in chapter.articles if int(a.key[1:]) not in removed]
    # move one article to the next chapter's end
    donors = [c for c in chapters[:-1] if len(c.articles) >= 2]
    moved: set[int] = set()
    if donors:
        source = rng.choice(donors)
        target = chapters[chapters.index(source) + 1]
        piece = source.articles.pop(rng.randrange(len(source.articles)))
        target.articles.append(piece)
        moved.add(int(piece.key[1:]))
    # insert a foreign article in the middle of a chapter
    host = rng.choice(chapters)
    host.articles.insert(len(host.articles) // 2, Piece("X", _strip_label(donor_article)))
    # reword headings/bodies and change figures of a few articles (not the moved one)
    candidates = [a for c in chapters for a in c.articles if a.key != "X" and int(a.key[1:]) not in moved]
    reworded: set[int] = set()
    for piece in rng.sample(candidates, min(6, len(candidates))):
        for old, new in REWORDINGS:
            if old in piece.text:
                piece.text = piece.text.replace(old, new, 1)
                reworded.add(int(piece.key[1:]))
                break
    changed_figures: dict[int, list[tuple[str, str]]] = {}
    for piece in rng.sample(candidates, min(8, len(candidates))):
        figures = [
            f
            for f in extract_figures(piece.text)
            if f.kind != "date" and re.fullmatch(r"\d+(\.\d+)?", _digits(f.text))
        ]
        if not figures:
            continue
        fig = rng.choice(figures)
        digits = _digits(fig.text)
        bigger = str(int(float(digits) * 2)) if "." not in digits else f"{float(digits) * 2:g}"
        new_text = fig.text.replace(digits, bigger, 1)
        piece.text = piece.text[: fig.start] + new_text + piece.text[fig.end :]
        changed_figures[int(piece.key[1:])] = [(fig.text, new_text)]
    out = _render(text, tree, chapters, bracket_numbers)
    if traditional:
        out = opencc.OpenCC("s2t").convert(out)
    return Revision(out, chapters, removed, moved, changed_figures, reworded)


def _digits(figure_text: str) -> str:
    match = re.search(r"\d+(?:\.\d+)?", figure_text)
    return match.group(0) if match else ""


def _render(text: str, tree: DocumentTree, chapters: list[Chapter], bracket_numbers: bool) -> str:
    lines: list[str] = []
    for unit in tree.units:
        if unit.level in (Level.TITLE, Level.PREAMBLE):
            lines.append(text[unit.start : unit.end].strip())
    number = 0
    for c_no, chapter in enumerate(chapters, 1):
        lines.append(f"{cn_numeral(c_no)}、{chapter.text}")
        for piece in chapter.articles:
            number += 1
            label = f"（{cn_numeral(number)}）" if bracket_numbers else f"{number}."
            lines.append(f"{label}{piece.text}")
    for unit in tree.units:
        if unit.level == Level.EPILOGUE:
            lines.append(text[unit.start : unit.end].strip())
    return "\n".join(lines) + "\n"
