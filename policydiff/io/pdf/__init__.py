"""PDF: the text layer read with PDFium and rebuilt into paragraphs from glyph geometry.

``text`` reads glyphs, ``guard`` refuses decompression bombs, ``glyphs`` makes rows and segments,
``columns`` finds the gutter and reading order, ``layout`` removes furniture and joins wrapped lines.

May import: the standard library, pypdfium2, policydiff.errors, policydiff.io.limits.
"""
