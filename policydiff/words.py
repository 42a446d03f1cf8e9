"""Word segmentation with jieba, set up once, quietly, with its cache in a place we control.

Alignment measures similarity on words and the word diff runs on words; both segment each
document once, here. jieba's dictionary takes about 0.6 s to load; its cache file goes to the
user's cache folder (or a folder prepared inside a bundle), never next to the program.
May import: the standard library and jieba.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
from itertools import accumulate
from pathlib import Path

import jieba

_lock = threading.Lock()
_ready = False


def _cache_file() -> Path:
    """Where jieba keeps its prepared dictionary: the bundle's copy, else the user cache folder."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        candidate = Path(bundled) / "jieba_cache" / "jieba.cache"
        if candidate.exists():
            return candidate
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    folder = Path(base) / "policydiff"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    return folder / "jieba.cache"


def ensure_ready() -> None:
    """Load jieba's dictionary once (thread-safe); later calls return at once."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        jieba.setLogLevel(logging.WARNING)
        cache = _cache_file()
        jieba.dt.tmp_dir = str(cache.parent)
        jieba.dt.cache_file = cache.name
        jieba.initialize()
        _ready = True


def segment(text: str) -> tuple[list[str], list[int]]:
    """Split ``text`` into jieba words; returns the words and each word's start offset.

    Every character belongs to exactly one word, so the words joined give ``text`` back.
    """
    ensure_ready()
    words = jieba.lcut(text, HMM=False)
    starts = [0, *accumulate(len(w) for w in words)][:-1] if words else []
    return words, starts
