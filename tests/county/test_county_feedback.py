"""County registration, department feedback and return packages: each refusal is one
line and changes no row; a return is only made when there is something to send."""

from __future__ import annotations

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from county_receiver.models import CountyRecord
from county_receiver.receiver import County
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import KeyStore, public_key_b64, read_public_keys
from tests.county.helpers import new_county


@pytest.fixture
def county(world, tmp_path):
    c = new_county(f"sqlite:///{tmp_path / 'county.sqlite3'}", world)
    c.ingest(world.packages[0])
    yield c
    c.close()


def _task(county, pred):
    with county.engine.connect() as con:
        for (data,) in con.execute(select(CountyRecord.data).where(
                CountyRecord.type == "requested_item")):
            if pred(data):
                return data
    raise AssertionError("no such task in the demo")


def _refused(county, fn, reason):
    before = county.digest()
    with pytest.raises(PackageError) as exc:
        fn()
    assert exc.value.reason == reason, exc.value.message
    assert "\n" not in exc.value.message and " / " in exc.value.message
    assert county.digest() == before
    return exc.value.message


def test_feedback_is_checked_like_the_window_would(county):
    open_task = _task(county, lambda d: d["task_status"] in ("referred", "signed")
                      and d["handler_code"] != "TOWNSHIP")
    final = _task(county, lambda d: d["task_status"] in ("done", "refused")
                  and d["handler_code"] != "TOWNSHIP")
    own = _task(county, lambda d: d["handler_code"] == "TOWNSHIP")
    uuid, day = open_task["uuid"], "2026-11-24"
    _refused(county, lambda: county.record_feedback("00000000-0000-4000-8000-000000000000",
                                                    "done", day), "unknown_task")
    assert "already" in _refused(county, lambda: county.record_feedback(final["uuid"], "done",
                                                                        day), "feedback_invalid")
    assert "township" in _refused(county, lambda: county.record_feedback(own["uuid"], "done", day),
                                  "feedback_invalid")
    _refused(county, lambda: county.record_feedback(uuid, "refused", day), "feedback_invalid")
    _refused(county, lambda: county.record_feedback(uuid, "done", day, department="NOPE"),
             "feedback_invalid")
    _refused(county, lambda: county.record_feedback(uuid, "refused", day, text="不符合",
                                                    amount_fen=100), "feedback_invalid")
    _refused(county, lambda: county.record_feedback(uuid, "done", "2000-01-01"),
             "feedback_invalid")
    _refused(county, lambda: county.record_feedback(uuid, "done", "24.11.2026"),
             "feedback_invalid")
    # a file with one bad record records nothing
    _refused(county, lambda: county.load_feedback([
        {"task_uuid": uuid, "result": "done", "result_on": day},
        {"task_uuid": uuid, "result": "maybe", "result_on": day}]), "feedback_invalid")
    first = county.record_feedback(uuid, "done", day, amount_fen=50000, text="已发放")
    assert not first.replaced and first.record["department"] == open_task["handler_code"]
    second = county.record_feedback(uuid, "done", day, amount_fen=60000, text="已发放")
    assert second.replaced                       # not sent yet: the newer entry replaces it
    assert [t.pending_feedback for t in county.townships()] == [1]


def test_registration_checks(world, tmp_path):
    c = County(f"sqlite:///{tmp_path / 'c.db'}", world.county_keys)
    pub = read_public_keys(world.township_public)
    try:
        _refused(c, lambda: c.register(world.code, world.township_public,
                                       expect_fingerprint="0000 0000 0000 0000"), "keys_invalid")
        _refused(c, lambda: c.register("42010600100", world.township_public), "keys_invalid")
        _refused(c, lambda: c.register("110101001000", world.township_public), "keys_invalid")
        _refused(c, lambda: c.register(world.code, "not a key"), "keys_invalid")
        _refused(c, lambda: c.register(world.code, public_key_b64(pub.ed25519),
                                       age_recipients=["age1nope"]), "keys_invalid")
        tw = c.register(world.code, world.township_public,
                        expect_fingerprint=pub.fingerprint[:16])
        assert tw.fingerprint == pub.fingerprint and tw.age_recipients == list(pub.age_recipients)
        _refused(c, lambda: c.register("110101001000", public_key_b64(pub.ed25519)),
                 "keys_invalid")                 # one key, one township
        new = Ed25519PrivateKey.generate()
        _refused(c, lambda: c.register(world.code, public_key_b64(new)), "keys_invalid")
        assert c.register(world.code, public_key_b64(new), replace=True).age_recipients == list(
            pub.age_recipients)                  # a new device key keeps the recipient
    finally:
        c.close()


def test_make_return_updates_and_nothing_to_send(county, world, tmp_path):
    code = world.code
    out = tmp_path / "out"
    out.mkdir()
    bad_updates = [
        {"village": [{"code": "110101001299", "name": "别处", "valid_from": None,
                      "valid_to": None}]},
        {"holiday_year": [{"year": 2027, "holidays": ["2026-12-31"], "workdays": []}]},
        {"holiday_year": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": ["2027-01-01"]}]},
        {"weather": []},
        {"standards": [{"effective_from": "2027-01-01", "entry": {"rural_dibao_fen": -1}}]},
    ]
    for upd in bad_updates:
        _refused(county, lambda upd=upd: county.make_return(code, out, updates=upd), "update_invalid")
    assert list(out.iterdir()) == []
    _refused(county, lambda: county.make_return("110101001000", out), "unknown_township")
    upd = {"holiday_year": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": []}],
           "village": [{"code": code[:9] + "298", "name": "新社区", "valid_from": "2027-01-01",
                        "valid_to": None}]}
    res = county.make_return(code, out, updates=upd)
    assert res.package_seq == 1 and res.counts == {
        "ack": 1, "catalogue": 0, "confirmation": 0, "eligibility": 0, "feedback": 0,
        "holiday_year": 1, "signer": 1, "standards": 0, "village": 1, "voided_document": 0,
        "warning": 0}
    assert res.path.name == env.package_name(code, 1, env.COUNTY_RETURN)
    # the township can open it (its identity, the county's key) and the schemas hold
    twk = world.township_keys
    with env.open_package(res.path, [twk.age_identity], [KeyStore(world.county_keys)
                                                         .signing_key.public_key()],
                          kind=env.COUNTY_RETURN, township_code=code) as pkg:
        assert pkg.digest == res.digest
        assert list(pkg.iter_records("ack"))[0]["package_seq"] == 1
    before = county.digest()
    assert county.make_return(code, out, updates=upd) is None     # same updates: already sent
    assert county.digest() == before
    again = county.remake_return(code, 1, tmp_path / "again.twret")
    assert again.digest == res.digest and again.reexport
    with pytest.raises(pyrage.DecryptError):      # encrypted to the township only
        pyrage.decrypt(again.path.read_bytes(), [pyrage.x25519.Identity.generate()])


def test_a_return_reaches_its_final_name_only_once_recorded(county, world, tmp_path, monkeypatch):
    """Review of #11: the county's return is staged next to its final name and renamed
    only after its database commit — a failure (or a kill) before the commit leaves no
    return N on the stick that the county has no record of, and no temporary file."""
    from county_receiver.receiver import County

    code = world.code
    out = tmp_path / "out"
    out.mkdir()
    upd = {"holiday_year": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": []}]}
    seen_on_stick: list[list[str]] = []

    def failing_commit(self, *args, **kwargs):
        seen_on_stick.append(sorted(p.name for p in out.iterdir()))
        raise RuntimeError("killed before the commit")

    monkeypatch.setattr(County, "_record_return", failing_commit)
    with pytest.raises(RuntimeError):
        county.make_return(code, out, updates=upd)
    assert len(seen_on_stick) == 1 and len(seen_on_stick[0]) == 1
    assert seen_on_stick[0][0].endswith(".part")  # staged under a temporary name only
    assert list(out.iterdir()) == []               # and removed: nothing under any name
    monkeypatch.undo()
    res = county.make_return(code, out, updates=upd)
    assert res.package_seq == 1 and [p.name for p in out.iterdir()] == [res.path.name]
