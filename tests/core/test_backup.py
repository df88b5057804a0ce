"""Backups: names, thinning, verified writes, mirror, restore, start-up check, full disks."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from desktop_app.cli import main
from desktop_app.core import backup as files
from desktop_app.core import db as dbmod
from desktop_app.core.backup import BackupError, BackupName
from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import Event
from desktop_app.core.services import ExportsPaused, Services
from desktop_app.core.services.demo import DEMO_PASSWORDS
from desktop_app.core.startup import check_data_folder, restore_for_startup
from sync_contract.faults import FileFault
from tests.helpers.cli import as_user
from tests.helpers.drafts import draft, resident_id

TIMES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda d: d.replace(microsecond=0))


# ------------------------------------------------------------------------- names

@given(TIMES, st.sampled_from(files.REGULAR_KINDS + ("pre-restore",)), st.integers(0, 999))
def test_backup_names_round_trip(when, kind, serial):
    name = files.format_backup_name(when, kind, serial)
    parsed = files.parse_backup_name(name)
    assert parsed == BackupName(when, serial, kind, name) and parsed.name == name


@given(st.one_of(st.text(max_size=60), st.none(), st.integers(), st.binary(max_size=20)))
def test_parse_backup_name_never_raises(name):
    parsed = files.parse_backup_name(name)
    assert parsed is None or (parsed.kind in files.KINDS and parsed.name == name)


@given(st.from_regex(r"backup-[0-9]{8}-[0-9]{6}-(startup|manual)(-[0-9]{1,3})?\.sqlite3",
                     fullmatch=True))
def test_well_formed_but_impossible_dates_are_not_backups(name):
    parsed = files.parse_backup_name(name)
    if parsed is not None:
        assert files.format_backup_name(parsed.when, parsed.kind, parsed.serial) == name


def test_legacy_and_foreign_names():
    assert files.parse_backup_name("pre-migration-0001-20261124-101500.sqlite3").kind == "pre-migration"
    for name in ("backup-20261324-101500-manual.sqlite3", "backup-20261124-101500-manual.sqlite3.part",
                 "township.sqlite3", "backup-20261124-101500-manual-0.sqlite3", "../x.sqlite3"):
        assert files.parse_backup_name(name) is None


# ---------------------------------------------------------------------- thinning

BACKUP_SETS = st.lists(st.builds(
    lambda when, kind, serial: BackupName(when, serial, kind,
                                          files.format_backup_name(when, kind, serial)),
    TIMES, st.sampled_from(files.REGULAR_KINDS + ("pre-restore",)), st.integers(0, 3)),
    max_size=60, unique_by=lambda b: b.name)
POLICIES = st.fixed_dictionaries({"recent": st.integers(1, 6), "daily": st.integers(0, 8),
                                  "weekly": st.integers(0, 5), "monthly": st.integers(0, 13)})


@given(BACKUP_SETS, POLICIES)
def test_thinning_keeps_the_newest_safety_copies_and_is_bounded_and_idempotent(backups, policy):
    kept = files.plan_thinning(backups, policy)
    names = {b.name for b in backups}
    assert kept <= names
    if backups:
        assert max(backups).name in kept
    assert {b.name for b in backups if not b.regular} <= kept
    regular_kept = [b for b in backups if b.regular and b.name in kept]
    assert len(regular_kept) <= sum(policy.values())
    assert files.plan_thinning([b for b in backups if b.name in kept], policy) == kept
    # The newest of each of the last `daily` days with backups is kept.
    regular = sorted((b for b in backups if b.regular), reverse=True)
    days = []
    for b in regular:
        if b.when.date() not in days:
            days.append(b.when.date())
    for day in days[:policy["daily"]]:
        assert max(b for b in regular if b.when.date() == day).name in kept


def test_thinning_a_year_of_backups():
    start = datetime(2026, 1, 1, 8, 0)
    backups = [BackupName(start + timedelta(days=d, hours=h), 0, "startup",
                          files.format_backup_name(start + timedelta(days=d, hours=h), "startup"))
               for d in range(365) for h in (0, 9)]
    kept = files.plan_thinning(backups, {"recent": 5, "daily": 7, "weekly": 4, "monthly": 12})
    # 5 newest (3 days) ∪ 7 days ∪ 4 weeks ∪ 12 months, overlapping.
    assert 14 <= len(kept) <= 28
    kept_days = {b.when.date() for b in backups if b.name in kept}
    assert datetime(2026, 12, 31).date() in kept_days and datetime(2026, 1, 31).date() in kept_days


# ------------------------------------------------------------ writing and listing

def header_journal_mode(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:20]
    return head[18], head[19]  # 1, 1 = rollback journal; 2, 2 = WAL


def test_backup_is_verified_self_contained_and_listed_with_counts(services, township):
    services.intake.decide(draft(services), "accept", township)
    report = services.backups.backup_now(township)
    assert report.ok and report.path.parent == services.ctx.db.data_dir / "backups"
    assert header_journal_mode(report.path) == (1, 1)
    assert not list(report.path.parent.glob("*.part")) and not list(report.path.parent.glob("*-wal"))
    [info] = services.backups.list(verify=True)
    assert (info.name, info.kind, info.ok) == (report.path.name, "manual", True)
    assert (info.applications, info.documents, info.township) == (1, 5, "清水镇")
    assert info.created == services.ctx.clock()
    with services.ctx.db.read() as s:
        assert s.scalars(select(Event.action).order_by(Event.seq.desc())).first() == "backup.create"


def test_auto_backup_skips_when_nothing_changed_and_thins(services, township, clock):
    services.settings.update("backup_keep", {"recent": 2, "daily": 0, "weekly": 0, "monthly": 0},
                             township)
    first = services.backups.auto_backup("startup")
    assert first.path is not None and not first.skipped
    assert services.backups.auto_backup("exit").skipped  # same data: no second copy
    assert not services.backups.daily_due()
    made = [first.path.name]
    for i in range(3):
        clock.now += timedelta(hours=25)
        assert services.backups.daily_due()
        services.intake.decide(draft(services, id_number=resident_id(seed=i + 3)), "accept", township)
        made.append(services.backups.auto_backup("daily").path.name)
    assert [b.name for b in services.backups.list()] == made[::-1][:2]


def test_mirror_copy_and_missing_mirror_is_reported_not_fatal(services, township, tmp_path):
    mirror = tmp_path / "usb"
    mirror.mkdir()
    services.settings.update("backup_mirror_dir", str(mirror), township)
    report = services.backups.backup_now(township)
    assert report.mirror == mirror / report.path.name and not report.mirror_error
    assert report.mirror.read_bytes() == report.path.read_bytes()
    assert services.backups.list_mirror()[0].applications == 0
    services.settings.update("backup_mirror_dir", str(tmp_path / "unplugged"), township)
    report = services.backups.auto_backup("exit")
    assert report.ok and report.path.exists()
    assert "unplugged" in report.mirror_error and "不存在" in report.mirror_error
    assert not (tmp_path / "unplugged").exists()  # never created on the wrong disk


# ------------------------------------------------------------------------ restore

def test_restore_keeps_current_pauses_exports_and_never_reuses_numbers(services, township, clock):
    admin = services.accounts.login("admin", DEMO_PASSWORDS["admin"]).value
    first = services.intake.decide(draft(services), "accept", admin)
    old = services.backups.backup_now(admin).path
    later = services.intake.decide(draft(services, id_number=resident_id(seed=9)), "accept", admin)
    assert later.number.endswith("0002")
    with services.ctx.db.read() as s:
        counter_before = s.execute(text("SELECT value FROM change_counter")).scalar()
    clock.now += timedelta(minutes=5)

    result = services.backups.restore(old.name, admin)
    assert result.backup.applications == 1 and result.pre_restore.exists()
    assert files.inspect_backup(result.pre_restore).applications == 2  # nothing lost
    assert services.queries.count() == 1  # every service sees the restored file
    paused = services.backups.exports_paused()
    assert paused["backup"] == old.name and paused["by"] == "王建国"
    with pytest.raises(ExportsPaused):
        services.backups.ensure_exports_allowed()
    # Number 0002 went out on paper before the restore: it is never issued again.
    again = services.intake.decide(draft(services, id_number=resident_id(seed=11)), "accept", admin)
    assert again.number.endswith("0003") and first.number.endswith("0001")
    with services.ctx.db.read() as s:
        assert s.execute(text("SELECT value FROM change_counter")).scalar() > counter_before
        ev = s.scalars(select(Event).where(Event.action == "system.restore")).one()
    assert ev.actor_id == admin.staff_id
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    with pytest.raises(PermissionDenied):
        services.backups.confirm_exports(clerk)
    assert services.backups.confirm_exports(admin)
    services.backups.ensure_exports_allowed()
    assert services.audit.check().ok


def test_restore_refuses_a_damaged_backup_and_leaves_the_database_alone(services, township, tmp_path):
    services.intake.decide(draft(services), "accept", township)
    bad = tmp_path / "backup-20261124-100000-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    before = services.queries.count()
    with pytest.raises(BackupError):
        services.backups.restore(bad, township)
    assert services.queries.count() == before and services.ctx.db.quick_check() == "ok"
    assert not list((services.ctx.db.data_dir / "backups").glob("*pre-restore*"))


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(2, len(data) // page - 1):
        data[p * page + 8: p * page + 200] = os.urandom(192)
    path.write_bytes(bytes(data))


def test_startup_check_offers_the_newest_good_backup_and_restores_it(services, township, data_dir):
    services.intake.decide(draft(services), "accept", township)
    good = services.backups.backup_now(township).path
    services.intake.decide(draft(services, id_number=resident_id(seed=5)), "accept", township)
    services.close()
    assert check_data_folder(data_dir) is None
    corrupt(data_dir / dbmod.DB_FILENAME)
    broken = files.unique_backup_path(data_dir / "backups", datetime(2030, 1, 1), "manual")
    broken.write_bytes(b"not a database")  # the newest file, but no good: skipped
    problem = check_data_folder(data_dir)
    assert problem is not None and problem.backup.name == good.name
    assert str(data_dir) in problem.message and dbmod.DB_FILENAME in problem.message
    assert "1 件申请" in problem.message
    replaced = restore_for_startup(data_dir, problem.backup.path)
    assert (replaced.damaged / dbmod.DB_FILENAME).exists()  # kept, not deleted
    assert check_data_folder(data_dir) is None
    reopened = Services.open(data_dir)
    try:
        assert reopened.queries.count() == 1 and reopened.backups.exports_paused()
        assert reopened.audit.check().ok
    finally:
        reopened.close()


def test_unreadable_file_is_reported_with_folder_and_file(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / dbmod.DB_FILENAME).write_bytes(b"garbage" * 1000)
    problem = check_data_folder(folder)
    assert problem.kind == "unreadable" and problem.backup is None
    assert str(folder) in problem.message and "没有找到可用的备份" in problem.message


# ------------------------------------------------------------------------ CLI

def test_cli_backup_list_and_restore_needs_yes(tmp_path, capsys, monkeypatch):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--applications", "2"]) == 0
    assert main(as_user(monkeypatch, data, "clerk1") + ["backup"]) == 0
    name = Path(capsys.readouterr().out.strip().splitlines()[-1]).name
    assert main(as_user(monkeypatch, data) + ["demo", "--applications", "3", "--seed", "4"]) == 0
    assert main(["--data-dir", str(data), "backups"]) == 0
    assert "2 applications" in capsys.readouterr().out
    assert main(as_user(monkeypatch, data) + ["restore", name]) == 2
    assert "--yes" in capsys.readouterr().err
    conn = sqlite3.connect(data / dbmod.DB_FILENAME)
    assert conn.execute("SELECT count(*) FROM application").fetchone() == (5,)
    conn.close()
    # a clerk may back up but not restore
    assert main(as_user(monkeypatch, data, "clerk1") + ["restore", name, "--yes"]) == 1
    assert "只有管理员可以恢复备份" in capsys.readouterr().err
    assert main(as_user(monkeypatch, data) + ["restore", name, "--yes"]) == 0
    assert "exports are paused" in capsys.readouterr().out
    conn = sqlite3.connect(data / dbmod.DB_FILENAME)
    assert conn.execute("SELECT count(*) FROM application").fetchone() == (2,)
    conn.close()
    assert main(as_user(monkeypatch, data) + ["confirm-exports"]) == 0
    assert main(["--data-dir", str(data), "check"]) == 0
    assert main(as_user(monkeypatch, data) + ["restore", "no-such-backup.sqlite3", "--yes"]) == 1


# ---------------------------------------------------------------------- full disks

@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 160 KiB tmpfs (root only); skipped where it cannot be mounted."""
    mount = tmp_path / "full"
    mount.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(mount)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root?); the injected-ENOSPC test covers it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def db_digest(services) -> str:
    with services.ctx.db.read() as s:
        rows = s.execute(text("SELECT seq, hash FROM event ORDER BY seq")).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_backup_mirror_and_export_to_a_full_disk(services, township, tiny_tmpfs):
    for i in range(3):
        services.intake.decide(draft(services, id_number=resident_id(seed=i)), "accept", township)
    before = db_digest(services)
    assert services.ctx.db.path.stat().st_size > 160 * 1024
    # A backup folder that runs out of space: the backups folder itself on the tmpfs.
    backups = services.ctx.db.data_dir / "backups"
    backups.symlink_to(tiny_tmpfs, target_is_directory=True)
    with pytest.raises(FileFault) as exc:
        services.backups.backup_now(township)
    assert "空间不足" in str(exc.value)
    assert os.listdir(tiny_tmpfs) == []  # no partial file, under any name
    auto = services.backups.auto_backup("exit")
    assert "空间不足" in auto.error and auto.path is None and os.listdir(tiny_tmpfs) == []
    assert db_digest(services) == before and services.ctx.db.quick_check() == "ok"
    # A mirror that runs out of space: reported, no partial file, local backup kept.
    backups.unlink()
    services.settings.update("backup_mirror_dir", str(tiny_tmpfs), township)
    before = db_digest(services)
    report = services.backups.auto_backup("exit")
    assert report.ok and report.path.exists()
    assert "空间不足" in report.mirror_error and os.listdir(tiny_tmpfs) == []
    # An export (here: a document PDF written to a chosen folder) on a full disk.
    from desktop_app.core.services.documents import atomic_write

    (tiny_tmpfs / "filler").write_bytes(b"x" * (150 * 1024))
    with pytest.raises(OSError) as err:
        atomic_write(tiny_tmpfs / "receipt.pdf", b"%PDF" + os.urandom(64 * 1024))
    assert err.value.errno == errno.ENOSPC
    assert sorted(os.listdir(tiny_tmpfs)) == ["filler"]
    # The database is untouched by all of it.
    assert db_digest(services) == before and services.ctx.db.quick_check() == "ok"
    services.settings.update("backup_mirror_dir", "", township)


def test_injected_enospc_during_backup_leaves_no_partial_file(services, township, monkeypatch):
    """The same guarantee where no tmpfs can be mounted: ENOSPC injected into fsync."""
    real_fsync = os.fsync

    def full(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    before = db_digest(services)
    with pytest.raises(FileFault) as exc:
        services.backups.backup_now(township)
    assert "空间不足" in str(exc.value)
    assert os.listdir(services.backups.folder) == []
    assert db_digest(services) == before


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(files.REGULAR_KINDS), min_size=1, max_size=6))
def test_same_second_backups_get_distinct_names(tmp_path_factory, kinds):
    folder = tmp_path_factory.mktemp("b")
    when = datetime(2026, 11, 24, 10, 0, 0)
    paths = []
    for kind in kinds:
        p = files.unique_backup_path(folder, when, kind)
        p.write_bytes(b"")
        paths.append(p)
    assert len(set(paths)) == len(paths)
    assert all(files.parse_backup_name(p.name).when == when for p in paths)
