"""What a measure means beyond its words: obligation strength, responsible units, cross-references.

Each module reads one kind of meaning from a unit's text and says how it changed between versions.

May import: the standard library, policydiff.model, policydiff.lang.
"""
