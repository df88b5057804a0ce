"""One process per data folder: a second start is refused; a crash leaves no stale lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core import db as dbmod
from desktop_app.core import lock
from desktop_app.core.lock import AlreadyOpenError

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys, time, pathlib\n"
    "from desktop_app.core.db import open_database\n"
    "db = open_database(pathlib.Path(sys.argv[1]))\n"
    "print('open', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.fixture
def holder(data_dir):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_second_process_is_refused_with_the_folder_named(data_dir, holder):
    with pytest.raises(AlreadyOpenError) as exc:
        dbmod.open_database(data_dir)
    assert str(data_dir) in str(exc.value) and "已被另一个" in str(exc.value)
    assert not lock.is_held_here(data_dir)
    r = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), "check"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert str(data_dir) in r.stderr


def test_a_killed_holder_leaves_no_stale_lock(data_dir, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert (data_dir / lock.LOCK_NAME).exists()  # the file stays; the lock went with the process
    database = dbmod.open_database(data_dir)
    database.close()


def test_same_process_may_reopen_and_the_lock_is_counted(data_dir):
    a = dbmod.open_database(data_dir)
    b = dbmod.open_database(data_dir)
    a.close()
    assert lock.is_held_here(data_dir)  # b still open
    b.close()
    b.close()  # closing twice releases once
    assert not lock.is_held_here(data_dir)
    probe = subprocess.run([sys.executable, "-c", HOLDER.replace("time.sleep(120)", "db.close()"),
                            str(data_dir)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert probe.returncode == 0, probe.stderr


def test_lock_is_released_when_opening_fails(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / dbmod.DB_FILENAME).write_bytes(b"not a database" * 100)
    with pytest.raises(dbmod.DatabaseError):
        dbmod.open_database(folder)
    assert not lock.is_held_here(folder)
