"""Real-file faithfulness of the office readers (.doc, .rtf, .odt, .docx, txt): nothing a reader of
the document sees is dropped, nothing it does not see is shown, and what is left out is noticed.

Every file here is built in the test from a committed fixture or from scratch, each shaped like
the real file that showed the fault (never a copy of one).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from policydiff.errors import LoadError
from policydiff.io import load_document

LEGACY = Path(__file__).parent / "fixtures" / "legacy"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- .doc -----------------------------------------------------------------------------------------


def test_doc_field_opened_and_never_closed_does_not_swallow_the_rest(tmp_path):
    data = (LEGACY / "seed000.doc").read_bytes()
    heading = "一、扩大有效投资".encode("utf-16-le")
    assert data.count(heading) == 1
    broken = data.replace(heading, "\x13、扩大有效投资".encode("utf-16-le"))
    text = load_document(write(tmp_path, "open_field.doc", broken)).text
    assert "扩大有效投资政策" in text
    assert "二、" in text and "向上争取资金支持" in text
