"""The wire format is pinned: a package built from fixed records, a fixed Ed25519 key
(signatures are deterministic) and a fixed ``created_at`` has the same inner ZIP, byte for
byte, as the code produced before the contract moved to ``sync_contract`` (the hashes
below were computed with that code). A change here is a format change: CHANGELOG.md
("Sync format") and, if a v1 reader would misread it, ``format_version`` 2."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync_contract import envelope as env

INNER_SHA256 = "014b9e9f97ffc48a9e659386f8a0f13c129f81bb881f49d46155c1bdc018947e"
MANIFEST_SHA256 = "ae7c6cd0e2f52bf724caaff54b942f7fb4cd1671b4dd2b0a96610f6bc66ff523"


def test_inner_package_bytes_are_unchanged(tmp_path):
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    records = {
        "township": [{"uuid": "00000000-0000-4000-8000-000000000001", "version": 1,
                      "change_seq": 1, "code": "110101001000", "name": "东华门街道"}],
        "event": [{"seq": 1, "hash": "a" * 64, "note": "中文 ✓"}, {"seq": 2, "n": 1.5, "b": None}],
    }
    manifest = {"kind": env.TOWNSHIP_EXPORT, "township_code": "110101001000",
                "device_id": "00000000-0000-4000-8000-00000000000d", "package_seq": 3,
                "change_seq_from": 1, "change_seq_to": 2,
                "audit_head": {"seq": 2, "hash": "b" * 64}, "created_at": "2026-11-24T02:00:00Z"}
    out = tmp_path / "inner.zip"
    built = env.write_inner(out, records, manifest, key)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == INNER_SHA256
    assert built.digest == MANIFEST_SHA256
    assert built.manifest["format_version"] == env.FORMAT_VERSION == 1
