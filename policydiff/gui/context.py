"""What the window is given instead of reaching for globals: settings, the job runner and the core.

``Backend`` names the few functions of the comparison core the app calls; the default one imports
them lazily from the pure modules, and a test can hand in its own (or a synchronous job runner).
May import: PySide6.QtCore, policydiff.gui.jobs/settings, and the pure core lazily.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from policydiff.gui.jobs import JobRunner
from policydiff.gui.settings import Settings
from policydiff.model import CompareOptions, Comparison, LoadedDocument

if TYPE_CHECKING:
    from policydiff.io.scan.read import PagesSoFar


def _load(
    path: str,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    partial: Callable[[PagesSoFar], None] | None = None,
) -> LoadedDocument:
    """Read a file; a scan being recognised reports each page to the progress bar, hands the pages
    read so far to ``partial`` (the pane shows them while the rest are read) and can be cancelled."""
    from policydiff.io import load_document

    def pages(done: int, total: int) -> None:
        if progress is not None:
            progress(done / max(total, 1))

    return load_document(path, progress=pages, cancelled=cancelled, partial=partial)


def _compare(
    left: LoadedDocument,
    right: LoadedDocument,
    options: CompareOptions,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    overrides: tuple[tuple[int | None, int | None], ...] = (),
) -> Comparison:
    from policydiff.compare.pipeline import compare_documents

    return compare_documents(
        left, right, options, progress=progress, cancelled=cancelled, overrides=overrides
    )


def _report(comparison: Comparison, rewrites: bool = True) -> str:
    """The HTML report; ``rewrites`` follows View → Show Rewrites as Text, as the panes do."""
    from policydiff.render.html import render_report

    return render_report(comparison, collapse_unchanged=True, rewrites=rewrites)


def _docx(comparison: Comparison, rewrites: bool = True) -> bytes:
    """The Word 对照表, following View → Show Rewrites as Text like the report."""
    from policydiff.render.docx_table import render_docx

    return render_docx(comparison, rewrites=rewrites)


def _json(comparison: Comparison) -> str:
    from policydiff.render.jsonform import comparison_to_json

    return json.dumps(
        comparison_to_json(comparison), ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def _redline(comparison: Comparison, compared_at: datetime | None = None) -> bytes:
    """The Word 修订 document (File → Save Redline as Word…), its revisions dated ``compared_at``."""
    from policydiff.render.redline import render_redline

    return render_redline(comparison, generated_at=compared_at)


def _write(path: str, text: str | bytes, inputs: tuple[str, ...]) -> Any:
    from policydiff.render.outputs import write_atomically

    return write_atomically(path, text, inputs=inputs)


@dataclass
class Backend:
    """The comparison core as the app sees it (all pure functions, run in background jobs)."""

    load: Callable[..., LoadedDocument] = _load  # (path, progress, cancelled, partial)
    compare: Callable[..., Comparison] = _compare
    report_html: Callable[[Comparison, bool], str] = _report
    report_json: Callable[[Comparison], str] = _json
    report_docx: Callable[[Comparison, bool], bytes] = _docx
    report_redline: Callable[[Comparison, datetime | None], bytes] = _redline
    write: Callable[[str, str | bytes, tuple[str, ...]], Any] = _write


@dataclass
class AppContext:
    """Everything a main window needs from outside."""

    settings: Settings = field(default_factory=Settings)
    jobs: JobRunner = field(default_factory=JobRunner)
    backend: Backend = field(default_factory=Backend)
    interactive: bool = True  # False in --smoke runs: problems go to stderr, never to a dialog
