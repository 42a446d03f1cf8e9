"""Read the text of an RTF file, in the code pages Chinese RTF files use.

A small tokenizer, linear in the file and bounded in nesting depth: ``\\uN`` characters (skipping
their ``\\ucN`` fallback), ``\\'hh`` bytes decoded in the current font's code page (``\\fcharset134``
GBK, ``136`` Big5 …) or the document's (``\\ansicpg936``), paragraph, line, tab, cell and row
marks, field results (``\\fldrslt``; instructions are dropped) and list numbers as Word writes
them for plain readers (``\\listtext``). Destinations that are not text — font and colour tables,
styles, document info, pictures, objects, headers and footers — are skipped; footnotes follow the
body, and each choice is recorded as a notice.
May import: the standard library, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits


class RtfRefused(ReadRefused, ValueError):
    """The file is not an RTF this reader will open; the message completes "<name> …"."""


@dataclass(frozen=True)
class RtfText:
    text: str
    notices: tuple[str, ...]
    encoding: str  # the document's code page, e.g. "cp936"


# One token: a control word with its optional numeric parameter and delimiting space, a hex
# byte, a control symbol, a brace, line ends (ignored) or a run of plain text. Each alternative
# is a single bounded class: no backtracking.
_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])"
    rb"|([{}])|[\r\n]+|([^\\{}\r\n]+)|(\\)",
)

# Code pages by \fcharset value.
_CHARSETS = {
    0: "cp1252",
    2: "cp1252",  # symbol
    77: "mac_roman",
    128: "cp932",
    129: "cp949",
    130: "johab",
    134: "gb18030",  # GB2312/GBK; GB18030 decodes both
    136: "big5hkscs",  # Big5, with the Hong Kong extensions
    161: "cp1253",
    162: "cp1254",
    163: "cp1258",
    177: "cp1255",
    178: "cp1256",
    186: "cp1257",
    204: "cp1251",
    222: "cp874",
    238: "cp1250",
    254: "cp437",
}
_CODEPAGES = {936: "gb18030", 950: "big5hkscs", 54936: "gb18030", 65001: "utf-8", 10000: "mac_roman"}

# Destinations whose content is not document text.
_SKIP = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "listtable", "listoverridetable", "rsidtbl",
        "generator", "pict", "object", "objdata", "themedata", "colorschememapping",
        "latentstyles", "datastore", "xmlnstbl", "filetbl", "revtbl", "pgdsctbl", "fldinst",
        "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
        "annotation", "atnid", "atnauthor", "atndate", "atnref", "nonshppict", "sp",
        "bkmkstart", "bkmkend", "template", "xe", "tc", "txe", "rxe", "userprops", "docvar",
        "mmathPr", "pn", "passwordhash", "password", "protusertbl", "upr", "falt", "panose",
        "formfield", "datafield", "background", "wgrffmtfilter", "ftnsep", "ftnsepc", "aftnsep",
        "aftnsepc", "fchars", "lchars", "ud", "defchp", "defpap", "title", "subject",
        "author", "operator", "company", "keywords", "comment", "doccomm", "nonesttables",
        "shprslt", "nesttableprops",
    }
)  # fmt: skip
_HEADERS = frozenset(n for n in _SKIP if n.startswith(("header", "footer")))
_SPECIAL = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "column": "\n", "tab": "\t",
    "cell": "\t", "nestcell": "\t", "row": "\n", "nestrow": "\n", "emdash": "\u2014",
    "endash": "\u2013", "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
    "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
    "rdblquote": "\u201d", "zwj": "\u200d", "zwnj": "\u200c", "ltrmark": "", "rtlmark": "",
}  # fmt: skip
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "{": "{", "}": "}", "\\": "\\", "\n": "\n", "\r": "\n"}


@dataclass
class _Group:
    """The state a group inherits and may change: code page, \\uc count, where text goes."""

    codepage: str
    uc: int = 1
    skip: bool = False
    footnote: bool = False
    listtext: bool = False
    fonttbl: bool = False
    left_out: bool = False  # tracked deletion (\\deleted) or hidden text (\\v)
    fonts: dict[int, str] = field(default_factory=dict)  # only used inside the font table


class _Reader:
    def __init__(self, data: bytes, limits: LoadLimits) -> None:
        self.data = data
        self.limits = limits
        self.default_cp = "cp1252"
        self.default_font: int | None = None
        self.fonts: dict[int, str] = {}
        self.body: list[str] = []
        self.notes: list[str] = []
        self.pending = bytearray()  # \'hh bytes waiting to be decoded together (double-byte text)
        self.pending_cp = "cp1252"
        self.pending_target: list[str] = self.body
        self.skip_chars = 0  # \uc fallback characters still to skip
        self.notices: set[str] = set()
        self.font_number: int | None = None  # the font being defined inside the font table
        self.note_count = 0
        self.body_marks = 0
        self.open_groups = 0  # groups still open at the end of the file

    def run(self) -> None:
        stack = [_Group(self.default_cp)]
        group = stack[0]
        first_word = False  # the next token is the first of a group (a destination's name)
        star = False  # the group began with \*: an optional destination
        pos, end = 0, len(self.data)
        token = _TOKEN
        while pos < end:
            match = token.match(self.data, pos)
            if match is None:  # cannot happen: every byte starts some alternative
                break
            pos = match.end()
            word, param, hexbyte, symbol, brace, text, lone = match.groups()
            if brace is not None:
                self._flush()
                self.skip_chars = 0
                if brace == b"{":
                    if len(stack) >= self.limits.rtf_max_depth:
                        raise RtfRefused(
                            f"nests groups more than {self.limits.rtf_max_depth} deep; "
                            "save it again as .docx",
                            LoadReason.TOO_DEEP,
                            limit=f"{self.limits.rtf_max_depth}",
                        )
                    group = _Group(group.codepage, group.uc, group.skip, group.footnote, group.listtext,
                                   group.fonttbl, group.left_out)  # fmt: skip
                    stack.append(group)
                    first_word, star = True, False
                else:
                    if len(stack) > 1:
                        stack.pop()
                        group = stack[-1]
                    first_word = False
                continue
            if symbol == b"*":
                star = True
                continue
            if match.lastindex is None:
                continue  # a line end is not text, and does not end a group's opening ({ \n \*)
            at_start, first_word = first_word, False
            if word is not None:
                name = word.decode("ascii")
                if at_start:
                    self._destination(name, star, group)
                pos = self._control(name, param, group, pos)
            elif hexbyte is not None:
                if self.skip_chars:
                    self.skip_chars -= 1
                    continue
                self._add_bytes(bytes([int(hexbyte, 16)]), group)
            elif symbol is not None:
                if self.skip_chars:
                    self.skip_chars -= 1
                    continue
                self._emit(_SYMBOLS.get(symbol.decode("latin-1"), ""), group)
            elif text is not None:
                if self.skip_chars:
                    cut = min(self.skip_chars, len(text))
                    self.skip_chars -= cut
                    text = text[cut:]
                if text:
                    self._add_bytes(text, group)
            # a lone backslash (the remaining alternative) is not text
        self._flush()
        self.open_groups = len(stack) - 1

    def _destination(self, name: str, star: bool, group: _Group) -> None:
        """The first control word of a group names what the group holds."""
        self._flush()
        if name == "fonttbl":
            group.fonttbl = True
        elif name == "footnote":
            group.footnote = True
            if not group.skip:
                self.notices.add("had footnotes; shown after the body")
        elif name in ("listtext", "pntext"):
            group.listtext = True
        elif name == "shpinst":
            pass  # a shape: its properties (\sp) are skipped, its text box (\shptxt) is text
        elif name == "shptxt":
            self._emit("\n", group)  # a text box: its paragraphs are lines of their own
        elif name != "fldrslt" and (star or name in _SKIP):
            if not group.skip and name in _HEADERS:
                self.notices.add("page headers and footers left out")
            if not group.skip and name == "annotation":
                self.notices.add("had comments; left out")
            group.skip = True

    def _add_bytes(self, raw: bytes, group: _Group) -> None:
        """Queue text bytes: consecutive bytes decode together (a GBK character is two \\'hh)."""
        if group.skip or group.fonttbl or group.left_out:
            return
        target = self.notes if group.footnote else self.body
        if group.listtext and not self.pending and (not target or target[-1].endswith("\n")):
            raw = raw.lstrip(b" ")  # the space some writers put before a list number
            if not raw:
                return
        if self.pending and (self.pending_cp != group.codepage or self.pending_target is not target):
            self._flush()
        self.pending_cp = group.codepage
        self.pending_target = target
        self.pending.extend(raw)

    def _control(self, name: str, param: bytes | None, group: _Group, pos: int) -> int:
        """Apply one control word; returns where reading goes on (\\bin skips binary data)."""
        value = int(param) if param is not None else None
        if name == "bin":
            self._flush()
            if pos + max(0, value or 0) > len(self.data):
                raise RtfRefused(
                    "is damaged (binary data runs past its end); save it again as .docx", LoadReason.DAMAGED
                )
            return pos + max(0, value or 0)
        if name == "u" and value is not None:
            self._emit(chr(value % 65536) if -32768 <= value <= 65535 else "\ufffd", group)
            self.skip_chars = group.uc
            return pos
        if self.skip_chars:  # a control word inside the fallback counts as one character
            self.skip_chars -= 1
            return pos
        if name == "uc" and value is not None:
            group.uc = max(0, min(value, 16))
        elif name == "ansicpg" and value is not None:
            self.default_cp = _codepage(value, self.default_cp)
            group.codepage = self.default_cp
        elif name == "deff" and value is not None:
            self.default_font = value
        elif name == "f" and value is not None:
            if group.fonttbl:
                self.font_number = value
                self.fonts.setdefault(value, self.default_cp)
            else:
                self._flush()
                group.codepage = self.fonts.get(value, self.default_cp)
        elif name == "fcharset" and value is not None and group.fonttbl and self.font_number is not None:
            if value not in (0, 1, 2):  # ANSI/default/symbol fonts use the document's code page
                self.fonts[self.font_number] = _CHARSETS.get(value, self.default_cp)
        elif name == "cpg" and value is not None and group.fonttbl and self.font_number is not None:
            self.fonts[self.font_number] = _codepage(value, self.default_cp)
        elif name == "plain" or name == "pard":
            if name == "plain":
                self._flush()
                group.left_out = False
                if self.default_font is not None:
                    group.codepage = self.fonts.get(self.default_font, self.default_cp)
        elif name in ("deleted", "v"):
            self._flush()
            group.left_out = value != 0
            if group.left_out and not group.skip:
                self.notices.add(
                    "had tracked changes; shown as the final text"
                    if name == "deleted"
                    else "had hidden text; left out"
                )
        elif name == "revised" and value != 0 and not group.skip:
            self.notices.add("had tracked changes; shown as the final text")
        elif name == "tab" and group.listtext:
            pass  # Word's tab between a list number and the text is layout
        elif name == "chftn" and group.footnote:
            self.note_count += 1
            self._emit(f"{self.note_count} ", group)
        elif name == "chftn":
            self.body_marks += 1
            self._emit(str(self.body_marks), group)  # a note's mark in the body, as Word shows it
        elif name == "tab" and group.footnote and self.notes and self.notes[-1].endswith(" "):
            pass  # the tab between a note's number and its text
        elif name in _SPECIAL:
            self._emit(_SPECIAL[name], group)
        return pos

    def _emit(self, text: str, group: _Group) -> None:
        self._flush()
        if text and not group.skip and not group.fonttbl and not group.left_out:
            target = self.notes if group.footnote else self.body
            if text == "\n" and target and target[-1] == "\t":
                target.pop()  # the cell mark before a row end
            target.append(text)

    def _flush(self) -> None:
        if not self.pending:
            return
        raw = bytes(self.pending)
        self.pending.clear()
        self.pending_target.append(raw.decode(self.pending_cp, "replace"))


def _codepage(number: int, fallback: str) -> str:
    name = _CODEPAGES.get(number, f"cp{number}")
    try:
        codecs.lookup(name)
    except LookupError:
        return fallback
    return name


def read_rtf(data: bytes, limits: LoadLimits) -> RtfText:
    """Text of an RTF document: the body, then its footnotes.

    Raises:
        RtfRefused: the groups nest deeper than the limit allows.
    """
    reader = _Reader(data, limits)
    reader.run()
    if reader.open_groups > 1:
        raise RtfRefused(
            "is damaged (it ends inside an unclosed group, so text may be missing); save it again",
            LoadReason.DAMAGED,
        )
    if reader.open_groups == 1:
        reader.notices.add("ends without its closing brace; it may be cut short")
    text = _join_surrogates("".join(reader.body))
    if reader.notes:
        text = text.rstrip("\n") + "\n" + _join_surrogates("".join(reader.notes)).strip("\n")
    return RtfText(text, tuple(sorted(reader.notices)), reader.default_cp)


def _join_surrogates(text: str) -> str:
    """\\uN gives UTF-16 code units: a pair of surrogates is one character beyond the BMP."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
