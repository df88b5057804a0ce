"""County ingest benchmark (issue 17; a measurement, not a timed test).

    python tests/bench/bench_county.py [--applications 100000] [--url postgresql://…]
                                       [--day 100] [--json OUT]

DESIGN §8: a full package of 100,000 applications (≈1.5 M records) ingested into
PostgreSQL ≤ 60 s with memory flat; a day's incremental package ≤ 1 s.

The packages are built once and cached under ``$COUNTY_BENCH_DIR`` (default
``/work/county-bench``), by the contract's own package writer
(:func:`sync_contract.envelope.build_package`) from a *template*: the real export of a
100-application demo township (``fill_demo`` + ``SyncService.export``, made once),
copied as often as needed with fresh uuids (every uuid of an application's records is
renamed per copy; township, villages and staff are sent once), increasing
``change_seq`` and a re-chained audit log (about 1.2 events per application, so the
package has ≈15 records per application like the issue's estimate). Package 1 holds
``--applications`` applications; package 2 (the day) holds ``--day`` new applications,
one changed task per 5 of them, and the day's events continuing the chain.

Each ingest runs in a fresh child process (``--child``) that reports its time and its
RSS: before the ingest (database open, imports done) and the peak during it (sampled
every 50 ms from /proc and ``ru_maxrss``). PostgreSQL: ``--url``, or
``COUNTY_BENCH_PG_URL``, or (as root) a throwaway database on the local Debian cluster
(started when it is down) dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_DIR = Path(os.environ.get("COUNTY_BENCH_DIR", "/work/county-bench"))
TEMPLATE_APPS = 100
#: Types sent once per township (not per application).
ONCE = ("township", "village", "staff")
#: Events kept per template copy: every EVENT_STRIDE-th (≈1.2 per application).
EVENT_STRIDE = 11
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def log(msg: str) -> None:
    print(f"[bench-county {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- the template ------------------------------------------------------------------------
def template(folder: Path = BENCH_DIR) -> dict[str, Any]:
    """{"code", "records": {type: [record]}} of a real 100-application demo export;
    made once in ``folder`` (template.json) together with the county's keys."""
    path = folder / "template.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    from county_receiver.receiver import County
    from desktop_app.core.db import open_database
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from desktop_app.core.services.demo import fill_demo
    from sync_contract import envelope as env
    from sync_contract.keys import KeyStore, read_public_keys

    log(f"template: a demo township of {TEMPLATE_APPS} applications …")
    work = Path(tempfile.mkdtemp(prefix="county-bench-", dir=folder))
    try:
        data = work / "data"
        open_database(data).close()
        if not (folder / "county-keys" / "county.json").exists():
            County("sqlite://", folder / "county-keys").keygen("522201", "基准测试县")
        svc = Services.open(data)
        try:
            fill_demo(svc, TEMPLATE_APPS, seed=17)
            svc.sync.import_county_keys(folder / "county-keys" / "county.json", SYSTEM)
            pub_path = work / "township-public.json"
            svc.sync.export_public_keys(pub_path)
            out = work / "usb"
            out.mkdir()
            built = svc.sync.export(out, SYSTEM)
        finally:
            svc.close()
        pub = read_public_keys(pub_path)
        ident = KeyStore(folder / "county-keys").age_identity
        with env.open_package(built.path, [ident], [pub.ed25519]) as pkg:
            records = {t: list(pkg.iter_records(t)) for t in pkg.manifest["counts"]}
        doc = {"code": pub.code, "name": pub.name, "records": records}
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return doc
    finally:
        shutil.rmtree(work, ignore_errors=True)


class Generator:
    """Township records at any scale from the template (deterministic)."""

    def __init__(self, tmpl: dict[str, Any]) -> None:
        self.code = tmpl["code"]
        recs: dict[str, list[dict]] = tmpl["records"]
        self.types = list(recs)
        shared = {r["uuid"] for t in ONCE for r in recs.get(t, [])}
        #: the per-application uuids (renamed per copy)
        self.own = {m for t, rs in recs.items() if t not in ONCE for r in rs
                    for m in _UUID.findall(json.dumps(r))} - shared
        self.text = {t: [json.dumps(r, ensure_ascii=False) for r in rs]
                     for t, rs in recs.items()}
        self.once = {t: recs.get(t, []) for t in ONCE}
        self.stride = max(r["change_seq"] for rs in recs.values() for r in rs) + 1
        events = recs.get("event", [])
        self.events = [e for i, e in enumerate(events) if i % EVENT_STRIDE == 0]

    def _rename(self, copy: int):
        own = self.own

        def sub(m: re.Match) -> str:
            u = m.group(0)
            if u not in own:
                return u
            tail = int(u[24:], 16) ^ (copy << 20)
            return f"{u[:24]}{tail:012x}"
        return sub

    def copy(self, type_: str, copy: int) -> Iterator[dict]:
        """The records of ``type_`` of template copy ``copy`` (100 applications)."""
        sub = self._rename(copy)
        base = copy * self.stride
        for text in self.text[type_]:
            rec = json.loads(_UUID.sub(sub, text))
            rec["change_seq"] += base
            yield rec

    def copies(self, type_: str, copies: range) -> Iterator[dict]:
        for c in copies:
            yield from self.copy(type_, c)

    def events_of(self, copies: range, start: tuple[int, str]) -> Iterator[dict]:
        """The kept events of ``copies``, numbered on from ``start`` = (seq, hash) of the
        last event before them, re-chained."""
        from sync_contract.audit import record_hash

        seq, prev = start
        for c in copies:
            sub = self._rename(c)
            for e in self.events:
                rec = json.loads(_UUID.sub(sub, json.dumps(e, ensure_ascii=False)))
                seq += 1
                rec["seq"], rec["prev_hash"] = seq, prev
                rec["change_seq"] += c * self.stride
                rec["hash"] = prev = record_hash(rec)
                yield rec
        self.last = (seq, prev)


def _build(path: Path, gen: Generator, keys, county_recipient: str, seq: int,
           members: dict[str, Any], lo: int, hi: int, head: tuple[int, str]) -> None:
    from sync_contract import envelope as env

    env.build_package(path, members, {
        "kind": env.TOWNSHIP_EXPORT, "township_code": gen.code, "device_id": keys.device_id,
        "package_seq": seq, "change_seq_from": lo, "change_seq_to": hi,
        "audit_head": {"seq": head[0], "hash": head[1]}}, keys.signing_key, [county_recipient],
        work_dir=path.parent)


def packages(applications: int, day: int = TEMPLATE_APPS,
             folder: Path = BENCH_DIR) -> tuple[Path, Path]:
    """(full package 1, day package 2) of ``applications`` (cached in ``folder``)."""
    from sync_contract.keys import KeyStore

    copies = max(1, applications // TEMPLATE_APPS)
    day_copies = max(1, day // TEMPLATE_APPS)
    where = folder / f"packages-{copies * TEMPLATE_APPS}-{day_copies * TEMPLATE_APPS}"
    full, daily = where / "full.twpkg", where / "day.twpkg"
    if full.exists() and daily.exists():
        return full, daily
    gen = Generator(template(folder))
    where.mkdir(parents=True, exist_ok=True)
    keys = KeyStore(folder / "township-keys").ensure()
    keys.public_keys("township", gen.code, "基准乡镇").write(folder / "township-public.json")
    county = KeyStore(folder / "county-keys").age_recipient
    t = time.perf_counter()
    log(f"building the full package: {copies * TEMPLATE_APPS:,} applications …")
    from sync_contract.audit import GENESIS

    def full_members() -> dict[str, Any]:
        out: dict[str, Any] = {}
        for type_ in gen.types:
            if type_ in ONCE:
                out[type_] = gen.once[type_]
            elif type_ == "event":
                out[type_] = gen.events_of(range(copies), (0, GENESIS))
            else:
                out[type_] = gen.copies(type_, range(copies))
        return out
    # the audit head is known only after the events are drawn: draw them once first
    last = (0, GENESIS)
    for _ in gen.events_of(range(copies), last):
        pass
    head = gen.last
    hi = copies * gen.stride
    _build(full.with_suffix(".part"), gen, keys, county, 1, full_members(), 1, hi, head)
    full.with_suffix(".part").replace(full)
    log(f"full package built in {time.perf_counter() - t:.0f} s ({full.stat().st_size / 1e6:.0f} MB)")

    def day_members() -> dict[str, Any]:
        out: dict[str, Any] = {t: [] for t in gen.types}
        day_range = range(copies, copies + day_copies)
        for type_ in gen.types:
            if type_ in ONCE:
                continue
            if type_ == "event":
                out[type_] = gen.events_of(day_range, head)
            else:
                out[type_] = [r for c in day_range for r in gen.copy(type_, c)]
        changed = []                  # a day's work on older applications: tasks moved on
        for i, rec in enumerate(gen.copy("requested_item", 0)):
            if i >= max(1, day_copies * TEMPLATE_APPS // 5):
                break
            rec["version"] += 1
            rec["change_seq"] = hi + day_copies * gen.stride + i + 1
            changed.append(rec)
        out["requested_item"] = [*out["requested_item"], *changed]
        return out
    for _ in gen.events_of(range(copies, copies + day_copies), head):
        pass
    day_head = gen.last
    _build(daily.with_suffix(".part"), gen, keys, county, 2, day_members(), hi + 1,
           hi + day_copies * gen.stride + day_copies * TEMPLATE_APPS, day_head)
    daily.with_suffix(".part").replace(daily)
    return full, daily


# -- PostgreSQL -------------------------------------------------------------------------
class LocalPg:
    """A throwaway role + database on the local Debian cluster (root only)."""

    def __init__(self) -> None:
        self.name = f"county_bench_{os.getpid()}"
        self.password = secrets.token_hex(12)

    def _psql(self, sql: str) -> None:
        subprocess.run(["su", "postgres", "-c", "psql -v ON_ERROR_STOP=1 -qAt -d postgres"],
                       input=sql, text=True, check=True, capture_output=True)

    def __enter__(self) -> str:
        etc = Path("/etc/postgresql")
        ver = sorted((p.name for p in etc.iterdir() if p.name.isdigit()), key=int)[-1]
        if subprocess.run(["pg_ctlcluster", ver, "main", "status"],
                          capture_output=True).returncode != 0:
            subprocess.run(["pg_ctlcluster", ver, "main", "start"], check=True)
        port = 5432
        for line in subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True,
                                   text=True).stdout.splitlines():
            parts = line.split()
            if parts[:2] == [ver, "main"]:
                port = int(parts[2])
        self._psql(f"DROP DATABASE IF EXISTS {self.name}; DROP ROLE IF EXISTS {self.name}; "
                   f"CREATE ROLE {self.name} LOGIN PASSWORD '{self.password}';")
        self._psql(f"CREATE DATABASE {self.name} OWNER {self.name};")
        return f"postgresql+psycopg://{self.name}:{self.password}@127.0.0.1:{port}/{self.name}"

    def __exit__(self, *exc) -> None:
        self._psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE); "
                   f"DROP ROLE IF EXISTS {self.name};")


# -- one ingest in a child process -------------------------------------------------------
def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def child(url: str, folder: Path, package: Path, register: bool,
          derive: bool = True) -> dict[str, Any]:
    """Ingest ``package`` into ``url``; time and RSS (MB). ``derive=False``: without the
    views' derived tables (the ingest proper, for comparison)."""
    from county_receiver import receiver
    from county_receiver.receiver import County

    if not derive:
        receiver.derive = lambda *a, **k: 0  # type: ignore[assignment]

    county = County(url, folder / "county-keys")
    if register:
        pub = json.loads((folder / "township-public.json").read_text())
        county.register(pub["code"], folder / "township-public.json")
    county.engine  # noqa: B018 - open (migrate) before the baseline
    import sync_contract.validation  # noqa: F401 - imports done before the baseline
    before = _rss_mb()
    peak = [before]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], _rss_mb())
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    t = time.perf_counter()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    res = county.ingest(package)
    seconds = time.perf_counter() - t
    ru2 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (ru2.ru_utime - ru.ru_utime) + (ru2.ru_stime - ru.ru_stime)
    stop.set()
    th.join()
    peak[0] = max(peak[0], _rss_mb())
    county.close()
    records = sum(sum(v.values()) for v in res.applied.values())
    return {"seconds": seconds, "cpu_s": cpu, "load": os.getloadavg()[0], "records": records, "rss_before_mb": before,
            "rss_peak_mb": peak[0], "maxrss_mb": resource.getrusage(
                resource.RUSAGE_SELF).ru_maxrss / 1024, "applied": res.applied}


def run_child(url: str, folder: Path, package: Path, register: bool,
              derive: bool = True) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    try:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(package),
               "--url", url, "--dir", str(folder), "--json", str(out)]
        if register:
            cmd.append("--register")
        if not derive:
            cmd.append("--no-derive")
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=sys.stderr)
        return json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)


def bench(url: str, applications: int, day: int, folder: Path,
          derive: bool = True) -> dict[str, Any]:
    t = time.perf_counter()
    full, daily = packages(applications, day, folder)
    build_s = time.perf_counter() - t
    log(f"ingest of the full package ({full.stat().st_size / 1e6:.0f} MB) …")
    res_full = run_child(url, folder, full, True, derive)
    log(f"full: {res_full['seconds']:.1f} s (CPU {res_full['cpu_s']:.0f} s, load "
        f"{res_full['load']:.1f}), {res_full['records']:,} records, RSS "
        f"{res_full['rss_before_mb']:.0f} → peak {res_full['rss_peak_mb']:.0f} MB")
    res_day = run_child(url, folder, daily, False, derive)
    log(f"day: {res_day['seconds']:.2f} s, {res_day['records']:,} records")
    return {"applications": applications, "derive": derive, "package_mb": full.stat().st_size / 1e6,
            "build_s": build_s, "full": res_full, "day": res_day}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applications", type=int, default=100_000)
    ap.add_argument("--day", type=int, default=TEMPLATE_APPS)
    ap.add_argument("--url", default=os.environ.get("COUNTY_BENCH_PG_URL"))
    ap.add_argument("--dir", type=Path, default=BENCH_DIR)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--register", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-derive", action="store_true",
                    help="ingest without the views' derived tables (the ingest proper)")
    args = ap.parse_args()
    if args.child:
        res = child(args.url, args.dir, args.child, args.register, not args.no_derive)
    elif args.url:
        res = bench(args.url, args.applications, args.day, args.dir, not args.no_derive)
    else:
        with LocalPg() as url:
            res = bench(url, args.applications, args.day, args.dir, not args.no_derive)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    else:
        print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
