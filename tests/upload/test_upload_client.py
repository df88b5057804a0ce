"""The township's upload client (desktop_app/core/services/sync/upload.py, docs/upload.md):
upload to a live county receiver, resume and back-off, offline → 导出到U盘, download and
import the return package, the settings (token in the key folder, 0600)."""

from __future__ import annotations

import shutil
import stat
import threading
from datetime import datetime

import httpx
import pytest

from county_receiver.http import issue_token
from desktop_app.core.services import Services
from desktop_app.core.services.auth import SYSTEM
from desktop_app.core.services.sync.upload import (
    CountyLink,
    UploadOffline,
    UploadService,
)
from sync_contract.envelope import PackageError
from tests.county.helpers import new_county
from tests.county.upload_server import live_receiver
from tests.helpers.clock import Clock


@pytest.fixture
def township(tmp_path, world):
    data = tmp_path / "township"
    shutil.copytree(world.data_dir, data)
    svc = Services.open(data, clock=Clock(datetime(2026, 11, 25, 9, 0)))
    yield svc
    svc.close()


@pytest.fixture
def county(tmp_path, world):
    c = new_county(f"sqlite:///{tmp_path / 'county.sqlite3'}", world)
    yield c
    c.close()


def test_upload_then_download_the_return(township, county, world, tmp_path):
    token = issue_token(county, world.code)
    with live_receiver(county, tmp_path / "county-data") as base:
        up = UploadService(township.sync)
        with pytest.raises(PackageError) as not_set:
            up.upload(SYSTEM)
        assert "尚未设置县级接收端地址" in str(not_set.value)
        up.configure(base, token, SYSTEM)
        report = up.upload(SYSTEM)
        assert report.sent == [(1, "ingested"), (2, "ingested")]
        assert "已上传第 1、2 号包" in report.message
        assert up.upload(SYSTEM).sent == []                 # nothing the county lacks
        assert [t.last_package for t in county.townships()] == [2]
        got = up.download_returns(SYSTEM)                   # the acknowledgements
        assert [r.package_seq for r in got] == [1] and not got[0].already_applied
        assert all(r.acknowledged_at is not None for r in township.sync.log())
        assert up.download_returns(SYSTEM) == []
    assert not list((township.sync.folder / "outbox").glob("*.twpkg"))


def test_offline_names_the_usb_way_and_exports_nothing(township, tmp_path, world):
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()                                               # nobody listens there
    slept: list[float] = []
    up = UploadService(township.sync, link=lambda url, tok: CountyLink(
        url, tok, retries=3, backoff=0.5, sleep=slept.append, timeout=2))
    up.configure(f"http://127.0.0.1:{port}", "twup_x", SYSTEM)
    before = township.sync.log()
    with pytest.raises(UploadOffline) as exc:
        up.upload(SYSTEM)
    line = str(exc.value)
    assert "导出到U盘" in line and "\n" not in line
    assert slept == [0.5, 1.0, 2.0]                         # back-off
    assert township.sync.log() == before


def test_an_interrupted_put_resumes_at_the_countys_offset(tmp_path):
    data = bytes(range(256)) * 40
    seen: list[tuple[str, dict, bytes]] = []
    calls = {"put": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        body = request.read()
        assert request.url.path == "/v1/packages/522201101000/7"
        seen.append((request.method, dict(request.headers), body))
        if request.method == "HEAD":
            return httpx.Response(200, headers={"Upload-Offset": "4000"})
        calls["put"] += 1
        if calls["put"] == 1:
            raise httpx.WriteError("connection reset")
        if calls["put"] == 2:
            return httpx.Response(503)
        return httpx.Response(200, json={"status": "ingested", "package_seq": 7})

    slept: list[float] = []
    link = CountyLink("https://county.example", "twup_t", sleep=slept.append,
                      transport=httpx.MockTransport(handler), chunk=1000)
    path = tmp_path / "p.twpkg"
    path.write_bytes(data)
    got = link.put("522201101000", 7, path)
    assert got["status"] == "ingested"
    puts = [(h, b) for m, h, b in seen if m == "PUT"]
    assert "content-range" not in puts[0][0]
    last_headers, last_body = puts[-1]
    assert last_headers["content-range"] == f"bytes 4000-{len(data) - 1}/{len(data)}"
    assert last_headers["upload-length"] == str(len(data)) and last_body == data[4000:]
    assert all(h["authorization"] == "Bearer twup_t" for _, h, _ in seen)
    assert slept == [0.5, 1.0]


def test_a_refusal_is_the_countys_chinese_line(tmp_path):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(409, json={"reason": "sequence_gap", "expected": 1,
                                         "message_zh": "缺少 522201101000 第 1 号包，请先接收",
                                         "message": "gap"})

    link = CountyLink("https://county.example", "t", transport=httpx.MockTransport(handler))
    pkg = tmp_path / "p.twpkg"
    pkg.write_bytes(b"x" * 10)
    with pytest.raises(PackageError) as exc:
        link.put("522201101000", 2, pkg)
    assert exc.value.reason == "sequence_gap" and "第 1 号包" in str(exc.value)


def test_settings_keep_the_token_in_the_key_folder(township):
    up = UploadService(township.sync)
    for bad in ("ftp://county", "http://county.example.org", "https://", "https://h/?a=1"):
        with pytest.raises(PackageError):
            up.configure(bad, None, SYSTEM)
    st = up.configure("https://county.example.org:8443/", "twup_secret", SYSTEM)
    assert st.county_url == "https://county.example.org:8443" and st.ready
    token_file = township.sync.keys.folder / "upload-token"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert "twup_secret" not in (township.sync.folder / "upload.json").read_text()
    with pytest.raises(PackageError):
        up.configure("https://county.example.org", "two words", SYSTEM)
    assert token_file.read_text() == "twup_secret"


def test_cancel_stops_before_sending(tmp_path):
    cancel = threading.Event()
    cancel.set()
    link = CountyLink("https://county.example", "t",
                      transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    pkg = tmp_path / "p.twpkg"
    pkg.write_bytes(b"x")
    from sync_contract.envelope import Cancelled
    with pytest.raises(Cancelled):
        link.put("522201101000", 1, pkg, cancel=cancel)
