"""The pure core never imports Qt: only policydiff.gui may (the command line loads it lazily)."""

import subprocess
import sys
from pathlib import Path

CORE = [
    "policydiff.cli",
    "policydiff.compare",
    "policydiff.prepare",
    "policydiff.edits",
    "policydiff.align",
    "policydiff.worddiff",
    "policydiff.normalize",
    "policydiff.structure",
    "policydiff.figures",
    "policydiff.figures_compare",
    "policydiff.io",
    "policydiff.report",
    "policydiff.jsonform",
    "policydiff.outputs",
    "policydiff.projection",
]


def test_core_modules_do_not_import_qt():
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


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


def test_every_interface_string_has_a_chinese_translation():
    """The Chinese UI never falls back to English: the catalogue has no unfinished message."""
    import xml.etree.ElementTree as ET

    catalogue = (
        Path(__file__).resolve().parent.parent / "policydiff" / "resources" / "i18n" / "policydiff_zh_CN.ts"
    )
    unfinished = [
        m.findtext("source")
        for m in ET.parse(catalogue).getroot().iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]
    assert unfinished == []
