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


def segment(text: str) -> tuple[list[str], list[int]]:
    """Split ``text`` into words (jieba's dictionary, no HMM); returns the words and their starts.

    Every character belongs to exactly one word, so the words joined give ``text`` back.
    """
    try:
        words = _as_jieba(_cut(text))
    except UnicodeEncodeError:  # a lone surrogate (an undecodable byte a reader kept): rjieba takes UTF-8
        safe = text.encode("utf-8", "replace").decode("utf-8")  # one "?" per surrogate: lengths kept
        words, position = [], 0
        for word in _as_jieba(_cut(safe)):
            words.append(text[position : position + len(word)])
            position += len(word)
    pool: dict[str, str] = {}  # one object per distinct word: a document repeats its words
    words = list(map(pool.setdefault, words, words))
    starts = list(accumulate(map(len, islice(words, len(words) - 1)), initial=0)) if words else []
    return words, starts
