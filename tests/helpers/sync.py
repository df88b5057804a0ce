"""Sync test helpers: crafting (good and bad) county return packages, a digest of every
row of the database, a township's code, and the decisions the sync tests start from."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import stat
import zipfile
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from desktop_app.core.models import RequestedItem
from sync_contract import envelope as env
from sync_contract.keys import KeyStore
from tests.helpers.drafts import draft, resident_id


def db_digest(data_dir: Path) -> str:
    """SHA-256 over every row of every table (read-only connection)."""
    con = sqlite3.connect(f"file:{data_dir / 'township.sqlite3'}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for t in tables:
            h.update(t.encode())
            for row in sorted(repr(r) for r in con.execute(f'SELECT * FROM "{t}"')):
                h.update(row.encode())
        return h.hexdigest()
    finally:
        con.close()


#: What a command-line login writes (its audit events, the chain head, the change counter
#: and the staff row's login bookkeeping) — left out by :func:`data_digest`.
_LOGIN_WRITES = {"audit_head", "change_counter"}
_STAFF_LOGIN_COLUMNS = {"last_login_at", "failed_logins", "locked_until", "version",
                        "change_seq"}


def data_digest(data_dir: Path) -> str:
    """:func:`db_digest` without what logging a user in writes: for "nothing changed"
    checks around a ``desktop-app`` command, which logs its user in first (docs/roles.md)."""
    con = sqlite3.connect(f"file:{data_dir / 'township.sqlite3'}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for t in tables:
            if t in _LOGIN_WRITES:
                continue
            h.update(t.encode())
            if t == "staff":
                cols = [c[1] for c in con.execute("PRAGMA table_info(staff)")
                        if c[1] not in _STAFF_LOGIN_COLUMNS]
                query = f'SELECT {", ".join(cols)} FROM staff'
            elif t == "event":
                query = "SELECT * FROM event WHERE action NOT LIKE 'auth.%'"
            else:
                query = f'SELECT * FROM "{t}"'
            for row in sorted(repr(r) for r in con.execute(query)):
                h.update(row.encode())
        return h.hexdigest()
    finally:
        con.close()


def township_code(services) -> str:
    from sqlalchemy import select

    from desktop_app.core.models import Township

    with services.ctx.db.read() as s:
        return s.scalar(select(Township.code))


def make_return(path: Path, services, county: KeyStore, seq: int, records: dict, *,
                recipient: str | None = None, signing_key=None, code: str | None = None,
                version: int | None = None) -> Path:
    """A well-formed county return package for the township of ``services`` (in format
    ``version``, default the current one)."""
    recipient = recipient or services.sync.keys.ensure().age_recipient
    return env.build_package(
        path, records, {"kind": env.COUNTY_RETURN, "township_code": code or township_code(services),
                        "device_id": county.device_id, "package_seq": seq},
        signing_key or county.signing_key, [recipient], validate=False, version=version).path


def craft(path: Path, manifest: dict, members: dict[str, bytes], *, signing_key,
          recipient: str, sign_bytes: bytes | None = None, extra: list | None = None,
          manifest_bytes: bytes | None = None) -> Path:
    """A package assembled by hand: ``members`` are written as given (names and bytes),
    ``manifest`` is signed as canonical JSON (or ``manifest_bytes``); ``extra``:
    additional (ZipInfo|name, bytes) entries."""
    mbytes = manifest_bytes if manifest_bytes is not None else env.canonical_json(manifest)
    sig = signing_key.sign(sign_bytes if sign_bytes is not None else mbytes)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(env.MANIFEST, mbytes)
        zf.writestr(env.SIGNATURE, sig)
        for name, data in members.items():
            zf.writestr(name, data)
        for info, data in extra or []:
            zf.writestr(info, data)
    path.write_bytes(pyrage.encrypt(buf.getvalue(), [pyrage.x25519.Recipient.from_str(recipient)]))
    return path


def return_manifest(services, county: KeyStore, seq: int, members: dict[str, bytes], **over):
    counts = {t: 0 for t in env.TYPES[env.COUNTY_RETURN]}
    sums = {}
    for t in env.TYPES[env.COUNTY_RETURN]:
        data = members.get(env.member_name(t), b"")
        counts[t] = data.count(b"\n")
        sums[env.member_name(t)] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    pub = county.signing_key.public_key()
    from sync_contract import keys

    man = {"format": "twsync", "format_version": env.FORMAT_VERSION, "kind": env.COUNTY_RETURN,
           "township_code": township_code(services), "device_id": county.device_id,
           "package_seq": seq, "previous_seq": seq - 1, "change_seq_from": None,
           "change_seq_to": None, "created_at": "2026-11-24T02:00:00Z", "generator": "test",
           "counts": counts, "members": sums, "signer_public_key": keys.public_key_b64(pub),
           "signer_fingerprint": keys.fingerprint(pub), "audit_head": None}
    man.update(over)
    return man


def all_members(members: dict[str, bytes]) -> dict[str, bytes]:
    out = {env.member_name(t): b"" for t in env.TYPES[env.COUNTY_RETURN]}
    out.update(members)
    return out


SYMLINK = zipfile.ZipInfo("data/link.jsonl")
SYMLINK.external_attr = (stat.S_IFLNK | 0o777) << 16
OTHER_KEY = Ed25519PrivateKey.generate()


def referred_task(services, township) -> RequestedItem:
    r = services.intake.decide(draft(services, items=("MEDICAL",), id_number=resident_id(seed=9)),
                               "accept", township)
    services.handling.issue_handover_list("HEALTHCARE", township)
    with services.ctx.db.read() as s:
        return s.scalar(select(RequestedItem).where(
            RequestedItem.application_id == r.application_id))


def feedback(task_uuid, **over):
    rec = {"task_uuid": task_uuid, "result": "done", "result_on": "2026-11-24",
           "result_text": "已报销", "amount_fen": 60000, "period_from": None, "period_to": None,
           "signed_by": "王医保", "signed_on": "2026-11-24", "department": "HEALTHCARE"}
    rec.update(over)
    return rec


def fill(services, township, n=3):
    ids = []
    for i in range(n):
        r = services.intake.decide(draft(services, name=f"张{'一二三四五六七八九十'[i % 10]}",
                                         id_number=resident_id(seed=100 + i),
                                         items=("DIBAO", "MEDICAL")), "accept", township)
        ids.append(r.application_id)
    return ids
