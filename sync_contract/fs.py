"""The one atomic, durable file write of the project (both ends and the township core).

A file is written under a temporary name in the same folder, flushed and fsync'd, then
renamed over the final name and the folder fsync'd where the system allows it: a reader
(or a crash) sees the old file or the new one, never half of one. The temporary name is
``.<name>.<random>.part``; it is removed on any failure.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def fsync_dir(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where directories cannot be
    opened, e.g. Windows, whose ``MoveFileEx`` is durable enough for us)."""
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_beside(final: Path | str, *, mode: int | None = None) -> Path:
    """A new empty temporary file next to ``final`` (same file system, so the rename is
    atomic); ``mode``: its permission bits (e.g. 0o600 for secrets)."""
    final = Path(final)
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=str(final.parent))
    try:
        if mode is not None:
            os.chmod(name, mode)
    finally:
        os.close(fd)
    return Path(name)


def replace_durably(tmp: Path | str, final: Path | str) -> None:
    """fsync ``tmp``, rename it over ``final``, fsync the folder."""
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    fsync_dir(Path(final).parent)


@contextmanager
def atomic_writer(path: Path | str, *, mode: int | None = None) -> Iterator[BinaryIO]:
    """``with atomic_writer(path) as fh: fh.write(…)`` — the file appears under ``path``
    complete when the block ends, or not at all if it raises (the temporary is removed).
    The parent folder is created if needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(path, mode=mode)
    try:
        with open(tmp, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def atomic_write(path: Path | str, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically and durably (see the module)."""
    with atomic_writer(path, mode=mode) as fh:
        fh.write(data)


__all__ = ["atomic_write", "atomic_writer", "fsync_dir", "replace_durably", "temp_beside"]
