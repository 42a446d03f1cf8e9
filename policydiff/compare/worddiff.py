"""Word-level differences between two short texts, as runs of tokens.

Each distinct word becomes one private character (diff-match-patch's ``diff_linesToChars``
trick applied to jieba words), so a character diff is a word diff. The diff itself is an exact
longest common subsequence from rapidfuzz's bit-parallel C++ code (``Indel.opcodes``): it never
gives up and never depends on the machine's speed, so every shared run is found on units of any
length. diff-match-patch then only cleans up: its efficiency clean-up folds the scattered one-word
matches of a rewritten phrase into one change, its lossless clean-up slides edits to word edges.
Works on token lists only, so it knows nothing of normalization or offsets.
May import: the standard library, rapidfuzz, diff_match_patch and policydiff.model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from policydiff.model import Op

_FIRST_CODE = 0x100  # keep clear of control characters
_SURROGATES = range(0xD800, 0xE000)
_LAST_CODE = 0x10FFFF
# Codes for words past the last code point (a hostile unit of a million distinct numbers): such
# a word only ever equals itself on its own side, so it shows as changed, never as a false match.
_OVERFLOW = ("\x01", "\x02")


@dataclass(frozen=True)
class DiffConfig:
    """Limits of the word diff."""

    # Left×right tokens up to which two texts are diffed word by word at once: the LCS table then
    # takes at most max_cells/8 bytes (50 MB) and a few tenths of a second. Longer texts (tens of
    # thousands of words on each side) are diffed sentence by sentence first, then word by word
    # inside each changed run (in windows when a run is still that long), so nothing gives up.
    max_cells: int = 400_000_000
    semantic_cleanup: bool = True
    # Shared text of fewer characters than this, squeezed between changes on both sides, is folded
    # into the change (diff-match-patch's efficiency rule, counted in characters): a reworded
    # phrase reads as one change instead of a scatter of kept 的/和/，, while every shared run of
    # this length or more stays visible (its semantic clean-up would swallow a kept sentence).
    min_shared_chars: int = 4


@dataclass(frozen=True)
class TokenChunk:
    """One diff chunk in token positions: left[l0:l1] against right[r0:r1]."""

    op: Op
    l0: int
    l1: int
    r0: int
    r1: int


def _encode(tokens: Sequence[str], table: dict[str, str], side: int) -> str:
    out = []
    for token in tokens:
        code = table.get(token)
        if code is None:
            n = _FIRST_CODE + len(table)
            if n >= _SURROGATES.start:
                n += len(_SURROGATES)
            if n > _LAST_CODE:
                out.append(_OVERFLOW[side])
                continue
            code = table[token] = chr(n)
        out.append(code)
    return "".join(out)


SENTENCE_ENDS = frozenset("。；;！!？?\n")


def _group_lines(tokens: Sequence[str]) -> tuple[list[str], list[int]]:
    """Join tokens into sentences (split after 。；！？ and newlines); returns sentences and token counts."""
    lines: list[str] = []
    counts: list[int] = []
    current: list[str] = []
    for token in tokens:
        current.append(token)
        if token and token[-1] in SENTENCE_ENDS:
            lines.append("".join(current))
            counts.append(len(current))
            current = []
    if current:
        lines.append("".join(current))
        counts.append(len(current))
    return lines, counts


def diff_tokens(
    left: Sequence[str], right: Sequence[str], config: DiffConfig | None = None
) -> list[TokenChunk]:
    """Diff two token sequences.

    Args:
        left: tokens of the left text.
        right: tokens of the right text.
        config: limits.

    Returns:
        Chunks covering both sequences in order; a delete next to an insert becomes a replace.
    """
    config = config or DiffConfig()
    left, right = list(left), list(right)
    if left == right:
        return [TokenChunk(Op.EQUAL, 0, len(left), 0, len(right))] if left else []
    if right < left:
        # Always diff in one canonical direction and mirror: when two changes are equally good,
        # diff-match-patch's choice depends on direction, and B against A must mirror A against B.
        return [_mirror(c) for c in _diff_directed(right, left, config)]
    return _diff_directed(left, right, config)


_MIRRORED_OP = {Op.EQUAL: Op.EQUAL, Op.REPLACE: Op.REPLACE, Op.DELETE: Op.INSERT, Op.INSERT: Op.DELETE}


def _mirror(chunk: TokenChunk) -> TokenChunk:
    return TokenChunk(_MIRRORED_OP[chunk.op], chunk.r0, chunk.r1, chunk.l0, chunk.l1)


def _diff_directed(left: list[str], right: list[str], config: DiffConfig) -> list[TokenChunk]:
    """Shared words at both ends are kept as they are (part of some longest common subsequence);
    the middle is diffed."""
    n = min(len(left), len(right))
    p = 0
    while p < n and left[p] == right[p]:
        p += 1
    q = 0
    while q < n - p and left[-1 - q] == right[-1 - q]:
        q += 1
    if p == 0 and q == 0:
        return _diff_middle(left, right, config)
    middle = (
        _diff_middle(left[p : len(left) - q], right[p : len(right) - q], config)
        if p + q < max(len(left), len(right))
        else []
    )
    out = [TokenChunk(Op.EQUAL, 0, p, 0, p)] if p else []
    out.extend(_shift(c, p, p) for c in middle)
    if q:
        out.append(TokenChunk(Op.EQUAL, len(left) - q, len(left), len(right) - q, len(right)))
    return _merge(out)


def _diff_middle(left: list[str], right: list[str], config: DiffConfig) -> list[TokenChunk]:
    if not left or not right:
        if left:
            return [TokenChunk(Op.DELETE, 0, len(left), 0, 0)]
        return [TokenChunk(Op.INSERT, 0, 0, 0, len(right))] if right else []
    if len(left) * len(right) <= config.max_cells:
        by_chars = sum(map(len, left)) * sum(map(len, right)) <= config.max_cells
        return _diff(left, right, config, [1] * len(left), [1] * len(right), by_chars)
    return _diff_long(left, right, config)


def _diff_long(left: Sequence[str], right: Sequence[str], config: DiffConfig) -> list[TokenChunk]:
    """Diff sentences first, then words inside each changed run of sentences."""
    left_lines, left_counts = _group_lines(left)
    right_lines, right_counts = _group_lines(right)
    if len(left_lines) * len(right_lines) > config.max_cells:
        return _diff_windows(left, right, config)
    coarse = _diff(left_lines, right_lines, config, left_counts, right_counts)
    out: list[TokenChunk] = []
    for chunk in coarse:
        if chunk.op != Op.REPLACE:
            out.append(chunk)
            continue
        sub_left, sub_right = left[chunk.l0 : chunk.l1], right[chunk.r0 : chunk.r1]
        if len(sub_left) * len(sub_right) <= config.max_cells:
            inner = _diff(sub_left, sub_right, config, [1] * len(sub_left), [1] * len(sub_right))
        else:
            inner = _diff_windows(sub_left, sub_right, config)
        out.extend(_shift(c, chunk.l0, chunk.r0) for c in inner)
    return _merge(out)


def _diff_windows(left: Sequence[str], right: Sequence[str], config: DiffConfig) -> list[TokenChunk]:
    """Diff two very long runs as k consecutive windows of each, paired in proportion.

    Each window pair is within the cell budget, so time and memory stay linear in the input;
    shared text that keeps its place is still found, text moved across a window is not.
    """
    k = 1
    while (len(left) // k + 1) * (len(right) // k + 1) > config.max_cells:
        k *= 2
    out: list[TokenChunk] = []
    for w in range(k):
        l0, l1 = len(left) * w // k, len(left) * (w + 1) // k
        r0, r1 = len(right) * w // k, len(right) * (w + 1) // k
        inner = _diff(left[l0:l1], right[r0:r1], config, [1] * (l1 - l0), [1] * (r1 - r0))
        out.extend(_shift(c, l0, r0) for c in inner)
    return _merge(out)


def _shift(chunk: TokenChunk, dl: int, dr: int) -> TokenChunk:
    return TokenChunk(chunk.op, chunk.l0 + dl, chunk.l1 + dl, chunk.r0 + dr, chunk.r1 + dr)


def _weighted_diffs(left: Sequence[str], right: Sequence[str], a: str, b: str) -> list[tuple[int, str]]:
    """Diffs of a longest common subsequence of words weighted by their length in characters.

    Each word becomes one code per character (the k-th character of a word has a code of its own),
    so an exact LCS of the codes keeps the most characters; a word counts as shared when all its
    codes are matched to the same word on the other side. ``a``/``b`` are the words' own codes.
    """
    table: dict[tuple[str, int], str] = {}  # (word, k) → code, for words coded near the code space's gaps
    known: dict[str, str] = {}  # word → its codes, once all have a code of their own (words repeat)
    handed = 0  # codes handed out so far: the next is _FIRST_CODE + handed (surrogates skipped)

    def codes_of(word: str, side: int) -> str:
        nonlocal handed
        width = max(len(word), 1)
        first = _FIRST_CODE + handed
        if first + width <= min(_SURROGATES.start, _LAST_CODE + 1):  # a new word, clear of gap and end
            handed += width
            known[word] = joined = "".join(map(chr, range(first, first + width)))
            return joined
        codes: list[str] = []
        for k in range(width):
            code = table.get((word, k))
            if code is None:
                n = _FIRST_CODE + handed
                if n >= _SURROGATES.start:
                    n += len(_SURROGATES)
                if n > _LAST_CODE:
                    codes.append(_OVERFLOW[side])  # a side's code: never kept in ``known``
                    continue
                code = table[(word, k)] = chr(n)
                handed += 1
            codes.append(code)
        joined = "".join(codes)
        if _OVERFLOW[side] not in joined:
            known[word] = joined
        return joined

    def expand(words: Sequence[str], side: int) -> tuple[str, list[int]]:
        pieces = [known.get(word) or codes_of(word, side) for word in words]
        owner = list(chain.from_iterable(map(repeat, range(len(pieces)), map(len, pieces))))
        return "".join(pieces), owner

    ca, owner_a = expand(left, 0)
    cb, owner_b = expand(right, 1)
    matched: Counter[tuple[int, int]] = Counter()
    for op in Indel.opcodes(ca, cb):
        if op.tag == "equal":
            width = op.src_end - op.src_start
            shared = owner_a[op.src_start : op.src_end], owner_b[op.dest_start : op.dest_start + width]
            matched.update(zip(*shared, strict=True))
    pairs = sorted((i, j) for (i, j), n in matched.items() if n == max(len(left[i]), 1))
    diffs: list[tuple[int, str]] = []
    pi = pj = 0
    for i, j in pairs:
        if i < pi or j < pj:
            continue  # keeps the matches in order (they are, by construction)
        if i > pi:
            diffs.append((-1, a[pi:i]))
        if j > pj:
            diffs.append((1, b[pj:j]))
        if diffs and diffs[-1][0] == 0:
            diffs[-1] = (0, diffs[-1][1] + a[i])
        else:
            diffs.append((0, a[i]))
        pi, pj = i + 1, j + 1
    if pi < len(a):
        diffs.append((-1, a[pi:]))
    if pj < len(b):
        diffs.append((1, b[pj:]))
    return diffs


def _lcs_diffs(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch style diffs (op, text) of an exact longest common subsequence of a and b."""
    diffs: list[tuple[int, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            diffs.append((0, a[op.src_start : op.src_end]))
        elif op.tag == "delete":
            diffs.append((-1, a[op.src_start : op.src_end]))
        elif op.tag == "insert":
            diffs.append((1, b[op.dest_start : op.dest_end]))
        else:  # Indel has no replace; kept for safety
            diffs.append((-1, a[op.src_start : op.src_end]))
            diffs.append((1, b[op.dest_start : op.dest_end]))
    return diffs


def _diff(
    left: Sequence[str],
    right: Sequence[str],
    config: DiffConfig,
    left_w: list[int],
    right_w: list[int],
    by_chars: bool = False,
) -> list[TokenChunk]:
    """Diff items; each item stands for ``left_w[i]`` / ``right_w[j]`` tokens of the caller.

    ``by_chars``: the common subsequence keeps the most characters, not the most words, so one
    long shared phrase wins over a scatter of short shared words that cross it.
    """
    table: dict[str, str] = {}
    a, b = _encode(left, table, 0), _encode(right, table, 1)
    diffs = _weighted_diffs(left, right, a, b) if by_chars else _lcs_diffs(a, b)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0.0  # no time limit: results never depend on the machine's speed
    if config.semantic_cleanup and len(diffs) > 1:
        width = {code: len(item) for item, code in table.items()}
        diffs = _fold_short_equalities(diffs, width, config.min_shared_chars)
        engine.diff_cleanupSemanticLossless(diffs)
    chunks: list[TokenChunk] = []
    li = ri = 0  # item positions
    lt = rt = 0  # token positions
    del_start: int | None = None  # token where a run of deletions began
    ins_start: int | None = None

    def flush() -> None:
        if del_start is not None and ins_start is not None:
            chunks.append(TokenChunk(Op.REPLACE, del_start, lt, ins_start, rt))
        elif del_start is not None:
            chunks.append(TokenChunk(Op.DELETE, del_start, lt, rt, rt))
        elif ins_start is not None:
            chunks.append(TokenChunk(Op.INSERT, lt, lt, ins_start, rt))

    for op, text in diffs:
        n = len(text)
        if op == 0:
            flush()
            del_start = ins_start = None
            l_tokens = sum(left_w[li : li + n])
            r_tokens = sum(right_w[ri : ri + n])
            chunks.append(TokenChunk(Op.EQUAL, lt, lt + l_tokens, rt, rt + r_tokens))
            li, ri, lt, rt = li + n, ri + n, lt + l_tokens, rt + r_tokens
        elif op == -1:
            del_start = lt if del_start is None else del_start
            lt += sum(left_w[li : li + n])
            li += n
        else:
            ins_start = rt if ins_start is None else ins_start
            rt += sum(right_w[ri : ri + n])
            ri += n
    flush()
    return _merge(chunks)


def _fold_short_equalities(
    diffs: list[tuple[int, str]], width: dict[str, int], min_chars: int
) -> list[tuple[int, str]]:
    """Fold short shared runs between changes into the change (diff-match-patch's efficiency rule).

    A run shorter than ``min_chars`` characters with deletions and insertions on both sides is
    folded; one shorter than half that with changes on three of the four sides is folded too.
    """

    def chars(text: str) -> int:
        return sum(width.get(code, 1) for code in text)

    # alternate [equal, (deleted, inserted), equal, ...]; a leading or trailing change has an
    # empty equality beside it
    equals: list[str] = []
    changes: list[list[str]] = []
    pending = ["", ""]
    current_equal = ""
    for op, text in diffs:
        if op == 0:
            if pending != ["", ""] or not equals:
                equals.append(current_equal)
                changes.append(pending)
                pending = ["", ""]
                current_equal = text
            else:
                current_equal += text
        elif op == -1:
            pending[0] += text
        else:
            pending[1] += text
    equals.append(current_equal)
    changes.append(pending)
    # equals[k] stands before changes[k]; fold equals[k] (0 < k) when changes[k-1] and changes[k]
    # hold enough edits around it
    out_equals = [equals[0]]
    out_changes = [changes[0]]
    for k in range(1, len(equals)):
        before, after, eq = out_changes[-1], changes[k], equals[k]
        sides = sum(bool(x) for x in (*before, *after))
        size = chars(eq)
        if (
            eq
            and before != ["", ""]
            and ((sides == 4 and size < min_chars) or (sides == 3 and size * 2 < min_chars))
        ):
            out_changes[-1] = [before[0] + eq + after[0], before[1] + eq + after[1]]
        else:
            out_equals.append(eq)
            out_changes.append(after)
    result: list[tuple[int, str]] = []
    for eq, (deleted, inserted) in zip(out_equals, out_changes, strict=True):
        if eq:
            result.append((0, eq))
        if deleted:
            result.append((-1, deleted))
        if inserted:
            result.append((1, inserted))
    return result


def _merge(chunks: list[TokenChunk]) -> list[TokenChunk]:
    """Join neighbouring chunks of the same op (diff-match-patch may split them)."""
    out: list[TokenChunk] = []
    for chunk in chunks:
        if out and out[-1].op == chunk.op and chunk.op == Op.EQUAL:
            prev = out[-1]
            out[-1] = TokenChunk(Op.EQUAL, prev.l0, chunk.l1, prev.r0, chunk.r1)
        else:
            out.append(chunk)
    return out
