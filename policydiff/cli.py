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
import errno
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
from policydiff.errors import LoadError, OutputError, PolicydiffError
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


def _json_text(value: object) -> str:
    """Compact JSON; a name that is not UTF-8 (lone surrogates) shows U+FFFD."""
    from policydiff.lang.safetext import utf8_safe

    return utf8_safe(json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def _json_lines(value: object) -> str:
    """Indented JSON for reading; a name that is not UTF-8 shows U+FFFD."""
    from policydiff.lang.safetext import utf8_safe

    return utf8_safe(json.dumps(value, ensure_ascii=False, indent=1))


def _to_stdout(data: str) -> None:
    """Text to standard output as UTF-8, whatever the console's encoding."""
    if sys.stdout is None:
        raise OutputError("cannot write to standard output: it is closed")
    sys.stdout.flush()
    view = memoryview((data + "\n").encode("utf-8"))
    while view:  # a pipe can take part of a large write: the rest is written, or the error raised
        written = sys.stdout.buffer.write(view)
        view = view[written if written is not None else len(view) :]
    sys.stdout.buffer.flush()


def _report_written(paths: Sequence[str | os.PathLike[str]], json_on_stdout: bool) -> None:
    """Name each output written, by its absolute path (on standard error when standard output
    carries JSON)."""
    template = translate("cli", "Wrote {path}")
    lines = [template.format(path=shown(os.path.abspath(path))) for path in paths]
    if lines:
        _print("\n".join(lines), sys.stderr if json_on_stdout else None)


def _checked_outputs(
    parser: argparse.ArgumentParser, named: Sequence[tuple[str, str | None]], inputs: Sequence[str]
) -> None:
    """Refuse, before any work, outputs that name one file (usage, exit 2) or cannot be written (exit 1)."""
    from policydiff.render.outputs import check_output, same_file

    outs = [(flag, path) for flag, path in named if path and path != "-"]
    for i, (flag, path) in enumerate(outs):
        for other, second in outs[i + 1 :]:
            if same_file(path, second):
                parser.error(
                    f"{flag} {shown(path)} and {other} {shown(second)} name the same file"
                    + (" (through a link)" if os.path.abspath(path) != os.path.abspath(second) else "")
                    + "; give each its own"
                )
        check_output(path, inputs)


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

    from policydiff.coverage.html import detail_folder
    from policydiff.coverage.matrix import Verdict, build_coverage
    from policydiff.model import CompareOptions
    from policydiff.present import labels
    from policydiff.render.outputs import check_output, write_all

    inputs = (args.parent, *args.children)
    _checked_outputs(
        _coverage_parser(), (("--json", args.json), ("--html", args.html), ("--xlsx", args.xlsx)), inputs
    )
    folder = Path(args.html).parent / detail_folder(Path(args.html).name) if args.html else None
    if folder is not None and os.path.lexists(folder):  # the children's reports go in this folder
        if not folder.is_dir():
            raise OutputError(
                f"cannot write the children's reports in {shown(str(folder))}: it is a file, not a folder; "
                "move it or choose another --html name"
            )
        check_output(folder / "index.html", inputs)
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
    files: list[tuple[str | Path, str | bytes]] = []  # rendered in full before any is written
    if args.json and args.json != "-":
        from policydiff.coverage.jsonform import coverage_to_json

        files.append((args.json, _json_text(coverage_to_json(coverage))))
    if args.html:
        from policydiff.coverage.html import render_coverage

        page = Path(args.html)
        for relative, html in render_coverage(coverage, page.name).items():
            files.append((page.parent / relative, html))
    if args.xlsx:
        from policydiff.coverage.xlsx import coverage_to_xlsx

        files.append((args.xlsx, coverage_to_xlsx(coverage)))
    if folder is not None and any(Path(path).parent == folder for path, _ in files):
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot make the folder {shown(str(folder))}: {exc.strerror or exc}") from None
    write_all(files, inputs)
    shown_paths: list[str | Path] = [p for p, _ in files if folder is None or Path(p).parent != folder]
    if folder is not None and len(shown_paths) < len(files):
        shown_paths.append(folder)  # the children's reports: the folder, not each page
    _report_written(shown_paths, args.json == "-")
    if args.json == "-":
        from policydiff.coverage.jsonform import coverage_to_json

        _to_stdout(_json_text(coverage_to_json(coverage)))
    else:
        language = language_from_environment()
        lines = [
            translate("cli", "{parent}: {units} units, {documents} documents").format(
                parent=shown(coverage.parent.name),
                units=len(coverage.rows),
                documents=len(coverage.children),
            )
        ]
        for k, child in enumerate(coverage.children):
            if child.error is not None:
                reason = problem_text(child.refusal) if child.refusal is not None else child.error
                not_read = translate("cli", "{name}: not read ({reason})")
                lines.append("  " + not_read.format(name=shown(child.name), reason=shown(reason)))
                continue
            counts = coverage.counts(k)
            comma = "，" if language == "zh" else ", "
            tally = comma.join(f"{labels.VERDICT[v](language)} {counts[v]}" for v in Verdict)
            added = translate("cli", "{count} of its own").format(count=len(coverage.additions[k]))
            line = translate("cli", "{name}: {tally}, {added}")
            lines.append("  " + line.format(name=shown(child.name), tally=tally, added=added))
        _print("\n".join(lines))
    if coverage.failed:
        failed = translate("cli", "policydiff: {failed} of {total} documents could not be read")
        _print(failed.format(failed=coverage.failed, total=len(coverage.children)), sys.stderr)
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
    from policydiff.render.outputs import write_all

    parser = _history_parser()
    args = parser.parse_args(list(argv))
    if len(args.versions) < 2:
        parser.error("give at least two versions, oldest first")
    inputs = tuple(args.versions)
    _checked_outputs(parser, (("--json", args.json), ("--html", args.html), ("--xlsx", args.xlsx)), inputs)
    history = build_history(inputs, CompareOptions(normalize=NormalizeMode(args.normalize)))
    files: list[tuple[str, str | bytes]] = []  # every output rendered before any is written
    json_text = None
    if args.json:
        from policydiff.history.jsonform import history_to_json

        json_text = _json_text(history_to_json(history))
        if args.json != "-":
            files.append((args.json, json_text))
    if args.html:
        from policydiff.history.html import render_history

        files.append((args.html, render_history(history)))
    if args.xlsx:
        from policydiff.history.xlsx import history_to_xlsx

        files.append((args.xlsx, history_to_xlsx(history)))
    write_all(files, inputs)
    _report_written([path for path, _ in files], args.json == "-")
    if args.json == "-" and json_text is not None:
        _to_stdout(json_text)
    else:
        from policydiff.present import labels

        language = language_from_environment()
        names = " → ".join(shown(v.name) for v in history.versions)
        summary = translate("cli", "{versions}: {lineages} lineages, {changed} ever changed")
        lines = [
            summary.format(
                versions=names, lineages=len(history.rows), changed=sum(r.changed for r in history.rows)
            )
        ]
        for k in range(len(history.comparisons)):
            counts = history.counts(k).marks
            tally = ", ".join(f"{counts[m]} {labels.MARK[m](language)}" for m in counts if counts[m])
            left, right = history.versions[k], history.versions[k + 1]
            lines.append(f"  {shown(left.date or left.name)} → {shown(right.date or right.name)}: {tally}")
        _print("\n".join(lines))
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

    words.preload()  # the segmenter's dictionary, begun at once (see words.preload for what overlaps)
    from policydiff.compare.pipeline import compare_documents
    from policydiff.model import CompareOptions
    from policydiff.render.jsonform import comparison_to_json
    from policydiff.render.outputs import write_all

    inputs = (args.left, args.right)
    named = (("--json", args.json), ("--html", args.html), ("--docx", args.docx), ("--redline", args.redline))
    _checked_outputs(_compare_parser(), named, inputs)
    options = CompareOptions(
        normalize=NormalizeMode(args.normalize),
        show_normalization_diffs=args.show_normalization_diffs,
        left_script=None if args.left_script == "auto" else Script(args.left_script),
        right_script=None if args.right_script == "auto" else Script(args.right_script),
    )
    compared_at = datetime.now().astimezone()  # the redline's revisions carry the comparison's time
    comparison = compare_documents(_load(args.left), _load(args.right), options)
    files: list[tuple[str, str | bytes]] = []  # every output rendered before any is written
    json_text = _json_text(comparison_to_json(comparison)) if args.json else None
    if args.json and args.json != "-" and json_text is not None:
        files.append((args.json, json_text))
    if args.html:
        from policydiff.render.html import render_report

        files.append((args.html, render_report(comparison, collapse_unchanged=not args.expand_unchanged)))
    if args.docx:
        from policydiff.render.docx_table import render_docx

        files.append((args.docx, render_docx(comparison)))
    if args.redline:
        from policydiff.render.redline import render_redline

        files.append((args.redline, render_redline(comparison, generated_at=compared_at)))
    write_all(files, inputs)
    _report_written([path for path, _ in files], args.json == "-")
    if args.json == "-" and json_text is not None:  # standard output carries the JSON alone
        _to_stdout(json_text)
    else:
        from policydiff.figures.compare import figure_counts

        s = comparison.summary
        f = figure_counts(comparison.pairs)
        summary = translate(
            "cli",
            "{left} ↔ {right}: {pairs} pairs, {unchanged} unchanged, {changed} changed, {added} added, "
            "{removed} removed, {moved} moved; figures: {figures_changed} changed, {figures_added} added, "
            "{figures_removed} removed ({in_added} in added units, {in_removed} in removed units)",
        )
        _print(
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
        _print(_json_lines(out))
        return 0
    facts = translate("cli", "{format}, {encoding}, {chars} chars").format(
        format=document.format, encoding=document.encoding or "-", chars=len(document.text)
    )
    print(f"{shown(tree.title or document.name)}  [{facts}]")
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
        _print(_json_lines({"path": document.path, "figures": rows}))
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` safe to print on one terminal line: every control character as a visible escape,
    a byte that is not UTF-8 in a file name (a lone surrogate) as U+FFFD."""
    text = _SURROGATE.sub("\ufffd", text)
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _print(line: str, stream: Any = None) -> None:
    """One line to standard output (or ``stream``); a stream that is closed raises OutputError."""
    stream = sys.stdout if stream is None else stream
    if stream is None:
        raise OutputError("cannot write to standard output: it is closed")
    print(line, file=stream)
    stream.flush()


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


# Commands that run in this process alone (no worker processes, no window): when one is the
# program itself, the process ends as soon as its output is out (see ``main``).
_ENDS_AT_ONCE = ("compare", "outline", "figures")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``policydiff`` command: a run, then its streams flushed like any Unix tool's.

    A closed, full or broken standard output or error never ends in a traceback: one line goes to
    standard error if it can be written, and the exit is non-zero.

    Called without ``argv`` (the console script, ``python -m policydiff``) for a command of
    ``_ENDS_AT_ONCE``, the process ends right after its files are written and its streams flushed,
    without the interpreter's teardown: freeing the segmenter's dictionary, the OpenCC tables and
    every object of the comparison one by one costs a cold command some 0.15 s, for memory the
    system takes back at exit anyway. Called with ``argv`` (tests, a program embedding the
    command line), it returns as any function does.
    """
    try:
        code = _main(argv)
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        if argv is None and sys.argv[1:2] and sys.argv[1] in _ENDS_AT_ONCE:
            os._exit(code)
    except BrokenPipeError:
        _silence_streams()
        _say("policydiff: standard output was closed before everything was written (broken pipe)")
        return 1
    except OSError as exc:  # /dev/full, a closed descriptor: the run's own output could not be written
        _silence_streams()
        _say(f"policydiff: cannot write the output ({exc.strerror or exc})")
        return 1
    return code


def _say(line: str) -> None:
    """A last message on standard error, if it can still be written."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):  # standard error closed or full: the exit code still says it
        pass


def _silence_streams() -> None:
    """Point standard output at /dev/null so the interpreter's own flush at exit cannot fail again."""
    for stream, fd in ((sys.stdout, 1), (sys.__stdout__, 1)):
        if stream is None:
            continue
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, fd)
            os.close(null)
        except OSError:
            pass
        break


def _main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if (
        argv[:1] != ["gui"]
        and argv[:1]
        and argv[0] in COMMANDS
        and threading.current_thread() is threading.main_thread()
    ):
        _install_signal_handlers()  # the desktop app handles its own shutdown
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show ↔ or Chinese gets '?', not a crash
        if stream is not None and hasattr(stream, "reconfigure"):
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
        _say(f"policydiff: {shown(problem_text(exc))}")
        return 1
    except KeyboardInterrupt:
        _say(translate("cli", "policydiff: interrupted"))
        return 130
    except MemoryError:
        _say(translate("cli", "policydiff: out of memory; try smaller documents"))
        return 1
    except (BrokenPipeError, OSError) as exc:
        if isinstance(exc, BrokenPipeError) or exc.errno in _STREAM_ERRNOS:
            raise  # main() says it in one line
        return _internal(exc)
    except Exception as exc:  # a bug: still one line for the user; POLICYDIFF_DEBUG=1 shows the traceback
        return _internal(exc)


_STREAM_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO})


def _internal(exc: BaseException) -> int:
    if os.environ.get("POLICYDIFF_DEBUG"):
        raise exc
    internal = translate("cli", "policydiff: internal error ({error}); please report it")
    _say(internal.format(error=f"{type(exc).__name__}: {shown(str(exc))}"))
    return 1
