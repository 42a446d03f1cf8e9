"""Size limits for loading documents, in one frozen object so callers and tests can change them.

Every limit guards against an input that would exhaust memory or time (huge files, zip bombs,
thousand-page PDFs) and is named in the error message that enforces it.
May import: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 2**20


@dataclass(frozen=True)
class LoadLimits:
    """What load_document refuses rather than tries; the defaults suit policy documents."""

    max_bytes: int = 64 * MB  # file size on disk, checked with stat before reading
    docx_max_uncompressed: int = 256 * MB  # sum of a .docx/.odt archive's declared member sizes
    docx_max_ratio: float = 200.0  # uncompressed/compressed size of any large member
    docx_ratio_min_size: int = 1 * MB  # members smaller than this may compress as well as they like
    docx_max_embedding: int = 2  # .docx parts embedded (altChunk) inside a .docx, inside …
    odt_max_space_run: int = 16  # spaces one text:s may stand for (text:c is attacker-chosen)
    xml_head_bytes: int = 64 * 1024  # how much of each XML part is scanned for DOCTYPE/ENTITY
    pdf_max_pages: int = 2000
    pdf_min_chars_per_page: float = 5.0  # fewer visible characters than this means "no text layer"
    pdf_max_stream: int = 32 * MB  # decoded size of one content stream (a page's drawing commands)
    pdf_max_page_content: int = 64 * MB  # decoded content one page draws (its streams, repeats counted)
    pdf_max_content: int = 256 * MB  # decoded content all pages draw together (pages x content)
    pdf_max_chars: int = 4_000_000  # characters in the text layer, per page and in total
    pdf_max_seconds: float = 120.0  # reading the pages' text; checked after each page
    ocr_max_pages: int = 500  # scanned pages recognised in one document (about 2 s each)
    sniff_bytes: int = 64 * 1024  # sample used to detect binary data and encodings
    max_control_ratio: float = 0.05  # share of control bytes above which a file is binary
    score_chars: int = 20000  # characters scored when choosing between Chinese encodings
    # Legacy and other formats (.doc/.wps, .rtf, .mht, .ofd).
    doc_max_pieces: int = 100_000  # pieces in a .doc piece table
    doc_max_fkp_pages: int = 100_000  # paragraph-property pages read from a .doc
    soffice_timeout_s: float = 60.0  # a LibreOffice conversion of a .doc with automatic numbering
    rtf_max_depth: int = 200  # group nesting of an .rtf (Word writes a few dozen at most)
    mht_max_parts: int = 5000  # MIME parts of a web archive
    ofd_max_pages: int = 2000
    ofd_max_text_objects: int = 2_000_000  # text objects over all pages of an .ofd
    ofd_max_glyphs: int = 4_000_000  # characters laid out over all pages (a part drawn twice counts twice)

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.docx_max_uncompressed <= 0 or self.pdf_max_pages <= 0:
            raise ValueError("load limits must be positive")
