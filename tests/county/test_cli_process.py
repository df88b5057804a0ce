"""``county-receiver`` as its own program (a subprocess): the entry point and
``python -m county_receiver``, exit codes 0 / 1 / 2 with one-line reasons, and its log in
its own data folder (never the township's)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*argv, cwd: Path, module: bool = False) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("county-receiver")
    if module or not exe.exists():
        cmd = [sys.executable, "-m", "county_receiver"]
    else:
        cmd = [str(exe)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([*cmd, *map(str, argv)], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def test_entry_point_is_installed():
    assert shutil.which("county-receiver", path=str(Path(sys.executable).parent)), (
        "pip install -e . installs the county-receiver script")


@pytest.mark.slow  # a dozen county-receiver processes, each importing the receiver afresh
def test_county_receiver_process(tmp_path):
    data = tmp_path / "receiver-data"
    r = _run("--help", cwd=tmp_path)
    assert r.returncode == 0 and "keygen" in r.stdout and "make-return" in r.stdout
    r = _run("--data-dir", data, "keygen", "--code", "420106", "--name", "测试县民政局",
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "age recipient: age1" in r.stdout and (tmp_path / "county-keys" / "county.json").exists()
    r = _run("--data-dir", data, "townships", cwd=tmp_path, module=True)
    assert r.returncode == 0 and r.stdout == "" and (tmp_path / "county.sqlite3").exists()
    missing = tmp_path / "missing.twpkg"
    r = _run("--data-dir", data, "ingest", missing, cwd=tmp_path)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert r.stderr.startswith("county-receiver: missing.twpkg: ")
    r = _run("--data-dir", data, "make-return", "--township", "110101001000", "--out", tmp_path,
             cwd=tmp_path)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "110101001000" in r.stderr
    r = _run("--data-dir", data, "frobnicate", cwd=tmp_path)
    assert r.returncode == 2
    log = (data / "logs" / "county-receiver.log").read_text(encoding="utf-8")
    assert "keygen: created county keys" in log and "ingest refused: io_error" in log
    assert "测试县民政局" not in log            # names never reach the log
