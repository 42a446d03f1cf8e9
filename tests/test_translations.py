"""No interface string escapes translation: every string the window, the refusals and the command
line mark for translation has a finished Chinese entry in the catalogue, and the compiled catalogue
is the one built from it."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from policydiff.present import catalogue

PACKAGE = Path(__file__).resolve().parent.parent / "policydiff"
TS = PACKAGE / "resources" / "i18n" / "policydiff_zh_CN.ts"
SOURCES = [*sorted((PACKAGE / "gui").glob("*.py")), PACKAGE / "present" / "problems.py", PACKAGE / "cli.py"]


def _finished() -> set[str]:
    done = set()
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            done.add(message.findtext("source") or "")
    return done


def _marked(path: Path) -> list[str]:
    """String literals passed to tr(), translate(context, …) or QT_TRANSLATE_NOOP(context, …)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.append(arg.value)
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_marked_string_has_a_chinese_translation(path: Path) -> None:
    finished = _finished()
    missing = [s for s in _marked(path) if s not in finished]
    assert missing == [], f"run pyside6-lupdate (README, Development) and translate: {missing}"


def test_the_command_line_reads_the_same_catalogue_without_qt() -> None:
    assert catalogue.translate("LoadError", "{name} is empty; choose a file with text in it.", "zh") != (
        "{name} is empty; choose a file with text in it."
    )
    assert catalogue.translate("LoadError", "no such message", "zh") == "no such message"
    assert catalogue.language_from_environment({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert catalogue.language_from_environment({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"
    assert catalogue.language_from_environment({}) == "en"


def test_the_compiled_catalogue_holds_every_translation_of_its_source() -> None:
    """The .qm the app loads was built from the current .ts (lrelease stores translations as UTF-16BE)."""
    qm = TS.with_suffix(".qm").read_bytes()
    stale = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            if translation.text.encode("utf-16-be") not in qm:
                stale.append(translation.text)
    assert stale == [], "run pyside6-lrelease (README, Development)"
