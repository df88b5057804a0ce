"""The county database's Alembic migrations: a new database is built at head, a database
made by the receiver before migrations (``create_all`` + ``county_meta.schema_version``)
is adopted without losing a row, and a newer one is refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, select, text

from county_receiver import db as county_db
from county_receiver.models import CountyBase, CountyMeta, RegisteredTownship
from county_receiver.receiver import County, normalise_url, row_digest
from sync_contract.errors import PackageError


def _differences(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "version_table": county_db.VERSION_TABLE})
        return compare_metadata(ctx, CountyBase.metadata)


def _revision(engine) -> str | None:
    with engine.connect() as conn:
        return county_db.current_revision(conn)


def test_head_constant_is_the_scripts_head():
    cfg = Config()
    cfg.set_main_option("script_location", str(county_db.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == county_db.HEAD_REVISION


def test_fresh_database_is_created_at_head(county_url):
    engine = create_engine(normalise_url(county_url))
    try:
        assert county_db.migrate(engine) == "created"
        assert _revision(engine) == county_db.HEAD_REVISION
        assert _differences(engine) == []           # the revisions make exactly the models
        assert county_db.migrate(engine) == "current"
        with engine.connect() as conn:               # as the receiver always wrote it
            assert conn.execute(select(CountyMeta.value).where(
                CountyMeta.key == "schema_version")).scalar() == "1"
    finally:
        engine.dispose()


#: The tables of the receiver before migrations (= revision 0001); later revisions add others.
INITIAL_TABLES = {"county_meta", "county_township", "county_package", "county_record",
                  "county_conflict", "county_feedback", "county_return", "county_sent_update"}


#: Undo what later revisions add to the initial tables (0003: county_record.task_uuid).
LATER_COLUMNS = ("DROP INDEX ix_county_record_task",
                 "ALTER TABLE county_record DROP COLUMN task_uuid")


def _old_layout(url: str) -> None:
    """A county database as the receiver made it before migrations, with data."""
    engine = create_engine(normalise_url(url))
    try:
        CountyBase.metadata.create_all(engine, tables=[
            t for t in CountyBase.metadata.sorted_tables if t.name in INITIAL_TABLES])
        with engine.begin() as conn:
            for sql in LATER_COLUMNS:       # added to an initial table by a later revision
                conn.execute(text(sql))
            conn.execute(CountyMeta.__table__.insert().values(key="schema_version", value="1"))
            conn.execute(RegisteredTownship.__table__.insert().values(
                code="110101001000", name="东华门街道", ed25519_public_key="A" * 44,
                fingerprint="f" * 64, age_recipients=["age1example"], device_id=""))
    finally:
        engine.dispose()


def test_old_layout_database_is_adopted_without_data_loss(county_url, tmp_path):
    _old_layout(county_url)
    engine = create_engine(normalise_url(county_url))
    try:
        before = row_digest(engine)
        assert not inspect(engine).has_table(county_db.VERSION_TABLE)
        assert county_db.migrate(engine) == "adopted"
        assert _revision(engine) == county_db.HEAD_REVISION
        assert row_digest(engine) == before
        assert _differences(engine) == []
    finally:
        engine.dispose()
    with County(county_url, tmp_path / "keys") as county:   # opens it as usual afterwards
        assert [t.code for t in county.townships()] == ["110101001000"]


def test_newer_databases_are_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    _old_layout(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE county_meta SET value = '2' WHERE key = 'schema_version'"))
    with pytest.raises(PackageError) as err:
        County(url, tmp_path / "keys").townships()
    assert err.value.reason == "db_error" and "newer" in err.value.message
    with engine.begin() as conn:
        conn.execute(text("UPDATE county_meta SET value = '1' WHERE key = 'schema_version'"))
    assert county_db.migrate(engine) == "adopted"
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {county_db.VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(PackageError) as err:
        County(url, tmp_path / "keys").townships()
    assert err.value.reason == "db_error" and "9999" in err.value.message
