"""Search benchmark (a measurement, not a timed test).

    python tests/bench/bench_search.py DATA_DIR [--runs 200] [--json OUT]

Fill DATA_DIR first, e.g. ``desktop-app --data-dir D demo --applications 50000``.
Prints p50/p95 in milliseconds per query kind, each query answered through the
same ``QueryService.search`` the list screen uses (ids + the visible rows).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.rules.pinyin import initials
from desktop_app.core.services import Services


def sample_queries(path: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    members = conn.execute(
        "SELECT name, id_number FROM household_member WHERE id_number != '' "
        "ORDER BY random() LIMIT ?", (n,)).fetchall()
    numbers = [r[0] for r in conn.execute(
        "SELECT number FROM application ORDER BY random() LIMIT ?", (n,))]
    conn.close()
    return {
        "name (full)": [m[0] for m in members],
        "name (surname)": [m[0][:1] for m in members],
        "pinyin initials": [initials(m[0]) for m in members],
        "ID fragment (last 4)": [m[1][-4:] for m in members],
        "ID fragment (birth date)": [m[1][6:14] for m in members],
        "full ID number": [m[1] for m in members],
        "receipt number": numbers,
    }


def measure(data_dir: Path, runs: int = 200, limit: int = 200, *, echo=print) -> dict:
    """p50/p95/max ms and average hits per query kind (see the module docstring)."""
    services = Services.open(data_dir)
    try:
        total = services.queries.count()
        rng = random.Random(1)
        queries = sample_queries(services.ctx.db.path, rng, runs)
        echo(f"{total} applications; {runs} queries per kind; first {limit} rows fetched")
        echo(f"{'query':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'avg hits':>9}")
        out = {"applications": total, "kinds": {}}
        for kind, qs in queries.items():
            times, hits = [], []
            for q in qs[:5]:  # warm the page cache
                services.queries.search(q, limit=limit)
            for q in qs:
                t0 = time.perf_counter()
                rows = services.queries.search(q, limit=limit)
                times.append((time.perf_counter() - t0) * 1000)
                hits.append(len(rows))
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            out["kinds"][kind] = {"p50": statistics.median(times), "p95": p95,
                                  "max": times[-1], "hits": statistics.mean(hits)}
            echo(f"{kind:28} {statistics.median(times):8.2f} {p95:8.2f} {times[-1]:8.2f} "
                 f"{statistics.mean(hits):9.1f}")
        return out
    finally:
        services.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--limit", type=int, default=200, help="rows fetched per query")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    out = measure(args.data_dir, args.runs, args.limit)
    if args.json:
        args.json.write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
