"""The no-text-lost check for .docx: characters a part holds against characters recovered.

Counted apart from the reader's walk, by a plain scan of every w:t in a part (leaving out what
Word itself hides: deleted and moved-away text, hidden runs, ruby guides, field instructions and all but the
first branch of an mc:AlternateContent). If the reader recovered fewer non-space characters than
the part holds, some construct it does not know swallowed text: the file is refused, naming the
part, instead of reaching the comparison short of text (a false "no differences").
May import: the standard library, lxml, policydiff.io.office.zipparts, policydiff.errors.
"""

from __future__ import annotations

from typing import Any

from policydiff.errors import LoadReason
from policydiff.io.office.zipparts import OfficeRefused, local

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HIDING_ANCESTORS = frozenset({"del", "moveFrom", "rt"})


def run_is_hidden(run: Any) -> bool:
    """A run formatted as hidden text (w:vanish), which Word neither shows by default nor prints."""
    rpr = run.find(_W + "rPr")
    vanish = None if rpr is None else rpr.find(_W + "vanish")
    return vanish is not None and vanish.get(_W + "val", "true") not in ("0", "false", "off")


def _hidden_by_ancestor(element: Any) -> bool:
    for ancestor in element.iterancestors():
        tag = local(ancestor.tag)
        if tag in _HIDING_ANCESTORS:
            return True
        if tag in ("Choice", "Fallback"):
            parent = ancestor.getparent()
            if parent is not None and parent.index(ancestor) != 0:
                return True
    return False


def _spaces(text: str) -> int:
    return (
        sum(1 for ch in text if ch.isspace())
        if not text.isprintable() or " " in text or "\u3000" in text
        else 0
    )


def visible_chars(root: Any | None) -> int:
    """Non-space characters of the w:t a reader of the final text sees in one part."""
    if root is None:
        return 0
    fields: list[bool] = []  # open complex fields: True once past "separate"
    in_instruction = 0
    count = 0
    for element in root.iter(_W + "t", _W + "fldChar"):
        if element.tag == _W + "fldChar":
            kind = element.get(_W + "fldCharType")
            if kind == "begin":
                fields.append(False)
                in_instruction += 1
            elif kind == "separate" and fields and not fields[-1]:
                fields[-1] = True
                in_instruction -= 1
            elif kind == "end" and fields:
                in_instruction -= 0 if fields.pop() else 1
            continue
        run = element.getparent()
        if run is not None and run_is_hidden(run):
            continue
        if in_instruction == 0 and element.text and not _hidden_by_ancestor(element):
            count += len(element.text) - _spaces(element.text)
    return count


def check_nothing_lost(root: Any | None, name: str, lines: list[str], extra_chars: int) -> None:
    """Refuse when the lines read from part ``name`` hold fewer w:t characters than the part.

    Args:
        root: the parsed part (None when the part is absent).
        name: the part the lines were read from.
        lines: the lines recovered from it.
        extra_chars: non-space characters in the lines that come from no w:t (numbering labels,
            symbols, embedded parts).

    Raises:
        OfficeRefused: naming the part and how many characters would have been lost.
    """
    expected = visible_chars(root)
    recovered = sum(len(line) - _spaces(line) for line in lines) - extra_chars
    if recovered < expected:
        raise OfficeRefused(
            f"has text this reader could not place ({expected - recovered:,} of {expected:,} "
            f"characters in {name}); open it in Word and save it again, or save it as .txt",
            LoadReason.TEXT_UNPLACED,
            part=name,
        )
