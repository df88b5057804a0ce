"""``county-receiver token issue|revoke`` and ``serve`` (a real process on loopback)."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import create_engine, text

from county_receiver.cli import main

from .helpers import new_county


def _county(world, tmp_path) -> tuple[str, list[str]]:
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    new_county(url, world).close()
    return url, ["--db", url, "--keys", str(world.county_keys)]


def test_token_issue_and_revoke(world, tmp_path, capsys):
    url, common = _county(world, tmp_path)
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "token", "issue", "--township", world.code, *common]) == 0
    token = capsys.readouterr().out.splitlines()[-1]
    assert token.startswith("twup_") and len(token) > 40
    engine = create_engine(url)
    with engine.connect() as c:
        rows = c.execute(text("SELECT token_sha256, revoked_at FROM county_upload_token")).all()
    assert rows == [(hashlib.sha256(token.encode()).hexdigest(), None)]
    assert main([*data, "token", "revoke", "--township", world.code, *common]) == 0
    assert "revoked 1" in capsys.readouterr().out
    assert main([*data, "token", "issue", "--township", "522201999999", *common]) == 1
    assert "未登记" in capsys.readouterr().err
    log = (tmp_path / "data" / "logs" / "county-receiver.log").read_text()
    assert token not in log and "token issue: township" in log
    engine.dispose()


@pytest.mark.slow
def test_serve_runs_the_receiver_and_logs_no_token(world, tmp_path, capsys):
    url, common = _county(world, tmp_path)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "token", "issue", "--township", world.code,
                 *common]) == 0
    token = capsys.readouterr().out.splitlines()[-1]
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    proc = subprocess.Popen([sys.executable, "-m", "county_receiver", "--data-dir", str(data),
                             "serve", "--port", str(port), *common],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as c:
            deadline = time.monotonic() + 30
            while True:
                try:
                    r = c.get(f"/v1/packages/{world.code}")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and proc.poll() is None
                    time.sleep(0.1)
            assert r.json() == {"township_code": world.code, "last_seq": 0}
            pkg = world.packages[0].read_bytes()
            r = c.put(f"/v1/packages/{world.code}/1", content=pkg,
                      headers={"Upload-Length": str(len(pkg))})
            assert r.json()["status"] == "ingested"
    finally:
        os.kill(proc.pid, signal.SIGINT)
        proc.wait(20)
    log = (data / "logs" / "county-receiver.log").read_text()
    assert f'"PUT /v1/packages/{world.code}/1 HTTP/1.1" 200' in log
    assert f"upload: township {world.code} package 1 ingested" in log
    assert token not in log and "Bearer" not in log
    assert not list((data / "uploads").iterdir())


def test_serve_uses_the_receivers_own_folder_name():
    from county_receiver import cli, cli_upload

    assert cli_upload.APP_NAME == cli.APP_NAME
