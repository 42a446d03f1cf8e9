"""A document's structure: the unit tree (title, preamble, chapters, articles, items, epilogue).

``parse`` builds the tree; ``lines`` classifies single lines (titles, closing lines, furniture).

May import: the standard library, policydiff.model, policydiff.errors, policydiff.lang, policydiff.io.
"""
