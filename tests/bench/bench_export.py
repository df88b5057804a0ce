"""Export benchmark (a measurement, not a timed test).

    python tests/bench/bench_export.py [--applications 100000]

Bulk-inserts N changed applications (each with 2 income rows) into a fresh demo
township — straight SQL, not the slow ORM demo path — then times a full export
(records → JSONL → ZIP → age) and reports the peak RSS before and after, in a fresh
process. Target (DESIGN §8 / issue #4): 100,000 applications ≤ 15 s, memory flat.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--applications", type=int, default=100_000)
    args = ap.parse_args()
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from desktop_app.core.services.demo import create_demo_township
    from desktop_app.sync.keys import KeyStore

    root = Path(tempfile.mkdtemp(prefix="bench-export-"))
    services = Services.open(root / "data")
    create_demo_township(services)
    county = KeyStore(root / "county").ensure()
    county.public_keys("county", "420106").write(root / "county.json")
    services.sync.import_county_keys(root / "county.json", SYSTEM)
    n = args.applications
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
    print(f"bulk insert of {n} applications: {time.perf_counter() - t0:.1f} s; "
          f"peak RSS so far {rss_mb():.0f} MB")
    out = root / "out"
    out.mkdir()
    before = rss_mb()
    t = time.perf_counter()
    res = services.sync.export(out, SYSTEM)
    elapsed = time.perf_counter() - t
    after = rss_mb()
    size = res.path.stat().st_size
    print(f"export: {res.records} records in {elapsed:.2f} s "
          f"({res.counts['application']} applications); package {size / 1e6:.1f} MB")
    print(f"peak RSS before export {before:.0f} MB, after {after:.0f} MB "
          f"(+{after - before:.0f} MB)")
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
