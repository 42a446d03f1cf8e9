"""The user's remembered choices, typed, over QSettings (organization and application "policydiff").

Kept in one place so the window never spells a settings key or a type conversion itself, and so a
test can point everything at a temporary INI file (``QSettings.setPath``).
May import: PySide6.QtCore, the standard library and policydiff.model.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

from policydiff.model import DEFAULT_NORMALIZE, NormalizeMode

LANGUAGES = ("system", "zh_CN", "en")
ZOOM_MIN, ZOOM_MAX = -8, 20  # font steps (points) from the starting size
MAX_RECENT = 10


def _as_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _as_list(value: object) -> list[str]:
    """INI files return a one-element list as a plain string and an empty one as None."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _settings_path() -> Path | None:
    """Where QSettings() keeps the user's settings file on Linux and other Unixes, found without
    constructing one (QSettings reads its file as it is made, and a pipe would block there)."""
    if sys.platform.startswith(("win", "darwin")):
        return None
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    suffix = ".ini" if QSettings.defaultFormat() == QSettings.Format.IniFormat else ".conf"
    organization = QCoreApplication.organizationName() or "policydiff"
    return Path(base) / organization / f"{QCoreApplication.applicationName() or 'policydiff'}{suffix}"


def usable_store() -> tuple[QSettings, str | None]:
    """The user's settings, or a throw-away store when they cannot be used safely.

    QSettings opens its file and a ``.lock`` beside it with blocking calls: a settings file that is a
    named pipe would hang the start for ever, a lock path that is a folder would fail every save.
    Such paths are checked before anything is read; the app then starts with default settings and
    the returned message (one line) says why.
    """
    path = _settings_path()
    if path is None:  # Windows keeps settings in the registry, macOS in a property list
        return QSettings(), None
    lock = path.with_name(path.name + ".lock")
    if path.exists() and not path.is_file():
        unusable = path
    elif lock.exists() and not lock.is_file():
        unusable = lock
    else:
        return QSettings(), None
    folder = Path(tempfile.mkdtemp(prefix="policydiff-settings-"))
    message = QCoreApplication.translate(
        "Settings", "{path} is not a regular file: starting with default settings, which will not be kept"
    ).format(path=str(unusable))
    return QSettings(str(folder / "policydiff.ini"), QSettings.Format.IniFormat), message


class Settings:
    """Typed access to the remembered choices."""

    def __init__(self, store: QSettings | None = None) -> None:
        # QSettings() follows QSettings.setDefaultFormat/setPath (tests) and the application's
        # organization and name, which run_app sets to "policydiff" before any Settings exists.
        self.store = store if store is not None else QSettings()

    # comparison options
    @property
    def normalize(self) -> NormalizeMode:
        value = str(self.store.value("compare/normalize", DEFAULT_NORMALIZE.value))
        return NormalizeMode(value) if value in {m.value for m in NormalizeMode} else DEFAULT_NORMALIZE

    @normalize.setter
    def normalize(self, value: NormalizeMode | str) -> None:
        self.store.setValue("compare/normalize", str(value))

    @property
    def show_normalization_diffs(self) -> bool:
        return _as_bool(self.store.value("compare/show_normalization_diffs"), False)

    @show_normalization_diffs.setter
    def show_normalization_diffs(self, value: bool) -> None:
        self.store.setValue("compare/show_normalization_diffs", bool(value))

    # view
    @property
    def zoom(self) -> int:
        try:
            return max(ZOOM_MIN, min(ZOOM_MAX, int(str(self.store.value("view/zoom", 0)))))
        except (TypeError, ValueError):
            return 0

    @zoom.setter
    def zoom(self, value: int) -> None:
        self.store.setValue("view/zoom", max(ZOOM_MIN, min(ZOOM_MAX, int(value))))

    @property
    def language(self) -> str:
        value = str(self.store.value("view/language", "system"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("view/language", value)

    @property
    def auto_reload(self) -> bool:
        return _as_bool(self.store.value("files/auto_reload"), True)

    @auto_reload.setter
    def auto_reload(self, value: bool) -> None:
        self.store.setValue("files/auto_reload", bool(value))

    # files
    @property
    def recent_files(self) -> list[str]:
        """Files opened lately, newest first, each once, as absolute paths (they open from anywhere)."""
        return _unique(os.path.abspath(p) for p in _as_list(self.store.value("files/recent")))[:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [p for p in self.recent_files if p != path]
        self.store.setValue("files/recent", [path, *files][:MAX_RECENT])

    def clear_recent(self) -> None:
        self.store.setValue("files/recent", [])
        self.store.setValue("files/recent_pairs", [])

    @property
    def recent_pairs(self) -> list[tuple[str, str]]:
        """Pairs of files compared lately, newest first (each kept as "left\tright")."""
        out: list[tuple[str, str]] = []
        for entry in _as_list(self.store.value("files/recent_pairs")):
            left, _, right = entry.partition("\t")
            if left and right:
                pair = (os.path.abspath(left), os.path.abspath(right))
                if pair not in out:
                    out.append(pair)
        return out[:MAX_RECENT]

    def add_recent_pair(self, left: str, right: str) -> None:
        left, right = os.path.abspath(left), os.path.abspath(right)
        pairs = [p for p in self.recent_pairs if p != (left, right)]
        self.store.setValue(
            "files/recent_pairs", [f"{a}\t{b}" for a, b in [(left, right), *pairs]][:MAX_RECENT]
        )

    def overrides(self, key: str) -> tuple[tuple[int | None, int | None], ...]:
        """The manual pairings remembered for one pair of files (``key`` names files and texts)."""
        out: list[tuple[int | None, int | None]] = []
        for entry in _as_list(self.store.value(f"overrides/{key}")):
            left, _, right = entry.partition(",")
            try:
                out.append((int(left) if left else None, int(right) if right else None))
            except ValueError:
                continue
        return tuple(out)

    def set_overrides(self, key: str, overrides: tuple[tuple[int | None, int | None], ...]) -> None:
        values = [f"{'' if a is None else a},{'' if b is None else b}" for a, b in overrides]
        if values:
            self.store.setValue(f"overrides/{key}", values)
        else:
            self.store.remove(f"overrides/{key}")

    @property
    def show_rewrites(self) -> bool:
        """Show low-similarity pairs as rewrites (plain text, shared phrases marked)."""
        return _as_bool(self.store.value("view/show_rewrites"), True)

    @show_rewrites.setter
    def show_rewrites(self, value: bool) -> None:
        self.store.setValue("view/show_rewrites", bool(value))

    @property
    def last_folder(self) -> str:
        return str(self.store.value("files/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.store.setValue("files/last_folder", value)

    # window
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def sync(self) -> None:
        self.store.sync()


def _unique(items: Iterable[str]) -> list[str]:
    """The items in order, each once."""
    return list(dict.fromkeys(items))
