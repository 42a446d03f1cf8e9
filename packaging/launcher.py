"""Entry script of the frozen program: the same ``policydiff`` command as the installed package."""

from policydiff.cli import main

raise SystemExit(main())
