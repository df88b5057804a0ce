"""Sync format 4, type ``care_plan`` (issue 15, 特困 care): the township's export carries
the self-care assessments and 委托照料协议 recorded through ``services.care``; the package
decrypts with Debian ``age``, its manifest verifies with plain ``cryptography``, every
``care_plan`` line is valid against the v4 schema and names its application, task,
person and the record it replaces; the SQL-built lines equal the Python reference."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jsonschema import Draft202012Validator

from sync_contract import envelope as env
from sync_contract import versions
from tests.helpers.care import dispersed, tekun_task

from .test_export import age_decrypt
from .test_export_lines import _compare

SCHEMA = (Path(__file__).resolve().parents[2] / "sync_contract" / "schemas"
          / "township-export.care_plan.schema.json")


def _lines(zf: zipfile.ZipFile, type_: str) -> list[dict]:
    return [json.loads(x) for x in zf.read(f"data/{type_}.jsonl").splitlines()]


def _record(services, township) -> tuple[int, int]:
    app_id, task_id = tekun_task(services, township)
    services.care.record(task_id, dispersed(), township)
    services.care.record(task_id, dispersed(assessed_on="2026-11-24", starts_on="2026-12-05",
                                            caretaker_name="王建华", note="每周探视两次"),
                         township)
    return app_id, task_id


def test_care_plans_travel_in_a_v4_package(services, synced, county, tmp_path):
    assert "care_plan" in versions.ADDED_IN_4[versions.TOWNSHIP_EXPORT]
    app_id, task_id = _record(services, synced)
    out = tmp_path / "usb"
    out.mkdir()
    res = services.sync.export(out, synced)
    assert res.counts["care_plan"] == 2
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    pub_file = tmp_path / "township-public.json"
    services.sync.export_public_keys(pub_file)
    raw = base64.b64decode(json.loads(pub_file.read_text())["ed25519_public_key"])
    check = Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))
    with zipfile.ZipFile(inner) as zf:
        mbytes = zf.read("manifest.json")
        Ed25519PublicKey.from_public_bytes(raw).verify(zf.read("manifest.sig"), mbytes)
        assert json.loads(mbytes)["format_version"] == env.FORMAT_VERSION >= 4
        plans = sorted(_lines(zf, "care_plan"), key=lambda r: r["local_id"])
        items = {r["local_id"]: r for r in _lines(zf, "requested_item")}
        members = {r["uuid"] for r in _lines(zf, "household_member")}
    for rec in plans:
        check.validate(rec)
    first, second = plans
    task = items[task_id]
    assert (second["item_uuid"], second["application_uuid"]) == (task["uuid"],
                                                                task["application_uuid"])
    assert second["member_uuid"] in members
    assert second["replaces_uuid"] == first["uuid"] and first["replaces_uuid"] is None
    # the first agreement ends the day before the renewal starts (a new version of it)
    assert (first["ended_on"], first["version"]) == ("2026-12-04", 2)
    assert (second["level"], second["mode"], second["failed_count"]) == ("partial",
                                                                         "dispersed", 2)
    assert json.loads(second["indicators"])["bath"] is False
    assert second["services"] == ["watch", "daily", "hospital"]
    assert (second["starts_on"], second["ends_on"], second["amount_fen"]) == (
        "2026-12-05", "2027-12-04", 40_000)
    assert second["assessors"] == ["李四", "赵六"] and second["caretaker_name"] == "王建华"
    assert second["agreement_no"].endswith("-W2")


def test_sql_lines_equal_the_python_reference(services, synced):
    _record(services, synced)
    counts = _compare(str(services.ctx.db.data_dir / "township.sqlite3"))
    assert counts["care_plan"] == 2
