"""Statistics benchmark (issue 16; a measurement, not a timed test).

    python tests/bench/bench_stats.py DATA_DIR [--runs 5] [--month 2026-11] [--json OUT]

DESIGN §8: any monthly report ≤ 1 s, a year by village ≤ 2 s on 500,000 applications.
Each report — every breakdown of the month (default: the last whole month of the
data), the year of that month by every breakdown, its quarter by village — is run once
to warm the page cache, then ``--runs`` times; the figure is the median (and the max).
Also measured: the drill-down of the year's largest cell (受理登记, the total) and the
monthly series of the year for the chart. Through the same ``services.stats`` the
screen and ``stats`` verb use.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.rules.periods import parse_period
from desktop_app.core.services import Services
from desktop_app.core.services.stats import BREAKDOWNS


def last_whole_month(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    newest = conn.execute("SELECT max(intake_date) FROM application").fetchone()[0]
    conn.close()
    first = date.fromisoformat(newest).replace(day=1) - timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


def timed(fn: Callable[[], object], runs: int) -> dict:
    fn()  # warm: page cache, statements
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return {"median": statistics.median(times), "max": max(times), "runs": runs}


def measure(data_dir: Path, runs: int = 5, month: str | None = None, *, echo=print) -> dict:
    services = Services.open(data_dir)
    try:
        stats = services.stats
        month = month or last_whole_month(services.ctx.db.path)
        m = parse_period(month)
        y = parse_period(str(m.start.year))
        q = parse_period(f"{m.start.year}-Q{(m.start.month - 1) // 3 + 1}")
        total = services.queries.count()
        out: dict = {"applications": total, "month": m.code, "year": y.code, "runs": runs,
                     "reports": {}}
        echo(f"{total:,} applications; {runs} warm runs each (median / max, seconds)")
        cases = [(m, by) for by, _ in BREAKDOWNS] + [(y, by) for by, _ in BREAKDOWNS] + [(q, "village")]
        for period, by in cases:
            r = timed(lambda p=period, b=by: stats.report(p, b), runs)
            rep = stats.report(period, by)
            r.update(rows=len(rep.rows), received=rep.total.values["received"])
            out["reports"][f"{period.code} by {by}"] = r
            echo(f"report {period.code:8} by {by:10} {r['median']:.3f} / {r['max']:.3f}  "
                 f"({r['rows']} rows, {r['received']:,} received)")
        d = timed(lambda: stats.drill(y, "village", None, "received"), runs)
        d["ids"] = len(stats.drill(y, "village", None, "received"))
        out["drill_year_total"] = d
        echo(f"drill {y.code} total received ({d['ids']:,} ids) {d['median']:.3f} / {d['max']:.3f}")
        s = timed(lambda: stats.series(y, "received"), runs)
        out["series_year"] = s
        echo(f"series {y.code} received by month {s['median']:.3f} / {s['max']:.3f}")
        month_reports = [v["median"] for k, v in out["reports"].items() if k.startswith(m.code + " ")]
        out["month_worst"] = max(month_reports)
        out["year_village"] = out["reports"][f"{y.code} by village"]["median"]
        return out
    finally:
        services.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--month", help="YYYY-MM (default: the last whole month of the data)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    res = measure(args.data_dir, args.runs, args.month, echo=lambda s: print(s, file=sys.stderr))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
