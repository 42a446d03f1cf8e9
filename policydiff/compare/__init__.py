"""The comparison pipeline: prepare → align → groups → word diff → edits → figures and meaning.

``pipeline`` runs the stages and builds the one Comparison every view shows; ``prepare`` parses,
normalizes and segments a document once; ``align`` pairs units, ``groups`` finds merges and splits,
``worddiff``/``edits`` the word differences, ``policy_changes`` attaches obligations, owners and
references to pairs.

May import: the standard library, third-party libraries, policydiff.model, policydiff.errors and the
packages below it (lang, io, structure, figures, meaning).
"""
