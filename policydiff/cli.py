"""The command line: ``policydiff compare|outline|figures …``, and the desktop app when given no command.

Exit codes: 0 done, 1 an input could not be read or an output not written (one-line message on
stderr), 2 bad usage, 3 a coverage run done but with a child it could not read. No traceback
reaches a user. Messages and summary lines speak the locale's language (Chinese under zh_*, else
English) through the app's own catalogue, read without Qt (present/catalogue.py); each output
written is named on its own line. The GUI is imported only when it is started,
so scripted comparisons never load Qt.
May import: every pure policydiff module; policydiff.gui only lazily.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from policydiff import __version__
from policydiff.errors import LoadError, PolicydiffError
from policydiff.model import DEFAULT_NORMALIZE, LoadedDocument, NormalizeMode, Script
from policydiff.present.catalogue import language_from_environment, translate

COMMANDS = ("compare", "coverage", "history", "outline", "figures", "gui")
EXIT_CHILD_UNREADABLE = 3  # coverage: done, but at least one child could not be read (its column says why)
NORMALIZE_CHOICES = [mode.value for mode in NormalizeMode]
SCRIPT_CHOICES = ["auto", *(script.value for script in Script)]


def _compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policydiff compare",
        description="Compare two policy documents and write the comparison as JSON and/or an HTML report.",
    )
    parser.add_argument("left", help="the left (older / higher-level) document")
    parser.add_argument("right", help="the right (newer / implementing) document")
    parser.add_argument("--json", metavar="OUT", help="write the comparison as JSON (- for standard output)")
    parser.add_argument("--html", metavar="OUT", help="write a self-contained HTML report")
    parser.add_argument("--docx", metavar="OUT", help="write the 新旧对照表 as a Word document (.docx)")
    parser.add_argument(
        "--redline",
        metavar="OUT",
        help="write the right document as a Word 修订 document (.docx): the differences as tracked changes",
    )
    parser.add_argument(
        "--normalize",
        choices=NORMALIZE_CHOICES,
        default=DEFAULT_NORMALIZE.value,
        help="how script is folded before comparing (default t2s: each side by its own script, Taiwan "
        "phrasing by tw2sp, Hong Kong forms by hk2s; tw2sp/tw2s/hk2s: both sides so; none: not at all)",
    )
    for side in ("left", "right"):
        parser.add_argument(
            f"--{side}-script",
            choices=SCRIPT_CHOICES,
            default="auto",
            help=f"the {side} document's script and phrasing (default auto: read from its text)",
        )
    parser.add_argument(
        "--show-normalization-diffs",
        action="store_true",
        help="also report differences that vanish under normalization (script, width, punctuation)",
    )
    parser.add_argument(
        "--expand-unchanged",
        action="store_true",
        help="HTML report: show unchanged units in full instead of collapsing them to their heading",
    )
    return parser


def _wrote(path: str | os.PathLike[str], json_on_stdout: bool = False) -> None:
    """Say where an output went (on standard error when standard output carries JSON)."""
    line = translate("cli", "Wrote {path}").format(path=shown(os.path.abspath(path)))
    print(line, file=sys.stderr if json_on_stdout else sys.stdout, flush=True)


def _write_json(target: str, value: object, inputs: Sequence[str]) -> None:
    """Compact JSON to a file (atomically) or to standard output (``-``: UTF-8, whatever the console)."""
    from policydiff.render.outputs import write_atomically

    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if target == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write((data + "\n").encode("utf-8", errors="replace"))
        sys.stdout.buffer.flush()
    else:
        write_atomically(target, data, inputs=inputs)
        _wrote(target)


def _coverage_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policydiff coverage",
        description=(
            "Compare one policy (a province's) with each of its implementations (cities', districts') "
            "and show, per article, which adopted it as it stands, refined, raised, weakened or left it out."
        ),
    )
    parser.add_argument("parent", help="the higher-level document")
    parser.add_argument("children", nargs="+", help="the documents that implement it")
    parser.add_argument("--json", metavar="OUT", help="write the matrix as JSON (- for standard output)")
    parser.add_argument(
        "--html", metavar="OUT", help="write the matrix as HTML, each child's report beside it"
    )
    parser.add_argument("--xlsx", metavar="OUT", help="write the matrix as an Excel workbook")
    parser.add_argument(
        "--normalize", choices=NORMALIZE_CHOICES, default=DEFAULT_NORMALIZE.value, help="as for compare"
    )
    return parser


def _run_coverage(args: argparse.Namespace) -> int:
    from pathlib import Path

    from policydiff.coverage.matrix import Verdict, build_coverage
    from policydiff.model import CompareOptions
    from policydiff.present import labels
    from policydiff.render.outputs import same_file, write_atomically

    outputs = [o for o in (args.json, args.html, args.xlsx) if o and o != "-"]
    if any(same_file(a, b) for i, a in enumerate(outputs) for b in outputs[i + 1 :]):
        _coverage_parser().error("two outputs name the same file; give each its own")
    inputs = (args.parent, *args.children)
    total = len(args.children)

    def progress(done: int, name: str) -> None:
        """One line per child as it finishes (on standard error: standard output may hold JSON)."""
        print(f"  [{done}/{total}] {shown(name)}", file=sys.stderr, flush=True)

    coverage = build_coverage(
        args.parent,
        args.children,
        CompareOptions(normalize=NormalizeMode(args.normalize)),
        progress=progress,
    )
    if args.json:
        from policydiff.coverage.jsonform import coverage_to_json

        _write_json(args.json, coverage_to_json(coverage), inputs)
    if args.html:
        from policydiff.coverage.html import render_coverage

        page = Path(args.html)
        for relative, html in render_coverage(coverage, page.name).items():
            target = page.with_name(relative) if "/" not in relative else page.parent / relative
            target.parent.mkdir(exist_ok=True)
            write_atomically(target, html, inputs=inputs)
        _wrote(page, args.json == "-")
    if args.xlsx:
        from policydiff.coverage.xlsx import coverage_to_xlsx

        write_atomically(args.xlsx, coverage_to_xlsx(coverage), inputs=inputs)
        _wrote(args.xlsx, args.json == "-")
    if args.json != "-":
        language = language_from_environment()
        print(
            translate("cli", "{parent}: {units} units, {documents} documents").format(
                parent=shown(coverage.parent.name),
                units=len(coverage.rows),
                documents=len(coverage.children),
            )
        )
        for k, child in enumerate(coverage.children):
            if child.error is not None:
                not_read = translate("cli", "{name}: not read ({reason})")
                reason = problem_text(child.refusal) if child.refusal is not None else child.error
                print("  " + not_read.format(name=shown(child.name), reason=shown(reason)))
                continue
            counts = coverage.counts(k)
            comma = "，" if language == "zh" else ", "
            tally = comma.join(f"{labels.VERDICT[v](language)} {counts[v]}" for v in Verdict)
            added = translate("cli", "{count} of its own").format(count=len(coverage.additions[k]))
            line = translate("cli", "{name}: {tally}, {added}")
            print("  " + line.format(name=shown(child.name), tally=tally, added=added))
    if coverage.failed:
        failed = translate("cli", "policydiff: {failed} of {total} documents could not be read")
        print(failed.format(failed=coverage.failed, total=len(coverage.children)), file=sys.stderr)
        return EXIT_CHILD_UNREADABLE
    return 0


def _history_parser() -> argparse.ArgumentParser:
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
        choices=NORMALIZE_CHOICES,
        default=DEFAULT_NORMALIZE.value,
        help="as for compare",
    )
    return parser


def _run_history(argv: Sequence[str]) -> int:
    """``policydiff history V1 … Vn``: one line per step (counts per mark) and the outputs asked for."""
    from policydiff.history.chain import build_history
    from policydiff.model import CompareOptions
    from policydiff.render.outputs import same_file, write_atomically

    parser = _history_parser()
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
        _wrote(args.html, args.json == "-")
    if args.xlsx:
        from policydiff.history.xlsx import history_to_xlsx

        write_atomically(args.xlsx, history_to_xlsx(history), inputs=inputs)
        _wrote(args.xlsx, args.json == "-")
    if args.json != "-":
        from policydiff.present import labels

        language = language_from_environment()
        names = " → ".join(shown(v.name) for v in history.versions)
        summary = translate("cli", "{versions}: {lineages} lineages, {changed} ever changed")
        print(
            summary.format(
                versions=names, lineages=len(history.rows), changed=sum(r.changed for r in history.rows)
            )
        )
        for k in range(len(history.comparisons)):
            counts = history.counts(k).marks
            tally = ", ".join(f"{counts[m]} {labels.MARK[m](language)}" for m in counts if counts[m])
            left, right = history.versions[k], history.versions[k + 1]
            print(f"  {shown(left.date or left.name)} → {shown(right.date or right.name)}: {tally}")
    return 0


def _doc_parser(prog: str, what: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"policydiff {prog}", description=what)
    parser.add_argument("file", help="a policy document (txt, html, md, docx, pdf)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policydiff",
        description=(
            "Compare two Chinese policy documents. With no command the desktop app starts; "
            "commands: compare, coverage, history, outline, figures (see policydiff COMMAND --help)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"policydiff {__version__}")
    parser.add_argument("left", nargs="?", help="document to open on the left")
    parser.add_argument("right", nargs="?", help="document to open on the right")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample pair")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, compare the given (or sample) pair, and exit 0 when shown (for automated checks)",
    )
    return parser


def _run_compare(args: argparse.Namespace) -> int:
    from policydiff.lang import words

    words.preload()  # the segmenter's dictionary loads while the pipeline's modules are imported
    from policydiff.compare.pipeline import compare_documents
    from policydiff.model import CompareOptions
    from policydiff.render.jsonform import comparison_to_json
    from policydiff.render.outputs import same_file, write_atomically

    outs = [o for o in (args.json, args.html, args.docx, args.redline) if o and o != "-"]
    if any(same_file(a, b) for i, a in enumerate(outs) for b in outs[i + 1 :]):
        _compare_parser().error("--json, --html, --docx and --redline name the same file; give each its own")
    options = CompareOptions(
        normalize=NormalizeMode(args.normalize),
        show_normalization_diffs=args.show_normalization_diffs,
        left_script=None if args.left_script == "auto" else Script(args.left_script),
        right_script=None if args.right_script == "auto" else Script(args.right_script),
    )
    compared_at = datetime.now().astimezone()  # the redline's revisions carry the comparison's time
    comparison = compare_documents(_load(args.left), _load(args.right), options)
    inputs = (args.left, args.right)
    if args.json:
        _write_json(args.json, comparison_to_json(comparison), inputs)
    if args.html:
        from policydiff.render.html import render_report

        write_atomically(
            args.html, render_report(comparison, collapse_unchanged=not args.expand_unchanged), inputs=inputs
        )
        _wrote(args.html, args.json == "-")
    if args.docx:
        from policydiff.render.docx_table import render_docx

        write_atomically(args.docx, render_docx(comparison), inputs=inputs)
        _wrote(args.docx, args.json == "-")
    if args.redline:
        from policydiff.render.redline import render_redline

        write_atomically(args.redline, render_redline(comparison, generated_at=compared_at), inputs=inputs)
        _wrote(args.redline, args.json == "-")
    if args.json != "-":  # standard output carries the JSON alone when asked for
        from policydiff.figures.compare import figure_counts

        s = comparison.summary
        f = figure_counts(comparison.pairs)
        summary = translate(
            "cli",
            "{left} ↔ {right}: {pairs} pairs, {unchanged} unchanged, {changed} changed, {added} added, "
            "{removed} removed, {moved} moved; figures: {figures_changed} changed, {figures_added} added, "
            "{figures_removed} removed ({in_added} in added units, {in_removed} in removed units)",
        )
        print(
            summary.format(
                left=shown(comparison.left.document.name),
                right=shown(comparison.right.document.name),
                pairs=s.pairs,
                unchanged=s.unchanged,
                changed=s.changed,
                added=s.added,
                removed=s.removed,
                moved=s.moved,
                figures_changed=f.changed,
                figures_added=f.added,
                figures_removed=f.removed,
                in_added=f.in_added_units,
                in_removed=f.in_removed_units,
            )
        )
    return 0


def _load(path: str) -> LoadedDocument:
    """Load a document, with a line on standard error per page while a scan is being recognised."""
    from policydiff.io import load_document

    name = os.path.basename(path) or path

    def progress(done: int, total: int) -> None:
        page = translate("cli", "policydiff: {name}: OCR page {done}/{total}")
        print(page.format(name=shown(name), done=done, total=total), file=sys.stderr, flush=True)

    return load_document(path, progress=progress)


def _run_outline(args: argparse.Namespace) -> int:
    from policydiff.structure.parse import parse_structure

    document = _load(args.file)
    tree = parse_structure(document.text)
    if args.json:
        units = [
            {
                "level": u.level.value,
                "label": u.label,
                "heading": u.heading,
                "start": u.start,
                "end": u.end,
                "depth": u.depth,
            }
            for u in tree.units
        ]
        out: dict[str, Any] = {
            "path": document.path,
            "format": document.format,
            "encoding": document.encoding,
            "title": tree.title,
            "notices": list(document.notices),
        }
        out["units"] = units
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    facts = translate("cli", "{format}, {encoding}, {chars} chars").format(
        format=document.format, encoding=document.encoding or "-", chars=len(document.text)
    )
    print(f"{tree.title or document.name}  [{facts}]")
    for notice in document.notices:  # how the file was read: tracked changes, page furniture …
        print(translate("cli", "note: {notice}").format(notice=shown(notice)))
    for u in tree.units:
        print(f"{'  ' * u.depth}{u.level.value:<8} {u.label or '·'} {u.heading[:40]}  [{u.start}:{u.end}]")
    return 0


def _run_figures(args: argparse.Namespace) -> int:
    from policydiff.compare.pipeline import document_figures

    document = _load(args.file)
    figures = document_figures(document)
    if args.json:
        from policydiff.render.jsonform import figure_to_json

        rows = [figure_to_json(f) for f in figures]
        print(json.dumps({"path": document.path, "figures": rows}, ensure_ascii=False, indent=1))
        return 0
    from policydiff.lang.numerals import chinese_amount
    from policydiff.model import FigureKind

    for f in figures:
        value = chinese_amount(f.value, f.unit)
        if f.kind == FigureKind.DATE:
            value = f"{f.text} ({f.unit})"  # a date's value is an encoding, not an amount
        elif f.value_high is not None:
            value = f"{chinese_amount(f.value, f.unit)}—{chinese_amount(f.value_high, f.unit)}"
        print(f"{f.text}\t{value}\t{f.qualifier}\t{f.subject}")
    return 0


def _run_gui(argv: Sequence[str]) -> int:
    args = _gui_parser().parse_args(argv)
    if (args.left is None) != (args.right is None):
        _gui_parser().error("give two documents, or none")
    from policydiff.gui.xcb import startup_problem

    problem = startup_problem()
    if problem is not None:  # before Qt aborts with a hint naming the wrong library
        print(f"policydiff: {problem}", file=sys.stderr)
        return 1
    from policydiff.gui.app import run_app

    return run_app(left=args.left, right=args.right, demo=args.demo, smoke=args.smoke)


# Characters a terminal acts on rather than shows: C0/C1 controls (escape sequences, newlines that
# would split a one-line message) and bidi controls that reorder what follows them.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` safe to print on one terminal line: every control character as a visible escape."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def problem_text(exc: PolicydiffError) -> str:
    """A refusal in the locale's language: in Chinese worded from its reason as the window words it
    (present/problems); in English the core's own message, which also names sizes and paths."""
    if isinstance(exc, LoadError) and language_from_environment() == "zh":
        from policydiff.present.problems import LOAD_ERROR_CONTEXT, refusal_text

        return refusal_text(exc, lambda source: translate(LOAD_ERROR_CONTEXT, source, "zh"))
    return str(exc)


def _exit_on_signal(signum: int, frame: object) -> None:
    """SIGTERM/SIGHUP end the run through SystemExit, so a half-written output is cleaned up."""
    raise SystemExit(128 + signum)


def _install_signal_handlers() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) in (signal.SIG_DFL, None):
            signal.signal(number, _exit_on_signal)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``policydiff`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if (
        argv[:1] != ["gui"]
        and argv[:1]
        and argv[0] in COMMANDS
        and threading.current_thread() is threading.main_thread()
    ):
        _install_signal_handlers()  # the desktop app handles its own shutdown
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show ↔ or Chinese gets '?', not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        if argv and argv[0] == "compare":
            return _run_compare(_compare_parser().parse_args(argv[1:]))
        if argv and argv[0] == "coverage":
            return _run_coverage(_coverage_parser().parse_args(argv[1:]))
        if argv and argv[0] == "history":
            return _run_history(argv[1:])
        if argv and argv[0] == "outline":
            return _run_outline(
                _doc_parser("outline", "Print how a document was understood: its tree of units.").parse_args(
                    argv[1:]
                )
            )
        if argv and argv[0] == "figures":
            return _run_figures(
                _doc_parser(
                    "figures", "List the figures (amounts, quotas, ratios) of a document."
                ).parse_args(argv[1:])
            )
        if argv and argv[0] == "gui":
            argv = argv[1:]
        return _run_gui(argv)
    except PolicydiffError as exc:
        print(f"policydiff: {shown(problem_text(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(translate("cli", "policydiff: interrupted"), file=sys.stderr)
        return 130
    except MemoryError:
        print(translate("cli", "policydiff: out of memory; try smaller documents"), file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line for the user; POLICYDIFF_DEBUG=1 shows the traceback
        if os.environ.get("POLICYDIFF_DEBUG"):
            raise
        internal = translate("cli", "policydiff: internal error ({error}); please report it")
        print(internal.format(error=f"{type(exc).__name__}: {shown(str(exc))}"), file=sys.stderr)
        return 1
