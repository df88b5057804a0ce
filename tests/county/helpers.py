"""Helpers to read real township packages and to craft (good and bad) ones."""

from __future__ import annotations

import hashlib
from pathlib import Path

from county_receiver.receiver import County
from sync_contract import envelope as env
from sync_contract import keys as _keys
from sync_contract.keys import KeyStore, read_public_keys


def read_package(world, path: Path) -> tuple[dict, dict[str, list[dict]]]:
    """(manifest, records by type) of a real package, decrypted with the county identity."""
    pub = read_public_keys(world.township_public)
    with env.open_package(path, [KeyStore(world.county_keys).age_identity], [pub.ed25519]) as pkg:
        return pkg.manifest, {t: list(pkg.iter_records(t)) for t in env.TYPES[env.TOWNSHIP_EXPORT]}


def build_export(path: Path, world, seq: int, records: dict[str, list[dict]], *, lo: int,
                 hi: int, audit_head: dict | None = None, signing_key=None,
                 recipient: str | None = None, code: str | None = None,
                 version: int | None = None) -> Path:
    """A well-formed (signed, encrypted) township export package (format ``version``,
    default the current one)."""
    ks = world.township_keys
    return env.build_package(
        path, records, {"kind": env.TOWNSHIP_EXPORT, "township_code": code or world.code,
                        "device_id": ks.device_id, "package_seq": seq, "change_seq_from": lo,
                        "change_seq_to": hi, "audit_head": audit_head},
        signing_key or ks.signing_key, [recipient or world.county_recipient],
        version=version).path


def member_bytes(records: dict[str, list[dict]]) -> dict[str, bytes]:
    return {env.member_name(t): b"".join(env.canonical_json(r) + b"\n"
                                         for r in records.get(t, []))
            for t in env.TYPES[env.TOWNSHIP_EXPORT]}


def export_manifest(world, seq: int, members: dict[str, bytes], *, signing_key=None,
                    lo: int = 1, hi: int = 1, audit_head=None, **over) -> dict:
    """The manifest of hand-made ``members`` (name → bytes), as the township writes it."""
    key = signing_key or world.township_keys.signing_key
    pub = key.public_key()
    counts, sums = {}, {}
    for t in env.TYPES[env.TOWNSHIP_EXPORT]:
        data = members.get(env.member_name(t), b"")
        counts[t] = data.count(b"\n")
        sums[env.member_name(t)] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    man = {"format": "twsync", "format_version": env.FORMAT_VERSION, "kind": env.TOWNSHIP_EXPORT,
           "township_code": world.code, "device_id": world.township_keys.device_id,
           "package_seq": seq, "previous_seq": seq - 1, "change_seq_from": lo,
           "change_seq_to": hi, "created_at": "2026-11-24T02:00:00Z", "generator": "test",
           "counts": counts, "members": sums, "signer_public_key": _keys.public_key_b64(pub),
           "signer_fingerprint": _keys.fingerprint(pub), "audit_head": audit_head}
    man.update(over)
    return man


def new_county(url: str, world, *, register: bool = True) -> County:
    """A county on ``url`` with the world's county keys (and the township registered)."""
    county = County(url, world.county_keys)
    if register:
        county.register(world.code, world.township_public)
    return county
