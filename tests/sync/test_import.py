"""County return packages at the township: acknowledgements, department feedback,
settings updates — applied in one transaction, idempotent; and every bad package is
refused with a one-line reason while the database stays unchanged."""

from __future__ import annotations

import shutil

import pyrage
import pytest

from desktop_app.core.models import RequestedItem
from desktop_app.core.services.auth import SYSTEM
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import KeyStore
from tests.helpers.sync import (
    OTHER_KEY,
    SYMLINK,
    all_members,
    craft,
    db_digest,
    feedback,
    make_return,
    referred_task,
    return_manifest,
    township_code,
)


def test_return_package_acks_feedback_and_updates_in_one_go_and_replay_changes_nothing(
        services, synced, county, tmp_path):
    task = referred_task(services, synced)
    exported = services.sync.export(tmp_path, synced)
    code = township_code(services)
    ret = make_return(tmp_path / "r1.twret", services, county, 1, {
        "ack": [{"package_seq": 1, "sha256": exported.digest}],
        "feedback": [feedback(task.uuid)],
        "village": [{"code": code[:9] + "299", "name": "新建社区", "valid_from": "2026-12-01",
                     "valid_to": None}],
        "holiday_year": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": []}],
        "standards": [{"effective_from": "2027-01-01", "entry": dict(
            {k: v for k, v in services.settings.get("standards")[-1].items()
             if k != "effective_from"}, rural_dibao_fen=70000)}],
    })
    res = services.sync.import_package(ret, SYSTEM)
    assert not res.already_applied and res.applied["feedback"] == 1
    row = next(t for t in services.handling.tasks_for_application(task.application_id))
    assert row.status == "done"
    with services.ctx.db.read() as s:
        t = s.get(RequestedItem, task.id)
        assert (t.signed_by, t.amount_fen, t.application.status) == ("王医保", 60000, "closed")
    assert services.sync.log()[0].acknowledged_at is not None
    assert services.settings.get("holiday_years")["2027"]["holidays"] == ["2027-01-01"]
    assert services.settings.get("standards")[-1]["rural_dibao_fen"] == 70000
    assert any(v.name == "新建社区" for v in services.setup.villages())
    before = db_digest(services.ctx.db.data_dir)
    again = services.sync.import_package(ret, SYSTEM)
    assert again.already_applied and "already applied" in again.message
    assert db_digest(services.ctx.db.data_dir) == before
    # the next package is a gap until 2 arrives; 2 applies
    r3 = make_return(tmp_path / "r3.twret", services, county, 3, {})
    with pytest.raises(PackageError) as exc:
        services.sync.import_package(r3, SYSTEM)
    assert exc.value.reason == "sequence_gap" and "缺少第 2 号返回包" in exc.value.message
    assert "missing 2 " in exc.value.message + " " and "–" not in exc.value.message  # issue 11
    r2 = make_return(tmp_path / "r2.twret", services, county, 2, {})
    assert services.sync.import_package(r2, SYSTEM).package_seq == 2


def test_feedback_for_a_task_already_recorded_at_the_window_is_skipped(
        services, synced, county, tmp_path):
    from desktop_app.core.services import Feedback

    task = referred_task(services, synced)
    services.handling.record_feedback(task.id, Feedback("refused", "2026-11-24", "不符合条件",
                                                        signed_by="王医保"), synced)
    ret = make_return(tmp_path / "r.twret", services, county, 1, {"feedback": [feedback(task.uuid)]})
    res = services.sync.import_package(ret, SYSTEM)
    assert res.skipped and "already refused" in res.skipped[0]


# ------------------------------------------------------------------ bad packages

def _good_members(task_uuid):
    line = env.canonical_json(feedback(task_uuid)) + b"\n"
    return all_members({"data/feedback.jsonl": line})


def _case(name, services, county, tmp_path, task, township_recipient):  # noqa: C901 - one branch per bad-package case
    """Build the bad package ``name``; returns (path, expected reason)."""
    p = tmp_path / f"{name}.twret"
    good = lambda seq=1: make_return(tmp_path / f"good{seq}.twret", services, county, seq,  # noqa
                                     {"feedback": [feedback(task.uuid)]})
    members = _good_members(task.uuid)
    man = return_manifest(services, county, 1, members)
    key = county.signing_key
    if name == "flipped_byte":
        data = bytearray(good().read_bytes())
        data[len(data) // 2] ^= 0x01
        p.write_bytes(bytes(data))
        return p, "decrypt_failed"
    if name == "truncated":
        data = good().read_bytes()
        p.write_bytes(data[:len(data) - 40])
        return p, "decrypt_failed"
    if name == "truncated_header":
        p.write_bytes(good().read_bytes()[:60])
        return p, "not_age"
    if name == "wrong_recipient":
        other = pyrage.x25519.Identity.generate().to_public()
        make_return(p, services, county, 1, {"feedback": [feedback(task.uuid)]},
                    recipient=str(other))
        return p, "wrong_recipient"
    if name == "unknown_signer":
        make_return(p, services, county, 1, {"feedback": [feedback(task.uuid)]},
                    signing_key=OTHER_KEY)
        return p, "unknown_signer"
    if name == "bad_signature":
        craft(p, man, members, signing_key=key, recipient=township_recipient,
              sign_bytes=b"something else")
        return p, "bad_signature"
    if name == "altered_data":   # valid signature over the manifest, data changed after
        altered = dict(members)
        altered["data/feedback.jsonl"] = members["data/feedback.jsonl"].replace(b"60000", b"90000")
        craft(p, man, altered, signing_key=key, recipient=township_recipient)
        return p, "hash_mismatch"
    if name in ("dotdot", "absolute", "symlink"):
        entry = {"dotdot": "../evil.jsonl", "absolute": "/tmp/evil.jsonl", "symlink": SYMLINK}[name]
        craft(p, man, members, signing_key=key, recipient=township_recipient,
              extra=[(entry, b"x")])
        return p, {"dotdot": "unsafe_path", "absolute": "unsafe_path", "symlink": "bad_entry"}[name]
    if name == "zip_bomb":
        bomb = dict(members)
        bomb["data/village.jsonl"] = b"\n" * (40 << 20)
        craft(p, return_manifest(services, county, 1, bomb), bomb, signing_key=key,
              recipient=township_recipient)
        return p, "zip_bomb"
    if name == "oversized_member":
        big = dict(members)
        big["data/village.jsonl"] = b"".join(
            env.canonical_json({"code": township_code(services)[:9] + f"{i % 1000:03d}",
                                "name": f"村{i}", "valid_from": None, "valid_to": None}) + b"\n"
            for i in range(3000))
        craft(p, return_manifest(services, county, 1, big), big, signing_key=key,
              recipient=township_recipient)
        services.sync.limits = env.Limits(max_member_bytes=64 << 10)
        return p, "member_too_large"
    if name == "unknown_version":
        craft(p, {**man, "format_version": env.FORMAT_VERSION + 1}, members, signing_key=key,
              recipient=township_recipient)
        return p, "unsupported_version"
    if name == "malformed_manifest":
        craft(p, man, members, signing_key=key, recipient=township_recipient,
              manifest_bytes=b"{not json")
        return p, "manifest_invalid"
    if name == "malformed_json":
        bad = dict(members)
        bad["data/feedback.jsonl"] = b'{"task_uuid": \n'
        craft(p, return_manifest(services, county, 1, bad), bad, signing_key=key,
              recipient=township_recipient)
        return p, "malformed_record"
    if name == "schema_invalid":
        bad = dict(members)
        bad["data/feedback.jsonl"] = env.canonical_json(feedback(task.uuid, result="maybe")) + b"\n"
        craft(p, return_manifest(services, county, 1, bad), bad, signing_key=key,
              recipient=township_recipient)
        return p, "schema_invalid"
    if name == "count_mismatch":
        craft(p, {**man, "counts": {**man["counts"], "feedback": 2}}, members, signing_key=key,
              recipient=township_recipient)
        return p, "count_mismatch"
    if name == "wrong_township":
        craft(p, {**man, "township_code": "110101001000"}, members, signing_key=key,
              recipient=township_recipient)
        return p, "wrong_township"
    if name == "export_kind":
        craft(p, {**man, "kind": env.TOWNSHIP_EXPORT}, members, signing_key=key,
              recipient=township_recipient)
        return p, "wrong_kind"
    if name == "not_a_zip":
        p.write_bytes(pyrage.encrypt(b"plain text, no zip",
                                     [pyrage.x25519.Recipient.from_str(township_recipient)]))
        return p, "not_zip"
    if name == "unknown_task":
        make_return(p, services, county, 1,
                    {"feedback": [feedback("00000000-0000-4000-8000-000000000000")]})
        return p, "unknown_task"
    if name == "feedback_invalid":
        make_return(p, services, county, 1,
                    {"feedback": [feedback(task.uuid, result="refused", result_text="",
                                           amount_fen=None)]})
        return p, "feedback_invalid"
    if name == "skipped_sequence":
        make_return(p, services, county, 2, {"feedback": [feedback(task.uuid)]})
        return p, "sequence_gap"
    raise AssertionError(name)


CASES = ["flipped_byte", "truncated", "truncated_header", "wrong_recipient", "unknown_signer",
         "bad_signature", "altered_data", "dotdot", "absolute", "symlink", "zip_bomb",
         "oversized_member", "unknown_version", "malformed_manifest", "malformed_json",
         "schema_invalid", "count_mismatch", "wrong_township", "export_kind", "not_a_zip",
         "unknown_task", "feedback_invalid", "skipped_sequence"]


def _referred(services, clock):
    """What every bad-package case starts from: the demo township with the county's keys
    imported (the county's key store beside the template's data folder) and a task
    referred on a handover list."""
    from desktop_app.core.services.demo import create_demo_township

    township = create_demo_township(services)  # as the ``township`` fixture does
    root = services.ctx.db.data_dir.parent
    county = KeyStore(root / "county-keys").ensure()  # as the ``county`` fixture does
    county.public_keys("county", "522201", "测试县民政局").write(root / "county-public.json")
    services.sync.import_county_keys(root / "county-public.json", SYSTEM)  # as ``synced``
    return township, referred_task(services, township)


POPULATED = {"referred": _referred}  # built once per session (tests/conftest.py)


@pytest.fixture
def county(request, tmp_path, populated_template) -> KeyStore:
    """The county's key store; with ``referred``, the one whose keys its template imported."""
    if "referred" in request.fixturenames:
        root = populated_template(_referred)[0].parent
        shutil.copytree(root / "county-keys", tmp_path / "county-keys")
        shutil.copy(root / "county-public.json", tmp_path / "county-public.json")
        return KeyStore(tmp_path / "county-keys").ensure()
    ks = KeyStore(tmp_path / "county-keys").ensure()
    ks.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county-public.json")
    return ks


@pytest.fixture
def referred(populated_template, data_dir, services, township, county):
    """(township admin id, referred task) of :func:`_referred`, in ``data_dir`` already."""
    return populated_template(_referred, data_dir)[1]


@pytest.mark.parametrize("name", CASES)
def test_bad_package_is_refused_with_one_line_and_nothing_changes(
        name, services, referred, county, tmp_path):
    _, task = referred
    recipient = services.sync.keys.ensure().age_recipient
    path, reason = _case(name, services, county, tmp_path, task, recipient)
    before = db_digest(services.ctx.db.data_dir)
    with pytest.raises(PackageError) as exc:
        services.sync.import_package(path, SYSTEM)
    assert exc.value.reason == reason, exc.value.message
    msg = exc.value.message
    assert "\n" not in msg and " / " in msg and any("\u4e00" <= c <= "\u9fff" for c in msg)
    assert db_digest(services.ctx.db.data_dir) == before
    assert not list((services.sync.folder / "tmp").iterdir())   # no decrypted leftovers


def test_conflicting_replay_is_refused(services, synced, county, tmp_path):
    task = referred_task(services, synced)
    first = make_return(tmp_path / "a.twret", services, county, 1, {})
    services.sync.import_package(first, SYSTEM)
    other = make_return(tmp_path / "b.twret", services, county, 1,
                        {"feedback": [feedback(task.uuid)]})
    before = db_digest(services.ctx.db.data_dir)
    with pytest.raises(PackageError) as exc:
        services.sync.import_package(other, SYSTEM)
    assert exc.value.reason == "sequence_conflict"
    assert db_digest(services.ctx.db.data_dir) == before


def test_cli_import_reports_one_line(services, synced, county, tmp_path, capsys, monkeypatch):
    from desktop_app import cli
    from tests.helpers.cli import as_user

    good = make_return(tmp_path / "r.twret", services, county, 1, {})
    bad = tmp_path / "bad.twret"
    data = bytearray(good.read_bytes())
    data[-10] ^= 1
    bad.write_bytes(bytes(data))
    data_dir = services.ctx.db.data_dir
    services.close()
    assert cli.main(["--data-dir", str(data_dir), "import", str(bad)]) == 1  # no user
    assert "--user" in capsys.readouterr().err
    assert cli.main(as_user(monkeypatch, data_dir, "clerk1") + ["import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "decryption failed" in err
    assert cli.main(as_user(monkeypatch, data_dir, "clerk1") + ["import", str(good)]) == 0
    assert cli.main(as_user(monkeypatch, data_dir, "clerk1") + ["import", str(good)]) == 0
    assert "already applied" in capsys.readouterr().out
