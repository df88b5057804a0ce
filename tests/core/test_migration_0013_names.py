"""Migration 0013 (issue 14, canonical names) on a populated database: names stored raw
by the code before it become canonical with the original kept in ``name_typed``, phones
are normalised, the changed rows get a new version and change sequence (the county gets
the canonical name at the next export, never ``name_typed``), the search keys follow —
and the downgrade gives the typed names back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from desktop_app.core import db as dbmod
from desktop_app.core.services import MemberInput, PersonInput
from desktop_app.core.services.sync import export as exp
from tests.helpers.drafts import draft, resident_id

#: (table, position, name as the old code stored it, phone as stored, canonical name, phone)
LEGACY = [
    ("household_member", 0, "阿依古丽•买买提", "138 0013 8000", "阿依古丽·买买提", "13800138000"),
    ("household_member", 1, "张　三", "", "张三", ""),
    ("household_member", 2, "热依拉．吐尔逊", "(0571)12345678", "热依拉·吐尔逊", "0571-12345678"),
    ("household_member", 3, "李四", "13900000000", "李四", "13900000000"),       # untouched
    ("household_member", 4, "王小\u200b明", "1390000", "王小明", "1390000"),     # bad phone kept
    ("related_person", 0, "王 大", "+86 138-0013-8000", "王大", "13800138000"),
]


def _alembic(folder: Path, verb: str, revision: str) -> None:
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, revision)
    engine.dispose()


def _populate(services, township) -> int:
    members = [MemberInput(name=name, relation="子", id_number=resident_id(seed=20 + pos))
               for _t, pos, name, *_ in LEGACY[1:5]]
    d = draft(services, name="阿依古丽·买买提", id_number=resident_id(seed=20), members=members)
    d.related = [PersonInput(name="王大", relation="兄弟", able=True,
                             id_number=resident_id(seed=30))]
    return services.intake.decide(d, "accept", township).application_id


def _legacy(folder: Path, app_id: int) -> tuple[dict[tuple[str, int], tuple[int, int]], int]:
    """Write the rows as the code before 0013 stored them (raw name and phone, the raw
    name as search key); returns (table, position) -> (version, change_seq) and the
    change counter."""
    conn = sqlite3.connect(folder / dbmod.DB_FILENAME)
    try:
        before = {}
        for table, pos, raw, phone, canon, _ in LEGACY:
            conn.execute(f"UPDATE {table} SET name = ?, phone = ? WHERE application_id = ? AND position = ?",
                         (raw, phone, app_id, pos))
            before[(table, pos)] = conn.execute(
                f"SELECT version, change_seq FROM {table} WHERE application_id = ? AND position = ?",
                (app_id, pos)).fetchone()
            if table == "household_member":
                conn.execute("DELETE FROM search_key WHERE application_id = ? AND key IN (?, ?)",
                             (app_id, canon, canon.replace("·", "")))
                conn.execute("INSERT OR IGNORE INTO search_key (key, application_id) VALUES (?, ?)",
                             (raw, app_id))
        counter = conn.execute("SELECT value FROM change_counter").fetchone()[0]
        conn.commit()
        return before, counter
    finally:
        conn.close()


def test_upgrade_from_0011_canonicalises_names_and_phones(services, township):
    app_id = _populate(services, township)
    folder = services.ctx.db.data_dir
    services.close()
    _alembic(folder, "downgrade", "0012")
    before, counter = _legacy(folder, app_id)

    from desktop_app.core.services import Services

    again = Services.open(folder, clock=services.ctx.clock)
    try:
        with again.ctx.db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == dbmod.HEAD_REVISION
            rows = {}
            for table, pos, *_ in LEGACY:
                rows[(table, pos)] = tuple(s.execute(text(
                    f"SELECT name, name_typed, phone, version, change_seq FROM {table} "
                    "WHERE application_id = :a AND position = :p"), {"a": app_id, "p": pos}).one())
            keys = set(s.execute(text("SELECT key FROM search_key WHERE application_id = :a"),
                                 {"a": app_id}).scalars())
        for table, pos, raw, _phone, canon, phone in LEGACY:
            name, typed, stored_phone, version, seq = rows[(table, pos)]
            changed = (canon, phone) != (raw, _phone)
            assert (name, typed, stored_phone) == (canon, raw if canon != raw else None, phone), (table, pos)
            old_version, old_seq = before[(table, pos)]
            if changed:
                assert version == old_version + 1 and seq > counter, (table, pos)
            else:
                assert (version, seq) == (old_version, old_seq), (table, pos)
        assert {"阿依古丽·买买提", "阿依古丽买买提", "张三", "热依拉·吐尔逊", "热依拉吐尔逊", "王小明"} <= keys
        assert not keys & {"阿依古丽•买买提", "张　三", "热依拉．吐尔逊", "王小\u200b明"}
        for query, found in (("阿依古丽·买买提", True), ("阿依古丽•买买提", True), ("张 三", True),
                             ("热依拉吐尔逊", True), ("王小明", True)):
            assert (app_id in again.queries.search_ids(query)) is found, query
        detail = again.queries.detail(app_id)
        assert (detail.members[0].name, detail.members[0].name_typed) == ("阿依古丽·买买提", "阿依古丽•买买提")
        assert detail.phone == "13800138000"
        # The next export sends the canonical names, never the typed ones.
        con = sqlite3.connect(folder / dbmod.DB_FILENAME)
        try:
            records = [r for type_ in ("household_member", "related_person")
                       for r in exp.iter_record_dicts(con, type_, counter + 1, exp.change_counter(con))]
        finally:
            con.close()
        assert sorted(r["name"] for r in records) == sorted(
            canon for _t, _p, raw, ph, canon, phone in LEGACY if (canon, phone) != (raw, ph))
        assert all("name_typed" not in r for r in records)
    finally:
        again.close()
    assert list((folder / "backups").glob("pre-migration-0012-*.sqlite3"))

    _alembic(folder, "downgrade", "0012")
    conn = sqlite3.connect(folder / dbmod.DB_FILENAME)
    try:
        names = dict(((t, p), n) for t, p, n in conn.execute(
            "SELECT 'household_member', position, name FROM household_member WHERE application_id = ? "
            "UNION ALL SELECT 'related_person', position, name FROM related_person WHERE application_id = ?",
            (app_id, app_id)))
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    assert names == {(t, p): raw for t, p, raw, *_ in LEGACY}
