"""Pause Python's cyclic garbage collector while a comparison runs, and only then.

A comparison allocates millions of small objects (words, word counts, spans, pairs) that all stay
alive until it ends and hold no reference cycles, so the collector finds nothing; but each full
collection walks every one of them again, and there are more of them the larger the input: 10 to
20 % of a 1 MB comparison, growing faster than the input. Pausing the collector meanwhile changes
no result; any cyclic garbage made in the meantime is collected once the last comparison running
ends (comparisons in several threads share one pause).
May import: the standard library.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0  # comparisons inside the pause
_resume = False  # whether the collector was on when the pause began


@contextmanager
def collection_paused() -> Iterator[None]:
    """Turn automatic collection off for the block (or the decorated function), then back on."""
    global _running, _resume
    with _lock:
        if _running == 0:
            _resume = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _resume:
                gc.enable()
