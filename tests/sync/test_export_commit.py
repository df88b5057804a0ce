"""The two-phase export (docs/sync-format.md §8a), one interruption at a time, in process:
a "kill" is simulated by raising a BaseException the export does not clean up after (as
a SIGKILL would not); the real SIGKILLs are in test_export_kill.py.

Also: no-change exports refused, re-export verified against the log, write faults on
the USB folder told in one Chinese line with nothing left, temporary files private and
swept, the sync doctor (service and CLI)."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import stat

import pytest
from sqlalchemy import select, text

from desktop_app.core.models import SyncExport
from desktop_app.core.services.auth import SYSTEM
from desktop_app.core.services.sync import kept as kept_mod
from desktop_app.core.services.sync import service as svc_mod
from sync_contract.envelope import PackageError
from sync_contract.faults import FileFault
from tests.helpers.cli import as_user
from tests.helpers.drafts import draft, resident_id
from tests.helpers.sync import db_digest, fill, make_return


class Killed(BaseException):
    """Stands for a SIGKILL after the log commit, where the export has no handler left
    (anything a handler would clean up is tested with real kills: :func:`killer`)."""


def kill_at(monkeypatch, point: str) -> None:
    assert point in ("logged", "renamed")     # no handler of ours runs after these

    def crash(where: str) -> None:
        if where == point:
            raise Killed(where)
    monkeypatch.setattr(svc_mod, "crash_point", crash)


@pytest.fixture
def killer(clock):
    """``killer(services, out, point)``: closes ``services``, runs one export in a forked
    child that SIGKILLs itself at ``point`` (the ``TWSYNC_TEST_KILL_AT`` hook) and
    returns the services opened again, as at the next start."""
    from desktop_app.core.services import Services

    opened = []

    def run(services, out, point):
        data = services.ctx.db.data_dir
        services.close()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                os.environ["TWSYNC_TEST_KILL_AT"] = point
                child = Services.open(data, clock=clock)
                child.sync.export(out, SYSTEM)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        again = Services.open(data, clock=clock)
        opened.append(again)
        return again

    yield run
    for svc in opened:
        svc.close()


def usb(tmp_path, name="usb"):
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def visible(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


class _open:
    """The manifest digest of a package, decrypted with the county's identity."""

    def __init__(self, county, path):
        import io
        import zipfile

        import pyrage
        raw = pyrage.decrypt(path.read_bytes(), [county.age_identity])
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            self.digest = hashlib.sha256(zf.read("manifest.json")).hexdigest()

    def __enter__(self):
        return self.digest

    def __exit__(self, *exc):
        return None


# -- no empty packages ---------------------------------------------------------------------
def test_no_change_export_is_refused_and_bookkeeping_is_not_a_change(
        services, synced, tmp_path, capsys):
    fill(services, synced, 1)
    out = usb(tmp_path)
    assert services.sync.export(out, synced).package_seq == 1
    # the export's own event (and a re-export's) is bookkeeping, not a change
    services.sync.reexport(1, usb(tmp_path, "again"), synced)
    status = services.sync.status()
    assert status.pending_changes == 0 and not services.sync.has_changes()
    assert services.sync.export(out, synced) is None
    assert visible(out) == [f"{status.last_export.file_name}"]
    # a real change is one; its package carries the bookkeeping events along
    fill(services, synced, 1)
    assert services.sync.status().pending_changes > 0
    res = services.sync.export(out, synced)
    assert res.package_seq == 2 and res.change_seq_from == status.last_export.change_seq_to + 1
    from desktop_app.cli.sync import export_command

    class Args:
        out = usb(tmp_path, "cli")
        reexport = None

    assert export_command(services, Args(), SYSTEM) == 0
    assert "没有需要导出的更改" in capsys.readouterr().out
    assert visible(Args.out) == []


# -- interrupted exports ---------------------------------------------------------------------
def test_killed_after_the_log_commit_the_package_is_reoffered_byte_identical(
        services, synced, county, tmp_path, monkeypatch, capsys):
    fill(services, synced, 1)
    out = usb(tmp_path)
    kill_at(monkeypatch, "logged")
    with pytest.raises(Killed):
        services.sync.export(out, synced)
    monkeypatch.undo()
    assert visible(out) == []                                   # only a hidden .part
    assert [p.name for p in out.iterdir()][0].endswith(".part")
    (row,) = services.sync.log()
    assert row.state == "prepared" and services.sync.status().undelivered == (1,)
    kept = services.sync.kept.package(row.file_name[:12], 1)
    # the next export (same folder) re-offers package 1 first, sweeping the .part
    fill(services, synced, 1)
    res = services.sync.export(out, synced)
    assert res.reoffered == (1,) and res.package_seq == 2
    assert sorted(p.name for p in out.iterdir()) == [row.file_name, res.path.name]
    assert (out / row.file_name).read_bytes() == kept.read_bytes()
    with _open(county, out / row.file_name) as digest:
        assert digest == row.digest
    assert [r.state for r in services.sync.log()] == ["delivered", "delivered"]
    assert services.sync.undelivered() == []
    assert services.sync.undelivered_message([1]) == "第 1 号包未完成写出，已重新生成，请交给县级"


def test_killed_after_the_record_the_package_is_adopted_and_reoffered(
        services, synced, tmp_path, killer, capsys):
    fill(services, synced, 1)
    services = killer(services, usb(tmp_path), "recorded")
    assert visible(tmp_path / "usb") == []
    assert services.sync.log() == [] and services.sync.undelivered() == [1]
    # nothing new: the export still writes package 1 (the clerk is told), and says so
    from desktop_app.cli.sync import export_command

    class Args:
        reexport = None

    Args.out = usb(tmp_path, "usb2")
    assert export_command(services, Args(), SYSTEM) == 0
    said = capsys.readouterr().out
    assert "第 1 号包未完成写出，已重新生成，请交给县级" in said
    (row,) = services.sync.log()
    assert row.state == "delivered" and visible(Args.out) == [row.file_name]
    assert services.sync.export(Args.out, synced) is None


@pytest.mark.parametrize("point", ["kept_written", "usb_part_written"])
def test_killed_before_the_record_nothing_was_committed_and_the_number_is_reused(
        services, synced, tmp_path, killer, point):
    fill(services, synced, 1)
    out = usb(tmp_path)
    services = killer(services, out, point)
    assert visible(out) == [] and services.sync.log() == []
    assert services.sync.undelivered() == []
    report = services.sync.recover(synced)
    assert report.removed_unfinished == [1]
    fill(services, synced, 1)
    res = services.sync.export(out, synced)
    assert res.package_seq == 1 and res.reoffered == ()
    # the stray .part of the killed export is swept from the folder too
    assert [p.name for p in out.iterdir()] == [res.path.name]


def test_killed_right_after_the_rename_the_same_bytes_are_written_again(
        services, synced, tmp_path, monkeypatch):
    fill(services, synced, 1)
    out = usb(tmp_path)
    kill_at(monkeypatch, "renamed")
    with pytest.raises(Killed):
        services.sync.export(out, synced)
    monkeypatch.undo()
    first = (out / visible(out)[0]).read_bytes()
    res = services.sync.export(usb(tmp_path, "b"), synced)
    assert res.reoffered == (1,) and res.package_seq == 1 and res.reexport
    assert res.path.read_bytes() == first


def test_a_county_ack_of_an_undelivered_package_marks_it_delivered(
        services, synced, county, tmp_path, monkeypatch):
    fill(services, synced, 1)
    out = usb(tmp_path)
    kill_at(monkeypatch, "renamed")
    with pytest.raises(Killed):
        services.sync.export(out, synced)
    monkeypatch.undo()
    (row,) = services.sync.log()
    assert row.state == "prepared"
    # the county took the complete file from the stick and acknowledges it
    ret = make_return(tmp_path / "r1.twret", services, county, 1,
                      {"ack": [{"package_seq": 1, "sha256": row.digest}]})
    result = services.sync.import_package(ret, synced)
    assert result.applied["ack"] == 1
    (row,) = services.sync.log()
    assert row.state == "delivered" and row.acknowledged_at is not None
    assert services.sync.undelivered() == []


def test_an_ack_for_a_package_missing_from_a_restored_log_is_noted_not_refused(
        services, synced, county, tmp_path):
    fill(services, synced, 1)
    one = services.sync.export(usb(tmp_path), synced)
    fill(services, synced, 1)
    services.sync.export(usb(tmp_path), synced)
    with services.ctx.db.transaction() as s:     # a log restored from an older backup
        s.execute(text("DROP TRIGGER sync_export_no_delete"))
        s.execute(text("DELETE FROM sync_export WHERE package_seq = 1"))
    for ext in ("twpkg", "json"):
        services.sync.kept.sent.joinpath(one.path.stem + "." + ext).unlink()
    ret = make_return(tmp_path / "r1.twret", services, county, 1,
                      {"ack": [{"package_seq": 1, "sha256": one.digest}]})
    result = services.sync.import_package(ret, synced)
    assert result.skipped == ["ack 1: not in the export log"]


# -- re-export checks the kept copy -------------------------------------------------------------
def test_reexport_refuses_a_damaged_or_missing_kept_copy_and_says_what_to_do(
        services, synced, tmp_path, capsys):
    fill(services, synced, 1)
    res = services.sync.export(usb(tmp_path), synced)
    path = services.sync.kept.package(res.path.name[:12], 1)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(PackageError) as exc:
        services.sync.reexport(1, usb(tmp_path, "b"), synced)
    assert exc.value.reason == "kept_damaged"
    assert "第 1 号包的留存副本已损坏" in str(exc.value) and "同步检查" in str(exc.value)
    assert visible(tmp_path / "b") == []
    path.unlink()
    with pytest.raises(PackageError) as exc:
        services.sync.reexport(1, tmp_path / "b", synced)
    assert exc.value.reason == "kept_missing" and "在导出记录中" in str(exc.value)
    assert [r.package_seq for r in services.sync.log()] == [1]
    with pytest.raises(PackageError) as exc:
        services.sync.reexport(5, tmp_path / "b", synced)
    assert "导出记录中没有第 5 号包" in str(exc.value)


# -- faults on the USB folder ------------------------------------------------------------------
@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "空间不足"), (errno.EROFS, "只读"),
                                         (errno.EIO, "U盘")])
def test_a_write_fault_on_the_folder_is_one_chinese_line_and_leaves_nothing(
        services, synced, tmp_path, monkeypatch, code, words):
    fill(services, synced, 1)
    out = usb(tmp_path)
    before = db_digest(services.ctx.db.data_dir)
    real = kept_mod.copy_part

    def failing(src, final, **kw):
        tmp = real(src, final, **kw)
        tmp.unlink()
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(svc_mod, "copy_part", failing)
    with pytest.raises(FileFault) as exc:
        services.sync.export(out, synced)
    msg = str(exc.value)
    assert "\n" not in msg and words in msg and str(out) in msg and "导出同步包失败" in msg
    assert list(out.iterdir()) == []
    assert db_digest(services.ctx.db.data_dir) == before
    assert services.sync.log() == [] and services.sync.undelivered() == []
    sent = services.sync.kept.sent
    assert not sent.exists() or list(sent.iterdir()) == []
    assert list(services.sync.kept.tmp.iterdir()) == []
    monkeypatch.undo()
    assert services.sync.export(out, synced).package_seq == 1


def test_a_missing_folder_is_told_and_nothing_is_made(services, synced, tmp_path):
    fill(services, synced, 1)
    with pytest.raises(FileFault) as exc:
        services.sync.export(tmp_path / "gone", synced)
    assert "找不到" in str(exc.value)
    assert services.sync.log() == [] and not services.sync.kept.sent.exists()


# -- temporary files -------------------------------------------------------------------------
def test_temporary_files_are_private_removed_and_swept(services, synced, tmp_path, monkeypatch):
    fill(services, synced, 1)
    seen = []
    real = svc_mod.env.encrypt_inner

    def spy(inner, out, recipients, **kw):
        seen.append((inner, stat.S_IMODE(inner.parent.stat().st_mode),
                     stat.S_IMODE(inner.parent.parent.stat().st_mode)))
        return real(inner, out, recipients, **kw)

    monkeypatch.setattr(svc_mod.env, "encrypt_inner", spy)
    services.sync.export(usb(tmp_path), synced)
    ((inner, mode, parent_mode),) = seen
    data = services.ctx.db.data_dir
    assert inner.is_relative_to(data / "sync" / "tmp")
    assert mode == 0o700 and parent_mode == 0o700
    assert not inner.exists() and list((data / "sync" / "tmp").iterdir()) == []
    # what a crash leaves is swept at the next start
    (data / "sync" / "tmp" / "export-x").mkdir()
    (data / "sync" / "tmp" / "export-x" / "event.deflate").write_bytes(b"x" * 10)
    (data / "sync" / "sent" / ".522201101000-000009.twpkg.abc.part").write_bytes(b"y")
    report = services.sync.recover()
    assert report.swept == 2
    assert list((data / "sync" / "tmp").iterdir()) == []
    assert not any(p.name.endswith(".part") for p in (data / "sync" / "sent").iterdir())


# -- packages of the previous version --------------------------------------------------------
def test_a_legacy_plaintext_kept_copy_is_encrypted_and_removed(
        services, synced, county, tmp_path):
    import pyrage

    fill(services, synced, 1)
    res = services.sync.export(usb(tmp_path), synced)
    code = res.path.name[:12]
    kept = services.sync.kept
    inner = pyrage.decrypt(res.path.read_bytes(), [county.age_identity])
    # as the previous version left it: the plaintext inner ZIP, no kept .twpkg / record
    kept.legacy_inner(code, 1).write_bytes(inner)
    kept.package(code, 1).unlink()
    kept.record_path(code, 1).unlink()
    with services.ctx.db.transaction() as s:
        s.execute(text("UPDATE sync_export SET package_sha256 = NULL, package_bytes = NULL"))
    report = services.sync.recover(synced)
    assert report.converted == [1] and not kept.legacy_inner(code, 1).exists()
    again = services.sync.reexport(1, usb(tmp_path, "b"), synced)
    with _open(county, again.path) as digest:
        assert digest == res.digest
    with services.ctx.db.read() as s:
        row = s.scalar(select(SyncExport))
        assert row.package_sha256 == hashlib.sha256(again.path.read_bytes()).hexdigest()


# -- the sync doctor ---------------------------------------------------------------------------
def test_doctor_explains_and_fixes(services, synced, tmp_path, monkeypatch, capsys):
    fill(services, synced, 1)
    out = usb(tmp_path)
    kill_at(monkeypatch, "logged")
    with pytest.raises(Killed):
        services.sync.export(out, synced)
    monkeypatch.undo()
    data = services.ctx.db.data_dir
    (data / "sync" / "tmp" / "export-left").mkdir(parents=True)
    dry = services.sync.doctor(synced, fix=False)
    text_ = "\n".join(dry.lines())
    assert not dry.ok
    assert "临时文件" in text_ and "第 1 号包未完成写出" in text_ and "县级公钥" in text_
    assert (data / "sync" / "tmp" / "export-left").exists()      # a dry run changes nothing
    from desktop_app.cli.sync import doctor_command

    class Args:
        dry_run = False

    Args.out = usb(tmp_path, "again")
    assert doctor_command(services, Args(), SYSTEM) == 0
    said = capsys.readouterr().out
    assert "已修复" in said and "第 1 号包已重新写出" in said and "留存副本完整" in said
    assert not (data / "sync" / "tmp" / "export-left").exists()
    assert services.sync.undelivered() == [] and len(visible(Args.out)) == 1
    # a damaged kept copy is named
    path = services.sync.kept.package(visible(Args.out)[0][:12], 1)
    path.write_bytes(path.read_bytes()[:-1])
    report = services.sync.doctor(synced)
    assert any("第 1 号包的留存副本已损坏" in f.text for f in report.findings)
    Args.out = None
    assert doctor_command(services, Args(), SYSTEM) == 2


def test_cli_exports_and_sync_doctor_verbs(services, synced, tmp_path, monkeypatch, capsys):
    from desktop_app import cli

    fill(services, synced, 1)
    out = usb(tmp_path)
    kill_at(monkeypatch, "logged")
    with pytest.raises(Killed):
        services.sync.export(out, synced)
    monkeypatch.undo()
    data = services.ctx.db.data_dir
    services.close()
    assert cli.main(["--data-dir", str(data), "exports"]) == 0
    said = capsys.readouterr().out
    assert "NOT DELIVERED" in said and "第 1 号包未完成写出，已重新生成，请交给县级" in said
    assert cli.main(["--data-dir", str(data), "sync-doctor", "--dry-run"]) == 1  # who are you?
    assert "需要登录" in capsys.readouterr().err
    assert cli.main(as_user(monkeypatch, data, "clerk1") + ["sync-doctor", "--dry-run"]) == 2
    assert "第 1 号包未完成写出" in capsys.readouterr().out
    assert cli.main(as_user(monkeypatch, data, "clerk1") + ["sync-doctor", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "第 1 号包已重新写出" in said and "✗" not in said
    assert cli.main(as_user(monkeypatch, data, "clerk1") + [
        "sync-doctor", "--out", str(tmp_path / "no")]) == 0


# -- real faults: a full tmpfs and a read-only bind mount (root) ------------------------------
@pytest.fixture
def mounts(tmp_path):
    """A full 2 MB tmpfs and a read-only bind mount (root only; skipped otherwise)."""
    import subprocess

    full, ro_src, ro = tmp_path / "full", tmp_path / "ro-src", tmp_path / "ro"
    for d in (full, ro_src, ro):
        d.mkdir()
    done = []
    try:
        for cmd in (["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(full)],
                    ["mount", "--bind", str(ro_src), str(ro)],
                    ["mount", "-o", "remount,ro,bind", str(ro)]):
            r = subprocess.run(cmd, capture_output=True)
            if r.returncode != 0:
                pytest.skip("cannot mount here (not root?); the injected faults cover it")
            done.append(cmd[-1])
        # fill the tmpfs but for a few KiB
        with open(full / "filler", "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        os.truncate(full / "filler", (full / "filler").stat().st_size - 4096)
        yield full, ro
    finally:
        for path in reversed(sorted(set(done))):
            subprocess.run(["umount", "-l", path], check=False)


@pytest.mark.slow
def test_export_to_a_full_disk_and_a_read_only_folder(services, synced, mounts, capsys):
    fill(services, synced, 3)
    full, ro = mounts
    before = db_digest(services.ctx.db.data_dir)
    for folder, words in ((full, "空间不足"), (ro, "只读")):
        with pytest.raises(FileFault) as exc:
            services.sync.export(folder, synced)
        assert words in str(exc.value) and "\n" not in str(exc.value)
        assert [p.name for p in folder.iterdir()] in ([], ["filler"])
        assert services.sync.log() == [] and db_digest(services.ctx.db.data_dir) == before
    from desktop_app.cli.sync import export_command

    class Args:
        out = full
        reexport = None

    from desktop_app.cli.common import CliError
    with pytest.raises(CliError) as cli:
        export_command(services, Args(), SYSTEM)
    assert "空间不足" in str(cli.value)


def test_a_restore_without_a_pre_restore_copy_never_hides_new_changes(
        services, synced, tmp_path):
    """Review of #11: package 1, a backup, package 2, then the backup restored over a
    damaged database (no pre-restore copy carries the change counter forward). A change
    made afterwards must reach the county, not vanish inside package 2's range."""
    from desktop_app.core.startup import restore_for_startup

    out = usb(tmp_path)
    fill(services, synced, 1)
    services.sync.export(out, synced)
    backup = services.backups.backup_now(synced).path
    fill(services, synced, 1)
    second = services.sync.export(out, synced)
    data = services.ctx.db.data_dir
    services.close()
    restore_for_startup(data, backup)
    from desktop_app.core.services import Services

    again = Services.open(data)
    try:
        again.backups.confirm_exports(synced)
        app = again.intake.decide(draft(again, name="赵六", id_number=resident_id(seed=77)),
                                  "accept", synced).application_id
        with again.ctx.db.read() as s:
            seq = s.scalar(text("SELECT change_seq FROM application WHERE id = :i"), {"i": app})
        assert seq > second.change_seq_to  # numbered after everything already sent
        assert again.sync.status().pending_changes > 0
        third = again.sync.export(out, synced)
        assert third is not None and third.package_seq == 3
        assert third.change_seq_from == second.change_seq_to + 1 <= seq <= third.change_seq_to
    finally:
        again.close()


def test_an_ack_beyond_the_log_is_recorded_and_exports_wait_for_the_county(
        services, synced, county, tmp_path, capsys):
    """Review of #11: a county return acknowledging a package above this township's log
    (an older backup restored, another PC) is imported — its feedback must not be lost —
    with a notice; exports then wait with a clear reason instead of making a package with
    a number the county already holds."""
    from tests.helpers.sync import make_return as county_return

    out = usb(tmp_path)
    fill(services, synced, 1)
    services.sync.export(out, synced)
    ret = county_return(tmp_path / "r1.twret", services, county, 1,
                        {"ack": [{"package_seq": 5, "sha256": "0" * 64}]})
    result = services.sync.import_package(ret, synced)
    assert not result.already_applied
    assert any("县级已收到第 5 号同步包" in n and "只到第 1 号" in n for n in result.notices)
    fill(services, synced, 1)
    before = db_digest(services.ctx.db.data_dir)
    with pytest.raises(PackageError) as caught:
        services.sync.export(out, synced)
    assert caught.value.reason == "county_ahead" and "暂不导出" in caught.value.message
    assert db_digest(services.ctx.db.data_dir) == before
    assert [p.name for p in out.iterdir()] == [services.sync.log()[0].file_name]
    report = services.sync.doctor(synced, fix=False)
    assert any("县级已收到第 5 号同步包" in line for line in report.lines())


@pytest.mark.parametrize("county_has", [True, False])
def test_a_lost_kept_copy_is_settled_by_an_administrator_after_asking_the_county(
        services, synced, county, tmp_path, monkeypatch, county_has):
    """Review of #11: an undelivered package whose kept copy was lost would stop every
    later export; the administrator asks the county and settles it — delivered, or made
    again from the same changes — and exports go on."""
    from desktop_app.core.errors import PermissionDenied
    from tests.helpers.gui import actor_for

    fill(services, synced, 1)
    out = usb(tmp_path)
    kill_at(monkeypatch, "logged")
    with pytest.raises(Killed):
        services.sync.export(out, synced)
    monkeypatch.undo()
    (row,) = services.sync.log()
    assert row.state == "prepared"
    code = services.sync.township_keys().code
    services.sync.kept.package(code, 1).unlink()            # an antivirus took it
    fill(services, synced, 1)
    with pytest.raises(PackageError) as caught:
        services.sync.export(out, synced)
    assert caught.value.reason == "kept_missing" and "sync-settle 1" in caught.value.message
    with pytest.raises(PermissionDenied):
        services.sync.settle_undelivered(1, county_has, actor_for(services, "clerk1"))
    services.sync.settle_undelivered(1, county_has, synced)
    result = services.sync.export(out, synced)
    log = {r.package_seq: r for r in services.sync.log()}
    assert result is not None and set(log) == {1, 2}
    assert all(r.state == "delivered" for r in log.values())
    assert log[2].change_seq_from == log[1].change_seq_to + 1     # no gap, nothing twice
    if not county_has:   # made again: the same changes, a new kept copy, written out
        # (the same changes: the manifest may even be identical within the same second)
        assert log[1].change_seq_to == row.change_seq_to
        assert kept_mod.sha256_file(services.sync.kept.package(code, 1))[0] == \
            log[1].package_sha256
        assert services.sync.kept.package(code, 1).exists()
        assert (out / log[1].file_name).exists()
        # its audit head is where its own events end (the county checks it against them),
        # not the newest event of today's database
        import json
        import zipfile

        from .test_export import age_decrypt
        inner = age_decrypt(county.folder / "age.key", out / log[1].file_name,
                            tmp_path / "inner1.zip")
        with zipfile.ZipFile(inner) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            events = [json.loads(x) for x in zf.read(next(
                n for n in zf.namelist() if n.endswith("event.jsonl"))).splitlines()]
        assert manifest["audit_head"]["seq"] == events[-1]["seq"]
        assert manifest["audit_head"]["hash"] == events[-1]["hash"]
    with pytest.raises(PackageError):                        # nothing left to settle
        services.sync.settle_undelivered(1, county_has, synced)
