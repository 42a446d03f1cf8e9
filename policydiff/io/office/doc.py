"""Read the text of a Word 97–2003 binary file (.doc, and WPS Office's .wps in the same format).

The file is an OLE compound file (opened with olefile). Its WordDocument stream starts with the
FIB, which locates the piece table (the CLX in the 0Table/1Table stream): each piece maps a run of
character positions to bytes, cp1252 when compressed and UTF-16LE otherwise. The main story
(``ccpText`` characters) is the body; Word's special characters become lines and tabs, fields keep
only their result, objects are dropped. Footnotes, endnotes and text boxes follow the body, each
in its own block; headers, footers and comments are left out; each choice is recorded as a notice.
Paragraph properties (the PAPX pages) tell a table's row ends from its cell ends and which list
a paragraph is in; automatic numbers are written into the text by docnumbering. A list this
reader cannot render is reported (``numbered``): the caller then has the file converted to RTF by
LibreOffice when it is installed (``convert_to_rtf``), where each number is text.
May import: the standard library, olefile, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Any

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits
from policydiff.io.office.doc_numbering import (
    SPRM_ILVL,
    Numbering,
    NumberingUnknown,
    parse_numbering,
    parse_style_lists,
)


class DocRefused(ReadRefused, ValueError):
    """The file is not a .doc this reader will open; the message completes "<name> …"."""


@dataclass(frozen=True)
class DocText:
    text: str
    notices: tuple[str, ...]
    numbered: bool  # some paragraph has automatic numbering that is not in ``text``


_WORD_IDENT = 0xA5EC
_MIN_NFIB = 0x00C0  # Word 97 writes 0x00C1; Word 6 and 95 (0x0065–0x0068) use another layout
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
_F_OBFUSCATED = 0x8000
_FC_STSH, _FC_CLX, _FC_BTE_PAPX, _FC_PLF_LST, _FC_PLF_LFO = 1, 33, 13, 73, 74  # FibRgFcLcb97
_CCP_NAMES = ("text", "ftn", "hdd", "mcr", "atn", "edn", "txbx", "hdrtxbx")
_FKP_SIZE = 512
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_ILFO = 0x2416, 0x2417, 0x460B
_SPRM_INNER_TTP = 0x244C  # sprmPFInnerTtp: the row end of a nested table
_SPRM_DELETED, _SPRM_INSERTED, _SPRM_VANISH = 0x0800, 0x0801, 0x083C  # tracked changes, hidden text
_FC_BTE_CHPX = 12
# Word's special characters outside fields (\x13 … \x14 … \x15 are handled apart).
_CHAR_MAP = {
    "\r": "\n",  # paragraph mark
    "\x0b": "\n",  # line break
    "\x0c": "\n",  # page or section break
    "\x0e": "\n",  # column break
    "\x1e": "-",  # non-breaking hyphen
    "\x1f": "",  # optional hyphen
    "\xad": "",
}
_DROPPED = frozenset(chr(c) for c in range(0x20)) - {"\t", "\n"}  # object anchors, footnote refs, …

_OTHER_OLE = (
    (
        "EncryptedPackage",
        "is password-protected; remove the password in Word or WPS and try again",
        LoadReason.ENCRYPTED,
    ),
    ("Workbook", "is an Excel workbook, not a Word document; open a Word file", LoadReason.UNSUPPORTED),
    ("Book", "is an Excel workbook, not a Word document; open a Word file", LoadReason.UNSUPPORTED),
    (
        "PowerPoint Document",
        "is a PowerPoint file, not a Word document; open a Word file",
        LoadReason.UNSUPPORTED,
    ),
    (
        "MatOST",
        "is a Microsoft Works file; save it as .docx in Works or Word and try again",
        LoadReason.UNSUPPORTED,
    ),
    (
        "CONTENTS",
        "is a Microsoft Works or Publisher file; save it as .docx and try again",
        LoadReason.UNSUPPORTED,
    ),
)


def read_doc(data: bytes, limits: LoadLimits) -> DocText:
    """Text of a Word 97–2003 binary document.

    Raises:
        DocRefused: the file is damaged, encrypted, of Word 6/95 or not a Word document.
    """
    word, table = _streams(data)
    fib = _Fib.parse(word)
    pieces = _pieces(table, fib, word, limits)
    text = _Text(word, pieces)
    marks = _ParagraphMarks(word, table, fib, limits)
    marks.chars = _CharRuns(word, table, fib, limits)
    numbering = _numbering(table, fib) if marks.numbered or _list_instances(table, fib) > 0 else None
    try:
        blocks, notices = _stories(text, fib, marks, numbering)
    except NumberingUnknown:  # a format this reader does not write: the caller falls back
        numbering = None
        blocks, notices = _stories(text, fib, marks, None)
    numbered = (marks.numbered or _list_instances(table, fib) > 0) and numbering is None
    notices = [*marks.chars.notices(), *notices]
    return DocText("\n".join(b for b in blocks if b), tuple(notices), numbered)


def _stories(
    text: _Text, fib: _Fib, marks: _ParagraphMarks, numbering: _Lists | None
) -> tuple[list[str], list[str]]:
    """The body, then footnotes, endnotes and text boxes; what is left out goes into notices."""
    stories = fib.stories()
    body_end = stories["text"]
    # A note's mark stays in the body where Word shows it, numbered in order, when the file has
    # one kind of notes (footnotes or endnotes): a mark does not say which kind it is.
    one_kind = (stories.get("ftn", 0) > 0) != (stories.get("edn", 0) > 0)
    body = _render(text, 0, body_end, marks, numbering=numbering, body_marks=one_kind)
    notices: list[str] = []
    blocks = [body]
    start = body_end
    for name in _CCP_NAMES[1:]:
        end = start + stories[name]
        if end > start:
            story = _render(text, start, end, marks, notes=name in ("ftn", "edn"), numbering=numbering)
            story = story.strip("\n")
            _add_story(name, story, blocks, notices)
        start = end
    return blocks, notices


@dataclass
class _Lists:
    numbering: Numbering
    styles: dict[int, tuple[int, int]]


def _numbering(table: bytes, fib: _Fib) -> _Lists | None:
    """The file's list definitions and its styles' lists, or None when they cannot be rendered."""
    if len(fib.fc_lcb) <= _FC_PLF_LFO:
        return None
    try:
        numbering = parse_numbering(table, fib.fc_lcb[_FC_PLF_LST], fib.fc_lcb[_FC_PLF_LFO])
        return _Lists(numbering, parse_style_lists(table, *fib.fc_lcb[_FC_STSH], _sprms))
    except NumberingUnknown:
        return None


def _list_instances(table: bytes, fib: _Fib) -> int:
    """How many list instances (LFOs) the file defines: numbering a style may apply, too."""
    if len(fib.fc_lcb) <= _FC_PLF_LFO:
        return 0
    fc, lcb = fib.fc_lcb[_FC_PLF_LFO]
    if lcb < 4 or fc + 4 > len(table):
        return 0
    count: int = struct.unpack_from("<i", table, fc)[0]
    return max(0, count)


def _add_story(name: str, story: str, blocks: list[str], notices: list[str]) -> None:
    if not story.strip():
        return
    if name in ("ftn", "edn", "txbx"):
        what = {"ftn": "footnotes", "edn": "endnotes", "txbx": "text boxes"}[name]
        blocks.append(story)
        notices.append(f"had {what}; shown after the body")
    elif name in ("hdd", "hdrtxbx"):
        if "page headers and footers left out" not in notices:
            notices.append("page headers and footers left out")
    elif name == "atn":
        notices.append("had comments; left out")


def _streams(data: bytes) -> tuple[bytes, bytes]:
    """The WordDocument and table streams, every stream size checked against the file's size."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError and others on damaged headers and FATs
        raise DocRefused(
            "is damaged (not a readable Word 97-2003 file); save it again as .docx", LoadReason.DAMAGED
        ) from exc
    with ole:
        for stream, message, reason in _OTHER_OLE:
            if ole.exists(stream) and not ole.exists("WordDocument"):
                raise DocRefused(message, reason)
        if not ole.exists("WordDocument"):
            raise DocRefused(
                "is an OLE file but not a Word document (no WordDocument stream); open a Word file",
                LoadReason.UNSUPPORTED,
            )
        used: dict[bool, set[int]] = {True: set(), False: set()}  # sectors taken, by mini/regular
        word = _stream(ole, "WordDocument", len(data), used)
        if len(word) < 0x200:
            raise DocRefused(
                "is damaged (its Word header is cut short); save it again as .docx", LoadReason.DAMAGED
            )
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
            raise DocRefused(
                "is password-protected; remove the password in Word or WPS and try again",
                LoadReason.ENCRYPTED,
            )
        name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        ident, nfib = struct.unpack_from("<HH", word, 0)
        if ident != _WORD_IDENT or nfib < _MIN_NFIB:
            raise DocRefused(
                "is a Word 6/95 or older document, which is not read; "
                "open it in Word or WPS and save it as .docx",
                LoadReason.UNSUPPORTED,
            )
        if not ole.exists(name):
            raise DocRefused(
                f"is damaged (its {name} stream is missing); save it again as .docx",
                LoadReason.DAMAGED,
                part=name,
            )
        return word, _stream(ole, name, len(data), used)


def _stream(ole: Any, name: str, file_size: int, used: dict[bool, set[int]]) -> bytes:
    """One stream, refused when it claims more bytes than the whole file holds or its sector
    chain loops, leaves the file or crosses another stream's (a damaged or crafted FAT)."""
    try:
        size = ole.get_size(name)
        if size > file_size:
            raise DocRefused(
                f"is damaged (its {name} stream claims {size:,} bytes); save it again as .docx",
                LoadReason.DAMAGED,
                part=name,
            )
        with ole.openstream(name) as stream:
            data: bytes = stream.read(size)
        _check_chain(ole, ole._find(name), size, name, used)
    except DocRefused:
        raise
    except Exception as exc:  # a sector chain that leaves the file, loops or ends early
        raise DocRefused(
            f"is damaged (its {name} stream cannot be read); save it again as .docx",
            LoadReason.DAMAGED,
            part=name,
        ) from exc
    if len(data) != size:
        raise DocRefused(
            f"is damaged (its {name} stream is cut short); save it again as .docx",
            LoadReason.DAMAGED,
            part=name,
        )
    return data


def _check_chain(ole: Any, sid: int, size: int, name: str, used: dict[bool, set[int]]) -> None:
    """Walk a stream's sector chain once: every sector new, inside the table, enough of them."""
    mini = size < ole.minisectorcutoff
    table = ole.minifat if mini else ole.fat
    sector_size = ole.minisectorsize if mini else ole.sectorsize
    if table is None:
        raise DocRefused(
            f"is damaged (the sector table of its {name} stream is missing); save it again",
            LoadReason.DAMAGED,
            part=name,
        )
    taken = used[mini]
    sector = ole.direntries[sid].isectStart
    for _ in range(-(-size // sector_size)):
        if sector >= len(table) or sector in taken:
            raise DocRefused(
                f"is damaged (the sector chain of its {name} stream loops or breaks); save it again as .docx",
                LoadReason.DAMAGED,
                part=name,
            )
        taken.add(sector)
        sector = table[sector]


@dataclass(frozen=True)
class _Fib:
    ccp: tuple[int, ...]
    fc_lcb: tuple[tuple[int, int], ...]

    @classmethod
    def parse(cls, word: bytes) -> _Fib:
        """The story lengths (FibRgLw97) and the (offset, size) pairs (FibRgFcLcb) of the FIB."""
        try:
            csw = struct.unpack_from("<H", word, 32)[0]
            lw_at = 34 + 2 * csw
            cslw = struct.unpack_from("<H", word, lw_at)[0]
            longs = struct.unpack_from(f"<{cslw}i", word, lw_at + 2)
            fc_at = lw_at + 2 + 4 * cslw
            count = struct.unpack_from("<H", word, fc_at)[0]
            pairs = struct.unpack_from(f"<{2 * count}I", word, fc_at + 2)
        except struct.error as exc:
            raise DocRefused(
                "is damaged (its Word header is cut short); save it again as .docx", LoadReason.DAMAGED
            ) from exc
        if cslw < 11 or count <= _FC_CLX:
            raise DocRefused(
                "is damaged (its Word header is incomplete); save it again as .docx", LoadReason.DAMAGED
            )
        ccp = (longs[3], longs[4], longs[5], longs[6], longs[7], longs[8], longs[9], longs[10])
        if any(c < 0 or c > len(word) for c in ccp):
            raise DocRefused(
                "is damaged (its Word header gives impossible lengths); save it again as .docx",
                LoadReason.DAMAGED,
            )
        return cls(ccp, tuple(zip(pairs[0::2], pairs[1::2], strict=True)))

    def stories(self) -> dict[str, int]:
        return dict(zip(_CCP_NAMES, self.ccp, strict=True))

    def total(self) -> int:
        rest = sum(self.ccp[1:])
        return self.ccp[0] + rest + (1 if rest else 0)


@dataclass(frozen=True)
class _Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the first character in the WordDocument stream
    compressed: bool


def _pieces(table: bytes, fib: _Fib, word: bytes, limits: LoadLimits) -> list[_Piece]:
    """The piece table (PlcPcd inside the CLX), checked against the streams it points into."""
    fc, lcb = fib.fc_lcb[_FC_CLX]
    clx = table[fc : fc + lcb]
    if lcb == 0 or len(clx) != lcb:
        raise DocRefused(
            "is damaged (its piece table is missing); save it again as .docx", LoadReason.DAMAGED
        )
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: grpprl blocks before the piece table
        if pos + 3 > len(clx):
            break
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise DocRefused(
            "is damaged (its piece table cannot be found); save it again as .docx", LoadReason.DAMAGED
        )
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5 : pos + 5 + size]
    count = (len(plc) - 4) // 12
    if len(plc) != size or count < 1 or (size - 4) % 12:
        raise DocRefused(
            "is damaged (its piece table is cut short); save it again as .docx", LoadReason.DAMAGED
        )
    if count > limits.doc_max_pieces:
        raise DocRefused(
            f"has more than {limits.doc_max_pieces:,} text pieces; save it again as .docx",
            LoadReason.TOO_COMPLEX,
            limit=f"{limits.doc_max_pieces:,}",
        )
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for i in range(count):
        raw_fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        compressed = bool(raw_fc & 0x40000000)
        offset = (raw_fc & 0x3FFFFFFF) // 2 if compressed else raw_fc & 0x3FFFFFFF
        start, end = cps[i], cps[i + 1]
        nbytes = (end - start) * (1 if compressed else 2)
        if end < start or offset + nbytes > len(word):
            raise DocRefused(
                "is damaged (a text piece points outside the file); save it again as .docx",
                LoadReason.DAMAGED,
            )
        pieces.append(_Piece(start, end, offset, compressed))
    return pieces


class _Text:
    """Characters by position, read from the pieces without copying the whole stream twice."""

    def __init__(self, word: bytes, pieces: list[_Piece]) -> None:
        self.word = word
        self.pieces = pieces

    def chars(self, start: int, end: int) -> list[tuple[str, int]]:
        """(character, byte offset of it in WordDocument) for each position in [start, end)."""
        out: list[tuple[str, int]] = []
        for piece in self.pieces:
            lo, hi = max(start, piece.cp_start), min(end, piece.cp_end)
            if lo >= hi:
                continue
            width = 1 if piece.compressed else 2
            first = piece.fc + (lo - piece.cp_start) * width
            raw = self.word[first : first + (hi - lo) * width]
            text = _decode_compressed(raw) if piece.compressed else raw.decode("utf-16-le", "replace")
            if len(text) != hi - lo:  # lone surrogates decode as one character per code unit
                text = text.ljust(hi - lo, "\ufffd")[: hi - lo]
            out.extend((ch, first + k * width) for k, ch in enumerate(text))
        return out


def _decode_compressed(raw: bytes) -> str:
    """Compressed pieces are cp1252; its five unassigned bytes keep their Latin-1 meaning."""
    text = raw.decode("cp1252", "replace")
    if "\ufffd" not in text:
        return text
    return "".join(raw[i : i + 1].decode("latin-1") if c == "\ufffd" else c for i, c in enumerate(text))


def _fkp_pages(table: bytes, fc: int, lcb: int, limits: LoadLimits) -> tuple[int, ...]:
    """The property pages a bin table (PlcBteChpx / PlcBtePapx) names; () when it is absent or cut."""
    plc = table[fc : fc + lcb]
    count = (len(plc) - 4) // 8
    if count < 1 or len(plc) != lcb:
        return ()
    if count > limits.doc_max_fkp_pages:
        raise DocRefused(
            f"has more than {limits.doc_max_fkp_pages:,} property pages; save it again as .docx",
            LoadReason.TOO_COMPLEX,
            limit=f"{limits.doc_max_fkp_pages:,}",
        )
    return struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))


class _CharRuns:
    """Character properties that decide whether text is seen: tracked deletions, hidden text."""

    def __init__(self, word: bytes, table: bytes, fib: _Fib, limits: LoadLimits) -> None:
        self.runs: list[tuple[int, int, bool]] = []  # (fc start, fc end, left out)
        self.deleted = self.inserted = self.hidden = False
        if len(fib.fc_lcb) <= _FC_BTE_CHPX:
            return
        for pn in _fkp_pages(table, *fib.fc_lcb[_FC_BTE_CHPX], limits):
            self._read_fkp(word, (pn & 0x3FFFFF) * _FKP_SIZE)
        self.runs = sorted(r for r in self.runs if r[2])
        self.starts = [r[0] for r in self.runs]

    def _read_fkp(self, word: bytes, at: int) -> None:
        page = word[at : at + _FKP_SIZE]
        if len(page) != _FKP_SIZE:
            raise DocRefused(
                "is damaged (a character-property page lies outside the file); save it again as .docx",
                LoadReason.DAMAGED,
            )
        crun = page[511]
        if 4 * (crun + 1) + crun > 511:
            raise DocRefused(
                "is damaged (a character-property page is malformed); save it again as .docx",
                LoadReason.DAMAGED,
            )
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = page[4 * (crun + 1) + i] * 2
            if not offset or offset >= 511:
                continue
            grpprl = page[offset + 1 : offset + 1 + page[offset]]
            left_out = False
            for sprm, operand in _sprms(grpprl):
                on = operand[:1] in (b"\x01", b"\x81")
                if sprm == _SPRM_DELETED and on:
                    self.deleted = left_out = True
                elif sprm == _SPRM_VANISH and on:
                    self.hidden = left_out = True
                elif sprm == _SPRM_INSERTED and on:
                    self.inserted = True
            self.runs.append((fcs[i], fcs[i + 1], left_out))

    def left_out(self, fc: int) -> bool:
        from bisect import bisect_right

        if not self.runs:
            return False
        i = bisect_right(self.starts, fc) - 1
        return i >= 0 and self.runs[i][0] <= fc < self.runs[i][1]

    def notices(self) -> list[str]:
        out = []
        if self.deleted or self.inserted:
            out.append("had tracked changes; shown as the final text")
        if self.hidden:
            out.append("had hidden text; left out")
        return out


class _ParagraphMarks:
    """Paragraph properties that matter for text: table row ends, and automatic numbering."""

    def __init__(self, word: bytes, table: bytes, fib: _Fib, limits: LoadLimits) -> None:
        # (fc start, fc end, is a table row end, style, list instance, list level); None: not set
        self.runs: list[tuple[int, int, bool, int, int | None, int | None]] = []
        self.numbered = False
        self.chars: _CharRuns | None = None  # set by the caller once read
        if len(fib.fc_lcb) <= _FC_BTE_PAPX:
            return
        for pn in _fkp_pages(table, *fib.fc_lcb[_FC_BTE_PAPX], limits):
            self._read_fkp(word, (pn & 0x3FFFFF) * _FKP_SIZE)
        self.runs.sort()
        self.starts = [r[0] for r in self.runs]

    def _read_fkp(self, word: bytes, at: int) -> None:
        page = word[at : at + _FKP_SIZE]
        if len(page) != _FKP_SIZE:
            raise DocRefused(
                "is damaged (a paragraph-property page lies outside the file); save it again as .docx",
                LoadReason.DAMAGED,
            )
        crun = page[511]
        if 4 * (crun + 1) + 13 * crun > 511:
            raise DocRefused(
                "is damaged (a paragraph-property page is malformed); save it again as .docx",
                LoadReason.DAMAGED,
            )
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = page[4 * (crun + 1) + 13 * i] * 2
            props = self._papx(page, offset) if offset else (False, 0, None, None)
            self.runs.append((fcs[i], fcs[i + 1], *props))

    def _papx(self, page: bytes, offset: int) -> tuple[bool, int, int | None, int | None]:
        """A PapxInFkp: table row end, style, and the list instance and level set directly."""
        cb = page[offset]
        start = offset + 1
        if cb == 0:
            cb = page[offset + 1] * 2 if offset + 1 < len(page) else 0
            start = offset + 2
        else:
            cb = 2 * cb - 1
        istd = struct.unpack_from("<H", page, start)[0] if start + 2 <= len(page) else 0
        grpprl = page[start + 2 : min(start + cb, len(page))]  # after the style index
        row_end = False
        ilfo = ilvl = None
        for sprm, operand in _sprms(grpprl):
            if sprm in (_SPRM_TTP, _SPRM_INNER_TTP) and operand[:1] not in (b"", b"\x00"):
                row_end = True
            elif sprm == _SPRM_ILFO and len(operand) == 2:
                ilfo = struct.unpack_from("<h", operand)[0]
                self.numbered = self.numbered or ilfo != 0
            elif sprm == SPRM_ILVL and operand:
                ilvl = operand[0]
        return row_end, istd, ilfo, ilvl

    def _run(self, fc: int) -> tuple[int, int, bool, int, int | None, int | None] | None:
        from bisect import bisect_right

        if not self.runs:
            return None
        i = bisect_right(self.starts, fc) - 1
        return self.runs[i] if i >= 0 and self.runs[i][0] <= fc < self.runs[i][1] else None

    def row_end(self, fc: int) -> bool:
        run = self._run(fc)
        return run is not None and run[2]

    def list_of(self, fc: int, styles: dict[int, tuple[int, int]]) -> tuple[int, int]:
        """(list instance, level) of the paragraph whose mark is at ``fc``; instance 0: none."""
        run = self._run(fc)
        if run is None:
            return 0, 0
        _, _, _, istd, ilfo, ilvl = run
        style_lfo, style_lvl = styles.get(istd, (0, 0))
        lfo = style_lfo if ilfo is None else ilfo
        return (lfo if 0 < lfo < 0x07FF else 0), (style_lvl if ilvl is None else ilvl)


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """Split a grpprl into (sprm, operand) pairs; the operand size comes from the sprm's spra bits."""
    out = []
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        else:  # variable: a size byte (two for sprmTDefTable / sprmPChgTabs with 255)
            if pos >= len(grpprl):
                break
            if sprm == 0xD608:
                if pos + 2 > len(grpprl):
                    break
                size = struct.unpack_from("<H", grpprl, pos)[0] - 1
                pos += 2
            else:
                size = grpprl[pos]
                pos += 1
        out.append((sprm, grpprl[pos : pos + size]))
        pos += size
    return out


def _render(
    text: _Text,
    start: int,
    end: int,
    marks: _ParagraphMarks,
    notes: bool = False,
    numbering: _Lists | None = None,
    body_marks: bool = False,
) -> str:
    """A story as lines: fields keep their result, cells become tabs, row ends line breaks.

    In a footnote or endnote story (``notes``) each note's automatic mark becomes its number,
    so a note reads "1 text"; in the body (``body_marks``) each mark becomes its number too.
    """
    out: list[str] = []
    note = 0
    fields: list[bool] = []  # per open field: True once its result (after \x14) has begun
    chars = text.chars(start, end)
    unclosed = _unclosed_fields(chars)
    labels = _labels(chars, marks, numbering) if numbering is not None else {}
    seen = marks.chars
    for index, (ch, fc) in enumerate(chars):
        if seen is not None and seen.runs and seen.left_out(fc):
            continue  # deleted by a tracked change, or hidden
        if index in labels:
            out.append(labels[index])
        if ch == "\x13":
            if index not in unclosed:
                fields.append(False)
            continue
        if ch == "\x14":
            if fields:
                fields[-1] = True
            continue
        if ch == "\x15":
            if fields:
                fields.pop()
            continue
        if fields and not all(fields):
            continue  # a field instruction
        if ch == "\x07":
            if marks.row_end(fc):
                if out and out[-1] == "\t":
                    out.pop()
                out.append("\n")
            else:
                out.append("\t")
            continue
        if notes and ch == "\x02":
            note += 1
            out.append(f"{note} ")
            continue
        if body_marks and ch == "\x02":
            note += 1
            out.append(str(note))
            continue
        if notes and ch == "\t" and out and out[-1].endswith(" "):
            continue  # the tab Word puts between a note's number and its text
        mapped = _CHAR_MAP.get(ch)
        if mapped is not None:
            out.append(mapped)
        elif ch not in _DROPPED:
            out.append(ch)
    return "".join(out)


def _unclosed_fields(chars: list[tuple[str, int]]) -> set[int]:
    """Positions of field starts (\x13) that no \x15 ever closes in the story.

    Word ends such a field nowhere, so taking what follows for its hidden instruction would
    swallow the rest of the document; an unclosed start is ignored instead and its text shown.
    """
    open_at: list[int] = []
    for index, (ch, _) in enumerate(chars):
        if ch == "\x13":
            open_at.append(index)
        elif ch == "\x15" and open_at:
            open_at.pop()
    return set(open_at)


def soffice_program() -> str | None:
    """The LibreOffice program, if installed (``soffice`` or ``libreoffice`` on the PATH)."""
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_rtf(data: bytes, limits: LoadLimits) -> bytes | None:
    """The file converted to RTF by LibreOffice, or None when it is missing, fails or times out.

    RTF, because LibreOffice writes each automatic number there as text (``\\listtext``) for
    readers without a numbering engine, which the RTF reader keeps.

    The input is copied into a private temporary folder (the user's file is never touched) and a
    throw-away LibreOffice profile is used, so a running LibreOffice neither blocks nor changes.
    """
    import subprocess
    import tempfile
    from pathlib import Path

    program = soffice_program()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="policydiff-doc-") as folder:
        work = Path(folder)
        source = work / "document.doc"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "rtf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, so a timeout ends all of it
            )
        except OSError:
            return None
        try:
            process.wait(timeout=limits.soffice_timeout_s)
        except subprocess.TimeoutExpired:
            _end_group(process)
            return None
        result = work / "out" / "document.rtf"
        if not result.is_file() or result.stat().st_size > limits.max_bytes:
            return None
        return result.read_bytes()


def _end_group(process: object) -> None:
    """End a conversion that ran past its time, with every process it started."""
    import os
    import signal
    import subprocess

    assert isinstance(process, subprocess.Popen)
    killpg = getattr(os, "killpg", None)  # POSIX; on Windows only the process itself is ended
    try:
        if killpg is None:
            raise OSError
        killpg(process.pid, signal.SIGKILL)
    except OSError:
        process.kill()
    process.wait()


def _labels(chars: list[tuple[str, int]], marks: _ParagraphMarks, lists: _Lists) -> dict[int, str]:
    """The automatic number of each numbered paragraph, by the index of its first character.

    Raises:
        NumberingUnknown: a number format or list this reader does not render.
    """
    labels: dict[int, str] = {}
    first = 0
    room = len(chars)  # labels never outweigh the text they number: a crafted file might
    for index, (ch, fc) in enumerate(chars):
        if ch in "\r\x07":
            ilfo, ilvl = marks.list_of(fc, lists.styles)
            if ilfo and not (ch == "\x07" and marks.row_end(fc)):
                label = lists.numbering.label(ilfo, ilvl)
                room -= len(label)
                if room < 0:
                    raise NumberingUnknown("the automatic numbers outweigh the text")
                if label:
                    labels[first] = label
            first = index + 1
    return labels
