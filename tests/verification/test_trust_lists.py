"""The trust lists of format 5 end to end (issue 17 — qrcheck): a township's documents
verified at the county (its registered key, the voids it received), the county's
``signer`` / ``voided_document`` lists sent once in a return package, stored by the
township and used by its verifier — another township's genuine document, a stranger's
key, a key used for the wrong township, a void learnt from the county."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver.models import RegisteredTownship
from county_receiver.receiver import County
from county_receiver.verify import trust_list, unsent_lists
from desktop_app.core.models import KnownVoid, TrustedSigner
from desktop_app.core.services.auth import SYSTEM
from sync_contract import docqr
from sync_contract import envelope as env
from sync_contract.keys import KeyStore, fingerprint, public_key_b64
from sync_contract.versions import COUNTY_RETURN, types_of
from tests.helpers.gui import actor_for
from tests.helpers.sync import fill

from .helpers import change_one_character, foreign_receipt, pdf_of, receipts

OTHER_CODE = "522201102000"


def _county(tmp_path, services, county_keys: KeyStore) -> County:
    c = County(f"sqlite:///{tmp_path / 'county.sqlite3'}", county_keys.folder)
    services.sync.export_public_keys(tmp_path / "township-public.json")
    code = services.sync.township_keys().code
    c.register(code, tmp_path / "township-public.json")
    return c


def _other_township(tmp_path) -> KeyStore:
    ks = KeyStore(tmp_path / "other-keys").ensure()
    ks.public_keys("township", OTHER_CODE, "石桥镇").write(tmp_path / "other-public.json")
    return ks


def test_the_county_verifies_and_the_township_learns_the_lists(services, synced, county,
                                                               tmp_path):
    fill(services, synced, n=2)
    first, second = receipts(services)[:2]
    services.documents.void(second.id, "填写错误", actor_for(services, "supervisor"))
    code = services.sync.township_keys().code
    c = _county(tmp_path, services, county)
    other = _other_township(tmp_path)
    c.register(OTHER_CODE, tmp_path / "other-public.json")
    try:
        c.ingest(services.sync.export(tmp_path, synced).path)
        # the county: the township's receipt is genuine, the voided one voided
        trust = trust_list(c.engine)
        got = trust.verify_pdf_bytes(pdf_of(services, first).read_bytes())
        assert [x.status for x in got] == [docqr.GENUINE]
        got = trust.verify_pdf_bytes(pdf_of(services, second).read_bytes())
        assert [x.status for x in got] == [docqr.VOIDED]
        altered = change_one_character(pdf_of(services, first).read_bytes())
        assert [x.status for x in trust.verify_pdf_bytes(altered)] == [docqr.ALTERED]

        out = tmp_path / "returns"
        out.mkdir()
        ret = c.make_return(code, out)
        assert ret is not None and ret.format_version == 5
        assert (ret.counts["signer"], ret.counts["voided_document"]) == (2, 1)
        with env.open_package(ret.path, [services.sync.keys.age_identity],
                              [county.signing_key.public_key()]) as pkg:
            signers = list(pkg.iter_records("signer"))
            voids = list(pkg.iter_records("voided_document"))
        assert {s["township_code"] for s in signers} == {code, OTHER_CODE}
        assert {s["fingerprint"] for s in signers} == {
            services.sync.keys.fingerprint, fingerprint(other.signing_key.public_key())}
        assert all(s["valid_to"] is None for s in signers)
        assert voids == [{"township_code": code, "number": second.number, "kind": "receipt",
                          "voided_on": voids[0]["voided_on"]}]
        # sent once: nothing new, no return
        assert c.make_return(code, out) is None
    finally:
        c.close()

    # before the return, the township does not know the other township's key
    theirs = foreign_receipt(services, other.signing_key, OTHER_CODE, "522201102-20261120-0001")
    (tmp_path / "theirs.pdf").write_bytes(theirs)
    before = services.verification.verify_file(tmp_path / "theirs.pdf")
    assert [f.status for f in before.findings] == [docqr.UNKNOWN_SIGNER]

    res = services.sync.import_package(ret.path, SYSTEM)
    assert res.applied["signer"] == 2 and res.applied["voided_document"] == 1
    with services.ctx.db.read() as s:
        assert {r.township_code for r in s.scalars(select(TrustedSigner))} == {code, OTHER_CODE}
        assert [(v.township_code, v.number) for v in s.scalars(select(KnownVoid))] == [
            (code, second.number)]

    after = services.verification.verify_file(tmp_path / "theirs.pdf")
    assert [f.status for f in after.findings] == [docqr.GENUINE]
    f = after.findings[0]
    assert (f.kind, f.number, f.township) == ("receipt", "522201102-20261120-0001", OTHER_CODE)
    # the other township's key signing for this township: not trusted for it
    posing = foreign_receipt(services, other.signing_key, code, "522201101-20261120-0099")
    (tmp_path / "posing.pdf").write_bytes(posing)
    assert [f.status for f in services.verification.verify_file(
        tmp_path / "posing.pdf").findings] == [docqr.UNKNOWN_SIGNER]
    # a stranger's key
    stranger = Ed25519PrivateKey.generate()
    (tmp_path / "stranger.pdf").write_bytes(
        foreign_receipt(services, stranger, OTHER_CODE, "522201102-20261120-0002"))
    assert [f.status for f in services.verification.verify_file(
        tmp_path / "stranger.pdf").findings] == [docqr.UNKNOWN_SIGNER]


def test_a_township_on_an_older_format_gets_no_lists(services, synced, county, tmp_path):
    c = _county(tmp_path, services, county)
    try:
        with Session(c.engine) as s:
            tw_id = s.scalar(select(RegisteredTownship.id))
            for version in (1, 2, 3, 4):
                assert unsent_lists(s, tw_id, types_of(COUNTY_RETURN, version)) == ({}, [])
            lists, sent = unsent_lists(s, tw_id, types_of(COUNTY_RETURN, 5))
            assert [len(x) for x in lists.values()] == [1] and len(sent) == 1
    finally:
        c.close()


def test_a_signer_whose_key_does_not_match_its_fingerprint_refuses_the_return(
        services, synced, county, tmp_path):
    from sync_contract.envelope import PackageError
    from tests.helpers.sync import make_return

    other = _other_township(tmp_path)
    rec = {"township_code": OTHER_CODE, "name": "石桥镇",
           "public_key": public_key_b64(other.signing_key),
           "fingerprint": "0" * 64, "valid_from": "2026-11-01", "valid_to": None}
    path = make_return(tmp_path / "r1.twret", services, county, 1, {"signer": [rec]})
    try:
        services.sync.import_package(path, SYSTEM)
    except PackageError as exc:
        assert exc.reason == "update_invalid"
    else:
        raise AssertionError("a signer with a wrong fingerprint was accepted")
    with services.ctx.db.read() as s:
        assert s.scalar(select(TrustedSigner)) is None
