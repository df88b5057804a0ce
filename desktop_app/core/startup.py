"""Start-up check: a damaged or unreadable database offers the newest good backup.

The GUI (and ``desktop-app check``) call :func:`check_data_folder` before opening
the services. When it returns a :class:`StartupProblem`, show its ``message`` (it
names the folder and the file) and offer ``problem.backup``; on "yes",
:func:`restore_for_startup` puts that backup in place — keeping the damaged files
in ``backups/damaged-…/`` — and the app opens normally with exports paused.

``quick_check`` reads the whole file: on a large database run this off the GUI
thread (it is a plain function, safe to call from a worker).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import backup as files
from . import lock
from .db import DB_FILENAME


@dataclass(frozen=True)
class StartupProblem:
    kind: str           # "unreadable" | "integrity"
    folder: Path
    file: Path
    detail: str
    backup: files.BackupInfo | None  # the newest good backup, if any

    @property
    def message(self) -> str:
        what = "无法读取" if self.kind == "unreadable" else "完整性检查未通过"
        text = f"数据目录 {self.folder} 中的数据库文件 {self.file.name} {what}（{self.detail}）。"
        if self.backup is None:
            return text + "没有找到可用的备份，请联系技术支持；请勿删除该目录中的任何文件。"
        b = self.backup
        return (text + f"可以从最近一份完好的备份恢复：{b.name}（{b.created:%Y-%m-%d %H:%M}，"
                f"{b.applications} 件申请）。恢复前会把损坏的文件移到备份目录中保留。")


def _quick_check(path: Path) -> tuple[str, str] | None:
    try:
        conn = sqlite3.connect(str(path))
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return "unreadable", str(exc)
    if result != "ok":
        return "integrity", str(result).splitlines()[0][:200]
    return None


def check_data_folder(data_dir: Path, extra_backup_dirs: Iterable[Path] = ()) -> StartupProblem | None:
    """``None`` if the database is readable and passes ``quick_check`` (or does not
    exist yet: a first run). Raises :class:`~.lock.AlreadyOpenError` when another
    process has the folder open."""
    data_dir = Path(data_dir)
    path = data_dir / DB_FILENAME
    if not path.exists():
        return None
    lock.acquire(data_dir)
    try:
        found = _quick_check(path)
    finally:
        lock.release(data_dir)
    if found is None:
        return None
    kind, detail = found
    folders = [data_dir / files.BACKUP_DIRNAME, *extra_backup_dirs]
    return StartupProblem(kind, data_dir, path, detail, files.newest_good_backup(folders))


def restore_for_startup(data_dir: Path, backup: Path, *, by_name: str = "启动检查",
                        via: str = "startup", reason: str = "startup_check") -> files.Replaced:
    """Replace the damaged database with ``backup`` and record it (exports paused);
    ``via``/``reason`` say who did it (the command line without a login: ``cli`` /
    ``no_login``)."""
    from .services import Services

    data_dir = Path(data_dir)
    info = files.check_restorable(backup)
    lock.acquire(data_dir)
    try:
        when = datetime.now()
        replaced = files.replace_database(data_dir, backup, when)
        services = Services.open(data_dir)
        try:
            with services.ctx.db.transaction() as s:
                services.backups.record_restore(s, info, replaced, when, None, by_name,
                                                reason=reason, via=via)
        finally:
            services.close()
    finally:
        lock.release(data_dir)
    return replaced


@dataclass(frozen=True)
class LoginPeek:
    """What the login dialog shows, read before the services are open: the township's
    name and the accounts that can log in (``AccountService.login_names``)."""

    township: str
    names: list[tuple[str, str]]


def peek_login(data_dir: Path, admin_role: str = "admin") -> LoginPeek | None:
    """The login dialog's contents with plain ``sqlite3`` (no SQLAlchemy, no services:
    ~0.5 s at start-up, DESIGN §8), so the dialog can show while the services open.

    ``None`` — take the ordinary path — unless the database exists, is at the schema
    head (no migration pending), is set up, has an active administrator with a password
    (not the first run) and no other process holds the folder. Never writes."""
    from .db import HEAD_REVISION

    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        return None
    try:
        lock.acquire(data_dir)
    except (lock.AlreadyOpenError, OSError):
        return None
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA query_only=ON")
            has_version = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' "
                                       "AND name='alembic_version'").fetchone()
            if not has_version or conn.execute(
                    "SELECT version_num FROM alembic_version").fetchone() != (HEAD_REVISION,):
                return None
            township = conn.execute("SELECT name FROM township LIMIT 1").fetchone()
            admins = conn.execute("SELECT count(*) FROM staff WHERE role = ? AND active "
                                  "AND password_hash != ''", (admin_role,)).fetchone()[0]
            if township is None or not admins:
                return None
            names = [(u or "", n) for u, n in conn.execute(
                "SELECT username, name FROM staff WHERE active AND password_hash != '' "
                "ORDER BY id")]
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # the ordinary path says what is wrong
    finally:
        lock.release(data_dir)
    return LoginPeek(str(township[0]), names)
