"""Scanned pages into glyphs: rasterise, recognise in parallel processes, place in PDF space.

Each page of a scan (a PDF page without a text layer, a frame of a TIFF, a photo) is read by
policydiff.io.scan.engine in a worker process, one page per process and one thread per page, as
many processes as the machine has cores; at most two pages per worker are in flight, so memory
stays bounded however long the document. The recognised characters become pdfglyphs' Glyphs
in points, y up, so the text PDF's layout (reading order, columns, furniture, wrapped lines)
reads scans too. Progress is reported per page; a cancel request stops the workers.
May import: the standard library, numpy, Pillow, pypdfium2, policydiff.io, policydiff.errors.
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from policydiff.errors import Cancelled, LoadReason, ReadRefused
from policydiff.io.pdf.glyphs import Glyph, is_cjk
from policydiff.io.scan.engine import Engine, OcrPage, OcrParams, model_dir

Progress = Callable[[int, int], None]  # pages read, pages in all
IsCancelled = Callable[[], bool]


PDF_DPI = 200.0  # scanned PDF pages are rendered at this resolution (the models read 9 pt text well)
MAX_SIDE = 4000  # a larger image (a phone photo) is scaled down to this many pixels on its long side
MAX_PIXELS = 120_000_000  # a larger image is refused as a decompression bomb
ENGINE_NAME = "RapidOCR PP-OCRv4 (onnxruntime, on this computer)"


class OcrFailed(ReadRefused):
    """A recognition process died: the document cannot be read, and the user is told why."""


@dataclass(frozen=True)
class Source:
    """Where pages come from: a PDF's bytes, or an image file's bytes (frames of a TIFF)."""

    kind: str  # "pdf" | "image"
    data: bytes


@dataclass(frozen=True)
class Recognised:
    """One page read by OCR, in points (y up), ready for the layout."""

    index: int
    glyphs: list[Glyph]
    size: tuple[float, float]
    confidences: list[float]
    seals: int


class Recogniser(Protocol):
    """What reads a scan's pages: ``recognise`` below (worker processes, the on-device engine), or
    another engine a caller hands to ``load_document``. Yields each page as it is finished."""

    def __call__(
        self,
        source: Source,
        pages: list[int],
        *,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> Iterable[Recognised]: ...


def image_frames(data: bytes) -> int:
    """How many pages an image file holds (a multi-page TIFF has several)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        return int(getattr(im, "n_frames", 1))


def _raster(source: Source, index: int) -> tuple[Any, float]:
    """Page ``index`` as an RGB array and its resolution in dots per inch."""
    import numpy as np
    from PIL import Image, ImageOps

    if source.kind == "pdf":
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(source.data)
        try:
            page = document[index]
            bitmap = page.render(scale=PDF_DPI / 72.0)
            image = bitmap.to_pil().convert("RGB")
            page.close()
        finally:
            document.close()
        return np.asarray(image), PDF_DPI
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with Image.open(io.BytesIO(source.data)) as im:
        im.seek(index)
        dpi_info = im.info.get("dpi")
        frame = ImageOps.exif_transpose(im) if index == 0 else im
        frame = frame.convert("RGB")
    dpi = float(dpi_info[0]) if dpi_info and dpi_info[0] and float(dpi_info[0]) > 50 else 0.0
    if dpi <= 0:
        dpi = min(frame.size) / 8.27  # an unstated resolution: the short side taken as A4's 8.27 in
    scale = min(1.0, MAX_SIDE / max(frame.size))
    if scale < 1.0:
        frame = frame.resize(
            (round(frame.width * scale), round(frame.height * scale)), Image.Resampling.LANCZOS
        )
        dpi *= scale
    return np.asarray(frame), max(dpi, 30.0)


# --- worker processes ------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(kind: str, path: str, params: OcrParams) -> None:
    with open(path, "rb") as handle:
        _WORKER["source"] = Source(kind, handle.read())
    _WORKER["engine"] = Engine(params)


def _work(index: int) -> tuple[int, OcrPage, float]:
    image, dpi = _raster(_WORKER["source"], index)
    return index, _WORKER["engine"].read(image, dpi), dpi


def recognise(
    source: Source,
    pages: list[int],
    params: OcrParams | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    workers: int | None = None,
) -> Iterator[Recognised]:
    """Each page read by OCR, in the order the pages finish.

    Args:
        source: the PDF or image the pages are in.
        pages: zero-based page (or frame) numbers to read.
        params: engine settings.
        progress: called with (pages done, pages in all) after each page.
        cancelled: polled while waiting; True stops the workers and raises Cancelled.
        workers: processes to use (default: one per core, never more than pages).

    Raises:
        OcrUnavailable: the extra is not installed.
        OcrFailed: a worker process died (killed for memory, or its libraries failed to load).
        Cancelled: the caller asked to stop.
    """
    model_dir()
    params = params or OcrParams()
    total = len(pages)
    cores = os.cpu_count() or 1
    count = max(1, min(workers or cores, total))
    if count == 1 and cores > 1:  # one page: its recognition uses every core instead
        params = OcrParams(**{**params.__dict__, "threads": cores})
    import multiprocessing

    # Worker processes even for one page: OpenCV and onnxruntime stay out of the window's
    # process, and a cancel can stop them at once. Spawned, never forked (the app runs Qt threads).
    # The document reaches them as a file, not inside the start-up data: a worker that dies before
    # reading that data would leave this process blocked writing megabytes into its pipe.
    handle, shared = tempfile.mkstemp(prefix="policydiff-ocr-", suffix=f".{source.kind}")
    with os.fdopen(handle, "wb") as out:
        out.write(source.data)
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(source.kind, shared, params),
    )
    pending: set[Future[tuple[int, OcrPage, float]]] = set()
    queue = list(reversed(pages))
    done = 0
    try:
        while queue or pending:
            while queue and len(pending) < 2 * count:
                pending.add(pool.submit(_work, queue.pop()))
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancelled is not None and cancelled():
                raise Cancelled()
            for future in finished:
                try:
                    index, page, dpi = future.result()
                except BrokenProcessPool as exc:  # killed (memory) or its OCR libraries failed to load
                    raise OcrFailed(
                        "could not be read: text recognition stopped (a recognition process ended "
                        "unexpectedly: out of memory, or a damaged OCR install)",
                        LoadReason.OCR_FAILED,
                    ) from exc
                done += 1
                yield to_glyphs(index, page, dpi)
                if progress is not None:
                    progress(done, total)
    finally:
        for future in pending:
            future.cancel()
        _stop(pool)
        with contextlib.suppress(OSError):
            os.unlink(shared)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down at once: a cancelled read does not wait for pages in progress."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def to_glyphs(index: int, page: OcrPage, dpi: float, low: float | None = None) -> Recognised:
    """A recognised page as glyphs in points, y up; each character spread over its share of the line."""
    threshold = OcrParams().low_confidence if low is None else low
    pt = 72.0 / dpi
    height_pt = page.height * pt
    heights = [line.y1 - line.y0 for line in page.lines if len(line.chars) >= 4]
    usual = statistics.median(heights) if heights else 0.0
    glyphs: list[Glyph] = []
    confidences: list[float] = []
    for line in page.lines:
        tall = line.y1 - line.y0
        if usual and abs(tall - usual) <= 0.2 * usual:
            tall = usual  # one body size: box heights jitter a little from line to line
        size = tall * pt * 0.9
        y0 = height_pt - line.y1 * pt
        y1 = height_pt - line.y0 * pt
        chars = line.chars
        centres = [(c.x0 + c.x1) / 2 * pt for c in chars]
        for k, c in enumerate(chars):
            centre = centres[k]
            half = (tall * (0.5 if is_cjk(c.ch) else 0.28)) * pt
            lo = max(centre - half, line.x0 * pt if k == 0 else (centres[k - 1] + centre) / 2)
            hi = min(centre + half, line.x1 * pt if k == len(chars) - 1 else (centres[k + 1] + centre) / 2)
            if c.ch.isspace():
                glyphs.append(Glyph(" ", lo, max(lo, hi), y0, y1, size, generated=True))
                continue
            glyphs.append(
                Glyph(c.ch, min(lo, centre), max(hi, centre), y0, y1, size, uncertain=c.conf < threshold)
            )
            confidences.append(c.conf)
    return Recognised(index, glyphs, (page.width * pt, height_pt), confidences, page.seals)
