"""The county's HTTP receiver (county_receiver/http.py, docs/upload.md): tokens, the
resumable PUT, the same ingest as a USB package, refusals, return downloads."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():     # starlette prefers httpx2; httpx is what we ship
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from county_receiver.http import create_app, issue_token, revoke_tokens, uploads_dir
from county_receiver.receiver import row_digest
from sync_contract.envelope import COUNTY_RETURN, package_name

from .helpers import new_county


@pytest.fixture
def served(tmp_path, world):
    county = new_county(f"sqlite:///{tmp_path / 'county.sqlite3'}", world)
    county.work_dir = tmp_path / "work"
    county.work_dir.mkdir()
    up = uploads_dir(tmp_path / "data")
    token = issue_token(county, world.code)
    with TestClient(create_app(county, upload_dir=up)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield county, client, up, token
    county.close()


def _url(world, seq: int) -> str:
    return f"/v1/packages/{world.code}/{seq}"


def _put(client, world, seq: int, data: bytes, *, length: int | None = None,
         start: int | None = None):
    headers = {"Upload-Length": str(length if length is not None else len(data))}
    if start is not None:
        headers["Content-Range"] = f"bytes {start}-{start + len(data) - 1}/{length}"
    return client.put(_url(world, seq), content=data, headers=headers)


def test_upload_ingests_like_usb_and_a_repeat_changes_nothing(served, world, tmp_path):
    county, client, up, _ = served
    one = world.packages[0].read_bytes()
    r = _put(client, world, 1, one)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "ingested" and r.json()["package_seq"] == 1
    before = row_digest(county.engine)
    r = _put(client, world, 1, one)
    assert r.status_code == 200 and r.json()["status"] == "already_received"
    assert row_digest(county.engine) == before
    assert list(up.iterdir()) == []                          # nothing left behind
    assert client.get(f"/v1/packages/{world.code}").json()["last_seq"] == 1
    head = client.head(_url(world, 1))
    assert head.headers["Package-Status"] == "received"
    # the same package by USB into another county: the same records
    usb = new_county(f"sqlite:///{tmp_path / 'usb.sqlite3'}", world)
    try:
        usb.ingest(world.packages[0])
        from sqlalchemy import text
        q = text("SELECT type, uuid, version, data FROM county_record ORDER BY type, uuid")
        with county.engine.connect() as a, usb.engine.connect() as b:
            assert a.execute(q).all() == b.execute(q).all()
            fq = text("SELECT file_name, digest FROM county_package")
            assert a.execute(fq).all() == b.execute(fq).all() == [
                (package_name(world.code, 1), r.json()["digest"])]
    finally:
        usb.close()


def test_an_interrupted_upload_resumes_at_the_offset_held(served, world):
    county, client, up, _ = served
    assert _put(client, world, 1, world.packages[0].read_bytes()).status_code == 200
    two = world.packages[1].read_bytes()
    half = len(two) // 2
    r = _put(client, world, 2, two[:half], length=len(two))
    assert r.status_code == 202 and r.json() == {"status": "incomplete", "offset": half,
                                                 "length": len(two)}
    assert [p.suffix for p in up.iterdir()] == [".part"]     # never under a final name
    head = client.head(_url(world, 2))
    assert head.headers["Upload-Offset"] == str(half)
    assert head.headers["Upload-Length"] == str(len(two))
    bad = _put(client, world, 2, two[half + 1:], length=len(two), start=half + 1)
    assert bad.status_code == 409 and bad.json()["reason"] == "offset_mismatch"
    assert bad.json()["offset"] == half
    r = _put(client, world, 2, two[half:], length=len(two), start=half)
    assert r.status_code == 200 and r.json()["status"] == "ingested", r.text
    assert list(up.iterdir()) == []


def test_refusals_are_the_receivers_reason_codes_and_change_nothing(served, world):
    county, client, up, _ = served
    before = row_digest(county.engine)
    two = world.packages[1].read_bytes()
    r = _put(client, world, 2, two)                         # out of order
    assert r.status_code == 409
    body = r.json()
    assert body["reason"] == "sequence_gap" and body["expected"] == 1
    assert "第 1 号包" in body["message_zh"]
    one = world.packages[0].read_bytes()
    r = _put(client, world, 1, one[:-100])                  # truncated file
    assert r.status_code == 422 and r.json()["reason"] != "sequence_gap"
    assert row_digest(county.engine) == before
    assert list(up.iterdir()) == []
    assert _put(client, world, 1, one).json()["status"] == "ingested"   # the retry
    assert _put(client, world, 2, two).json()["status"] == "ingested"
    r = _put(client, world, 3, b"x" * 10, length=5)
    assert r.status_code == 400 and r.json()["reason"] == "bad_request"


def test_tokens_are_per_township_hashed_and_revocable(served, world):
    county, client, up, token = served
    one = world.packages[0].read_bytes()
    for auth in (None, "Bearer nope", f"Basic {token}"):
        headers = {"Upload-Length": str(len(one))}
        if auth:
            headers["Authorization"] = auth
        r = client.put(_url(world, 1), content=one,
                       headers=headers | ({} if auth else {"Authorization": ""}))
        assert r.status_code == 401 and r.json()["reason"] == "unauthorized"
    other = "522201999999"
    r = client.put(f"/v1/packages/{other}/1", content=one, headers={"Upload-Length": "9"})
    assert r.status_code == 401
    from sqlalchemy import text
    with county.engine.connect() as c:
        stored = c.execute(text("SELECT token_sha256 FROM county_upload_token")).scalars().all()
    assert token not in stored and len(stored) == 1
    assert revoke_tokens(county, world.code) == 1
    assert _put(client, world, 1, one).status_code == 401
    fresh = issue_token(county, world.code)
    client.headers["Authorization"] = f"Bearer {fresh}"
    assert _put(client, world, 1, one).status_code == 200


def test_return_packages_are_downloaded_in_order(served, world):
    county, client, up, _ = served
    assert client.get(f"/v1/returns/{world.code}?after=0").status_code == 204
    assert _put(client, world, 1, world.packages[0].read_bytes()).status_code == 200
    r = client.get(f"/v1/returns/{world.code}?after=0")      # made now: the acknowledgement
    assert r.status_code == 200 and r.headers["Package-Seq"] == "1"
    assert package_name(world.code, 1, COUNTY_RETURN) in r.headers["Content-Disposition"]
    assert client.get(f"/v1/returns/{world.code}?after=1").status_code == 204
    again = client.get(f"/v1/returns/{world.code}?after=0")  # the same return again
    assert again.headers["Package-Seq"] == "1"
    assert list(up.iterdir()) == []
