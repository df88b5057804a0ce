"""The county after the format-4 bump (issue 15, docs/county.md): a township still on
format 3 goes on sending packages that ingest (SQLite, and PostgreSQL — ``slow``), its
records stored lifted to the format-4 shape (``requested_item.provider_uuid`` null) and
answered in format 3; its next package may be format 4. Records of the types new in
format 4 are attached to their application (``application_uuid``) and task
(``item_uuid``) whatever their type, and ``townships`` counts them per type."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver import cli
from county_receiver import receiver as rcv
from county_receiver.models import CountyRecord, RegisteredTownship
from sync_contract import envelope as env
from sync_contract.keys import KeyStore
from sync_contract.upgrade import V4_NEW_FIELDS
from sync_contract.validation import validator
from sync_contract.versions import FORMAT_VERSION, types_of
from tests.county.helpers import build_export, new_county, read_package

APP = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
TASK = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
ROW = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"


def _as_v3(type_: str, rec: dict) -> dict:
    keep = set(validator(f"v3/township-export.{type_}.schema.json").schema.schema["properties"])
    return {k: v for k, v in rec.items() if k in keep}


def _v3_package(world, n: int, path):
    """The world's real package ``n`` written again by the writer at format 3."""
    man, recs = read_package(world, world.packages[n - 1])
    old = {t: [_as_v3(t, r) for r in recs[t]] for t in types_of(env.TOWNSHIP_EXPORT, 3)}
    return build_export(path, world, n, old, lo=man["change_seq_from"], hi=man["change_seq_to"],
                        audit_head=man["audit_head"], version=3)


def _stored(county, type_: str) -> list[CountyRecord]:
    with Session(county.engine) as s:
        return list(s.scalars(select(CountyRecord).where(CountyRecord.type == type_)))


def test_a_format_3_package_still_ingests_after_the_bump(world, county_url, tmp_path):
    assert FORMAT_VERSION >= 4
    county = new_county(county_url, world)
    try:
        path = _v3_package(world, 1, tmp_path / "p1.twpkg")
        with env.open_package(path, [KeyStore(world.county_keys).age_identity],
                              [world.township_keys.signing_key.public_key()]) as pkg:
            assert pkg.version == 3     # really a format-3 package: no provider_uuid in it
            assert all("provider_uuid" not in r for r in pkg.iter_records("requested_item"))
        first = county.ingest(path)
        assert (first.format_version, first.already_received) == (3, False)
        assert "(format 3)" in first.message and first.applied["requested_item"]["new"] > 0
        items = _stored(county, "requested_item")
        assert items
        for row in items:       # stored in the format-4 shape, attached to its task
            env.validate_record(env.TOWNSHIP_EXPORT, "requested_item", row.data)
            assert row.data["provider_uuid"] is None
            assert V4_NEW_FIELDS["requested_item"] == {"provider_uuid": None}
            assert row.task_uuid == row.data["uuid"]
            assert row.application_uuid == row.data["application_uuid"]
        [info] = county.townships()
        assert (info.last_package, info.format_version) == (1, 3)
        out = tmp_path / "out"
        out.mkdir()
        ret = county.make_return(world.code, out)      # answered in the township's format
        assert ret is not None and ret.format_version == 3 and "warning" not in ret.counts
        # the township updated: its next package is format 4, the county takes it
        second = county.ingest(world.packages[1])
        assert (second.format_version, second.already_received) == (FORMAT_VERSION, False)
        assert county.townships()[0].format_version == FORMAT_VERSION
        ret = county.make_return(world.code, out)
        assert ret is not None and ret.format_version == FORMAT_VERSION and ret.counts["warning"] == 0
    finally:
        county.close()


# -- attachment of records, whatever their type ---------------------------------------
@pytest.mark.parametrize(("type_", "rec", "app", "task"), [
    ("application", {"uuid": APP}, APP, None),
    ("requested_item", {"uuid": TASK, "application_uuid": APP}, APP, TASK),
    ("task_stage", {"uuid": ROW, "application_uuid": APP, "item_uuid": TASK}, APP, TASK),
    ("reserve_entry", {"uuid": ROW, "application_uuid": None, "item_uuid": None}, None, None),
    # format 3 kept as it was: an emergency aid's task is not recorded (rows stored before
    # have NULL; a migration would be needed to change that)
    ("emergency_aid", {"uuid": ROW, "application_uuid": APP, "item_uuid": TASK}, APP, None),
    ("village", {"uuid": ROW}, None, None),
    # a type new in format 4 (the issue-15 parts add them): attached by its fields alone
    ("household_review", {"uuid": ROW, "application_uuid": APP, "item_uuid": TASK}, APP, TASK),
    ("care_plan", {"uuid": ROW, "application_uuid": APP, "item_uuid": TASK}, APP, TASK),
    ("lead", {"uuid": ROW, "application_uuid": None}, None, None),
    ("lead", {"uuid": ROW, "application_uuid": APP}, APP, None),
    ("monitor_visit", {"uuid": ROW, "item_uuid": ""}, None, None),
])
def test_records_are_attached_to_their_application_and_task(type_, rec, app, task):
    assert rcv.application_of(type_, rec) == app
    assert rcv.task_of(type_, rec) == task
    row = CountyRecord()
    rcv.County._fill(row, type_, {"version": 1, "change_seq": 1, **rec}, 1)
    assert (row.application_uuid, row.task_uuid) == (app, task)


def test_townships_counts_the_records_of_the_new_types(world, tmp_path, monkeypatch, capsys):
    """``townships`` (the county's status) shows how many records of each issue-15 type
    it holds per township (the types of ADDED_IN_4; two stand-in names here while the
    parts are merged)."""
    monkeypatch.setattr(rcv, "DYNAMIC_TYPES", ("care_plan", "lead"))
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    county = new_county(url, world)
    try:
        with Session(county.engine) as s, s.begin():
            tw = s.scalar(select(RegisteredTownship))
            assert tw is not None
            for n, type_ in enumerate(("lead", "lead", "lead", "care_plan", "village")):
                s.add(CountyRecord(township_id=tw.id, type=type_, uuid=f"{n:036d}", version=1,
                                   change_seq=n + 1, package_seq=1, data={}))
        [info] = county.townships()
        assert info.dynamic_records == {"care_plan": 1, "lead": 3}
    finally:
        county.close()
    assert cli.main(["townships", "--db", url, "--keys", str(world.county_keys)]) == 0
    out = capsys.readouterr().out
    assert "\tdynamic-management records 4 (care_plan 1, lead 3)" in out


def test_townships_says_nothing_more_without_new_types(world, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(rcv, "DYNAMIC_TYPES", ())
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    new_county(url, world).close()
    assert cli.main(["townships", "--db", url, "--keys", str(world.county_keys)]) == 0
    assert "dynamic-management" not in capsys.readouterr().out
