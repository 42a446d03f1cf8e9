"""Find merges and splits: one unit whose text two or more units of the other side share.

A city may merge a province's articles 2 and 3 into its （三）; a revision may split 第十七条
into two. The aligner pairs one to one, so the second unit is left over as removed or added.
A left-over unit joins its neighbour's pair when the text says so, and only then: its own text
lies mostly in the neighbour's counterpart (in shared runs of several characters, not scattered
characters), and the two neighbours together cover far more of the counterpart than the paired
one alone. Units already paired are never touched, so ordinary one-to-one pairs cannot change.
A left-over unit far from the pair (a city folding the province's 第三条 and 第六条 into its 第五条)
joins it on stronger evidence: most of its own text lies in the counterpart.
May import: the standard library, rapidfuzz and policydiff.compare.align (for UnitFeatures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

from policydiff.compare.align import UnitFeatures

Pairs = list[tuple[int | None, int | None]]


@dataclass(frozen=True)
class GroupConfig:
    """Thresholds of merge and split detection."""

    run_chars: int = 4  # shared text counts in runs of at least this many characters
    min_chars: int = 8  # a left-over unit shorter than this never joins a group
    inside: float = 0.2  # share of the left-over unit's text found in the counterpart
    union: float = 0.6  # share of the counterpart the group covers
    gain: float = 0.2  # how much more of the counterpart the group covers than the paired unit
    # A unit far from the pair it joins must lie mostly inside the counterpart: nothing but its
    # own text ties it there. Candidates are the counterparts sharing most of its content words.
    far_inside: float = 0.6
    far_gain: float = 0.1  # how much more of the counterpart it covers (no floor on the whole)
    far_candidates: int = 4
    far_max_postings: int = 64  # words found in more counterparts than this are too common to vote


@dataclass
class Groups:
    """Further units of a pair, by the pair's (left, right) unit indices."""

    also_left: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    also_right: dict[tuple[int, int], list[int]] = field(default_factory=dict)


def _shared(a: str, b: str, run: int) -> int:
    """Characters of a that a longest common subsequence with b matches in runs of ``run`` or more."""
    if not a or not b:
        return 0
    return sum(
        op.src_end - op.src_start
        for op in LCSseq.opcodes(a, b)
        if op.tag == "equal" and op.src_end - op.src_start >= run
    )


def _text(unit: UnitFeatures) -> str:
    return "".join(unit.text.split())


def find_groups(
    left: Sequence[UnitFeatures],
    right: Sequence[UnitFeatures],
    pairs: Pairs,
    fixed: set[tuple[int | None, int | None]] | None = None,
    config: GroupConfig | None = None,
) -> tuple[Pairs, Groups]:
    """Join left-over units to a neighbour's pair where the text shows a merge or a split.

    Args:
        left, right: the units' features, indexed by unit index.
        pairs: the alignment's pairs (unit indices, None on the side that lacks one).
        fixed: pairs the user made or unmade by hand; never grouped.
        config: thresholds.

    Returns:
        The pairs without the units that joined a group, and the groups.
    """
    cfg = config or GroupConfig()
    fixed = fixed or set()
    groups = Groups()
    l2r = {a: b for a, b in pairs if a is not None and b is not None and (a, b) not in fixed}
    r2l = {b: a for a, b in l2r.items()}
    absorbed_left: set[int] = set()
    absorbed_right: set[int] = set()
    lone_left = [a for a, b in pairs if b is None and a is not None and (a, None) not in fixed]
    lone_right = [b for a, b in pairs if a is None and b is not None and (None, b) not in fixed]
    _join(left, right, lone_left, l2r, groups.also_left, absorbed_left, cfg, mirrored=False)
    # a pair is a merge or a split, never both
    r2l = {b: a for b, a in r2l.items() if (a, b) not in groups.also_left}
    _join(right, left, lone_right, r2l, groups.also_right, absorbed_right, cfg, mirrored=True)
    l2r = {a: b for a, b in l2r.items() if (a, b) not in groups.also_right}
    _join_far(left, right, lone_left, l2r, groups.also_left, absorbed_left, cfg, mirrored=False)
    r2l = {b: a for b, a in r2l.items() if (a, b) not in groups.also_left}
    _join_far(right, left, lone_right, r2l, groups.also_right, absorbed_right, cfg, mirrored=True)
    kept = [
        (a, b)
        for a, b in pairs
        if not (b is None and a in absorbed_left) and not (a is None and b in absorbed_right)
    ]
    return kept, groups


def _join(
    side: Sequence[UnitFeatures],
    other: Sequence[UnitFeatures],
    lone: list[int],
    partner: dict[int, int],
    out: dict[tuple[int, int], list[int]],
    absorbed: set[int],
    cfg: GroupConfig,
    mirrored: bool,
) -> None:
    """Join each lone unit of ``side`` to the pair of an adjacent leaf sibling (see module doc)."""
    members: dict[int, list[int]] = {}  # main unit → its group on this side, in reading order
    for u in lone:
        unit = side[u]
        if unit.has_children or len(_text(unit)) < cfg.min_chars:
            continue
        best: tuple[float, int, list[int]] | None = None
        for main, group in _neighbour_groups(side, u, partner, members):
            counterpart = other[partner[main]]
            target = _text(counterpart)
            if not target or counterpart.has_children:
                continue
            if _shared(_text(unit), target, cfg.run_chars) < cfg.inside * len(_text(unit)):
                continue
            before = "".join(_text(side[g]) for g in group)
            joined = "".join(_text(side[g]) for g in sorted([*group, u]))
            single = _shared(target, before, cfg.run_chars) / len(target)
            union = _shared(target, joined, cfg.run_chars) / len(target)
            if union >= cfg.union and union - single >= cfg.gain and (best is None or union > best[0]):
                best = (union, main, sorted([*group, u]))
        if best is None:
            continue
        _, main, group = best
        members[main] = group
        absorbed.add(u)
        key = (partner[main], main) if mirrored else (main, partner[main])
        out[key] = [g for g in group if g != main]


# Where the main unit of a group a left-over unit adjoins may stand, nearest first: next to it, or
# two away with one member of its group between.
_NEIGHBOUR_OFFSETS = (-1, 1, -2, 2)


def _neighbour_groups(
    side: Sequence[UnitFeatures], u: int, partner: dict[int, int], members: dict[int, list[int]]
) -> list[tuple[int, list[int]]]:
    """(main unit, its current group) for the paired leaf siblings whose group ``u`` adjoins."""
    out = []
    unit = side[u]
    for main, group in [(m, members.get(m, [m])) for m in (u + d for d in _NEIGHBOUR_OFFSETS)]:
        if not 0 <= main < len(side) or main not in partner:
            continue
        if min(group) - 1 != u and max(group) + 1 != u:
            continue
        if any(side[g].parent != unit.parent or side[g].has_children for g in group):
            continue
        out.append((main, group))
    return out


def _join_far(
    side: Sequence[UnitFeatures],
    other: Sequence[UnitFeatures],
    lone: list[int],
    partner: dict[int, int],
    out: dict[tuple[int, int], list[int]],
    absorbed: set[int],
    cfg: GroupConfig,
    mirrored: bool,
) -> None:
    """Join each lone leaf unit still left over to the pair, anywhere in the document, whose
    counterpart holds most of its text and covers clearly more with it (see module doc)."""
    targets = {
        main: _text(other[partner[main]])
        for main in partner
        if not side[main].has_children and not other[partner[main]].has_children
    }
    index: dict[str, list[int]] = {}  # a content word → the counterparts saying it
    for main in targets:
        for word in other[partner[main]].words:
            index.setdefault(word, []).append(main)
    for u in lone:
        text = _text(side[u])
        if u in absorbed or side[u].has_children or len(text) < cfg.min_chars:
            continue
        votes: dict[int, int] = {}
        for word in side[u].words:
            found = index.get(word, ())
            if len(found) <= cfg.far_max_postings:  # linear: a stock word finds nothing
                for main in found:
                    votes[main] = votes.get(main, 0) + 1
        ranked = sorted(votes, key=lambda m: (-votes[m], m))[: cfg.far_candidates]
        best: tuple[float, int, list[int]] | None = None
        for main in ranked:
            key = (partner[main], main) if mirrored else (main, partner[main])
            group = sorted([main, *out.get(key, [])])
            target = targets[main]
            if _shared(text, target, cfg.run_chars) < cfg.far_inside * len(text):
                continue
            before = "".join(_text(side[g]) for g in group)
            joined = "".join(_text(side[g]) for g in sorted([*group, u]))
            single = _shared(target, before, cfg.run_chars) / len(target)
            union = _shared(target, joined, cfg.run_chars) / len(target)
            if union - single >= cfg.far_gain and (best is None or union > best[0]):
                best = (union, main, sorted([*group, u]))
        if best is None:
            continue
        _, main, group = best
        absorbed.add(u)
        key = (partner[main], main) if mirrored else (main, partner[main])
        out[key] = [g for g in group if g != main]
