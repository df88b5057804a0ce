"""Faults at the county (issue #11): ingest with a full work folder or a package on a
read-only stick, make-return onto a full or read-only stick, a killed ingest, database
errors that quote values.

Each fault is one Chinese line from a ``county-receiver`` child process, the county's
row digest is unchanged, nothing is left under a final name or in the work folder, and
neither the county's log nor the township's logs mention a seeded name or ID number.
"""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from county_receiver.receiver import County, row_digest
from tests.county.helpers import new_county
from tests.helpers.faults import (
    assert_logs_clean,
    assert_one_chinese_line,
    county_receiver,
    fill,
    listing,
    no_parts,
    read_only,
    seeded_secrets,
    tmpfs,
)


@pytest.fixture
def site(world, tmp_path):
    """A SQLite county in ``tmp_path`` with the world's township registered; returns
    (url, county data folder)."""
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    new_county(url, world).close()
    return url, tmp_path / "county-data"


def digest(url: str) -> str:
    county = County(url, "unused")
    try:
        return row_digest(county.engine)
    finally:
        county.close()


def clean(world, data: Path) -> None:
    """No seeded name or ID number in the county's log or the township's logs."""
    secrets = seeded_secrets(world.data_dir / "township.sqlite3")
    assert "李四" in secrets and len(secrets) > 20
    assert assert_logs_clean([data / "logs"], secrets) >= 1
    assert_logs_clean([world.data_dir / "logs"], secrets)


def ingest(world, url, data, *packages, cwd):
    return county_receiver(data, "ingest", "--db", url, "--keys", str(world.county_keys),
                           *map(str, packages), cwd=cwd)


# ------------------------------------------------------------------------------ ingest

@pytest.mark.slow
def test_ingest_with_a_full_work_folder_changes_nothing(world, site, tmp_path):
    url, _ = site
    before = digest(url)
    with tmpfs(tmp_path / "small") as small:
        data = small / "county-data"
        (data / "logs").mkdir(parents=True)
        (data / "logs" / "county-receiver.log").write_text("x" * 10, encoding="utf-8")
        size = world.packages[0].stat().st_size
        fill(small, min(size // 2, 200 * 1024))  # the log's next lines fit, the package not
        r = ingest(world, url, data, world.packages[0], cwd=tmp_path)
        assert r.returncode == 1, r.stdout + r.stderr
        assert_one_chinese_line(r.stderr, "导入同步包失败", str(data / "work"), "空间不足",
                                "数据未作任何更改")
        assert [p for p in (data / "work").iterdir()] == []  # no decrypted copy left
        assert digest(url) == before
        clean(world, data)


@pytest.mark.slow
def test_ingest_of_a_package_on_a_read_only_stick(world, site, tmp_path):
    url, data = site
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(world.packages[0], src / world.packages[0].name)
    with read_only(src, tmp_path / "usb") as usb:
        r = ingest(world, url, data, usb / world.packages[0].name, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert listing(usb) == [world.packages[0].name]
    assert [p for p in (data / "work").iterdir()] == []
    clean(world, data)


def test_ingest_of_a_missing_package_is_one_line(world, site, tmp_path):
    url, data = site
    before = digest(url)
    r = ingest(world, url, data, tmp_path / "gone" / "x.twpkg", cwd=tmp_path)
    assert r.returncode == 1
    assert_one_chinese_line(r.stderr, "导入同步包失败", "找不到", "数据未作任何更改")
    assert digest(url) == before
    log = (data / "logs" / "county-receiver.log").read_text(encoding="utf-8")
    assert "ingest refused: io_error (path_missing)" in log


# ------------------------------------------------------------------------- make-return

@pytest.mark.slow
@pytest.mark.parametrize("mount", ["full", "read_only"])
def test_make_return_onto_a_full_or_read_only_stick(world, site, tmp_path, mount):
    url, data = site
    county = new_county(url, world, register=False)
    try:
        county.ingest(world.packages[0])  # something to acknowledge
    finally:
        county.close()
    before = digest(url)
    src = tmp_path / "src"
    src.mkdir()
    ctx = tmpfs(tmp_path / "usb", "64k") if mount == "full" else read_only(src, tmp_path / "usb")
    with ctx as usb:
        if mount == "full":
            fill(usb, 0)
        files_before = listing(usb)
        r = county_receiver(data, "make-return", "--db", url, "--keys", str(world.county_keys),
                            "--township", world.code, "--out", str(usb), cwd=tmp_path)
        assert r.returncode == 1, r.stdout + r.stderr
        line = assert_one_chinese_line(r.stderr, "生成返回包失败", str(usb))
        assert ("空间不足" if mount == "full" else "只读") in line
        assert listing(usb) == files_before  # no package, no .part
    assert digest(url) == before  # the return is not recorded: the next run makes it again
    assert [p for p in (data / "work").iterdir()] == []
    r = county_receiver(data, "make-return", "--db", url, "--keys", str(world.county_keys),
                        "--township", world.code, "--out", str(src), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert [p.suffix for p in src.iterdir()] == [".twret"]
    clean(world, data)


# -------------------------------------------------------------------- a killed ingest

KILLED_INGEST = textwrap.dedent("""
    import sys, time
    from county_receiver import cli, receiver

    def stop(self, s, tw, pkg):
        print("decrypted", pkg.inner_path, flush=True)
        time.sleep(600)

    receiver.County._check_chain = stop
    sys.exit(cli.main(sys.argv[1:]))
""")


@pytest.mark.slow
def test_a_killed_ingest_leaves_its_decrypted_copy_only_until_the_next_start(world, site,
                                                                             tmp_path):
    url, data = site
    before = digest(url)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, "--data-dir", str(data), "ingest", "--db", url,
         "--keys", str(world.county_keys), str(world.packages[0])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        line = child.stdout.readline()
        assert line.startswith("decrypted"), child.stderr.read()
        inner = Path(line.split(" ", 1)[1].strip())
        # The whole decrypted package, in the county's own 0700 work folder.
        assert inner.stat().st_size > 1000 and (data / "work") in inner.parents
        assert (data / "work").stat().st_mode & 0o777 == 0o700
        assert inner.parent.stat().st_mode & 0o777 == 0o700
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert inner.exists() and digest(url) == before  # killed: nothing applied, copy left
    r = ingest(world, url, data, world.packages[0], cwd=tmp_path)  # the next start
    assert r.returncode == 0, r.stderr
    assert not inner.exists() and [p for p in (data / "work").iterdir()] == []
    no_parts(data)
    clean(world, data)


def test_a_live_commands_work_folder_is_not_swept(tmp_path):
    from county_receiver.workdir import WorkDir, sweep

    with WorkDir(tmp_path) as mine:
        (mine.path / "inner.zip").write_bytes(b"x")
        stale = tmp_path / "work" / "w-dead"
        stale.mkdir()
        (stale / "inner.zip").write_bytes(b"y")
        (stale / ".owner").write_bytes(b"")  # its lock died with its process
        assert sweep(tmp_path / "work") == ["w-dead"]
        assert (mine.path / "inner.zip").exists() and not stale.exists()
    assert list((tmp_path / "work").iterdir()) == []


# ------------------------------------------------------------ database errors and logs

class _PgError(Exception):
    """What psycopg raises: the server's message with its DETAIL and CONTEXT lines."""

    sqlstate = "22P02"


def test_a_database_error_quoting_a_name_is_told_without_it(world, site, tmp_path, capsys,
                                                           monkeypatch):
    from sqlalchemy.exc import DataError

    from county_receiver import cli

    url, data = site
    text = ('invalid input syntax for type date: "王小五"\nDETAIL:  Key (name)=(王小五) '
            "\nCONTEXT:  unnamed portal parameter $3 = '王小五 110105194912310021'")

    def failing(self, path):
        raise DataError("INSERT INTO county_record …", {"name": "王小五"}, _PgError(text))

    monkeypatch.setattr(County, "ingest", failing)
    try:
        code = cli.main(["--data-dir", str(data), "ingest", "--db", url, "--keys",
                         str(world.county_keys), str(world.packages[0])])
        err = capsys.readouterr().err
    finally:
        for h in list(logging.getLogger().handlers):
            if isinstance(h, cli._Handler | cli._Console):
                logging.getLogger().removeHandler(h)
                h.close()
    assert code == 1
    line = assert_one_chinese_line(err, "数据库错误", "SQLSTATE 22P02")
    log = (data / "logs" / "county-receiver.log").read_text(encoding="utf-8")
    assert "ingest failed: database error _PgError (SQLSTATE 22P02)" in log
    for secret in ("王小五", "110105194912310021", "DETAIL", "CONTEXT"):
        assert secret not in line and secret not in log


@pytest.mark.slow
def test_postgresql_never_echoes_a_refused_name(world, pg_url, tmp_path):
    """A member name PostgreSQL cannot store (``\\u0000`` in JSON: "unsupported Unicode
    escape sequence", whose CONTEXT line quotes the JSON around it, names included):
    refused in one line — by the text rule of the contract or by the database — and the
    name reaches neither the console nor the log."""
    from tests.county.helpers import build_export, read_package

    county = new_county(pg_url, world)
    county.close()
    man, recs = read_package(world, world.packages[0])
    members = [r for r in recs["household_member"] if r.get("name")]
    assert members
    victim = members[0]["name"]
    members[0]["name"] = victim + "\u0000甲"
    bad = build_export(tmp_path / "bad.twpkg", world, 1, recs, lo=man["change_seq_from"],
                       hi=man["change_seq_to"], audit_head=man["audit_head"])
    before = digest(pg_url)
    data = tmp_path / "county-data"
    r = ingest(world, pg_url, data, bad, cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    line = assert_one_chinese_line(r.stderr)
    assert victim not in line and "甲" not in line
    assert digest(pg_url) == before
    log = (data / "logs" / "county-receiver.log").read_text(encoding="utf-8")
    assert victim not in log and "CONTEXT" not in log and "DETAIL" not in log
    clean(world, data)
