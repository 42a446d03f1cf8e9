"""Take the page out of a MIME web archive (.mht/.mhtml, and Word's "Save as Web Page" files).

A web archive is an e-mail-style MIME message: the page is a text/html part (quoted-printable
or base64, in its own charset: gb2312, gbk, big5, utf-8 …) among images and styles. The standard
library's parser splits it; the page's bytes are decoded with the charset the part names (or its
meta tag), and the caller hands the page to the HTML reader. Part count and sizes are checked
before parsing, so an archive of a hundred thousand parts is refused at once.
May import: the standard library, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message

from policydiff.errors import LoadReason, ReadRefused
from policydiff.io.limits import LoadLimits


class MhtRefused(ReadRefused, ValueError):
    """The file is not a web archive this reader will open; the message completes "<name> …"."""


@dataclass(frozen=True)
class MhtText:
    text: str  # the page's HTML, or the archive's plain text
    is_html: bool
    encoding: str
    notices: tuple[str, ...] = ()


# Charsets as labelled, read by the codec that covers what producers really put in them.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "big5": "big5hkscs", "x-big5": "big5hkscs", "ascii": "utf-8", "us-ascii": "utf-8"}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_HEAD_BYTES = 4096


def read_mht(data: bytes, limits: LoadLimits) -> MhtText:
    """The page (or plain text) of a web archive, decoded.

    Raises:
        MhtRefused: too many parts, or no page or text part in it.
    """
    parts = _count_parts(data, limits.mht_max_parts)
    if parts > limits.mht_max_parts:
        raise MhtRefused(
            f"is a web archive of more than {limits.mht_max_parts:,} parts; "
            "open it in a browser and save it as .html",
            LoadReason.TOO_COMPLEX,
            limit=f"{limits.mht_max_parts:,}",
        )
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    page = _start(message) or _first(message, "text/html") or _first(message, "text/plain")
    if page is None:
        raise MhtRefused(
            "is a web archive without a page or text part; open it in a browser and save it as .html",
            LoadReason.NO_TEXT,
        )
    payload = page.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    declared = page.get_content_charset()
    codec, exact = _codec(declared, raw)
    notices: list[str] = []
    if declared and _SUPERSETS.get(declared, declared) != codec:
        notices.append(f"its page is labelled {declared} but is not; read as {codec}")
    if not exact:
        notices.append(f"its page is not valid text in any encoding tried; read as {codec}, bytes replaced")
    text = raw.decode(codec, "replace")
    return MhtText(text, page.get_content_type() == "text/html", codec, tuple(notices))


_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))""", re.IGNORECASE)
_MAX_BOUNDARIES = 1000


def _count_parts(data: bytes, limit: int) -> int:
    """How many parts the archive lays out: the delimiter lines of every boundary it declares
    (a part needs no Content-Type header, so counting those would miss a flood of bare parts)."""
    boundaries = set()
    for match in _BOUNDARY.finditer(data):
        boundaries.add(match.group(1) or match.group(2))
        if len(boundaries) > _MAX_BOUNDARIES:
            return limit + 1  # more nested multiparts than any saved page has
    count = 0
    for boundary in boundaries:
        count += data.count(b"--" + boundary)
        if count > limit:
            break
    return count


def _start(message: Message) -> Message | None:
    """The archive's root part as its start="<cid>" parameter names it (RFC 2387), if it does."""
    start = message.get_param("start") if message.is_multipart() else None
    if not isinstance(start, str) or not start.strip("<> "):
        return None
    wanted = start.strip().strip("<>").strip()
    for part in message.walk():
        cid = (part.get("Content-ID") or part.get("Content-Location") or "").strip().strip("<>").strip()
        if cid == wanted and not part.is_multipart():
            if part.get_content_type() in ("text/html", "text/plain"):
                return part
            return None
    return None


def _first(message: Message, content_type: str) -> Message | None:
    """The first part of that type, in document order (the archive's main page comes first)."""
    for part in message.walk():
        if part.get_content_type() == content_type and not part.is_multipart():
            return part
    return None


def _codec(declared: str | None, raw: bytes) -> tuple[str, bool]:
    """The first of the part's charset, the page's meta charset, UTF-8 and GB18030 in which the
    bytes are valid text (a label is often wrong: GBK pages labelled us-ascii), and whether any
    was; when none is, the first known one, to be decoded with replacement characters."""
    names = [declared] if declared else []
    meta = _META_CHARSET.search(raw[:_HEAD_BYTES])
    if meta:
        names.append(meta.group(1).decode("ascii").lower())
    names += ["utf-8", "gb18030"]
    known: list[str] = []
    for name in names:
        codec = _SUPERSETS.get(name.lower(), name.lower())
        try:
            codecs.lookup(codec)
        except LookupError:
            continue
        known.append(codec)
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec, True
    return known[0], False
