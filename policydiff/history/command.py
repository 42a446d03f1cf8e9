"""``policydiff history V1 V2 … Vn [--json OUT] [--html OUT] [--xlsx OUT]``: a document across versions.

Prints one line per step (counts per mark) and writes the outputs asked for, atomically and never
over an input. Errors reach the user as policydiff.cli's one-line messages.
May import: the standard library, policydiff.cli's helpers and the pure policydiff modules.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from policydiff.model import DEFAULT_NORMALIZE, CompareOptions, NormalizeMode


def history_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policydiff history",
        description=(
            "Follow every article of a document through two or more versions (oldest first): "
            "when each was renumbered, changed, added, removed, moved, merged or split."
        ),
    )
    parser.add_argument("versions", nargs="+", help="the versions, oldest first (any supported format)")
    parser.add_argument("--json", metavar="OUT", help="write the history as JSON (- for standard output)")
    parser.add_argument("--html", metavar="OUT", help="write the lineage table as a self-contained page")
    parser.add_argument("--xlsx", metavar="OUT", help="write the lineage table as an Excel workbook")
    parser.add_argument(
        "--normalize",
        choices=[mode.value for mode in NormalizeMode],
        default=DEFAULT_NORMALIZE.value,
        help="as for compare",
    )
    return parser


def run_history(argv: Sequence[str]) -> int:
    """Parse the arguments, build the history, write the outputs; the exit code."""
    from policydiff.cli import _write_json, shown
    from policydiff.history.chain import build_history
    from policydiff.outputs import same_file, write_atomically

    parser = history_parser()
    args = parser.parse_args(list(argv))
    if len(args.versions) < 2:
        parser.error("give at least two versions, oldest first")
    outputs = [o for o in (args.json, args.html, args.xlsx) if o and o != "-"]
    if any(same_file(a, b) for i, a in enumerate(outputs) for b in outputs[i + 1 :]):
        parser.error("two outputs name the same file; give each its own")
    inputs = tuple(args.versions)
    history = build_history(inputs, CompareOptions(normalize=NormalizeMode(args.normalize)))
    if args.json:
        from policydiff.history.jsonform import history_to_json

        _write_json(args.json, history_to_json(history), inputs)
    if args.html:
        from policydiff.history.html import render_history

        write_atomically(args.html, render_history(history), inputs=inputs)
    if args.xlsx:
        from policydiff.history.xlsx import history_to_xlsx

        write_atomically(args.xlsx, history_to_xlsx(history), inputs=inputs)
    if args.json != "-":
        names = " → ".join(shown(v.name) for v in history.versions)
        print(f"{names}: {len(history.rows)} lineages, {sum(r.changed for r in history.rows)} ever changed")
        for k in range(len(history.comparisons)):
            counts = history.counts(k).marks
            tally = ", ".join(f"{counts[m]} {m.value}" for m in counts if counts[m])
            left, right = history.versions[k], history.versions[k + 1]
            print(f"  {shown(left.date or left.name)} → {shown(right.date or right.name)}: {tally}")
    return 0
