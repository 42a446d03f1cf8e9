"""The file types policydiff opens, by family: one list for the Open dialog, drag and drop, folder
scans of the coverage window and the README.

The readers go by content, not by name (io/readers.py); these extensions only decide what a file
dialog shows and which files of a folder are taken as documents.

May import: the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """A group of formats a user thinks of together (Word files, web pages …)."""

    zh: str
    en: str
    extensions: tuple[str, ...]  # lower case, with the dot


FAMILIES: tuple[Family, ...] = (
    Family("文本", "Text", (".txt", ".text", ".md", ".markdown")),
    Family("网页", "Web pages", (".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml")),
    Family("Word 与 WPS 文档", "Word and WPS documents", (".docx", ".doc", ".wps", ".odt", ".rtf")),
    Family("PDF 与 OFD 版式文件", "PDF and OFD", (".pdf", ".ofd")),
)

EXTENSIONS: frozenset[str] = frozenset(ext for family in FAMILIES for ext in family.extensions)


def is_document_name(name: str) -> bool:
    """Whether a file name has one of the extensions policydiff opens (case-insensitive)."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in EXTENSIONS


def patterns(extensions: tuple[str, ...] | frozenset[str]) -> str:
    """``*.txt *.TXT …`` for a file dialog filter (both cases: some file systems are case-sensitive)."""
    ordered = sorted(extensions) if isinstance(extensions, frozenset) else list(extensions)
    return " ".join(f"*{ext} *{ext.upper()}" for ext in ordered)
