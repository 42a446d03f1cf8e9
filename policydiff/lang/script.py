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
from dataclasses import dataclass
from functools import cache, lru_cache

import opencc

from policydiff.lang.normalize import fold_typography
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


@cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    return str(_opencc(config).convert(text))


@lru_cache(maxsize=65_536)
def _char_kind(char: str) -> int:
    """+1 for a traditional character (t2s changes it), -1 for a simplified one (s2t changes it)."""
    if _convert("t2s", char) != char:
        return 1
    if _convert("s2t", char) != char:
        return -1
    return 0


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


def evidence(text: str, config: DetectConfig = DEFAULT_DETECT) -> ScriptEvidence:
    """Count the script evidence in a text's first ``config.sample_chars`` CJK characters."""
    runs = _clauses(text, config.sample_chars)
    traditional = simplified = 0
    for run in runs:
        for char in run:
            kind = _char_kind(char)
            traditional += kind > 0
            simplified += kind < 0
    if traditional <= simplified:
        return ScriptEvidence(traditional, simplified, 0, 0, 0, 0)
    joined = "\n".join(runs)
    simple = _convert("hk2s", _convert("tw2s", joined))
    as_taiwan = _convert("s2tw", simple).split("\n")
    as_hongkong = _convert("s2hk", simple).split("\n")
    simple_runs = simple.split("\n")
    return ScriptEvidence(
        traditional,
        simplified,
        taiwan_phrases=_differing("tw2sp", "tw2s", runs),
        mainland_phrases=_differing("s2twp", "s2tw", simple_runs),
        taiwan_variants=sum(r == t != h for r, t, h in zip(runs, as_taiwan, as_hongkong, strict=False)),
        hongkong_variants=sum(r == h != t for r, t, h in zip(runs, as_taiwan, as_hongkong, strict=False)),
    )


def detect_script(text: str, config: DetectConfig = DEFAULT_DETECT) -> Script:
    """The script and phrasing ``text`` is written in (mainland simplified when in doubt)."""
    return reading(evidence(text, config), config)


def reading(found: ScriptEvidence, config: DetectConfig = DEFAULT_DETECT) -> Script:
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


def _typography(text: str) -> str:
    """Width, punctuation and whitespace folded as the comparison folds them."""
    return "".join(fold_typography(text).text.split())


def conversion_only(left: str, right: str, scripts: tuple[Script, Script]) -> bool:
    """True if two differing texts read the same in the regional side's phrasing: the change is
    the reprint's conversion (mainland 内核 vs Taiwan 核心), not the author's.

    Only a pair of documents in different readings has such changes; whitespace never counts.
    """
    if scripts[0] == scripts[1]:
        return False
    region = next((s for s in scripts if s in _REGIONAL_FORM), None)
    if region is None:
        return False
    a, b = _typography(left), _typography(right)
    if not a or not b:
        return False
    return a == b or _regional(region, a) == _regional(region, b)


__all__ = [
    "CONVERSION",
    "DEFAULT_DETECT",
    "DetectConfig",
    "ScriptEvidence",
    "conversion_only",
    "detect_script",
    "evidence",
    "reading",
]
