"""A scan in the window: its first page is shown while the rest are read, then the whole document.

The fast tests read an image-only PDF through the real loader, layout and window, with a recogniser
handed to ``load_document`` in place of the OCR engine: it reads page 1 at once and holds every
later page until the test lets it go, so "the first page is shown before the last is read" is
checked by the order of events, never by a clock. The slow test does the same with real OCR.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policydiff.errors import Cancelled
from policydiff.io import load_document
from policydiff.io.pdf.glyphs import is_cjk
from policydiff.io.scan.engine import OcrChar, OcrLine, OcrPage
from policydiff.io.scan.pages import Recognised, Source, to_glyphs
from policydiff.model import Side
from tests.conftest import SEED

COMPARE_TIMEOUT = 60_000
DPI = 200.0
WIDTH, HEIGHT = 1654, 2339  # A4 at 200 dpi
HEADER = "某某市人民政府文件"
SEED_TEXT = SEED["000"].read_text(encoding="utf-8")


def _split_pages(text: str, pages: int) -> list[list[str]]:
    """The seed's lines shared out over ``pages`` pages, each wrapped at 34 characters."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        if paragraph:
            lines += [paragraph[i : i + 34] for i in range(0, len(paragraph), 34)]
    size = -(-len(lines) // pages)
    return [lines[i * size : (i + 1) * size] for i in range(pages)]


def _page(index: int, body: list[str]) -> OcrPage:
    """What OCR would read on a printed page: a running header, the body, a page number."""
    rows = [(HEADER, 120)] + [(line, 260 + 70 * k) for k, line in enumerate(body)]
    rows.append((f"- {index + 1} -", HEIGHT - 150))
    lines = []
    for text, top in rows:
        advances = [48 if is_cjk(ch) else 24 for ch in text]  # full-width Chinese, half-width the rest
        x0 = (WIDTH - sum(advances)) / 2 if text in (HEADER, f"- {index + 1} -") else 200.0
        chars, x = [], x0
        for ch, advance in zip(text, advances, strict=True):
            chars.append(OcrChar(ch, x, x + advance - 4, 0.99))
            x += advance
        lines.append(OcrLine(tuple(chars), x0, x, top, top + 46))
    return OcrPage(tuple(lines), WIDTH, HEIGHT)


class HeldRecogniser:
    """Reads page 1 at once and holds every later page until ``release`` is set; honours cancel."""

    def __init__(self, pages: int) -> None:
        self.bodies = _split_pages(SEED_TEXT, pages)
        self.release = threading.Event()
        self.finished: list[int] = []
        self.stopped = threading.Event()

    def __call__(
        self,
        source: Source,
        pages: list[int],
        *,
        progress: Any = None,
        cancelled: Any = None,
    ) -> Iterator[Recognised]:
        assert source.kind == "pdf"
        for done, index in enumerate(pages, 1):
            while index > 0 and not self.release.wait(0.01):
                if cancelled is not None and cancelled():
                    self.stopped.set()
                    raise Cancelled()
            self.finished.append(index)
            yield to_glyphs(index, _page(index, self.bodies[index]), DPI)
            if progress is not None:
                progress(done, len(pages))


def scan_pdf(path: Path, pages: int) -> Path:
    """An image-only PDF of ``pages`` blank A4 pages (what the recogniser reads is its own)."""
    from PIL import Image

    from tests.fixtures.scan import images_pdf

    path.write_bytes(images_pdf([Image.new("L", (WIDTH // 8, HEIGHT // 8), 255)] * pages, DPI / 8))
    return path


def window_reading(qtbot: Any, settings: Any, recogniser: HeldRecogniser) -> Any:
    """A window whose loads read scans with ``recogniser`` (the real loader, layout and app otherwise)."""
    from policydiff.gui.context import AppContext, Backend
    from policydiff.gui.mainwindow import MainWindow

    def load(path: str, progress: Any = None, cancelled: Any = None, partial: Any = None) -> Any:
        def pages(done: int, total: int) -> None:
            if progress is not None:
                progress(done / total)

        return load_document(
            path, progress=pages, cancelled=cancelled, partial=partial, recogniser=recogniser
        )

    win = MainWindow(AppContext(settings=settings, backend=Backend(load=load)))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def _text(win: Any, side: Side) -> str:
    return str(win.view(side).toPlainText())


def test_the_first_page_shows_before_the_last_is_read_then_the_whole_document(
    qtbot: Any, settings: Any, tmp_path: Path
) -> None:
    recogniser = HeldRecogniser(3)
    win = window_reading(qtbot, settings, recogniser)
    first_body, last_body = recogniser.bodies[0][0], recogniser.bodies[2][-1]
    shown: list[str] = []
    win.session.reading.connect(lambda side, path, pages: shown.append(_text(win, Side.LEFT)))
    try:
        win.open_pair(str(scan_pdf(tmp_path / "scan.pdf", 3)), str(SEED["000"]))
        qtbot.waitUntil(lambda: first_body in _text(win, Side.LEFT), timeout=COMPARE_TIMEOUT)
        # page 1 is on screen while pages 2 and 3 are still being read
        assert recogniser.finished == [0]
        provisional = _text(win, Side.LEFT)
        assert last_body not in provisional
        assert "[page 3: being read…]" in provisional and "[page 2: being read…]" in provisional
        header = win.panes[Side.LEFT].header.text()
        assert "scan.pdf" in header and "1 of 3 pages read" in header and "provisional" in header
        assert win.comparison is None and win.progress.isVisible() and win.cancel_button.isVisible()
        with qtbot.waitSignal(win.comparisonShown, timeout=COMPARE_TIMEOUT) as blocker:
            recogniser.release.set()
        comparison = blocker.args[0]
    finally:
        recogniser.release.set()
        win.context.jobs.wait(30_000)
    # each page was shown as it came, then the document laid out whole replaced the pages
    assert len(shown) == 3 and "being read" not in shown[-1]
    document = win.session.documents[Side.LEFT]
    assert document is not None and document.ocr is not None and document.ocr.pages == (1, 2, 3)
    final = _text(win, Side.LEFT)
    assert final == comparison.left.text and "being read" not in final
    assert last_body in final
    # the running header, found across the pages, is left out once every page is in
    assert provisional.count(HEADER) == 1 and final.count(HEADER) == 0
    assert "provisional" not in win.panes[Side.LEFT].header.text()
    summary = comparison.summary  # the recognised seed against its own text
    assert summary.added == summary.removed == 0 and summary.unchanged >= 0.9 * summary.pairs


def test_cancel_while_a_scan_is_read_brings_back_the_document_and_comparison(
    qtbot: Any, settings: Any, tmp_path: Path
) -> None:
    recogniser = HeldRecogniser(3)
    win = window_reading(qtbot, settings, recogniser)
    try:
        with qtbot.waitSignal(win.comparisonShown, timeout=COMPARE_TIMEOUT):
            win.open_pair(str(SEED["000"]), str(SEED["002"]))
        before = _text(win, Side.LEFT)
        win.open_file(Side.LEFT, str(scan_pdf(tmp_path / "scan.pdf", 3)))
        qtbot.waitUntil(lambda: "[page 3: being read…]" in _text(win, Side.LEFT), timeout=COMPARE_TIMEOUT)
        assert win.comparison is None  # the old comparison does not stand beside a different text
        with qtbot.waitSignal(win.comparisonShown, timeout=COMPARE_TIMEOUT):
            win.cancel_button.click()
        assert recogniser.stopped.is_set()
        assert _text(win, Side.LEFT) == before
        assert win.session.paths[Side.LEFT] == str(SEED["000"])
        assert "provisional" not in win.panes[Side.LEFT].header.text()
    finally:
        recogniser.release.set()
        win.context.jobs.wait(30_000)


def test_a_superseded_scan_shows_nothing_more(qtbot: Any, settings: Any, tmp_path: Path) -> None:
    """Opening another file while a scan is read: the scan's later pages never reach the pane."""
    recogniser = HeldRecogniser(2)
    win = window_reading(qtbot, settings, recogniser)
    try:
        win.open_file(Side.LEFT, str(scan_pdf(tmp_path / "scan.pdf", 2)))
        qtbot.waitUntil(lambda: "[page 2: being read…]" in _text(win, Side.LEFT), timeout=COMPARE_TIMEOUT)
        with qtbot.waitSignal(win.session.documentChanged, timeout=COMPARE_TIMEOUT):
            win.open_file(Side.LEFT, str(SEED["002"]))
        shown = _text(win, Side.LEFT)
        assert "being read" not in shown and "provisional" not in win.panes[Side.LEFT].header.text()
        recogniser.release.set()  # the superseded scan finishes its pages now
        win.context.jobs.wait(30_000)
        qtbot.wait(50)
        assert recogniser.finished == [0, 1] or recogniser.stopped.is_set()
        assert _text(win, Side.LEFT) == shown
        assert win.session.paths[Side.LEFT] == str(SEED["002"])
    finally:
        recogniser.release.set()
        win.context.jobs.wait(30_000)


@pytest.mark.slow
def test_real_ocr_shows_the_first_page_before_the_last_is_read(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """The real engine, in its worker processes, on a 3-page scan printed from a seed."""
    pytest.importorskip("rapidocr_onnxruntime")
    from policydiff.io.scan.engine import available

    if not available():
        pytest.skip("the OCR extra is not installed")
    from tests.fixtures import scan
    from tests.fixtures.pdf.render import docx_for_pdf, soffice_pdf

    opening: list[str] = []
    for paragraph in SEED_TEXT.splitlines():  # the seed's opening, about three printed pages
        opening.append(paragraph)
        if sum(map(len, opening)) > 2500:
            break
    text = "\n".join(opening) + "\n"
    try:
        pdf = soffice_pdf(docx_for_pdf(text, HEADER, "- {n} -"))
    except Exception as exc:  # noqa: BLE001 - no LibreOffice here
        pytest.skip(f"cannot print the seed: {exc}")
    images = scan.rasterise(pdf, DPI)
    path, source = tmp_path / "scan.pdf", tmp_path / "source.txt"
    path.write_bytes(scan.images_pdf(images, DPI))
    source.write_text(text, encoding="utf-8")
    events: list[tuple[str, int, int]] = []
    shown: list[str] = []  # the left pane as each page came (the window draws it before this runs)

    def reading(side: str, _path: str, pages: Any) -> None:
        if side == Side.LEFT:
            events.append(("pages", pages.recognised, pages.to_recognise))
            shown.append(_text(window, Side.LEFT))

    window.session.reading.connect(reading)
    window.session.documentChanged.connect(
        lambda side: events.append(("document", 0, 0)) if side == Side.LEFT else None
    )
    with qtbot.waitSignal(window.comparisonShown, timeout=600_000) as blocker:
        window.open_pair(str(path), str(source))
    comparison = blocker.args[0]
    assert len(images) >= 2 and events[0] == ("pages", 1, len(images))
    kinds = [e[0] for e in events]
    assert kinds[: len(images)] == ["pages"] * len(images)  # every page shown as it came, then the whole
    assert "document" in kinds[len(images) :]
    assert "being read" in shown[0] and len(shown[0].replace("being read", "")) > 200
    assert "being read" not in _text(window, Side.LEFT)
    assert comparison.left.document.ocr is not None
    assert comparison.summary.added == comparison.summary.removed == 0
