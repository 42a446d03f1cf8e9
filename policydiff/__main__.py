"""Allow ``python -m policydiff``."""

from policydiff.cli import main

raise SystemExit(main())
