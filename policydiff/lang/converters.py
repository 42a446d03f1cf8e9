"""OpenCC converters, built once per process and shared by every stage that converts script.

Building a converter reads its dictionaries: a few milliseconds for t2s, 30 to 100 ms for each
simplified → traditional one (they all read the 0.9 MB STPhrases dictionary). Normalization,
script detection and the structure parser's keyword folding share one converter per
configuration, built when first asked for, so a command pays only for the conversions its
documents need (a mainland pair never builds a simplified → traditional phrase converter).

``s2t_characters`` converts single characters as ``s2t`` does without reading the phrase
dictionary: a character alone on its line matches no phrase, and the two agree on every code
point of the CJK ranges (tests/lang/test_converters.py checks them all).
May import: the standard library and opencc.
"""

from __future__ import annotations

import contextlib
import os
import threading
from functools import cache
from typing import Protocol, cast

import opencc

_lock = threading.Lock()  # the GUI's worker threads and the start-up warm-up may ask at once


class Converter(Protocol):
    """What policydiff uses of an OpenCC converter (opencc has no type hints)."""

    def convert(self, text: str) -> str: ...


@cache
def _built(config: str) -> Converter:
    return cast(Converter, opencc.OpenCC(config))


def converter(config: str) -> Converter:
    """The process's converter for an OpenCC configuration name (``t2s``, ``tw2sp``, ...)."""
    with _lock:
        return _built(config)


@cache
def _characters_only() -> Converter:
    """A converter with s2t's normalization and character dictionary, without its phrases."""
    t2s_config = str(getattr(_built("t2s"), "config", ""))  # where this OpenCC keeps its dictionaries
    folder = os.path.dirname(t2s_config)
    files = [
        os.path.join(folder, name) for name in ("CJK_Compatibility_Ideographs.ocd2", "STCharacters.ocd2")
    ]
    if not folder or not all(os.path.isfile(f) for f in files):
        return _built("s2t")  # an OpenCC laid out otherwise: the full converter gives the same
    import json  # here: only this converter is written as a configuration file
    import tempfile

    config = {
        "name": "s2t characters",
        "normalization": [{"dict": {"type": "ocd2", "file": files[0]}}],
        "conversion_chain": [{"dict": {"type": "ocd2", "file": files[1]}}],
    }
    handle, path = tempfile.mkstemp(prefix="policydiff-s2t-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(config, out)
        return cast(Converter, opencc.OpenCC(path))
    except Exception:  # noqa: BLE001 - OpenCC raises bare Exceptions; the full converter still works
        return _built("s2t")
    finally:
        with contextlib.suppress(OSError):  # read at construction; a file left behind harms nothing
            os.unlink(path)


def s2t_characters() -> Converter:
    """Simplified → traditional for text of one character per line (see the module docstring)."""
    with _lock:
        return _characters_only()


__all__ = ["Converter", "converter", "s2t_characters"]
