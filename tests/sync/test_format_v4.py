"""Sync format 4 (issue 15) end to end: the township's export of the ``--demo`` data
(the issue-15 parts plant their cases there) is a version-4 package that decrypts with
Debian ``age``, whose manifest verifies with plain ``cryptography``, whose every line is
valid against the v4 schemas (``$id …/sync/v4/…``), which carries every row of every
type new in version 4 (``ADDED_IN_4``: at least one each) — and the county ingests it,
storing those records attached to their application and task."""

from __future__ import annotations

import base64
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jsonschema import Draft202012Validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver.models import CountyRecord
from county_receiver.receiver import County
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.sync import export as exp
from sync_contract import envelope as env
from sync_contract.versions import ADDED_IN_4, FORMAT_VERSION

from .test_export import age_decrypt

SCHEMAS = Path(__file__).resolve().parents[2] / "sync_contract" / "schemas"
NEW_TYPES = ADDED_IN_4[env.TOWNSHIP_EXPORT]


def _lines(zf: zipfile.ZipFile, type_: str) -> list[dict]:
    return [json.loads(x) for x in zf.read(f"data/{type_}.jsonl").splitlines()]


@pytest.mark.slow      # the demo data, an export, age, a county ingest: ~7 s here
def test_a_v4_package_carries_every_new_type_and_the_county_stores_it(
        services, synced, county, tmp_path):
    fill_demo(services, 40, seed=4, showcase=True)  # enough for a confirmed 特困 (care_plan)
    db = sqlite3.connect(str(services.ctx.db.data_dir / "township.sqlite3"))
    try:
        rows = {t: db.execute(f"SELECT count(*) FROM {exp._TABLES[t]}").fetchone()[0]
                for t in env.types_of(env.TOWNSHIP_EXPORT)}
    finally:
        db.close()
    out = tmp_path / "usb"
    out.mkdir()
    res = services.sync.export(out, synced)
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    pub_file = tmp_path / "township-public.json"
    services.sync.export_public_keys(pub_file)
    raw = base64.b64decode(json.loads(pub_file.read_text())["ed25519_public_key"])
    records: dict[str, list[dict]] = {}
    with zipfile.ZipFile(inner) as zf:
        mbytes = zf.read("manifest.json")
        Ed25519PublicKey.from_public_bytes(raw).verify(zf.read("manifest.sig"), mbytes)
        manifest = json.loads(mbytes)
        assert manifest["format_version"] == FORMAT_VERSION >= 4  # format 5 (issue 17) adds return types only
        assert sorted(manifest["counts"]) == sorted(env.types_of(env.TOWNSHIP_EXPORT))
        for type_ in env.types_of(env.TOWNSHIP_EXPORT):
            schema = json.loads((SCHEMAS / f"township-export.{type_}.schema.json").read_text())
            assert schema["$id"].endswith(f"/sync/v{FORMAT_VERSION}/township-export.{type_}.schema.json")
            check = Draft202012Validator(schema)
            records[type_] = _lines(zf, type_)
            for rec in records[type_]:
                check.validate(rec)
    # the first export carries every row: of the new types at least one each
    for type_ in NEW_TYPES:
        assert rows[type_] > 0, f"the demo data make no {type_} row"
        assert len(records[type_]) == rows[type_], type_
    assert len(records["requested_item"]) == rows["requested_item"] > 0
    assert all("provider_uuid" in r for r in records["requested_item"])

    # the county ingests it and attaches the new records
    keys = county.folder
    cty = County(f"sqlite:///{tmp_path / 'county.sqlite3'}", keys)
    try:
        cty.register(manifest["township_code"], pub_file)
        got = cty.ingest(res.path)
        assert got.format_version == FORMAT_VERSION and not got.already_received
        with Session(cty.engine) as s:
            stored = {(r.type, r.uuid): r for r in s.scalars(select(CountyRecord))}
        for type_ in (*NEW_TYPES, "requested_item", "task_stage"):
            for rec in records[type_]:
                row = stored[(type_, rec["uuid"])]
                assert row.data == rec
                if rec.get("application_uuid"):
                    assert row.application_uuid == rec["application_uuid"]
                if rec.get("item_uuid"):
                    assert row.task_uuid == rec["item_uuid"]
        [info] = cty.townships()
        assert info.format_version == FORMAT_VERSION
        assert info.dynamic_records == {t: rows[t] for t in NEW_TYPES}
    finally:
        cty.close()
