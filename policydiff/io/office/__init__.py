"""Office documents: .docx and .odt (zipped XML), .doc/.wps (OLE), .rtf.

``zipped`` decides between .docx and .odt by content; ``zipparts`` opens their zips safely;
``docx``/``odt`` read what a reader sees (numbering from ``docx_numbering``/``odt_lists``);
``doc`` reads Word 97–2003 binaries (numbering from ``doc_numbering``); ``rtf`` reads RTF.

May import: the standard library, lxml, olefile, policydiff.errors, policydiff.lang, policydiff.io.
"""
