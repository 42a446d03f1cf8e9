"""The interface's Chinese words for programs that run without Qt: the command line.

The desktop app translates through Qt (resources/i18n/policydiff_zh_CN.qm). The command line must
not load Qt, yet should speak the same words under a Chinese locale; it reads the same catalogue's
source file (policydiff_zh_CN.ts, XML) with the standard library, once, on first use. One catalogue,
so a refusal reads the same in the window and in the terminal.

May import: the standard library.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

Language = Literal["zh", "en"]
CATALOGUE = "policydiff_zh_CN.ts"


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """Chinese under a zh_* locale (LC_ALL, then LC_MESSAGES, then LANG, as gettext looks), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@lru_cache(maxsize=1)
def _messages() -> dict[tuple[str, str], str]:
    """(context, English source) → Chinese, for every finished message of the catalogue.

    Its readers are imported here: an English command never pays for them."""
    import xml.etree.ElementTree as ET
    from importlib.resources import files

    try:
        data = files("policydiff.resources").joinpath("i18n", CATALOGUE).read_bytes()
        root = ET.fromstring(data)
    except (OSError, ET.ParseError, ModuleNotFoundError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            if translation.text:
                found[(name, source)] = translation.text
    return found


def translate(context: str, source: str, language: Language | None = None) -> str:
    """``source`` in ``language`` (the environment's by default); the English source when untranslated."""
    if (language or language_from_environment()) == "en":
        return source
    return _messages().get((context, source), source)


def has_translation(context: str, source: str) -> bool:
    return (context, source) in _messages()
