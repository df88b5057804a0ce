"""One fault vocabulary for files and folders, both ends (issue #11).

A write (or read) that fails because of the machine — a full disk, a read-only or
write-protected folder, missing permission, a USB stick pulled out, a folder that is not
there, a file held by another program — is raised as :class:`FileFault`: one Chinese
sentence that names the folder, says what happened in the clerk's words and what to do,
and whether anything was left behind. It is an :class:`OSError` (``errno`` kept), so
code that already catches ``OSError`` keeps working; the GUI's error presenter
translates it by its message ``key`` and ``params`` like a validation error.

Usage at a write::

    try:
        write_the_file(final)
    except OSError as exc:
        raise fault(exc, folder, "export") from None

:func:`classify` maps ``errno`` (and Windows' ``winerror``, and SQLite's messages) to a
kind; the templates are in :data:`sync_contract.messages.TEMPLATES` (``fault.*``; the
township's GUI has an English source per key, ``desktop_app/gui/kit/messages.py``).
"""

from __future__ import annotations

import errno
import re
import sqlite3
from pathlib import Path

from .messages import Message, render

#: kind -> message key
KINDS = ("disk_full", "read_only", "permission", "device_removed", "path_missing",
         "not_a_folder", "name_too_long", "busy", "other")

_FAULT_MESSAGE_KEYS = {
    "disk_full": "fault.disk_full",
    "read_only": "fault.read_only",
    "permission": "fault.permission",
    "device_removed": "fault.device_removed",
    "path_missing": "fault.path_missing",
    "not_a_folder": "fault.not_a_folder",
    "name_too_long": "fault.name_too_long",
    "busy": "fault.busy",
    "other": "fault.other",
}

#: what the failed operation was (``fault(…, action)``) -> message key
_ACTION_MESSAGE_KEYS = {
    "export": "fault.action.export",
    "import": "fault.action.import",
    "backup": "fault.action.backup",
    "restore": "fault.action.restore",
    "save_pdf": "fault.action.save_pdf",
    "print_to_file": "fault.action.print_to_file",
    "keys": "fault.action.keys",
    "lock": "fault.action.lock",
    "log": "fault.action.log",
    "open_data": "fault.action.open_data",
    "write_file": "fault.action.write_file",
    # issue 11 — faults (the county's two writes)
    "ingest": "fault.action.ingest",
    "make_return": "fault.action.make_return",
    "mirror": "fault.action.mirror",
    # issue 16 — ledgers (desktop_app/core/xlsx.py)
    "write_xlsx": "fault.action.write_xlsx",
    # issue 16 — importer (desktop_app/core/services/ledger_import)
    "read_ledger": "fault.action.read_ledger",
}

#: what was left behind -> message key
_OUTCOME_MESSAGE_KEYS = {
    "nothing_written": "fault.outcome.nothing_written",
    "nothing_changed": "fault.outcome.nothing_changed",
}


_ERRNO_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EIO: "device_removed",
    errno.ENXIO: "device_removed",
    errno.ENODEV: "device_removed",
    errno.ENOENT: "path_missing",
    errno.ENOTDIR: "not_a_folder",
    errno.EISDIR: "not_a_folder",
    errno.ENAMETOOLONG: "name_too_long",
    errno.EBUSY: "busy",
    errno.ETXTBSY: "busy",
}
for _name, _kind in (("EDQUOT", "disk_full"), ("EFBIG", "disk_full"),
                     ("ENOMEDIUM", "device_removed"), ("ESHUTDOWN", "device_removed"),
                     ("ESTALE", "device_removed")):
    if hasattr(errno, _name):
        _ERRNO_KINDS[getattr(errno, _name)] = _kind

#: Windows system error codes (``OSError.winerror``) the errno mapping misses.
_WINERROR_KINDS = {
    3: "path_missing",        # ERROR_PATH_NOT_FOUND
    5: "permission",          # ERROR_ACCESS_DENIED
    15: "device_removed",     # ERROR_INVALID_DRIVE
    19: "read_only",          # ERROR_WRITE_PROTECT
    21: "device_removed",     # ERROR_NOT_READY
    32: "busy",               # ERROR_SHARING_VIOLATION
    33: "busy",               # ERROR_LOCK_VIOLATION
    39: "disk_full",          # ERROR_HANDLE_DISK_FULL
    112: "disk_full",         # ERROR_DISK_FULL
    206: "name_too_long",     # ERROR_FILENAME_EXCED_RANGE
    433: "device_removed",    # ERROR_NO_SUCH_DEVICE
    1006: "device_removed",   # ERROR_FILE_INVALID (volume changed)
    1167: "device_removed",   # ERROR_DEVICE_NOT_CONNECTED
}

#: SQLite says it in words (``sqlite3.OperationalError``).
_SQLITE_KINDS = (("disk is full", "disk_full"), ("readonly database", "read_only"),
                 ("read-only", "read_only"), ("disk i/o error", "device_removed"),
                 ("unable to open database", "path_missing"))


class FileFault(OSError):
    """A file or folder fault, told in Chinese (``message``) by key (``key``/``params``).

    ``kind``: one of :data:`KINDS`; ``folder``: the folder (or file) named to the user;
    ``action``: a key of the failed operation (``"export"``, ``"backup"``, …).
    """

    def __init__(self, kind: str, folder: Path | str, action: str, *,
                 outcome: str = "nothing_written", code: int | None = None) -> None:
        if kind not in _FAULT_MESSAGE_KEYS:
            kind = "other"
        self.kind = kind
        self.folder = str(folder)
        self.action = action
        self.key = _FAULT_MESSAGE_KEYS[kind]
        self.params: dict[str, object] = {
            "action": Message(_ACTION_MESSAGE_KEYS.get(action, "fault.action.write_file")),
            "folder": self.folder,
            "outcome": Message(_OUTCOME_MESSAGE_KEYS.get(outcome,
                                                         "fault.outcome.nothing_written")),
            "code": code if code is not None else "?",
        }
        self.message = render(self.key, self.params)
        super().__init__(code, self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # picklable across processes (the county's worker, tests)
        return (_rebuild, (self.kind, self.folder, self.action, self.params, self.errno))


def _rebuild(kind: str, folder: str, action: str, params: dict[str, object],
             code: int | None) -> FileFault:
    outcome = next((k for k, v in _OUTCOME_MESSAGE_KEYS.items()
                    if getattr(params.get("outcome"), "key", None) == v), "nothing_written")
    return FileFault(kind, folder, action, outcome=outcome, code=code)


#: An OS error wrapped as text by a library (pyrage's ``EncryptError: OSError: [Errno 28]
#: No space left on device``).
_WRAPPED_ERRNO = re.compile(r"\[Errno (\d{1,5})\]")


def _wrapped_errno(exc: BaseException) -> int | None:
    m = _WRAPPED_ERRNO.search(str(exc))
    return int(m[1]) if m else None


def classify(exc: BaseException) -> str | None:
    """The fault kind of ``exc`` (an ``OSError``, a SQLite error about its file, or a
    library's error that wraps an OS error as ``[Errno N]`` text), or ``None`` when it is
    not a file-system fault."""
    if isinstance(exc, FileFault):
        return exc.kind
    if isinstance(exc, OSError):
        win = getattr(exc, "winerror", None)
        if win in _WINERROR_KINDS:
            return _WINERROR_KINDS[win]
        return _ERRNO_KINDS.get(exc.errno or 0, "other")
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        return next((kind for words, kind in _SQLITE_KINDS if words in text), None)
    code = _wrapped_errno(exc)
    if code is not None:
        return _ERRNO_KINDS.get(code, "other")
    return None


def fault(exc: BaseException, folder: Path | str, action: str, *,
          outcome: str = "nothing_written") -> FileFault:
    """``exc`` as a :class:`FileFault` naming ``folder`` (an existing fault is kept)."""
    if isinstance(exc, FileFault):
        return exc
    kind = classify(exc) or "other"
    code = exc.errno if isinstance(exc, OSError) else _wrapped_errno(exc)
    return FileFault(kind, folder, action, outcome=outcome, code=code)


def is_fault(exc: BaseException) -> bool:
    """True for a file-system fault :func:`fault` can describe."""
    return classify(exc) is not None


__all__ = ["KINDS", "FileFault", "classify", "fault", "is_fault"]
