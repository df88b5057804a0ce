"""The county receiver's work folder: ``<data>/work/`` (issue #11, temp hygiene).

Ingest decrypts a whole township package (names, ID numbers, incomes) before it is
verified and applied, and make-return assembles the inner ZIP of a return package: both
need a temporary copy on disk. They live in this process's own folder
``<data>/work/w-<random>/`` (the folders are created 0700), never in the system's shared
temp folder, and are removed when the command ends, however it fails.

A killed process (SIGKILL, a power cut) cannot clean up: every start first removes the
folders whose owner is gone. Each process holds an OS lock on ``.owner`` inside its own
folder for as long as it runs (``flock``, ``msvcrt.locking`` on Windows; the system drops
it when the process dies), so two county commands running side by side never remove
each other's files.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

WORK_DIRNAME = "work"
OWNER = ".owner"
#: A folder younger than this without an owner lock may be one being created right now.
GRACE_SECONDS = 60


def _lock(fh: IO[bytes], *, blocking: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK if not blocking else msvcrt.LK_LOCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _owner_gone(folder: Path, now: float) -> bool:
    owner = folder / OWNER
    try:
        fh = open(owner, "rb+")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        try:
            return now - folder.stat().st_mtime > GRACE_SECONDS
        except OSError:
            return False
    except OSError:
        return False
    try:
        return _lock(fh, blocking=False)
    finally:
        fh.close()  # closing drops the lock we may just have taken


def sweep(root: Path, *, now: float | None = None) -> list[str]:
    """Remove the folders (and stray files) in ``root`` whose process is gone; returns
    their names. What cannot be removed stays for the next start."""
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        try:
            if entry.is_dir() and not entry.is_symlink():
                if not _owner_gone(entry, now):
                    continue
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry.name)
        except OSError:
            pass
    return removed


class WorkDir:
    """This process's own work folder; :meth:`close` removes it."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / WORK_DIRNAME
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if sys.platform != "win32":
            os.chmod(self.root, 0o700)
        self.swept = sweep(self.root)
        self.path = Path(tempfile.mkdtemp(prefix="w-", dir=self.root))  # 0700
        self._owner: IO[bytes] | None = open(self.path / OWNER, "wb")  # noqa: SIM115 - held until close()
        _lock(self._owner, blocking=True)

    def close(self) -> None:
        if self._owner is not None:
            self._owner.close()
            self._owner = None
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> WorkDir:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["GRACE_SECONDS", "WORK_DIRNAME", "WorkDir", "sweep"]
