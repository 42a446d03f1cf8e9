"""The tree shows the data flow: imports only go down the layers, and only the GUI imports Qt.

Checked on the syntax tree of every module under policydiff/ (found by walking the folder, not from a
list), so a new module is checked the day it is added.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "policydiff"

# Bottom to top: a module may import from its own layer's package and from any layer below.
LAYERS: list[frozenset[str]] = [
    frozenset(
        {"", "model", "errors", "resources"}
    ),  # "" is policydiff/__init__ (the version); resources are data
    frozenset({"lang"}),
    frozenset({"io"}),
    frozenset({"structure"}),
    frozenset({"figures"}),
    frozenset({"meaning"}),
    frozenset({"compare"}),
    frozenset({"present"}),
    frozenset({"render"}),
    frozenset({"coverage", "history"}),
    frozenset({"gui"}),
    frozenset({"cli"}),  # starts the app, lazily (checked by the Qt test below)
    frozenset({"__main__"}),
]
_LAYER_OF = {part: i for i, parts in enumerate(LAYERS) for part in parts}


def _top_part(dotted: str) -> str:
    """The first component under policydiff: 'policydiff.compare.align' → 'compare'."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    top_level |= {id(n) for node in tree.body if isinstance(node, (ast.If, ast.Try)) for n in ast.walk(node)}
    out: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "policydiff":
                out += [(f"policydiff.{alias.name}", id(node) in top_level) for alias in node.names]
            else:
                out.append((node.module, id(node) in top_level))
    return out


def test_every_module_sits_in_a_layer():
    unplaced = sorted(name for name, _ in _modules() if _top_part(name) not in _LAYER_OF)
    assert unplaced == []


def test_imports_only_go_down_the_layers():
    upward = []
    for name, path in _modules():
        own = _top_part(name)
        for target, _ in _imports(path):
            if not target.startswith("policydiff"):
                continue
            dest = _top_part(target)
            if dest == "__version__":
                dest = ""
            if dest == own:
                continue
            if _LAYER_OF.get(dest, len(LAYERS)) >= _LAYER_OF[own] and dest not in LAYERS[0]:
                upward.append(f"{name} imports {target}")
    assert upward == []


def test_only_the_gui_imports_qt():
    offenders = [
        f"{name} imports {target}"
        for name, path in _modules()
        if _top_part(name) != "gui"
        for target, _ in _imports(path)
        if target.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_the_layer_test_reaches_every_module():
    """The walk finds every module on disk, so none escapes the checks above."""
    on_disk = {p for p in PACKAGE.rglob("*.py")}
    assert {path for _, path in _modules()} == on_disk
    assert len(on_disk) > 60


def test_at_most_six_modules_at_the_top():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 6, top


# Preparing a document is the pipeline's business: the stages after it take the prepared document
# as data (policydiff.compare.prepared) and ask it about its units.
PREPARES = {"policydiff.compare.pipeline", "policydiff.compare.prepare"}


def test_only_the_pipeline_calls_into_the_preparing_module():
    callers = sorted(
        name
        for name, path in _modules()
        if name not in PREPARES and any(m == "policydiff.compare.prepare" for m, _ in _imports(path))
    )
    assert not callers, callers


MAX_CLASS_LINES = 300


def test_no_class_is_over_300_lines():
    """A class that long holds several responsibilities: split it (see gui/panes.py and its
    pane_paint/pane_geometry parts). Counted from ``class`` to its last line, decorators aside."""
    long = []
    for name, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_CLASS_LINES:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert not long, long


def test_a_scripted_comparison_does_not_load_qt(tmp_path):
    from tests.conftest import SEED

    code = (
        "import sys\n"
        "from policydiff.cli import main\n"
        f"main(['compare', {str(SEED['003'])!r}, {str(SEED['003'])!r}, '--json', {str(tmp_path / 'o.json')!r}])\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def _imported_after(code: str, env_extra: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update({"LANG": "en_US.UTF-8", **(env_extra or {})})
    code += "\nimport sys\nprint(' '.join(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return set(out.stdout.strip().splitlines()[-1].split())


def test_a_json_comparison_imports_no_other_writer_nor_window(tmp_path):
    """Start-up pays only for what the command uses: the JSON of a pair needs no HTML, Word,
    redline or spreadsheet writer, no one-vs-many or history code, and (in English) no catalogue."""
    from tests.conftest import SEED

    loaded = _imported_after(
        "from policydiff.cli import main\n"
        f"main(['compare', {str(SEED['000'])!r}, {str(SEED['003'])!r}, '--json', {str(tmp_path / 'o.json')!r}])"
    )
    assert "policydiff.render.jsonform" in loaded and "policydiff.compare.pipeline" in loaded
    unused = {
        "policydiff.render.html",
        "policydiff.render.docx_table",
        "policydiff.render.redline",
        "policydiff.coverage.matrix",
        "policydiff.history.chain",
        "policydiff.gui",
        "jinja2",
        "docx",
        "openpyxl",
        "xml.etree.ElementTree",
    }
    assert loaded & unused == set()


def test_a_command_that_ends_at_once_loses_no_output(tmp_path):
    """`python -m policydiff compare` ends without the interpreter's teardown: its JSON equals the
    one written in-process, its summary reaches a pipe, and a refusal keeps its message and code."""
    import os

    from policydiff.cli import main
    from tests.conftest import SEED

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = "en_US.UTF-8"
    pair = [str(SEED["000"]), str(SEED["002"])]
    out = tmp_path / "o.json"
    run = subprocess.run(
        [sys.executable, "-m", "policydiff", "compare", *pair, "--json", str(out)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "89 pairs" in run.stdout and run.stdout.endswith("\n")
    assert main(["compare", *pair, "--json", str(tmp_path / "in.json")]) == 0
    assert out.read_bytes() == (tmp_path / "in.json").read_bytes()
    piped = subprocess.run(
        [sys.executable, "-m", "policydiff", "compare", *pair, "--json", "-"], capture_output=True, env=env
    )
    assert piped.returncode == 0 and piped.stdout.rstrip(b"\n") == out.read_bytes().rstrip(b"\n")
    skipped = subprocess.run(  # the teardown (and so an exit handler) never runs
        [
            sys.executable,
            "-c",
            "import atexit, sys\n"
            "atexit.register(lambda: print('teardown'))\n"
            f"sys.argv = ['policydiff', 'compare', {pair[0]!r}, {pair[1]!r}, '--json', {str(out)!r}]\n"
            "from policydiff.cli import main\n"
            "sys.exit(main())\n",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert skipped.returncode == 0 and "89 pairs" in skipped.stdout and "teardown" not in skipped.stdout

    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "policydiff",
            "compare",
            pair[0],
            str(tmp_path / "none.txt"),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert missing.returncode == 1 and "none.txt" in missing.stderr


def test_the_window_shows_before_the_core_is_imported():
    """The main window's modules import no comparison code: the one-vs-many and history windows
    load when opened, and the warm-up imports the core after the window is shown."""
    loaded = _imported_after("import policydiff.gui.app", {"QT_QPA_PLATFORM": "offscreen"})
    assert "policydiff.gui.mainwindow" in loaded
    core = {
        "policydiff.compare.pipeline",
        "policydiff.coverage.matrix",
        "policydiff.history.model",
        "policydiff.figures.extract",
        "policydiff.structure.parse",
        "rjieba",
    }
    assert loaded & core == set()


def test_every_interface_string_has_a_chinese_translation():
    """The Chinese UI never falls back to English: the catalogue has no unfinished message."""
    import xml.etree.ElementTree as ET

    catalogue = PACKAGE / "resources" / "i18n" / "policydiff_zh_CN.ts"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(catalogue).getroot().iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]
    assert unfinished == []
