"""The readers, one per format, and the lookup that picks one by what a file's content looks like.

Every reader answers the same two questions: does this file look like mine (``claims``, on the
sniffed kind, the extension and, for text, the decoded text), and what text does it hold
(``read``, one ``ReadResult``). ``load_document`` looks the reader up in ``READERS``, in order,
instead of branching on formats; a new format is one class and one line in that tuple. Each
reader imports its format's module only when it reads, so a plain-text comparison never pays
for PDFium or lxml.

May import: the standard library, policydiff.errors, policydiff.io (its format modules lazily;
policydiff.io.paragraphs for the line breaks a page's width made).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, ClassVar, TypeVar

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits
from policydiff.io.paragraphs import join_wrapped, joined_notice
from policydiff.io.sniff import Kind
from policydiff.io.text import Decoded, NotText, decode, normalize_text
from policydiff.model import OcrInfo

if TYPE_CHECKING:
    from policydiff.io.scan.read import Partial, Recogniser

OPEN_OTHER = "open a txt, html, md, docx, odt, pdf, doc, rtf, mht or ofd file"
_HTML_EXTS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MHT_EXTS = frozenset({".mht", ".mhtml"})
_MD_EXTS = frozenset({".md", ".markdown", ".mdown"})


class Emptiness(Enum):
    """What to tell the user when a read leaves no text."""

    EMPTY = "is empty; choose a file with text in it"
    MARKUP_ONLY = "has no readable text, only markup; open it in a browser and save it as text"
    NO_OCR_TEXT = "shows no text that OCR could recognise; check the image or open a text version"


@dataclass(frozen=True)
class ReadResult:
    """What every reader returns: the document's text (line ends already ``\\n``) and how it was read."""

    format: str
    text: str
    encoding: str | None = None
    notices: tuple[str, ...] = ()
    if_empty: Emptiness = Emptiness.EMPTY
    ocr: OcrInfo | None = None  # set when some text was recognised from page images


@dataclass
class Probe:
    """A file's bytes and what is known of them before a reader is chosen.

    The decoded text is worked out once, on the first reader that asks for it.
    """

    data: bytes
    kind: Kind
    what: str
    ext: str
    limits: LoadLimits
    progress: Callable[[int, int], None] | None = None  # pages recognised by OCR, of how many
    cancelled: Callable[[], bool] | None = None  # polled while pages are recognised
    partial: Partial | None = None  # given a scan's pages read so far, after each page
    recogniser: Recogniser | None = None  # reads scanned pages instead of the on-device engine
    _decoded: Decoded | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)

    def decoded(self) -> Decoded:
        """The bytes as text (any Chinese encoding); raises a refusal when they are not text."""
        if self._decoded is None:
            try:
                self._decoded = decode(self.data, self.limits)
            except NotText as exc:
                raise _not_text(self.ext, exc) from exc
        return self._decoded

    def text(self) -> str:
        if self._text is None:
            self._text = normalize_text(self.decoded().text)
        return self._text


_Read = TypeVar("_Read")


def _with_pages_read(read: Callable[..., _Read], probe: Probe) -> _Read:
    """Call a reader whose pages may be recognised by OCR with what the probe carries for it:
    progress per page, cancel, the pages read so far, the recogniser."""
    return read(
        probe.data,
        probe.limits,
        probe.progress,
        probe.cancelled,
        partial=probe.partial,
        recogniser=probe.recogniser,
    )


class Refusal(ReadRefused):
    """A file no reader takes, worded for the user (the loader prefixes its name)."""


def _not_text(ext: str, exc: NotText) -> Refusal:
    if ext == ".wps":
        return Refusal(
            "is an old Kingsoft WPS file (before WPS 2005), which is not read; "
            "open it in WPS Office and save it as .docx",
            LoadReason.UNSUPPORTED,
        )
    reason = LoadReason.NOT_TEXT if exc.binary else LoadReason.UNKNOWN_ENCODING
    return Refusal(f"is not a text document (binary data); {OPEN_OTHER}", reason)


class Reader:
    """One format: whether a file is of it, and its text."""

    format: ClassVar[str]

    def claims(self, probe: Probe) -> bool:
        raise NotImplementedError

    def read(self, probe: Probe) -> ReadResult:
        raise NotImplementedError


class PdfReader(Reader):
    format = "pdf"

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.PDF

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.pdf.text import read_pdf_text

        pdf = _with_pages_read(read_pdf_text, probe)
        loaded = normalize_text(pdf.text)
        text, joined = join_wrapped(loaded)  # lines the layout could not join
        ocr = pdf.ocr
        if ocr is not None and text != loaded:
            from policydiff.io.scan.read import moved_spans

            ocr = replace(ocr, uncertain=moved_spans(loaded, text, ocr.uncertain))
        return ReadResult(self.format, text, notices=(*pdf.notices, *_joined(joined)), ocr=ocr)


class OfdReader(Reader):
    format = "ofd"

    def claims(self, probe: Probe) -> bool:
        if probe.kind != Kind.ZIP:
            return False
        from policydiff.io.ofd import is_ofd

        return probe.ext == ".ofd" or is_ofd(probe.data)

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.ofd import read_ofd

        ofd = read_ofd(probe.data, probe.limits)
        return ReadResult(self.format, normalize_text(ofd.text), notices=ofd.notices)


class OfficeReader(Reader):
    """.docx and .odt: the zip's parts decide which."""

    format = "docx"

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.ZIP

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.office.zipped import read_office

        fmt, office = read_office(probe.data, probe.limits)
        return ReadResult(fmt, normalize_text(office.text), notices=office.notices)


class DocReader(Reader):
    """Word 97–2003 (.doc/.wps); automatic numbering read through LibreOffice where it is installed."""

    format = "doc"

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.OLE

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.office.doc import convert_to_rtf, read_doc
        from policydiff.io.office.rtf import RtfRefused, read_rtf

        doc = read_doc(probe.data, probe.limits)
        if not doc.numbered:
            return ReadResult(self.format, normalize_text(doc.text), notices=doc.notices)
        converted = convert_to_rtf(probe.data, probe.limits)
        if converted is not None:
            try:
                rtf = read_rtf(converted, probe.limits)
            except RtfRefused:
                pass  # keep the file's own text, with the notice below
            else:
                notice = "automatic numbering read by converting the file with LibreOffice"
                return ReadResult(self.format, normalize_text(rtf.text), notices=(*rtf.notices, notice))
        missing = (
            "has automatic numbering that could not be read, so its article numbers are missing; "
            "install LibreOffice (soffice) or save it as .docx"
        )
        return ReadResult(self.format, normalize_text(doc.text), notices=(*doc.notices, missing))


class RtfReader(Reader):
    format = "rtf"

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.RTF

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.office.rtf import read_rtf

        rtf = read_rtf(probe.data, probe.limits)
        return ReadResult(self.format, normalize_text(rtf.text), rtf.encoding, rtf.notices)


class MhtReader(Reader):
    """A MIME web archive, also one named .mht whose headers sniffing missed."""

    format = "mht"

    def claims(self, probe: Probe) -> bool:
        if probe.kind == Kind.MHT:
            return True
        if probe.kind != Kind.TEXT or probe.ext not in _MHT_EXTS:
            return False
        from policydiff.io.web.scan import looks_like_html

        return not looks_like_html(probe.text())

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.web.html import read_html
        from policydiff.io.web.mht import read_mht

        mht = read_mht(probe.data, probe.limits)
        if not mht.is_html:
            text = normalize_text(mht.text)
            return ReadResult(self.format, text, mht.encoding, mht.notices, Emptiness.MARKUP_ONLY)
        page = read_html(normalize_text(mht.text))
        notices = (*mht.notices, *page.notices)
        return ReadResult(self.format, page.text, mht.encoding, notices, Emptiness.MARKUP_ONLY)


class ScanReader(Reader):
    """A page image (PNG, JPEG, TIFF with any number of pages): read by OCR with the [ocr] extra."""

    format = "image"
    _FORMATS: ClassVar[dict[str, str]] = {"a PNG image": "png", "a JPEG image": "jpg", "a TIFF image": "tif"}

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.BINARY and probe.what in self._FORMATS

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.scan.read import read_image

        scan = _with_pages_read(read_image, probe)
        return ReadResult(
            self._FORMATS[probe.what],
            normalize_text(scan.text),
            notices=scan.notices,
            if_empty=Emptiness.NO_OCR_TEXT,
            ocr=scan.ocr,
        )


class NotADocument(Reader):
    """Known binary formats (images, archives, programs), and a .pdf without a PDF header: refused."""

    format = "binary"

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.BINARY or (probe.kind == Kind.TEXT and probe.ext == ".pdf")

    def read(self, probe: Probe) -> ReadResult:
        if probe.kind == Kind.BINARY:
            raise Refusal(
                f"is not a text document (it looks like {probe.what}); {OPEN_OTHER}", LoadReason.NOT_TEXT
            )
        raise Refusal(
            "is not a valid PDF (no %PDF header); it may be damaged or misnamed", LoadReason.DAMAGED
        )


class HtmlReader(Reader):
    format = "html"

    def claims(self, probe: Probe) -> bool:
        if probe.kind != Kind.TEXT:
            return False
        from policydiff.io.web.scan import looks_like_html

        return probe.ext in _HTML_EXTS or looks_like_html(probe.text())

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.web.html import read_html

        page = read_html(probe.text())
        notices = ((furniture_notice(page.furniture),) if page.furniture else ()) + page.notices
        encoding = probe.decoded().encoding
        return ReadResult(self.format, page.text, encoding, notices, Emptiness.MARKUP_ONLY)


class MarkdownReader(Reader):
    format = "md"

    def claims(self, probe: Probe) -> bool:
        if probe.kind != Kind.TEXT:
            return False
        from policydiff.io.web.scan import has_front_matter

        return probe.ext in _MD_EXTS or has_front_matter(probe.text())

    def read(self, probe: Probe) -> ReadResult:
        from policydiff.io.web.markdown import md_to_text

        return ReadResult(self.format, md_to_text(probe.text()), probe.decoded().encoding)


class PlainTextReader(Reader):
    format = "txt"

    def claims(self, probe: Probe) -> bool:
        return probe.kind == Kind.TEXT

    def read(self, probe: Probe) -> ReadResult:
        text, joined = join_wrapped(probe.text())  # a hard-wrapped file: its paragraphs as written
        return ReadResult(self.format, text, probe.decoded().encoding, notices=_joined(joined))


FURNITURE_SHOWN = 3  # furniture lines a notice quotes
FURNITURE_QUOTE = 24  # characters of each


def furniture_notice(lines: tuple[str, ...]) -> str:
    """``page furniture left out: 5 lines (您的位置：首页 > 要闻; 发布时间：2024-03-01; …)``."""
    quoted = [line if len(line) <= FURNITURE_QUOTE else line[:FURNITURE_QUOTE] + "…" for line in lines]
    more = "; …" if len(lines) > FURNITURE_SHOWN else ""
    return f"page furniture left out: {len(lines)} lines ({'; '.join(quoted[:FURNITURE_SHOWN])}{more})"


def _joined(count: int) -> tuple[str, ...]:
    return (joined_notice(count),) if count else ()


# In order: the first reader that claims a file reads it.
READERS: tuple[Reader, ...] = (
    PdfReader(),
    OfdReader(),
    OfficeReader(),
    DocReader(),
    RtfReader(),
    MhtReader(),
    ScanReader(),
    NotADocument(),
    HtmlReader(),
    MarkdownReader(),
    PlainTextReader(),
)


def reader_for(probe: Probe) -> Reader:
    """The first reader in ``READERS`` that claims the file (plain text takes every text file)."""
    for reader in READERS:
        if reader.claims(probe):
            return reader
    raise Refusal(f"is not a document policydiff can read; {OPEN_OTHER}", LoadReason.NOT_TEXT)
