"""The county accepts sync format 1 and 2 (issue 12; and 3, issue 13 —
tests/county/test_county_confirmation.py): a version-1 package and then a
version-2 package of the same township are both ingested (SQLite, and PostgreSQL —
``slow``); version-1 records are stored lifted to the version-2 shape, so county queries
see one shape; the ingest result and the township list say which version a package had;
returns go out in the township's version, ``eligibility`` updates waiting queued for a
township still on version 1; ``county-receiver update eligibility FILE`` queues them."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver import cli
from county_receiver.models import CountyRecord
from desktop_app.core.rules.eligibility import DEFAULT_ENTRY
from sync_contract import envelope as env
from sync_contract.keys import KeyStore
from sync_contract.validation import validator
from sync_contract.versions import types_of
from tests.county.helpers import build_export, new_county, read_package

ENTRY = {**DEFAULT_ENTRY, "effective_from": "2027-01-01", "max_vehicles": 0}


def _v1_fields(type_: str) -> set[str]:
    return set(validator(f"v1/township-export.{type_}.schema.json").schema.schema["properties"])


def _as_v1(type_: str, rec: dict) -> dict:
    """A record as a township of format 1 wrote it (the fields of the v1 schema)."""
    out = {k: v for k, v in rec.items() if k in _v1_fields(type_)}
    if type_ == "application":
        out["incomes"] = [{k: v for k, v in line.items() if k != "counted"}
                          for line in rec["incomes"]]
    return out


def _as_v2(type_: str, rec: dict) -> dict:
    """A record as a township of format 2 wrote it (the fields of the v2 schema)."""
    keep = set(validator(f"v2/township-export.{type_}.schema.json").schema.schema["properties"])
    return {k: v for k, v in rec.items() if k in keep}


def _v2_package(world, n: int, path):
    """The world's real package ``n`` written again by the writer at format 2."""
    man, recs = read_package(world, world.packages[n - 1])
    old = {t: [_as_v2(t, r) for r in recs[t]] for t in types_of(env.TOWNSHIP_EXPORT, 2)}
    return build_export(path, world, n, old, lo=man["change_seq_from"], hi=man["change_seq_to"],
                        audit_head=man["audit_head"], version=2)


def _v1_package(world, n: int, path):
    """The world's real package ``n`` written again by the writer at format 1."""
    man, recs = read_package(world, world.packages[n - 1])
    old = {t: [_as_v1(t, r) for r in recs[t]] for t in types_of(env.TOWNSHIP_EXPORT, 1)}
    return build_export(path, world, n, old, lo=man["change_seq_from"], hi=man["change_seq_to"],
                        audit_head=man["audit_head"], version=1)


def _open_return(world, path):
    twk = world.township_keys
    county_key = KeyStore(world.county_keys).signing_key.public_key()
    return env.open_package(path, [twk.age_identity], [county_key], kind=env.COUNTY_RETURN,
                            township_code=world.code)


def _stored(county, type_: str) -> list[dict]:
    with Session(county.engine) as s:
        return [r.data for r in s.scalars(select(CountyRecord).where(CountyRecord.type == type_))]


def test_a_v1_then_a_v2_package_of_one_township_are_both_ingested(world, county_url, tmp_path):
    county = new_county(county_url, world)
    try:
        first = county.ingest(_v1_package(world, 1, tmp_path / "p1.twpkg"))
        assert (first.format_version, first.already_received) == (1, False)
        assert "格式版本 1" in first.message and "(format 1)" in first.message
        assert "related_person" not in first.applied
        # stored in the v2 shape: the v2 fields as migration 0008 gives old rows
        apps, members = _stored(county, "application"), _stored(county, "household_member")
        assert apps and members
        for rec in apps:
            env.validate_record(env.TOWNSHIP_EXPORT, "application", rec)
            assert (rec["counted_members"], rec["net_income_fen"], rec["residence_kind"],
                    rec["medical_reimbursed_fen"]) == (None, None, "hukou", 0)
            assert all(line["counted"] is None for line in rec["incomes"])
        for rec in members:
            env.validate_record(env.TOWNSHIP_EXPORT, "household_member", rec)
            assert rec["counted"] is True and rec["guardian"] is False
            assert rec["counted_reason"] == ("applicant" if rec["position"] == 0
                                             else "spouse" if rec["relation"] == "配偶" else "")
        [info] = county.townships()
        assert (info.last_package, info.format_version) == (1, 1)

        # a return to a v1 township: format 1; eligibility waits queued
        out = tmp_path / "out"
        out.mkdir()
        ret1 = county.make_return(world.code, out, updates={"eligibility": [ENTRY]})
        assert ret1 is not None and ret1.format_version == 1
        assert ret1.queued == {"eligibility": 1} and "still queued" in ret1.message
        assert "eligibility" not in ret1.counts and ret1.counts["ack"] == 1
        with _open_return(world, ret1.path) as pkg:
            assert pkg.version == 1 and pkg.manifest["format_version"] == 1
            assert list(pkg.iter_records("eligibility")) == []
        assert county.townships()[0].queued_updates == 1
        assert county.make_return(world.code, out) is None      # nothing new it can carry

        second = county.ingest(_v2_package(world, 2, tmp_path / "p2.twpkg"))
        assert (second.format_version, second.already_received) == (2, False)
        assert "(format 2)" in second.message
        [info] = county.townships()
        assert (info.last_package, info.format_version) == (2, 2)
        for rec in _stored(county, "application"):
            env.validate_record(env.TOWNSHIP_EXPORT, "application", rec)
        for rec in _stored(county, "requested_item"):    # lifted to v3: migration 0010's values
            env.validate_record(env.TOWNSHIP_EXPORT, "requested_item", rec)
            assert (rec["stage"], rec["extended_days"], rec["waiting_for"]) == (None, 0, "")

        ret2 = county.make_return(world.code, out)              # now it goes
        assert ret2 is not None and ret2.format_version == 2 and ret2.queued == {}
        assert ret2.counts["eligibility"] == 1 and ret2.counts["ack"] == 1
        with _open_return(world, ret2.path) as pkg:
            assert pkg.version == 2 and list(pkg.iter_records("eligibility")) == [ENTRY]
        assert county.townships()[0].queued_updates == 0
        assert county.make_return(world.code, out, updates={"eligibility": [ENTRY]}) is None

    finally:
        county.close()


def test_a_v1_package_replayed_is_already_received(world, tmp_path):
    county = new_county(f"sqlite:///{tmp_path / 'c.sqlite3'}", world)
    try:
        path = _v1_package(world, 1, tmp_path / "p1.twpkg")
        assert not county.ingest(path).already_received
        before = county.digest()
        replay = county.ingest(path)
        assert replay.already_received and replay.format_version == 1
        assert county.digest() == before
    finally:
        county.close()


def test_cli_update_queues_eligibility_and_refuses_a_bad_entry(world, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    new_county(db, world).close()
    common = ["--db", db, "--keys", str(world.county_keys)]
    logs = ["--data-dir", str(tmp_path / "logs")]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{**ENTRY, "effective_from": "2027-02-30"}]), "utf-8")
    assert cli.main([*logs, "update", *common, "--township", world.code, "eligibility",
                     str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "更新无效" in err and "effective_from" in err
    good = tmp_path / "good.json"
    good.write_text(json.dumps(ENTRY), "utf-8")                # one record is enough
    assert cli.main([*logs, "update", *common, "--township", world.code, "eligibility",
                     str(good)]) == 0
    out = capsys.readouterr().out
    assert "queued 1 eligibility" in out and "format 2" in out  # no package received yet
    assert cli.main([*logs, "townships", *common]) == 0
    assert "(format -)" in (text := capsys.readouterr().out) and "queued updates 1" in text
    # the same day queued again replaces it (not two)
    assert cli.main([*logs, "update", *common, "--township", world.code, "eligibility",
                     str(good)]) == 0
    with new_county(db, world, register=False) as county:
        assert county.townships()[0].queued_updates == 1
        assert county.return_version(world.code) == 1          # no package yet: format 1
