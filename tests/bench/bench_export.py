"""Export benchmark (a measurement, not a timed test).

    python tests/bench/bench_export.py [--applications 100000] [--source DIR] [--json OUT]
    python tests/bench/bench_export.py --simple [--applications 100000]
    … [--runs 3]: repeat (a fresh copy each time) and print the median

Default: a folder of N realistic applications from the bulk generator
(``tests/bench/bulk.py``: households, incomes, tasks, materials, document
snapshots, the audit log — everything an export carries) is made once in ``--source``
(default ``/tmp/bench-export-<N>``) and copied for each run. The run times a full
export (records → JSONL → ZIP → age) and the peak RSS before and after it, then adds
a day's work (``--day`` applications) and times the incremental export.

``--simple``: the first version of this benchmark — applications with two income
rows only, inserted with straight SQL (DESIGN §8 / issue #4's 13.7 s figure).
Targets (DESIGN §8): 100,000 ≤ 15 s with memory flat; a day's work ≤ 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _county_keys(services, folder: Path) -> None:
    from desktop_app.core.services.auth import SYSTEM
    from sync_contract.keys import KeyStore

    county = KeyStore(folder).ensure()
    county.public_keys("county", "522201").write(folder / "county.json")  # the demo county
    services.sync.import_county_keys(folder / "county.json", SYSTEM)


def prepare_source(source: Path, n: int, echo=print) -> None:
    """A folder with ``n`` bulk-generated applications and the county's keys (once)."""
    import sqlite3

    db = source / "data" / "township.sqlite3"
    if db.exists():
        have = sqlite3.connect(db).execute("SELECT count(*) FROM application").fetchone()[0]
        if have >= n:
            return
        shutil.rmtree(source)
    echo(f"generating {n} applications in {source} …")
    subprocess.run([sys.executable, "-m", "tests.bench.bulk", str(source / "data"),
                    "--applications", str(n)], check=True, cwd=ROOT)
    from desktop_app.core.services import Services

    services = Services.open(source / "data")
    try:
        _county_keys(services, source / "county")
    finally:
        services.close()


def measure(n: int = 100_000, source: Path | None = None, day: int = 200, *,
            echo=print) -> dict:
    source = source or Path(tempfile.gettempdir()) / f"bench-export-{n}"
    prepare_source(source, n, echo)
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from tests.bench.bulk import generate

    work = Path(tempfile.mkdtemp(prefix="bench-export-run-"))
    try:
        shutil.copytree(source / "data", work / "data", ignore=shutil.ignore_patterns(".lock"))
        services = Services.open(work / "data")
        try:
            out = work / "out"
            out.mkdir()
            before = rss_mb()
            t = time.perf_counter()
            res = services.sync.export(out, SYSTEM)
            full = time.perf_counter() - t
            after = rss_mb()
            size = res.path.stat().st_size
            echo(f"full export: {res.records} records in {full:.2f} s "
                 f"({res.counts['application']} applications); package {size / 1e6:.1f} MB")
            echo(f"peak RSS before export {before:.0f} MB, after {after:.0f} MB "
                 f"(+{after - before:.0f} MB)")
            generate(services, day, seed=99, days=7)  # a day's work (over the last week)
            t = time.perf_counter()
            inc = services.sync.export(out, SYSTEM)
            incremental = time.perf_counter() - t
            echo(f"incremental export: {inc.records} records ({inc.counts['application']} "
                 f"applications) in {incremental:.2f} s")
            return {"applications": res.counts["application"], "records": res.records,
                    "seconds": full, "package_mb": size / 1e6, "rss_before_mb": before,
                    "rss_after_mb": after, "incremental_seconds": incremental,
                    "incremental_applications": inc.counts["application"],
                    "incremental_records": inc.records}
        finally:
            services.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure_simple(n: int, echo=print) -> dict:
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from desktop_app.core.services.demo import create_demo_township

    root = Path(tempfile.mkdtemp(prefix="bench-export-"))
    services = Services.open(root / "data")
    create_demo_township(services)
    _county_keys(services, root / "county")
    t0 = time.perf_counter()
    raw = services.ctx.db.engine.raw_connection()
    cur = raw.cursor()
    cur.execute("BEGIN")
    start = cur.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0]
    village = cur.execute("SELECT id FROM village LIMIT 1").fetchone()[0]
    staff = cur.execute("SELECT id FROM staff LIMIT 1").fetchone()[0]
    first_id = (cur.execute("SELECT max(id) FROM application").fetchone()[0] or 0) + 1
    cur.executemany(
        "INSERT INTO application (id, uuid, version, change_seq, number, status, decision, "
        "decided_by_id, decided_at, intake_date, village_id, source, urgent, hardship_reason, "
        "reject_reasons, void_reason, housing_area_m2, house_rating, vehicles, deposits_fen, "
        "business, medical_spending_fen, education_spending_fen, monthly_income_fen, "
        "per_capita_income_fen, supporters_able, hardship_cause, staff_relative, "
        "staff_relative_note, created_by_id, created_at, updated_at) VALUES "
        "(?, ?, 1, ?, ?, 'accepted', 'accept', ?, '2026-11-24 10:00:00.000000', '2026-11-24', ?, "
        "'walk_in', 0, '因病致贫，家庭收入低于当地低保标准', '[]', '', 60, 'B', 0, 120000, '', "
        "300000, 0, 80000, 40000, NULL, 'illness', 0, '', ?, '2026-11-24 02:00:00.000000', "
        "'2026-11-24 02:00:00.000000')",
        ((first_id + i, str(uuid.uuid4()), start + 1 + i, f"522201001-20261124-{i:06d}", staff,
          village, staff) for i in range(n)))
    cur.executemany("INSERT INTO income (application_id, category, monthly_fen) VALUES (?, ?, ?)",
                    ((first_id + i // 2, ("wage", "farming")[i % 2], 60000) for i in range(2 * n)))
    cur.execute("UPDATE change_counter SET value = ? WHERE id = 1", (start + n,))
    raw.commit()
    raw.close()
    echo(f"bulk insert of {n} applications: {time.perf_counter() - t0:.1f} s; "
         f"peak RSS so far {rss_mb():.0f} MB")
    out = root / "out"
    out.mkdir()
    before = rss_mb()
    t = time.perf_counter()
    res = services.sync.export(out, SYSTEM)
    elapsed = time.perf_counter() - t
    after = rss_mb()
    size = res.path.stat().st_size
    echo(f"export: {res.records} records in {elapsed:.2f} s "
         f"({res.counts['application']} applications); package {size / 1e6:.1f} MB")
    echo(f"peak RSS before export {before:.0f} MB, after {after:.0f} MB "
         f"(+{after - before:.0f} MB)")
    services.close()
    shutil.rmtree(root, ignore_errors=True)
    return {"applications": res.counts["application"], "records": res.records,
            "seconds": elapsed, "rss_before_mb": before, "rss_after_mb": after}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--applications", type=int, default=100_000)
    ap.add_argument("--source", type=Path, help="folder with the generated applications "
                                                "(made once, copied per run)")
    ap.add_argument("--day", type=int, default=200, help="applications in a day's work")
    ap.add_argument("--simple", action="store_true",
                    help="applications with two incomes only, straight SQL (the first version)")
    ap.add_argument("--runs", type=int, default=1,
                    help="repeat the measurement (fresh copy each time) and report the median")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    runs = []
    for _ in range(max(1, args.runs)):
        runs.append(measure_simple(args.applications) if args.simple
                    else measure(args.applications, args.source, args.day))
    out = dict(runs[0])
    if len(runs) > 1:
        secs = sorted(r["seconds"] for r in runs)
        out["seconds"] = statistics.median(secs)
        # RSS figures stay those of the first run (a process's peak RSS only grows)
        out["runs_seconds"] = [r["seconds"] for r in runs]
        print(f"median of {len(runs)} full exports: {out['seconds']:.2f} s "
              f"({', '.join(f'{x:.2f}' for x in out['runs_seconds'])})")
    if args.json:
        args.json.write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
