"""Showing documents and comparisons: each pane's text and header, the window title, a new
Comparison painted into every view in one pass, the status bar counts, progress and problems.

One part of the main window (policydiff.gui.mainwindow), which holds one of each; a part reaches
the widgets and the other parts through ``self.window``.
May import: PySide6, policydiff.gui.*, policydiff.model, policydiff.present, policydiff.figures.compare,
policydiff.lang.safetext.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QMessageBox,
)

from policydiff.figures.compare import figure_counts
from policydiff.gui.jobs import JobKey, JobKind
from policydiff.gui.marks import side_marks
from policydiff.gui.problems import problem_box
from policydiff.gui.session import SIDES
from policydiff.gui.vocabulary import language
from policydiff.lang.safetext import isolate
from policydiff.model import (
    ComparedDocument,
    Comparison,
    LoadedDocument,
    NormalizeMode,
    Side,
)
from policydiff.present import labels

if TYPE_CHECKING:
    from policydiff.gui.mainwindow import MainWindow
    from policydiff.io.scan.read import PagesSoFar


class Display:
    """Showing documents and comparisons."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _document_changed(self, side: Side) -> None:
        document = self.window.session.documents[side]
        self.window.comparison = None
        self._show_text(side, document.text if document else "")
        self.window.panes[side].set_header(self._describe(document) if document else None)
        self.window.selected = {Side.LEFT: None, Side.RIGHT: None}
        self.window.current_pair = None
        self.window.watcher.watch()
        self._update_title()

    def _reading(self, side: Side, path: str, pages: PagesSoFar) -> None:
        """A scan's pages read so far, shown while OCR reads the rest: the header says the text is
        provisional, and each page still being read has a line saying so where its text will be.
        The document laid out whole (page headers and footers left out) replaces it, then compared."""
        texts = [
            text
            if text is not None
            else QCoreApplication.translate("MainWindow", "[page {n}: being read…]").format(n=number)
            for number, text in enumerate(pages.texts, 1)
        ]
        self.window.comparison = None
        self.window.selected = {Side.LEFT: None, Side.RIGHT: None}
        self.window.current_pair = None
        self._show_text(side, "\n\n".join(texts))
        note = QCoreApplication.translate(
            "MainWindow",
            "reading by OCR: {done} of {total} pages read; provisional text, "
            "page headers and footers not yet left out, not compared yet",
        ).format(done=pages.recognised, total=pages.to_recognise)
        self.window.panes[side].set_header(f"{isolate(os.path.basename(path))}   — {note}")

    def _show_text(self, side: Side, text: str) -> None:
        shown = self.window._shown_text[side]
        if shown is text or shown == text:
            return
        self.window.view(side).set_text(text)
        self.window._shown_text[side] = text

    def _describe(self, document: LoadedDocument, compared: ComparedDocument | None = None) -> str:
        """The pane's header: name, format, size, and once compared the script it was read in."""
        details = [document.format]
        if document.encoding:
            details.append(document.encoding)
        details.append(
            QCoreApplication.translate("MainWindow", "{n} characters").format(n=f"{len(document.text):,}")
        )
        if compared is not None:
            details.append(self._script_note(compared))
        notes = f"   — {'; '.join(document.notices)}" if document.notices else ""
        return f"{isolate(document.name)}   ({', '.join(details)}){notes}"

    def _script_note(self, compared: ComparedDocument) -> str:
        """``traditional, Taiwan phrasing (detected, read by tw2sp)``: how a side's script was read."""

        script = labels.SCRIPT[compared.script](language())  # the shared vocabulary, in the window's language
        if compared.script_set:
            how = QCoreApplication.translate("MainWindow", "set")
        else:
            how = QCoreApplication.translate("MainWindow", "detected")
        if compared.conversion == NormalizeMode.NONE:
            return f"{script} ({how})"
        read_by = QCoreApplication.translate("MainWindow", "{script} ({how}, read by {conversion})")
        return read_by.format(script=script, how=how, conversion=compared.conversion.value)

    def _update_title(self) -> None:
        names = [
            isolate(d.name) if d else "—"
            for d in (self.window.session.documents[Side.LEFT], self.window.session.documents[Side.RIGHT])
        ]
        self.window.setWindowTitle(f"{names[0]} ↔ {names[1]} — policydiff")

    def _comparison_changed(self, comparison: Comparison | None) -> None:
        self._show_comparison(comparison)
        pending = self.window._pending_pair
        if comparison is not None and pending is not None and comparison.right.document.path == pending[0]:
            self.window._pending_pair = None
            self.window.navigation.go_to_pair(pending[1])

    def _show_comparison(self, comparison: Comparison | None) -> None:
        self.window.timings["received"] = time.perf_counter()  # the core's answer is in: display from here
        self.window.comparison = comparison
        if comparison is None:
            self.window.sync.set_comparison(None, {side: None for side in SIDES})
            self.window.outline.set_comparison(None)
            self.window.figures.set_comparison(None)
            self.window.counts.setText("")
            self.window.editing._update_actions()
            return
        for side in SIDES:
            compared = comparison.left if side == Side.LEFT else comparison.right
            self._show_text(side, compared.text)
            self.window.panes[side].set_header(self._describe(compared.document, compared))
            set_as = comparison.options.left_script if side == Side.LEFT else comparison.options.right_script
            self.window.actions_.scripts[side]["auto" if set_as is None else set_as.value].setChecked(True)
        marks = {side: side_marks(comparison, side, self.window.settings.show_rewrites) for side in SIDES}
        self.window._picked = {Side.LEFT: False, Side.RIGHT: False}
        self.window.current_change = None
        self.window._pair_of = {Side.LEFT: {}, Side.RIGHT: {}}
        for index, pair in enumerate(comparison.pairs):  # a group's every unit selects its pair
            for unit in pair.left_units:
                self.window._pair_of[Side.LEFT][unit.index] = index
            for unit in pair.right_units:
                self.window._pair_of[Side.RIGHT][unit.index] = index
        self.window.sync.set_comparison(comparison, marks)
        self.window.outline.set_comparison(comparison)
        self.window.figures.set_comparison(comparison)
        self._show_counts(comparison)
        if self.window.current_pair is not None and self.window.current_pair >= len(comparison.pairs):
            self.window.current_pair = None
        chosen = self.window.selected[Side.LEFT]
        if chosen is not None:
            self.window.current_pair = self.window._pair_of[Side.LEFT].get(chosen, self.window.current_pair)
        if self.window.current_pair is not None:  # the other side shows the partner, never a stale choice
            pair = comparison.pairs[self.window.current_pair]
            self.window.selected = {
                Side.LEFT: pair.left.index if pair.left else None,
                Side.RIGHT: pair.right.index if pair.right else None,
            }
        self.window.outline.select_pair(self.window.current_pair)
        self.window.navigation._highlight_selection()
        self.window.editing._update_actions()
        if "chosen" in self.window.timings:
            self.window.timings["displayed"] = time.perf_counter()
        self.window.comparisonShown.emit(comparison)

    def _show_counts(self, comparison: Comparison) -> None:
        """Pairs by status, and under them the figures as the figure panel counts them (figure_counts).

        Two lines, so the selection beside them keeps room at 1024 px.
        """
        s, f = comparison.summary, figure_counts(comparison.pairs)
        pairs = QCoreApplication.translate(
            "MainWindow",
            "{pairs} pairs · {changed} changed · {added} added · {removed} removed · {moved} moved",
        ).format(pairs=s.pairs, changed=s.changed, added=s.added, removed=s.removed, moved=s.moved)
        if s.manual:
            pairs += " · " + QCoreApplication.translate("MainWindow", "{n} paired by hand").format(n=s.manual)
        figures = QCoreApplication.translate(
            "MainWindow", "figures: {changed} changed, {added} added, {removed} removed"
        ).format(changed=f.changed, added=f.added, removed=f.removed)
        self.window.counts.setText(f"{pairs}\n{figures}")

    def _job_started(self, kind: str) -> None:
        messages = {
            "load-left": QCoreApplication.translate("MainWindow", "Reading the left document…"),
            "load-right": QCoreApplication.translate("MainWindow", "Reading the right document…"),
            "compare": QCoreApplication.translate("MainWindow", "Comparing…"),
            "save": QCoreApplication.translate("MainWindow", "Saving…"),
        }
        self.window.progress.setValue(0)
        self.window.statusBar().showMessage(messages.get(_kind_name(kind), ""))

    def _busy_changed(self, busy: bool) -> None:
        self.window.progress.setVisible(busy)
        self.window.cancel_button.setVisible(busy)
        if not busy:
            self.window.statusBar().clearMessage()

    def _failed(self, kind: str, message: str, details: str = "") -> None:
        titles = {
            "load-left": QCoreApplication.translate("MainWindow", "Cannot open the left document"),
            "load-right": QCoreApplication.translate("MainWindow", "Cannot open the right document"),
            "compare": QCoreApplication.translate("MainWindow", "Cannot compare the documents"),
            "save": QCoreApplication.translate("MainWindow", "Cannot save"),
        }
        title = titles.get(_kind_name(kind), QCoreApplication.translate("MainWindow", "Problem"))
        if self.window.context.interactive:  # not modal to the app: a second problem gets its own box
            box = problem_box(self.window, title, message, details)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.window.problem_box = box
        else:
            print(f"policydiff: {title}: {message}", file=sys.stderr)
        self.window.problem.emit(kind, message)

    def _about(self) -> None:
        from policydiff import __version__

        QMessageBox.about(
            self.window,
            QCoreApplication.translate("MainWindow", "About policydiff"),
            QCoreApplication.translate(
                "MainWindow",
                "policydiff {version}\nCompare two Chinese policy documents: alignment, wording and figures.",
            ).format(version=__version__),
        )


def _kind_name(kind: str) -> str:
    """A job's kind without its side or number: every save ("save-3") is its own job of kind "save"."""
    key = JobKey.parse(kind)
    return key.kind.value if key is not None and key.kind is JobKind.SAVE else kind
