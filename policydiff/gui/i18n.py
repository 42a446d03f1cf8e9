"""Choose the interface language and load its Qt translations.

Simplified Chinese when the system locale is Chinese (or the user chose 中文), English otherwise.
The app's own catalogue ships as ``policydiff/resources/i18n/policydiff_zh_CN.qm`` (found with
importlib.resources, so a wheel and a PyInstaller bundle work alike); Qt's own catalogue translates
standard buttons (OK, Cancel …) when the Qt installation has it.
May import: PySide6.QtCore and the standard library.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE = "policydiff_{}.qm"
QT_CATALOGUE = "qt_widgets_{}.qm"  # Qt's own strings, for wheels that ship no qtbase_{lang}.qm


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """``"zh_CN"`` or ``"en"`` for a remembered choice ``"system" | "zh_CN" | "en"``."""
    if choice in ("zh_CN", "en"):
        return choice
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def catalogue_path(language: str) -> Path | None:
    """Where the app's compiled catalogue for ``language`` is, if it ships one."""
    try:
        candidate = resources.files("policydiff.resources") / "i18n" / CATALOGUE.format(language)
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    path = Path(str(candidate))
    return path if path.is_file() else None


def qt_catalogue_path(language: str) -> Path | None:
    """Our catalogue of Qt's own strings (file dialogs, message boxes, context menus) for ``language``."""
    own = catalogue_path(language)
    if own is None:
        return None
    path = own.with_name(QT_CATALOGUE.format(language))
    return path if path.is_file() else None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install the catalogues for ``language``; returns them so they can be removed."""
    installed: list[QTranslator] = []
    global _LANGUAGE
    _LANGUAGE = language
    if language == "en":
        return installed
    # Qt's own dialogs: our catalogue of their strings first (PySide6 wheels ship no qtbase_zh_CN),
    # then Qt's, which wins where it exists (the last installed translator is asked first)
    for catalogue in (qt_catalogue_path(language), catalogue_path(language)):
        if catalogue is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(catalogue)):
            app.installTranslator(translator)
            installed.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    # Qt's own catalogue (file dialogs, standard buttons); PySide6 wheels carry it beside Qt
    folders = [qt_dir, str(Path(PySide6.__file__).parent / "Qt" / "translations")]
    if any(qt_translator.load(f"qtbase_{language}", folder) for folder in folders):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    _ACTIVE.extend(installed)
    return installed


_ACTIVE: list[QTranslator] = []  # the catalogues installed now (a language switch replaces them)
_LANGUAGE = "en"  # the language of the catalogues installed last ("en": none)


def active_language() -> str:
    """``"zh_CN"`` or ``"en"``: what the window speaks now (the shared labels follow it)."""
    return _LANGUAGE if _ACTIVE else "en"  # every catalogue removed: Qt speaks English again


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        if translator not in _ACTIVE:
            continue  # already replaced by a language switch
        _ACTIVE.remove(translator)
        app.removeTranslator(translator)
        translator.deleteLater()


def switch_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed catalogues by those of ``language`` (widgets built after it speak it)."""
    remove_translators(app, list(_ACTIVE))
    return install_translators(app, language)
