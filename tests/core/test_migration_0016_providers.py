"""Migration 0016 (issue 15, providers) on a populated database: existing tasks keep
their department (``provider_id`` NULL), the directory starts empty, nothing else moves
(no version or change sequence changes) — and the downgrade drops both cleanly."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from desktop_app.core import db as dbmod
from tests.core.test_migration_0013_names import _alembic
from tests.helpers.drafts import draft


def test_upgrade_from_0015_keeps_every_task_with_its_department(services, township):
    r = services.intake.decide(draft(services, items=("DIBAO", "MEDICAL")), "accept", township)
    folder = services.ctx.db.data_dir
    services.close()
    _alembic(folder, "downgrade", "0015")
    conn = sqlite3.connect(folder / dbmod.DB_FILENAME)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(requested_item)")}
        assert "provider_id" not in columns
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'provider'"
                            ).fetchone() == (0,)
        before = conn.execute("SELECT id, handler_code, version, change_seq FROM requested_item "
                              "ORDER BY id").fetchall()
        counter = conn.execute("SELECT value FROM change_counter").fetchone()[0]
    finally:
        conn.close()

    from desktop_app.core.services import Services

    again = Services.open(folder, clock=services.ctx.clock)
    try:
        with again.ctx.db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
                dbmod.HEAD_REVISION
            after = s.execute(text("SELECT id, handler_code, version, change_seq, provider_id "
                                   "FROM requested_item ORDER BY id")).all()
            assert s.execute(text("SELECT value FROM change_counter")).scalar() == counter
        assert [tuple(a[:4]) for a in after] == before
        assert all(a[4] is None for a in after)
        assert again.providers.providers() == []
        assert {t.item_code: t.handler_name for t in
                again.handling.tasks_for_application(r.application_id)}["MEDICAL"] == "县医保局"
    finally:
        again.close()

    _alembic(folder, "downgrade", "0015")
    conn = sqlite3.connect(folder / dbmod.DB_FILENAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert "provider_id" not in {row[1] for row in conn.execute(
            "PRAGMA table_info(requested_item)")}
    finally:
        conn.close()
