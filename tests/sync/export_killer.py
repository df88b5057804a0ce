"""Driver of the export kill test (``test_export_kill.py``): a fork server.

    python tests/sync/export_killer.py CONFIG.json

CONFIG: ``data`` (township data folder, county keys imported), ``usb`` (the folder the
clerk exports into), ``taken`` (where the county moves what it ingested), ``returns``,
``county_url``, ``county_keys``, ``code``, ``rounds``, ``seed``, ``summary`` (JSON
written at the end).

Imports the app once, then per round forks children (each opens the data folder like a
fresh program start):

1. a change (before every attempt but the first of every 4th round): one application
   saved through the real intake service, with a seeded name and ID number (the test
   scans for them afterwards);
2. an export that is SIGKILLed (tried up to four times, each after a new change, until
   one is killed) — at one of the export's named points (the
   ``TWSYNC_TEST_KILL_AT`` hook: after the kept copy, after the USB temporary is
   fsync'd, after the record, after the log commit, right after the final rename, after
   "delivered") or after a random delay up to 1.3 × a measured export (landing in the
   record collection, the compression, the encryption, the USB copy …);
3. the next export, which must succeed (it re-offers what the killed one left undone);
4. after the killed export and again after the next one, the county ingests every
   ``.twpkg`` in the USB folder in number order (one it has seen before must be
   byte-identical to the earlier copy: same number, same package) and moves it out;
5. every few rounds the county makes a return package and a child imports it; a refusal
   fails the run.

Prints one JSON line per failure on stderr and exits 1 on the first failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

KILL_POINTS = ("kept_written", "usb_part_written", "recorded", "logged", "renamed",
               "delivered")
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "嘉懿煜城懿轩烨伟苑博伟泽熠彤鸿煊博涛烨霖烨华煜祺智宸正豪昊然明杰立诚立轩立辉峻熙弘文"


def person(n: int) -> tuple[str, int]:
    """The seeded applicant of change ``n``: a name and the seed of its ID number."""
    return (SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)] + GIVEN[(n * 7 + 3) % len(GIVEN)]
            + "氿"), 9000 + n


def _child(fn, *args) -> int:
    """Run ``fn`` in a forked child; returns its pid. Exit 0 ok, 3 exception."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        code = 0
        try:
            fn(*args)
        except BaseException:
            code = 3
            with open(os.environ["KILLER_ERRORS"], "a") as fh:
                fh.write(traceback.format_exc() + "\n")
        os._exit(code)
    return pid


def _wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return status


def do_change(cfg: dict, n: int) -> None:
    from desktop_app.core.services import Services
    from tests.helpers.drafts import draft, resident_id

    services = Services.open(Path(cfg["data"]))
    try:
        clerk = services.setup.staff()[0].id
        name, seed = person(n)
        d = draft(services, name=name, id_number=resident_id(seed=seed), members=[],
                  hardship_reason=f"kill-{n}")
        services.intake.decide(d, "accept" if n % 3 else "reject", clerk,
                               *(() if n % 3 else (["户籍不在本乡镇"],)))
    finally:
        services.close()


def do_export(cfg: dict, point: str | None) -> None:
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM

    if point:
        os.environ["TWSYNC_TEST_KILL_AT"] = point
    services = Services.open(Path(cfg["data"]))
    try:
        services.sync.export(Path(cfg["usb"]), SYSTEM)
    finally:
        services.close()


def do_import(cfg: dict, path: str) -> None:
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM

    services = Services.open(Path(cfg["data"]))
    try:
        services.sync.import_package(Path(path), SYSTEM)
    finally:
        services.close()


class Failed(Exception):
    pass


def main(config: Path) -> int:  # noqa: C901 - one loop of rounds, step by step
    cfg = json.loads(config.read_text())
    os.environ["KILLER_ERRORS"] = cfg["errors"]
    import desktop_app.core.services  # noqa: F401 - warm the imports once for every child
    import tests.helpers.drafts  # noqa: F401
    from desktop_app.core.warmup import warm_up

    warm_up()   # fonts, ReportLab and pypinyin loaded once, not in every forked child
    from county_receiver.receiver import County

    rng = random.Random(cfg["seed"])
    usb, taken, returns = Path(cfg["usb"]), Path(cfg["taken"]), Path(cfg["returns"])
    county = County(cfg["county_url"], cfg["county_keys"])
    seen: dict[str, str] = {}        # package name -> SHA-256 of the file the county took
    stats = {"rounds": 0, "kills": 0, "kills_at_point": {}, "kills_by_delay": 0,
             "not_killed": 0, "changes": 0, "packages": 0, "ingested_again": 0,
             "returns": 0, "export_seconds": []}
    started = time.perf_counter()
    export_time = 0.6

    phase = stats.setdefault("phase_seconds", {})

    def clean(fn, *args) -> None:
        t = time.perf_counter()
        status = _wait(_child(fn, *args))
        phase[fn.__name__] = round(phase.get(fn.__name__, 0) + time.perf_counter() - t, 2)
        if status != 0:
            raise Failed(f"{fn.__name__}{args[1:]} failed: status {status}")

    def ingest() -> None:
        t = time.perf_counter()
        _ingest()
        phase["ingest"] = round(phase.get("ingest", 0) + time.perf_counter() - t, 2)

    def _ingest() -> None:
        for path in sorted(usb.glob("*.twpkg")):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if path.name in seen:
                if seen[path.name] != digest:
                    raise Failed(f"{path.name}: a different package with the same number")
                stats["ingested_again"] += 1
            res = county.ingest(path)
            if not res.already_received:
                stats["packages"] += 1
            seen[path.name] = digest
            shutil.move(str(path), str(taken / f"{path.name}.{len(list(taken.iterdir()))}"))

    def give_return() -> None:
        ret = county.make_return(cfg["code"], returns)
        if ret is not None:
            clean(do_import, cfg, str(ret.path))
            stats["returns"] += 1

    try:
        for n in range(cfg["rounds"]):
            stats["rounds"] += 1
            for attempt in range(4):             # until this round's export was killed
                # a new change before each attempt (but none in every 4th round's first)
                if attempt or n % 4 != 3:
                    m = n + 1000 * attempt
                    clean(do_change, cfg, m)
                    stats["changes"] += 1
                    stats.setdefault("change_ids", []).append(m)
                if rng.random() < 0.45:
                    point: str | None = rng.choice(KILL_POINTS)
                    delay = None
                else:
                    point, delay = None, rng.uniform(0.0, 0.9 * export_time)
                t0 = time.perf_counter()
                pid = _child(do_export, cfg, point)
                if delay is not None:
                    time.sleep(delay)
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                status = _wait(pid)
                stats.setdefault("attempts", []).append(
                    [n, point or round(delay or 0, 3), status, round(time.perf_counter() - t0, 3)])
                if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
                    stats["kills"] += 1
                    if point:
                        stats["kills_at_point"][point] = stats["kills_at_point"].get(point, 0) + 1
                    else:
                        stats["kills_by_delay"] += 1
                    break
                if status != 0:
                    raise Failed(f"round {n}: the export failed with status {status}")
                stats["not_killed"] += 1
                took = time.perf_counter() - t0
                stats["export_seconds"].append(round(took, 3))
                export_time = 0.7 * export_time + 0.3 * took
            ingest()                              # what the killed export completed
            t0 = time.perf_counter()
            clean(do_export, cfg, None)           # the next export: must succeed
            took = time.perf_counter() - t0
            stats["export_seconds"].append(round(took, 3))
            export_time = 0.7 * export_time + 0.3 * took
            ingest()
            if n % 5 == 4:
                give_return()
        clean(do_export, cfg, None)
        ingest()
        give_return()
    except Failed as exc:
        print(json.dumps({"failed": str(exc)}), file=sys.stderr)
        stats["failed"] = str(exc)
    finally:
        county.close()
    stats["seconds"] = round(time.perf_counter() - started, 1)
    Path(cfg["summary"]).write_text(json.dumps(stats, ensure_ascii=False))
    return 1 if "failed" in stats else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
