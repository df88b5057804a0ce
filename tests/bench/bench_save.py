"""Save-and-receipt benchmark (a measurement, not a timed test).

    python tests/bench/bench_save.py [--runs 30]

Times ``IntakeService.decide(..., "accept")`` — validation, the transaction, and
rendering + writing the receipt and commitment PDFs — in a fresh process: the first
call (cold: pypinyin, ReportLab, font parsing) and the warm median/p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    t0 = time.perf_counter()
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import _Maker, create_demo_township

    services = Services.open(Path(tempfile.mkdtemp(prefix="bench-save-")))
    admin = create_demo_township(services)
    maker = _Maker(services, random.Random(5))
    print(f"import + open + setup: {time.perf_counter() - t0:.3f} s")
    times = []
    for i in range(args.runs + 1):
        draft, _, _ = maker.draft(datetime.now())
        for it in draft.items:  # complete materials so the decision is 受理
            for code, status in it.materials.items():
                if status == "missing":
                    it.materials[code] = "received"
        t = time.perf_counter()
        services.intake.decide(draft, "accept", admin)
        times.append((time.perf_counter() - t) * 1000)
    first, warm = times[0], sorted(times[1:])
    print(f"first save + receipt: {first:.0f} ms")
    print(f"warm save + receipt: median {statistics.median(warm):.0f} ms, "
          f"p95 {warm[int(len(warm) * 0.95) - 1]:.0f} ms over {len(warm)} runs")
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
