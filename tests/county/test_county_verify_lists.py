"""The county's trust lists on both databases (issue 17 — qrcheck): the registered key and
a voided ``document`` record found by the JSON query (SQLite json_extract, PostgreSQL
jsonb), and the county's verifier built from them."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from county_receiver.models import CountyRecord
from county_receiver.verify import signers, trust_list, voids
from tests.county.helpers import new_county


def test_signers_and_voids_from_the_database(world, county_url):
    county = new_county(county_url, world)
    try:
        county.ingest(world.packages[0])
        with Session(county.engine) as s:
            [signer] = signers(s)
            assert (signer.township_code, signer.valid_to) == (world.code, None)
            assert voids(s) == []
            row = s.scalars(select(CountyRecord).where(CountyRecord.type == "document")).first()
            assert row is not None
            data = {**row.data, "voided": True, "voided_at": "2026-11-24T17:30:00Z"}
            s.execute(update(CountyRecord).where(CountyRecord.id == row.id).values(data=data))
            s.commit()
            [void] = voids(s)
        assert (void.township_code, void.number, void.kind) == (
            world.code, data["number"], data["kind"])
        assert void.voided_on.isoformat() == "2026-11-25"     # 17:30 UTC = next day in CST
        trust = trust_list(county.engine)
        assert (world.code, data["number"]) in trust.voided
        assert [k.township_code for k in trust.keys.values()] == [world.code]
    finally:
        county.close()
