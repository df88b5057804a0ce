"""Done-when (issue 17, upload): the receiver on loopback over PostgreSQL; 20 townships
upload concurrently — several packages each, some repeated, some out of order, one cut
off mid-stream — bounded in count and time. Afterwards the county holds what USB ingest
of the same packages gives (row digests), every repeat was a no-op, the out-of-order
ones were refused as gaps and went in on retry, the cut-off one was held as incomplete
and finished on retry."""

from __future__ import annotations

import hashlib
import random
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import inspect, select, text

from county_receiver.http import issue_token
from county_receiver.models import CountyBase
from county_receiver.receiver import County
from sync_contract.envelope import package_name
from sync_contract.keys import public_key_b64

from .helpers import build_export, read_package
from .upload_server import live_receiver

pytestmark = pytest.mark.slow

TOWNSHIPS = 20
#: Tables whose rows are the upload machinery itself (tokens, sessions): not in the
#: comparison with USB ingest, which has none.
UPLOAD_TABLES = {"county_upload_token", "county_upload"}
#: Columns that differ between two databases with the same content: surrogate keys,
#: the time a row was written.
VOLATILE = {"id", "registered_at", "received_at", "detected_at", "recorded_at", "queued_at",
            "created_at"}


def content_digest(engine) -> str:
    """:func:`row_digest` over the county tables without surrogate ids and write times,
    townships by code: equal for two databases holding the same packages, whatever the
    order the townships' packages were applied in."""
    h = hashlib.sha256()
    with engine.connect() as con:
        codes = dict(con.execute(text("SELECT id, code FROM county_township")).all())
        present = set(inspect(con).get_table_names())
        for table in CountyBase.metadata.sorted_tables:
            if table.name not in present or table.name in UPLOAD_TABLES:
                continue
            cols = [c for c in table.columns if c.name not in VOLATILE]
            rows = []
            for r in con.execute(select(*cols)):
                m = dict(r._mapping)
                if "township_id" in m:
                    m["township_id"] = codes[m["township_id"]]
                rows.append(repr(sorted((k, v) for k, v in m.items() if v is not None)))
            if rows:
                h.update(table.name.encode())
            for row in sorted(rows):
                h.update(row.encode())
    return h.hexdigest()


def _townships(world, root: Path) -> dict[str, tuple[str, list[Path]]]:
    """20 townships (own Ed25519 keys, codes 5222011000xx), each with three packages built
    from the demo township's records: 1 and 2 its real ones re-signed, 3 a package
    without records whose audit head is the last event."""
    man1, recs1 = read_package(world, world.packages[0])
    man2, recs2 = read_package(world, world.packages[1])
    out: dict[str, tuple[str, list[Path]]] = {}
    for i in range(TOWNSHIPS):
        code = f"{world.code[:6]}1000{i:02d}"
        key = Ed25519PrivateKey.generate()
        folder = root / code
        folder.mkdir(parents=True)
        pkgs = [
            build_export(folder / package_name(code, 1), world, 1, recs1, lo=man1["change_seq_from"],
                         hi=man1["change_seq_to"], audit_head=man1["audit_head"],
                         signing_key=key, code=code),
            build_export(folder / package_name(code, 2), world, 2, recs2, lo=man2["change_seq_from"],
                         hi=man2["change_seq_to"], audit_head=man2["audit_head"],
                         signing_key=key, code=code),
            build_export(folder / package_name(code, 3), world, 3, {}, lo=man2["change_seq_to"] + 1,
                         hi=man2["change_seq_to"] + 1, audit_head=man2["audit_head"],
                         signing_key=key, code=code),
        ]
        out[code] = (public_key_b64(key.public_key()), pkgs)
    return out


def _register(county: County, towns) -> None:
    for code, (verify_key, _) in towns.items():
        county.register(code, verify_key, name=f"测试乡镇{code[-2:]}")


def _cut_off(base: str, token: str, code: str, seq: int, data: bytes, sent: int,
             client: httpx.Client) -> None:
    """A PUT announcing the whole package whose connection drops after ``sent`` bytes —
    once the county has started writing them (uvicorn drops a body it has not handed to
    the app yet when the connection goes: then there would be nothing to resume)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall((f"PUT /v1/packages/{code}/{seq} HTTP/1.1\r\nHost: {host}\r\n"
                   f"Authorization: Bearer {token}\r\nUpload-Length: {len(data)}\r\n"
                   f"Content-Length: {len(data)}\r\n\r\n").encode() + data[:sent])
        for _ in range(600):
            if int(client.head(f"/v1/packages/{code}/{seq}").headers["Upload-Offset"]):
                break
            time.sleep(0.05)


def test_twenty_townships_upload_concurrently(pg_url, pg_server, world, tmp_path):  # noqa: C901 - one scenario
    towns = _townships(world, tmp_path / "packages")
    county = County(pg_url, world.county_keys)
    _register(county, towns)
    tokens = {code: issue_token(county, code) for code in towns}
    codes = sorted(towns)
    truncated, short = codes[3], codes[5]
    rng = random.Random(17)
    requests = 0
    outcomes: dict[str, list[tuple[int, int, str]]] = {c: [] for c in codes}

    def put(client, code, seq, data, start=0):
        nonlocal requests
        requests += 1
        headers = {"Upload-Length": str(len(data))}
        body = data
        if start:
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
            body = data[start:]
        r = client.put(f"/v1/packages/{code}/{seq}", content=body, headers=headers)
        out = r.json()
        outcomes[code].append((seq, r.status_code, out.get("status") or out.get("reason")))
        return r

    def township(code: str, base: str) -> None:
        _, paths = towns[code]
        data = [p.read_bytes() for p in paths]
        with httpx.Client(base_url=base, timeout=60,
                          headers={"Authorization": f"Bearer {tokens[code]}"}) as client:
            if code == truncated:
                sent = len(data[0]) // 3
                _cut_off(base, tokens[code], code, 1, data[0], sent, client)
                held = 0
                for _ in range(600):    # the server notes the bytes once it sees the drop
                    held = int(client.head(f"/v1/packages/{code}/1").headers["Upload-Offset"])
                    if held == sent:
                        break
                    time.sleep(0.05)
                assert held == sent
                r = put(client, code, 2, data[1])      # meanwhile: a gap, nothing changed
                assert r.status_code == 409 and r.json()["reason"] == "sequence_gap"
                r = put(client, code, 1, data[0], start=held)           # the retry
                assert r.status_code == 200 and r.json()["status"] == "ingested"
            if code == short:            # a package cut short and declared so: refused
                r = put(client, code, 1, data[0][:len(data[0]) // 2])
                assert r.status_code == 422, r.text
            order = [1, 2, 3] if code != truncated else [2, 3]
            if rng.random() < 0.5:       # out of order: 3 before 2 → gap, then in order
                r = put(client, code, 3, data[2])
                assert r.status_code == 409 and r.json()["reason"] == "sequence_gap"
            for seq in order:
                r = put(client, code, seq, data[seq - 1])
                if r.status_code == 409 and r.json()["reason"] == "sequence_gap":
                    assert seq > 1
                    continue
                assert r.status_code == 200, r.text
            for seq in (1, 2, 3):        # repeats after the fact: no-ops
                r = put(client, code, seq, data[seq - 1])
                assert r.status_code == 200 and r.json()["status"] in (
                    "ingested", "already_received"), r.text

    started = time.monotonic()
    with live_receiver(county, tmp_path / "county-data") as base:
        with ThreadPoolExecutor(TOWNSHIPS) as pool:
            for f in [pool.submit(township, c, base) for c in codes]:
                f.result()
        before_repeats = content_digest(county.engine)
        with httpx.Client(base_url=base, timeout=60) as client:     # one more round of repeats
            for code in codes:
                client.headers["Authorization"] = f"Bearer {tokens[code]}"
                for seq, path in enumerate(towns[code][1], 1):
                    r = client.put(f"/v1/packages/{code}/{seq}", content=path.read_bytes(),
                                   headers={"Upload-Length": str(path.stat().st_size)})
                    requests += 1
                    assert r.json()["status"] == "already_received"
        assert content_digest(county.engine) == before_repeats
    elapsed = time.monotonic() - started
    # bounded: at most 1 + 3 + 3 PUTs per township (+ 1 for the cut-off one), 3 repeats after
    assert requests <= TOWNSHIPS * 10 + 3
    assert elapsed < 240, f"{elapsed:.1f} s"       # 41 s measured on a shared, loaded 2-core box
    with county.engine.connect() as con:
        got = con.execute(text("SELECT count(*) FROM county_package")).scalar()
        sessions = con.execute(text("SELECT count(*) FROM county_upload")).scalar()
    assert got == TOWNSHIPS * 3 and sessions == 0
    assert list((tmp_path / "county-data" / "uploads").iterdir()) == []
    # the USB way: the same packages, one by one, into another database
    pg_server.admin("CREATE DATABASE usb_twin OWNER " + pg_server.user + ";")
    try:
        usb = County(pg_server.url("usb_twin"), world.county_keys)
        try:
            _register(usb, towns)
            for code in codes:
                for path in towns[code][1]:
                    usb.ingest(path)
            assert content_digest(usb.engine) == content_digest(county.engine)
            q = text("SELECT count(*) FROM county_record")
            with usb.engine.connect() as a, county.engine.connect() as b:
                assert a.execute(q).scalar() == b.execute(q).scalar() > 0
        finally:
            usb.close()
    finally:
        pg_server.admin("DROP DATABASE IF EXISTS usb_twin WITH (FORCE);")
        county.close()
    print(f"\n20 townships × 3 packages over HTTP: {elapsed:.2f} s, {requests} PUTs")
