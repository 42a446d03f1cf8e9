"""Word-level differences between two short texts, as runs of tokens.

diff-match-patch diffs characters; mapping each distinct word to one private character (its
``diff_linesToChars`` trick applied to jieba words) makes it diff words, and its semantic
clean-up then merges scattered matches so a reworded phrase reads as one change.
Works on token lists only, so it knows nothing of normalization or offsets.
May import: the standard library, diff_match_patch and policydiff.model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from policydiff.model import Op

_FIRST_CODE = 0x100  # keep clear of control characters
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class DiffConfig:
    """Limits of the word diff."""

    # 0 = no time limit: results must not depend on the machine's speed. The work is bounded by
    # diffing sentences first and words only inside changed sentences of bounded size.
    timeout: float = 0.0
    direct_product: int = 40_000  # left×right tokens up to which words are diffed at once
    semantic_cleanup: bool = True
    # Equalities of fewer tokens than this, squeezed between changes, are folded into the change
    # (diff-match-patch's efficiency clean-up): a reworded phrase reads as one change, while a
    # sentence kept inside a rewritten paragraph stays visible (its semantic clean-up, counting
    # tokens, would swallow it).
    edit_cost: int = 3


@dataclass(frozen=True)
class TokenChunk:
    """One diff chunk in token positions: left[l0:l1] against right[r0:r1]."""

    op: Op
    l0: int
    l1: int
    r0: int
    r1: int


def _encode(tokens: Sequence[str], table: dict[str, str]) -> str:
    out = []
    for token in tokens:
        code = table.get(token)
        if code is None:
            n = _FIRST_CODE + len(table)
            if n >= _SURROGATES.start:
                n += len(_SURROGATES)
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
    if len(left) * len(right) <= config.direct_product:
        return _diff(left, right, config, [1] * len(left), [1] * len(right))
    return _diff_long(left, right, config)


def _diff_long(left: Sequence[str], right: Sequence[str], config: DiffConfig) -> list[TokenChunk]:
    """Diff sentences first, then words inside each changed run of sentences that is small enough."""
    left_lines, left_counts = _group_lines(left)
    right_lines, right_counts = _group_lines(right)
    coarse = _diff(left_lines, right_lines, config, left_counts, right_counts)
    out: list[TokenChunk] = []
    for chunk in coarse:
        n_left, n_right = chunk.l1 - chunk.l0, chunk.r1 - chunk.r0
        if chunk.op != Op.REPLACE or n_left * n_right > config.direct_product:
            out.append(chunk)
            continue
        inner = _diff(
            left[chunk.l0 : chunk.l1], right[chunk.r0 : chunk.r1], config, [1] * n_left, [1] * n_right
        )
        out.extend(
            TokenChunk(c.op, c.l0 + chunk.l0, c.l1 + chunk.l0, c.r0 + chunk.r0, c.r1 + chunk.r0)
            for c in inner
        )
    return _merge(out)


def _diff(
    left: Sequence[str], right: Sequence[str], config: DiffConfig, left_w: list[int], right_w: list[int]
) -> list[TokenChunk]:
    """Diff items; each item stands for ``left_w[i]`` / ``right_w[j]`` tokens of the caller."""
    table: dict[str, str] = {}
    a, b = _encode(left, table), _encode(right, table)
    engine = diff_match_patch()
    engine.Diff_Timeout = config.timeout
    diffs = engine.diff_main(a, b, False)
    if config.semantic_cleanup:
        engine.Diff_EditCost = config.edit_cost
        engine.diff_cleanupEfficiency(diffs)
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
