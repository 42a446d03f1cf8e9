"""Whether a changed figure between a parent policy and its implementation says 加码 or 弱化.

A city implementing a province's plan restates some figures on its own scope: the province's
1600亿元 of loans becomes the city's 130亿元, the province's 2024年 becomes a 2023 document's own
year. Neither is a weaker policy. What can be compared across scopes is what does not depend on
the scope's size: a rate or share (%, 倍, 每家/每人/每亩), a cap or a floor (最高, 不超过, 不低于),
and a deadline (年底前). A total (an amount, an area, a count) is compared only when both figures
are of the same scope: the jurisdiction named just before it in its sentence (全省, 市财政, 全区…),
or else the one its document speaks for. A bare year is never compared. Figures set aside leave
the verdict to the text, and the cell says they were not comparable.
May import: the standard library and policydiff.model.
"""

from __future__ import annotations

import functools

from policydiff.model import Figure, FigureChange, FigureKind, Qualifier, Status

# Scope-free kinds: a share, a multiple, a ratio, an amount or count per something.
SCOPE_FREE_KINDS = frozenset(
    {FigureKind.PERCENT, FigureKind.PERCENT_POINT, FigureKind.MULTIPLE, FigureKind.RATIO, FigureKind.RATE}
)
# Qualifiers that make any figure a cap or a floor (a standard a beneficiary meets), not a total.
BOUND_QUALIFIERS = frozenset(
    {
        Qualifier.HIGHEST,
        Qualifier.MOST,
        Qualifier.NOT_OVER,
        Qualifier.NOT_HIGHER,
        Qualifier.NOT_MORE,
        Qualifier.NOT_GREATER,
        Qualifier.CAP,
        Qualifier.WITHIN,
        Qualifier.LONGEST,
        Qualifier.NOT_BELOW,
        Qualifier.NOT_FEWER,
        Qualifier.NOT_SMALLER,
        Qualifier.LOWEST,
        Qualifier.LEAST,
        Qualifier.AT_LEAST,
    }
)
DEADLINE_QUALIFIERS = frozenset({Qualifier.BEFORE, Qualifier.UNTIL})
# Jurisdictions by the words that name one as the scope of a figure or of a whole document.
SCOPE_WORDS: dict[str, tuple[str, ...]] = {
    "国": ("全国", "中央", "国务院"),
    "省": ("全省", "我省", "本省", "省级", "省财政", "省政府", "省本级"),
    "市": ("全市", "我市", "本市", "市级", "市财政", "市政府", "市本级", "市属"),
    "区": ("全区", "我区", "本区", "区级", "区财政", "区政府", "区本级"),
    "县": ("全县", "我县", "本县", "县级", "县财政", "县政府", "县本级"),
}
SCOPE_LOOKBACK = 40  # characters before a figure, within its sentence, searched for its scope
SENTENCE_ENDS = "。！？；\n"


def scope_before(text: str, start: int) -> str | None:
    """The jurisdiction named last before ``start`` within its sentence (至多 SCOPE_LOOKBACK chars)."""
    low = max(0, start - SCOPE_LOOKBACK)
    for k in range(start - 1, low - 1, -1):
        if text[k] in SENTENCE_ENDS:
            low = k + 1
            break
    window = text[low:start]
    best: tuple[int, str] | None = None
    for scope, words in SCOPE_WORDS.items():
        for word in words:
            at = window.rfind(word)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, scope)
    return best[1] if best else None


@functools.lru_cache(maxsize=8)
def document_scope(text: str) -> str | None:
    """The jurisdiction a document speaks for: the one its 全省/我省/本省… words name most (ties: none).

    全国 is left out: a province says 全国一流 and 全国领先 of itself. Cached: every cell of a column
    asks it of the same two texts."""
    counts = {
        scope: sum(text.count(w) for w in words[:3]) for scope, words in SCOPE_WORDS.items() if scope != "国"
    }
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked[0][1] or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _qualifiers(figure: Figure) -> frozenset[Qualifier]:
    return figure.qualifier.as_set()


def deadline(change: FigureChange) -> bool:
    """Both figures are dates that end a period (年底前, 6月30日前): a later one asks less."""
    figures = (change.left, change.right)
    return all(
        f is not None and f.kind == FigureKind.DATE and _qualifiers(f) & DEADLINE_QUALIFIERS for f in figures
    )


def _scope_free(figure: Figure) -> bool:
    if figure.kind in SCOPE_FREE_KINDS or figure.per:
        return True
    return bool(_qualifiers(figure) & BOUND_QUALIFIERS)


def comparable(change: FigureChange, left_scope: str | None = None, right_scope: str | None = None) -> bool:
    """Whether a changed figure measures the same thing on both sides, so its direction is a verdict.

    Rates, per-unit standards, caps, floors and deadlines are; a total is when both sides' scopes
    (see scope_before, document_scope) are the same; a bare year (a document's own year) is not.
    Unchanged, added and removed figures are comparable (they carry no direction to doubt).
    """
    left, right = change.left, change.right
    if change.status != Status.CHANGED or left is None or right is None:
        return True
    if left.kind == FigureKind.DATE or right.kind == FigureKind.DATE:
        return deadline(change)
    if _scope_free(left) and _scope_free(right):
        return True
    return left_scope == right_scope
