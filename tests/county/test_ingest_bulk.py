"""The county's batched Core upsert (county_receiver/bulk.py, issue 17): the same results
as record-by-record at every batch boundary (a uuid twice in a package, in one batch or
across two), the derived-rows hook sees every new and updated record once, the audit
chain check in batches, and memory that stays flat on a large package (slow)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from county_receiver import bulk, receiver
from county_receiver.models import CountyRecord, RecordConflict
from county_receiver.receiver import County
from sync_contract.audit import record_hash
from sync_contract.envelope import PackageError
from tests.county.helpers import build_export, new_county, read_package

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'county.sqlite3'}"
    return request.getfixturevalue("pg_url")


def _records(county: County, type_: str) -> dict[str, tuple[int, dict]]:
    with county.engine.connect() as con:
        return {u: (v, d) for u, v, d in con.execute(
            select(CountyRecord.uuid, CountyRecord.version, CountyRecord.data)
            .where(CountyRecord.type == type_))}


@pytest.mark.parametrize("batch", [1, 2, 3, 5000])
def test_a_uuid_twice_in_one_package_is_classified_against_the_earlier_copy(
        world, url, tmp_path, monkeypatch, batch):
    monkeypatch.setattr(bulk, "BATCH", batch)
    county = new_county(url, world)
    try:
        county.ingest(world.packages[0])
        _, recs = read_package(world, world.packages[0])
        a, b, c = recs["application"][:3]
        fresh = dict(a, uuid="0" * 8 + a["uuid"][8:], version=1)
        # new then newer (updated); newer then older (older); stored, then same version
        # other content twice (two conflicts); stored unchanged
        records = [fresh, dict(fresh, version=2, hardship_reason="第二版"),
                   dict(b, version=b["version"] + 1, hardship_reason="新"), b,
                   dict(c, hardship_reason="冲突一"), dict(c, hardship_reason="冲突二"), c]
        path = build_export(tmp_path / "p2.twpkg", world, 2, {"application": records},
                            lo=10**6, hi=10**6, audit_head=None)
        res = county.ingest(path)
        assert res.applied["application"] == {"new": 1, "updated": 2, "older": 1,
                                              "conflict": 2, "unchanged": 1}
        assert res.conflicts == 2
        rows = _records(county, "application")
        assert rows[fresh["uuid"]][0] == 2 and rows[fresh["uuid"]][1]["hardship_reason"] == "第二版"
        assert rows[b["uuid"]][0] == b["version"] + 1
        assert rows[c["uuid"]][1] == c
        with county.engine.connect() as con:
            assert con.scalar(select(func.count()).select_from(RecordConflict)) == 2
    finally:
        county.close()


def test_small_batches_store_exactly_what_one_batch_stores(world, tmp_path, monkeypatch):
    """Same packages, batch 2 vs 2000: every record row identical (ids and order too)."""
    digests = []
    for batch in (2, 2000):
        monkeypatch.setattr(bulk, "BATCH", batch)
        county = new_county(f"sqlite:///{tmp_path / f'c{batch}.sqlite3'}", world)
        try:
            for p in world.packages:
                county.ingest(p)
            with county.engine.connect() as con:
                rows = [tuple(r) for r in con.execute(
                    select(CountyRecord.__table__).order_by(CountyRecord.id))]
            n = len(rows)
            digests.append(rows)
        finally:
            county.close()
    assert n > 100
    assert digests[0] == digests[1]


def test_the_rows_hook_sees_each_new_and_updated_record_once_per_package(
        world, url, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 7)
    county = new_county(url, world)
    seen: list[tuple[str, str, int]] = []
    county.on_rows = lambda conn, type_, rows: seen.extend(
        (type_, r["uuid"], r["version"]) for r in rows)
    try:
        res = county.ingest(world.packages[0])
        written = sum(st.get("new", 0) + st.get("updated", 0) for st in res.applied.values())
        assert len(seen) == written == len(set(seen))
        _, recs = read_package(world, world.packages[0])
        a = recs["application"][0]
        seen.clear()
        path = build_export(tmp_path / "p2.twpkg", world, 2, {"application": [
            dict(a, version=a["version"] + 1, hardship_reason="改"), recs["application"][1]]},
            lo=10**6, hi=10**6, audit_head=None)
        county.ingest(path)
        assert seen == [("application", a["uuid"], a["version"] + 1)]    # unchanged: not told
    finally:
        county.close()


def test_a_rewritten_event_is_found_in_any_chain_batch(world, tmp_path, monkeypatch):
    """Events re-sent over a stored range: the stored hashes are read a batch at a time;
    one event rewritten anywhere in the range is refused and nothing changes."""
    monkeypatch.setattr(receiver, "CHAIN_BATCH", 3)
    county = new_county(f"sqlite:///{tmp_path / 'c.sqlite3'}", world)
    try:
        county.ingest(world.packages[0])
        _, recs = read_package(world, world.packages[0])
        events = recs["event"]
        assert len(events) > 10
        # the same events again, re-chained after a rewritten one in the middle
        k = len(events) // 2 + 1
        again = [dict(e) for e in events]
        again[k]["detail"] = again[k]["detail"] + " "
        for i in range(k, len(again)):
            again[i]["prev_hash"] = again[i - 1]["hash"]
            again[i]["hash"] = record_hash(again[i])
        head = {"seq": again[-1]["seq"], "hash": again[-1]["hash"]}
        path = build_export(tmp_path / "p2.twpkg", world, 2, {"event": again},
                            lo=10**6, hi=10**6, audit_head=head)
        before = county.digest()
        with pytest.raises(PackageError) as exc:
            county.ingest(path)
        assert exc.value.reason == "audit_chain_broken"
        assert f"event {again[k]['seq']} differs" in exc.value.message
        assert county.digest() == before
        # the unchanged events re-sent are accepted as unchanged
        same = build_export(tmp_path / "p2b.twpkg", world, 2, {"event": events},
                            lo=10**6, hi=10**6,
                            audit_head={"seq": events[-1]["seq"], "hash": events[-1]["hash"]})
        assert county.ingest(same).applied["event"] == {"unchanged": len(events)}
    finally:
        county.close()


@pytest.mark.slow
def test_memory_stays_flat_on_a_large_package(pg_url, tmp_path):
    """5,000 applications (≈73,000 records) into PostgreSQL in a child process: the RSS
    grows by one batch's worth, not with the package (the ORM path kept every record and
    its JSON in the session: ≈3–5 KB a record, 200+ MB here)."""
    folder = tmp_path / "bench"
    sys.path.insert(0, str(ROOT))
    from tests.bench import bench_county

    full, _ = bench_county.packages(5_000, 100, folder)
    res = bench_county.run_child(pg_url, folder, full, True)
    assert res["records"] > 70_000
    growth = res["rss_peak_mb"] - res["rss_before_mb"]
    assert growth < 100, res


@pytest.mark.slow
def test_postgresql_statistics_are_taken_while_a_large_package_is_written(
        world, pg_url, monkeypatch):
    """The ingest analyses county_record as it grows (in its transaction), so the
    planner looks each batch's uuids up by the (township, type, uuid) index; without
    statistics it chose the (township, type, change_seq) index and filtered every row of
    the type — quadratic over a 1.5 M-record package (docs/performance.md)."""
    from sqlalchemy import text

    monkeypatch.setattr(bulk, "ANALYZE_AFTER", 50)
    county = new_county(pg_url, world)
    try:
        with county.engine.connect() as con:
            assert con.scalar(text("SELECT reltuples FROM pg_class "
                                   "WHERE relname = 'county_record'")) <= 0
        county.ingest(world.packages[0])
        with county.engine.connect() as con:
            rows = con.scalar(select(func.count()).select_from(CountyRecord))
            seen = con.scalar(text("SELECT reltuples FROM pg_class "
                                   "WHERE relname = 'county_record'"))
        assert rows > 500 and seen >= rows / 2, (rows, seen)
    finally:
        county.close()
