"""Guard against a PySide6 build that drops references to None and True (seen in 6.12.0).

On such a build every ``Signal.emit()`` releases a reference to ``True`` it never took, and every
Python ``data()``/``filterAcceptsRow`` override that returns ``None`` releases one to ``None``. On
Python 3.12+ these singletons are immortal and nothing happens; on 3.11 their counts run down
while the window is used and the interpreter aborts ("deallocating None"). The probe below detects
the fault at start-up by measuring it, and only then gives the singletons a count so high they can
never run out, which is what Python 3.12 does for every process. A fixed PySide6 is never touched.
May import: PySide6.QtCore and the standard library.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

_RESERVE = 1 << 40
_applied = False


class _Probe(QObject):
    ping = Signal()


class _ProbeModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


def _leaks(rounds: int = 50) -> bool:
    """True when emitting or returning None from a model loses references to the singletons."""
    probe, model = _Probe(), _ProbeModel()
    index = model.index(0, 0)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(rounds):
        probe.ping.emit()
        index.data()
    after = sys.getrefcount(True), sys.getrefcount(None)
    return after[0] <= before[0] - rounds // 2 or after[1] <= before[1] - rounds // 2


def apply() -> bool:
    """Make None/True/False unexhaustible if this PySide6 build leaks them; returns whether it did."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    if not _leaks():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _applied = True
    return True
