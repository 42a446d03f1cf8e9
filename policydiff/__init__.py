"""policydiff: compare two Chinese policy documents unit by unit — alignment, wording and figures."""

# Kept equal to pyproject.toml's version by a test; a literal, because importlib.metadata costs a
# cold command some 40 ms of imports (email, zipfile) for one string.
__version__ = "0.1.0"
