"""Decode the bytes of a text file in whatever encoding Chinese documents come in.

Detectors such as charset-normalizer often mistake a short GBK text for Big5 (both decode
without error), so the order here is: byte-order marks, UTF-16 recognised by its NUL bytes,
strict UTF-8, then the Chinese legacy encodings compared by how many common characters each
decoding yields, and charset-normalizer only as the last resort.
May import: the standard library, charset_normalizer, policydiff.io.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from policydiff.io._common_chars import COMMON_CHARS as _COMMON_HANZI
from policydiff.io.limits import LoadLimits

# Full-width punctuation of Chinese text in either script, common as characters are.
_COMMON_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·％　")
COMMON_CHARS = _COMMON_HANZI | _COMMON_PUNCTUATION

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (BOM, codec used to decode the rest, name recorded); UTF-32 before UTF-16 (FF FE 00 00)
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# C0 control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excluded).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})  # controls, private use, unassigned, surrogates
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")

# A candidate decoding must score at least this to be taken without asking charset-normalizer.
_MIN_SCORE = 0.2
# Legacy-encoded texts with at most this many characters may happen to be valid UTF-8.
_CHANCE_UTF8_CHARS = 16
# Share of replaced or impossible characters above which bytes are not text in that encoding.
_MAX_BAD_SHARE = 0.1


class NotText(ValueError):
    """The bytes are not text in any encoding this module knows.

    ``binary`` tells control bytes (binary data) from text whose encoding nothing recognises.
    """

    def __init__(self, message: str, binary: bool) -> None:
        super().__init__(message)
        self.binary = binary


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def control_share(sample: bytes) -> float:
    """Share of bytes in ``sample`` that are control codes no text file contains."""
    if not sample:
        return 0.0
    return len(sample.translate(None, _NOT_CONTROL)) / len(sample)


def _bad_chars(sample: str) -> int:
    """Characters that mean a wrong decoding: U+FFFD, controls, private use, unassigned."""
    bad = 0
    for ch in sample:
        if ch == "\ufffd":
            bad += 1
        elif ch < "\x80":
            bad += ch < " " and ch not in _TEXT_CONTROLS
        elif unicodedata.category(ch) in _BAD_CATEGORIES:
            bad += 1
    return bad


def score(text: str, limit: int) -> float:
    """How much ``text`` looks like real Chinese: common characters minus impossible ones.

    Scores the first ``limit`` characters; the result is per non-ASCII character, about 0.5-0.9
    for real Chinese text and near or below zero for a wrong decoding.
    """
    sample = text[:limit]
    non_ascii = sum(1 for ch in sample if ch >= "\x80")
    if not non_ascii:
        return 0.0 if _bad_chars(sample) else 1.0
    common = sum(1 for ch in sample if ch in COMMON_CHARS)
    return (common - 3 * _bad_chars(sample)) / non_ascii


def _utf16_by_nuls(data: bytes, limits: LoadLimits) -> Decoded | None:
    """Recognise BOM-less UTF-16 from its NUL bytes (ASCII characters such as newlines and digits).

    The NULs' side does not settle the byte order on its own (一 is U+4E00), so both orders are
    decoded and the one that reads as text wins.
    """
    sample = data[: limits.sniff_bytes & ~1]
    if not sample.count(0):
        return None
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        head = sample.decode(codec, errors="replace")
        if "\x00" in head or _bad_chars(head) > _MAX_BAD_SHARE * len(head):
            continue
        s = score(head, limits.score_chars)
        if s >= _MIN_SCORE and (best is None or s > best[0]):
            best = (s, codec)
    if best is None:
        return None
    return Decoded(data[: len(data) & ~1].decode(best[1], errors="replace"), best[1])


def _maybe_legacy(utf8: str, limits: LoadLimits) -> bool:
    """True for a short valid UTF-8 text that does not read as Chinese ("通知" in GBK is "֪ͨ").

    Legacy bytes form valid UTF-8 by chance only for a handful of characters, so a text with
    more non-ASCII characters than that is taken as UTF-8 without scoring.
    """
    non_ascii = sum(1 for ch in utf8[: _CHANCE_UTF8_CHARS * 4] if ch >= "\x80")
    return 0 < non_ascii <= _CHANCE_UTF8_CHARS and score(utf8, limits.score_chars) < _MIN_SCORE


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, limits: LoadLimits) -> Decoded:
    """Decode a text file's bytes, choosing the encoding as described in the module docstring.

    Args:
        data: the whole file.
        limits: sample sizes and thresholds.

    Returns:
        The decoded text (line endings untouched) and the encoding's name.

    Raises:
        NotText: the bytes are binary data, not text.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, errors="replace"), name)

    utf16 = _utf16_by_nuls(data, limits)
    if utf16 is not None:
        return utf16

    raw, data = data, data.replace(b"\x00", b"")  # stray NULs: dropped before decoding 8-bit text
    # Control bytes rule out UTF-8 and the 8-bit encodings, but not UTF-16 (一 is 00 4E).
    binary = control_share(data[: limits.sniff_bytes]) > limits.max_control_ratio

    utf8 = None if binary else _strict(data, "utf-8")
    if utf8 is not None and not _maybe_legacy(utf8, limits):
        return Decoded(utf8, "utf-8")

    candidates = [] if binary else [(data, "gb18030"), (data, "big5")]
    if len(raw) % 2 == 0:  # UTF-16 without BOM or NULs: pure Chinese, no ASCII at all
        candidates += [(raw, "utf-16-le"), (raw, "utf-16-be")]
    strict = [(score(t, limits.score_chars), c, t) for b, c in candidates if (t := _strict(b, c)) is not None]
    if strict:
        best = max(strict, key=lambda s: s[0])
        if best[0] >= _MIN_SCORE:
            return Decoded(best[2], best[1])
    if utf8 is not None:
        return Decoded(utf8, "utf-8")
    if binary:
        raise NotText("control bytes", binary=True)

    # Damaged legacy files: a few invalid bytes in an otherwise good GBK or Big5 text.
    lenient = []
    for codec in ("gb18030", "big5"):
        t = data.decode(codec, errors="replace")
        head = t[: limits.score_chars]
        if head.count("\ufffd") <= 0.02 * max(1, len(head)):
            lenient.append((score(t, limits.score_chars), codec, t))
    if lenient:
        best = max(lenient, key=lambda s: s[0])
        if best[0] >= _MIN_SCORE:
            return Decoded(best[2], best[1])

    guessed = _charset_normalizer(data, limits)
    if guessed is not None:
        return guessed
    if strict:
        best = max(strict, key=lambda s: s[0])
        return Decoded(best[2], best[1])
    raise NotText("no encoding fits", binary=False)


def _charset_normalizer(data: bytes, limits: LoadLimits) -> Decoded | None:
    """Ask charset-normalizer about a sample; accept its answer only if it decodes cleanly."""
    from charset_normalizer import from_bytes

    match = from_bytes(data[: limits.sniff_bytes]).best()
    if match is None:
        return None
    codec = codecs.lookup(match.encoding).name
    text = data.decode(codec, errors="replace")
    head = text[: limits.score_chars]
    if _bad_chars(head) > _MAX_BAD_SHARE * max(1, len(head)):
        return None
    return Decoded(text, codec)


def normalize_text(text: str) -> str:
    """Line endings to \\n (CRLF, CR or mixed), NUL characters removed, a leading BOM dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.removeprefix("\ufeff")
