"""Text made safe for where it is written: XML-based files, spreadsheet cells, UTF-8 streams.

A document's own text is cleaned once, at load (``drop_invalid``); what reaches a writer from
elsewhere — a file name that is not UTF-8 (surrogate-escaped by Python), an error message, a
title — is made safe by the writer with ``xml_safe`` / ``cell_text`` / ``utf8_safe``, so no writer
ever refuses a character and no spreadsheet cell is ever read as a formula.
May import: the standard library only.
"""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 cannot carry (python-docx and openpyxl refuse them), besides NUL:
# C0 controls other than tab/newline/return, the non-characters U+FFFE/U+FFFF, lone surrogates.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Line and page breaks as old Word files and form-fed text files write them: a new line, not text lost.
_BREAKS = re.compile("[\x0b\x0c]")

REPLACEMENT = "\ufffd"
EXCEL_MAX_UTF16 = 32_767  # Excel's limit for one cell, in UTF-16 code units
CLIPPED_MARK = "…［已截断］"  # what a clipped cell ends with, so a reader sees text is missing
# A cell that starts with one of these is a formula (or DDE) to Excel, WPS and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def drop_invalid(text: str) -> tuple[str, int]:
    """``text`` without the characters no output can carry, and how many were dropped.

    Vertical tabs and form feeds become line breaks (they are Word's manual line break and a
    page break); other C0 controls, U+FFFE/U+FFFF and lone surrogates are removed.
    """
    if not _XML_INVALID.search(text):
        return text, 0
    text = _BREAKS.sub("\n", text)
    cleaned, dropped = _XML_INVALID.subn("", text)
    return cleaned, dropped


def xml_safe(text: str) -> str:
    """``text`` with every character XML cannot carry shown as U+FFFD (never silently gone)."""
    return _XML_INVALID.sub(REPLACEMENT, text)


def utf8_safe(text: str) -> str:
    """``text`` encodable as UTF-8: lone surrogates (a file name that is not UTF-8) as U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text)


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts: characters beyond U+FFFF count twice."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def clip_utf16(text: str, limit: int = EXCEL_MAX_UTF16, mark: str = CLIPPED_MARK) -> str:
    """``text`` cut to at most ``limit`` UTF-16 units, ending with ``mark`` when it was cut."""
    if len(text) <= limit // 2 or utf16_length(text) <= limit:
        return text
    room = limit - utf16_length(mark)
    used = 0
    for end, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > room:
            return text[:end] + mark
    return text  # pragma: no cover - the length check above returned already


def cell_text(text: str) -> str:
    """A spreadsheet cell's text: XML-safe and within Excel's cell limit."""
    return clip_utf16(xml_safe(text))


def looks_like_formula(text: str) -> bool:
    """True if a spreadsheet would read ``text`` typed into a cell as a formula (or DDE link).

    Such a cell is written as a string with Excel's quote prefix (the hidden apostrophe Excel
    itself sets when one types ``'=1+2``), so Excel, WPS and LibreOffice show it and never run it.
    """
    return text.startswith(_FORMULA_START)


# Bidi controls that reorder the text after them (embeddings, overrides, isolates, marks).
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate … pop directional isolate


def isolate(name: str) -> str:
    """A user-visible name (a file name, a title) safe to show inside other text on screen.

    Bidi controls in it are dropped (an RLO would turn ``txt.exe`` around), control characters and
    bytes that are not UTF-8 show as U+FFFD, and a name with right-to-left letters (or that had
    bidi controls) becomes a directional isolate, so it cannot reorder the words around it. A
    plain left-to-right name is returned as it is.
    """
    cleaned = _CONTROLS.sub(REPLACEMENT, _BIDI_CONTROLS.sub("", name))
    if (
        cleaned != name
        and _BIDI_CONTROLS.search(name)
        or any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in cleaned)
    ):
        return f"{FSI}{cleaned}{PDI}"
    return cleaned
