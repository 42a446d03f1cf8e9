"""Accept or reject every revision of a .docx by walking its XML, as Word's Accept All / Reject All do.

Written for the tests from the WordprocessingML rules alone (no policydiff code), so a redline
that only looks right to its own writer cannot pass.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ADDED = {W + "ins", W + "moveTo"}
REMOVED = {W + "del", W + "moveFrom"}


def document_xml(data: bytes, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return etree.fromstring(z.read(part))


def resolve(data: bytes, accept: bool) -> str:
    """The body's text after accepting (or rejecting) every revision; paragraphs end with "\\n"."""
    body = document_xml(data).find(W + "body")
    out: list[str] = []
    for p in body.iter(W + "p"):
        for element in p.iter(W + "t", W + "delText", W + "tab"):
            kinds = {a.tag for a in element.iterancestors() if a.tag in ADDED | REMOVED}
            if accept and kinds & REMOVED:
                continue
            if not accept and kinds & ADDED:
                continue
            out.append("\t" if element.tag == W + "tab" else element.text or "")
        mark = p.find(f"{W}pPr/{W}rPr")
        tags = {c.tag for c in mark} if mark is not None else set()
        if (accept and tags & REMOVED) or (not accept and tags & ADDED):
            continue
        out.append("\n")
    return "".join(out)


def squeeze(text: str) -> str:
    """Text without whitespace (the redline keeps words, not blank lines or indents)."""
    return "".join(text.split())
