"""Sync format 3 (issue 13) at the township end: the export carries the procedure steps
(``task_stage``), the 备用金 ledger (``reserve_entry``, ``reserve_batch``) and the task's
procedure clocks on ``requested_item``; the package decrypts with Debian ``age``, its
manifest verifies with plain ``cryptography``, every line is valid against the v3
schemas, the SQL-built lines equal the Python reference, and older records are lifted
to the v3 shape with the values the township's migration 0010 gives old rows."""

from __future__ import annotations

import base64
import json
import sqlite3
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jsonschema import Draft202012Validator
from sqlalchemy import select

from desktop_app.core.models import (
    Application,
    EmergencyAid,
    RequestedItem,
    ReserveBatch,
    ReserveEntry,
    Staff,
    TaskStage,
    Village,
)
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.upgrade import REQUESTED_ITEM_V3_DEFAULTS, V4_NEW_FIELDS, upgrade_record
from sync_contract.validation import validator
from tests.helpers.sync import fill

from .test_export import age_decrypt
from .test_export_lines import _compare

SCHEMAS = Path(__file__).resolve().parents[2] / "sync_contract" / "schemas"
NEW_TYPES = ("reserve_batch", "reserve_entry", "task_stage")


def _casework(services) -> dict[str, int]:
    """One accepted 低保 task with its clocks set, three procedure steps (a visit by two
    people with multi-line findings, a 核对 with its report number, a 公示 in a village
    with objections in ``details``; the 核对 corrected by a second row), and a 备用金
    ledger: money received, a payment for a 先行救助, both in a 报账 batch."""
    with services.ctx.db.transaction() as s:
        task = s.scalar(select(RequestedItem).where(RequestedItem.item_code == "DIBAO",
                                                    RequestedItem.task_status.is_not(None))
                        .order_by(RequestedItem.id).limit(1))
        assert task is not None
        staff = s.scalar(select(Staff).order_by(Staff.id).limit(1))
        village = s.scalar(select(Village).order_by(Village.id).limit(1))
        assert staff is not None and village is not None
        task.stage, task.stage_due, task.stage_due_provisional = "check", date(2026, 12, 15), True
        task.extended_days, task.notice_due, task.waiting_for = 15, date(2026, 12, 3), "DIBAO"
        task.first_aid_due_at = datetime(2026, 11, 25, 2, 0, 0)
        common = dict(application_id=task.application_id, item_id=task.id,
                      recorded_by_id=staff.id)
        visit = TaskStage(stage="visit", started_on=date(2026, 11, 25),
                          done_on=date(2026, 11, 25), due_date=date(2026, 12, 15),
                          people=json.dumps(["李调查", "王调查"], ensure_ascii=False),
                          text="家中无劳动力\n房屋漏雨", **common)
        check = TaskStage(stage="check", started_on=date(2026, 11, 26), ref="HD-2026-0001",
                          outcome="match", **common)
        s.add_all([visit, check])
        s.flush()
        fixed = TaskStage(stage="check", started_on=date(2026, 11, 26),
                          done_on=date(2026, 11, 30), ref="HD-2026-0001", outcome="discrepancy",
                          text="存款与申报不符，已说明", replaces_id=check.id, **common)
        publicity = TaskStage(stage="publicity", started_on=date(2026, 12, 1),
                              ends_on=date(2026, 12, 7), village_id=village.id,
                              details=json.dumps({"objections": "无", "resolution": ""},
                                                 ensure_ascii=False), **common)
        s.add_all([fixed, publicity])
        aid = EmergencyAid(application_id=task.application_id, item_id=task.id,
                           number="XJ-2026-1", amount_fen=50000, method="现金", cause="火灾",
                           paid_on=date(2026, 11, 24), paperwork_due=date(2026, 12, 1),
                           recorded_by_id=staff.id)
        s.add(aid)
        s.flush()
        batch = ReserveBatch(number="BZ-2026-1", submitted_on=date(2026, 11, 30),
                             total_fen=50000, text="十一月报账", recorded_by_id=staff.id)
        s.add(batch)
        s.flush()
        s.add_all([
            ReserveEntry(number="BY-2026-1", kind="receipt", amount_fen=1_000_000,
                         on=date(2026, 11, 1), text="县财政拨入", recorded_by_id=staff.id),
            ReserveEntry(number="BY-2026-2", kind="payment", amount_fen=50000,
                         on=date(2026, 11, 24), application_id=task.application_id,
                         item_id=task.id, emergency_aid_id=aid.id, batch_id=batch.id,
                         recorded_by_id=staff.id)])
        s.flush()
        return {"task": task.id, "check": check.id, "village": village.id, "staff": staff.id}


def _lines(zf: zipfile.ZipFile, type_: str) -> list[dict]:
    return [json.loads(x) for x in zf.read(f"data/{type_}.jsonl").splitlines()]


def test_v3_export_decrypts_with_age_verifies_with_cryptography_and_carries_the_casework(
        services, synced, county, tmp_path):
    fill(services, synced, 2)
    ids = _casework(services)
    out = tmp_path / "usb"
    out.mkdir()
    res = services.sync.export(out, synced)
    assert (res.counts["task_stage"], res.counts["reserve_entry"],
            res.counts["reserve_batch"]) == (4, 2, 1)
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    pub_file = tmp_path / "township-public.json"
    services.sync.export_public_keys(pub_file)
    raw = base64.b64decode(json.loads(pub_file.read_text())["ed25519_public_key"])
    with zipfile.ZipFile(inner) as zf:
        mbytes = zf.read("manifest.json")
        Ed25519PublicKey.from_public_bytes(raw).verify(zf.read("manifest.sig"), mbytes)
        manifest = json.loads(mbytes)
        assert manifest["format_version"] == env.FORMAT_VERSION     # 3's types in every later one
        for type_ in NEW_TYPES:
            assert f"data/{type_}.jsonl" in zf.namelist()
        for name in zf.namelist():                # every line valid against the v3 schemas
            if name.endswith(".jsonl"):
                type_ = name[5:-6]
                schema = json.loads((SCHEMAS / f"township-export.{type_}.schema.json").read_text())
                assert schema["$id"].endswith(
                    f"/sync/v{env.FORMAT_VERSION}/township-export.{type_}.schema.json")
                check = Draft202012Validator(schema)
                for rec in _lines(zf, type_):
                    check.validate(rec)
        items = {r["local_id"]: r for r in _lines(zf, "requested_item")}
        stages = {r["local_id"]: r for r in _lines(zf, "task_stage")}
        entries = {r["number"]: r for r in _lines(zf, "reserve_entry")}
        [batch] = _lines(zf, "reserve_batch")
        aids = {r["local_id"]: r for r in _lines(zf, "emergency_aid")}
        villages = {r["local_id"]: r for r in _lines(zf, "village")}
        staff = {r["local_id"]: r for r in _lines(zf, "staff")}
    task = items[ids["task"]]
    assert {k: task[k] for k in REQUESTED_ITEM_V3_DEFAULTS} == {
        "stage": "check", "stage_due": "2026-12-15", "stage_due_provisional": True,
        "extended_days": 15, "first_aid_due_at": "2026-11-25T02:00:00.000000",
        "notice_due": "2026-12-03", "waiting_for": "DIBAO", "waiting_refused_on": None}
    referred = [r for r in items.values() if r["handler_code"] != "TOWNSHIP"]
    assert referred and all(r["stage"] is None and r["extended_days"] == 0
                            and r["waiting_for"] == "" for r in referred)
    by_stage = sorted(stages.values(), key=lambda r: r["local_id"])
    assert [r["stage"] for r in by_stage] == ["visit", "check", "check", "publicity"]
    visit, old, fixed, publicity = by_stage
    for rec in by_stage:
        assert (rec["item_uuid"], rec["application_uuid"]) == (task["uuid"],
                                                              task["application_uuid"])
        assert rec["recorded_by_uuid"] == staff[ids["staff"]]["uuid"]
        assert rec["source"] == "township"
    assert visit["people"] == ["李调查", "王调查"] and visit["text"] == "家中无劳动力\n房屋漏雨"
    assert (visit["started_on"], visit["done_on"], visit["due_date"]) == (
        "2026-11-25", "2026-11-25", "2026-12-15")
    assert fixed["replaces_uuid"] == old["uuid"] and old["replaces_uuid"] is None
    assert (fixed["ref"], fixed["outcome"]) == ("HD-2026-0001", "discrepancy")
    assert publicity["village_uuid"] == villages[ids["village"]]["uuid"]
    assert json.loads(publicity["details"]) == {"objections": "无", "resolution": ""}
    assert visit["details"] == "{}" and visit["amount_fen"] is None
    paid = entries["BY-2026-2"]
    [aid] = aids.values()
    assert (paid["kind"], paid["amount_fen"], paid["on"], paid["item_uuid"],
            paid["application_uuid"], paid["emergency_aid_uuid"], paid["batch_uuid"]) == (
        "payment", 50000, "2026-11-24", task["uuid"], task["application_uuid"], aid["uuid"],
        batch["uuid"])
    got = entries["BY-2026-1"]
    assert (got["kind"], got["application_uuid"], got["item_uuid"], got["batch_uuid"]) == (
        "receipt", None, None, None)
    assert (batch["number"], batch["total_fen"], batch["reimbursed_on"], batch["text"]) == (
        "BZ-2026-1", 50000, None, "十一月报账")


def test_sql_lines_of_the_new_types_equal_the_python_reference(services, synced):
    fill(services, synced, 2)
    ids = _casework(services)
    path = str(services.ctx.db.data_dir / "township.sqlite3")
    con = sqlite3.connect(path)
    with con:                  # values SQLite would render otherwise go to the reference
        con.execute("UPDATE task_stage SET amount_fen = 1.5, people = 'not json' "
                    "WHERE id = ?", (ids["check"],))
        con.execute("UPDATE requested_item SET first_aid_due_at = '2026-11-25 02:00:00', "
                    "extended_days = 2.0 WHERE id = ?", (ids["task"],))
    con.close()
    counts = _compare(path)
    assert (counts["task_stage"], counts["reserve_entry"], counts["reserve_batch"]) == (4, 2, 1)


def test_a_stored_step_breaking_the_text_rule_stops_the_export_naming_it(
        services, synced, tmp_path):
    fill(services, synced, 1)
    ids = _casework(services)
    with services.ctx.db.transaction() as s:
        row = s.get(TaskStage, ids["check"])
        assert row is not None
        row.ref = "HD\n0001"           # a one-line field with a line break
        uuid = row.uuid
    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(PackageError) as caught:
        services.sync.export(out, synced)
    assert caught.value.reason == "text_invalid"
    assert f"task_stage {uuid}" in caught.value.message and "/ref" in caught.value.message
    assert list(out.iterdir()) == []


# -- upgrade of older records -----------------------------------------------------------
def _fields(version: int, type_: str) -> set[str]:
    return set(validator(f"v{version}/township-export.{type_}.schema.json")
               .schema.schema["properties"])


def test_v1_and_v2_requested_items_upgraded_are_valid_v3_records_with_0010_values(
        services, synced):
    fill(services, synced, 1)
    from desktop_app.core.services.sync import export as exp
    con = sqlite3.connect(str(services.ctx.db.data_dir / "township.sqlite3"))
    try:
        # a referred item: no procedure, so its clocks are what 0010 gives an old row
        current = next(r for r in exp.iter_record_dicts(con, "requested_item", 1,
                                                         exp.change_counter(con))
                       if r["handler_code"] != "TOWNSHIP")
    finally:
        con.close()
    for version in (1, 2):
        old = {k: v for k, v in current.items() if k in _fields(version, "requested_item")}
        assert "stage" not in old
        env.validate_record(env.TOWNSHIP_EXPORT, "requested_item", old, version)
        up = upgrade_record("requested_item", old, version)
        env.validate_record(env.TOWNSHIP_EXPORT, "requested_item", up)
        # a row from before migration 0010 exports exactly this
        assert up == current
    with pytest.raises(PackageError):      # and a v2 reader refuses a v3 field
        env.validate_record(env.TOWNSHIP_EXPORT, "requested_item", current, 2)


def test_the_upgrade_leaves_other_types_and_the_input_alone():
    rec = {"uuid": "x", "kind": "receipt"}
    assert upgrade_record("village", rec, 2) == rec
    item = {"uuid": "x"}
    assert upgrade_record("requested_item", item, 2) == {"uuid": "x",
                                                         **REQUESTED_ITEM_V3_DEFAULTS,
                                                         **V4_NEW_FIELDS["requested_item"]}
    assert item == {"uuid": "x"}
    assert upgrade_record("requested_item", {"uuid": "x", "stage": "visit"}, 3) == {
        "uuid": "x", "stage": "visit", **V4_NEW_FIELDS["requested_item"]}
    current = {"uuid": "x", "stage": "visit", "provider_uuid": None}
    assert upgrade_record("requested_item", current, env.FORMAT_VERSION) == current


def test_version_3_types_and_schemas():
    assert env.FORMAT_VERSION >= 3 and 3 in env.SUPPORTED_VERSIONS
    for type_ in NEW_TYPES:
        assert type_ in env.types_of(env.TOWNSHIP_EXPORT, 3)
        assert type_ in env.types_of(env.TOWNSHIP_EXPORT)
        assert type_ not in env.types_of(env.TOWNSHIP_EXPORT, 2)
    assert "confirmation" in env.types_of(env.COUNTY_RETURN, 3)
    assert "confirmation" in env.types_of(env.COUNTY_RETURN)
    assert "confirmation" not in env.types_of(env.COUNTY_RETURN, 2)
    assert env.schema_name(env.TOWNSHIP_EXPORT, "application", 2) == (
        "v2/township-export.application.schema.json")
    # the archived v2 schemas are the ones of this morning: no v3 field in them
    assert "stage" not in _fields(2, "requested_item")
    assert not (SCHEMAS / "v2" / "township-export.task_stage.schema.json").exists()


def test_application_model_is_untouched_by_format_3(services, synced):
    """(Guard: format 3 changes no application field.)"""
    fill(services, synced, 1)
    with services.ctx.db.read() as s:
        assert s.scalar(select(Application.id)) is not None
    assert _fields(2, "application") == set(
        validator("township-export.application.schema.json").schema.schema["properties"])
