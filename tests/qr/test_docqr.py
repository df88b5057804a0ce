"""The signed QR payload (sync_contract/docqr.py): encode, decode, verify — table-driven."""

from __future__ import annotations

import base64
import hashlib

import base45
import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync_contract import docqr
from sync_contract.docqr import Payload

KEY = Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)
OTHER = Ed25519PrivateKey.from_private_bytes(b"\x02" * 32)
KEYS = {docqr.key_id(KEY): KEY.public_key()}
DIGEST = hashlib.sha256(b"content").digest()
PAYLOAD = Payload(kind="receipt", no="330102101-20261124-0001", date="2026-11-24",
                  tw="330102101000", nm="张*", h=DIGEST)
TEXT = docqr.encode(PAYLOAD, KEY)


def _reencode(body: dict | bytes, sig: bytes | None = None, key=KEY) -> str:
    """A TW1 text built by hand (what a forger or a broken writer produces)."""
    raw = body if isinstance(body, bytes) else cbor2.dumps(body, canonical=True)
    sig = key.sign(b"TW1\x00" + raw) if sig is None else sig
    return "TW1:" + base45.b45encode(cbor2.dumps([raw, sig])).decode()


def _fields(**change) -> dict:
    m = {**PAYLOAD.as_map(), "kid": bytes.fromhex(docqr.key_id(KEY))}
    m.update(change)
    return {k: v for k, v in m.items() if v is not None}


def _flip_signature(text: str) -> str:
    body, sig = cbor2.loads(base45.b45decode(text[4:]))
    return _reencode(body, bytes([sig[0] ^ 1]) + sig[1:])


def _swap_payload(text: str) -> str:
    """The signature of one document under another's payload (a changed number)."""
    body, sig = cbor2.loads(base45.b45decode(text[4:]))
    changed = cbor2.dumps({**cbor2.loads(body), "no": "330102101-20261124-0002"}, canonical=True)
    return _reencode(changed, sig)


CASES = [
    # (name, text, keys, voided, digest, expected verdict)
    ("genuine", TEXT, KEYS, (), None, docqr.GENUINE),
    ("genuine, digest matches", TEXT, KEYS, (), DIGEST, docqr.GENUINE),
    ("lower-case prefix (scanner)", "tw1:" + TEXT[4:], KEYS, (), None, docqr.GENUINE),
    ("digest differs: content altered", TEXT, KEYS, (), hashlib.sha256(b"x").digest(),
     docqr.ALTERED),
    ("tampered signature", _flip_signature(TEXT), KEYS, (), None, docqr.ALTERED),
    ("payload changed under the signature", _swap_payload(TEXT), KEYS, (), None, docqr.ALTERED),
    ("signed by an unknown key", docqr.encode(PAYLOAD, OTHER), KEYS, (), None,
     docqr.UNKNOWN_SIGNER),
    ("key id forged to a known one", _reencode(_fields(), key=OTHER), KEYS, (), None,
     docqr.ALTERED),
    ("no keys known", TEXT, {}, (), None, docqr.UNKNOWN_SIGNER),
    ("voided", TEXT, KEYS, {("330102101000", PAYLOAD.no)}, None, docqr.VOIDED),
    ("voided elsewhere only", TEXT, KEYS, {("330102102000", PAYLOAD.no)}, None, docqr.GENUINE),
    ("voided by predicate", TEXT, KEYS, lambda p: p.no.endswith("0001"), None, docqr.VOIDED),
    ("a bare number (old QR)", "330102101-20261124-0001", KEYS, (), None, docqr.NOT_OURS),
    ("a web address", "https://example.org/", KEYS, (), None, docqr.NOT_OURS),
    ("empty", "", KEYS, (), None, docqr.NOT_OURS),
    ("not base45", "TW1:ÄÖ", KEYS, (), None, docqr.MALFORMED),
    ("truncated", TEXT[:-20], KEYS, (), None, docqr.MALFORMED),
    ("not an array", "TW1:" + base45.b45encode(cbor2.dumps({"a": 1})).decode(), KEYS, (), None,
     docqr.MALFORMED),
    ("short signature", _reencode(_fields(), b"\x00" * 10), KEYS, (), None, docqr.MALFORMED),
    ("unknown version", _reencode(_fields(v=2)), KEYS, (), None, docqr.MALFORMED),
    ("number missing", _reencode(_fields(no=None)), KEYS, (), None, docqr.MALFORMED),
    ("number not text", _reencode(_fields(no=17)), KEYS, (), None, docqr.MALFORMED),
    ("short digest", _reencode(_fields(h=b"\x00" * 8)), KEYS, (), None, docqr.MALFORMED),
    ("payload not CBOR", _reencode(b"\xff\xff"), KEYS, (), None, docqr.MALFORMED),
]


@pytest.mark.parametrize(("name", "text", "keys", "voided", "digest", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_verdict(name, text, keys, voided, digest, expected):
    verdict = docqr.verify(text, keys, voided=voided, content_digest=digest)
    assert verdict.status == expected, verdict.detail
    assert verdict.text and verdict.key == f"docqr.{expected}"


def test_round_trip_keeps_every_field():
    dec = docqr.decode(TEXT)
    assert dec.payload == Payload(**{**PAYLOAD.as_map(), "kid": bytes.fromhex(docqr.key_id(KEY))})
    assert dec.kid == docqr.key_id(KEY)


def test_encoding_is_deterministic_and_compact():
    # the same document re-rendered from its snapshot must give the same bytes
    assert docqr.encode(PAYLOAD, KEY) == TEXT
    assert TEXT.startswith("TW1:")
    # base45 uses only the QR alphanumeric set (the densest QR mode)
    assert set(TEXT) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    assert len(TEXT) <= 311  # QR version 10 at error correction M


@pytest.mark.parametrize(("key", "accepted"), [
    (KEY.public_key(), True), (docqr._raw_public(KEY), True),
    (base64.b64encode(docqr._raw_public(KEY)).decode(), True),
    (OTHER.public_key(), False)])
def test_keys_in_every_form_the_callers_hold(key, accepted):
    verdict = docqr.verify(TEXT, {docqr.key_id(KEY): key})
    assert verdict.genuine is accepted


def test_key_id_is_the_fingerprint_read_aloud():
    from sync_contract.keys import fingerprint, short_fingerprint

    fp = fingerprint(KEY.public_key())
    assert docqr.key_id(KEY) == short_fingerprint(fp).replace(" ", "")


@pytest.mark.parametrize(("name", "masked"), [
    ("张三", "张*"), ("欧阳娜娜", "欧***"), ("李", "李"), ("", ""), ("  王五 ", "王*")])
def test_masked_name(name, masked):
    assert docqr.mask_name(name) == masked


@pytest.mark.parametrize(("suffix", "ok"), [
    (b"% twqr\nq 1 2 3 3 re W n\n0 g 1 1 1 1 re f Q", True),
    (b"% twqr\nq 1 2 3 3 re W n\n0 g 1 1 1 1 re f Q\nq 1 2 3 3 re W n\nQ", True),
    (b"% twqr\nq 0 0 595 842 re W n\n0 g 1 1 1 1 re f Q", False),  # a box never declared
    (b"% twqr\nq 1 2 3 3 re W n\nBT /F1 12 Tf (x) Tj ET Q", False),  # text
    (b"% twqr\nq 1 2 3 3 re W n\n/Im1 Do Q", False),  # an image
    (b"% twqr\nq 1 2 3 3 re W n\n0 g Q 1 1 1 1 re f", False),  # drawn after the clip ends
    (b"% twqr\nq 1 2 3 3 re W n\n0 g 1 1 1 1 re f", False),  # never closed
    (b"% twqr\n0 g 1 1 1 1 re f", False),  # no clip at all
    (b"% other\nq 1 2 3 3 re W n\nQ", False),
])
def test_what_may_follow_the_marker(suffix, ok):
    assert docqr.check_suffix(suffix, {(b"1", b"2", b"3", b"3")}) is ok


def test_split_takes_the_last_marker_and_hashes_the_rest():
    stream = b"BT (a) Tj ET\n% twqr-slot 1 2 3 3\n% twqr\nq 1 2 3 3 re W n\nQ\n"
    head, tail = docqr.split_stream(stream)
    assert head == b"BT (a) Tj ET\n% twqr-slot 1 2 3 3\n"
    assert tail.startswith(b"% twqr\n")
    assert docqr.slot_boxes(head) == {(b"1", b"2", b"3", b"3")}
    assert docqr.split_stream(b"no marker") == (b"no marker", b"")
    assert docqr.content_digest([b"ab", b"c"]) != docqr.content_digest([b"a", b"bc"])
