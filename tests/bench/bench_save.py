"""Save-and-receipt benchmark (a measurement, not a timed test).

    python tests/bench/bench_save.py [--runs 30] [--data-dir D] [--warm-up] [--json OUT]

Times ``IntakeService.decide(..., "accept", defer_secondary=True)`` as the intake
screen calls it — validation, the transaction, and rendering + writing the receipt the
clerk hands over — in a fresh process: the first call and the warm median/p95. The
other documents of the decision (承诺书, 转办单) are rendered right after on the same
worker (``render_pending``, timed separately: the clerk does not wait for them).
``--warm-up`` first runs what the GUI runs on its
writer thread while the clerk logs in (``core.warmup.warm_up``: pypinyin, ReportLab,
fonts), so the first call is the first receipt of a GUI session; without it the first
call pays for those imports. ``--data-dir`` saves into an existing (large) folder
instead of a fresh temporary one (the applications stay there).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def measure(runs: int = 30, data_dir: Path | None = None, warm: bool = False, *,
            echo=print) -> dict:
    t0 = time.perf_counter()
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import _Maker, create_demo_township

    services = Services.open(data_dir or Path(tempfile.mkdtemp(prefix="bench-save-")))
    try:
        admin = create_demo_township(services)
        maker = _Maker(services, random.Random(5))
        echo(f"import + open + setup: {time.perf_counter() - t0:.3f} s")
        warm_s = None
        if warm:
            from desktop_app.core.warmup import warm_up

            t = time.perf_counter()
            warm_up()
            warm_s = time.perf_counter() - t
            echo(f"warm-up (as at login, off the GUI thread): {warm_s:.3f} s")
        times, rest = [], []
        for _ in range(runs + 1):
            draft, _, _ = maker.draft(datetime.now())
            for it in draft.items:  # complete materials so the decision is 受理
                for code, status in it.materials.items():
                    if status == "missing":
                        it.materials[code] = "received"
            t = time.perf_counter()
            result = services.intake.decide(draft, "accept", admin, defer_secondary=True)
            times.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            services.documents.render_pending(result.deferred)
            rest.append((time.perf_counter() - t) * 1000)
        first, warm_times = times[0], sorted(times[1:])
        p95 = warm_times[min(len(warm_times) - 1, int(len(warm_times) * 0.95))]
        echo(f"first save + receipt: {first:.0f} ms")
        echo(f"warm save + receipt: median {statistics.median(warm_times):.0f} ms, "
             f"p95 {p95:.0f} ms over {len(warm_times)} runs")
        echo(f"then the other documents (承诺书, 转办单), not waited for: median "
             f"{statistics.median(rest[1:]):.0f} ms")
        return {"first": first, "median": statistics.median(warm_times), "p95": p95,
                "rest_median": statistics.median(rest[1:]),
                "runs": len(warm_times), "warm_up_s": warm_s,
                "applications": services.queries.count()}
    finally:
        services.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--warm-up", action="store_true", help="run the login-time warm-up first")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    out = measure(args.runs, args.data_dir, args.warm_up)
    if args.json:
        args.json.write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
