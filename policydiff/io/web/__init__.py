"""Web documents: HTML pages from government sites, MIME web archives (.mht) and Markdown.

``html`` turns a page into lines, ``chrome`` tells page furniture from the document, ``scan`` answers
"is this a page, how much text does it show" in one linear pass, ``mht`` takes the page out of an
archive, ``markdown`` reads Markdown as printed text.

May import: the standard library, policydiff.errors, policydiff.lang, policydiff.io.
"""
