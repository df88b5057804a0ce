"""Migration 0008 (issue 12, household economics) on a populated database: existing
applications open, their members are counted with the reasons the migration can
know, where-one-applies is the hukou, and the income calculation is NULL ("recorded
before the calculation was stored") — never invented."""

from __future__ import annotations

import sqlite3

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from desktop_app.core import db as dbmod
from desktop_app.core.services import MemberInput
from tests.helpers.drafts import draft, resident_id


def _downgrade_to(folder, revision: str) -> None:
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        cols = {r[1] for r in conn.execute(text("PRAGMA table_info(household_member)"))}
        assert "counted" not in cols
    engine.dispose()


def test_upgrade_from_0007_fills_the_new_fields(services, township):
    spouse = MemberInput(name="李四", relation="配偶", id_number=resident_id(seed=4))
    son = MemberInput(name="张小明", relation="子", id_number=resident_id(seed=5))
    result = services.intake.decide(draft(services, members=[spouse, son],
                                          incomes={"wage": "900", "allowance": "300"}),
                                    "accept", township)
    folder = services.ctx.db.data_dir
    services.close()
    _downgrade_to(folder, "0007")

    from desktop_app.core.services import Services

    again = Services.open(folder, clock=services.ctx.clock)
    try:
        with again.ctx.db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == dbmod.HEAD_REVISION
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
            members = s.execute(text(
                "SELECT position, counted, counted_reason, guardian FROM household_member "
                "WHERE application_id = :a ORDER BY position"),
                {"a": result.application_id}).all()
            app = s.execute(text(
                "SELECT residence_kind, residence_address, residence_permit_no, "
                "medical_reimbursed_fen, counted_members, net_income_fen, net_per_capita_fen, "
                "topup_fen, standards_from, eligibility_from FROM application WHERE id = :a"),
                {"a": result.application_id}).one()
            incomes = s.execute(text("SELECT counted FROM income WHERE application_id = :a"),
                                {"a": result.application_id}).scalars().all()
            related = s.execute(text("SELECT count(*) FROM related_person")).scalar()
        assert members == [(0, 1, "applicant", 0), (1, 1, "spouse", 0), (2, 1, "", 0)]
        assert tuple(app) == ("hukou", "", "", 0, None, None, None, None, None, None)
        assert incomes and all(c is None for c in incomes)
        assert related == 0
        # The application still opens and is assessed (from its snapshot, all counted).
        detail = again.queries.detail(result.application_id)
        assert [m.name for m in detail.members] == ["张三", "李四", "张小明"]
        assert again.assessment.evaluate(result.application_id).figures.members == 3
    finally:
        again.close()
    assert list((folder / "backups").glob("pre-migration-0007-*.sqlite3"))
    conn = sqlite3.connect(folder / dbmod.DB_FILENAME)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
