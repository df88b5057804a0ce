"""Issue #4 acceptance: demo township → export → county ingest into a real PostgreSQL
server → department feedback → make-return → township import → the feedback shows on the
task and the export log shows the package acknowledged. Run twice: the second run changes
nothing. The same through the CLI with the default SQLite county database."""

from __future__ import annotations

import json

from sqlalchemy import select

from county_receiver import cli
from county_receiver.receiver import County
from desktop_app.core.models import RequestedItem
from desktop_app.core.services import TaskFilter
from desktop_app.core.services.demo import create_demo_township, fill_demo
from sync_contract.keys import short_fingerprint
from tests.helpers.sync import db_digest


def _open_referred_tasks(services, n: int):
    """``n`` tasks referred to a department and not final yet, as (TaskRow, uuid)."""
    rows = [r for r in services.handling.tasks(TaskFilter())
            if r.referred and r.status in ("referred", "signed")]
    assert len(rows) >= n, "the demo needs open referred tasks"
    with services.ctx.db.read() as s:
        uuids = {t.id: t.uuid for t in s.scalars(select(RequestedItem).where(
            RequestedItem.id.in_([r.task_id for r in rows[:n]])))}
    return [(r, uuids[r.task_id]) for r in rows[:n]]


def test_end_to_end_on_postgresql_twice_changes_nothing_the_second_time(
        services, tmp_path, pg_url, capsys):
    fill_demo(services, 40, seed=21, days=60)
    admin = create_demo_township(services)
    keys, logs, usb = tmp_path / "county-keys", tmp_path / "logs", tmp_path / "usb"
    usb.mkdir()

    def county(*argv) -> tuple[int, str, str]:
        rc = cli.main(["--data-dir", str(logs), *map(str, argv)])
        out = capsys.readouterr()
        return rc, out.out, out.err

    rc, out, err = county("keygen", "--keys", keys, "--code", "522201", "--name", "测试县民政局")
    assert rc == 0, err
    assert "age recipient: age1" in out and "ed25519 verify key:" in out
    services.sync.import_county_keys(keys / "county.json", admin)   # what keygen wrote
    pub = services.sync.export_public_keys(tmp_path / "township-public.json")
    code = pub.code
    assert county("register", "--db", pg_url, "--township", code, "--verify-key",
                  tmp_path / "township-public.json", "--fingerprint",
                  short_fingerprint(pub.fingerprint))[0] == 0

    (done_row, done_uuid), (refused_row, refused_uuid) = _open_referred_tasks(services, 2)
    today = services.ctx.today().isoformat()
    feedback_file = tmp_path / "feedback.json"
    feedback_file.write_text(json.dumps([{
        "task_uuid": refused_uuid, "result": "refused", "result_on": today,
        "result_text": "经核查不符合条件", "signed_by": "王科员"}], ensure_ascii=False))
    updates_file = tmp_path / "updates.json"
    updates_file.write_text(json.dumps({"holiday_year": [
        {"year": 2027, "holidays": ["2027-01-01", "2027-02-08"], "workdays": ["2027-02-06"]}]}))
    exported = services.sync.export(usb, admin)
    ret = tmp_path / "return.twret"

    def run(first: bool):
        rc, out, err = county("ingest", exported.path, "--db", pg_url, "--keys", keys)
        assert rc == 0, err
        assert ("ingested" in out) if first else ("already received" in out)
        rc, out, err = county("feedback", "--db", pg_url, "--task", done_uuid, "--result", "done",
                              "--date", today, "--amount", "1200.50", "--text", "已报销",
                              "--signed-by", "李医保")
        assert rc == 0, err
        assert ("recorded" in out) if first else ("already sent" in out)
        rc, out, err = county("make-return", "--db", pg_url, "--keys", keys, "--township", code,
                              "--out", ret, "--feedback", feedback_file, "--updates", updates_file)
        assert rc == 0, err
        assert ("made return package 1" in out) if first else ("nothing to return" in out)
        return services.sync.import_package(ret, admin)

    imported = run(first=True)
    assert not imported.already_applied
    assert imported.applied["ack"] == 1 and imported.applied["feedback"] == 2
    rows = {r.task_id: r for r in services.handling.tasks_for_application(done_row.application_id)}
    task = rows[done_row.task_id]
    assert (task.status, task.result_text, task.result_on.isoformat()) == ("done", "已报销", today)
    assert "1200.5" in task.amount.replace(",", "")
    refused = {r.task_id: r for r in services.handling.tasks_for_application(
        refused_row.application_id)}[refused_row.task_id]
    assert refused.status == "refused" and refused.result_text == "经核查不符合条件"
    log = services.sync.log()
    assert log[0].package_seq == 1 and log[0].acknowledged_at is not None
    assert services.settings.get("holiday_years")["2027"]["holidays"] == ["2027-01-01",
                                                                          "2027-02-08"]

    with County(pg_url, keys) as c:
        county_before = c.digest()
    township_before = db_digest(services.ctx.db.data_dir)

    again = run(first=False)                      # the whole thing once more
    assert again.already_applied and "already applied" in again.message
    with County(pg_url, keys) as c:
        assert c.digest() == county_before
    assert db_digest(services.ctx.db.data_dir) == township_before

    # A lost package produced again from the township's log is the same package.
    again = services.sync.reexport(1, tmp_path, admin)
    rc, out, err = county("ingest", again.path, "--db", pg_url, "--keys", keys)
    assert rc == 0 and "already received" in out, err
    with County(pg_url, keys) as c:
        assert c.digest() == county_before

    # The township's next package carries the feedback it applied: the county's copy of
    # the task moves on (newer version) and the task no longer takes feedback there.
    second = services.sync.export(usb, admin)
    assert second.package_seq == 2
    rc, out, err = county("ingest", second.path, "--db", pg_url, "--keys", keys)
    assert rc == 0 and "requested_item" in out and "updated" in out, err
    with County(pg_url, keys) as c, c.engine.connect() as con:
        from county_receiver.models import CountyRecord
        data = con.scalar(select(CountyRecord.data).where(CountyRecord.uuid == done_uuid))
        assert data["task_status"] == "done" and data["amount_fen"] == 120050
    rc, out, err = county("feedback", "--db", pg_url, "--task", done_uuid, "--result", "done",
                          "--date", today, "--amount", "1", "--text", "x")
    assert rc == 1 and err.count("\n") == 1 and "already done" in err
    ret2 = tmp_path / "return2.twret"
    assert county("make-return", "--db", pg_url, "--keys", keys, "--township", code,
                  "--out", ret2)[0] == 0
    assert services.sync.import_package(ret2, admin).applied["ack"] == 1
    assert all(r.acknowledged_at is not None for r in services.sync.log())


def test_cli_on_the_default_sqlite_database(services, tmp_path, monkeypatch, capsys):
    """No --db: ``sqlite:///county.sqlite3`` in the working folder; one line per failure."""
    fill_demo(services, 12, seed=4)
    admin = create_demo_township(services)
    monkeypatch.chdir(tmp_path)
    logs = ["--data-dir", str(tmp_path / "logs")]
    assert cli.main([*logs, "keygen", "--code", "522201"]) == 0   # ./county-keys
    services.sync.import_county_keys(tmp_path / "county-keys" / "county.json", admin)
    pub = services.sync.export_public_keys(tmp_path / "tw.json")
    # register from the bare key (base64) plus the age recipient, as read from `keys show`
    assert cli.main([*logs, "register", "--township", pub.code, "--verify-key",
                     pub.to_json()["ed25519_public_key"], "--age-recipient",
                     pub.age_recipients[0]]) == 0
    exported = services.sync.export(tmp_path, admin)
    capsys.readouterr()
    assert cli.main([*logs, "ingest", str(exported.path)]) == 0
    assert (tmp_path / "county.sqlite3").exists()
    assert cli.main([*logs, "ingest", str(exported.path)]) == 0
    assert "already received" in capsys.readouterr().out
    bad = tmp_path / "bad.twpkg"
    data = bytearray(exported.path.read_bytes())
    data[len(data) // 2] ^= 0x40
    bad.write_bytes(bytes(data))
    assert cli.main([*logs, "ingest", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.twpkg" in err and "decryption failed" in err
    assert cli.main([*logs, "townships"]) == 0
    assert "last package 1 (format 5)\tunacknowledged 1" in capsys.readouterr().out
    assert cli.main([*logs, "make-return", "--township", pub.code,
                     "--out", str(tmp_path)]) == 0
    made = tmp_path / f"{pub.code}-R000001.twret"
    assert made.exists()
    assert services.sync.import_package(made, admin).applied["ack"] == 1
    # the same return again, from the county's copy: byte-identical inside, applies as a replay
    made.unlink()
    assert cli.main([*logs, "make-return", "--township", pub.code, "--out",
                     str(tmp_path), "--reexport", "1"]) == 0
    assert services.sync.import_package(made, admin).already_applied
