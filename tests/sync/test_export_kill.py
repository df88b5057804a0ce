"""Kill test of the two-phase export (issue #11, docs/trust.md "Export"): ≥ 100 SIGKILLs
at random points of ``export`` — at each named point (after the kept copy, with the USB
temporary fsync'd, after the record, after the log commit, right after the final rename,
after "delivered") and after random delays — each followed by the next export and a
county ingest, with new changes between rounds and county returns imported every few
rounds (``export_killer.py`` drives it).

Afterwards: the county holds every change exactly once (contiguous package numbers and
change ranges, every audit event once, every seeded application), never saw two
different packages with the same number, the township imported every return, nothing
is pending, and the seeded names and ID numbers are found only in the databases and
their backups (and, encrypted, nowhere readable).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)"),
              pytest.mark.slow]

ROUNDS = int(os.environ.get("EXPORT_KILL_ROUNDS", "102"))
KILLER = Path(__file__).with_name("export_killer.py")


def _files(*folders: Path) -> list[Path]:
    out = []
    for folder in folders:
        if folder.exists():
            out += [p for p in folder.rglob("*") if p.is_file()]
    return out


def test_sigkilled_exports_lose_nothing(services, township, tmp_path, record_property, capsys):
    from county_receiver.models import CountyRecord, ReceivedPackage
    from county_receiver.receiver import County
    from desktop_app.core.models import Application, Event, SyncExport, SyncImport
    from desktop_app.core.services.auth import SYSTEM
    from tests.helpers.drafts import resident_id

    sys.path.insert(0, str(KILLER.parent))
    from export_killer import person

    data = services.ctx.db.data_dir
    county_dir = tmp_path / "county"
    county_dir.mkdir()
    county_url = f"sqlite:///{county_dir / 'county.sqlite3'}"
    county = County(county_url, county_dir / "keys")
    county.keygen("522201", "测试县民政局")
    services.sync.import_county_keys(county_dir / "keys" / "county.json", SYSTEM)
    pub = services.sync.export_public_keys(tmp_path / "township-public.json")
    county.register(pub.code, tmp_path / "township-public.json")
    county.close()
    services.close()
    usb, taken, returns, tmp = (tmp_path / "usb", tmp_path / "taken", tmp_path / "returns",
                                tmp_path / "tmpdir")
    for d in (usb, taken, returns, tmp):
        d.mkdir()
    cfg = {"data": str(data), "usb": str(usb), "taken": str(taken), "returns": str(returns),
           "county_url": county_url, "county_keys": str(county_dir / "keys"),
           "code": pub.code, "rounds": ROUNDS, "seed": 20261207,
           "summary": str(tmp_path / "summary.json"), "errors": str(tmp_path / "errors.txt")}
    (tmp_path / "config.json").write_text(json.dumps(cfg))
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(KILLER.parents[2])}
    env.pop("TWSYNC_TEST_KILL_AT", None)
    proc = subprocess.run([sys.executable, str(KILLER), str(tmp_path / "config.json")],
                          env=env, capture_output=True, text=True, timeout=600)
    assert (tmp_path / "summary.json").exists(), proc.stderr[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text())
    errors = (tmp_path / "errors.txt").read_text() if (tmp_path / "errors.txt").exists() else ""
    with capsys.disabled():
        brief = {k: v for k, v in summary.items()
                 if k not in ("export_seconds", "attempts", "change_ids")}
        print(f"\n[kill test] {json.dumps(brief, ensure_ascii=False)}")
    record_property("export_kill", summary)
    assert proc.returncode == 0, (proc.stderr[-3000:], errors[-3000:])
    assert summary["kills"] >= min(100, ROUNDS), summary
    # every named point was hit (the USB write and right after the rename among them)
    assert {"usb_part_written", "renamed", "recorded", "logged"} <= set(summary["kills_at_point"])
    assert summary["kills_by_delay"] >= 20
    # the county was handed packages it already had (a copy completed before the kill,
    # then re-offered): byte-identical each time (checked by the driver)
    if ROUNDS >= 100:
        assert summary["ingested_again"] > 0

    from desktop_app.core.services import Services

    township_svc = Services.open(data)
    county = County(county_url, county_dir / "keys")
    try:
        with township_svc.ctx.db.read() as s:
            log = list(s.scalars(select(SyncExport).order_by(SyncExport.package_seq)))
            events = s.scalar(select(func.count()).select_from(Event))
            imports = s.scalar(select(func.count()).select_from(SyncImport))
            township_apps = s.scalar(select(func.count()).select_from(Application))
        status = township_svc.sync.status()
        assert status.pending_changes == 0 and status.undelivered == ()
        assert all(r.state == "delivered" for r in log)
        assert [r.package_seq for r in log] == list(range(1, len(log) + 1))
        assert imports == summary["returns"] > 0
        with _session(county) as cs:
            pkgs = list(cs.scalars(select(ReceivedPackage).order_by(ReceivedPackage.package_seq)))
            # 1. every package, once, no gap; change ranges contiguous
            assert [p.package_seq for p in pkgs] == [r.package_seq for r in log]
            assert [p.digest for p in pkgs] == [r.digest for r in log]
            assert pkgs[0].change_seq_from == 1
            for a, b in zip(pkgs, pkgs[1:]):
                assert b.change_seq_from == a.change_seq_to + 1
            # 2. every change exactly once: no conflicts, every audit event exactly once
            assert sum(v.get("conflict", 0) for p in pkgs for v in p.applied.values()) == 0
            # no record version arrived twice (a duplicate would count as unchanged/older)
            outcomes = {k for p in pkgs for v in p.applied.values() for k in v}
            assert outcomes <= {"new", "updated"}, outcomes
            ev = sorted(cs.scalars(select(CountyRecord.event_seq).where(
                CountyRecord.type == "event")))
            # the events after the last package are the bookkeeping of the last export and
            # import rounds (they travel with the next real change)
            assert ev == list(range(1, len(ev) + 1)) and events - len(ev) <= 4
            apps = [r.data for r in cs.scalars(select(CountyRecord).where(
                CountyRecord.type == "application"))]
            reasons = sorted(a["hardship_reason"] for a in apps
                             if (a["hardship_reason"] or "").startswith("kill-"))
            want = sorted(f"kill-{n}" for n in summary["change_ids"])
            assert reasons == want
            assert len(apps) == township_apps
    finally:
        township_svc.close()
        county.close()

    # 3. personal data only in the databases (and their WAL/backups) and encrypted packages
    seeded = []
    for n in summary["change_ids"]:
        name, seed = person(n)
        seeded += [name.encode(), resident_id(seed=seed).encode()]
    allowed = {data / "township.sqlite3", data / "township.sqlite3-wal",
               data / "township.sqlite3-shm", county_dir / "county.sqlite3",
               county_dir / "county.sqlite3-wal", county_dir / "county.sqlite3-shm"}
    found = []
    scanned = 0
    for path in _files(data, usb, taken, returns, tmp, county_dir):
        if path in allowed or path.parent == data / "backups":
            continue
        raw = path.read_bytes()
        scanned += 1
        hits = [s for s in seeded if s in raw]
        if hits:
            found.append((str(path.relative_to(tmp_path.parent)), len(hits)))
    assert scanned > 100
    assert found == [], found


def _session(county):
    from sqlalchemy.orm import Session

    return Session(county.engine)
