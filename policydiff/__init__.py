"""policydiff: compare two Chinese policy documents unit by unit — alignment, wording and figures."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("policydiff")
except PackageNotFoundError:  # running from a source tree or a bundle without metadata
    __version__ = "0.1.0"
