"""Imported by the process that forks coverage's workers: everything a worker needs, loaded once.

On Linux and macOS the workers of one policy against many are forked from a server process
(multiprocessing's forkserver) that has imported this module, so each new worker starts with the
comparison code imported and the segmenter's dictionary built, instead of spending a second on
both; the server itself is a fresh single-threaded process, so forking it is safe even when the
app that asked for the run has Qt threads.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from policydiff.coverage import matrix  # noqa: F401  (what a worker runs)
from policydiff.lang.words import ensure_ready

ensure_ready()
