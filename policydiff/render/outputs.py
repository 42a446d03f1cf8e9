"""Write result files atomically and never over an input document.

May import: the standard library and policydiff.errors.
"""

from __future__ import annotations

import errno
import os
import stat
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
    path: str | os.PathLike[str], data: str | bytes, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` via a temporary file and a rename.

    A target that exists and is not a regular file (``/dev/null``, a terminal, a named pipe) is
    written into directly: renaming over it would replace the device or pipe with a file.

    Args:
        path: where the result goes.
        data: the text or bytes to write.
        inputs: the documents being compared; writing over one of them is refused.

    Returns:
        The resolved path written.

    Raises:
        OutputError: the folder is missing or not writable, or ``path`` is an input document.
    """
    target = Path(path).expanduser().resolve()
    for source in inputs:
        if same_file(source, target):
            raise OutputError(
                f"refusing to write over the input document {source}; choose another output file"
            )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    # lone surrogates (odd file names) never abort a write
    payload = data if isinstance(data, bytes) else data.encode("utf-8", errors="replace")
    if _is_special(target):
        _write_special(target, path, payload)
        return target
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
    except BaseException as exc:  # SystemExit from a signal handler too: never leave the temporary file
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return target


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True if two paths name one file, through symlinks, ``..`` and hard links alike."""
    first, second = Path(a).expanduser().resolve(), Path(b).expanduser().resolve()
    if first == second:
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _is_special(target: Path) -> bool:
    """An existing target that is a device, pipe or socket rather than a regular file."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_special(target: Path, shown: str | os.PathLike[str], payload: bytes) -> None:
    """Write into a device or named pipe; a pipe nobody reads is refused instead of waiting forever."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"cannot write {shown}: it is a pipe that no program is reading") from None
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
