"""The state of one comparing session: which documents are open, the current Comparison, the options.

Not a widget: it turns user intentions (open, swap, reload, pair, save …) into background jobs that
call the pure core, and announces the outcome with signals the window turns into pixels. It holds
no comparison logic of its own; manual pairings are handed back to the core on every recompare.
May import: the standard library, PySide6.QtCore, policydiff.gui.context/jobs/problems, policydiff.model,
policydiff.errors.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from policydiff.errors import PolicydiffError
from policydiff.gui.context import AppContext
from policydiff.gui.jobs import CancelledFn, JobKey, JobKind, ProgressFn, log_unexpected
from policydiff.gui.problems import describe_error
from policydiff.model import CompareOptions, Comparison, LoadedDocument, Side

SIDES = (Side.LEFT, Side.RIGHT)


class Session(QObject):
    """Open documents + current comparison; every slow step runs through the context's job runner."""

    documentChanged = Signal(str)  # side whose document was (re)loaded or swapped
    comparisonChanged = Signal(object)  # Comparison | None
    # what was being done ("load-left", "compare", "save-3" …), one-line message, details (or "")
    failed = Signal(str, str, str)
    saved = Signal(str)  # path written
    message = Signal(str)  # a transient status message
    # a scan's pages read so far (side, path, policydiff.io.scan.read.PagesSoFar): shown, marked as
    # provisional, until documentChanged brings the document laid out whole (or a cancel restores it)
    reading = Signal(str, str, object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.documents: dict[str, LoadedDocument | None] = {Side.LEFT: None, Side.RIGHT: None}
        self.paths: dict[str, str | None] = {Side.LEFT: None, Side.RIGHT: None}
        self.comparison: Comparison | None = None
        self.compared_at: datetime | None = None  # when it was made: the redline's revision time
        self.options = CompareOptions(
            normalize=context.settings.normalize,
            show_normalization_diffs=context.settings.show_normalization_diffs,
        )
        self._overrides: tuple[tuple[int | None, int | None], ...] = ()
        self._undo: list[tuple[tuple[int | None, int | None], ...]] = []
        self._redo: list[tuple[tuple[int | None, int | None], ...]] = []
        self._awaited: set[str] = set()  # sides of a pair being opened whose file is not read yet
        self._pair_read = False  # a file of that pair was read
        self._saves = 0
        self._provisional: set[str] = set()  # sides showing a scan's pages read so far
        context.jobs.cancelled.connect(self._on_cancelled)

    # -- intentions ---------------------------------------------------------------------------
    def open(self, side: Side, path: str) -> None:
        """Load ``path`` on ``side`` in the background; the other side is left as it is."""
        self._awaited = set()  # one file: compared as soon as it is read
        backend, kind = self.context.backend, JobKey(JobKind.LOAD, side)
        self.context.jobs.submit_streaming(
            kind,
            lambda progress, cancelled, partial: backend.load(path, progress, cancelled, partial),
            lambda pages: self._reading(side, path, pages),
            lambda document: self._loaded(side, path, document),
            lambda exc: self._on_error(kind, exc),
        )

    def open_pair(self, left: str, right: str) -> None:
        """Load both files, then compare them once (never the new left against the old right)."""
        self.open(Side.LEFT, left)
        self.open(Side.RIGHT, right)
        self._awaited, self._pair_read = set(SIDES), False

    def reload(self, side: Side) -> None:
        path = self.paths[side]
        if path:
            self.open(side, path)

    def swap(self) -> None:
        self.documents = {Side.LEFT: self.documents[Side.RIGHT], Side.RIGHT: self.documents[Side.LEFT]}
        self.paths = {Side.LEFT: self.paths[Side.RIGHT], Side.RIGHT: self.paths[Side.LEFT]}
        self._overrides = tuple((r, le) for le, r in self._overrides)
        # a script set for a document goes with it to the other side
        self.options = replace(
            self.options, left_script=self.options.right_script, right_script=self.options.left_script
        )
        self.documentChanged.emit(Side.LEFT)
        self.documentChanged.emit(Side.RIGHT)
        self.recompare()

    def set_options(self, options: CompareOptions) -> None:
        if options != self.options:
            self.options = options
            self.recompare()

    def recompare(self) -> None:
        """Compare the open documents with the current options and overrides.

        The one way a comparison is computed: loads, swaps, option changes and manual pairings all
        end here, and each request supersedes the one before in the job runner, so whatever is
        shown is the answer to the newest request (an older answer arriving late is dropped there).
        """
        left, right = self.documents[Side.LEFT], self.documents[Side.RIGHT]
        self._set_comparison(None)
        if left is None or right is None:
            self.context.jobs.discard("compare")
            return
        backend, options, overrides = self.context.backend, self.options, self._overrides

        def job(progress: ProgressFn, cancelled: CancelledFn) -> Comparison:
            return backend.compare(left, right, options, progress, cancelled, overrides=overrides)

        self.context.jobs.submit(
            JobKey(JobKind.COMPARE),
            job,
            self._set_comparison,
            lambda exc: self._on_error(JobKey(JobKind.COMPARE), exc),
        )

    def pair(self, left_unit: int, right_unit: int) -> None:
        """Pair two units by hand: a new override, kept through later option changes and swaps."""
        if self.comparison is not None:
            self._change_overrides((*self._overrides, (left_unit, right_unit)))

    def unpair(self, pair_index: int) -> None:
        """Split pair ``pair_index`` of the comparison shown.

        A pair made by hand is taken back (its units return to the machine's pairs); a pair the
        machine made becomes a removed and an added unit.
        """
        comparison = self.comparison
        if comparison is None or not 0 <= pair_index < len(comparison.pairs):
            return
        pair = comparison.pairs[pair_index]
        if pair.left is None or pair.right is None:
            return
        if pair.manual:
            li, ri = pair.left.index, pair.right.index
            kept = tuple((a, b) for a, b in self._overrides if a != li and b != ri)
            self._change_overrides(kept)
        else:
            self._change_overrides((*self._overrides, (pair.left.index, None)))

    def _change_overrides(self, overrides: tuple[tuple[int | None, int | None], ...]) -> None:
        self._undo.append(self._overrides)
        self._redo.clear()
        self._overrides = overrides
        self.recompare()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> None:
        """Take back the last pairing or unpairing."""
        if self._undo:
            self._redo.append(self._overrides)
            self._overrides = self._undo.pop()
            self.recompare()

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self._overrides)
            self._overrides = self._redo.pop()
            self.recompare()

    def adopt(self, other: Session) -> None:
        """Take over another session's documents, pairings and comparison (a rebuilt window)."""
        self.documents, self.paths = dict(other.documents), dict(other.paths)
        self.options, self._overrides = other.options, other._overrides
        self._undo, self._redo = list(other._undo), list(other._redo)
        for side in SIDES:
            if self.documents[side] is not None:
                self.documentChanged.emit(side)
        if other.comparison is not None:
            self._set_comparison(other.comparison)
            self.compared_at = other.compared_at

    def files_key(self) -> str | None:
        """Names the open pair of files and their texts, to keep manual pairings with them."""
        left, right = self.documents[Side.LEFT], self.documents[Side.RIGHT]
        if left is None or right is None:
            return None
        digest = hashlib.sha1()
        for document in (left, right):
            digest.update(os.path.abspath(document.path).encode("utf-8", "surrogatepass") + b"\0")
            digest.update(document.text.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def save(self, kind: str, path: str) -> None:
        """Write the comparison as an HTML report (``kind="html"``), a Word table (``"docx"``), a Word
        修订 document (``"redline"``) or JSON (``"json"``).

        Every save is its own job (a second save must not hide the first one's error) and is not
        cancellable: it is short, and a file reported "cancelled" must never have been written.
        """
        comparison, backend, compared_at = self.comparison, self.context.backend, self.compared_at
        if comparison is None:
            return
        inputs = tuple(p for p in (self.paths[Side.LEFT], self.paths[Side.RIGHT]) if p)
        as_html, as_docx, as_redline = kind == "html", kind == "docx", kind == "redline"
        rewrites = self.context.settings.show_rewrites  # read as the panes

        def render() -> str | bytes:
            if as_html:
                return backend.report_html(comparison, rewrites)
            if as_docx:
                return backend.report_docx(comparison, rewrites)
            if as_redline:
                return backend.report_redline(comparison, compared_at)
            return backend.report_json(comparison)

        def job(progress: ProgressFn, cancelled: CancelledFn) -> str:
            backend.write(path, render(), inputs)
            return path

        self._saves += 1
        job_kind = JobKey(JobKind.SAVE, str(self._saves))
        self.context.jobs.submit(
            job_kind, job, self.saved.emit, lambda exc: self._on_error(job_kind, exc), cancellable=False
        )

    def cancel(self) -> None:
        """Stop loading and comparing (saves are short and always finish)."""
        self.context.jobs.cancel()

    # -- outcomes -----------------------------------------------------------------------------
    def _set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.compared_at = datetime.now().astimezone() if comparison is not None else None
        if comparison is not None:
            self._overrides = comparison.overrides
            key = self.files_key()
            if key is not None:
                self.context.settings.set_overrides(key, self._overrides)
        self.comparisonChanged.emit(comparison)

    def _reading(self, side: Side, path: str, pages: object) -> None:
        """A scan's pages read so far: the old comparison goes (a side is being replaced), the pages show."""
        if side not in self._provisional:
            self._provisional.add(side)
            self.context.jobs.discard(str(JobKey(JobKind.COMPARE)))
            self._set_comparison(None)
        self.reading.emit(side, path, pages)

    def _restore_view(self, side: str) -> bool:
        """A load that showed pages read so far stopped: the side shows its document as before.

        Returns whether it had shown them (and so had put the comparison away).
        """
        if side not in self._provisional:
            return False
        self._provisional.discard(side)
        self.documentChanged.emit(side)
        return True

    def _on_cancelled(self, kind: str) -> None:
        key = JobKey.parse(kind)
        if key is not None and key.kind is JobKind.LOAD and self._restore_view(key.detail):
            if not self._awaited:
                self.recompare()

    def _loaded(self, side: Side, path: str, document: LoadedDocument) -> None:
        self._provisional.discard(side)
        old = self.documents[side]
        if old is None or old.text != document.text:
            self._overrides = ()  # unit numbers of a changed text no longer mean the same units
            self._undo.clear()
            self._redo.clear()
        self.documents[side] = document
        self.paths[side] = path
        self.context.settings.add_recent(path)
        key = self.files_key()
        if key is not None:
            if not self._overrides:  # the same two files as before: their pairings come back
                self._overrides = self.context.settings.overrides(key)
            left, right = self.paths[Side.LEFT], self.paths[Side.RIGHT]
            if left and right:
                self.context.settings.add_recent_pair(left, right)
        self.documentChanged.emit(side)
        self._awaited.discard(side)
        self._pair_read = True
        if not self._awaited:
            self.recompare()

    def _on_error(self, kind: JobKey | str, exc: BaseException) -> None:
        if not isinstance(exc, PolicydiffError):
            log_unexpected(exc, str(kind))
        self.failed.emit(str(kind), *describe_error(exc))
        key = kind if isinstance(kind, JobKey) else JobKey.parse(kind)
        if key is None or key.kind is not JobKind.LOAD:
            return
        restored = self._restore_view(key.detail)
        if key.detail in self._awaited:
            self._awaited.discard(key.detail)
            if not self._awaited and self._pair_read:  # the other file was read: compare it as before
                self.recompare()
        elif restored and not self._awaited:
            self.recompare()
