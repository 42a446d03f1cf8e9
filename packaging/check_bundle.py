"""Smoke-test a built policydiff program (dist/policydiff/policydiff, or one unpacked from the .deb).

Runs the frozen program, never the source tree: from an empty folder, with a fresh HOME and cache
folder and no PYTHON* variables. Checks --version against pyproject.toml, a headless compare of two
sample documents to JSON (schema, pairs, summary counts, changed wording found by the word
segmenter) and HTML, that no dictionary cache is written (rjieba embeds its dictionary; nothing
lands in the cache or temporary folder), and a GUI start with --smoke on Qt's offscreen platform
that exits 0 by itself. Any stderr output not on the allow-list fails the check.
A scanned PDF (a seed drawn as page images, no text layer) is made too: the "with OCR" bundle
(--ocr) must read it by OCR and compare it with the seed's text as unchanged; the plain bundle
must refuse it with a message naming the [ocr] extra.
Usage: python packaging/check_bundle.py PROGRAM [--label NAME] [--ocr]
May import: the standard library; Pillow (a build dependency) and fc-match to draw the scan.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("000_22597a2fc5b61001.txt", "002_59720e67ef255997.txt")
SCHEMA = "policydiff.comparison/1"
STATUSES = ("unchanged", "changed", "added", "removed")
# stderr lines that are no failure: the offscreen platform cannot resize to size hints.
# The command line's OCR progress is no failure either.
ALLOWED_STDERR = (
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
    re.compile(r"^policydiff: [^:]+: OCR page \d+/\d+$"),
)
SMOKE_TIMEOUT_S = 120


class CheckFailed(Exception):
    """One check of the built program failed."""


def expected_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def unexpected_stderr(stderr: str) -> list[str]:
    """The stderr lines no pattern of ALLOWED_STDERR accounts for."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.match(line) for p in ALLOWED_STDERR)
    ]


def written_caches(work: Path) -> list[str]:
    """Dictionary caches a run left in the cache or temporary folder (jieba writes ``jieba.cache``)."""
    return sorted(
        str(p.relative_to(work))
        for folder in (work / "cache", work / "tmp")
        if folder.is_dir()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix == ".cache"
    )


def check_comparison_json(data: dict) -> str:
    """Raise CheckFailed unless ``data`` is a consistent policydiff.comparison/1; returns a summary line."""
    if data.get("schema") != SCHEMA:
        raise CheckFailed(f"JSON schema is {data.get('schema')!r}, not {SCHEMA!r}")
    pairs = data.get("pairs")
    if not isinstance(pairs, list) or not pairs:
        raise CheckFailed("JSON has no pairs")
    summary = data.get("summary", {})
    expected = {
        "pairs": len(pairs),
        **{status: sum(1 for p in pairs if p.get("status") == status) for status in STATUSES},
        "moved": sum(1 for p in pairs if p.get("moved")),
        "manual": sum(1 for p in pairs if p.get("manual")),
        # figures whose value changed, in units both sides keep (jsonform's figure counts)
        "figures_changed": sum(
            1
            for p in pairs
            if p.get("status") not in ("added", "removed")
            for f in p.get("figures", ())
            if f.get("status") == "changed"
        ),
    }
    wrong = {k: (summary.get(k), v) for k, v in expected.items() if summary.get(k) != v}
    if wrong:
        raise CheckFailed(f"JSON summary disagrees with its pairs (summary, counted): {wrong}")
    if sum(expected[s] for s in STATUSES) != expected["pairs"]:
        raise CheckFailed("JSON pairs have statuses outside " + ", ".join(STATUSES))
    if expected["changed"] and not any(p.get("edits") for p in pairs if p.get("status") == "changed"):
        raise CheckFailed("changed pairs have no word edits: word segmentation did not work")
    return ", ".join(f"{k} {v}" for k, v in expected.items())


class Runner:
    """Runs the program in an isolated environment and collects timings."""

    def __init__(self, program: Path, work: Path) -> None:
        self.program = program
        self.work = work
        self.cache = work / "cache"
        self.timings: dict[str, float] = {}
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        self.env.update(
            HOME=str(work / "home"),
            XDG_CACHE_HOME=str(self.cache),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_STATE_HOME=str(work / "state"),
            TMPDIR=str(work / "tmp"),
            QT_QPA_PLATFORM="offscreen",
            LC_ALL="C.UTF-8",
        )
        (work / "home").mkdir()
        (work / "tmp").mkdir()

    def run(self, name: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        try:
            result = subprocess.run(
                [str(self.program), *args],
                cwd=self.work,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise CheckFailed(f"{name}: still running after {timeout:.0f} s") from exc
        self.timings[name] = time.monotonic() - started
        if result.returncode != 0:
            raise CheckFailed(f"{name}: exit {result.returncode}\n{result.stdout}{result.stderr}")
        extra = unexpected_stderr(result.stderr)
        if extra:
            raise CheckFailed(f"{name}: unexpected stderr:\n  " + "\n  ".join(extra))
        return result


SCAN_SEED = "000_22597a2fc5b61001.txt"
SCAN_DPI = 200
SCAN_PAGES = 2  # the seed's opening pages: enough for page furniture and order, quick to read
OCR_MIN_CONFIDENCE = 0.9
OCR_MIN_ACCURACY = 0.98  # characters read right (whitespace aside), as the scan tests ask


def char_accuracy(read: str, truth: str) -> float:
    """1 − edits / characters of ``truth`` (NFKC, whitespace left out), edits as difflib aligns them."""
    import difflib
    import unicodedata

    a, b = ("".join(unicodedata.normalize("NFKC", t).split()) for t in (read, truth))
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in opcodes if op != "equal")
    return 1.0 - edits / max(1, len(b))


def cjk_font() -> str:
    """A Chinese font file to draw the scan with (Debian's fonts-noto-cjk)."""
    for family in ("Noto Sans CJK SC", "Noto Serif CJK SC"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found and "CJK" in found:
            return found
    raise CheckFailed("no Noto CJK font to draw the scanned PDF with (apt-get install fonts-noto-cjk)")


def scanned_pdf(text: str, out: Path, max_pages: int = SCAN_PAGES) -> tuple[int, str]:
    """The opening ``max_pages`` pages of ``text`` drawn on A4 images at SCAN_DPI, saved as a PDF
    of images only; returns its pages and the paragraphs drawn."""
    from PIL import Image, ImageDraw, ImageFont

    width, height, margin = round(8.27 * SCAN_DPI), round(11.69 * SCAN_DPI), round(SCAN_DPI)
    size = round(14 / 72 * SCAN_DPI)  # 14 pt body text
    font = ImageFont.truetype(cjk_font(), size)
    per_line = (width - 2 * margin) // size
    per_page = (height - 2 * margin) // round(size * 1.8)
    lines: list[str] = []
    drawn: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        wrapped = [paragraph[i : i + per_line] for i in range(0, len(paragraph), per_line)] or [""]
        if len(lines) + len(wrapped) > max_pages * per_page:
            break
        lines += wrapped
        drawn.append(paragraph)
    pages = []
    for start in range(0, len(lines), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for row, line in enumerate(lines[start : start + per_page]):
            draw.text((margin, margin + row * round(size * 1.8)), line, font=font, fill=0)
        pages.append(page)
    pages[0].save(out, "PDF", resolution=SCAN_DPI, save_all=True, append_images=pages[1:])
    return len(pages), "\n".join(drawn) + "\n"


def check_scan(runner: Runner, ocr: bool) -> str:
    """The scanned seed through the program: read by OCR and unchanged, or refused naming the extra."""
    scan, seed = runner.work / "scan.pdf", runner.work / "scanned.txt"
    pages, drawn = scanned_pdf((ROOT / "seeds" / SCAN_SEED).read_text(encoding="utf-8"), scan)
    seed.write_text(drawn, encoding="utf-8")
    out = runner.work / "scan.json"
    if not ocr:
        try:
            runner.run("compare a scan (no OCR)", "compare", str(scan), str(seed), "--json", str(out))
        except CheckFailed as exc:
            if "policydiff[ocr]" in str(exc):
                return "a scan is refused, naming the [ocr] extra"
            raise
        raise CheckFailed("the bundle without OCR read a scanned PDF without a word")
    runner.run("compare a scan (OCR)", "compare", str(scan), str(seed), "--json", str(out), timeout=600)
    data = json.loads(out.read_text(encoding="utf-8"))
    check_comparison_json(data)
    read = data.get("left", {}).get("ocr")
    if not read or read.get("pages") != list(range(1, pages + 1)):
        raise CheckFailed(f"the scan's {pages} pages were not read by OCR: left.ocr = {read!r}")
    if read.get("confidence", 0) < OCR_MIN_CONFIDENCE:
        raise CheckFailed(f"OCR read the scan with a mean confidence of {read.get('confidence')}")
    summary = data["summary"]
    accuracy = char_accuracy(data["left"]["text"], data["right"]["text"])
    if accuracy < OCR_MIN_ACCURACY or summary["added"] or summary["removed"]:
        raise CheckFailed(f"the scan read by OCR differs from its text: accuracy {accuracy:.4f}, {summary}")
    return (
        f"a {pages}-page scan read by OCR (confidence {read['confidence']:.3f}, characters right "
        f"{accuracy:.4f}), {summary['unchanged']} of {summary['pairs']} units unchanged"
    )


def check(program: Path, label: str, ocr: bool = False) -> None:
    seeds = [str(ROOT / "seeds" / name) for name in SEEDS]
    with tempfile.TemporaryDirectory(prefix="policydiff-check-") as tmp:
        runner = Runner(program, Path(tmp))
        # The first run reads the bundle from disk: the closest to a cold start this check can get.
        runner.run("gui --smoke (first start)", "--smoke", timeout=SMOKE_TIMEOUT_S)
        version = runner.run("--version", "--version").stdout.strip()
        if version != f"policydiff {expected_version()}":
            raise CheckFailed(f"--version printed {version!r}, pyproject.toml says {expected_version()}")
        out_json, out_html = runner.work / "out.json", runner.work / "report.html"
        runner.run(
            "compare --json --html", "compare", *seeds, "--json", str(out_json), "--html", str(out_html)
        )
        summary = check_comparison_json(json.loads(out_json.read_text(encoding="utf-8")))
        html = out_html.read_text(encoding="utf-8")
        if "<html" not in html[:500].lower() or len(html) < 2000:
            raise CheckFailed(f"{out_html.name} does not look like the report ({len(html)} characters)")
        written = written_caches(runner.work)
        if written:
            raise CheckFailed(f"the program wrote a dictionary cache: {written}")
        scan = check_scan(runner, ocr)
        runner.run("gui --smoke with a pair", "--smoke", *seeds, timeout=SMOKE_TIMEOUT_S)
        runner.run("gui --smoke (warm)", "--smoke", timeout=SMOKE_TIMEOUT_S)
        log = runner.work / "state" / "policydiff" / "policydiff.log"
        if "INFO policydiff: started" not in (log.read_text(encoding="utf-8") if log.is_file() else ""):
            raise CheckFailed(f"the app wrote no start-up line to its log {log}")
    print(f"check {label}: {version}; JSON: {summary}; HTML report {len(html) // 1024} KiB; {scan}")
    for name, seconds in runner.timings.items():
        print(f"check {label}:   {name:<28} {seconds:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description="Smoke-test a built policydiff program.")
    parser.add_argument("program", type=Path)
    parser.add_argument("--label", default=None)
    parser.add_argument("--ocr", action="store_true", help="the 'with OCR' bundle: a scan must be read")
    args = parser.parse_args()
    program = args.program.resolve()
    try:
        check(program, args.label or str(args.program), ocr=args.ocr)
    except CheckFailed as exc:
        print(f"check {args.label or args.program}: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
