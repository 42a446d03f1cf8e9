"""Measure a PDF's content streams before PDFium parses them, so a decompression bomb is refused.

PDFium inflates a page's whole content in memory and has no limit of its own: a few KB of nested
Flate can ask for gigabytes, and thousands of pages can share one huge stream. This scan reads the
file's stream objects itself, inflates each (in bounded steps, never holding more than a chunk),
and adds up what every page's /Contents asks for, refusing past the limits in LoadLimits. Images
and embedded fonts are not parsed for text, so they are not counted.
May import: the standard library, policydiff.io.limits, policydiff.errors.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterator

from policydiff.errors import LoadReason
from policydiff.io.limits import MB, LoadLimits

_OBJ = re.compile(rb"(\d{1,10})[ \t\r\n\f\x00]{1,20}\d{1,5}[ \t\r\n\f\x00]{1,20}obj\b")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter[ \t\r\n]{0,20}(\[[^\]]{0,512}\]|/[A-Za-z0-9]{1,40})")
_NAME = re.compile(rb"/([A-Za-z0-9]{1,40})")
_SKIP = re.compile(rb"/Subtype[ \t\r\n]{0,20}/(?:Image|Type1C|CIDFontType0C|OpenType)\b|/Length[123]\b")
_OBJSTM = re.compile(rb"/Type[ \t\r\n]{0,20}/ObjStm\b")
_CONTENTS = re.compile(
    rb"/Contents[ \t\r\n]{0,20}(?:(\d{1,10})[ \t\r\n]{1,20}\d{1,5}[ \t\r\n]{1,20}R|\[([^\]]{0,1000000})\])"
)
_REF = re.compile(rb"(\d{1,10})[ \t\r\n]{1,20}\d{1,5}[ \t\r\n]{1,20}R")
_FLATE = frozenset({b"FlateDecode", b"Fl"})
_CHUNK = 64 * 1024
_DICT_WINDOW = 64 * 1024


class PdfTooLarge(ValueError):
    """Raised by check_streams; the message completes "<name> …"."""


def check_streams(data: bytes, limits: LoadLimits) -> None:
    """Refuse a PDF whose pages would make PDFium inflate more content than the limits allow.

    Raises:
        PdfTooLarge (a PdfRefused): a stream, a page or all pages together exceed the limits.
    """
    headers = [(m.start(), int(m.group(1))) for m in _OBJ.finditer(data)]
    starts = [pos for pos, _num in headers]
    sizes: dict[int, int] = {}
    texts: list[bytes] = [data]
    total = 0
    for match in _STREAM.finditer(data):
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < 0:
            continue
        head = data[max(starts[i], match.start() - _DICT_WINDOW) : match.start()]
        if _SKIP.search(head):
            continue
        layers = _flate_layers(head)
        if layers is None:
            continue
        keep = _OBJSTM.search(head) is not None
        size, text = _inflated(data, match.end(), layers, limits.pdf_max_stream, keep)
        if size > limits.pdf_max_stream:
            raise _refuse(
                f"has a content stream that decodes to more than {_mb(limits.pdf_max_stream)}",
                limits.pdf_max_stream,
            )
        sizes[headers[i][1]] = size
        total += size
        if text is not None:
            texts.append(text)
    pages_total = 0
    for text in texts:
        for match in _CONTENTS.finditer(text):
            refs = [match.group(1)] if match.group(1) else _REF.findall(match.group(2) or b"")
            page = sum(sizes.get(int(ref), 0) for ref in refs)
            if page > limits.pdf_max_page_content:
                raise _refuse(
                    f"has a page whose content decodes to more than {_mb(limits.pdf_max_page_content)}",
                    limits.pdf_max_page_content,
                )
            pages_total += page
            if pages_total > limits.pdf_max_content:
                raise _refuse(
                    f"has pages whose content decodes to more than {_mb(limits.pdf_max_content)}",
                    limits.pdf_max_content,
                )
    if total > limits.pdf_max_content:
        raise _refuse(
            f"has content streams that decode to more than {_mb(limits.pdf_max_content)}",
            limits.pdf_max_content,
        )


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB (the PDF content limit); it may be a decompression bomb, or split it"


def _refuse(message: str, limit: int) -> ValueError:
    from policydiff.io.pdf.text import PdfRefused

    return PdfRefused(message, LoadReason.TOO_COMPLEX, limit=_mb(limit))


def _flate_layers(head: bytes) -> int | None:
    """How many Flate filters a stream has, or None when it has another filter (not measured)."""
    found = _FILTER.search(head)
    if found is None:
        return 0
    names = _NAME.findall(found.group(1))
    if not names or any(name not in _FLATE for name in names):
        return None
    return len(names)


def _inflated(data: bytes, start: int, layers: int, cap: int, keep: bool) -> tuple[int, bytes | None]:
    """Decoded size of the stream at ``start`` (stopping past ``cap``), and its text if ``keep``."""
    if layers == 0:
        end = data.find(b"endstream", start)
        size = (len(data) if end < 0 else end) - start
        return size, data[start : start + min(size, cap)] if keep else None
    decoders = [zlib.decompressobj() for _ in range(layers)]
    chunks: Iterator[bytes] = (data[i : i + _CHUNK] for i in range(start, len(data), _CHUNK))
    for decoder in decoders:
        chunks = _drain(decoder, chunks)  # lazy: each layer pulls one bounded chunk at a time
    kept: list[bytes] = []
    size = 0
    try:
        for chunk in chunks:
            size += len(chunk)
            if keep:
                kept.append(chunk)
            if size > cap:
                return size, None
    except zlib.error:
        pass  # damaged or encrypted: measured as far as it inflates, PDFium decides the rest
    return size, b"".join(kept) if keep else None


def _drain(decoder: zlib._Decompress, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Inflate chunks in bounded steps, so no single call returns more than one chunk's worth."""
    for chunk in chunks:
        if decoder.eof:
            return
        out = decoder.decompress(chunk, _CHUNK)
        if out:
            yield out
        while decoder.unconsumed_tail and not decoder.eof:
            yield decoder.decompress(decoder.unconsumed_tail, _CHUNK)
