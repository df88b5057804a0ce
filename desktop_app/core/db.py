"""Database engine, SQLite pragmas, migrations at start-up, consistent backups.

* WAL, ``synchronous=FULL``, foreign keys on, a busy timeout (DESIGN §3).
* Alembic migrations run at start-up; when one is pending on an existing database a
  consistent backup is taken first with SQLite's backup API (never a file copy of a
  live WAL database).
* Alembic is imported only when the schema is not at head, so a normal start pays
  nothing for it.
* One process per data folder: :func:`open_database` takes the folder's OS-level lock
  (:mod:`.lock`) before it touches the database and :meth:`Database.close` drops it.
* SQL parameters are never put into exception messages (``hide_parameters``): an
  error that reaches a log file or a crash report carries no personal data.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sync_contract.faults import fault, is_fault
from sync_contract.fs import fsync_dir, replace_durably

from .. import PACKAGE_DIR
from . import lock
from .errors import DatabaseError
from .lock import AlreadyOpenError

if TYPE_CHECKING:  # SQLAlchemy is imported by the functions that open the database:
    # this module's constants (and core.startup's look at the login) do not load it.
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

DB_FILENAME = "township.sqlite3"
MIGRATIONS_DIR = PACKAGE_DIR / "core" / "migrations"
#: The newest migration; a test checks it equals Alembic's head.
HEAD_REVISION = "0022"


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (the
    # SQLAlchemy pysqlite recipe): reads inside a unit of work then see one snapshot.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", future=True, hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def backup_sqlite(source: Path | sqlite3.Connection, dest: Path) -> Path:
    """Consistent copy of a (possibly live, WAL) database with the backup API.

    Written to a temporary name, checked with ``quick_check``, switched to a rollback
    journal (a backup is a single self-contained file that opens read-only without
    ``-wal``/``-shm`` companions), fsync'd and renamed, so a half-written backup never
    exists under the final name. Any failure (a full disk, a vanished USB stick)
    removes the temporary file and raises; the source is only ever read.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = source if isinstance(source, sqlite3.Connection) else sqlite3.connect(str(source))
        try:
            out = sqlite3.connect(str(tmp))
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
                ok = out.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                out.close()
        finally:
            if src is not source:
                src.close()
        if ok != "ok":
            raise DatabaseError(f"备份校验失败：{tmp}（{ok}）")
        replace_durably(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + "-journal").unlink(missing_ok=True)
        raise
    return dest


#: Temporary files a killed process may leave in the data folder, by folder (relative to
#: it) and name pattern: backup and restore copies of the whole database, PDFs and other
#: atomic writes (``.<name>.<random>.part``). The export's ``sync/tmp`` is swept by the
#: sync service.
TEMP_PATTERNS: tuple[tuple[str, str], ...] = (
    (".", DB_FILENAME + ".restore.part"), (".", DB_FILENAME + ".restore.part-journal"),
    ("backups", "*.sqlite3.part"), ("backups", "*.sqlite3.part-journal"),
    ("backups", ".*.part"), ("documents", ".*.part"), ("documents/*", ".*.part"),
)


def sweep_temp(data_dir: Path) -> list[Path]:
    """Remove what a killed backup, restore or PDF write left behind (they hold personal
    data). Call with the folder's lock held: no other process writes these. Returns what
    was removed; a file that cannot be removed is left (the next start tries again)."""
    removed = []
    for sub, pattern in TEMP_PATTERNS:
        for path in Path(data_dir).glob(f"{sub}/{pattern}" if sub != "." else pattern):
            try:
                if path.is_file():
                    path.unlink()
                    removed.append(path)
            except OSError:
                pass
    return removed


def _current_revision(engine: Engine) -> str | None:
    from sqlalchemy import text

    with engine.connect() as conn:
        has = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def run_migrations(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass
class Database:
    """An open data folder: the engine and a session factory (and the folder's lock)."""

    data_dir: Path
    engine: Engine
    sessions: sessionmaker[Session]
    _closed: bool = False
    #: The services' clock (local time), set by their ``ServiceContext``: a write's audit
    #: events are stamped by it (``events.record_event``), so the whole program reads one
    #: injectable clock. ``None``: the wall clock.
    clock: Callable[[], datetime] | None = None

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self.sessions.begin() as session:
            if self.clock is not None:
                session.info["clock"] = self.clock
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def quick_check(self) -> str:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA quick_check")).scalar())

    def backup(self, dest: Path) -> Path:
        return backup_sqlite(self.path, dest)

    def dispose(self) -> None:
        """Close every pooled connection (the lock stays held): before the file is
        replaced by a restore."""
        self.engine.dispose()

    def reopen(self) -> None:
        """A fresh engine on the (possibly replaced) file, migrated to head.

        Services keep their reference to this object, so they all see the new file.
        """
        from sqlalchemy.orm import sessionmaker

        self.engine.dispose()
        engine = _open_engine(self.data_dir, migrate=True)
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
        if not self._closed:
            self._closed = True
            lock.release(self.data_dir)


def _open_engine(data_dir: Path, *, migrate: bool) -> Engine:
    path = data_dir / DB_FILENAME
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    try:
        revision = _current_revision(engine)
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database, …
        engine.dispose()
        orig = getattr(exc, "orig", exc)
        if is_fault(orig):  # a read-only, full or vanished folder: say so, in one sentence
            raise fault(orig, data_dir, "open_data", outcome="nothing_changed") from None
        raise DatabaseError(f"无法读取数据目录 {data_dir} 中的数据库文件 {path}：{exc}") from exc
    if revision != HEAD_REVISION:
        if not migrate:
            engine.dispose()
            raise DatabaseError(f"数据库 {path} 版本为 {revision}，需要升级到 {HEAD_REVISION}")
        if existed and revision is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            try:
                backup_sqlite(path, data_dir / "backups" / f"pre-migration-{revision}-{stamp}.sqlite3")
            except (OSError, sqlite3.Error) as exc:
                engine.dispose()
                raise fault(exc, data_dir / "backups", "backup", outcome="nothing_changed") from None
        try:
            run_migrations(engine)
        except Exception as exc:
            engine.dispose()
            orig = getattr(exc, "orig", exc)
            if is_fault(orig):
                raise fault(orig, data_dir, "open_data", outcome="nothing_changed") from None
            raise
    return engine


def open_database(data_dir: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database in ``data_dir`` and bring it to head.

    Takes the folder's lock first: raises :class:`AlreadyOpenError` (a
    :class:`DatabaseError`-like error naming the folder) when another process has it.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fault(exc, data_dir, "open_data", outcome="nothing_changed") from None
    first = lock.acquire(data_dir)
    try:
        if first:  # no other handle of this process is writing a backup right now
            sweep_temp(data_dir)
        engine = _open_engine(data_dir, migrate=migrate)
    except BaseException:
        lock.release(data_dir)
        raise
    from sqlalchemy.orm import sessionmaker

    return Database(data_dir, engine, sessionmaker(engine, expire_on_commit=False))


__all__ = [
    "DB_FILENAME", "HEAD_REVISION", "AlreadyOpenError", "Database", "DatabaseError",
    "backup_sqlite", "fsync_dir", "make_engine", "open_database", "run_migrations", "sweep_temp",
]
