"""Which script and regional phrasing a document is written in, and how to fold it for comparison.

A policy reprinted on a Taiwan news site reads 支援 / 資訊 / 積體 where the mainland original has
支持 / 信息 / 集成; a Hong Kong reprint writes 衞生 for 卫生. Folding both sides with one conversion
is wrong either way: plain t2s leaves the Taiwan words as rewording, and tw2sp on both sides
rewrites mainland words on the mainland side (核心 → 内核). So each document's script is read on
its own text and only that side gets the regional conversion.

Detection uses evidence that holds for any text, not a word list: OpenCC's own dictionaries.
Characters that t2s changes are traditional, characters that s2t changes simplified. In a
traditional text, clauses that tw2sp reads differently from tw2s hold Taiwan phrasing (資訊,
支援); clauses whose simplified form s2twp rewrites hold mainland phrasing (信息, 支持); clauses
that hk2t / tw2t change hold Hong Kong or Taiwan character variants (衞, 户 / 為, 床).

A regional conversion is not an exact inverse of the reprint (tw2sp turns the Taiwan 核心 into the
mainland 内核, though 核心 is mainland usage too), so ``conversion_only`` tells an edit whose two
sides read the same in the regional side's phrasing: such an edit is no change.
May import: the standard library, opencc, policydiff.model and policydiff.lang.normalize (no GUI).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from policydiff.lang.converters import converter, s2t_characters
from policydiff.lang.normalize import typography_key
from policydiff.model import NormalizeMode, Script


@dataclass(frozen=True)
class DetectConfig:
    """How much text detection reads, and how much evidence a reading needs."""

    sample_chars: int = 50_000  # CJK characters read (from the start): detection stays bounded
    min_phrase_clauses: int = 2  # Taiwan phrasing needs this many clauses of evidence
    min_variant_clauses: int = 1  # Hong Kong variants need this many


DEFAULT_DETECT = DetectConfig()

# The OpenCC conversion each reading folds a document with, so that it compares with mainland text.
CONVERSION: dict[Script, NormalizeMode] = {
    Script.MAINLAND: NormalizeMode.T2S,  # stray traditional characters still fold; words stay
    Script.TRADITIONAL: NormalizeMode.TW2S,  # t2s plus Taiwan character forms (著重 → 着重)
    Script.TAIWAN: NormalizeMode.TW2SP,
    Script.HONGKONG: NormalizeMode.HK2S,
}

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def _convert(config: str, text: str) -> str:
    return str(converter(config).convert(text))


# Character → +1 traditional (t2s changes it), -1 simplified (s2t changes it), 0 neither. Kept
# for the process (the GUI reads every document it opens); bounded by the CJK code points.
_KIND: dict[str, int] = {}


def _learn_kinds(chars: set[str]) -> None:
    """Classify characters not seen before with two conversions in all, one character per line
    (OpenCC never matches across a line break, so each converts as it would alone)."""
    new = [char for char in chars if char not in _KIND]
    if not new:
        return
    joined = "\n".join(new)
    simplified = _convert("t2s", joined).split("\n")
    traditional = str(s2t_characters().convert(joined)).split("\n")
    if not len(simplified) == len(traditional) == len(new):  # defensive: one call per character
        simplified = [_convert("t2s", char) for char in new]
        traditional = [_convert("s2t", char) for char in new]
    for char, simple, trad in zip(new, simplified, traditional, strict=True):
        _KIND[char] = 1 if simple != char else -1 if trad != char else 0


def _clauses(text: str, limit: int) -> list[str]:
    """The runs of CJK characters of the text's first ``limit`` CJK characters."""
    out: list[str] = []
    total = 0
    for match in _CJK.finditer(text):
        out.append(match.group()[: limit - total])  # one run may be the whole text: cut at the limit
        total += len(out[-1])
        if total >= limit:
            break
    return out


def _differing(config_a: str, config_b: str | None, runs: list[str]) -> int:
    """How many runs ``config_a`` converts differently from ``config_b`` (None: from the run)."""
    if not runs:
        return 0
    joined = "\n".join(runs)  # OpenCC never matches across a line break
    first = _convert(config_a, joined).split("\n")
    second = runs if config_b is None else _convert(config_b, joined).split("\n")
    return sum(a != b for a, b in zip(first, second, strict=False))


@dataclass(frozen=True)
class ScriptEvidence:
    """What detection counted, so a report or a test can say why a reading was chosen."""

    traditional_chars: int
    simplified_chars: int
    taiwan_phrases: int  # clauses tw2sp reads differently from tw2s
    mainland_phrases: int  # clauses whose simplified form s2twp rewrites
    taiwan_variants: int  # clauses written as s2tw writes them and not as s2hk does (臺, 為)
    hongkong_variants: int  # clauses written as s2hk writes them and not as s2tw does (衞, 户)


def _char_counts(runs: list[str]) -> tuple[int, int]:
    """How many of the runs' characters are traditional, and how many simplified."""
    counts = Counter("".join(runs))
    _learn_kinds(set(counts))
    traditional = sum(n for char, n in counts.items() if _KIND[char] > 0)
    simplified = sum(n for char, n in counts.items() if _KIND[char] < 0)
    return traditional, simplified


class _Counted:
    """The evidence of one text, each count taken when first asked for: ``reading`` asks only for
    what its decision needs, so a Taiwan text never builds the Hong Kong converter (each
    simplified → traditional converter costs tens of milliseconds to build)."""

    def __init__(self, text: str, config: DetectConfig) -> None:
        self.runs = _clauses(text, config.sample_chars)
        self.traditional_chars, self.simplified_chars = _char_counts(self.runs)

    @cached_property
    def simple(self) -> str:
        return _convert("hk2s", _convert("tw2s", "\n".join(self.runs)))

    @cached_property
    def taiwan_phrases(self) -> int:
        return _differing("tw2sp", "tw2s", self.runs)

    @cached_property
    def mainland_phrases(self) -> int:
        return _differing("s2twp", "s2tw", self.simple.split("\n"))

    @cached_property
    def _variants(self) -> tuple[int, int]:
        as_taiwan = _convert("s2tw", self.simple).split("\n")
        as_hongkong = _convert("s2hk", self.simple).split("\n")
        rows = list(zip(self.runs, as_taiwan, as_hongkong, strict=False))
        return sum(r == t != h for r, t, h in rows), sum(r == h != t for r, t, h in rows)

    @property
    def taiwan_variants(self) -> int:
        return self._variants[0]

    @property
    def hongkong_variants(self) -> int:
        return self._variants[1]


def evidence(text: str, config: DetectConfig = DEFAULT_DETECT) -> ScriptEvidence:
    """Count the script evidence in a text's first ``config.sample_chars`` CJK characters."""
    found = _Counted(text, config)
    if found.traditional_chars <= found.simplified_chars:
        return ScriptEvidence(found.traditional_chars, found.simplified_chars, 0, 0, 0, 0)
    return ScriptEvidence(
        found.traditional_chars,
        found.simplified_chars,
        taiwan_phrases=found.taiwan_phrases,
        mainland_phrases=found.mainland_phrases,
        taiwan_variants=found.taiwan_variants,
        hongkong_variants=found.hongkong_variants,
    )


def detect_script(text: str, config: DetectConfig = DEFAULT_DETECT) -> Script:
    """The script and phrasing ``text`` is written in (mainland simplified when in doubt)."""
    return reading(_Counted(text, config), config)


def reading(found: ScriptEvidence | _Counted, config: DetectConfig = DEFAULT_DETECT) -> Script:
    """The reading the evidence supports."""
    if found.traditional_chars <= found.simplified_chars:
        return Script.MAINLAND
    if found.taiwan_phrases >= config.min_phrase_clauses and found.taiwan_phrases > found.mainland_phrases:
        return Script.TAIWAN
    if (
        found.hongkong_variants >= config.min_variant_clauses
        and found.hongkong_variants > found.taiwan_variants
    ):
        return Script.HONGKONG
    return Script.TRADITIONAL


# Per regional reading: text of either side → its form in that region's phrasing and characters.
_REGIONAL_FORM: dict[Script, tuple[str, str]] = {
    Script.TAIWAN: ("tw2s", "s2twp"),
    Script.HONGKONG: ("hk2s", "s2hk"),
}


# Taiwan phrasing Taiwan reprints of mainland policy use and OpenCC's s2twp does not write (it
# keeps 高質量, 高水平): applied after s2twp, only to tell a conversion from a change.
_TAIWAN_EXTRA = {"高質量": "高品質", "高水平": "高水準"}
_TAIWAN_EXTRA_RE = re.compile("|".join(map(re.escape, _TAIWAN_EXTRA)))


def _regional(script: Script, text: str) -> str:
    to_simplified, to_region = _REGIONAL_FORM[script]
    out = _convert(to_region, _convert(to_simplified, text))
    if script == Script.TAIWAN:
        out = _TAIWAN_EXTRA_RE.sub(lambda m: _TAIWAN_EXTRA[m.group()], out)
    return out


def _regional_many(script: Script, texts: list[str]) -> dict[str, str]:
    """``_regional`` of many texts with one OpenCC call per conversion step: texts without
    whitespace (so without line breaks, which no OpenCC phrase crosses) joined one per line.
    Texts OpenCC cannot take (a lone surrogate) are left out: ``_regional`` answers for them."""
    batch = [text for text in texts if _encodable(text)]
    if not batch:
        return {}
    lines = _regional(script, "\n".join(batch)).split("\n")
    if len(lines) != len(batch):  # defensive: a conversion that wrote a line break
        return {}
    return dict(zip(batch, lines, strict=True))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _typography(text: str) -> str:
    """Width, punctuation and whitespace folded as the comparison folds them, whitespace dropped."""
    return typography_key(text)


def _region(scripts: tuple[Script, Script]) -> Script | None:
    """The regional reading whose phrasing tells conversions apart (None: no pair of readings)."""
    if scripts[0] == scripts[1]:
        return None
    return next((s for s in scripts if s in _REGIONAL_FORM), None)


def conversion_only(left: str, right: str, scripts: tuple[Script, Script]) -> bool:
    """True if two differing texts read the same in the regional side's phrasing: the change is
    the reprint's conversion (mainland 内核 vs Taiwan 核心), not the author's.

    Only a pair of documents in different readings has such changes; whitespace never counts.
    """
    return ConversionJudge(scripts).same(left, right)


class ConversionJudge:
    """``conversion_only`` for many pairs of texts of one comparison: the texts a caller names up
    front (``expect``) get their regional forms in one OpenCC call per conversion step instead of
    two calls per text (a pair of a mainland draft and a Taiwan reprint asks about thousands)."""

    def __init__(self, scripts: tuple[Script, Script]) -> None:
        self.region = _region(scripts)
        self._forms: dict[str, str] = {}
        self._keys: dict[str, str] = {}  # text → its typography key (``same`` reads what ``expect`` did)

    def _key(self, text: str) -> str:
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = _typography(text)
        return key

    def expect(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Convert the regional forms of these pairs' texts now, together."""
        if self.region is None:
            return
        keys: dict[str, None] = {}
        for left, right in pairs:
            a, b = self._key(left), self._key(right)
            if a and b and a != b:
                keys.update({k: None for k in (a, b) if k not in self._forms})
        self._forms.update(_regional_many(self.region, list(keys)))

    def _form(self, key: str) -> str:
        assert self.region is not None
        form = self._forms.get(key)
        if form is None:
            form = self._forms[key] = _regional(self.region, key)
        return form

    def same(self, left: str, right: str) -> bool:
        """``conversion_only(left, right, scripts)``."""
        if self.region is None:
            return False
        a, b = self._key(left), self._key(right)
        if not a or not b:
            return False
        return a == b or self._form(a) == self._form(b)


__all__ = [
    "CONVERSION",
    "DEFAULT_DETECT",
    "ConversionJudge",
    "DetectConfig",
    "ScriptEvidence",
    "conversion_only",
    "detect_script",
    "evidence",
    "reading",
]
