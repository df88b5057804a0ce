"""The township's kept copies of its packages and the two-phase export's files
(docs/sync-format.md §8a). Files only, no database, no Qt.

``<data>/sync/sent/`` holds, per package ``N``:

* ``<code>-<N:06d>.twpkg`` — the encrypted package exactly as delivered (a re-export
  or a re-offer copies these bytes, so the county never sees two different packages
  with the same number);
* ``<code>-<N:06d>.json`` — its record: number, manifest digest, SHA-256 and size of the
  ``.twpkg``, change range, counts. Written durably *after* the ``.twpkg`` and *before*
  the export-log row: the record is the commit point of phase one — a ``.twpkg``
  without a record is an unfinished export (removed), a record without a log row is a
  finished one whose log row was lost to a crash (adopted into the log);
* ``<code>-<N:06d>.zip`` — only from versions before the two-phase export: the plaintext
  inner ZIP (converted to an encrypted kept copy and removed by ``SyncService.recover``).

``<data>/sync/tmp/`` (mode 0700) holds the export's and import's temporary files while
they run; anything left there was left by a crash and is removed at the next start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync_contract.envelope import Cancelled, Progress
from sync_contract.fs import atomic_write, fsync_dir, temp_beside

RECORD_FORMAT = "twsync-kept"
_NAME = re.compile(r"^(?P<code>[0-9]{12})-(?P<seq>[0-9]{6,})\.(?P<ext>twpkg|json|zip)$")
_CHUNK = 1 << 20

#: Test hook: ``TWSYNC_TEST_KILL_AT=<point>`` SIGKILLs this process at that point of the
#: export (the kill test of docs/trust.md; never set in production).
KILL_POINTS = ("kept_written", "usb_part_written", "recorded", "logged", "renamed",
               "delivered")


def crash_point(point: str) -> None:
    """SIGKILL ourselves at ``point`` when the test hook asks for it."""
    if os.environ.get("TWSYNC_TEST_KILL_AT") == point:  # pragma: no cover - kill test
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class KeptRecord:
    package_seq: int
    file_name: str                 # the package's file name (…-000007.twpkg)
    digest: str                    # SHA-256 of manifest.json
    package_sha256: str            # SHA-256 of the kept .twpkg
    package_bytes: int
    change_seq_from: int
    change_seq_to: int
    counts: dict[str, int]
    manifest_created: str

    def to_json(self) -> bytes:
        data = {"format": RECORD_FORMAT, "package_seq": self.package_seq,
                "file_name": self.file_name, "digest": self.digest,
                "package_sha256": self.package_sha256, "package_bytes": self.package_bytes,
                "change_seq_from": self.change_seq_from, "change_seq_to": self.change_seq_to,
                "counts": self.counts, "manifest_created": self.manifest_created}
        return json.dumps(data, sort_keys=True, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> KeptRecord:
        d = json.loads(raw)
        if not isinstance(d, dict) or d.get("format") != RECORD_FORMAT:
            raise ValueError("not a kept-package record")
        return cls(int(d["package_seq"]), str(d["file_name"]), str(d["digest"]),
                   str(d["package_sha256"]), int(d["package_bytes"]),
                   int(d["change_seq_from"]), int(d["change_seq_to"]),
                   {str(k): int(v) for k, v in dict(d["counts"]).items()},
                   str(d["manifest_created"]))


class KeptStore:
    """``<data>/sync/sent/`` and ``<data>/sync/tmp/`` (see the module)."""

    def __init__(self, sync_dir: Path) -> None:
        self.sent = sync_dir / "sent"
        self.tmp = sync_dir / "tmp"

    # -- places -------------------------------------------------------------------------
    @staticmethod
    def stem(code: str, seq: int) -> str:
        return f"{code}-{seq:06d}"

    def package(self, code: str, seq: int) -> Path:
        return self.sent / f"{self.stem(code, seq)}.twpkg"

    def record_path(self, code: str, seq: int) -> Path:
        return self.sent / f"{self.stem(code, seq)}.json"

    def legacy_inner(self, code: str, seq: int) -> Path:
        return self.sent / f"{self.stem(code, seq)}.zip"

    def work_dir(self) -> Path:
        """The private temporary folder (0700), created if needed."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.tmp, 0o700)
        return self.tmp

    # -- listing ------------------------------------------------------------------------
    def files(self, ext: str) -> dict[int, Path]:
        """seq -> path of the kept files with extension ``ext`` (twpkg, json, zip)."""
        out: dict[int, Path] = {}
        if not self.sent.is_dir():
            return out
        for path in self.sent.iterdir():
            m = _NAME.match(path.name)
            if m and m["ext"] == ext:
                out[int(m["seq"])] = path
        return out

    def highest_change_seq(self) -> int:
        """The highest ``change_seq_to`` of the kept records (0 without any): every
        change up to it is in a package the county may hold, so the change counter must
        never be below it — after a restore of an older database a new change numbered
        within it would never be exported (issue #11 review)."""
        return max((r.change_seq_to for r in self.records().values() if r is not None),
                   default=0)

    def records(self, after: int = 0) -> dict[int, KeptRecord | None]:
        """seq -> record (None: unreadable), for the packages numbered above ``after``
        (only those files are read: the status line asks for the few past the log)."""
        out: dict[int, KeptRecord | None] = {}
        for seq, path in self.files("json").items():
            if seq <= after:
                continue
            try:
                out[seq] = KeptRecord.from_json(path.read_bytes())
            except (OSError, ValueError, KeyError, TypeError):
                out[seq] = None
        return out

    def write_record(self, code: str, rec: KeptRecord) -> None:
        atomic_write(self.record_path(code, rec.package_seq), rec.to_json())

    def strays(self) -> list[Path]:
        """Temporary files a crash left behind: ``.part`` files in ``sent/`` and
        everything in ``tmp/``."""
        out: list[Path] = []
        if self.sent.is_dir():
            out += [p for p in self.sent.iterdir() if p.name.endswith(".part")]
        if self.tmp.is_dir():
            out += list(self.tmp.iterdir())
        return sorted(out)

    def sweep(self) -> list[Path]:
        """Remove :meth:`strays`; returns what was removed."""
        gone = []
        for path in self.strays():
            try:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                gone.append(path)
            except FileNotFoundError:
                gone.append(path)
            except OSError:
                continue
        return gone


def sha256_file(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def copy_part(src: Path, final: Path, *, progress: Progress | None = None,
              cancel: threading.Event | None = None) -> Path:
    """Copy ``src`` to a new temporary file beside ``final`` (``.<name>.<random>.part``),
    flushed and fsync'd; returns the temporary (the caller renames it with
    :func:`finish_part`). Removed on any failure."""
    tmp = temp_beside(final)
    try:
        total = src.stat().st_size
        done = 0
        with open(src, "rb") as fh, open(tmp, "wb") as out:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress("copy", done, total)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def finish_part(tmp: Path, final: Path) -> None:
    """Rename a :func:`copy_part` temporary to its final name and fsync the folder."""
    os.replace(tmp, final)
    fsync_dir(final.parent)


def sweep_parts(folder: Path, names: Callable[[str], bool]) -> list[Path]:
    """Remove our ``.part`` temporaries in ``folder`` (a USB folder) whose final name
    satisfies ``names``."""
    gone: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return gone
    for path in entries:
        n = path.name
        if n.startswith(".") and n.endswith(".part"):
            final = n[1:].rsplit(".", 2)[0]
            if names(final):
                with contextlib.suppress(OSError):
                    path.unlink()
                    gone.append(path)
    return gone


def manifest_of_zip(path: Path) -> tuple[dict[str, Any], bytes] | None:
    """(manifest, manifest bytes) of a legacy kept inner ZIP, or None when unreadable."""
    import zipfile

    from sync_contract import envelope as env
    try:
        with zipfile.ZipFile(path) as zf:
            raw = zf.read(env.MANIFEST)
        man = json.loads(raw)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    return (man, raw) if isinstance(man, dict) else None


def verify_zip_members(path: Path) -> bool:
    """Every data member of a legacy kept inner ZIP matches the SHA-256 and size its
    manifest names (a flipped byte anywhere is found)."""
    import zipfile

    from sync_contract import envelope as env
    found = manifest_of_zip(path)
    if found is None:
        return False
    man = found[0]
    try:
        with zipfile.ZipFile(path) as zf:
            for name, want in dict(man.get("members") or {}).items():
                h, n = hashlib.sha256(), 0
                with zf.open(name) as fh:
                    while chunk := fh.read(_CHUNK):
                        h.update(chunk)
                        n += len(chunk)
                if h.hexdigest() != want.get("sha256") or n != want.get("size"):
                    return False
            return zf.testzip() is None and env.SIGNATURE in zf.namelist()
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError):
        return False
    except Exception:  # zlib.error and friends: damaged
        return False


__all__ = ["KILL_POINTS", "KeptRecord", "KeptStore", "copy_part", "crash_point",
           "finish_part", "manifest_of_zip", "sha256_file", "sweep_parts", "verify_zip_members"]
