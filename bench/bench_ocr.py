"""Benchmark OCR: where a page's time goes, and seconds per page of a whole scan, pages in parallel.

Run: .venv/bin/python bench/bench_ocr.py [--seed 000] [--pages 3] [--dpi 200] [--configs] [--scan]
Needs the [ocr] extra and LibreOffice (the seed is printed as a 公文 would be, then rasterised).

--configs: the engine alone on each page, one process, one thread, for each setting of
  det_side / rec_height / rec_batch_width / threads: CPU seconds per page (the machine is shared,
  so CPU time, not wall time, is what compares) and character accuracy against the text layer.
  Also RapidOCR's own pipeline with its defaults (angle classifier off), the starting point.
--scan: `load_document` of an image-only PDF of the seed (every page) with the shipped settings:
  wall seconds per page, CPU seconds per page summed over the worker processes, accuracy.
Every line prints the load average: on a busy machine wall time is not the program's.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def accuracy(truth: str, read: str) -> float:
    from rapidfuzz.distance import Levenshtein

    a, b = squeeze(truth), squeeze(read)
    return 1.0 - Levenshtein.distance(a, b) / max(1, len(a))


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def printed(seed: str) -> tuple[str, bytes]:
    from tests.fixtures.pdf.render import docx_for_pdf, soffice_pdf

    path = next((ROOT / "seeds").glob(f"{seed}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, soffice_pdf(docx_for_pdf(text, "某某市人民政府文件", "- {n} -"))


def configs(pdf: bytes, pages: int, dpi: float) -> None:
    import numpy as np
    import pypdfium2 as pdfium

    from policydiff.io.scan.engine import Engine, OcrParams
    from tests.fixtures import scan

    document = pdfium.PdfDocument(pdf)
    truths = ["".join(document[i].get_textpage().get_text_range().split()) for i in range(pages)]
    images = [np.asarray(im) for im in scan.rasterise(pdf, dpi)[:pages]]
    shipped = OcrParams()
    rows = [
        ("shipped", {}),
        ("rec_height=48 (the model's own)", {"rec_height": 48}),
        ("rec_height=36", {"rec_height": 36}),
        ("rec_height=32", {"rec_height": 32}),
        ("det_side=1280", {"det_side": 1280}),
        ("det_side=960", {"det_side": 960}),
        ("det_side=1920", {"det_side": 1920}),
        ("rec_batch_width=1500", {"rec_batch_width": 1500}),
        ("rec_batch_width=12000", {"rec_batch_width": 12000}),
        ("threads=2", {"threads": 2}),
    ]
    print(f"{'setting':36} {'cpu s/page':>10} {'wall s/page':>11} accuracy per page")
    for label, change in rows:
        params = OcrParams(**{**shipped.__dict__, **change})
        engine = Engine(params)
        engine.read(images[0][:300], dpi)  # warm up
        cpu, wall = time.process_time(), time.perf_counter()
        read = []
        for image in images:
            page = engine.read(image, dpi)
            lines = sorted(page.lines, key=lambda line: (round(line.y0 / 20), line.x0))
            read.append("".join(line.text for line in lines))
        cpu, wall = (time.process_time() - cpu) / pages, (time.perf_counter() - wall) / pages
        accs = " ".join(f"{accuracy(t, r):.4f}" for t, r in zip(truths, read, strict=True))
        print(f"{label:36} {cpu:10.2f} {wall:11.2f} {accs}  ({load()})", flush=True)
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return
    ocr = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    ocr(images[0][:300], use_cls=False)
    cpu, wall = time.process_time(), time.perf_counter()
    read = []
    for image in images:
        result, _ = ocr(image, use_cls=False)
        result = sorted(result or [], key=lambda r: (round(r[0][0][1] / 20), r[0][0][0]))
        read.append("".join(r[1] for r in result))
    cpu, wall = (time.process_time() - cpu) / pages, (time.perf_counter() - wall) / pages
    accs = " ".join(f"{accuracy(t, r):.4f}" for t, r in zip(truths, read, strict=True))
    print(f"{'RapidOCR pipeline, defaults, no cls':36} {cpu:10.2f} {wall:11.2f} {accs}  ({load()})")


def whole_scan(text: str, pdf: bytes, dpi: float, tmp: Path) -> None:
    from policydiff.io import load_document
    from tests.fixtures import scan

    images = [scan.degrade(im, seed=i) for i, im in enumerate(scan.rasterise(pdf, dpi))]
    path = tmp / "bench-scan.pdf"
    path.write_bytes(scan.images_pdf(images, dpi))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    firsts: list[float] = []
    doc = load_document(path, progress=lambda done, total: firsts.append(time.perf_counter() - started))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    n = len(images)
    print(
        f"scan of {n} pages at {dpi:.0f} dpi, {os.cpu_count()} cores: wall {wall / n:.2f} s/page, "
        f"worker CPU {cpu / n:.2f} s/page, first page after {firsts[0]:.1f} s, "
        f"accuracy {accuracy(text, doc.text):.4f} ({load()})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", default="000")
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=float, default=200.0)
    parser.add_argument("--configs", action="store_true")
    parser.add_argument("--scan", action="store_true")
    args = parser.parse_args()
    text, pdf = printed(args.seed)
    if args.configs or not args.scan:
        configs(pdf, args.pages, args.dpi)
    if args.scan or not args.configs:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            whole_scan(text, pdf, args.dpi, Path(tmp))


if __name__ == "__main__":
    main()
