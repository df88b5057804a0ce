"""Sync format 3 at the county (issue 13): a township's procedure steps are stored with
the task they belong to (``county_record.task_uuid``, revision 0003), and the county's
审核确认 (``county-receiver confirm``) of a task the township reported (报县) is checked as
the township will check it and goes out in the next return package as a
``confirmation`` record — on SQLite and on a real PostgreSQL (``slow``)."""

from __future__ import annotations

import uuid as uuidlib

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver import cli
from county_receiver.models import CountyRecord
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import KeyStore
from sync_contract.versions import FORMAT_VERSION
from tests.county.helpers import build_export, new_county, read_package

REPORTED_ON = "2026-12-10"


def _step(task: dict, stage: str, started_on: str, seq: int, **over) -> dict:
    rec = {"uuid": str(uuidlib.uuid4()), "version": 1, "change_seq": seq, "local_id": seq,
           "application_uuid": task["application_uuid"], "item_uuid": task["uuid"],
           "stage": stage, "started_on": started_on, "done_on": started_on, "ends_on": None,
           "due_date": None, "outcome": "", "amount_fen": None, "people": [], "text": "",
           "ref": "", "village_uuid": None, "details": "{}", "source": "township",
           "replaces_uuid": None, "recorded_by_uuid": None,
           "created_at": "2026-12-10T02:00:00.000000"}
    rec.update(over)
    return rec


def _township_task(world) -> dict:
    """A township-handled task of the world's first package (a 低保 or the like)."""
    _, recs = read_package(world, world.packages[0])
    return next(r for r in recs["requested_item"]
                if r["handler_code"] == "TOWNSHIP" and r["task_status"] not in ("done", "refused"))


def _package3(world, tmp_path, steps: list[dict], items: list[dict] = (), seq: int = 3):
    """Package ``seq`` of the world's township (format 3): procedure steps (and tasks)."""
    return build_export(tmp_path / f"p{seq}.twpkg", world, seq,
                        {"task_stage": steps, "requested_item": list(items)},
                        lo=900_000 + seq * 100, hi=900_000 + seq * 100 + 99)


def _refused(county, fn, reason: str) -> str:
    before = county.digest()
    with pytest.raises(PackageError) as exc:
        fn()
    assert exc.value.reason == reason, exc.value.message
    assert "\n" not in exc.value.message and " / " in exc.value.message
    assert county.digest() == before
    return exc.value.message


def _open_return(world, path):
    county_key = KeyStore(world.county_keys).signing_key.public_key()
    return env.open_package(path, [world.township_keys.age_identity], [county_key],
                            kind=env.COUNTY_RETURN, township_code=world.code)


def test_a_reported_task_is_confirmed_once_and_sent_in_the_next_return(world, county_url,
                                                                      tmp_path):
    task = _township_task(world)
    tid = task["uuid"]
    county = new_county(county_url, world)
    try:
        county.ingest(world.packages[0])
        county.ingest(world.packages[1])
        confirm = county.record_confirmation
        # not reported yet: refused, nothing stored
        msg = _refused(county, lambda: confirm(tid, "approved", "2026-12-20"),
                       "confirmation_invalid")
        assert "尚未报县" in msg
        _refused(county, lambda: confirm(str(uuidlib.uuid4()), "approved", "2026-12-20"),
                 "unknown_task")
        # the township's package 3 carries the visit and the report
        visit = _step(task, "visit", "2026-12-01", 900_301, people=["李调查", "王调查"])
        report = _step(task, "report", REPORTED_ON, 900_302, ref="420106001-SB-20261210-1")
        got = county.ingest(_package3(world, tmp_path, [visit, report]))
        assert got.format_version == FORMAT_VERSION and got.applied["task_stage"] == {"new": 2}
        with Session(county.engine) as s:
            # (the demo's own procedure steps came in package 1: only these two are new)
            rows = s.scalars(select(CountyRecord).where(
                CountyRecord.type == "task_stage",
                CountyRecord.uuid.in_([visit["uuid"], report["uuid"]]))).all()
            assert len(rows) == 2 and {r.task_uuid for r in rows} == {tid}
            assert {r.application_uuid for r in rows} == {task["application_uuid"]}
            item = s.scalar(select(CountyRecord).where(CountyRecord.type == "requested_item",
                                                       CountyRecord.uuid == tid))
            assert item is not None and item.task_uuid == tid
        # bad confirmations: named, nothing stored
        for kwargs, words in [
                (dict(outcome="refused", decided_on="2026-12-20"), "须写明理由"),
                (dict(outcome="refused", decided_on="2026-12-20", text="不符合条件",
                      amount_fen=100), "只用于确认给予"),
                (dict(outcome="approved", decided_on="2026-12-09"), "早于报县日期"),
                (dict(outcome="approved", decided_on="2026-12-20", period_from="2027-01-01",
                      period_to="2026-12-31"), "止日早于起日"),
                (dict(outcome="maybe", decided_on="2026-12-20"), "approved"),
                (dict(outcome="approved", decided_on="2026-02-30"), "不是日期")]:
            outcome, day = kwargs.pop("outcome"), kwargs.pop("decided_on")
            msg = _refused(county, lambda o=outcome, d=day, kw=kwargs: confirm(tid, o, d, **kw),
                           "confirmation_invalid")
            assert words in msg, (kwargs, msg)
        _refused(county, lambda: confirm(tid, "approved", "2026-12-20", text="同意\x00"),
                 "text_invalid")
        # recorded, corrected before it was sent
        first = confirm(tid, "approved", "2026-12-20", amount_fen=60000,
                        period_from="2027-01-01", period_to="2027-12-31",
                        document_number="某民审〔2026〕12号", text="同意")
        assert not first.replaced and first.township_code == world.code
        again = confirm(tid, "approved", "2026-12-21", amount_fen=65000,
                        period_from="2027-01-01", period_to="2027-12-31",
                        document_number="某民审〔2026〕13号", text="同意纳入低保")
        assert again.replaced
        assert county.townships()[0].pending_confirmations == 1
        out = tmp_path / "out"
        out.mkdir()
        ret = county.make_return(world.code, out)
        assert (ret is not None and ret.format_version == FORMAT_VERSION
                and ret.counts["confirmation"] == 1)
        with _open_return(world, ret.path) as pkg:
            assert list(pkg.iter_records("confirmation")) == [{
                "task_uuid": tid, "outcome": "approved", "decided_on": "2026-12-21",
                "amount_fen": 65000, "period_from": "2027-01-01", "period_to": "2027-12-31",
                "document_number": "某民审〔2026〕13号", "text": "同意纳入低保"}]
        assert county.townships()[0].pending_confirmations == 0
        # not twice
        msg = _refused(county, lambda: confirm(tid, "refused", "2026-12-22", text="撤销"),
                       "confirmation_invalid")
        assert "已确认过" in msg and "第 1 号返回包" in msg
        assert county.make_return(world.code, out) is None
    finally:
        county.close()


def test_a_task_already_decided_at_the_township_is_not_confirmed(world, tmp_path):
    task = _township_task(world)
    county = new_county(f"sqlite:///{tmp_path / 'c.sqlite3'}", world)
    try:
        county.ingest(world.packages[0])
        county.ingest(world.packages[1])
        report = _step(task, "report", REPORTED_ON, 900_301)
        county.ingest(_package3(world, tmp_path, [report]))
        # a paper reply typed at the township (source "paper") arrives first
        paper = _step(task, "county", "2026-12-15", 900_401, outcome="approved",
                      source="paper", amount_fen=60000)
        county.ingest(_package3(world, tmp_path, [paper], seq=4))
        msg = _refused(county, lambda: county.record_confirmation(
            task["uuid"], "approved", "2026-12-20"), "confirmation_invalid")
        assert "已有审核确认结果" in msg
    finally:
        county.close()


def test_a_corrected_report_still_counts_and_a_replaced_one_does_not(world, tmp_path):
    task = _township_task(world)
    county = new_county(f"sqlite:///{tmp_path / 'c.sqlite3'}", world)
    try:
        county.ingest(world.packages[0])
        county.ingest(world.packages[1])
        first = _step(task, "report", "2026-12-08", 900_301)
        fixed = _step(task, "report", REPORTED_ON, 900_302, replaces_uuid=first["uuid"])
        county.ingest(_package3(world, tmp_path, [first, fixed]))
        msg = _refused(county, lambda: county.record_confirmation(
            task["uuid"], "approved", "2026-12-09"), "confirmation_invalid")
        assert REPORTED_ON in msg          # the corrected report's day counts
        assert county.record_confirmation(task["uuid"], "approved", REPORTED_ON)
    finally:
        county.close()


def test_cli_confirm_records_and_refuses_in_one_line(world, tmp_path, capsys):
    task = _township_task(world)
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    county = new_county(db, world)
    try:
        county.ingest(world.packages[0])
        county.ingest(world.packages[1])
        county.ingest(_package3(world, tmp_path, [_step(task, "report", REPORTED_ON, 900_301)]))
    finally:
        county.close()
    common = ["--db", db, "--keys", str(world.county_keys)]
    logs = ["--data-dir", str(tmp_path / "logs")]
    assert cli.main([*logs, "confirm", *common, "--task", task["uuid"], "--outcome", "refused",
                     "--date", "2026-12-20"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不予确认须写明理由" in err
    assert cli.main([*logs, "confirm", *common, "--task", task["uuid"], "--outcome", "approved",
                     "--date", "2026-12-20", "--amount", "650.50", "--period-from", "2027-01-01",
                     "--period-to", "2027-12-31", "--document-number", "某民审〔2026〕12号",
                     "--text", "同意"]) == 0
    out = capsys.readouterr().out
    assert f"recorded confirmation approved for task {task['uuid']}" in out
    assert cli.main([*logs, "townships", *common]) == 0
    assert "confirmations to send 1" in capsys.readouterr().out
    ret = tmp_path / "ret"
    ret.mkdir()
    assert cli.main([*logs, "make-return", *common, "--township", world.code,
                     "--out", str(ret)]) == 0
    assert "confirmation 1" in capsys.readouterr().out
    [path] = ret.iterdir()
    with _open_return(world, path) as pkg:
        [rec] = pkg.iter_records("confirmation")
    assert (rec["amount_fen"], rec["document_number"]) == (65050, "某民审〔2026〕12号")
    log = (tmp_path / "logs" / "logs" / "county-receiver.log").read_text("utf-8")
    assert "confirm: township" in log and "同意" not in log and task["uuid"] not in log


def test_a_township_back_on_format_2_gets_the_confirmation_once_it_sends_format_3(
        world, tmp_path):
    """(A township restored to an older program.) The confirmation waits, named."""
    task = _township_task(world)
    county = new_county(f"sqlite:///{tmp_path / 'c.sqlite3'}", world)
    try:
        county.ingest(world.packages[0])
        county.ingest(world.packages[1])
        county.ingest(_package3(world, tmp_path, [_step(task, "report", REPORTED_ON, 900_301)]))
        county.record_confirmation(task["uuid"], "approved", "2026-12-20")
        old = build_export(tmp_path / "p4.twpkg", world, 4, {}, lo=900_400, hi=900_499,
                           version=2)
        assert county.ingest(old).format_version == 2
        out = tmp_path / "out"
        out.mkdir()
        ret = county.make_return(world.code, out)
        assert ret is not None and ret.format_version == 2
        assert ret.queued == {"confirmation": 1} and "still queued" in ret.message
        assert county.townships()[0].pending_confirmations == 1
        county.ingest(build_export(tmp_path / "p5.twpkg", world, 5, {}, lo=900_500,
                                   hi=900_599))
        ret = county.make_return(world.code, out)
        assert ret is not None and ret.counts["confirmation"] == 1 and ret.queued == {}
    finally:
        county.close()
