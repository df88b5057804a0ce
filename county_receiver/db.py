"""The county database: engine, and its schema migrations (Alembic) run at open.

``migrate(engine)`` brings any county database to the head revision:

* a new (empty) database gets every table from the revisions;
* a database made by the receiver before it had migrations (tables from ``create_all``,
  ``county_meta.schema_version`` = 1, no version table) is *adopted*: stamped at the
  initial revision, whose tables are exactly those, without touching a row;
* a database at a revision this program does not know (made by a newer receiver) is
  refused, as is a ``schema_version`` above the one it knows.

The version is kept in ``county_alembic_version`` (the county tables share the
``county_`` prefix). On PostgreSQL an advisory lock serialises two receivers opening the
same new database. Alembic is imported only when the database is not at head.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "county_alembic_version"
HEAD_REVISION = "0007"          # tests check it is the scripts' head
INITIAL_REVISION = "0001"       # the tables of the receiver before migrations
LEGACY_SCHEMA_VERSION = 1       # county_meta.schema_version written by that receiver
_PG_LOCK = 0x7477_636F          # pg_advisory_xact_lock key ("twco")


class NewerSchema(Exception):
    """The database was made by a newer county receiver."""


def _config(conn: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _legacy_version(conn: Connection) -> int | None:
    """``county_meta.schema_version`` of a database made before the migrations."""
    if not inspect(conn).has_table("county_meta"):
        return None
    value = conn.execute(text("SELECT value FROM county_meta WHERE key = 'schema_version'")).scalar()
    return int(value) if value is not None else None


def migrate(engine: Engine) -> str:
    """Bring the database to :data:`HEAD_REVISION`; returns what was done: ``"current"``,
    ``"created"``, ``"adopted"`` or ``"upgraded"``. Raises :class:`NewerSchema`."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))
        current = current_revision(conn)
        if current == HEAD_REVISION:
            return "current"
        from alembic import command
        from alembic.script import ScriptDirectory

        cfg = _config(conn)
        known = {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}
        if current is not None and current not in known:
            raise NewerSchema(f"county database revision {current} is newer than this program "
                              f"({HEAD_REVISION})")
        done = "upgraded"
        if current is None:
            legacy = _legacy_version(conn)
            if legacy is not None and legacy > LEGACY_SCHEMA_VERSION:
                raise NewerSchema(f"county database schema {legacy} is newer than this program "
                                  f"({LEGACY_SCHEMA_VERSION})")
            if legacy is not None:
                command.stamp(cfg, INITIAL_REVISION)   # adopt the tables create_all made
                done = "adopted"
            else:
                done = "created"
        command.upgrade(cfg, "head")
        return done


__all__ = ["HEAD_REVISION", "MIGRATIONS_DIR", "VERSION_TABLE", "NewerSchema", "current_revision",
           "migrate"]
