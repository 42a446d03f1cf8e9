"""Write result files atomically and never over an input document.

May import: the standard library and policydiff.errors.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from policydiff.errors import OutputError


def _read_umask() -> int:
    """The process umask (read once, at import, on the main thread: os.umask is process-wide)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def write_atomically(
    path: str | os.PathLike[str], data: str, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Write ``data`` (UTF-8) to ``path`` via a temporary file in the same folder and a rename.

    Args:
        path: where the result goes.
        data: the text to write.
        inputs: the documents being compared; writing over one of them is refused.

    Returns:
        The resolved path written.

    Raises:
        OutputError: the folder is missing or not writable, or ``path`` is an input document.
    """
    target = Path(path).expanduser().resolve()
    for source in inputs:
        source_path = Path(source).expanduser().resolve()
        if source_path == target or (
            target.exists() and source_path.exists() and os.path.samefile(source_path, target)
        ):
            raise OutputError(
                f"refusing to write over the input document {source}; choose another output file"
            )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    payload = data.encode("utf-8", errors="replace")  # lone surrogates (odd file names) never abort a write
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".policydiff-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # an existing file keeps its permissions; a new one gets what the umask allows
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_UMASK
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return target
