"""One process per data folder: an OS-level lock on ``<data>/.lock``.

The lock is taken with ``fcntl.flock`` (POSIX) or ``msvcrt.locking`` (Windows) on
an open file held for as long as the folder is open. The operating system drops it
when the process ends, however it ends, so a crash never leaves a stale lock behind
(the file itself stays; only the lock on it matters).

Inside one process the lock is reference-counted: the GUI, the command line and the
tests may open the same folder more than once (for example to restore a backup while
the services are open), and closing one handle does not release the others.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import IO, Any

from sync_contract.faults import fault

from .errors import DatabaseError

LOCK_NAME = ".lock"


class AlreadyOpenError(DatabaseError):
    """Another process has this data folder open; the message names the folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"数据目录 {folder} 已被另一个正在运行的程序打开（可能在另一个窗口中）。"
            "请切换到那个窗口，或先将其关闭后再试。"
        )


_mutex = threading.Lock()
_held: dict[str, list[Any]] = {}  # resolved folder -> [file object, reference count]


def _key(folder: Path) -> str:
    return os.path.normcase(str(Path(folder).resolve()))


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # e.g. a file system without locks: refuse rather than risk it
        raise fault(exc, Path(fh.name).parent, "lock", outcome="nothing_changed") from None
    return True


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def acquire(folder: Path) -> bool:
    """Lock ``folder`` for this process (again, if already held: counted); True when
    this call took the lock (no other handle of this process had it).

    Raises :class:`AlreadyOpenError` when another process holds it, and a
    :class:`~sync_contract.faults.FileFault` (one Chinese sentence naming the folder) when
    the lock file cannot be opened: a read-only, missing or full data folder.
    """
    key = _key(folder)
    with _mutex:
        entry = _held.get(key)
        if entry is not None:
            entry[1] += 1
            return False
        path = Path(folder) / LOCK_NAME
        # "a+" never truncates: the other process's note stays readable while it runs.
        try:
            fh = open(path, "a+b")  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise fault(exc, Path(folder), "open_data", outcome="nothing_changed") from None
        try:
            if not _try_lock(fh):
                raise AlreadyOpenError(Path(folder))
            if sys.platform != "win32":
                fh.seek(0)
                fh.truncate()
                try:
                    fh.write(f"pid {os.getpid()}\n".encode())
                    fh.flush()
                except OSError:  # a full disk: the lock is held; the note is only a courtesy
                    pass
        except BaseException:
            fh.close()
            raise
        _held[key] = [fh, 1]
        return True


def release(folder: Path) -> None:
    """Drop one reference; the lock is released when the last one goes."""
    key = _key(folder)
    with _mutex:
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _held[key]
        fh = entry[0]
        try:
            _unlock(fh)
        finally:
            fh.close()


def is_held_here(folder: Path) -> bool:
    """Whether this process holds the lock on ``folder``."""
    with _mutex:
        return _key(folder) in _held
