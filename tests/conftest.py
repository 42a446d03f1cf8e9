"""Shared fixtures: the sample documents and the shared corpus; the window tests' guards.

Nothing here imports Qt at import time, so the pure tests run without PySide6
(`python -m pytest -p no:pytestqt -m "not gui"`). A test that asks for ``qapp`` or ``qtbot`` is
marked ``gui`` automatically, and gets the window-test guards of tests/qt_fixtures.py.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app logs to the user's state folder: tests write theirs to a temporary one, never to $HOME.
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="policydiff-test-state-")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
# shared/ stands beside the checkout; POLICYDIFF_SHARED points elsewhere (a worktree in a subfolder)
SHARED = Path(os.environ.get("POLICYDIFF_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
_QT_FIXTURES = frozenset({"qapp", "qtbot", "settings"})

# Without PySide6 the window-test files (which import Qt at the top) are not collected at all.
collect_ignore_glob = [] if importlib.util.find_spec("PySide6") else ["gui/test_gui*.py"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui`` (so ``-m "not gui"`` is the fast loop)."""
    for item in items:
        if _QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _window_test_guards(request: pytest.FixtureRequest) -> None:
    """Give window tests the no-blocking-dialog guard; pure tests never load Qt for it."""
    if request.node.get_closest_marker("gui") is not None:
        request.getfixturevalue("no_modal_dialogs")


@pytest.fixture
def load_errors_say_why(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every LoadError raised during the test names its reason (LoadReason.OTHER only for the
    catch-all "could not be read (…)" of a reader library failing in an unforeseen way)."""
    from policydiff.errors import LoadError, LoadReason

    raised: list[LoadError] = []
    original = LoadError.__init__

    def recording(self: LoadError, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        raised.append(self)

    monkeypatch.setattr(LoadError, "__init__", recording)
    yield raised  # type: ignore[misc]
    generic = [e for e in raised if e.reason == LoadReason.OTHER and " could not be read (" not in str(e)]
    assert not generic, [str(e) for e in generic]
    assert all(e.path for e in raised), [str(e) for e in raised if not e.path]


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """The five sample documents by their number: '000' … '004'."""
    return SEED


from tests.qt_fixtures import no_modal_dialogs, settings, window  # noqa: E402,F401 - fixtures, Qt imported lazily
