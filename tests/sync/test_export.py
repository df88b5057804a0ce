"""Township export: decryptable by the standard `age` tool, signature verifiable with bare
`cryptography`, records valid against the published schemas, re-export byte-identical
inside, cancel leaves nothing, paused after a restore, incremental export timing."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jsonschema import Draft202012Validator
from sqlalchemy import select, text

from desktop_app.core.models import Application
from desktop_app.core.services.auth import SYSTEM
from desktop_app.core.services.backups import ExportsPaused
from sync_contract.envelope import Cancelled, PackageError
from tests.helpers.sync import db_digest, fill

SCHEMAS = Path(__file__).resolve().parents[2] / "sync_contract" / "schemas"
AGE = shutil.which("age")


def age_decrypt(identity: Path, package: Path, out: Path) -> Path:
    if AGE is None:
        pytest.skip("Debian `age` not installed (tests/sync/APT_PACKAGES)")
    subprocess.run([AGE, "-d", "-i", str(identity), "-o", str(out), str(package)], check=True)
    return out


def test_export_decrypts_with_age_and_verifies_with_bare_cryptography(
        services, synced, county, tmp_path):
    fill(services, synced)
    out = tmp_path / "usb"
    out.mkdir()
    res = services.sync.export(out, synced)
    assert res.package_seq == 1 and res.path.name.endswith("-000001.twpkg")
    assert [p.name for p in out.iterdir()] == [res.path.name]      # no temp file left
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    with zipfile.ZipFile(inner) as zf:
        names = zf.namelist()
        assert names[:2] == ["manifest.json", "manifest.sig"]
        mbytes, sig = zf.read("manifest.json"), zf.read("manifest.sig")
        manifest = json.loads(mbytes)
        # The key as the county registered it (the public key file), nothing of ours.
        pub_file = tmp_path / "township-public.json"
        services.sync.export_public_keys(pub_file)
        raw = base64.b64decode(json.loads(pub_file.read_text())["ed25519_public_key"])
        Ed25519PublicKey.from_public_bytes(raw).verify(sig, mbytes)   # raises if bad
        assert hashlib.sha256(raw).hexdigest() == manifest["signer_fingerprint"]
        assert hashlib.sha256(mbytes).hexdigest() == res.digest
        Draft202012Validator(json.loads((SCHEMAS / "manifest.schema.json").read_text())
                             ).validate(manifest)
        assert manifest["counts"]["application"] == 3
        assert manifest["counts"]["household_member"] == 6
        assert manifest["counts"]["event"] > 0 and manifest["counts"]["township"] == 1
        for name, meta in manifest["members"].items():
            data = zf.read(name)
            assert hashlib.sha256(data).hexdigest() == meta["sha256"]
            assert len(data) == meta["size"]
            type_ = name[5:-6]
            schema = json.loads((SCHEMAS / f"township-export.{type_}.schema.json").read_text())
            validator = Draft202012Validator(schema)
            lines = data.decode("utf-8").splitlines()
            assert len(lines) == manifest["counts"][type_]
            for line in lines:
                validator.validate(json.loads(line))
        apps = [json.loads(x) for x in zf.read("data/application.jsonl").splitlines()]
        assert all(len(a["incomes"]) == 2 for a in apps)
        items = [json.loads(x) for x in zf.read("data/requested_item.jsonl").splitlines()]
        assert {i["task_status"] for i in items} == {"in_progress", "to_refer"}
        assert all(i["materials"] for i in items)
        staff = [json.loads(x) for x in zf.read("data/staff.jsonl").splitlines()]
        assert staff and all(set(s) == {"uuid", "version", "change_seq", "local_id", "name",
                                         "role"} for s in staff)
    log = services.sync.log()
    assert [(r.package_seq, r.digest, r.acknowledged_at) for r in log] == [(1, res.digest, None)]


def test_event_chain_in_the_package_verifies_independently(services, synced, county, tmp_path):
    fill(services, synced, 2)
    res = services.sync.export(tmp_path, synced)
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    with zipfile.ZipFile(inner) as zf:
        events = [json.loads(x) for x in zf.read("data/event.jsonl").splitlines()]
        manifest = json.loads(zf.read("manifest.json"))
    prev = "0" * 64
    for e in events:
        payload = json.dumps([e["prev_hash"], e["seq"], e["at"], e["actor_id"], e["action"],
                              e["application_id"], e["detail"]], ensure_ascii=False,
                             separators=(",", ":"))
        assert e["prev_hash"] == prev
        assert hashlib.sha256(payload.encode()).hexdigest() == e["hash"]
        prev = e["hash"]
    assert manifest["audit_head"] == {"seq": events[-1]["seq"], "hash": prev}


def test_reexport_reproduces_the_same_inner_package_byte_for_byte(
        services, synced, county, tmp_path):
    fill(services, synced)
    first = services.sync.export(tmp_path / "a", synced) if (tmp_path / "a").mkdir() is None else None
    # later changes must not alter package 1
    fill(services, synced, 1)
    (tmp_path / "b").mkdir()
    again = services.sync.reexport(1, tmp_path / "b", synced)
    assert again.package_seq == 1 and again.digest == first.digest
    # the kept encrypted package, copied byte for byte (same number => same bytes)
    assert first.path.read_bytes() == again.path.read_bytes()
    one = age_decrypt(county.folder / "age.key", first.path, tmp_path / "1.zip").read_bytes()
    two = age_decrypt(county.folder / "age.key", again.path, tmp_path / "2.zip").read_bytes()
    assert one == two
    nxt = services.sync.export(tmp_path / "b", synced)
    assert nxt.package_seq == 2 and nxt.change_seq_from == first.change_seq_to + 1
    with pytest.raises(PackageError) as exc:
        services.sync.reexport(9, tmp_path / "b", synced)
    assert "9" in str(exc.value)


@pytest.mark.slow
def test_nothing_to_export_then_incremental_50_changes_is_fast(
        services, synced, county, tmp_path, capsys):
    ids = fill(services, synced, 10)
    assert services.sync.export(tmp_path, synced).package_seq == 1
    # only the `export` event itself: not a change (no empty packages)
    assert services.sync.status().pending_changes == 0
    assert services.sync.export(tmp_path, synced) is None
    # 50 changes: edit 50 tracked rows in one transaction through the ORM
    with services.ctx.db.transaction() as s:
        apps = s.scalars(select(Application).where(Application.id.in_(ids))).all()
        n = 0
        for app in apps:
            for m in app.members:
                m.phone = f"1390000{n:04d}"
                n += 1
            for it in app.items:
                it.review_class = "A"
                n += 1
        for app in apps:
            app.business = "小卖部"
            n += 1
    before = services.sync.status().pending_changes
    t = time.perf_counter()
    res = services.sync.export(tmp_path, synced)
    elapsed = time.perf_counter() - t
    assert n == 50
    assert res.records == n + 1 and before == n          # + the previous export event
    with capsys.disabled():
        print(f"\n[bench] incremental export of {res.records} changes: {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0


def test_cancel_leaves_no_file_and_no_log_entry(services, synced, tmp_path):
    fill(services, synced, 3)
    cancel = threading.Event()
    seen = []

    def progress(stage, done, total):
        seen.append(stage)
        if stage == "encrypt":
            cancel.set()

    before = db_digest(services.ctx.db.data_dir)
    with pytest.raises(Cancelled):
        services.sync.export(tmp_path / "out" if (tmp_path / "out").mkdir() is None else None,
                             synced, progress=progress, cancel=cancel)
    assert "records" in seen and "compress" in seen
    assert list((tmp_path / "out").iterdir()) == []
    sent, tmp = services.sync.sent_dir, services.sync.kept.tmp
    assert not sent.exists() or list(sent.iterdir()) == []
    assert not tmp.exists() or list(tmp.iterdir()) == []
    assert services.sync.log() == []
    assert db_digest(services.ctx.db.data_dir) == before
    # cancelled early, during the records
    cancel2 = threading.Event()
    cancel2.set()
    with pytest.raises(Cancelled):
        services.sync.export(tmp_path / "out", synced, cancel=cancel2)
    assert list((tmp_path / "out").iterdir()) == []
    assert services.sync.export(tmp_path / "out", synced).package_seq == 1


def test_exports_wait_after_a_restore_and_need_county_keys(services, township, county, tmp_path):
    with pytest.raises(PackageError) as exc:
        services.sync.export(tmp_path, township)
    assert exc.value.reason == "keys_missing"
    services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    with services.ctx.db.transaction() as s:
        services.ctx.put_setting(s, "exports_paused", {"since": "2026-11-24", "backup": "b"}, None)
    with pytest.raises(ExportsPaused):
        services.sync.export(tmp_path, township)
    services.backups.confirm_exports(SYSTEM)
    assert services.sync.export(tmp_path, township).package_seq == 1


def test_after_a_restored_log_numbering_continues_from_the_kept_packages(
        services, synced, tmp_path):
    fill(services, synced, 1)
    first = services.sync.export(tmp_path, synced)
    # Simulate a restored database whose log predates package 1 (triggers forbid
    # deleting log rows, so drop the trigger the way a restore's older copy would lack it).
    with services.ctx.db.transaction() as s:
        s.execute(text("DROP TRIGGER sync_export_no_delete"))
        s.execute(text("DELETE FROM sync_export"))
    fill(services, synced, 1)
    nxt = services.sync.export(tmp_path, synced)
    assert nxt.package_seq == 2 and nxt.change_seq_from == first.change_seq_to + 1


def test_cli_export_keys_and_log(services, synced, county, tmp_path, capsys, monkeypatch):
    from desktop_app import cli
    from tests.helpers.cli import as_user

    fill(services, synced, 1)
    data_dir = services.ctx.db.data_dir
    services.close()
    out = tmp_path / "usb"
    out.mkdir()
    assert cli.main(as_user(monkeypatch, data_dir) + ["keys", "show"]) == 0
    shown = capsys.readouterr().out
    assert "signing key fingerprint" in shown and "county 522201" in shown
    assert cli.main(as_user(monkeypatch, data_dir, "clerk1") + ["export", "--out", str(out)]) == 0
    assert "exported package 1" in capsys.readouterr().out
    assert cli.main(as_user(monkeypatch, data_dir, "clerk1") + [
        "export", "--out", str(out), "--reexport", "1"]) == 0
    assert cli.main(["--data-dir", str(data_dir), "exports"]) == 0
    assert "changes" in capsys.readouterr().out
    assert cli.main(as_user(monkeypatch, data_dir, "clerk1") + [
        "export", "--out", str(tmp_path / "nope")]) == 1
    assert "找不到" in capsys.readouterr().err
