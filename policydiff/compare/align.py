"""Pair the units of two documents that deal with the same measure.

Numbering is a weak hint (`16.` may be `（二十四）`; one deleted article renumbers the rest), so
units are paired on what they say: a tf-idf cosine of their jieba words (own text plus their
sub-units') and the similarity of their headings, then refined by context (a unit whose parent
or neighbour is already paired leans towards the counterpart's children or neighbours).
Headings are compared on their rarer two-character runs, so stock phrases (加大…支持力度) count for
little. After the greedy passes, the children of each two paired parents that are left over
between two paired neighbours are paired by an order-preserving assignment on their scores.
Candidates come from an inverted index of rare words, so the work grows with the number of
units times a small constant, not with the product of the documents' sizes.
May import: the standard library, rapidfuzz and policydiff.model.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import mul, neg, truediv

from rapidfuzz.fuzz import ratio as _fuzz_ratio

from policydiff.model import Level

SPECIAL_LEVELS = (Level.TITLE, Level.PREAMBLE, Level.EPILOGUE)
# A word of one character (的, 和, 是) carries no meaning for pairing; numbers always do.
MIN_CONTENT_WORD_CHARS = 2
# Identical texts pair within paired parents level by level; policy documents nest at most this
# deep (编 章 节 条 款 项 目 and an attachment), so each pass is linear and the passes few.
MAX_IDENTICAL_DEPTH = 8
_ROOT = -1  # the scope of top-level units: the two documents, always "paired"
_EVERYWHERE: dict[int | None, int | None] = {None: None}  # one scope: the whole document
# Scores are compared rounded to this many places, relative positions to POSITION_PLACES, so the
# order of float additions never decides a tie (and comparing B with A mirrors A with B).
SCORE_PLACES = 6
POSITION_PLACES = 9


@dataclass(frozen=True)
class AlignConfig:
    """Thresholds and weights of the aligner, in one place."""

    anchor_threshold: float = 0.50  # first pass: pairs this sure need no context
    pair_threshold: float = 0.30  # second pass, with context: below this a unit stays unpaired
    min_content: float = 0.20  # context never pairs units whose own words agree less than this
    parent_bonus: float = 0.15  # both parents are paired with each other
    neighbour_bonus: float = 0.10  # a sibling next to each is paired with the other's sibling
    # each unit is the other's best match on its own words (among the candidates scored): what the
    # two units say outweighs a neighbour's pull towards the unit next door
    mutual_bonus: float = 0.05
    mutual_min_score: float = 0.25  # ...when their own score is at least this (two leftovers that
    # share one word are each other's best only for want of anything else)
    depth_penalty: float = 0.15  # per level of nesting depth apart (units of different levels only:
    # 第十条 under 第一节 and 第六条 straight under a chapter are both articles)
    container_penalty: float = 0.20  # one unit has sub-units, the other has none
    # one unit is a list item, the other is not: a law's article and an item of a later list that
    # repeats its wording (第十三条 vs 第三十一条（六）) must not cross levels
    item_penalty: float = 0.20
    # children of paired parents, both left over, whose texts open with the same words (this many
    # characters or more, and no other left-over sibling does): a reworded, renumbered unit
    opening_chars: int = 6
    heading_weight: float = 0.45  # share of the heading in the combined score
    # Headings are compared on their two-character runs weighted by rarity among both documents'
    # headings (加大…支持力度, 推进…高质量发展 are said everywhere and count for little); the
    # character ratio is blended in with this share, so a heading reworded in other words still counts.
    heading_ratio_share: float = 0.5
    # Below this body similarity only the headings' rarity-weighted likeness counts, not their
    # character ratio: two measures under stock headings (加大…支持力度) whose texts share next to
    # nothing are not one measure (units in one slot between paired neighbours excepted).
    heading_needs_body: float = 0.12
    idf_power: float = 2.0  # >1 lets rare words (names, figures, terms) outweigh policy boilerplate
    candidates_per_unit: int = 24  # candidates kept from the inverted index
    words_per_query: int = 12  # rarest words of a unit used to find candidates
    max_postings: int = 64  # words in more units than this are too common to find candidates
    # A body that is not identical scores below one that is, however close its words are, so a
    # verbatim copy always wins over a near copy.
    near_body_cap: float = 0.999
    # Both units top-level (no parents to agree): this share of parent_bonus, half the evidence.
    top_level_share: float = 0.5
    # Units at the same relative position, and this many on each side of it, are candidates too:
    # catches a rewritten unit that shares no rare word with its old self.
    position_window: int = 2
    # Left-over children × left-over children of a paired parent up to which each is a candidate
    # for the other's: beyond this (long flat lists) the pass would grow quadratically.
    max_children_cross: int = 400
    context_passes: int = 2  # passes with context bonuses after the anchors (a bonus feeds the next)
    # The children of two paired parents are then paired again in the documents' order: pairs this
    # sure (and identical texts) stay as anchors, moves included; between two anchors in order, the
    # units left in the same slot on each side are paired by an order-preserving assignment that
    # maximises their summed scores above slot_floor, whatever the rare-word candidates were.
    slot_floor: float = 0.12
    # A slot holding exactly one unit on each side: that unit's counterpart by its place alone,
    # unless what they say agrees less than this.
    slot_single_floor: float = 0.12
    # Children × children of two paired parents up to which the slots are solved (each slot's
    # assignment is quadratic in its size; a scope beyond this keeps the greedy pairing).
    max_slot_cells: int = 6400


@dataclass
class UnitFeatures:
    """What the aligner knows of one unit."""

    index: int  # the unit's index in its DocumentTree
    level: Level
    depth: int
    parent: int | None
    has_children: bool
    heading: str  # normalized heading (label excluded)
    words: Counter[str] = field(default_factory=Counter)  # content words of the unit and its sub-units
    number: int | None = None
    text: str = ""  # normalized own text without the label: identical texts pair first
    # every sub-unit is a list item: a provision that spells out a list, not a container of provisions
    lists_only: bool = False


@dataclass(frozen=True)
class Alignment:
    """Pairs of unit indices (left, right); None on the side that lacks the unit."""

    pairs: tuple[tuple[int | None, int | None], ...]
    scores: dict[tuple[int, int], float]
    moved: frozenset[tuple[int, int]]


def content_words(words: Sequence[str]) -> Counter[str]:
    """Keep the words that carry meaning: two or more characters, or a number; no punctuation."""
    return Counter(filter(_is_content, words))


@lru_cache(maxsize=1 << 16)
def _is_content(word: str) -> bool:
    """Whether a word carries meaning (see content_words); cached, as documents repeat their words."""
    return (len(word) >= MIN_CONTENT_WORD_CHARS and any(ch.isalnum() for ch in word)) or word.isdigit()


@lru_cache(maxsize=1 << 10)
def _term_weight(count: int) -> float:
    """The sublinear weight of a word said ``count`` times in a unit."""
    return 1.0 + math.log(count)


class _Vectors:
    """tf-idf vectors of both documents' units, normalised to unit length.

    Each vector is made when first scored: units paired on identical text never are.
    """

    def __init__(self, left: Sequence[UnitFeatures], right: Sequence[UnitFeatures], idf_power: float) -> None:
        df: Counter[str] = Counter()
        for unit in (*left, *right):
            df.update(unit.words.keys())
        total = len(left) + len(right)
        self.idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in df.items()}
        self.weight = {w: v**idf_power for w, v in self.idf.items()}
        self._bags = ([u.words for u in left], [u.words for u in right])
        self.left: list[dict[str, float] | None] = [None] * len(left)
        self.right: list[dict[str, float] | None] = [None] * len(right)

    def _vector(self, bag: Counter[str]) -> dict[str, float]:
        # the same arithmetic as a loop over the words, with the loops in C (map over builtins)
        values = list(map(mul, map(_term_weight, bag.values()), map(self.weight.__getitem__, bag)))
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        return dict(zip(bag, map(truediv, values, repeat(norm)), strict=True))

    def cosine(self, li: int, ri: int) -> float:
        """Dot product over the shorter vector's words in its order, the loop kept in C (map over
        builtins): a chapter's vector holds hundreds of words and is scored against many units."""
        a, b = self.left[li], self.right[ri]
        if a is None:
            a = self.left[li] = self._vector(self._bags[0][li])
        if b is None:
            b = self.right[ri] = self._vector(self._bags[1][ri])
        if len(a) > len(b):
            a, b = b, a
        total: float = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
        return total


def _bigrams(text: str) -> set[str]:
    """The two-character runs of a heading's letters and digits (punctuation breaks a run)."""
    out: set[str] = set()
    prev = ""
    for ch in text:
        if ch.isalnum():
            if prev:
                out.add(prev + ch)
            prev = ch
        else:
            prev = ""
    return out


class _Headings:
    """Headings as rarity-weighted sets of two-character runs, for a similarity that stock phrases
    cannot carry: a run found in many headings of the two documents weighs little."""

    def __init__(self, left: Sequence[UnitFeatures], right: Sequence[UnitFeatures]) -> None:
        grams = ([_bigrams(u.heading) for u in left], [_bigrams(u.heading) for u in right])
        df: Counter[str] = Counter()
        for side in grams:
            for bag in side:
                df.update(bag)
        total = sum(1 for side in grams for bag in side if bag)
        self.weight = {g: math.log((total + 1) / (n + 1)) for g, n in df.items()}
        self._grams = grams
        self._norm: tuple[list[float], list[float]] = (
            [self._mass(bag) for bag in grams[0]],
            [self._mass(bag) for bag in grams[1]],
        )

    def _mass(self, bag: set[str]) -> float:
        return math.sqrt(sum(self.weight[g] ** 2 for g in bag))

    def similarity(self, li: int, ri: int) -> float:
        """Weighted cosine of the two headings' runs, 0..1 (0 when either has none)."""
        a, b = self._grams[0][li], self._grams[1][ri]
        na, nb = self._norm[0][li], self._norm[1][ri]
        if not a or not b or na == 0.0 or nb == 0.0:
            return 0.0
        if len(a) > len(b):
            a, b = b, a
        shared = sum(self.weight[g] ** 2 for g in a if g in b)
        return min(shared / (na * nb), 1.0)


def heading_similarity(a: str, b: str) -> float:
    """Similarity of two normalized headings, 0..1 (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return _fuzz_ratio(a, b) / 100.0  # rapidfuzz scores in percent


class Aligner:
    """Aligns two lists of unit features; see module docstring."""

    def __init__(
        self, left: Sequence[UnitFeatures], right: Sequence[UnitFeatures], config: AlignConfig | None = None
    ) -> None:
        self.config = config or AlignConfig()
        self.left = list(left)
        self.right = list(right)
        self.vectors = _Vectors(self.left, self.right, self.config.idf_power)
        self.headings = _Headings(self.left, self.right)
        self.left_pos = {u.index: i for i, u in enumerate(self.left)}
        self.right_pos = {u.index: i for i, u in enumerate(self.right)}
        self.l2r: dict[int, int] = {}  # list positions
        self.r2l: dict[int, int] = {}
        self.scores: dict[tuple[int, int], float] = {}

    # -- scoring ---------------------------------------------------------------------------------
    def _base_score(self, li: int, ri: int, by_place: bool = False) -> float:
        """What two units' words and headings say of them being one measure, with the level
        penalties. ``by_place``: the units already share a slot between paired neighbours, so
        their headings count whatever their bodies share."""
        a, b = self.left[li], self.right[ri]
        if a.level in SPECIAL_LEVELS or b.level in SPECIAL_LEVELS:
            # title only with title, preamble with preamble, epilogue with epilogue
            return 1.0 if a.level == b.level else 0.0
        cfg = self.config
        body = 1.0 if a.text == b.text else min(self.vectors.cosine(li, ri), cfg.near_body_cap)
        share = cfg.heading_ratio_share
        rare = self.headings.similarity(li, ri)
        if body < cfg.heading_needs_body and not by_place:
            head = rare  # over unlike bodies only the headings' rarer words speak (not 加大…支持力度)
        else:
            head = share * heading_similarity(a.heading, b.heading) + (1 - share) * rare
        score = max(body, (1 - cfg.heading_weight) * body + cfg.heading_weight * head)
        if a.level != b.level:
            score -= cfg.depth_penalty * abs(a.depth - b.depth)
        # a container against a leaf, unless one provision merely spells out a list the other
        # states in its text (a revised article that gained or lost its items)
        if a.has_children != b.has_children and not (a.level == b.level and (a.lists_only or b.lists_only)):
            score -= cfg.container_penalty
        if (a.level == Level.ITEM) != (b.level == Level.ITEM):
            score -= cfg.item_penalty
        return score

    def _context_bonus(self, li: int, ri: int) -> float:
        a, b = self.left[li], self.right[ri]
        cfg = self.config
        bonus = 0.0
        if a.parent is not None and b.parent is not None:
            lp, rp = self.left_pos.get(a.parent), self.right_pos.get(b.parent)
            if lp is not None and self.l2r.get(lp) == rp:
                bonus += cfg.parent_bonus
        elif a.parent is None and b.parent is None:
            bonus += cfg.parent_bonus * cfg.top_level_share
        for step in (-1, 1):
            ln, rn = li + step, ri + step
            if 0 <= ln < len(self.left) and 0 <= rn < len(self.right) and self.l2r.get(ln) == rn:
                bonus += cfg.neighbour_bonus / 2  # each of the two neighbours gives half
        return bonus

    # -- assignment ------------------------------------------------------------------------------
    def _rank(self, item: tuple[float, int, int]) -> tuple[float, float, int, int]:
        """Best first; ties (scores equal to SCORE_PLACES places) go to the pair nearest in relative position.

        Rounding keeps float summation order from deciding, and the tie-break reads the same from
        either side, so comparing B with A mirrors comparing A with B.
        """
        score, li, ri = item
        where = abs(li / max(len(self.left), 1) - ri / max(len(self.right), 1))
        return (-round(score, SCORE_PLACES), round(where, POSITION_PLACES), li + ri, li)

    def _greedy(self, scored: list[tuple[float, int, int]], threshold: float) -> None:
        # Pairs scoring below the threshold to SCORE_PLACES sort after every pair that could be
        # taken and would stop the loop; leaving them out of the sort changes nothing but its cost.
        floor = round(threshold, SCORE_PLACES)
        kept = [item for item in scored if round(item[0], SCORE_PLACES) >= floor]
        kept.sort(key=self._rank)
        for score, li, ri in kept:
            if score < threshold:
                break
            if li in self.l2r or ri in self.r2l:
                continue
            self.l2r[li] = ri
            self.r2l[ri] = li
            self.scores[(self.left[li].index, self.right[ri].index)] = score

    def _pair_same_openings(self) -> None:
        """Left-over children of paired parents that open with the same words, one to one."""
        cfg = self.config
        left_over: dict[int | None, list[int]] = defaultdict(list)
        for lj, unit in enumerate(self.left):
            if lj not in self.l2r and unit.parent is not None:
                left_over[unit.parent].append(lj)
        for li, rights in _children_candidates(self).items():
            a = self.left[li]
            matches = [
                ri
                for ri in rights
                if ri not in self.r2l and _opening(a.text, self.right[ri].text) >= cfg.opening_chars
            ]
            if li in self.l2r or len(matches) != 1:
                continue
            ri = matches[0]
            rivals = [
                lj
                for lj in left_over[a.parent]
                if lj not in self.l2r
                and _opening(self.left[lj].text, self.right[ri].text) >= cfg.opening_chars
            ]
            score = self._base_score(li, ri)
            if rivals != [li] or score <= 0.0:
                continue
            self.l2r[li] = ri
            self.r2l[ri] = li
            self.scores[(a.index, self.right[ri].index)] = max(score, cfg.pair_threshold)

    def _pair_in_slots(self) -> None:
        """Pair the children of each two paired parents again in the documents' order.

        The sure pairs (identical texts, scores of anchor_threshold or more) stay; among them the
        longest run in order on both sides marks the slots. Every other pair under the two parents
        is undone and each slot's units are paired by an order-preserving assignment on their scores:
        a unit between two paired neighbours under paired chapters is a candidate for the unit in
        the same place whatever the word index found. A pair undone and not made again, whose units
        are both still free, is restored (a move the order cannot show).
        """
        cfg = self.config
        kids_left: dict[int, list[int]] = defaultdict(list)
        kids_right: dict[int, list[int]] = defaultdict(list)
        for li, unit in enumerate(self.left):
            kids_left[_ROOT if unit.parent is None else unit.parent].append(li)
        for ri, unit in enumerate(self.right):
            kids_right[_ROOT if unit.parent is None else unit.parent].append(ri)
        partner = {self.left[li].index: self.right[ri].index for li, ri in self.l2r.items()}
        partner[_ROOT] = _ROOT
        for lp, lefts in kids_left.items():
            rp = partner.get(lp)
            rights = kids_right.get(rp, []) if rp is not None else []
            if rights and len(lefts) * len(rights) <= cfg.max_slot_cells:
                self._solve_scope(lefts, rights)

    def _slot_score(self, li: int, ri: int) -> float:
        """A unit's score against one in its slot; a container never pairs a leaf by place alone
        (a chapter against an article), unless one provision merely spells out a list."""
        a, b = self.left[li], self.right[ri]
        if a.level != b.level and (a.has_children or b.has_children):
            return 0.0
        if a.has_children != b.has_children and not (a.lists_only or b.lists_only):
            return 0.0
        return self._base_score(li, ri, by_place=True)

    def _solve_scope(self, lefts: list[int], rights: list[int]) -> None:
        """Re-pair one scope's children in order (see _pair_in_slots)."""
        cfg = self.config
        in_right = set(rights)
        paired = [(li, self.l2r[li]) for li in lefts if li in self.l2r and self.l2r[li] in in_right]
        chain = [paired[k] for k in _longest_increasing([ri for _, ri in paired])]
        bounds = [(-1, -1), *chain, (len(self.left), len(self.right))]
        right_order = sorted(rights)
        for (l0, r0), (l1, r1) in zip(bounds, bounds[1:], strict=False):
            slot_left = [li for li in lefts if l0 < li < l1 and li not in self.l2r]
            slot_right = [ri for ri in right_order if r0 < ri < r1 and ri not in self.r2l]
            if not slot_left or not slot_right:
                continue
            slot_left = [li for li in slot_left if self.left[li].level not in SPECIAL_LEVELS]
            slot_right = [ri for ri in slot_right if self.right[ri].level not in SPECIAL_LEVELS]
            single = len(slot_left) == 1 and len(slot_right) == 1
            floor = cfg.slot_single_floor if single else cfg.slot_floor
            scores = [[self._slot_score(li, ri) for ri in slot_right] for li in slot_left]
            weights = [[s - floor + 1e-9 if s >= floor else 0.0 for s in row] for row in scores]
            for i, j in _slot_assignment(weights):
                li, ri = slot_left[i], slot_right[j]
                self.l2r[li] = ri
                self.r2l[ri] = li
                self.scores[(self.left[li].index, self.right[ri].index)] = max(scores[i][j], 0.0)

    def _pair_identical(self) -> None:
        """Pair units whose own text is identical and unique on each side, before any scoring.

        Then, level by level, a text said more than once in a document still pairs where it is
        unique among the children of two paired parents (a stock clause repeated under each
        article): these units need no scoring, which would otherwise grow with the repeats.
        """
        self._pair_unique(_EVERYWHERE, lambda unit: None, lambda unit: None)
        for _ in range(MAX_IDENTICAL_DEPTH):
            partner: dict[int | None, int | None] = {
                self.left[li].index: self.right[ri].index for li, ri in self.l2r.items()
            }
            partner[_ROOT] = _ROOT
            if not self._pair_unique(partner, _parent_scope, _parent_scope):
                return

    def _pair_unique(
        self,
        partner: dict[int | None, int | None],
        left_scope: Callable[[UnitFeatures], int | None],
        right_scope: Callable[[UnitFeatures], int | None],
    ) -> int:
        """Pair unpaired units of identical text that is unique in its scope on each side.

        A left unit's scope is mapped through ``partner`` to the right scope it must match (a
        left parent to its right partner); returns how many pairs were made.
        """

        def key(unit: UnitFeatures) -> tuple[str, bool, str]:
            group = unit.level.value if unit.level in SPECIAL_LEVELS else "unit"
            return (group, unit.has_children, unit.text)

        Key = tuple[int | None, tuple[str, bool, str]]
        left_by: dict[Key, list[int]] = defaultdict(list)
        right_by: dict[Key, list[int]] = defaultdict(list)
        for li, unit in enumerate(self.left):
            scope = left_scope(unit)
            if unit.text and li not in self.l2r and scope in partner:
                left_by[(partner[scope], key(unit))].append(li)
        for ri, unit in enumerate(self.right):
            if unit.text and ri not in self.r2l:
                right_by[(right_scope(unit), key(unit))].append(ri)
        made = 0
        for k, lefts in left_by.items():
            rights = right_by.get(k, [])
            if len(lefts) == 1 and len(rights) == 1:
                li, ri = lefts[0], rights[0]
                self.l2r[li] = ri
                self.r2l[ri] = li
                self.scores[(self.left[li].index, self.right[ri].index)] = 1.0
                made += 1
        return made

    def run(self) -> Alignment:
        cfg = self.config
        self._pair_identical()
        candidates = _candidates(self)
        base: dict[tuple[int, int], float] = {}
        for li, rights in candidates.items():
            for ri in rights:
                base[(li, ri)] = self._base_score(li, ri)
        self._greedy([(s, li, ri) for (li, ri), s in base.items()], cfg.anchor_threshold)
        # second and third passes: context from what is already paired
        for _ in range(cfg.context_passes):
            for li, rights in _children_candidates(self).items():
                for ri in rights:
                    if (li, ri) not in base:
                        base[(li, ri)] = self._base_score(li, ri)
            mutual = _mutual_best({k: v for k, v in base.items() if v >= cfg.mutual_min_score})
            scored = [
                (s + self._context_bonus(li, ri) + (cfg.mutual_bonus if (li, ri) in mutual else 0.0), li, ri)
                for (li, ri), s in base.items()
                if li not in self.l2r and ri not in self.r2l and s >= cfg.min_content
            ]
            self._greedy(scored, cfg.pair_threshold)
        self._pair_in_slots()
        self._pair_same_openings()
        return arrange(
            self.left,
            self.right,
            {self.left[li].index: self.right[ri].index for li, ri in self.l2r.items()},
            self.scores,
        )


# -- candidates: which pairs an aligner scores at all ------------------------------------------
def _candidates(aligner: Aligner) -> dict[int, set[int]]:
    """For each left unit, right units sharing its rarest words, plus structural guesses.

    Units already paired (identical texts) are left out on both sides after the choice:
    pairs are never undone, so no score of theirs could be used.
    """
    cfg = aligner.config
    postings: dict[str, list[int]] = defaultdict(list)
    for ri, unit in enumerate(aligner.right):
        for word in unit.words:
            postings[word].append(ri)
    special_right: dict[Level, list[int]] = defaultdict(list)
    for ri, unit in enumerate(aligner.right):
        if unit.level in SPECIAL_LEVELS:
            special_right[unit.level].append(ri)
    idf = aligner.vectors.idf
    findable = {w: found for w, found in postings.items() if len(found) <= cfg.max_postings}
    result: dict[int, set[int]] = {}
    n_right = max(len(aligner.right), 1)
    for li, unit in enumerate(aligner.left):
        if li in aligner.l2r:
            continue
        if unit.level in SPECIAL_LEVELS:
            result[li] = {ri for ri in special_right.get(unit.level, ()) if ri not in aligner.r2l}
            continue
        # rarest first (a stable sort: equally rare words keep the unit's order)
        rare = sorted(filter(findable.__contains__, unit.words), key=idf.__getitem__, reverse=True)
        tally: dict[int, float] = defaultdict(float)
        for word in rare[: cfg.words_per_query]:
            weight = idf[word]
            for ri in findable[word]:
                tally[ri] += weight
        if len(tally) <= cfg.candidates_per_unit:
            chosen = set(tally)
        else:  # the best tallies, ties to the earlier unit: keys are distinct, so sorting is exact
            ranked = sorted(zip(tally.values(), map(neg, tally), strict=True), reverse=True)
            chosen = {-neg_ri for _, neg_ri in ranked[: cfg.candidates_per_unit]}
        # the unit at the same relative position and its neighbours: catches rewritten units
        guess = round(li * n_right / max(len(aligner.left), 1))
        window = cfg.position_window
        chosen.update(r for r in range(guess - window, guess + window + 1) if 0 <= r < len(aligner.right))
        result[li] = {
            ri for ri in chosen if ri not in aligner.r2l and aligner.right[ri].level not in SPECIAL_LEVELS
        }
    return result


def _children_candidates(aligner: Aligner) -> dict[int, set[int]]:
    """Unpaired units whose parents are paired: each is a candidate for the other's children."""
    left_kids: dict[int, list[int]] = defaultdict(list)
    right_kids: dict[int, list[int]] = defaultdict(list)
    for li, unit in enumerate(aligner.left):
        if unit.parent is not None and li not in aligner.l2r:
            left_kids[unit.parent].append(li)
    for ri, unit in enumerate(aligner.right):
        if unit.parent is not None and ri not in aligner.r2l:
            right_kids[unit.parent].append(ri)
    extra: dict[int, set[int]] = defaultdict(set)
    for lp_index, kids in left_kids.items():
        lp = aligner.left_pos.get(lp_index)
        rp = aligner.l2r.get(lp) if lp is not None else None
        if rp is None:
            continue
        others = right_kids.get(aligner.right[rp].index, [])
        if len(kids) * len(others) > aligner.config.max_children_cross:
            continue
        for li in kids:
            extra[li].update(others)
    return extra


def _slot_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """The order-preserving pairing of rows with columns that maximises the summed positive weights
    (a weighted longest common subsequence); a weight of 0 or less is never taken."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, w = best[i], best[i + 1], weights[i]
        for j in range(m - 1, -1, -1):
            take = w[j] + below[j + 1] if w[j] > 0.0 else 0.0
            row[j] = max(below[j], row[j + 1], take)
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if weights[i][j] > 0.0 and best[i][j] == weights[i][j] + best[i + 1][j + 1]:
            out.append((i, j))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def _mutual_best(base: dict[tuple[int, int], float]) -> set[tuple[int, int]]:
    """Pairs whose units are each other's best-scoring candidate (ties to neither)."""
    best_left: dict[int, tuple[float, int]] = {}
    best_right: dict[int, tuple[float, int]] = {}
    tied_left: set[int] = set()
    tied_right: set[int] = set()
    for (li, ri), s in base.items():
        s = round(s, SCORE_PLACES)
        for best, tied, key, other in ((best_left, tied_left, li, ri), (best_right, tied_right, ri, li)):
            held = best.get(key)
            if held is None or s > held[0]:
                best[key] = (s, other)
                tied.discard(key)
            elif s == held[0]:
                tied.add(key)
    return {
        (li, ri)
        for li, (_, ri) in best_left.items()
        if li not in tied_left and ri not in tied_right and best_right.get(ri, (0.0, -1))[1] == li
    }


def _parent_scope(unit: UnitFeatures) -> int:
    """The scope a text must be unique in to pair on identity alone: its parent's children."""
    return _ROOT if unit.parent is None else unit.parent


def _opening(a: str, b: str) -> int:
    """How many characters two texts share from their start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _longest_increasing(values: Sequence[int]) -> list[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    tail_pos: list[int] = []
    previous = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_pos.append(i)
        else:
            tails[k] = v
            tail_pos[k] = i
        previous[i] = tail_pos[k - 1] if k else -1
    out: list[int] = []
    i = tail_pos[-1] if tail_pos else -1
    while i >= 0:
        out.append(i)
        i = previous[i]
    return out[::-1]


def arrange(
    left: Sequence[UnitFeatures],
    right: Sequence[UnitFeatures],
    l2r: dict[int, int],
    scores: dict[tuple[int, int], float] | None = None,
) -> Alignment:
    """Put a pairing (left unit index → right unit index) in reading order and find the moves.

    Pairs follow the left document; a right unit with no counterpart comes where it stands on the
    right. A pair is moved when it is out of order (not on the longest increasing run of right
    positions) or when its units sit under parents that are paired elsewhere.
    """
    left_pos = {u.index: i for i, u in enumerate(left)}
    right_pos = {u.index: i for i, u in enumerate(right)}
    pos_l2r = {left_pos[a]: right_pos[b] for a, b in l2r.items()}
    paired_right = set(pos_l2r.values())
    out: list[tuple[int | None, int | None]] = []
    next_right = 0
    for li, unit in enumerate(left):
        ri = pos_l2r.get(li)
        if ri is None:
            out.append((unit.index, None))
            continue
        if ri >= next_right:
            for r in range(next_right, ri):
                if r not in paired_right:
                    out.append((None, right[r].index))
            next_right = ri + 1
        out.append((unit.index, right[ri].index))
    out.extend((None, right[r].index) for r in range(next_right, len(right)) if r not in paired_right)

    ordered = sorted(pos_l2r.items())
    keep = set(_longest_increasing([ri for _, ri in ordered]))
    moved: set[tuple[int, int]] = set()
    for k, (li, ri) in enumerate(ordered):
        a, b = left[li], right[ri]
        if a.level in SPECIAL_LEVELS:
            continue
        other_parent = False
        if a.parent is not None and b.parent is not None:
            lp, rp = left_pos.get(a.parent), right_pos.get(b.parent)
            if lp in pos_l2r and rp in paired_right:
                other_parent = pos_l2r[lp] != rp
        if k not in keep or other_parent:
            moved.add((a.index, b.index))
    return Alignment(pairs=tuple(out), scores=dict(scores or {}), moved=frozenset(moved))


def align_units(
    left: Sequence[UnitFeatures], right: Sequence[UnitFeatures], config: AlignConfig | None = None
) -> Alignment:
    """Pair the units of two documents. See the module docstring for how.

    Args:
        left: features of the left document's units, in reading order.
        right: the same for the right document.
        config: thresholds and weights.

    Returns:
        Every unit of both sides in exactly one pair, in reading order, with scores and moves.
    """
    return Aligner(left, right, config).run()
