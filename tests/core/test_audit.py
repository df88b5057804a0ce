"""The audit trail: append-only, tamper-evident to the exact row; check; the viewer."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from desktop_app.cli import main
from desktop_app.core import db as dbmod
from desktop_app.core.models import Event
from desktop_app.core.services import AuditFilter
from desktop_app.core.services.demo import DEMO_PASSWORDS
from desktop_app.core.services.events import event_hash
from tests.helpers.drafts import draft, resident_id


def _filled(services, clock):
    """Two decided applications, a reprint and a login: a few dozen events."""
    from desktop_app.core.services.demo import create_demo_township

    township = create_demo_township(services)  # as the ``township`` fixture does
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    a = services.intake.decide(draft(services), "accept", clerk)
    b = services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=7)),
                               "reject", township, ["户籍不在本乡镇"])
    services.documents.reprint(a.documents[0].id, clerk)
    return a, b, clerk


POPULATED = {"filled": _filled}  # built once per session (tests/conftest.py)


@pytest.fixture
def filled(populated_template, data_dir, services, township):
    return populated_template(_filled, data_dir)[1]


def sql(data_dir, *statements):
    conn = sqlite3.connect(data_dir / dbmod.DB_FILENAME, isolation_level=None)
    try:
        for st in statements:
            conn.execute(*st) if isinstance(st, tuple) else conn.execute(st)
    finally:
        conn.close()


def check(data_dir, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "check"])
    out = capsys.readouterr()
    return code, out.out + out.err


def last_seq(services) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(Event.seq).order_by(Event.seq.desc()).limit(1))


def seqs_named(output: str) -> set[str]:
    import re

    return set(re.findall(r"seq (\d+)", output))


def test_the_log_refuses_updates_and_deletes(services, filled, data_dir):
    for statement in ("UPDATE event SET detail = '{}' WHERE seq = 3",
                      "DELETE FROM event WHERE seq = 3", "DELETE FROM application",
                      "DELETE FROM document", "DELETE FROM staff", "DELETE FROM audit_head"):
        with pytest.raises(sqlite3.IntegrityError):
            sql(data_dir, statement)


def test_intact_log_checks_ok(services, filled, data_dir, capsys):
    services.close()
    code, out = check(data_dir, capsys)
    assert code == 0 and out.startswith("ok:")


def test_edited_row_is_reported_exactly(services, filled, data_dir, capsys):
    services.close()
    sql(data_dir, "DROP TRIGGER event_no_update",
        ("UPDATE event SET detail = ? WHERE seq = 7", (json.dumps({"number": "forged"}),)))
    code, out = check(data_dir, capsys)
    assert code == 1 and seqs_named(out) == {"7"} and "内容被修改" in out
    assert "append-only trigger missing: event_no_update" in out


def test_edited_and_rehashed_row_is_reported_exactly(services, filled, data_dir, capsys):
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.seq == 5)).one()
        forged = json.dumps({"forged": True})
        new_hash = event_hash(ev.prev_hash, ev.seq, ev.at, ev.actor_id, ev.action,
                              ev.application_id, forged)
    services.close()
    sql(data_dir, "DROP TRIGGER event_no_update",
        ("UPDATE event SET detail = ?, hash = ? WHERE seq = 5", (forged, new_hash)))
    code, out = check(data_dir, capsys)
    assert code == 1 and seqs_named(out) == {"5"}


@pytest.mark.parametrize("where", ["middle", "first", "last"])
def test_deleted_row_is_detected(services, filled, data_dir, capsys, where):
    n = last_seq(services)
    k = {"middle": n // 2, "first": 1, "last": n}[where]
    services.close()
    sql(data_dir, "DROP TRIGGER event_no_delete", f"DELETE FROM event WHERE seq = {k}")
    code, out = check(data_dir, capsys)
    assert code == 1 and seqs_named(out) == {str(k)} and "缺失" in out


def test_rows_added_behind_the_apps_back_are_detected(services, filled, data_dir, capsys):
    n = last_seq(services)
    with services.ctx.db.read() as s:
        head = s.scalars(select(Event).where(Event.seq == n)).one()
    at = datetime(2026, 11, 24, 12, 0)
    h = event_hash(head.hash, n + 1, at, None, "auth.login", None, "{}")
    services.close()
    sql(data_dir, "DROP TRIGGER event_track_head",
        (("INSERT INTO event (at, actor_id, action, application_id, detail, prev_hash, hash, "
          "seq, uuid, version, change_seq) VALUES (?, NULL, 'auth.login', NULL, '{}', ?, ?, ?, "
          "'u-x', 1, 0)"), (at.isoformat(sep=" "), head.hash, h, n + 1)))
    code, out = check(data_dir, capsys)
    assert code == 1 and str(n + 1) in seqs_named(out)


def test_changed_pdf_file_and_forged_document_hash_are_reported(services, filled, data_dir, capsys):
    a, _, _ = filled
    receipt = a.documents[0].path
    receipt.write_bytes(receipt.read_bytes().replace(b"%%EOF", b"%%EOF "))
    services.close()
    code, out = check(data_dir, capsys)
    assert code == 1 and receipt.name in out and "changed" in out
    # An attacker who also rewrites the recorded hash meets the chained issue event.
    import hashlib

    forged = hashlib.sha256(receipt.read_bytes()).hexdigest()
    sql(data_dir, ("UPDATE document SET sha256 = ? WHERE number = ? AND kind = 'receipt'",
                   (forged, a.number)))
    code, out = check(data_dir, capsys)
    assert code == 1 and "differs from the audit log" in out and a.number in out


def test_changed_reprint_file_is_reported(services, filled, data_dir, capsys):
    reprint = next(p for p in (data_dir / "documents").rglob("*补打1.pdf"))
    reprint.write_bytes(b"%PDF-1.4 forged")
    services.close()
    code, out = check(data_dir, capsys)
    assert code == 1 and reprint.name in out


def test_bulk_loaded_documents_are_skipped_until_rendered(services, township, data_dir, capsys):
    from desktop_app.core.services.demo import fill_demo

    fill_demo(services, 3, seed=5)
    report = services.audit.check()
    assert report.ok and report.documents_pending >= 3 and report.documents_checked == 0
    doc = services.documents.for_application(services.queries.search_ids()[0])[0]
    path = services.documents.original_pdf(doc.id)  # first render records its hash
    report = services.audit.check()
    assert report.ok and report.documents_checked == 1
    path.write_bytes(path.read_bytes() + b"\n")
    assert not services.audit.check().ok


def test_missing_pdf_is_not_a_problem(services, filled):
    a, _, _ = filled
    a.documents[1].path.unlink()
    report = services.audit.check()
    assert report.ok and report.documents_missing == 1


def test_viewer_filters_by_person_application_action_and_date(services, filled, township):
    a, b, clerk = filled
    sup = services.accounts.login("supervisor", DEMO_PASSWORDS["supervisor"]).value
    def q(**kw):
        return services.audit.query(sup, AuditFilter(**kw))

    rows = q(staff_id=clerk.staff_id)
    assert rows and {r.actor for r in rows} == {"李秀英"}
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    by_app = q(application_id=a.application_id)
    assert {r.application_number for r in by_app} == {a.number}
    assert [r.action for r in q(application_number=b.number)][::-1][:2] == [
        "application.create", "application.reject"]
    auth_rows = q(actions=("auth.",))
    assert "auth.login" in {r.action for r in auth_rows}
    assert all(r.action.startswith("auth.") for r in auth_rows)
    reprints = q(actions=("document.reprint",))
    assert len(reprints) == 1 and reprints[0].action_label == "补打文书"
    today = services.ctx.today()  # events are stamped by the services' clock
    assert len(q(date_from=today, date_to=today)) == len(q())
    assert q(date_to=today - timedelta(days=1)) == []
    assert q(date_from=today + timedelta(days=1)) == []
    page = services.audit.query(sup, AuditFilter(), limit=3)
    older = services.audit.query(sup, AuditFilter(before_seq=page[-1].seq), limit=3)
    assert [r.seq for r in page + older] == list(range(page[0].seq, page[0].seq - 6, -1))
    assert rows[0].at == services.ctx.clock()  # the services' clock, shown in local time


def test_upgrade_from_0001_anchors_the_existing_chain(tmp_path):
    from alembic import command
    from alembic.config import Config

    folder = tmp_path / "old"
    folder.mkdir()
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO staff (id, name, role, active, created_at, uuid, version, "
                          "change_seq) VALUES (1, '王建国', 'admin', 1, '2026-01-01', 'u1', 1, 1), "
                          "(2, '李秀英', 'clerk', 1, '2026-01-01', 'u2', 1, 2)"))
        prev = "0" * 64
        for seq in (1, 2, 3):
            at = datetime(2026, 1, 1, 9, seq)
            h = event_hash(prev, seq, at, 1, "staff.add", None, "{}")
            conn.execute(text(
                "INSERT INTO event (at, actor_id, action, detail, prev_hash, hash, seq, uuid, "
                "version, change_seq) VALUES (:at, 1, 'staff.add', '{}', :p, :h, :s, :u, 1, 0)"),
                {"at": at.isoformat(sep=" ", timespec="microseconds"), "p": prev, "h": h,
                 "s": seq, "u": f"e{seq}"})
            prev = h
    engine.dispose()
    database = dbmod.open_database(folder)
    try:
        with database.read() as s:
            assert s.execute(text("SELECT seq, hash FROM audit_head")).one() == (3, prev)
            assert dict(s.execute(text("SELECT id, username FROM staff")).all()) == {
                1: "admin", 2: "user2"}
            from desktop_app.core.services.events import missing_triggers, verify_log

            assert verify_log(s) is None and missing_triggers(s) == []
    finally:
        database.close()
    assert list((folder / "backups").glob("pre-migration-0001-*.sqlite3"))


def test_changes_record_old_and_new_values(services, township):
    services.settings.update("backup_keep", {"recent": 3, "daily": 7, "weekly": 4, "monthly": 6},
                             township)
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "settings.change")).one()
    detail = json.loads(ev.detail)
    assert detail["old"]["recent"] == 5 and detail["new"]["recent"] == 3
    assert ev.actor_id == township


def test_local_and_utc_times_round_trip():
    from desktop_app.core.services.audit import _local, _utc

    local = datetime(2026, 11, 24, 0, 30)
    assert _local(_utc(local)) == local
