"""The shared OpenCC converters: one per configuration, and a character converter equal to s2t.

Script detection classifies characters with two conversions of all of them (one per line) instead of
two per character, and with s2t's character dictionary instead of the whole s2t converter (whose
phrase dictionary costs tens of milliseconds to read). Both shortcuts are checked here on every code
point script detection reads, against OpenCC's own s2t / t2s applied to each character alone.
"""

from __future__ import annotations

import opencc

from policydiff.lang import script
from policydiff.lang.converters import converter, s2t_characters

_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))  # script._CJK


def _every_cjk_char() -> list[str]:
    chars = [chr(code) for low, high in _RANGES for code in range(low, high + 1)]
    assert script._CJK.fullmatch("".join(chars))  # the ranges are the ones detection reads
    return chars


def test_one_converter_per_configuration() -> None:
    assert converter("t2s") is converter("t2s")
    assert converter("t2s") is not converter("tw2s")


def test_the_character_converter_agrees_with_s2t_on_every_cjk_code_point() -> None:
    chars = _every_cjk_char()
    full = opencc.OpenCC("s2t")
    joined = "\n".join(chars)
    by_line = s2t_characters().convert(joined).split("\n")
    assert by_line == full.convert(joined).split("\n")
    changed = [c for c, out in zip(chars, by_line, strict=True) if out != c]
    assert len(changed) > 2000  # it does convert: 后 → 後, 发 → 發 ...
    assert all(full.convert(c) == by_line[chars.index(c)] for c in changed[::50])  # alone as on a line


def test_character_kinds_match_one_conversion_per_character() -> None:
    """The batched classification equals the old one: t2s of the character alone, then s2t alone."""
    chars = _every_cjk_char()
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    joined = "\n".join(chars)
    alone_t2s = t2s.convert(joined).split("\n")  # each line converts as the character alone (below)
    assert all(t2s.convert(c) == alone_t2s[k] for k, c in enumerate(chars) if k % 97 == 0)
    script._KIND.clear()
    script._learn_kinds(set(chars))
    expected = {
        c: 1 if simple != c else -1 if trad != c else 0
        for c, simple, trad in zip(chars, alone_t2s, s2t.convert(joined).split("\n"), strict=True)
    }
    assert script._KIND == expected
    assert {script._KIND["後"], script._KIND["后"], script._KIND["的"]} == {1, -1, 0}
