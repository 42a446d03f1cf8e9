"""Allow ``python -m policydiff``.

Guarded, because OCR's worker processes (spawned, never forked) import the main module again.
"""

from policydiff.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
