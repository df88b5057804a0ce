"""The derived tables are fed by ingest (County.ingest → derive) and, for a database that
already holds records, by migration 0005_views' backfill — with the same rows either way,
from real township packages, on SQLite and PostgreSQL (``slow``)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import func, select

from county_receiver import db as county_db
from county_receiver import views
from county_receiver.derived import APP, CANDIDATE, PERSON, TASK, backfill
from county_receiver.models import CountyRecord
from tests.county.helpers import new_county


def _rows(engine) -> dict[str, list[tuple]]:
    out = {}
    with engine.connect() as conn:
        for table in (APP, TASK, PERSON, CANDIDATE):
            cols = [c for c in table.columns if c.name != "id"]
            out[table.name] = sorted(tuple(str(v) for v in r)
                                     for r in conn.execute(select(*cols)))
    return out


def _records(engine, type_: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(CountyRecord).where(
            CountyRecord.type == type_)).scalar_one()


def test_ingest_derives_every_application_task_and_member(world, county_url):
    county = new_county(county_url, world)
    try:
        for pkg in world.packages:
            county.ingest(pkg)
        got = _rows(county.engine)
        assert len(got["county_application"]) == _records(county.engine, "application") > 0
        assert len(got["county_task"]) == _records(county.engine, "requested_item") > 0
        assert len(got["county_person"]) == _records(county.engine, "household_member") > 0
        with county.engine.connect() as conn:
            # every task carries its application's copies
            assert conn.execute(select(func.count()).select_from(TASK).where(
                TASK.c.registered_on.is_(None))).scalar_one() == 0
            numbers = conn.execute(select(func.count()).select_from(APP).where(
                APP.c.number.is_not(None))).scalar_one()
            assert numbers > 0
        # the views answer over a real township (the demo has referred tasks)
        table = views.overdue(county.engine, "2027-06-30")
        rows = views.overdue_list(county.engine, "2027-06-30")
        assert table.total == len(rows) > 0
        assert {r.township_code for r in rows} == {world.code}
        report = views.monthly(county.engine, "2026", "township", today="2026-11-24")
        assert report.row(world.code).values["received"] > 0
        # a replay changes nothing
        county.ingest(world.packages[1])
        assert _rows(county.engine) == got
        # the migration's backfill rebuilds the same rows from county_record
        with county.engine.begin() as conn:
            for table in (CANDIDATE, PERSON, TASK, APP):
                conn.execute(table.delete())
            backfill(conn, chunk=7)
        assert _rows(county.engine) == got
    finally:
        county.close()


def test_migration_0005_backfills_a_database_with_records(world, county_url):
    county = new_county(county_url, world)
    try:
        for pkg in world.packages:
            county.ingest(pkg)
        want = _rows(county.engine)
        with county.engine.begin() as conn:            # back to 0004: no derived tables
            command.downgrade(county_db._config(conn), "0004")
        with county.engine.connect() as conn:
            assert county_db.current_revision(conn) == "0004"
        assert county_db.migrate(county.engine) == "upgraded"
        assert _rows(county.engine) == want
    finally:
        county.close()
