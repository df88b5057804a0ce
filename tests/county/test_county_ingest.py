"""County ingest on a real PostgreSQL server (and SQLite): newest version wins, replays
are no-ops, and every bad package is refused with one line while every county row stays
as it was (digest of all rows before and after)."""

from __future__ import annotations

import copy

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from county_receiver.models import CountyRecord, RecordConflict
from county_receiver.receiver import County
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import public_key_b64
from tests.county.helpers import (
    build_export,
    export_manifest,
    member_bytes,
    new_county,
    read_package,
)
from tests.helpers.sync import SYMLINK, craft

OTHER = Ed25519PrivateKey.generate()
OTHER_CODE = "110101001000"


@pytest.fixture
def base(world, pg_url):
    """PostgreSQL county: the world's township registered, package 1 ingested; another
    township registered with another key."""
    county = new_county(pg_url, world)
    county.register(OTHER_CODE, public_key_b64(OTHER),
                    age_recipients=[str(pyrage.x25519.Identity.generate().to_public())])
    assert not county.ingest(world.packages[0]).already_received
    yield county
    county.close()


def _one_line(exc: PackageError) -> None:
    msg = exc.message
    assert "\n" not in msg and " / " in msg and any("\u4e00" <= c <= "\u9fff" for c in msg), msg


def _case(name, world, tmp_path, county):  # noqa: C901 - one branch per bad-package case
    """Build the bad package ``name``: (path, reason)."""
    p = tmp_path / f"{name}.twpkg"
    man2, recs2 = read_package(world, world.packages[1])
    lo, hi, head = man2["change_seq_from"], man2["change_seq_to"], man2["audit_head"]
    members = member_bytes(recs2)
    man = export_manifest(world, 2, members, lo=lo, hi=hi, audit_head=head)
    key, rcpt = world.township_keys.signing_key, world.county_recipient
    good = world.packages[1]
    if name == "flipped_byte":
        data = bytearray(good.read_bytes())
        data[len(data) // 2] ^= 0x01
        p.write_bytes(bytes(data))
        return p, "decrypt_failed"
    if name == "truncated":
        p.write_bytes(good.read_bytes()[:-40])
        return p, "decrypt_failed"
    if name == "truncated_header":
        p.write_bytes(good.read_bytes()[:60])
        return p, "not_age"
    if name == "wrong_recipient":
        env.encrypt_inner(world.inner[1], p, [str(pyrage.x25519.Identity.generate().to_public())])
        return p, "wrong_recipient"
    if name == "unknown_signer":
        build_export(p, world, 2, recs2, lo=lo, hi=hi, audit_head=head,
                     signing_key=Ed25519PrivateKey.generate())
        return p, "unknown_signer"
    if name == "other_townships_key":    # a registered key, but not this township's
        build_export(p, world, 2, recs2, lo=lo, hi=hi, audit_head=head, signing_key=OTHER)
        return p, "unknown_signer"
    if name == "unregistered_township":
        build_export(p, world, 1, recs2, lo=lo, hi=hi, audit_head=head, code="110101002000")
        return p, "unknown_signer"
    if name == "bad_signature":
        craft(p, man, members, signing_key=key, recipient=rcpt, sign_bytes=b"other bytes")
        return p, "bad_signature"
    if name == "altered_data":      # valid signature over the manifest, data changed after
        altered = dict(members)
        rec = dict(recs2["application"][0], hardship_reason="改过的内容")
        altered["data/application.jsonl"] = b"".join(
            env.canonical_json(r) + b"\n" for r in [rec] + recs2["application"][1:])
        craft(p, man, altered, signing_key=key, recipient=rcpt)
        return p, "size_mismatch" if len(altered["data/application.jsonl"]) != len(
            members["data/application.jsonl"]) else "hash_mismatch"
    if name == "altered_same_size":
        altered = dict(members)
        data = bytearray(members["data/event.jsonl"])
        i = data.index(b'"action":"') + 10
        data[i] = ord("X") if data[i] != ord("X") else ord("Y")
        altered["data/event.jsonl"] = bytes(data)
        craft(p, man, altered, signing_key=key, recipient=rcpt)
        return p, "hash_mismatch"
    if name in ("dotdot", "absolute", "symlink"):
        entry = {"dotdot": "../evil.jsonl", "absolute": "/etc/evil.jsonl", "symlink": SYMLINK}[name]
        craft(p, man, members, signing_key=key, recipient=rcpt, extra=[(entry, b"x")])
        return p, {"dotdot": "unsafe_path", "absolute": "unsafe_path", "symlink": "bad_entry"}[name]
    if name == "zip_bomb":
        bomb = dict(members)
        bomb["data/village.jsonl"] = b"\n" * (40 << 20)
        craft(p, export_manifest(world, 2, bomb, lo=lo, hi=hi, audit_head=head), bomb,
              signing_key=key, recipient=rcpt)
        return p, "zip_bomb"
    if name == "oversized_member":
        county.limits = env.Limits(max_member_bytes=4096)
        return good, "member_too_large"
    if name == "unknown_version":
        craft(p, {**man, "format_version": env.FORMAT_VERSION + 1}, members, signing_key=key, recipient=rcpt)
        return p, "unsupported_version"
    if name == "malformed_manifest":
        craft(p, man, members, signing_key=key, recipient=rcpt, manifest_bytes=b"{not json")
        return p, "manifest_invalid"
    if name == "malformed_json":
        bad = dict(members)
        bad["data/village.jsonl"] = b'{"uuid": \n'
        craft(p, export_manifest(world, 2, bad, lo=lo, hi=hi, audit_head=head), bad,
              signing_key=key, recipient=rcpt)
        return p, "malformed_record"
    if name == "schema_invalid":
        recs = copy.deepcopy(recs2)
        recs["application"][0]["urgent"] = "yes"
        build_export(p, world, 2, recs, lo=lo, hi=hi, audit_head=head)
        return p, "schema_invalid"
    if name == "count_mismatch":
        craft(p, {**man, "counts": {**man["counts"], "application": man["counts"]["application"]
                                    + 1}}, members, signing_key=key, recipient=rcpt)
        return p, "count_mismatch"
    if name == "return_kind":
        craft(p, {**man, "kind": env.COUNTY_RETURN}, members, signing_key=key, recipient=rcpt)
        return p, "wrong_kind"
    if name == "not_a_zip":
        p.write_bytes(pyrage.encrypt(b"plain text", [pyrage.x25519.Recipient.from_str(rcpt)]))
        return p, "not_zip"
    if name == "skipped_sequence":
        build_export(p, world, 3, recs2, lo=lo, hi=hi, audit_head=head)
        return p, "sequence_gap"
    if name == "conflicting_sequence":     # package 1 again, other content
        build_export(p, world, 1, recs2, lo=lo, hi=hi, audit_head=head)
        return p, "sequence_conflict"
    if name == "tampered_event":           # signed by the township, but its log was edited
        recs = copy.deepcopy(recs2)
        recs["event"][0]["detail"] = recs["event"][0]["detail"].replace("{", '{"x":1,', 1)
        build_export(p, world, 2, recs, lo=lo, hi=hi, audit_head=head)
        return p, "audit_chain_broken"
    if name == "audit_head_mismatch":
        build_export(p, world, 2, recs2, lo=lo, hi=hi,
                     audit_head={"seq": head["seq"], "hash": "0" * 64})
        return p, "audit_chain_broken"
    raise AssertionError(name)


CASES = ["flipped_byte", "truncated", "truncated_header", "wrong_recipient", "unknown_signer",
         "other_townships_key", "unregistered_township", "bad_signature", "altered_data",
         "altered_same_size", "dotdot", "absolute", "symlink", "zip_bomb", "oversized_member",
         "unknown_version", "malformed_manifest", "malformed_json", "schema_invalid",
         "count_mismatch", "return_kind", "not_a_zip", "skipped_sequence",
         "conflicting_sequence", "tampered_event", "audit_head_mismatch"]


@pytest.mark.parametrize("name", CASES)
def test_bad_package_is_refused_with_one_line_and_no_county_row_changes(
        name, world, base, tmp_path):
    path, reason = _case(name, world, tmp_path, base)
    before = base.digest()
    with pytest.raises(PackageError) as exc:
        base.ingest(path)
    assert exc.value.reason == reason, exc.value.message
    _one_line(exc.value)
    if name == "skipped_sequence":
        assert "missing 2" in exc.value.message and "第 2 号包" in exc.value.message
        assert "–" not in exc.value.message  # a range of one is one number (issue 11)
    assert base.digest() == before
    base.limits = env.Limits()
    assert base.ingest(world.packages[1]).package_seq == 2     # the good one still applies


def test_replay_is_a_no_op(world, base):
    before = base.digest()
    res = base.ingest(world.packages[0])
    assert res.already_received and "already received" in res.message
    assert base.digest() == before


def test_newest_version_wins_older_is_ignored_equal_other_content_is_a_conflict(
        world, county_url, tmp_path):
    county = new_county(county_url, world)
    try:
        county.ingest(world.packages[0])
        _, recs1 = read_package(world, world.packages[0])
        apps = recs1["application"]
        newer = dict(apps[0], version=apps[0]["version"] + 1, change_seq=10**6,
                     hardship_reason="更新后的原因")
        older = dict(apps[1], version=apps[1]["version"] - 1 or 1, hardship_reason="旧的")
        if older["version"] == apps[1]["version"]:     # version 1 cannot get older
            older = None
        same_other = dict(apps[2], hardship_reason="同版本不同内容")
        unchanged = apps[3]
        batch = [newer, same_other, unchanged] + ([older] if older else [])
        path = build_export(tmp_path / "p2.twpkg", world, 2, {"application": batch},
                            lo=10**6, hi=10**6, audit_head=None)
        res = county.ingest(path)
        st = res.applied["application"]
        assert st["updated"] == 1 and st["unchanged"] == 1 and st["conflict"] == 1
        assert res.conflicts == 1 and "conflicting" in res.message
        with county.engine.connect() as con:
            data = {u: d for u, d in con.execute(select(CountyRecord.uuid, CountyRecord.data)
                                                 .where(CountyRecord.type == "application"))}
            assert data[newer["uuid"]]["hardship_reason"] == "更新后的原因"
            assert data[same_other["uuid"]] == apps[2]          # kept, reported aside
            assert con.scalar(select(func.count()).select_from(RecordConflict)) == 1
            row = con.execute(select(CountyRecord.version, CountyRecord.change_seq,
                                     CountyRecord.application_number)
                              .where(CountyRecord.uuid == newer["uuid"])).one()
            assert tuple(row) == (newer["version"], 10**6, newer["number"])
        # an older version arriving later never overwrites the newer one
        back = build_export(tmp_path / "p3.twpkg", world, 3, {"application": [apps[0]]},
                            lo=10**6 + 1, hi=10**6 + 1, audit_head=None)
        assert county.ingest(back).applied["application"] == {"older": 1}
        with county.engine.connect() as con:
            assert con.scalar(select(CountyRecord.data).where(
                CountyRecord.uuid == newer["uuid"]))["hardship_reason"] == "更新后的原因"
    finally:
        county.close()


def test_unusable_database_url_is_one_line(world, tmp_path):
    with pytest.raises(PackageError) as exc:
        County("nosuchdb://x", world.county_keys).ingest(world.packages[0])
    _one_line(exc.value)
    with pytest.raises(PackageError) as exc:
        County(f"sqlite:///{tmp_path}/missing/dir/c.db", world.county_keys).digest()
    _one_line(exc.value)
