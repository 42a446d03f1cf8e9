"""Write result files atomically and never over an input document.

One run's outputs are checked before any work starts (``check_output``) and written as a set
(``write_all``): every file is staged in a temporary file first and renamed into place only when
all were staged, so a failure leaves the earlier outputs as they were, never half a set.
May import: the standard library, policydiff.errors and policydiff.lang.safetext.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policydiff.errors import OutputError
from policydiff.lang.safetext import utf8_safe


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
    return write_all([(path, data)], inputs)[0]


def write_all(
    files: Sequence[tuple[str | os.PathLike[str], str | bytes]],
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]:
    """Write several outputs as one set: all are staged first, then each is renamed into place.

    If any cannot be staged (disk full, no permission) none is written and the earlier files
    stay as they were. Devices and pipes among the targets are written last, directly.

    Raises:
        OutputError: one line naming the output that cannot be written and why.
    """
    inputs = tuple(inputs)
    staged: list[_Staged] = []
    try:
        for path, data in files:
            staged.append(_stage(path, data, inputs))
        for item in staged:
            item.commit()
    finally:
        for item in staged:
            item.discard()
    return [item.target for item in staged]


@dataclass
class _Staged:
    """One output ready to be put in place: a temporary file beside it, or bytes for a device."""

    target: Path
    shown: str | os.PathLike[str]
    payload: bytes
    temporary: str | None = None

    def commit(self) -> None:
        if self.temporary is None:
            _write_special(self.target, self.shown, self.payload)
            return
        try:
            os.replace(self.temporary, self.target)
        except OSError as exc:
            raise OutputError(f"cannot write {_name(self.shown)}: {exc.strerror or exc}") from None
        self.temporary = None

    def discard(self) -> None:
        if self.temporary is not None:
            try:
                os.unlink(self.temporary)
            except OSError:
                pass
            self.temporary = None


def _stage(
    path: str | os.PathLike[str], data: str | bytes, inputs: Iterable[str | os.PathLike[str]]
) -> _Staged:
    target = check_output(path, inputs)
    # lone surrogates (a file name that is not UTF-8) become U+FFFD, never abort a write
    payload = data if isinstance(data, bytes) else utf8_safe(data).encode("utf-8")
    if _is_special(target):
        return _Staged(target, path, payload)
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".policydiff-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in {_name(folder)}: {exc.strerror or exc}") from None
    staged = _Staged(target, path, payload, tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # an existing file keeps its permissions; a new one gets what the umask allows
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_UMASK
        os.chmod(tmp_name, mode)
    except BaseException as exc:  # SystemExit from a signal handler too: never leave the temporary file
        staged.discard()
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {_name(path)}: {exc.strerror or exc}") from None
        raise
    return staged


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Refuse an output path that cannot be used, before any work is done; returns it resolved.

    Raises:
        OutputError: one line: the name is too long, the folder is missing or read-only, the
            path is a folder, or it names one of the input documents.
    """
    shown = _name(path)
    if _is_special(Path(path).expanduser()):  # /dev/null, /dev/stdout on a pipe: written into as named
        return Path(path).expanduser()
    try:
        target = Path(path).expanduser().resolve()
        exists = target.exists()
        is_dir = target.is_dir()
        folder_ok = target.parent.is_dir()
    except (OSError, RuntimeError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
            raise OutputError(
                f"cannot write {shown}: the file name is too long; choose a shorter one"
            ) from None
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise OutputError(f"cannot write {shown}: {reason}") from None
    for source in inputs:
        if same_file(source, target):
            raise OutputError(
                f"refusing to write over the input document {_name(source)}; choose another output file"
            )
    if not folder_ok:
        what = "is not a folder" if target.parent.exists() else "does not exist"
        raise OutputError(f"cannot write {shown}: the folder {_name(target.parent)} {what}")
    if is_dir:
        raise OutputError(f"cannot write {shown}: it is a folder")
    if _too_long(target):
        raise OutputError(f"cannot write {shown}: the file name is too long; choose a shorter one")
    if not exists and not os.access(target.parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {shown}: the folder {_name(target.parent)} is not writable")
    if exists and not _is_special(target) and not os.access(target.parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {shown}: the folder {_name(target.parent)} is not writable")
    return target


def _too_long(target: Path) -> bool:
    """Over the file system's limit for one name (NAME_MAX) or a whole path (PATH_MAX)."""
    try:
        name_max = os.pathconf(target.parent, "PC_NAME_MAX")
        path_max = os.pathconf(target.parent, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):
        name_max, path_max = 255, 4096
    encoded = os.fsencode(target)
    # the temporary name beside it must fit too
    return len(os.fsencode(target.name)) > name_max or len(encoded) >= path_max


def _name(path: str | os.PathLike[str]) -> str:
    """A path for a one-line message: shortened when huge, never a lone surrogate."""
    text = utf8_safe(os.fspath(path) if not isinstance(path, bytes) else os.fsdecode(path))
    return text if len(text) <= 200 else text[:90] + "…" + text[-90:]


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True if two paths name one file, through symlinks, ``..`` and hard links alike.

    A path that cannot be resolved (a symlink loop, a name too long) is compared as written.
    """
    first, second = _resolved(a), _resolved(b)
    if first == second:
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _resolved(path: str | os.PathLike[str]) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(os.path.abspath(path))


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
            raise OutputError(
                f"cannot write {_name(shown)}: it is a pipe that no program is reading"
            ) from None
        raise OutputError(f"cannot write {_name(shown)}: {exc.strerror or exc}") from None
    try:
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise OutputError(f"cannot write {_name(shown)}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
