"""Entry script of the frozen program: the same ``policydiff`` command as the installed package."""

import multiprocessing

if __name__ == "__main__":
    # A coverage run compares children in worker processes; a frozen program must let a worker
    # it starts run the worker's code, not the command line again.
    multiprocessing.freeze_support()
    from policydiff.cli import main

    raise SystemExit(main())
