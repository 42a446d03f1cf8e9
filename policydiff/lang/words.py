"""Word segmentation with jieba's dictionary and algorithm, through rjieba (jieba-rs), set up once.

Alignment measures similarity on words and the word diff runs on words; both segment each
document once, here. rjieba embeds jieba's dictionary in its binary: it is ready in about 0.1 s
(jieba itself needs 0.6 s to load its dictionary) and segments about 15 times faster, with the
same Chinese words (tests/lang/test_words.py checks it against jieba on the samples and the corpus).
The one difference, a run of ASCII letters and digits joined by ``.`` or ``-`` (``www.gov.cn``,
``2023-12-29``), is split back the way jieba splits it, so words stay comparable either way.
May import: the standard library and rjieba.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from itertools import accumulate, compress, islice
from types import ModuleType

_lock = threading.Lock()
_ready = False
_rjieba: ModuleType | None = None  # imported on first use: its dictionary costs start-up time
# jieba keeps letters and digits together and every other ASCII sign apart
_ASCII_PIECES = re.compile(r"[A-Za-z0-9]+|[^A-Za-z0-9]")
_JOINERS = frozenset(".-_%+#&")


def ensure_ready() -> None:
    """Make the segmenter ready once (thread-safe); later calls return at once."""
    global _ready, _rjieba
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import rjieba

        rjieba.cut("准备", False)  # the first cut builds the prefix dictionary
        _rjieba = rjieba
        _ready = True


def preload() -> None:
    """Start getting the segmenter ready on a background thread; ``segment`` waits for it through
    ``ensure_ready``'s lock, so calling this is always safe.

    rjieba builds its dictionary (about 0.1 s) without releasing the interpreter, so the thread
    overlaps only work done outside Python (file reads); it costs nothing either way.
    """
    if not _ready:
        threading.Thread(target=ensure_ready, name="policydiff-words", daemon=True).start()


def _cut(text: str) -> list[str]:
    ensure_ready()
    assert _rjieba is not None
    words: list[str] = _rjieba.cut(text, False)
    return words


@lru_cache(maxsize=1 << 16)
def _joined(word: str) -> bool:
    """Whether rjieba joined ASCII pieces that jieba keeps apart (cached: words repeat)."""
    return len(word) > 1 and word.isascii() and not _JOINERS.isdisjoint(word)


def _as_jieba(words: list[str]) -> list[str]:
    """Split ASCII runs that rjieba joins with ``.``/``-`` into jieba's pieces."""
    out: list[str] = []
    done = 0
    for at in compress(range(len(words)), map(_joined, words)):  # few: the scan stays in C
        out.extend(words[done:at])
        out.extend(_ASCII_PIECES.findall(words[at]))
        done = at + 1
    out.extend(words[done:])
    return out


CHUNK_CHARS = 1 << 20  # text segmented this much at a time (rjieba makes a new object per word)
_CUT_REACH = 4096  # characters looked back from a chunk's end for a place no word spans
_BREAK = re.compile(r"[\s\u3000。，、；：！？]")


def segment(text: str) -> tuple[list[str], list[int]]:
    """Split ``text`` into words (jieba's dictionary, no HMM); returns the words and their starts.

    Every character belongs to exactly one word, so the words joined give ``text`` back. A long
    text is cut in chunks at whitespace or punctuation (where jieba itself starts a new block, so
    the words are the same): each chunk's words are pooled before the next is cut, which keeps the
    peak memory of an 11 MB page's text at a fraction of one object per character.
    """
    pool: dict[str, str] = {}  # one object per distinct word: a document repeats its words
    words: list[str] = []
    for piece in _chunks(text):
        cut = _words(piece)
        words.extend(map(pool.setdefault, cut, cut))
        del cut
    starts = list(accumulate(map(len, islice(words, len(words) - 1)), initial=0)) if words else []
    return words, starts


def _chunks(text: str) -> list[str]:
    """``text`` in pieces of at most about CHUNK_CHARS, cut after a break where there is one."""
    if len(text) <= CHUNK_CHARS:
        return [text]
    out = []
    at = 0
    while len(text) - at > CHUNK_CHARS:
        end = at + CHUNK_CHARS
        lo = end - _CUT_REACH
        last = None
        for last in _BREAK.finditer(text, lo, end):  # noqa: B007
            pass
        cut = last.end() if last is not None else end  # a run of letters with no break: cut anywhere
        out.append(text[at:cut])
        at = cut
    out.append(text[at:])
    return out


def _words(text: str) -> list[str]:
    try:
        return _as_jieba(_cut(text))
    except UnicodeEncodeError:  # a lone surrogate (an undecodable byte a reader kept): rjieba takes UTF-8
        safe = text.encode("utf-8", "replace").decode("utf-8")  # one "?" per surrogate: lengths kept
        words, position = [], 0
        for word in _as_jieba(_cut(safe)):
            words.append(text[position : position + len(word)])
            position += len(word)
        return words
