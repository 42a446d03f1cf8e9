"""Fuzz the loaders, the structure parser, normalization and (on small inputs) the whole comparison.

Each input is one byte choosing a file name extension, then the file's bytes. The target asserts:

- ``load_document`` returns a document with non-blank text or raises ``LoadError`` with a one-line
  message — never another exception;
- ``parse_structure`` gives units inside the text, children inside parents, in reading order;
- ``normalize`` gives an offset map inside the original, non-decreasing, whole text ↔ whole text,
  and folding typography twice changes nothing more;
- comparing a small text with itself shows no change, and with an edited copy rebuilds both
  documents' units from the edits (every unit in exactly one pair).

Run ``python fuzz/fuzz_loaders.py --seconds 60`` (CI) or ``--seconds 3600`` (longer). With atheris
installed it drives libFuzzer (coverage-guided); otherwise a seeded mutation loop runs for the same
time. Crashing inputs are written to ``--crashes`` (default ``fuzz/crashes``) and the run exits 1.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTS = (".txt", ".docx", ".pdf", ".html", ".md", ".doc", "")
SMALL_COMPARE = 3000  # characters: larger texts are only loaded, parsed and normalized
MAX_PARSE = 60_000

atheris = None
if __name__ == "__main__" and "--no-atheris" not in sys.argv and "--replay" not in sys.argv:
    try:  # coverage-guided when available; instrumenting must precede the first policydiff import
        import atheris
    except ImportError:
        atheris = None
if atheris is not None:
    with atheris.instrument_imports(include=["policydiff"]):
        import policydiff.compare.pipeline  # noqa: F401

from policydiff.compare.pipeline import compare_documents  # noqa: E402
from policydiff.errors import LoadError  # noqa: E402
from policydiff.io import LoadLimits, load_document  # noqa: E402
from policydiff.lang.normalize import fold_typography, normalize  # noqa: E402
from policydiff.model import CompareOptions, LoadedDocument, Op  # noqa: E402
from policydiff.structure.parse import parse_structure  # noqa: E402

LIMITS = LoadLimits(max_bytes=4 * 2**20, docx_max_uncompressed=16 * 2**20, pdf_max_pages=50)
MODES = ("t2s", "tw2sp", "hk2s", "none")
_WORK = Path(
    tempfile.mkdtemp(prefix="policydiff-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
)


def _doc(text: str, name: str) -> LoadedDocument:
    return LoadedDocument(path=name, format="txt", encoding="utf-8", text=text, size=len(text))


def check_tree(text: str) -> None:
    tree = parse_structure(text)
    n = len(text)
    assert 0 <= tree.body_start <= n and 0 <= tree.body_end <= n, (tree.body_start, tree.body_end)
    previous = -1
    for k, unit in enumerate(tree.units):
        assert unit.index == k
        assert 0 <= unit.start <= unit.own_end <= unit.end <= n, unit
        assert unit.start >= previous, (unit, previous)
        previous = unit.start
        if unit.parent is not None:
            parent = tree.units[unit.parent]
            assert unit.parent < k and parent.own_end <= unit.start and unit.end <= parent.end, (parent, unit)
            assert unit.depth == parent.depth + 1


def check_normalize(text: str, mode: str) -> None:
    norm = normalize(text, mode)
    n, m = len(norm.text), len(text)
    assert len(norm.starts) == n
    assert norm.to_original(0, n) == (0, m)
    last = 0
    for j in range(n):
        start = norm.starts[j]
        end = norm.ends.get(j, start + 1)
        assert last <= start < end <= m, (j, start, end, m)
        last = start
    if n:
        for a, b in ((0, n // 2), (n // 3, n), (n // 2, n // 2)):
            lo, hi = norm.to_original(a, b)
            assert 0 <= lo <= hi <= m
    folded = fold_typography(norm.text).text
    # Typography folds to a fixed point; a line break kept after a short line may still fold on a
    # second pass once the lines before it merged (normalize.py's wrap rule, to nothing or to a space),
    # so layout whitespace is not compared.
    assert "".join(fold_typography(folded).text.split()) == "".join(folded.split())


def check_compare(text: str, cut: int, mode: str) -> None:
    from tests.compare.test_compare import check_invariants

    same = compare_documents(_doc(text, "a.txt"), _doc(text, "b.txt"), CompareOptions(normalize=mode))
    check_invariants(same)
    for p in same.pairs:
        assert p.left is not None and p.right is not None, "self-diff: a unit went unpaired"
        assert p.left.start == p.right.start and not p.edits, "self-diff"
    if len(text) > 1:
        k = cut % len(text)
        edited = text[:k] + text[k + 1 + cut % 7 :] + text[k : k + 3]
        for show in (False, True):
            options = CompareOptions(normalize=mode, show_normalization_diffs=show)
            comparison = compare_documents(_doc(text, "a.txt"), _doc(edited, "b.txt"), options)
            check_invariants(comparison)
            for pair in comparison.pairs:
                assert all(e.op in Op for e in pair.edits)


def one_input(data: bytes) -> None:
    """The target: see the module docstring."""
    if not data:
        return
    ext = EXTS[data[0] % len(EXTS)]
    payload = data[1:]
    path = _WORK / f"input{ext}"
    path.write_bytes(payload)
    try:
        document = load_document(path, LIMITS)
    except LoadError as exc:
        message = str(exc)
        assert message and "\n" not in message, repr(message)
        text = payload.decode("utf-8", errors="replace")
    else:
        assert document.text.strip() and "\r" not in document.text and "\x00" not in document.text
        text = document.text
    text = text[:MAX_PARSE]
    mode = MODES[data[0] // len(EXTS) % len(MODES)]
    check_tree(text)
    check_normalize(text, mode)
    if len(text) <= SMALL_COMPARE:
        check_compare(text, len(data), mode)


# ---- seeds -------------------------------------------------------------------------------------


def seeds() -> list[bytes]:
    """Seed inputs: the sample documents (whole and cut), small docx/pdf/html/md/GBK made here."""
    from tests.gen_docs import docx_bytes, pdf_bytes

    out: list[bytes] = []
    txt, docx_, pdf, html, md = (bytes([EXTS.index(e)]) for e in (".txt", ".docx", ".pdf", ".html", ".md"))
    for path in sorted((ROOT / "seeds").glob("*")):
        data = path.read_bytes()
        out += [txt + data[:2000], txt + data[:8000], txt + data]
        text = data.decode("utf-8", errors="ignore")[:1500]
        out.append(txt + text.encode("gbk", errors="ignore"))
        out.append(txt + text.encode("big5", errors="ignore"))
        out.append(txt + text.encode("utf-16"))
    lines = [
        "关于支持企业发展的若干措施",
        "一、总体要求",
        "（一）加强资金保障。安排资金60亿元。",
        "1.优化营商环境，不低于70%。",
        "（1）新增用地1.5万亩。",
        "①第一项",
        "第一条 本办法自发布之日起施行。",
    ]
    out.append(docx_ + docx_bytes(lines))
    out.append(docx_ + docx_bytes(lines[:2]))
    out.append(pdf + pdf_bytes(lines))
    out.append(pdf + pdf_bytes(None))
    out.append(
        html
        + (
            "<html><head><title>t</title></head><body><p>" + "</p><p>".join(lines) + "</p></body></html>"
        ).encode()
    )
    out.append(md + ("---\ntitle: x\n---\n# " + "\n\n".join(lines)).encode())
    out.append(txt + "\n".join(lines).encode())
    return out


# ---- drivers -----------------------------------------------------------------------------------


def _save_crash(data: bytes, crashes: Path) -> Path:
    import hashlib

    crashes.mkdir(parents=True, exist_ok=True)
    path = crashes / f"crash-{hashlib.sha1(data).hexdigest()[:16]}"
    path.write_bytes(data)
    return path


def _mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.randrange(7)
        if choice == 0 and buf:  # flip a byte
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        elif choice == 1 and buf:  # random byte
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif choice == 2 and len(buf) > 2:  # delete a run
            a = rng.randrange(len(buf))
            del buf[a : a + rng.randint(1, 64)]
        elif choice == 3:  # insert interesting text
            snippet = rng.choice(
                [
                    "一、",
                    "（一）",
                    "1.",
                    "1、",
                    "（1）",
                    "①",
                    "第一章",
                    "第一条",
                    "\n",
                    "\r",
                    "\x00",
                    "。",
                    "60亿元",
                    "不低于70%",
                    "<p>",
                    "</p>",
                    "<!DOCTYPE",
                    "&#x4e00;",
                    "\ufeff",
                    "\u200b",
                    "\U0001f600",
                    "\u0301",
                    "\ue000",
                    "發展",
                    "１．",
                    "（十）",
                ]
            ).encode(rng.choice(["utf-8", "utf-8", "gbk", "utf-16-le"]), errors="ignore")
            a = rng.randrange(len(buf) + 1)
            buf[a:a] = snippet
        elif choice == 4 and pool:  # splice another input
            other = rng.choice(pool)
            a, b = rng.randrange(len(buf) + 1), rng.randrange(len(other) + 1)
            buf = buf[:a] + other[b : b + rng.randint(1, 512)]
        elif choice == 5 and buf:  # duplicate a run
            a = rng.randrange(len(buf))
            buf[a:a] = buf[a : a + rng.randint(1, 128)]
        elif buf:  # change the extension byte
            buf[0] = rng.randrange(256)
    return bytes(buf[: 1 << 16])


def run_loop(seconds: float, seed: int, crashes: Path) -> int:
    """Seeded mutation fuzzing for a fixed time (no atheris)."""
    rng = random.Random(seed)
    pool = seeds()
    for data in pool:
        _run_checked(data, crashes)
    deadline = time.monotonic() + seconds
    runs, found = 0, 0
    while time.monotonic() < deadline:
        data = _mutate(rng, rng.choice(pool), pool)
        runs += 1
        if not _run_checked(data, crashes):
            found += 1
        elif len(pool) < 2000 and rng.random() < 0.02:
            pool.append(data)
    print(f"fuzz_loaders: {runs} inputs in {seconds:.0f} s, {found} crashes", file=sys.stderr)
    return 1 if found else 0


def _run_checked(data: bytes, crashes: Path) -> bool:
    try:
        one_input(data)
    except Exception:  # a finding: keep the input and go on
        path = _save_crash(data, crashes)
        print(f"CRASH saved to {path}:\n{traceback.format_exc()}", file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to fuzz (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the fallback loop")
    parser.add_argument(
        "--crashes", type=Path, default=ROOT / "fuzz" / "crashes", help="where crashing inputs go"
    )
    parser.add_argument(
        "--corpus", type=Path, help="atheris: corpus folder (default: a fresh folder of seeds)"
    )
    parser.add_argument(
        "--no-atheris", action="store_true", help="use the mutation loop even if atheris is installed"
    )
    parser.add_argument("--replay", type=Path, nargs="*", help="run these input files once each and report")
    args, rest = parser.parse_known_args(argv)
    if args.replay:
        bad = sum(not _run_checked(p.read_bytes(), args.crashes) for p in args.replay)
        return 1 if bad else 0
    if atheris is None or args.no_atheris:
        return run_loop(args.seconds, args.seed, args.crashes)
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="policydiff-corpus-"))
    corpus.mkdir(parents=True, exist_ok=True)
    for k, data in enumerate(seeds()):
        (corpus / f"seed-{k:03d}").write_bytes(data)
    args.crashes.mkdir(parents=True, exist_ok=True)
    libfuzzer = [
        sys.argv[0],
        f"-max_total_time={int(args.seconds)}",
        "-max_len=20000",
        "-timeout=60",
        "-rss_limit_mb=3072",
        f"-artifact_prefix={args.crashes}/",
        "-print_final_stats=1",
        *rest,
        str(corpus),
    ]
    atheris.Setup(libfuzzer, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
