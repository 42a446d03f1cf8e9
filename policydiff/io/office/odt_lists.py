"""Numbers of OpenDocument lists and outline headings, as LibreOffice shows them.

An .odt stores no list number in the text (at most a cached text:number): each text:list names
a list style whose text:list-level-style-number gives, per level, the format (style:num-format:
1, a, i, 一, ①, 甲 …), prefix and suffix, start value and how many levels the label shows. A new
top-level list restarts its numbers unless it continues an earlier one (text:continue-numbering,
text:continue-list); an item may set text:start-value. Bullets and images are list marks, not
text, and give no label (as for .docx).
May import: the standard library, policydiff.io.office.docx_numbering, policydiff.io.office.zipparts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policydiff.io.office.docx_numbering import format_number
from policydiff.io.office.zipparts import local

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_LEVELS = 10
_LIST_FORMAT = re.compile(r"%([1-9]|10)%")

# style:num-format → the Word numFmt that writes numbers the same way.
_FORMATS = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
    "一": "chineseCounting", "壹": "chineseLegalSimplified", "甲": "ideographTraditional",
    "子": "ideographZodiac", "①": "decimalEnclosedCircle", "⑴": "decimalEnclosedParen",
    "⒈": "decimalEnclosedFullstop", "１": "decimalFullWidth", "0": "decimalZero",
}  # fmt: skip


def _word_format(num_format: str | None) -> str:
    if not num_format:
        return "none"
    head = num_format.split(",", 1)[0].strip()
    if head.startswith("0") and len(head) > 1:
        return "decimalZero"
    return _FORMATS.get(head[:1], "decimal")


@dataclass(frozen=True)
class OdtLevel:
    """One level of a list (or outline) style."""

    fmt: str = "none"  # a Word numFmt name; "none" for bullets, images and empty formats
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display: int = 1  # how many levels the label shows (1.2.3 shows three)
    pattern: str | None = None  # loext:num-list-format, e.g. "第%1%条"
    follow: str = "listtab"


def _level(element: Any) -> OdtLevel:
    if local(element.tag) != "list-level-style-number" and local(element.tag) != "outline-level-style":
        return OdtLevel()
    props = element.find(f"{STYLE}list-level-properties/{STYLE}list-level-label-alignment")
    pattern = None
    for name, value in element.attrib.items():
        if name.endswith("}num-list-format"):
            pattern = value
    try:
        start = int(element.get(TEXT + "start-value", "1"))
        display = int(element.get(TEXT + "display-levels", "1"))
    except ValueError:
        start, display = 1, 1
    return OdtLevel(
        fmt=_word_format(element.get(STYLE + "num-format")),
        prefix=element.get(STYLE + "num-prefix", ""),
        suffix=element.get(STYLE + "num-suffix", ""),
        start=start,
        display=max(1, min(display, _LEVELS)),
        pattern=pattern,
        follow="listtab" if props is None else props.get(TEXT + "label-followed-by", "listtab"),
    )


def _levels(style: Any) -> dict[int, OdtLevel]:
    levels = {}
    for child in style:
        try:
            number = int(child.get(TEXT + "level", "0"))
        except ValueError:
            continue
        if 1 <= number <= _LEVELS:
            levels[number - 1] = _level(child)
    return levels


class ListStyles:
    """The list styles of content.xml (automatic) and styles.xml, and the outline style."""

    def __init__(self, content: Any, styles: Any | None) -> None:
        self.lists: dict[str, dict[int, OdtLevel]] = {}
        self.outline: dict[int, OdtLevel] = {}
        for root in (styles, content):
            if root is None:
                continue
            for style in root.iter(TEXT + "list-style"):
                self.lists[style.get(STYLE + "name", "")] = _levels(style)
            for outline in root.iter(TEXT + "outline-style"):
                self.outline = _levels(outline)

    def level(self, style: str | None, level: int) -> OdtLevel:
        return self.lists.get(style or "", {}).get(min(level, _LEVELS - 1), OdtLevel())


def render(levels: list[OdtLevel], values: list[int | None], level: int) -> str:
    """The label of an item at ``level`` given every level's current value."""
    this = levels[level]
    if this.fmt == "none" and not this.pattern:
        return ""

    def number(k: int) -> str:
        value = values[k] if values[k] is not None else levels[k].start
        return format_number(value or 0, levels[k].fmt)

    if this.pattern:
        text = _LIST_FORMAT.sub(
            lambda m: number(int(m.group(1)) - 1) if int(m.group(1)) - 1 <= level else "", this.pattern
        )
    else:
        first = max(0, level - this.display + 1)
        text = this.prefix + ".".join(number(k) for k in range(first, level + 1)) + this.suffix
    if not text.strip():
        return ""
    return text + ("" if this.follow == "nothing" else " ")


class _Chain:
    """The running numbers of one list and the lists that continue it."""

    def __init__(self) -> None:
        self.values: list[int | None] = [None] * _LEVELS


class ListCounters:
    """Numbers in reading order for lists and for numbered headings."""

    def __init__(self, styles: ListStyles) -> None:
        self.styles = styles
        self.by_id: dict[str, _Chain] = {}
        self.last_by_style: dict[str, _Chain] = {}
        self.current: list[_Chain] = []
        self.outline_values: list[int | None] = [None] * _LEVELS

    def enter_list(self, element: Any, style: str | None, level: int) -> None:
        """A text:list starts: a new chain at the top level unless it continues an earlier one."""
        if level > 0 and self.current:
            chain = self.current[-1]
        else:
            continues = element.get(TEXT + "continue-list")
            if continues and continues in self.by_id:
                chain = self.by_id[continues]
            elif element.get(TEXT + "continue-numbering") == "true" and (style or "") in self.last_by_style:
                chain = self.last_by_style[style or ""]
            else:
                chain = _Chain()
            self.current = [chain]
        list_id = element.get(_XML_ID)
        if list_id:
            self.by_id[list_id] = chain
        self.last_by_style[style or ""] = chain

    def item_label(self, item: Any, style: str | None, level: int, header: bool) -> str:
        """Count a list item that holds a paragraph and return its label ('' if not numbered)."""
        if header or not any(local(c.tag) in ("p", "h") for c in item):
            return ""
        chain = self.current[-1] if self.current else _Chain()
        levels = [self.styles.level(style, k) for k in range(_LEVELS)]
        level = min(level, _LEVELS - 1)  # deeper lists than a style defines count at its last level
        return self._count(chain.values, levels, level, item.get(TEXT + "start-value"))

    def outline_label(self, heading: Any) -> str:
        """The number of a heading from the outline style (LibreOffice's chapter numbering)."""
        try:
            level = int(heading.get(TEXT + "outline-level", "1")) - 1
        except ValueError:
            level = 0
        if heading.get(TEXT + "is-list-header") == "true":
            return ""
        level = min(max(level, 0), _LEVELS - 1)
        levels = [self.styles.outline.get(k, OdtLevel()) for k in range(_LEVELS)]
        if levels[level].fmt == "none" and not levels[level].pattern:
            return ""
        return self._count(self.outline_values, levels, level, heading.get(TEXT + "start-value"))

    @staticmethod
    def _count(values: list[int | None], levels: list[OdtLevel], level: int, start: str | None) -> str:
        if start is not None and start.isdigit():
            values[level] = int(start)
        else:
            current = values[level]
            values[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            values[deeper] = None
        return render(levels, values, level)
