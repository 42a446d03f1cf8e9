"""Write result files atomically and never over an input document.

May import: the standard library and policydiff.errors.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from policydiff.errors import OutputError


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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return target
