"""False changes per office-made PDF: each seed and corpus text printed to PDF, compared with its source.

Run from the repository root: ``python -m bench.pdf_false_changes [--maker libreoffice|chromium|
chromium-plain|wps|wps-stray] [--cache DIR]``. ``wps`` is WPS Office's export as
tests/fixtures/pdf/wps.py emulates it (Identity-H subset fonts, each run placed on its own,
punctuation hanging past the right margin, marks compressed); ``wps-stray`` also draws each hanging
mark 0.12 em below its line and after the rest of its page, and types each paragraph's indent as
two ideographic spaces. The PDFs are cached (keyed by text,
maker and furniture; for WPS also by its writer's code), so a run before and after a reader change
measures the same files. Prints one line per document (pairs that
are not unchanged, and the first few) and the total. Needs soffice / chromium.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from pathlib import Path

from policydiff.io import load_document
from tests.fixtures.pdf.render import chromium_pdf, docx_for_pdf, html_for_pdf, soffice_pdf
from tests.fixtures.pdf.wps import WpsStyle, wps_pdf
from tests.format_check import compare_with_source, not_unchanged

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("POLICYDIFF_SHARED") or ROOT.parent / "shared") / "corpus"
# Footers as offices set them: a page number, and a draft's notice beside it.
FOOTERS = ("— {n} —", "本稿为征求意见稿，仅供征求意见使用  第 {n} 页 共 {total} 页")


def sources() -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    laws = sorted((CORPUS / "laws").glob("*.md"))
    versions = sorted((CORPUS / "versions").glob("*.txt"))[:6]
    return seeds + laws + versions


def render(text: str, title: str, footer: str, maker: str, cache: Path) -> bytes:
    version = ""  # the emulated WPS export is code of this repository: a change to it is a new file
    if maker.startswith("wps"):
        version = hashlib.sha256((ROOT / "tests" / "fixtures" / "pdf" / "wps.py").read_bytes()).hexdigest()
    key = hashlib.sha256(f"{maker}\0{title}\0{footer}\0{text}{version}".encode()).hexdigest()[:20]
    path = cache / f"{key}.pdf"
    if not path.exists():
        if maker == "libreoffice":
            data = soffice_pdf(docx_for_pdf(text, title, footer))
        elif maker.startswith("wps"):
            stray = maker == "wps-stray"
            style = WpsStyle(
                header=title, footer=footer, stray=-0.12 if stray else 0.0, late=stray, typed_indent=stray
            )
            data = wps_pdf(text, style)
        else:
            data = chromium_pdf(html_for_pdf(text, title), header_footer=maker == "chromium")
        path.write_bytes(data)
    return path.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--maker", default="libreoffice")
    parser.add_argument("--cache", default=str(Path(os.environ.get("TMPDIR", "/tmp")) / "pdf-false-changes"))
    args = parser.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    total = 0
    for number, source in enumerate(sources()):
        text = load_document(source).text
        title = next((line for line in text.split("\n") if line.strip()), source.stem)[:30]
        footer = FOOTERS[number % len(FOOTERS)]
        pdf = cache / f"{source.stem}.{args.maker}.pdf"
        pdf.write_bytes(render(text, title, footer, args.maker, cache))
        try:
            differing = not_unchanged(compare_with_source(text, pdf))
        except Exception as exc:  # a refusal is a result too
            print(f"{source.name}: ERROR {exc}")
            continue
        total += len(differing)
        print(f"{source.name}: {len(differing)}", *differing[:3], sep="\n    " if differing else "")
    print(f"total false changes ({args.maker}): {total} over {len(sources())} documents")


if __name__ == "__main__":
    main()
