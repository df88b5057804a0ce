"""Faults on real file systems, at the township (issue #11): a 2 MB tmpfs (full) and a
read-only bind mount under export, import, backup, restore and print to file; a
read-only data folder; an unwritable log folder; a killed backup.

Each fault is one Chinese line (the command line runs in a child process, so no
traceback can hide in the test's own output), nothing is left under a final name, no
``.part`` is left anywhere, the database digest is unchanged, and no log file mentions
a seeded name or ID number. Mount tests need root and skip with the reason otherwise.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sync_contract.faults import FileFault
from sync_contract.keys import KeyStore
from tests.helpers.faults import (
    assert_logs_clean,
    assert_one_chinese_line,
    desktop_app,
    fill,
    listing,
    no_parts,
    read_only,
    seeded_secrets,
    tmpfs,
)
from tests.helpers.sync import data_digest, db_digest, make_return

NAMES = ("赵一明", "钱二明", "孙三明")


@pytest.fixture
def folder(tmp_path, _template_dir):
    """A closed township data folder (demo township, three accepted applications with
    known names and ID numbers, the county's keys imported); returns (data, county)."""
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from desktop_app.core.services.demo import create_demo_township
    from tests.helpers.drafts import draft, resident_id

    data = tmp_path / "township"
    shutil.copytree(_template_dir, data)
    county = KeyStore(tmp_path / "county-keys").ensure()
    county.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county-public.json")
    services = Services.open(data)
    try:
        admin = create_demo_township(services)
        for i, name in enumerate(NAMES):
            services.intake.decide(draft(services, name=name, id_number=resident_id(seed=300 + i)),
                                   "accept", admin)
        services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    finally:
        services.close()
    return data, county


def secrets(data: Path) -> set[str]:
    found = seeded_secrets(data / "township.sqlite3")
    assert set(NAMES) <= found
    return found


def first_receipt(data: Path) -> str:
    import sqlite3

    con = sqlite3.connect(f"file:{data / 'township.sqlite3'}?mode=ro", uri=True)
    try:
        return con.execute("SELECT number FROM document WHERE kind = 'receipt' ORDER BY id").fetchone()[0]
    finally:
        con.close()


# ------------------------------------------------------------------ backup and restore

@pytest.mark.slow
@pytest.mark.parametrize("mount", ["full", "read_only"])
def test_backup_onto_a_full_or_read_only_disk(folder, tmp_path, mount):
    data, _ = folder
    before, secret = data_digest(data), secrets(data)
    target = tmp_path / "disk"
    src = tmp_path / "src"
    src.mkdir()
    ctx = tmpfs(target) if mount == "full" else read_only(src, target)
    with ctx:
        if mount == "full":
            fill(target, 64 * 1024)
        (data / "backups").symlink_to(target, target_is_directory=True)
        files_before = listing(target)
        r = desktop_app(data, "backup")
        assert r.returncode == 1, r.stdout + r.stderr
        line = assert_one_chinese_line(r.stderr, "备份失败", str(data / "backups"))
        assert ("空间不足" if mount == "full" else "只读") in line
        assert listing(target) == files_before  # no backup, no .part
        no_parts(target, data)
    (data / "backups").unlink()
    assert data_digest(data) == before
    assert assert_logs_clean([data / "logs"], secret) >= 1


@pytest.mark.slow
def test_restore_onto_a_full_disk_changes_nothing(folder, tmp_path):
    data, _ = folder
    r = desktop_app(data, "backup")
    assert r.returncode == 0, r.stderr
    backup = tmp_path / "kept.sqlite3"
    shutil.copy(Path(r.stdout.strip()), backup)
    secret = secrets(data)
    with tmpfs(tmp_path / "small") as small:
        moved = small / "township"
        moved.mkdir()
        shutil.copy(data / "township.sqlite3", moved / "township.sqlite3")
        before = data_digest(moved)
        fill(small, 200 * 1024)  # room to open the database, not for the restored copy
        r = desktop_app(moved, "restore", str(backup), "--yes")
        assert r.returncode == 1, r.stdout + r.stderr
        assert_one_chinese_line(r.stderr, "恢复备份失败", "空间不足", "数据未作任何更改")
        no_parts(small)
        assert data_digest(moved) == before
        assert assert_logs_clean([moved / "logs"], secret) >= 1


@pytest.mark.slow
def test_read_only_data_folder_is_one_chinese_line(folder, tmp_path):
    data, _ = folder
    r = desktop_app(data, "backup")
    assert r.returncode == 0, r.stderr
    name = Path(r.stdout.strip()).name
    before = data_digest(data)
    with read_only(data, tmp_path / "ro") as ro:
        for args in (["backup"], ["exports"], ["check"], ["restore", name, "--yes"]):
            r = desktop_app(ro, *args)
            assert r.returncode == 1, (args, r.stdout, r.stderr)
            line = assert_one_chinese_line(r.stderr, "打开数据目录失败", str(ro), "只读")
            assert str(ro / "logs") not in line  # never pointed at a log folder it cannot write
    assert data_digest(data) == before


def test_the_lock_file_of_a_read_only_folder_is_a_fault(tmp_path, monkeypatch):
    """Without root: the lock file's open fails with EROFS (injected)."""
    import builtins

    from desktop_app.core import lock
    from desktop_app.core.db import open_database

    real_open = builtins.open

    def ro_open(path, mode="r", *a, **kw):
        if str(path).endswith(lock.LOCK_NAME):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, mode, *a, **kw)

    monkeypatch.setattr(builtins, "open", ro_open)
    with pytest.raises(FileFault) as exc:
        open_database(tmp_path / "d")
    assert exc.value.kind == "read_only" and exc.value.action == "open_data"
    assert exc.value.message.startswith("打开数据目录失败：") and "Errno" not in exc.value.message
    assert not lock.is_held_here(tmp_path / "d")


# ----------------------------------------------------------------------- print to file

@pytest.mark.slow
@pytest.mark.parametrize("mount", ["full", "read_only"])
def test_print_to_file_onto_a_full_or_read_only_disk(folder, tmp_path, mount):
    data, _ = folder
    number = first_receipt(data)
    before, secret = data_digest(data), secrets(data)
    src = tmp_path / "src"
    src.mkdir()
    ctx = tmpfs(tmp_path / "disk") if mount == "full" else read_only(src, tmp_path / "disk")
    with ctx as disk:
        if mount == "full":
            fill(disk, 16 * 1024)
        files_before = listing(disk)
        r = desktop_app(data, "print", "receipt", number, "--out", str(disk / "回执.pdf"))
        assert r.returncode == 1, r.stdout + r.stderr
        line = assert_one_chinese_line(r.stderr, "打印到文件失败", str(disk))
        assert ("空间不足" if mount == "full" else "只读") in line
        assert listing(disk) == files_before
    assert data_digest(data) == before
    assert assert_logs_clean([data / "logs"], secret) >= 1


# ------------------------------------------------------------------------ export, import

@pytest.mark.slow
@pytest.mark.parametrize("mount", ["full", "read_only"])
def test_export_onto_a_full_or_read_only_usb_stick(folder, tmp_path, mount):
    data, _ = folder
    before, secret = data_digest(data), secrets(data)
    src = tmp_path / "src"
    src.mkdir()
    ctx = tmpfs(tmp_path / "usb") if mount == "full" else read_only(src, tmp_path / "usb")
    with ctx as usb:
        if mount == "full":
            fill(usb, 0)  # a demo package is a few KB: no room for any of it
        files_before = listing(usb)
        r = desktop_app(data, "export", "--out", str(usb))
        assert r.returncode == 1, r.stdout + r.stderr
        line = assert_one_chinese_line(r.stderr, "导出同步包失败", str(usb))
        assert ("空间不足" if mount == "full" else "只读") in line
        assert listing(usb) == files_before
    no_parts(data / "sync")
    assert data_digest(data) == before
    assert assert_logs_clean([data / "logs"], secret) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("mount", ["full", "read_only"])
def test_import_of_a_package_on_a_full_or_read_only_stick(folder, tmp_path, mount):
    """Reading needs no space and no write access: the package imports, and nothing is
    written next to it."""
    from desktop_app.core.services import Services

    data, county = folder
    services = Services.open(data)
    try:
        package = make_return(tmp_path / "r1.twret", services, county, 1, {})
    finally:
        services.close()
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(package, src / package.name)
    ctx = tmpfs(tmp_path / "usb") if mount == "full" else read_only(src, tmp_path / "usb")
    with ctx as usb:
        if mount == "full":
            shutil.copy(package, usb / package.name)
            fill(usb, 4 * 1024)
        files_before = listing(usb)
        r = desktop_app(data, "import", str(usb / package.name))
        assert r.returncode == 0, r.stdout + r.stderr
        assert listing(usb) == files_before


@pytest.mark.slow
def test_import_of_a_package_whose_stick_was_pulled_out(folder, tmp_path):
    from desktop_app.core.services import Services

    data, county = folder
    services = Services.open(data)
    try:
        package = make_return(tmp_path / "r1.twret", services, county, 1, {})
    finally:
        services.close()
    before, secret = data_digest(data), secrets(data)
    with tmpfs(tmp_path / "usb") as usb:
        shutil.copy(package, usb / package.name)
        chosen = usb / package.name
    # The stick is gone (unmounted) between choosing the file and importing it.
    r = desktop_app(data, "import", str(chosen))
    assert r.returncode == 1, r.stdout + r.stderr
    assert_one_chinese_line(r.stderr, "导入同步包失败", "找不到", "数据未作任何更改")
    assert data_digest(data) == before
    no_parts(data)
    assert assert_logs_clean([data / "logs"], secret) >= 1


def test_a_read_error_mid_package_is_the_device_fault(services, township, tmp_path, monkeypatch):
    """EIO while the package is read (a stick pulled out mid-read), injected into the
    package file's reads: one sentence, nothing changed, no decrypted copy left."""
    from desktop_app.core.services.auth import SYSTEM
    from sync_contract import envelope as env

    county = KeyStore(tmp_path / "county-keys").ensure()
    county.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county-public.json")
    services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    package = make_return(tmp_path / "r1.twret", services, county, 1, {})
    before = db_digest(services.ctx.db.data_dir)

    class Failing:
        def __init__(self, fh):
            self.fh = fh

        def readinto(self, b):
            raise OSError(errno.EIO, "Input/output error")

        def read(self, n=-1):
            raise OSError(errno.EIO, "Input/output error")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    real_open = open

    def opening(path, mode="r", *a, **kw):
        fh = real_open(path, mode, *a, **kw)
        return Failing(fh) if str(path) == str(package) and "r" in mode else fh

    monkeypatch.setattr(env, "open", opening, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(FileFault) as exc:
        env.open_package(package, [services.sync.keys.ensure().age_identity],
                         [county.public_keys("county", "420106", "x").ed25519], work_dir=work)
    assert exc.value.kind == "device_removed" and str(package) in exc.value.message
    assert exc.value.message.endswith("数据未作任何更改。") and os.listdir(work) == []
    assert db_digest(services.ctx.db.data_dir) == before


# ----------------------------------------------------------------------------- the log

@pytest.mark.slow
def test_an_unwritable_log_folder_never_stops_a_command(folder, tmp_path):
    data, _ = folder
    (data / "logs").mkdir(exist_ok=True)
    with read_only(data / "logs", tmp_path / "ro-logs"):
        subprocess.run(["mount", "--bind", str(tmp_path / "ro-logs"), str(data / "logs")], check=True)
        try:
            r = desktop_app(data, "exports")
            assert r.returncode == 0 and r.stderr == "", r.stderr
            r = desktop_app(data, "restore", "no-such-backup.sqlite3", "--yes")
            assert r.returncode == 1
            line = assert_one_chinese_line(r.stderr)
            assert "logs" not in line
        finally:
            subprocess.run(["umount", "-l", str(data / "logs")], check=False)


def test_a_log_file_that_fails_falls_back_to_one_line_on_stderr(tmp_path, capsys, monkeypatch):
    from desktop_app.core import logs

    path = logs.setup_logging(tmp_path)
    try:
        assert path is not None and logs.log_folder() == tmp_path / "logs"
        log = logging.getLogger("desktop_app.test")
        log.warning("first")
        handler = next(h for h in logging.getLogger().handlers if isinstance(h, logs._Marker))

        def full(*a, **kw):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(handler, "shouldRollover", full)
        try:
            raise ValueError("secret detail 110105194912310021")
        except ValueError:
            log.exception("saving failed")
        log.info("quiet")
        log.warning("second\nmore lines")
        err = capsys.readouterr().err.splitlines()
        assert err[0].startswith("写日志失败：") and "空间不足" in err[0]
        assert err[1:] == ["ERROR desktop_app.test: saving failed",
                           "WARNING desktop_app.test: second"]
        assert logs.log_folder() is None
    finally:
        logs.teardown_logging()


def test_an_unwritable_log_folder_logs_warnings_to_stderr(tmp_path, capsys, monkeypatch):
    from desktop_app.core import logs
    from sync_contract import logfile

    monkeypatch.setattr(logfile, "open", lambda *a, **kw: (_ for _ in ()).throw(
        OSError(errno.EROFS, "Read-only file system")), raising=False)
    try:
        assert logs.setup_logging(tmp_path) is None and logs.log_folder() is None
        logging.getLogger("x").warning("id 110105194912310021\ntraceback here")
        logging.getLogger("x").info("not shown")
        assert capsys.readouterr().err == f"WARNING x: id {logs.ID_MASK}\n"
    finally:
        logs.teardown_logging()


# ------------------------------------------------------------------- a killed backup

KILLED_BACKUP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from desktop_app.core import db
    from desktop_app.core.logs import setup_logging
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM

    def stop(tmp, final):
        print("copied", tmp, flush=True)
        time.sleep(600)

    db.replace_durably = stop
    setup_logging(Path(sys.argv[1]))
    services = Services.open(Path(sys.argv[1]))
    services.backups.backup_now(SYSTEM)
""")


@pytest.mark.slow
def test_a_killed_backup_leaves_a_copy_that_the_next_start_removes(folder, tmp_path):
    from desktop_app.core.services import Services

    data, _ = folder
    secret = secrets(data)
    child = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(data)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.startswith("copied"), child.stderr.read()
        part = Path(line.split(" ", 2)[1].strip())
        assert part.exists() and part.stat().st_size > 100_000  # the whole database
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    services = Services.open(data)  # the next start
    try:
        assert not part.exists() and services.backups.list() == []
    finally:
        services.close()
    no_parts(data)
    assert assert_logs_clean([data / "logs"], secret) >= 1
