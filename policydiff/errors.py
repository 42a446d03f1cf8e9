"""Errors a user can act on. Their message is one line, shown as is (CLI stderr or a dialog).

May import: the standard library only.
"""


class PolicydiffError(Exception):
    """Base class: the message says what is wrong and what the user can do."""


class LoadError(PolicydiffError):
    """An input document cannot be read."""


class OutputError(PolicydiffError):
    """An output file cannot be written."""


class Cancelled(Exception):
    """The caller asked a running job (a comparison, a coverage run) to stop; not a failure."""
