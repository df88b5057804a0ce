"""Backups for the running app: automatic (start-up, exit, daily), manual, restore,
and the exports pause that follows a restore.

* :meth:`BackupService.auto_backup` never raises: the GUI shows the report's
  ``error`` / ``mirror_error`` as a warning and carries on. It skips the backup when
  nothing changed since the newest one (same newest event and change counter).
* :meth:`BackupService.restore` (administrators) keeps the current database as a
  ``pre-restore`` backup, puts the chosen one in place, re-opens the database for
  every service (they share one ``Database``), and then:

  - carries forward the number series and the change counter from the replaced
    database, so a receipt number already handed out, or a change sequence the
    county already received, is never issued again;
  - pauses exports until an administrator confirms (:meth:`confirm_exports`): a
    stale copy must not overwrite the county's newer data;
  - logs ``system.restore``.

  The GUI must let running tasks finish before calling it and ask everyone to log
  in again afterwards (accounts come from the restored copy).
"""

from __future__ import annotations

import builtins
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Result, select, text
from sqlalchemy.orm import Session

from sync_contract.faults import FileFault

from .. import backup as files
from ..backup import BackupError, BackupInfo, MirrorMissing
from ..models import Staff
from . import auth
from .auth import ActorRef
from .context import Changes, ServiceContext
from .events import record_event

DAILY = timedelta(hours=24)
_DOC_FILE = re.compile(r"([0-9]{9})-([0-9]{8})-([0-9]{4,9})-")


class ExportsPaused(RuntimeError):
    """Exports wait for an administrator's confirmation after a restore."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info
        super().__init__(
            f"已于 {info.get('since', '')} 从备份 {info.get('backup', '')} 恢复数据，"
            "在管理员确认数据无误之前暂停导出（以免旧数据覆盖县级的新数据）")


@dataclass(frozen=True)
class BackupReport:
    path: Path | None = None       # the new backup; None when skipped or failed
    skipped: bool = False          # nothing changed since the newest backup
    error: str = ""                # why the backup failed ("" = it did not)
    mirror: Path | None = None
    mirror_error: str = ""         # e.g. the USB stick is not plugged in
    removed: list[str] = field(default_factory=list)  # thinned away
    changes: Changes = field(default_factory=Changes)  # backups=True when one was written

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    pre_restore: Path | None
    damaged: Path | None
    changes: Changes


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def folder(self) -> Path:
        return self.ctx.db.data_dir / files.BACKUP_DIRNAME

    def mirror_dir(self) -> Path | None:
        with self.ctx.db.read() as s:
            value = self.ctx.get_setting(s, "backup_mirror_dir")
        return Path(value) if value else None

    def _keep(self) -> dict[str, int]:
        with self.ctx.db.read() as s:
            return dict(self.ctx.get_setting(s, "backup_keep") or files.DEFAULT_KEEP)

    # -- listing -------------------------------------------------------------------------
    def list(self, *, verify: bool = False) -> list[BackupInfo]:
        """The backups in ``<data>/backups``, newest first, with date and counts."""
        return files.list_backups(self.folder, verify=verify)

    def list_mirror(self, *, verify: bool = False) -> builtins.list[BackupInfo]:
        folder = self.mirror_dir()
        return files.list_backups(folder, verify=verify) if folder else []

    def resolve(self, name_or_path: str | Path) -> Path:
        """A backup given by its file name (in the backups folder) or by a path."""
        p = Path(name_or_path)
        if not p.is_absolute() and p.parent == Path(".") and not p.exists():
            return self.folder / p
        return p

    # -- writing -------------------------------------------------------------------------
    def fingerprint(self) -> tuple[int, int]:
        with self.ctx.db.engine.connect() as conn:
            seq = conn.execute(text("SELECT coalesce(max(seq), 0) FROM event")).scalar()
            counter = conn.execute(text("SELECT coalesce(max(value), 0) FROM change_counter")).scalar()
        return int(seq or 0), int(counter or 0)

    def daily_due(self) -> bool:
        """Whether the newest regular backup is older than a day (the GUI asks hourly)."""
        regular = [b for b in files.scan(self.folder) if b.regular]
        return not regular or self.ctx.clock() - regular[0].when >= DAILY

    def auto_backup(self, kind: str, *, force: bool = False) -> BackupReport:
        """A ``startup``, ``exit`` or ``daily`` backup; reports problems, never raises."""
        if kind not in ("startup", "exit", "daily"):
            raise ValueError(kind)
        try:
            if not force:
                newest = files.scan(self.folder)
                if newest:
                    info = files.inspect_backup(self.folder / newest[0].name)
                    if info.fingerprint is not None and info.fingerprint == self.fingerprint():
                        return BackupReport(skipped=True)
            return self._write(kind)
        except (BackupError, FileFault) as exc:
            return BackupReport(error=str(exc))

    def backup_now(self, by: ActorRef) -> BackupReport:
        """A manual backup; raises :class:`BackupError` (or a
        :class:`~sync_contract.faults.FileFault`: disk full, read-only, removed) if the
        backup itself fails (a mirror problem is reported in the result)."""
        with self.ctx.db.read() as s:
            actor, _ = auth.require(s, by, auth.BACKUP)
        report = self._write("manual")
        with self.ctx.db.transaction() as s:
            record_event(s, "backup.create", actor_id=actor.staff_id,
                         file=report.path.name if report.path else "",
                         mirror_error=report.mirror_error, **auth.event_actor(actor))
        return report

    def _write(self, kind: str) -> BackupReport:
        path = files.write_backup(self.ctx.db.path, self.folder, kind, self.ctx.clock())
        keep = self._keep()
        removed = files.thin(self.folder, keep)
        mirror, mirror_error = None, ""
        target = self.mirror_dir()
        if target is not None:
            try:
                mirror = files.copy_verified(path, target)
                files.thin(target, keep)
            except (MirrorMissing, BackupError, FileFault) as exc:
                mirror_error = str(exc)
        return BackupReport(path=path, removed=removed, mirror=mirror, mirror_error=mirror_error,
                            changes=Changes(backups=True))

    # -- restore -------------------------------------------------------------------------
    def restore(self, backup: str | Path, by: ActorRef) -> RestoreResult:
        path = self.resolve(backup)
        info = files.check_restorable(path)
        with self.ctx.db.read() as s:
            actor, staff = auth.require(s, by, auth.RESTORE)
            by_uuid = staff.uuid if staff is not None else None
        when = self.ctx.clock()
        db = self.ctx.db
        db.dispose()
        try:
            replaced = files.replace_database(db.data_dir, path, when)
        finally:
            db.reopen()  # the restored file, or the untouched current one after a failure
        with db.transaction() as s:
            actor_id = (s.scalar(select(Staff.id).where(Staff.uuid == by_uuid))
                        if by_uuid else None)
            self.record_restore(s, info, replaced, when, actor_id, actor.name, actor.username,
                                **auth.event_actor(actor))
        return RestoreResult(info, replaced.pre_restore, replaced.damaged,
                             Changes(settings=True, everything=True))

    def record_restore(self, s: Session, info: BackupInfo, replaced: files.Replaced, when: datetime,
                       actor_id: int | None, by_name: str, by_username: str = "",
                       **extra: Any) -> None:
        """After the file was replaced: carry numbers forward, pause exports, log it."""
        carried = self._carry_forward(s, replaced.pre_restore)
        flag = {"since": when.isoformat(timespec="seconds"), "backup": info.name,
                "backup_created": info.created.isoformat(timespec="seconds"), "by": by_name}
        self.ctx.put_setting(s, "exports_paused", flag, actor_id)
        self.ctx.put_setting(s, "last_restore", flag, actor_id)
        record_event(
            s, "system.restore", actor_id=actor_id, backup=info.name,
            backup_created=flag["backup_created"], applications=info.applications,
            events=info.events,
            pre_restore=replaced.pre_restore.name if replaced.pre_restore else "",
            damaged=replaced.damaged.name if replaced.damaged else "",
            by_name=by_name, by_username=by_username, carried_forward=carried, **extra)

    def _carry_forward(self, s: Session, pre_restore: Path | None) -> dict[str, int]:
        """Numbers and change sequences used by the replaced database stay used."""
        days: dict[str, int] = {}
        counter = 0
        if pre_restore is not None:
            conn = sqlite3.connect(f"{pre_restore.resolve().as_uri()}?mode=ro", uri=True)
            try:
                days.update({str(d): int(n) for d, n in
                             conn.execute("SELECT day, last_seq FROM number_series")})
                counter = int(conn.execute("SELECT coalesce(max(value), 0) FROM change_counter")
                              .fetchone()[0])
            finally:
                conn.close()
        # Documents printed after the backup was taken left their numbers in file names.
        docs = self.ctx.db.data_dir / "documents"
        if docs.is_dir():
            for pdf in docs.rglob("*.pdf"):
                m = _DOC_FILE.match(pdf.name)
                if m:
                    day = f"{m[2][:4]}-{m[2][4:6]}-{m[2][6:]}"
                    days[day] = max(days.get(day, 0), int(m[3]))
        moved = 0
        for day, last in days.items():
            n = _rowcount(s.execute(text(
                "INSERT INTO number_series (day, last_seq) VALUES (:d, :n) "
                "ON CONFLICT (day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq) "
                "WHERE excluded.last_seq > last_seq"), {"d": day, "n": last}))
            moved += n or 0
        # Changes already packaged for the county (the kept records survive a restore):
        # new changes must be numbered after them, or they would never be exported.
        from .sync.kept import KeptStore

        counter = max(counter, KeptStore(self.ctx.db.data_dir / "sync").highest_change_seq())
        bumped = _rowcount(s.execute(
            text("UPDATE change_counter SET value = :v WHERE id = 1 AND value < :v"), {"v": counter}))
        return {"number_days": moved, "change_counter": counter if bumped else 0}

    # -- exports pause -------------------------------------------------------------------
    def exports_paused(self) -> dict[str, Any] | None:
        """``{"since", "backup", "backup_created", "by"}`` after a restore, else ``None``."""
        with self.ctx.db.read() as s:
            paused: dict[str, Any] | None = self.ctx.get_setting(s, "exports_paused")
            return paused

    def ensure_exports_allowed(self) -> None:
        """Exports call this first; raises :class:`ExportsPaused` after a restore."""
        info = self.exports_paused()
        if info:
            raise ExportsPaused(info)

    def confirm_exports(self, by: ActorRef) -> Changes:
        """An administrator confirms the restored data is current: exports resume."""
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.EXPORTS_CONFIRM)
            info = self.ctx.get_setting(s, "exports_paused")
            if not info:
                return Changes()
            self.ctx.put_setting(s, "exports_paused", None, actor.staff_id)
            record_event(s, "exports.resume", actor_id=actor.staff_id, paused=info,
                         **auth.event_actor(actor))
        return Changes(settings=True, exports=True)


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE/INSERT statement touched (a text statement's result is a cursor's)."""
    return cast("CursorResult[Any]", result).rowcount
