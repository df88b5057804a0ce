"""Backups as files: names, thinning, writing, mirroring, inspecting, restoring.

No services and no users here (see ``services/backups.py`` for who may do what);
this module is what the start-up check uses when the database cannot even be opened.

* **Names** — ``backup-YYYYMMDD-HHMMSS-<kind>[-N].sqlite3`` in ``<data>/backups/``
  (local time; ``-N`` only when two land in the same second); the backup taken
  before a migration keeps its older name ``pre-migration-<rev>-YYYYMMDD-HHMMSS.sqlite3``.
* **Writing** — SQLite's backup API (never a file copy of a live WAL database) to a
  temporary name, ``quick_check`` of the copy, fsync, rename (``db.backup_sqlite``).
* **Thinning** — :func:`plan_thinning`, a pure function: keep the newest ``recent``,
  then the newest of each of the last ``daily`` days, ``weekly`` ISO weeks and
  ``monthly`` months that have backups. Safety copies (``pre-restore``,
  ``pre-migration``) are never thinned.
* **Mirror** — a verified copy of each new backup into a second folder (another drive,
  a USB stick). A missing folder is reported, never created (creating ``E:\\备份`` on
  the wrong disk would hide the problem) and never fatal.
* **Restore** — :func:`replace_database`: verify the chosen backup, keep the current
  database (a ``pre-restore`` backup, or the damaged files moved aside — nothing is
  deleted), then put the copy in place with one atomic rename.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sync_contract.faults import FileFault, fault, is_fault
from sync_contract.fs import atomic_writer

from .db import DB_FILENAME, HEAD_REVISION, backup_sqlite, fsync_dir
from .errors import DatabaseError

BACKUP_DIRNAME = "backups"
SUFFIX = ".sqlite3"
REGULAR_KINDS = ("startup", "exit", "daily", "manual")
SAFETY_KINDS = ("pre-restore", "pre-migration")
KINDS = REGULAR_KINDS + SAFETY_KINDS
KIND_LABELS = {"startup": "启动时自动备份", "exit": "退出时自动备份", "daily": "每日自动备份",
               "manual": "手动备份", "pre-restore": "恢复前备份", "pre-migration": "升级前备份"}
DEFAULT_KEEP = {"recent": 5, "daily": 7, "weekly": 4, "monthly": 12}
#: Schema revisions this program can open (older ones are migrated after a restore).
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010",
                   "0011", "0012", "0013", "0014", "0015",
                   "0016", "0017", "0018", "0019", "0020", "0021", "0022")
assert KNOWN_REVISIONS[-1] == HEAD_REVISION

_NAME = re.compile(
    r"backup-(?P<d>[0-9]{8})-(?P<t>[0-9]{6})-(?P<kind>startup|exit|daily|manual|pre-restore)"
    r"(?:-(?P<n>[1-9][0-9]{0,2}))?\.sqlite3")
_LEGACY = re.compile(r"pre-migration-(?P<rev>[A-Za-z0-9_]{1,32})-(?P<d>[0-9]{8})-(?P<t>[0-9]{6})\.sqlite3")


class BackupError(DatabaseError):
    """A backup or restore failed; the message says where and why (in Chinese)."""


class MirrorMissing(BackupError):
    """The mirror folder (USB stick, second drive) is not there."""


def _failed(exc: BaseException, folder: Path, action: str, *,
            outcome: str = "nothing_written") -> BackupError | FileFault:
    """``exc`` as the error to raise: a :class:`~sync_contract.faults.FileFault` for a
    file-system fault (disk full, read-only, removed, no permission: one Chinese sentence
    naming the folder, translated by the GUI by key), else a :class:`BackupError` naming
    the folder (the first line of the reason only)."""
    if isinstance(exc, BackupError | FileFault):
        return exc
    if is_fault(exc):
        return fault(exc, folder, action, outcome=outcome)
    lines = str(exc).strip().splitlines()
    verb = {"backup": "备份", "mirror": "备份镜像", "restore": "恢复备份"}.get(action, "备份")
    return BackupError(f"{verb}失败：无法写入 {folder}（{lines[0] if lines else type(exc).__name__}）")


# ----------------------------------------------------------------------------- names

@dataclass(frozen=True, order=True)
class BackupName:
    when: datetime
    serial: int
    kind: str
    name: str = field(compare=False)

    @property
    def regular(self) -> bool:
        return self.kind in REGULAR_KINDS


def format_backup_name(when: datetime, kind: str, serial: int = 0) -> str:
    if kind not in REGULAR_KINDS and kind != "pre-restore":
        raise ValueError(f"unknown backup kind {kind!r}")
    if not 0 <= serial <= 999:
        raise ValueError("serial out of range")
    suffix = f"-{serial}" if serial else ""
    stamp = (f"{when.year:04d}{when.month:02d}{when.day:02d}-"
             f"{when.hour:02d}{when.minute:02d}{when.second:02d}")  # %Y is not padded below 1000
    return f"backup-{stamp}-{kind}{suffix}{SUFFIX}"


def parse_backup_name(name: object) -> BackupName | None:
    """The parts of a backup file name, or ``None`` for any other name."""
    if not isinstance(name, str):
        return None
    m = _NAME.fullmatch(name)
    kind = None
    if m:
        kind, serial = m["kind"], int(m["n"] or 0)
    else:
        m = _LEGACY.fullmatch(name)
        if not m:
            return None
        kind, serial = "pre-migration", 0
    try:
        when = datetime.strptime(m["d"] + m["t"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return BackupName(when, serial, kind, name)


def unique_backup_path(folder: Path, when: datetime, kind: str) -> Path:
    for serial in range(1000):
        path = folder / format_backup_name(when, kind, serial)
        if not path.exists():
            return path
    raise BackupError(f"备份目录 {folder} 中同一秒的备份过多")


# -------------------------------------------------------------------------- thinning

def plan_thinning(names: Iterable[BackupName], keep: dict[str, int] | None = None) -> set[str]:
    """The file names to keep; every other *regular* backup may be removed.

    Pure: depends only on the names (their times) and the policy.
    """
    policy = {**DEFAULT_KEEP, **(keep or {})}
    items = sorted(set(names), reverse=True)  # newest first
    kept = {b.name for b in items if not b.regular}
    regular = [b for b in items if b.regular]
    kept.update(b.name for b in regular[:max(1, policy["recent"])])

    def newest_per(period: Callable[[datetime], object], limit: int) -> None:
        seen: list[object] = []
        for b in regular:
            key = period(b.when)
            if key in seen:
                continue
            if len(seen) >= limit:
                break
            seen.append(key)
            kept.add(b.name)

    newest_per(lambda w: w.date(), policy["daily"])
    newest_per(lambda w: tuple(w.isocalendar())[:2], policy["weekly"])
    newest_per(lambda w: (w.year, w.month), policy["monthly"])
    return kept


def scan(folder: Path) -> list[BackupName]:
    """Backups in ``folder`` (by name), newest first; other files are ignored."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    out = [b for e in entries if e.is_file() and (b := parse_backup_name(e.name)) is not None]
    return sorted(out, reverse=True)


def thin(folder: Path, keep: dict[str, int] | None = None) -> list[str]:
    """Remove the regular backups the policy does not keep; returns their names."""
    backups = scan(folder)
    kept = plan_thinning(backups, keep)
    removed = []
    for b in backups:
        if b.name not in kept and b.regular:
            try:
                (folder / b.name).unlink()
                removed.append(b.name)
            except OSError:
                pass
    return removed


# ----------------------------------------------------------------------- inspecting

@dataclass(frozen=True)
class BackupInfo:
    """A backup file with what an administrator needs to choose it."""

    path: Path
    name: str
    kind: str
    kind_label: str
    created: datetime
    size: int
    township: str = ""
    applications: int | None = None
    documents: int | None = None
    events: int | None = None
    last_event_at: datetime | None = None  # UTC, as stored
    revision: str = ""
    fingerprint: tuple[int, int] | None = None  # (newest event seq, change counter)
    ok: bool | None = None  # quick_check result when verified
    error: str = ""


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def fingerprint(conn: sqlite3.Connection) -> tuple[int, int]:
    """What changes whenever the data changes: the newest event and the change counter."""
    seq = conn.execute("SELECT coalesce(max(seq), 0) FROM event").fetchone()[0]
    counter = conn.execute("SELECT coalesce(max(value), 0) FROM change_counter").fetchone()[0]
    return int(seq), int(counter)


def inspect_backup(path: Path, *, verify: bool = False) -> BackupInfo:
    parsed = parse_backup_name(path.name)
    kind = parsed.kind if parsed else "unknown"
    created = parsed.when if parsed else datetime.fromtimestamp(path.stat().st_mtime)
    base: dict[str, Any] = {"path": path, "name": path.name, "kind": kind,
            "kind_label": KIND_LABELS.get(kind, "备份"), "created": created,
            "size": path.stat().st_size}
    try:
        conn = _ro(path)
        try:
            ok = None
            if verify:
                ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            def count(table: str) -> int:
                return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

            town = conn.execute("SELECT name FROM township LIMIT 1").fetchone()
            last = conn.execute("SELECT max(at) FROM event").fetchone()[0]
            rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return BackupInfo(
                **base, township=town[0] if town else "", applications=count("application"),
                documents=count("document"), events=count("event"),
                last_event_at=datetime.fromisoformat(last) if last else None,
                revision=rev[0] if rev else "", fingerprint=fingerprint(conn), ok=ok)
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, OSError) as exc:
        return BackupInfo(**base, ok=False, error=str(exc))


def list_backups(folder: Path, *, verify: bool = False) -> list[BackupInfo]:
    """Every backup in ``folder``, newest first, with its date and counts."""
    return [inspect_backup(folder / b.name, verify=verify) for b in scan(folder)]


def newest_good_backup(folders: Iterable[Path]) -> BackupInfo | None:
    """The newest backup (over all ``folders``) that passes ``quick_check`` and holds a
    township: what the start-up check offers when the database is damaged."""
    candidates: list[tuple[BackupName, Path]] = []
    for folder in folders:
        candidates += [(b, folder) for b in scan(folder)]
    for b, folder in sorted(candidates, key=lambda c: c[0], reverse=True):
        info = inspect_backup(folder / b.name, verify=True)
        if info.ok and info.township and info.revision in KNOWN_REVISIONS:
            return info
    return None


# --------------------------------------------------------------------------- writing

def write_backup(db_path: Path | sqlite3.Connection, folder: Path, kind: str,
                 when: datetime) -> Path:
    """A verified backup of ``db_path`` in ``folder``; raises :class:`BackupError`, or a
    :class:`~sync_contract.faults.FileFault` when the disk stops it (nothing is left
    under any name)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return backup_sqlite(db_path, unique_backup_path(folder, when, kind))
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        raise _failed(exc, folder, "backup") from None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


#: A mirror copy's temporary file (``sync_contract.fs.temp_beside``) older than this is
#: one a killed backup left behind: removed before the next copy.
STALE_MIRROR_SECONDS = 600


def sweep_mirror(dest_dir: Path, *, now: float | None = None) -> list[str]:
    """Remove stale temporary copies (``.backup-….part``) a killed mirror copy left."""
    now = time.time() if now is None else now
    removed = []
    for pattern in (".backup-*.part", ".pre-*.part"):
        for path in dest_dir.glob(pattern):
            try:
                if path.is_file() and now - path.stat().st_mtime > STALE_MIRROR_SECONDS:
                    path.unlink()
                    removed.append(path.name)
            except OSError:
                pass
    return removed


def copy_verified(src: Path, dest_dir: Path) -> Path:
    """Copy a (closed) backup file into ``dest_dir`` atomically and check its hash."""
    if not dest_dir.is_dir():
        raise MirrorMissing(f"备份镜像目录 {dest_dir} 不存在（U 盘或第二块硬盘未连接？）；"
                            "本机备份已完成")
    dest = dest_dir / src.name
    sweep_mirror(dest_dir)
    try:
        with open(src, "rb") as fin, atomic_writer(dest) as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            if _sha256(Path(fout.name)) != _sha256(src):
                raise BackupError(f"备份镜像校验失败：{dest}")
    except OSError as exc:
        raise _failed(exc, dest_dir, "mirror") from None
    return dest


# -------------------------------------------------------------------------- restoring

def check_restorable(path: Path) -> BackupInfo:
    """The backup's info if it can be restored; raises :class:`BackupError` otherwise."""
    if not path.is_file():
        raise BackupError(f"备份文件 {path} 不存在")
    info = inspect_backup(path, verify=True)
    if not info.ok:
        raise BackupError(f"备份文件 {path} 已损坏或不是本程序的备份（{info.error or 'quick_check'}）")
    if info.revision not in KNOWN_REVISIONS:
        raise BackupError(f"备份文件 {path} 来自更新版本的程序（数据库版本 {info.revision}），不能恢复")
    if not info.township:
        raise BackupError(f"备份文件 {path} 中没有乡镇信息，不能恢复")
    return info


@dataclass(frozen=True)
class Replaced:
    """What :func:`replace_database` kept of the database it replaced."""

    pre_restore: Path | None  # a verified backup of the replaced database
    damaged: Path | None      # or, when it was unreadable, the folder its files moved to


def _current_is_healthy(db_path: Path) -> bool:
    if not db_path.exists():
        return False
    try:
        conn = sqlite3.connect(str(db_path))
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def replace_database(data_dir: Path, backup: Path, when: datetime) -> Replaced:
    """Put ``backup`` in place of the folder's database.

    The caller holds the folder's lock and has closed every connection to the
    database. The current database is kept first (a ``pre-restore`` backup, or its
    files moved to ``backups/damaged-…/`` when it is unreadable); the backup is then
    copied next to the database, checked, fsync'd and renamed over it. A failure
    before that rename leaves the current database exactly as it was.
    """
    check_restorable(backup)
    db_path = data_dir / DB_FILENAME
    folder = data_dir / BACKUP_DIRNAME
    pre: Path | None = None
    damaged: Path | None = None
    part = data_dir / (DB_FILENAME + ".restore.part")
    try:
        backup_sqlite(backup, part)  # a consistent, checked copy on the target disk
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        part.unlink(missing_ok=True)
        raise _failed(exc, data_dir, "restore", outcome="nothing_changed") from None
    try:
        if _current_is_healthy(db_path):
            pre = write_backup(db_path, folder, "pre-restore", when)
        elif db_path.exists():
            damaged = folder / f"damaged-{when:%Y%m%d-%H%M%S}"
            damaged.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(db_path) + suffix)
                if src.exists():
                    os.replace(src, damaged / src.name)
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        part.unlink(missing_ok=True)
        raise _failed(exc, folder, "restore", outcome="nothing_changed") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    # Companion files of the old database must go before the new file arrives: SQLite
    # would otherwise replay the old WAL into it. They were captured just above.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(part, db_path)
    fsync_dir(data_dir)
    return Replaced(pre, damaged)

