"""One policy against many: the coverage matrix of a parent's units in each child, and its writers.

``matrix`` compares each child with the parent and decides the verdicts; ``jsonform``, ``html`` and
``xlsx`` write it.

May import: the standard library, third-party writers, and every package below (lang … render). Never Qt.
"""
