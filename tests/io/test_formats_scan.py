"""Scans compare against their sources: OCR'd pages go through the text PDF's layout.

Scans are made in the test from the seeds and corpus (LibreOffice prints the text with a running
header and page numbers; PDFium rasterises it at 150-300 dpi; grain, a slight turn and a red seal
are added), then loaded and compared with the source text: character accuracy >= 0.98 and every
unit found. The OCR tests are slow and skip when the [ocr] extra is not installed; the messages
without it, the confidence marks and the JSON are checked without OCR.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from policydiff.compare.pipeline import compare_documents
from policydiff.errors import Cancelled, LoadError
from policydiff.io import load_document
from policydiff.io.pdf.layout import Glyph, build
from policydiff.io.scan import engine as ocrengine
from policydiff.io.scan.engine import OcrChar, OcrLine, OcrPage
from policydiff.io.scan.pages import Source, recognise, to_glyphs
from policydiff.io.scan.read import clean, spans
from policydiff.model import LoadedDocument, OcrInfo, Status
from policydiff.present.ocrmarks import pair_uncertain, within
from policydiff.render.jsonform import comparison_to_json
from tests.fixtures import scan
from tests.fixtures.pdf.make_fixtures import SOURCES, source_path
from tests.fixtures.pdf.make_fixtures import source_text as fixture_source
from tests.format_check import level_counts

needs_ocr = pytest.mark.skipif(not ocrengine.available(), reason="the [ocr] extra is not installed")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def source(name: str, lines: int) -> str:
    if not source_path(name).is_file():
        pytest.skip(f"{source_path(name)} is not available (set POLICYDIFF_SHARED)")
    return fixture_source(name, lines)


def squeeze(text: str) -> str:
    """What character accuracy is measured on: no spaces or line breaks, widths folded."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def accuracy(truth: str, read: str) -> float:
    from rapidfuzz.distance import Levenshtein

    a, b = squeeze(truth), squeeze(read)
    return 1.0 - Levenshtein.distance(a, b) / max(1, len(a))


def check_against(
    text: str, doc: LoadedDocument, least: float = 0.98, pdf: bytes | None = None
) -> tuple[float, int]:
    """Accuracy >= ``least``, every unit found (nothing added or removed, same units per level).

    With ``pdf``, the text PDF the scan was made from, both are measured against what its text
    layer reads as: a scan must read like the text PDF (a running header the layout cannot tell
    from text in a short print stays in both).
    """
    reference = LoadedDocument("source.txt", "txt", "utf-8", text)
    if pdf is not None:
        reference = load_document(write_bytes("text.pdf", pdf))
    got = accuracy(reference.text, doc.text)
    assert got >= least, f"character accuracy {got:.4f}"
    comparison = compare_documents(reference, doc)
    lost = [p for p in comparison.pairs if p.status in (Status.ADDED, Status.REMOVED)]
    assert not lost, [(p.status, (p.left or p.right).label if (p.left or p.right) else "") for p in lost][:10]
    assert level_counts(comparison, "left") == level_counts(comparison, "right")
    changed = sum(1 for p in comparison.pairs if p.status == Status.CHANGED)
    print(f"{doc.name}: accuracy {got:.4f}, {changed} changed pairs of {len(comparison.pairs)}")
    return got, changed


def write_bytes(name: str, data: bytes) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="policydiff-scan-"))
    path = folder / name
    path.write_bytes(data)
    return path


_PDFS: dict[tuple[str, int], bytes] = {}


def printed(name: str, lines: int) -> tuple[str, bytes]:
    """The source's first ``lines`` lines printed by LibreOffice (header, page numbers), cached."""
    from tests.fixtures.pdf.render import docx_for_pdf, soffice_pdf

    text = source(name, lines)
    if (name, lines) not in _PDFS:
        _rel, header, footer = SOURCES[name]
        _PDFS[(name, lines)] = soffice_pdf(docx_for_pdf(text, header, footer))
    return text, _PDFS[(name, lines)]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- OCR on generated scans ------------------------------------------------------------------


@needs_ocr
@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "lines", "dpi"), [("seed000", 14, 200), ("law-fuyi2017", 70, 150), ("ver09-2020", 34, 300)]
)
def test_scanned_pdf_same_as_source(tmp_path, name, lines, dpi):
    text, pdf = printed(name, lines)
    pages = scan.rasterise(pdf, dpi)
    pages[0] = scan.stamp(pages[0], dpi)
    pages = [scan.degrade(p, seed=i, angle=0.7 if i % 2 == 0 else -0.5) for i, p in enumerate(pages)]
    doc = load_document(write(tmp_path, f"{name}-scan.pdf", scan.images_pdf(pages, dpi)))
    assert doc.ocr is not None and doc.ocr.pages == tuple(range(1, len(pages) + 1))
    assert 0.9 < doc.ocr.confidence <= 1.0
    assert doc.ocr.seals >= 1
    assert any("recognised by OCR" in n for n in doc.notices)
    assert any("left out" in n for n in doc.notices)  # the running header and page numbers
    check_against(text, doc, pdf=pdf)
    assert scan.SEAL_TEXT not in squeeze(doc.text)  # the seal is not text
    assert SOURCES[name][1] not in doc.text.split("\n")[0] or SOURCES[name][1] in text[:60]


@needs_ocr
@needs_soffice
@pytest.mark.slow
def test_red_title_read_as_title_and_tiff_pages(tmp_path):
    text, pdf = printed("seed000", 14)
    pages = scan.rasterise(pdf, 200)
    pages[0] = scan.red_title(pages[0], 0.08, 0.22)  # the title block printed in red: a 红头
    doc = load_document(write(tmp_path, "redhead.tif", scan.tiff(pages, 200)))
    assert doc.format == "tif" and doc.ocr is not None and doc.ocr.pages == tuple(range(1, len(pages) + 1))
    assert doc.ocr.seals == 0
    comparison = compare_documents(LoadedDocument("source.txt", "txt", "utf-8", text), doc)
    assert squeeze(comparison.right.tree.title) == squeeze(comparison.left.tree.title)
    check_against(text, doc)


@needs_ocr
@needs_soffice
@pytest.mark.slow
def test_photographed_page(tmp_path):
    text, pdf = printed("seed000", 14)
    page = scan.rasterise(pdf, 200)[0]
    doc = load_document(write(tmp_path, "photo.jpg", scan.photograph(page, seed=3)))
    assert doc.format == "jpg" and doc.ocr is not None
    # one page alone: its running header cannot be told from text (nothing repeats it), so it
    # leads; the rest is the source's text up to as much as the page shows
    header, body = doc.text.split("\n", 1)
    assert squeeze(header) == squeeze(SOURCES["seed000"][1])
    read = squeeze(body)
    got = accuracy(squeeze(text)[: len(read)], read)
    print(f"photo: accuracy {got:.4f} over {len(read)} characters")
    assert got >= 0.98, got
    assert len(read) > 600


@needs_ocr
@needs_soffice
@pytest.mark.slow
def test_mixed_pdf_reads_text_pages_and_scanned_pages(tmp_path):
    text, pdf = printed("law-fuyi2017", 70)
    pages = scan.rasterise(pdf, 200)
    assert len(pages) >= 2
    scanned = scan.images_pdf([scan.degrade(p, seed=9) for p in pages], 200)
    doc = load_document(write(tmp_path, "mixed.pdf", scan.mixed_pdf(pdf, scanned, {1})))
    assert doc.ocr is not None and doc.ocr.pages == (2,)
    check_against(text, doc, pdf=pdf)


@needs_ocr
@pytest.mark.slow
def test_cancel_stops_recognition(tmp_path, monkeypatch):
    import tempfile

    from PIL import Image

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the workers' copy is written
    image = Image.new("RGB", (800, 1100), "white")
    pdf = scan.images_pdf([image, image, image], 100)
    with pytest.raises(Cancelled):
        list(recognise(Source("pdf", pdf), [0, 1, 2], cancelled=lambda: True))
    assert list(tmp_path.iterdir()) == []  # the document's copy for the workers is gone


def _die(index: int):  # type: ignore[no-untyped-def]
    """In a recognition process: end as one the OOM killer chose, or whose OCR libraries crashed."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


@needs_ocr
@pytest.mark.slow
def test_a_recognition_process_that_dies_gives_one_line_that_says_so(tmp_path, monkeypatch):
    from PIL import Image

    from policydiff.io.scan import pages

    monkeypatch.setattr(pages, "_work", _die)  # submitted by reference: the worker runs _die
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan.images_pdf([Image.new("RGB", (800, 1100), "white")] * 2, 100))
    with pytest.raises(LoadError, match="text recognition stopped") as caught:
        load_document(path)
    assert caught.value.reason.value == "ocr-failed"


# --- without the extra -------------------------------------------------------------------------


def _blank_scan() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (850, 1100), "white")
    ImageDraw.Draw(image).rectangle((100, 100, 700, 130), fill="black")
    return scan.images_pdf([image], 100)


def _no_ocr(monkeypatch):
    def missing():
        raise ocrengine.OcrUnavailable(f"OCR is not installed; {ocrengine.EXTRA}")

    monkeypatch.setattr(ocrengine, "model_dir", missing)


def test_scanned_pdf_without_the_extra_names_it(tmp_path, monkeypatch):
    _no_ocr(monkeypatch)
    with pytest.raises(LoadError) as err:
        load_document(write(tmp_path, "scan.pdf", _blank_scan()))
    assert "no text layer" in str(err.value) and "policydiff[ocr]" in str(err.value)
    assert "\n" not in str(err.value)


def test_image_without_the_extra_names_it(tmp_path, monkeypatch):
    from PIL import Image

    _no_ocr(monkeypatch)
    path = tmp_path / "page.png"
    Image.new("RGB", (200, 300), "white").save(path)
    with pytest.raises(LoadError) as err:
        load_document(path)
    assert "policydiff[ocr]" in str(err.value) and "not a text document" in str(err.value)


def test_mixed_pdf_without_the_extra_says_which_pages_were_not_read(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    from tests.fixtures.pdf.render import reportlab_pdf

    _no_ocr(monkeypatch)
    text = source("seed000", 30)
    pdf = reportlab_pdf(text)
    mixed = scan.mixed_pdf(pdf, scan.images_pdf([scan.rasterise(pdf, 60)[1]] * 2, 60), {1})
    doc = load_document(write(tmp_path, "mixed.pdf", mixed))
    assert doc.ocr is None
    assert any("page 2 is an image" in n and "policydiff[ocr]" in n for n in doc.notices)


# --- glyphs, marks and JSON (no OCR needed) ----------------------------------------------------


def test_recognised_line_becomes_glyphs_in_points_with_uncertain_marks():
    chars = tuple(
        OcrChar(ch, 100 + 40 * i, 110 + 40 * i, 0.5 if ch == "干" else 0.99)
        for i, ch in enumerate("推进干项")
    )
    page = OcrPage((OcrLine(chars, 95, 260, 500, 540),), 1654, 2339)
    recognised = to_glyphs(0, page, 200.0)
    assert [g.ch for g in recognised.glyphs] == list("推进干项")
    assert [g.uncertain for g in recognised.glyphs] == [False, False, True, False]
    g = recognised.glyphs[0]
    assert g.y1 == pytest.approx((2339 - 500) * 72 / 200) and g.x0 >= 95 * 72 / 200 - 1e-9
    assert recognised.size == pytest.approx((1654 * 72 / 200, 2339 * 72 / 200))
    assert all(a.x1 <= b.x0 + 1e-6 for a, b in zip(recognised.glyphs, recognised.glyphs[1:], strict=False))


def test_layout_carries_uncertain_characters_through_wrapped_lines():
    def row(text: str, y: float, unsure: str = "") -> list[Glyph]:
        return [
            Glyph(ch, 72 + 12 * i, 84 + 12 * i, y, y + 12, 12, uncertain=ch in unsure)
            for i, ch in enumerate(text)
        ]

    body = "一二三四五六七八九十" * 3
    pages = [row("一、总则", 760) + row(body, 730, "五") + row("甲乙丙。", 712, "丙")]
    layout = build(pages, [(595, 842)])
    assert layout.text == f"一、总则\n{body}甲乙丙。"
    marked = "".join(layout.text[i] for i in layout.uncertain)
    assert marked == "五五五丙"


def test_clean_moves_marks_with_removed_characters():
    text, unsure = clean("a\x02bc  \nde", (3, 8))
    assert text == "abc\nde" and [text[i] for i in unsure] == ["c", "e"]
    assert spans([5, 3, 4, 9]) == ((3, 6), (9, 10))


def test_difference_only_in_uncertain_characters_is_marked_as_possible_misreading():
    left = LoadedDocument(
        "a.txt", "txt", "utf-8", "一、总则\n推进千项万亿工程。\n二、保障\n资金不少于60亿元。"
    )
    text = "一、总则\n推进干项万亿工程。\n二、保障\n资金不少于80亿元。"
    unsure = ((text.index("干"), text.index("干") + 1),)
    right = LoadedDocument("b.pdf", "pdf", None, text, ocr=OcrInfo((1,), 0.97, len(text), unsure))
    comparison = compare_documents(left, right)
    flagged = {
        p.right.label: pair_uncertain(p, left, right)
        for p in comparison.pairs
        if p.right and p.status == Status.CHANGED
    }
    assert flagged == {"一、": True, "二、": False}
    out = comparison_to_json(comparison)
    json.dumps(out, allow_nan=False)
    assert out["right"]["ocr"]["uncertain"] == [list(unsure[0])] and out["left"]["ocr"] is None
    assert Counter(p["ocr_uncertain"] for p in out["pairs"] if p["status"] == "changed") == Counter(
        {True: 1, False: 1}
    )
    assert within(unsure[0], unsure) and not within((0, 2), unsure)


def test_report_marks_low_confidence_characters_and_possible_misreadings():
    from policydiff.render.html import render_report

    left = LoadedDocument(
        "a.txt", "txt", "utf-8", "一、总则\n推进千项万亿工程。\n二、保障\n资金不少于60亿元。"
    )
    text = "一、总则\n推进干项万亿工程。\n二、保障\n资金不少于80亿元。"
    at = text.index("干")
    right = LoadedDocument("b.pdf", "pdf", None, text, ocr=OcrInfo((1,), 0.97, len(text), ((at, at + 1),)))
    page = render_report(compare_documents(left, right))
    assert 'class="badge ocr-uncertain"' in page
    assert '<span class="ocr-low"' in page and page.count('class="ocr-low"') == 1
    plain = render_report(compare_documents(left, LoadedDocument("b.txt", "txt", "utf-8", text)))
    body = plain.split("</style>")[-1]
    assert "ocr-low" not in body and "ocr-uncertain" not in body


def test_panes_mark_low_confidence_characters_after_the_word_marks():
    from policydiff.gui.marks import Mark, side_marks

    left = LoadedDocument("a.txt", "txt", "utf-8", "一、总则\n推进千项万亿工程。")
    text = "一、总则\n推进干项万亿工程。"
    at = text.index("干")
    right = LoadedDocument("b.pdf", "pdf", None, text, ocr=OcrInfo((1,), 0.97, len(text), ((at, at + 1),)))
    marks = side_marks(compare_documents(left, right), "right")
    assert marks.text_marks[-1] == (at, at + 1, Mark.OCR_LOW)
    assert Mark.OCR_LOW not in {
        k for _s, _e, k in side_marks(compare_documents(left, right), "left").text_marks
    }


def test_too_many_scanned_pages_are_refused_before_reading(tmp_path, monkeypatch):
    from policydiff.io.limits import LoadLimits

    monkeypatch.setattr(ocrengine, "model_dir", lambda: Path("."))  # as if installed; nothing is read
    pdf = scan.mixed_pdf(_blank_scan(), _blank_scan(), set())
    three = scan.images_pdf([scan.rasterise(pdf, 30)[0]] * 3, 30)
    with pytest.raises(LoadError) as err:
        load_document(write(tmp_path, "long.pdf", three), LoadLimits(ocr_max_pages=2))
    assert "3 scanned pages" in str(err.value) and "split it" in str(err.value)


def test_marks_follow_the_text_when_wrapped_lines_are_joined():
    from policydiff.io.scan.read import moved_spans

    before = "推进干项万亿\n工程 建设\nab"
    after = "推进干项万亿工程建设\nab"
    at, end = before.index("工"), before.index("设") + 1
    moved = moved_spans(before, after, ((2, 3), (at, end)))
    assert [after[s:e] for s, e in moved] == ["干", "工程建设"]
