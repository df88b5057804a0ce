"""Database engine, SQLite pragmas, migrations at start-up, consistent backups.

* WAL, ``synchronous=FULL``, foreign keys on, a busy timeout (DESIGN §3).
* Alembic migrations run at start-up; when one is pending on an existing database a
  consistent backup is taken first with SQLite's backup API (never a file copy of a
  live WAL database).
* Alembic is imported only when the schema is not at head, so a normal start pays
  nothing for it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .. import PACKAGE_DIR

DB_FILENAME = "township.sqlite3"
MIGRATIONS_DIR = PACKAGE_DIR / "core" / "migrations"
#: The newest migration; a test checks it equals Alembic's head.
HEAD_REVISION = "0001"


class DatabaseError(RuntimeError):
    """The database cannot be opened or is damaged; the message names the file."""


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record) -> None:
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
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def backup_sqlite(source: Path, dest: Path) -> Path:
    """Consistent copy of a (possibly live, WAL) database with the backup API.

    Written to a temporary name, checked with ``quick_check`` and renamed, so a
    half-written backup never exists under the final name.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(str(source))
        try:
            out = sqlite3.connect(str(tmp))
            try:
                src.backup(out)
                ok = out.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                out.close()
        finally:
            src.close()
        if ok != "ok":
            raise DatabaseError(f"备份校验失败：{tmp}（{ok}）")
        with open(tmp, "rb+") as fh:
            import os

            os.fsync(fh.fileno())
        tmp.replace(dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def _current_revision(engine: Engine) -> str | None:
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
    """An open data folder: the engine and a session factory."""

    data_dir: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self.sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def quick_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA quick_check")).scalar())

    def backup(self, dest: Path) -> Path:
        return backup_sqlite(self.path, dest)

    def close(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database in ``data_dir`` and bring it to head."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"无法创建数据目录 {data_dir}：{exc.strerror}") from exc
    path = data_dir / DB_FILENAME
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    try:
        revision = _current_revision(engine)
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database, …
        engine.dispose()
        raise DatabaseError(f"无法读取数据库文件 {path}：{exc}") from exc
    if revision != HEAD_REVISION:
        if not migrate:
            engine.dispose()
            raise DatabaseError(f"数据库 {path} 版本为 {revision}，需要升级到 {HEAD_REVISION}")
        if existed and revision is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_sqlite(path, data_dir / "backups" / f"pre-migration-{revision}-{stamp}.sqlite3")
        run_migrations(engine)
    return Database(data_dir, engine, sessionmaker(engine, expire_on_commit=False))
