"""Sync format 2 (issue 12) at the township end: the export carries the household
economics (the stored income calculation, counted members and income lines, residence,
guardians) and the new record type ``related_person``; the text guard covers it; bad new
fields are refused naming the field, never the value; version-1 records are lifted to the
version-2 shape by one function; and a county-sent ``eligibility`` entry replaces the
township's setting as a ``standards`` entry does — or the whole return is refused."""

from __future__ import annotations

import base64
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jsonschema import Draft202012Validator
from sqlalchemy import select, text

from desktop_app.core.models import Application, Event, RelatedPerson
from desktop_app.core.services.auth import SYSTEM
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.upgrade import upgrade_record
from sync_contract.validation import validator
from tests.helpers.drafts import resident_id
from tests.helpers.sync import (
    all_members,
    craft,
    db_digest,
    fill,
    make_return,
    return_manifest,
    township_code,
)

from .test_export import age_decrypt

SCHEMAS = Path(__file__).resolve().parents[2] / "sync_contract" / "schemas"
SECRET = "绝密"            # in every bad value; never in a message
SUPPORTER_ID = resident_id(date(1985, 3, 2), seed=301)
GUARDIAN_ID = resident_id(date(1979, 8, 9), male=False, seed=302)


def _household(services, township) -> tuple[int, int]:
    """Two applications; the first with the issue-12 facts set as the intake will store
    them (two related persons, counted/excluded lines, the calculation), the second with
    the calculation NULL ("recorded before the calculation was stored")."""
    first, second = fill(services, township, 2)
    with services.ctx.db.transaction() as s:
        app = s.get(Application, first)
        assert app is not None
        app.counted_members, app.excluded_income_fen, app.deduction_fen = 1, 45000, 20000
        app.net_income_fen, app.net_per_capita_fen, app.topup_fen = 30000, 30000, 36000
        app.standards_from, app.eligibility_from = date(2026, 1, 1), date(2021, 1, 1)
        app.medical_reimbursed_fen = 12000
        app.residence_kind, app.residence_address = "permit", "某市某区幸福路 8 号"
        app.residence_permit_no = "JZZ-420106-0001"
        incomes = sorted(app.incomes, key=lambda i: i.category)
        incomes[0].counted, incomes[1].counted = True, False
        member = app.members[1]
        member.counted, member.counted_reason, member.guardian = False, "living_apart", True
        app.related.append(RelatedPerson(
            position=0, name="王大山", relation="子", id_type="RESIDENT_ID",
            id_number=SUPPORTER_ID, phone="13800000001", address="广东省深圳市宝安区",
            supporter=True, guardian=False, household_size=4, monthly_income_fen=180000,
            able=False, unable_reason="low_income", note="在外务工\n每月寄钱"))
        app.related.append(RelatedPerson(
            position=1, name="欧阳娜仁托娅" * 3, relation="其他亲属", id_type="RESIDENT_ID",
            id_number=GUARDIAN_ID, supporter=False, guardian=True))
        other = s.get(Application, second)
        assert other is not None
        other.counted_members = other.net_income_fen = other.topup_fen = None
        other.standards_from = other.eligibility_from = None
        for line in other.incomes:
            line.counted = None
    return first, second


def _lines(zf: zipfile.ZipFile, type_: str) -> list[dict]:
    return [json.loads(x) for x in zf.read(f"data/{type_}.jsonl").splitlines()]


def test_v2_export_decrypts_with_age_verifies_with_cryptography_and_carries_the_new_fields(
        services, synced, county, tmp_path):
    first, second = _household(services, synced)
    out = tmp_path / "usb"
    out.mkdir()
    res = services.sync.export(out, synced)
    assert res.counts["related_person"] == 2
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    pub_file = tmp_path / "township-public.json"
    services.sync.export_public_keys(pub_file)
    raw = base64.b64decode(json.loads(pub_file.read_text())["ed25519_public_key"])
    with zipfile.ZipFile(inner) as zf:
        mbytes = zf.read("manifest.json")
        Ed25519PublicKey.from_public_bytes(raw).verify(zf.read("manifest.sig"), mbytes)
        manifest = json.loads(mbytes)
        assert manifest["format_version"] == env.FORMAT_VERSION      # 3 since issue 13
        assert "data/related_person.jsonl" in zf.namelist()
        for name in zf.namelist():                # every line valid against the v2 schemas
            if name.endswith(".jsonl"):
                type_ = name[5:-6]
                schema = json.loads((SCHEMAS / f"township-export.{type_}.schema.json").read_text())
                assert schema["$id"].endswith(
                    f"/sync/v{env.FORMAT_VERSION}/township-export.{type_}.schema.json")
                check = Draft202012Validator(schema)
                for rec in _lines(zf, type_):
                    check.validate(rec)
        apps = {a["local_id"]: a for a in _lines(zf, "application")}
        members = _lines(zf, "household_member")
        people = sorted(_lines(zf, "related_person"), key=lambda p: p["position"])
    a = apps[first]
    assert {k: a[k] for k in ("counted_members", "excluded_income_fen", "deduction_fen",
                              "net_income_fen", "net_per_capita_fen", "topup_fen",
                              "standards_from", "eligibility_from", "medical_reimbursed_fen",
                              "residence_kind", "residence_address", "residence_permit_no")} == {
        "counted_members": 1, "excluded_income_fen": 45000, "deduction_fen": 20000,
        "net_income_fen": 30000, "net_per_capita_fen": 30000, "topup_fen": 36000,
        "standards_from": "2026-01-01", "eligibility_from": "2021-01-01",
        "medical_reimbursed_fen": 12000, "residence_kind": "permit",
        "residence_address": "某市某区幸福路 8 号", "residence_permit_no": "JZZ-420106-0001"}
    assert [line["counted"] for line in a["incomes"]] == [True, False]
    b = apps[second]       # copied as stored: NULL = recorded before the calculation
    assert (b["counted_members"], b["net_income_fen"], b["topup_fen"], b["standards_from"],
            b["eligibility_from"]) == (None, None, None, None, None)
    assert all(line["counted"] is None for line in b["incomes"])
    moved = [m for m in members if m["application_uuid"] == a["uuid"] and m["position"] == 1]
    assert [(m["counted"], m["counted_reason"], m["guardian"]) for m in moved] == [
        (False, "living_apart", True)]
    assert [(p["application_uuid"], p["name"], p["id_number"], p["supporter"], p["guardian"],
             p["able"], p["household_size"], p["monthly_income_fen"], p["note"])
            for p in people] == [
        (a["uuid"], "王大山", SUPPORTER_ID, True, False, False, 4, 180000, "在外务工\n每月寄钱"),
        (a["uuid"], "欧阳娜仁托娅" * 3, GUARDIAN_ID, False, True, None, None, None, "")]
    # the kept copy and its record count the new type (re-export / re-offer / settle)
    kept = json.loads((services.sync.kept.record_path(township_code(services), 1)).read_text())
    assert kept["counts"]["related_person"] == 2
    assert services.sync.log()[0].counts["related_person"] == 2


def test_sql_lines_of_the_new_fields_equal_the_python_reference(services, synced):
    import sqlite3

    from desktop_app.core.services.sync import export as exp

    _household(services, synced)
    con = sqlite3.connect(f"file:{services.ctx.db.data_dir / 'township.sqlite3'}?mode=ro", uri=True)
    try:
        hi = exp.change_counter(con)
        for type_ in ("application", "household_member", "related_person"):
            fast = [line for chunk in exp.iter_records(con, type_, 1, hi) for line in chunk.lines]
            ref = [env.canonical_json(r) for r in exp.iter_record_dicts(con, type_, 1, hi)]
            assert fast == ref and fast, type_
    finally:
        con.close()


def test_a_related_person_stored_without_the_text_rule_stops_the_export(
        services, synced, tmp_path):
    _household(services, synced)
    with services.ctx.db.transaction() as s:   # as a path that did not clean it could
        s.execute(text("UPDATE related_person SET address = '深圳' || char(7) || :s "
                       "WHERE position = 0"), {"s": SECRET})
    before = db_digest(services.ctx.db.data_dir)
    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(PackageError) as caught:
        services.sync.export(out, synced)
    err = caught.value
    assert err.reason == "text_invalid" and "related_person" in err.message
    assert "/address" in err.message and SECRET not in err.message
    assert list(out.iterdir()) == [] and services.sync.log() == []
    assert db_digest(services.ctx.db.data_dir) == before


# -- bad new fields ---------------------------------------------------------------------
GOOD_PERSON = {
    "uuid": "5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", "version": 1, "change_seq": 1,
    "local_id": 1, "application_uuid": "5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2e", "position": 0,
    "name": "王大山", "relation": "子", "id_type": "RESIDENT_ID", "id_number": SUPPORTER_ID,
    "no_id_reason": "", "phone": "", "address": "", "supporter": True, "guardian": False,
    "household_size": None, "monthly_income_fen": None, "able": None, "unable_reason": "",
    "note": ""}


@pytest.mark.parametrize(("type_", "change", "field", "reason"), [
    ("related_person", {"able": SECRET}, "/able", "schema_invalid"),
    ("related_person", {"id_number": SECRET * 30}, "/id_number", "schema_invalid"),
    ("related_person", {"household_size": -1}, "/household_size", "schema_invalid"),
    ("related_person", {"name": SECRET + "\x07"}, "/name", "text_invalid"),
    ("related_person", {"note": "\u0301" + SECRET}, "/note", "text_invalid"),
    ("related_person", {"secret_field": SECRET}, "(record)", "schema_invalid"),
    ("related_person", {"guardian": None}, "/guardian", "schema_invalid"),
    ("application", {"counted_members": SECRET}, "/counted_members", "schema_invalid"),
    ("application", {"topup_fen": -5}, "/topup_fen", "schema_invalid"),
    ("application", {"standards_from": SECRET}, "/standards_from", "schema_invalid"),
    ("application", {"residence_address": SECRET + "\n" + SECRET}, "/residence_address",
     "text_invalid"),
    ("application", {"residence_permit_no": SECRET * 30}, "/residence_permit_no",
     "schema_invalid"),
    ("application", {"incomes": [{"category": "wage", "monthly_fen": 1, "counted": SECRET}]},
     "/incomes/0/counted", "schema_invalid"),
    ("household_member", {"counted": SECRET}, "/counted", "schema_invalid"),
    ("household_member", {"counted_reason": SECRET * 10}, "/counted_reason", "schema_invalid"),
])
def test_bad_new_fields_are_refused_naming_the_field_never_the_value(
        type_, change, field, reason, world_records):
    rec = {**world_records[type_], **change}
    with pytest.raises(PackageError) as caught:
        env.validate_record(env.TOWNSHIP_EXPORT, type_, rec)
    err = caught.value
    assert err.reason == reason, err.message
    assert f"field {field}" in err.message and SECRET not in err.message


def test_a_v2_field_is_refused_in_a_v1_record(world_records):
    """A version-1 package keeps the version-1 contract: no field of version 2."""
    rec = dict(world_records["household_member"])
    with pytest.raises(PackageError) as caught:
        env.validate_record(env.TOWNSHIP_EXPORT, "household_member", rec, 1)
    assert caught.value.reason == "schema_invalid"
    for name in ("counted", "counted_reason", "guardian"):
        del rec[name]
    env.validate_record(env.TOWNSHIP_EXPORT, "household_member", rec, 1)
    with pytest.raises(PackageError):
        env.validate_record(env.TOWNSHIP_EXPORT, "household_member", rec)   # v2 needs them


@pytest.fixture
def world_records(services, synced) -> dict[str, dict]:
    """One valid v2 record per type of interest, from a real export's lines."""
    from desktop_app.core.services.sync import export as exp
    from desktop_app.core.services.sync.service import _dbapi

    _household(services, synced)
    out: dict[str, dict] = {}
    with services.ctx.db.read() as s:
        raw = _dbapi(s)
        hi = exp.change_counter(raw)
        for type_ in ("application", "household_member", "related_person"):
            out[type_] = next(exp.iter_record_dicts(raw, type_, 1, hi))
            env.validate_record(env.TOWNSHIP_EXPORT, type_, out[type_])
    return out


# -- upgrade_record ---------------------------------------------------------------------
V1_MEMBER = {"uuid": "u", "position": 0, "relation": "本人", "name": "张三"}


@pytest.mark.parametrize(("type_", "record", "expected"), [
    ("household_member", V1_MEMBER,
     {**V1_MEMBER, "counted": True, "counted_reason": "applicant", "guardian": False}),
    ("household_member", {**V1_MEMBER, "position": 1, "relation": "配偶"},
     {**V1_MEMBER, "position": 1, "relation": "配偶", "counted": True,
      "counted_reason": "spouse", "guardian": False}),
    ("household_member", {**V1_MEMBER, "position": 2, "relation": "子女"},
     {**V1_MEMBER, "position": 2, "relation": "子女", "counted": True, "counted_reason": "",
      "guardian": False}),
    ("application", {"uuid": "a", "incomes": [{"category": "wage", "monthly_fen": 5}]},
     {"uuid": "a", "incomes": [{"category": "wage", "monthly_fen": 5, "counted": None}],
      "counted_members": None, "excluded_income_fen": None, "deduction_fen": None,
      "net_income_fen": None, "net_per_capita_fen": None, "topup_fen": None,
      "standards_from": None, "eligibility_from": None, "medical_reimbursed_fen": 0,
      "residence_kind": "hukou", "residence_address": "", "residence_permit_no": "",
      "houses": None}),
    ("village", {"uuid": "v", "name": "石桥村"}, {"uuid": "v", "name": "石桥村"}),
    ("event", {"seq": 1, "detail": "{}"}, {"seq": 1, "detail": "{}"}),
])
def test_upgrade_record_fills_the_v2_fields_as_migration_0008_does(type_, record, expected):
    frozen = json.dumps(record, sort_keys=True)
    assert upgrade_record(type_, record, 1) == expected
    assert json.dumps(record, sort_keys=True) == frozen         # the input is not changed
    assert upgrade_record(type_, expected, 2) == expected       # v2 as it is


def test_upgrade_record_refuses_an_unknown_version():
    with pytest.raises(ValueError):
        upgrade_record("village", {}, 6)


def test_a_real_v1_record_upgraded_is_a_valid_v2_record(world_records):
    v1 = validator("v1/township-export.application.schema.json").schema.schema
    for type_ in ("application", "household_member"):
        rec = world_records[type_]
        keep = set(validator(f"v1/township-export.{type_}.schema.json").schema.schema["properties"])
        old = {k: v for k, v in rec.items() if k in keep}
        if type_ == "application":
            old["incomes"] = [{k: v for k, v in line.items() if k != "counted"}
                              for line in rec["incomes"]]
            assert "counted_members" in rec and "counted_members" not in v1["properties"]
        env.validate_record(env.TOWNSHIP_EXPORT, type_, old, 1)
        env.validate_record(env.TOWNSHIP_EXPORT, type_, upgrade_record(type_, old, 1))


# -- county-sent eligibility --------------------------------------------------------------
def _settings_events(services) -> list[dict]:
    with services.ctx.db.read() as s:
        return [json.loads(e.detail) for e in s.scalars(
            select(Event).where(Event.action == "settings.change").order_by(Event.seq))]


def _entry(**over) -> dict:
    from desktop_app.core.rules.eligibility import DEFAULT_ENTRY

    return {**DEFAULT_ENTRY, "effective_from": "2027-01-01", **over}


def test_a_return_with_eligibility_entries_replaces_the_setting_like_standards(
        services, synced, county, tmp_path):
    old = services.settings.get("eligibility")
    new = _entry(excluded_incomes=["allowance", "basic_pension", "assistance"], max_vehicles=0)
    same_day = _entry(effective_from=old[0]["effective_from"], elderly_age=65)
    ret = make_return(tmp_path / "r1.twret", services, county, 1,
                      {"eligibility": [new, same_day]})
    res = services.sync.import_package(ret, SYSTEM)
    assert res.applied["eligibility"] == 2 and res.changes.settings
    stored = services.settings.get("eligibility")
    assert [e["effective_from"] for e in stored] == [old[0]["effective_from"], "2027-01-01"]
    assert stored[0]["elderly_age"] == 65            # the local entry of that day replaced
    assert stored[1]["excluded_incomes"] == ["allowance", "basic_pension", "assistance"]
    assert stored[1]["max_vehicles"] == 0
    event = [e for e in _settings_events(services) if e.get("key") == "eligibility"][-1]
    assert event["old"] == old and event["new"] == stored and event["return_package"] == 1
    assert services.assessment.policy_on(date(2027, 3, 1)).max_vehicles == 0


@pytest.mark.parametrize("bad", [
    {"effective_from": "2027-02-30"},               # not a calendar day (the schema's pattern holds)
    {"elderly_age": 120},
    {"excluded_incomes": ["lottery"]},
    {"incapable_grades": {"智力": 9}},
])
def test_a_return_with_a_bad_eligibility_entry_is_refused_whole(
        services, synced, county, tmp_path, bad):
    task_free = {"village": [{"code": township_code(services)[:9] + "299", "name": "新村",
                              "valid_from": None, "valid_to": None}]}
    ret = make_return(tmp_path / "r1.twret", services, county, 1,
                      {"eligibility": [_entry(), {**_entry(effective_from="2028-01-01"), **bad}],
                       **task_free})
    data = services.ctx.db.data_dir
    before = db_digest(data)
    with pytest.raises(PackageError) as caught:
        services.sync.import_package(ret, SYSTEM)
    err = caught.value
    if "effective_from" in bad:
        assert err.reason == "update_invalid" and "eligibility 第 2 条" in err.message
    else:       # the schema (checked first, by the envelope) already refuses it
        assert err.reason in ("update_invalid", "schema_invalid")
        assert "eligibility" in err.message
    assert "\n" not in err.message
    assert db_digest(data) == before                  # nothing applied, not even the village


def test_the_township_reads_a_version_1_return(services, synced, county, tmp_path):
    """A county not updated yet (or answering in the township's last version) sends
    format 1: read and applied; a v1 return can never carry ``eligibility``."""
    exported = services.sync.export(tmp_path, synced) if services.sync.has_changes() else None
    code = township_code(services)
    records = {"village": [{"code": code[:9] + "299", "name": "新建社区", "valid_from": None,
                            "valid_to": None}]}
    if exported is not None:
        records["ack"] = [{"package_seq": 1, "sha256": exported.digest}]
    ret = make_return(tmp_path / "r1.twret", services, county, 1, records, version=1)
    res = services.sync.import_package(ret, SYSTEM)
    assert res.applied["village"] == 1 and res.applied["eligibility"] == 0
    with pytest.raises(ValueError):                   # the writer refuses the type in v1
        make_return(tmp_path / "r2.twret", services, county, 2, {"eligibility": [_entry()]},
                    version=1)
    # a crafted v1 return with an eligibility member is refused by the reader
    members = all_members({env.member_name("eligibility"): env.canonical_json(_entry()) + b"\n"})
    man = return_manifest(services, county, 2, members, format_version=1)
    bad = craft(tmp_path / "r2b.twret", man, members, signing_key=county.signing_key,
                recipient=services.sync.keys.age_recipient)
    with pytest.raises(PackageError) as caught:
        services.sync.import_package(bad, SYSTEM)
    assert caught.value.reason == "manifest_invalid"


def test_unknown_versions_stay_unsupported(services, synced, county, tmp_path):
    members = all_members({})
    services.sync.keys.ensure()
    for version in (0, 6, True, "2", 2.0):
        man = return_manifest(services, county, 1, members, format_version=version)
        path = craft(tmp_path / f"r-{version!s}.twret", man, members,
                     signing_key=county.signing_key, recipient=services.sync.keys.age_recipient)
        with pytest.raises(PackageError) as caught:
            services.sync.import_package(path, SYSTEM)
        assert caught.value.reason == "unsupported_version", version
        assert "reads twsync 1, 2, 3, 4 and 5" in caught.value.message


def test_every_schema_file_names_its_version():
    for path in SCHEMAS.glob("*.schema.json"):
        sid = json.loads(path.read_text())["$id"]
        if path.name != "public-keys.schema.json":
            assert f"/sync/v5/{path.name}" in sid, path.name
    for path in (SCHEMAS / "v4").glob("*.schema.json"):
        assert f"/sync/v4/{path.name}" in json.loads(path.read_text())["$id"]
    for path in (SCHEMAS / "v3").glob("*.schema.json"):
        assert f"/sync/v3/{path.name}" in json.loads(path.read_text())["$id"]
    for path in (SCHEMAS / "v2").glob("*.schema.json"):
        assert f"/sync/v2/{path.name}" in json.loads(path.read_text())["$id"]
    for path in (SCHEMAS / "v1").glob("*.schema.json"):
        assert f"/sync/v1/{path.name}" in json.loads(path.read_text())["$id"]
