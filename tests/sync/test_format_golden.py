"""The wire format is pinned: a package built from fixed records, a fixed Ed25519 key
(signatures are deterministic) and a fixed ``created_at`` has the same inner ZIP, byte for
byte, as the code produced before the contract moved to ``sync_contract`` (the hashes
below were computed with that code). A change here is a format change: CHANGELOG.md
("Sync format") and, if an older reader would misread it, a new ``format_version``.

Version 1 is still written (the county answers a township that has not been updated in
its version): its bytes are the very bytes of before format 2. Version 2 differs only by
the version number and the new (empty) member ``data/related_person.jsonl``; version 3
(issue 13) by the version number and the new (empty) members ``data/reserve_batch.jsonl``,
``data/reserve_entry.jsonl`` and ``data/task_stage.jsonl``; version 4 (issue 15) by the
version number and the new (empty) members of ``ADDED_IN_4`` — its pinned bytes change
whenever an issue-15 part adds a type (recompute them then). Versions 2 and 3 are still
written (to a township on that format) byte for byte as before."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync_contract import envelope as env
from sync_contract.versions import ADDED_IN_4

INNER_SHA256 = "014b9e9f97ffc48a9e659386f8a0f13c129f81bb881f49d46155c1bdc018947e"
MANIFEST_SHA256 = "ae7c6cd0e2f52bf724caaff54b942f7fb4cd1671b4dd2b0a96610f6bc66ff523"
INNER_SHA256_V2 = "146222c957ecb0872ea44acc3bd11072f327cdf205b3c62301fa7f499033dc8a"
MANIFEST_SHA256_V2 = "425637452a18342cdb9e916334bed99f679b474da501966433cd24b2485df1e3"
INNER_SHA256_V3 = "156aa52d4f8b5b33a9f58987e11220e66d644e91e1fa4281b9fa8d33bc148f02"
MANIFEST_SHA256_V3 = "78f6c55794b62e95267ec404cce8be0636960346343c6e82ba37fdbb6b44107a"
INNER_SHA256_V4 = "6ea43fbb36dc334a15b746cd643f334a6d7f405af45a7321fcbf76d615745bc3"  # with every issue-15 type
MANIFEST_SHA256_V4 = "0b7795588bc150d5c520e53f901543b06add69383ee13dd3ea12fac0e63eece8"
# version 5 (issue 17): only the number changes in a township export (no new export type)
INNER_SHA256_V5 = "b6244a0bf4f46661ac42a709230c5c0c8b9a4588145f445ef0653bf468fff169"
MANIFEST_SHA256_V5 = "f41742d07f33e79de0178265ab540e84a6b7e995f7757b598838a2ba9613a8c8"


def _build(tmp_path, version=None):
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
    out = tmp_path / f"inner-{version}.zip"
    built = env.write_inner(out, records, manifest, key, version=version)
    return hashlib.sha256(out.read_bytes()).hexdigest(), built


def test_inner_package_bytes_of_version_1_are_unchanged(tmp_path):
    inner, built = _build(tmp_path, version=1)
    assert inner == INNER_SHA256
    assert built.digest == MANIFEST_SHA256
    assert built.manifest["format_version"] == 1
    assert "related_person" not in built.counts


def test_inner_package_bytes_of_version_2_are_unchanged(tmp_path):
    inner, built = _build(tmp_path, version=2)
    assert built.manifest["format_version"] == 2
    assert built.counts["related_person"] == 0
    assert "task_stage" not in built.counts
    assert built.manifest["members"]["data/related_person.jsonl"] == {
        "sha256": hashlib.sha256(b"").hexdigest(), "size": 0}
    assert (inner, built.digest) == (INNER_SHA256_V2, MANIFEST_SHA256_V2)


def test_inner_package_bytes_of_version_3_are_unchanged(tmp_path):
    inner, built = _build(tmp_path, version=3)
    assert built.manifest["format_version"] == 3
    for type_ in ("reserve_batch", "reserve_entry", "task_stage"):
        assert built.counts[type_] == 0
        assert built.manifest["members"][f"data/{type_}.jsonl"] == {
            "sha256": hashlib.sha256(b"").hexdigest(), "size": 0}
    assert (inner, built.digest) == (INNER_SHA256_V3, MANIFEST_SHA256_V3)


def test_inner_package_bytes_of_version_4_are_unchanged(tmp_path):
    inner, built = _build(tmp_path, version=4)
    assert built.manifest["format_version"] == 4
    for type_ in ADDED_IN_4[env.TOWNSHIP_EXPORT]:
        assert built.counts[type_] == 0
        assert built.manifest["members"][f"data/{type_}.jsonl"] == {
            "sha256": hashlib.sha256(b"").hexdigest(), "size": 0}
    assert (inner, built.digest) == (INNER_SHA256_V4, MANIFEST_SHA256_V4)


def test_inner_package_bytes_of_version_5_are_pinned(tmp_path):
    inner, built = _build(tmp_path)
    assert built.manifest["format_version"] == env.FORMAT_VERSION == 5
    assert set(built.counts) == set(env.types_of(env.TOWNSHIP_EXPORT, 4))
    assert (inner, built.digest) == (INNER_SHA256_V5, MANIFEST_SHA256_V5)
