"""The command line asks who you are (issue 11, item 2): every command that reads personal
data or changes anything logs a user in (``--user``, the password from the terminal or
``--password-stdin``) and runs with that user's role; failed logins count towards the
lockout like the window's; the administrator recovery code works exactly once; the
county's key file is checked and shown before it is imported; no traceback ever."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.cli import main
from desktop_app.core.services.demo import DEMO_PASSWORDS
from sync_contract.keys import KeyStore, read_public_keys, short_fingerprint
from tests.helpers.cli import as_user, feed, login_argv

CODE = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", re.M)


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory) -> Path:
    """A demo folder (no applications) with one backup and a county key file beside it."""
    root = tmp_path_factory.mktemp("cli-auth")
    data = root / "d"
    assert main(["--data-dir", str(data), "demo", "--applications", "0"]) == 0
    county = KeyStore(root / "county-keys").ensure()
    county.public_keys("county", "522201", "碧江区民政局").write(root / "county.json")
    other = KeyStore(root / "other-keys").ensure()
    other.public_keys("county", "420106", "洪山区民政局").write(root / "other-county.json")
    return root


@pytest.fixture
def world(_demo_template, tmp_path, capsys) -> Path:
    root = tmp_path / "w"
    shutil.copytree(_demo_template, root)
    capsys.readouterr()
    return root


def sql(data: Path, query: str, *params) -> list[tuple]:
    con = sqlite3.connect(data / "township.sqlite3")
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def events(data: Path, action: str) -> list[dict]:
    return [json.loads(d or "{}") for (d,) in sql(
        data, "SELECT detail FROM event WHERE action = ? ORDER BY seq", action)]


def backup_name(data: Path) -> str:
    return next((data / "backups").glob("backup-*.sqlite3")).name


# -- each administrator's command: refused without credentials and for a clerk, works for
#    an administrator ---------------------------------------------------------------------
ADMIN_COMMANDS = [
    # (id, argv, extra stdin lines, check after the administrator ran it)
    ("users-list", ["users", "list"], [],
     lambda w, out: "clerk1\t" in out),
    ("users-add", ["users", "add", "赵六", "zhaoliu", "--role", "admin"], ["xinyonghu2026"],
     lambda w, out: sql(w / "d", "SELECT role FROM staff WHERE username='zhaoliu'") == [("admin",)]),
    ("users-reset", ["users", "reset-password", "clerk2"], ["chongzhi2026"],
     lambda w, out: sql(w / "d", "SELECT must_change_password FROM staff "
                                 "WHERE username='clerk2'") == [(1,)]),
    ("restore", ["restore", "{backup}", "--yes"], [],
     lambda w, out: "restored" in out),
    ("confirm-exports", ["confirm-exports"], [],
     lambda w, out: "exports" in out),
    ("keys-show", ["keys", "show"], [],
     lambda w, out: "township 522201101000" in out),
    ("keys-export", ["keys", "export", "{root}/mine.json"], [],
     lambda w, out: (w / "mine.json").exists()),
    ("keys-import", ["keys", "import-county", "{root}/county.json", "--yes"], [],
     lambda w, out: (w / "d" / "keys" / "county.json").exists()),
    ("recovery-code", ["recovery-code"], [],
     lambda w, out: CODE.search(out) is not None),
    ("demo-into-demo", ["demo", "--applications", "1"], [],
     lambda w, out: sql(w / "d", "SELECT count(*) FROM application") == [(1,)]),
]


def _argv(args: list[str], w: Path, mp) -> list[str]:
    backup = ""
    if any("{backup}" in a for a in args):
        assert main(as_user(mp, w / "d", "clerk1") + ["backup"]) == 0
        backup = backup_name(w / "d")
    return [a.format(root=w, backup=backup) for a in args]


@pytest.fixture
def mp(monkeypatch):
    return monkeypatch


@pytest.mark.parametrize("case", ADMIN_COMMANDS, ids=[c[0] for c in ADMIN_COMMANDS])
def test_admin_command_needs_an_administrator(case, world, mp, capsys):
    _, args, more, worked = case
    argv = _argv(args, world, mp)
    capsys.readouterr()
    before = sql(world / "d", "SELECT count(*) FROM event WHERE action NOT LIKE 'auth.%'")
    # no credentials: one line naming --user, nothing done
    feed(mp)
    assert main(["--data-dir", str(world / "d"), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--user" in err and "Traceback" not in err
    # a clerk: logged in, refused as at the window
    assert main(as_user(mp, world / "d", "clerk1", *more) + argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("只有管理员" in err or "正式数据" in err), err
    assert sql(world / "d", "SELECT count(*) FROM event WHERE action NOT LIKE 'auth.%'") == before
    # the administrator
    assert main(as_user(mp, world / "d", "admin", *more) + argv) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert worked(world, out)


def test_the_administrators_actions_are_logged_as_theirs_via_the_command_line(world, mp, capsys):
    d = world / "d"
    assert main(as_user(mp, d, "admin", "chongzhi2026") + ["users", "reset-password", "clerk2"]) == 0
    admin_id, = sql(d, "SELECT id FROM staff WHERE username='admin'")[0]
    row = sql(d, "SELECT actor_id, detail FROM event WHERE action='auth.password_reset'")[-1]
    assert row[0] == admin_id and json.loads(row[1])["via"] == "cli"
    assert events(d, "auth.login")[-1].get("via") == "cli"


def test_commands_that_read_personal_data_need_a_user_but_any_role(world, mp, capsys):
    d = world / "d"
    for argv in (["search", "张"], ["overdue"], ["backup"]):
        feed(mp)
        assert main(["--data-dir", str(d), *argv]) == 1, argv
        assert "--user" in capsys.readouterr().err
        assert main(as_user(mp, d, "clerk1") + argv) == 0, capsys.readouterr().err


def test_open_commands_need_no_login(world, mp, capsys):
    d = world / "d"
    feed(mp)
    for argv in (["check"], ["backups"], ["exports"]):
        assert main(["--data-dir", str(d), *argv]) == 0, capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and "desktop-app" in capsys.readouterr().out


def test_demo_into_a_real_township_is_refused(world, mp, services, capsys):
    from tests.core.test_accounts import setup_input

    services.setup.initialize(setup_input(township_name="青山镇", township_code="522201102000",
                                          villages=[("522201102201", "石门村")]))
    folder = services.ctx.db.data_dir
    services.close()
    assert main(["--data-dir", str(folder), "demo", "--applications", "1"]) == 1
    err = capsys.readouterr().err
    assert "正式数据" in err and "青山镇" in err
    assert sql(folder, "SELECT count(*) FROM staff") == [(1,)]


def test_restore_needs_no_login_only_when_nobody_could_log_in(world, mp, tmp_path, capsys):
    d = world / "d"
    assert main(as_user(mp, d, "clerk1") + ["backup"]) == 0
    backup = d / "backups" / backup_name(d)
    # a new PC: an empty folder takes the backup without a login (there is no one yet)
    fresh = tmp_path / "fresh"
    feed(mp)
    assert main(["--data-dir", str(fresh), "restore", str(backup), "--yes"]) == 0, \
        capsys.readouterr().err
    assert sql(fresh, "SELECT count(*) FROM staff") == sql(d, "SELECT count(*) FROM staff")
    # from then on, the restored township's administrator is needed
    assert main(["--data-dir", str(fresh), "restore", str(backup), "--yes"]) == 1
    assert "--user" in capsys.readouterr().err
    # a database that cannot be opened: nobody can log in, the start-up check's way
    (fresh / "township.sqlite3").write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        (fresh / f"township.sqlite3{suffix}").unlink(missing_ok=True)
    assert main(["--data-dir", str(fresh), "restore", str(backup), "--yes"]) == 0
    assert list((fresh / "backups").glob("damaged-*"))


def test_commands_on_a_folder_without_setup_say_so(tmp_path, mp, capsys):
    assert main(["--data-dir", str(tmp_path / "new"), "--user", "admin", "--password-stdin",
                 "users", "list"]) == 1
    assert "首次设置" in capsys.readouterr().err


def test_no_terminal_and_no_password_stdin_is_refused_without_hanging(world, mp, capsys):
    mp.setattr(sys, "stdin", open("/dev/null"))  # noqa: SIM115 - closed by the interpreter
    assert main(["--data-dir", str(world / "d"), "--user", "admin", "users", "list"]) == 1
    assert "--password-stdin" in capsys.readouterr().err


# -- lockout ------------------------------------------------------------------------------
def test_wrong_passwords_count_towards_the_same_lockout_as_the_window(world, mp, capsys):
    from desktop_app.core.services import Services
    from desktop_app.core.services.accounts import LoginFailed

    d = world / "d"
    for n in range(1, 5):
        assert main(as_user(mp, d, "admin", password="wrong-password-1") + ["users", "list"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "用户名或密码错误" in err
        assert sql(d, "SELECT failed_logins FROM staff WHERE username='admin'") == [(n,)]
    assert main(as_user(mp, d, "admin", password="wrong-password-1") + ["users", "list"]) == 1
    assert "锁定" in capsys.readouterr().err
    # even the right password is refused now, at the command line and at the window
    assert main(as_user(mp, d, "admin") + ["users", "list"]) == 1
    assert "锁定" in capsys.readouterr().err
    services = Services.open(d)
    try:
        with pytest.raises(LoginFailed) as exc:
            services.accounts.login("admin", DEMO_PASSWORDS["admin"])
        assert exc.value.code == "locked"
    finally:
        services.close()
    failed = events(d, "auth.login_failed")
    assert [e["reason"] for e in failed] == ["password"] * 5 + ["locked"] * 2
    assert [e.get("via") for e in failed] == ["cli"] * 6 + [None]   # the last at the window


def test_a_password_to_change_must_be_changed_first(world, mp, capsys):
    d = world / "d"
    assert main(as_user(mp, d, "admin", "chongzhi2026") + ["users", "reset-password", "clerk2"]) == 0
    assert main(as_user(mp, d, "clerk2", password="chongzhi2026") + ["search", "张"]) == 1
    assert "passwd" in capsys.readouterr().err
    assert main(as_user(mp, d, "clerk2", "xinmima2026", password="chongzhi2026")
                + ["passwd"]) == 0
    assert main(as_user(mp, d, "clerk2", password="xinmima2026") + ["search", "张"]) == 0


# -- the administrator recovery code ------------------------------------------------------
def _issue_code(d: Path, mp, capsys) -> str:
    capsys.readouterr()
    assert main(as_user(mp, d, "admin") + ["recovery-code"]) == 0
    return CODE.search(capsys.readouterr().out).group(0)


def test_recovery_code_sets_a_new_admin_password_exactly_once(world, mp, capsys):
    d = world / "d"
    code = _issue_code(d, mp, capsys)
    feed(mp, code.lower().replace("-", " "), "huifu2026x")   # typed loosely from paper
    assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 0
    out = capsys.readouterr()
    new_code = CODE.search(out.out).group(0)
    assert new_code != code and "admin" in out.err
    # the new password works, the old one does not
    assert main(as_user(mp, d, "admin", password="huifu2026x") + ["users", "list"]) == 0
    assert main(as_user(mp, d, "admin") + ["users", "list"]) == 1
    capsys.readouterr()
    # the same code again: refused and counted like a failed login
    failures = sql(d, "SELECT failed_logins FROM staff WHERE username='admin'")[0][0]
    feed(mp, code, "huifu2027y")
    assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 1
    assert "恢复码错误" in capsys.readouterr().err
    assert sql(d, "SELECT failed_logins FROM staff WHERE username='admin'") == [(failures + 1,)]
    assert main(as_user(mp, d, "admin", password="huifu2026x") + ["users", "list"]) == 0
    # the new code works (once)
    feed(mp, new_code, "huifu2028z")
    assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 0
    used = events(d, "auth.recovery_used")
    assert len(used) == 2 and all(e["via"] == "cli" for e in used)
    assert [e["reason"] for e in events(d, "auth.recovery_failed")] == ["code"]
    # only hashes are stored
    hashes = [h for (h,) in sql(d, "SELECT code_hash FROM admin_recovery")]
    assert all(h.startswith("scrypt$") for h in hashes)
    assert not any(code.replace("-", "") in h for h in hashes)
    assert sql(d, "SELECT count(*) FROM admin_recovery WHERE retired_at IS NULL") == [(1,)]


def test_wrong_recovery_codes_lock_the_account(world, mp, capsys):
    d = world / "d"
    code = _issue_code(d, mp, capsys)
    wrong = "0000-0000-0000-0000-0000" if code != "0000-0000-0000-0000-0000" else "1" * 20
    for _ in range(5):
        feed(mp, wrong, "huifu2026x")
        assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 1
    assert "锁定" in capsys.readouterr().err
    feed(mp, code, "huifu2026x")   # the right code, but locked: refused, code kept
    assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 1
    assert "锁定" in capsys.readouterr().err
    assert sql(d, "SELECT count(*) FROM admin_recovery WHERE retired_at IS NULL") == [(1,)]


def test_a_weak_new_password_costs_no_recovery_attempt(world, mp, capsys):
    d = world / "d"
    code = _issue_code(d, mp, capsys)
    feed(mp, code, "12345678")
    assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 1
    assert sql(d, "SELECT failed_logins FROM staff WHERE username='admin'") == [(0,)]
    feed(mp, code, "huifu2026x")
    assert main(["--data-dir", str(d), "--password-stdin", "recover-admin"]) == 0


def test_setup_issues_a_recovery_code_and_stores_only_its_hash(services):
    from desktop_app.core.rules import passwords
    from desktop_app.core.services.accounts import normalize_recovery_code
    from tests.core.test_accounts import setup_input

    result = services.setup.initialize(setup_input(admin_password="qingshui2026"))
    assert CODE.fullmatch(result.recovery_code) and result.changes.accounts
    assert services.accounts.recovery_code_issued() is not None
    from desktop_app.core.models import AdminRecovery
    with services.ctx.db.read() as s:
        row = s.query(AdminRecovery).one()
        assert passwords.verify_password(normalize_recovery_code(result.recovery_code),
                                         row.code_hash)
    actor = services.accounts.recover_admin(result.recovery_code, "xinmima2026").value.actor
    assert actor.username == "admin" and not actor.must_change_password


@pytest.mark.parametrize("typed,clean", [
    ("7K3Q-MX2D-9WPT-3FRA-6NBE", "7K3QMX2D9WPT3FRA6NBE"),
    ("7k3q mx2d 9wpt 3fra 6nbe", "7K3QMX2D9WPT3FRA6NBE"),
    ("OIL0-0000-0000-0000-0000", "01100000000000000000"),   # O→0, I/L→1
    ("7K3Q-MX2D-9WPT-3FRA", ""),                            # too short
    ("7K3Q-MX2D-9WPT-3FRA-6NBU", ""),                       # U is not in the alphabet
    ("", ""),
])
def test_recovery_code_normalisation(typed, clean):
    from desktop_app.core.services.accounts import normalize_recovery_code

    assert normalize_recovery_code(typed) == clean


# -- the county's key file ----------------------------------------------------------------
def test_county_keys_are_shown_checked_and_confirmed(world, mp, capsys):
    d = world / "d"
    county = json.loads((world / "county.json").read_text(encoding="utf-8"))
    fp = short_fingerprint(county["fingerprint"])
    key_set = read_public_keys(world / "county.json", "county").key_set_fingerprint
    kfp = short_fingerprint(key_set)
    # without --yes and no terminal: shown, not imported (exit 2)
    assert main(as_user(mp, d) + ["keys", "import-county", str(world / "county.json")]) == 2
    out = capsys.readouterr()
    assert fp in out.out and kfp in out.out and "签名+加密" in out.out
    assert "522201 碧江区民政局" in out.out and "--yes" in out.err
    assert not (d / "keys" / "county.json").exists()
    # a clerk: refused
    assert main(as_user(mp, d, "clerk1") + ["keys", "import-county", str(world / "county.json"),
                                            "--yes"]) == 1
    assert "只有管理员可以管理密钥" in capsys.readouterr().err
    # another county's keys: refused, naming that county and this township
    assert main(as_user(mp, d) + ["keys", "import-county", str(world / "other-county.json"),
                                  "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "420106" in err and "522201101000" in err
    assert not (d / "keys" / "county.json").exists()
    # the right county, confirmed
    assert main(as_user(mp, d) + ["keys", "import-county", str(world / "county.json"),
                                  "--yes"]) == 0
    assert fp in capsys.readouterr().out
    # a new county key replaces it: said clearly, audited with both fingerprints
    new = KeyStore(world / "new-keys").ensure()
    new.public_keys("county", "522201000000", "碧江区民政局").write(world / "new.json")
    assert main(as_user(mp, d) + ["keys", "import-county", str(world / "new.json"), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "将替换" in out and kfp in out and "今后导出的同步包将加密给新的密钥" in out
    change = [e for e in events(d, "settings.change") if e.get("key") == "county_keys"]
    new_set = read_public_keys(world / "new.json", "county").key_set_fingerprint
    assert change[-1]["old"] == key_set and change[-1]["new"] == new_set
    assert change[-1]["old_signing"] == county["fingerprint"]
    assert change[-1]["new_signing"] == new.fingerprint
    assert change[-1]["replaced"] is True and change[-1]["via"] == "cli"


def test_swapped_encryption_keys_are_a_different_key_set(world, mp, capsys):
    """Review of #11: the genuine county file with only its age recipients swapped keeps
    the signing key's fingerprint — the key-set fingerprint the administrator checks on
    the phone changes, the import says it replaces the keys, and a file swapped between
    the preview and the import is refused."""
    from desktop_app.core.errors import ValidationError
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import DEMO_PASSWORDS

    d = world / "d"
    assert main(as_user(mp, d) + ["keys", "import-county", str(world / "county.json"),
                                  "--yes"]) == 0
    capsys.readouterr()
    doc = json.loads((world / "county.json").read_text(encoding="utf-8"))
    attacker = KeyStore(world / "attacker").ensure()
    doc["age_recipients"] = [attacker.age_recipient]
    swapped = world / "swapped.json"
    swapped.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    genuine = read_public_keys(world / "county.json", "county")
    forged = read_public_keys(swapped, "county")
    assert forged.fingerprint == genuine.fingerprint  # the signing key is the same
    assert forged.key_set_fingerprint != genuine.key_set_fingerprint
    assert main(as_user(mp, d) + ["keys", "import-county", str(swapped)]) == 2
    out = capsys.readouterr().out
    assert "将替换" in out and short_fingerprint(forged.key_set_fingerprint) in out
    assert "与已导入的县级公钥相同" not in out
    services = Services.open(d)
    try:
        admin = services.accounts.login("admin", DEMO_PASSWORDS["admin"]).value
        seen = services.sync.preview_county_keys(world / "county.json", admin)
        assert seen.unchanged and not seen.replaces
        with pytest.raises(ValidationError):  # the file changed after it was shown
            services.sync.import_county_keys(swapped, admin, expect_fingerprint=seen.fingerprint)
        assert services.sync.keys.county().age_recipients == genuine.age_recipients
    finally:
        services.close()


def test_interactive_confirmation_of_county_keys(world, mp, capsys):
    d = world / "d"
    mp.setattr(cli.sync, "interactive", lambda: True)
    mp.setattr(cli.common, "interactive", lambda: True)
    mp.setattr(cli.common, "read_secret", lambda *a, **k: DEMO_PASSWORDS["admin"])
    argv = ["--data-dir", str(d), "--user", "admin", "keys", "import-county",
            str(world / "county.json")]
    answers = iter(["no", "yes"])
    mp.setattr("builtins.input", lambda prompt="": next(answers))
    assert main(argv) == 2 and not (d / "keys" / "county.json").exists()
    assert main(argv) == 0 and (d / "keys" / "county.json").exists()


@pytest.mark.parametrize("code,township,ok", [
    ("522201", "522201101000", True), ("522201000000", "522201101000", True),
    ("420106", "522201101000", False), ("522200", "522201101000", False),   # the prefecture
    ("520000", "522201101000", False),                                      # the province
    ("52220110", "522201101000", False), ("522201101000", "522201101000", False),
    ("441900", "441900003000", True),   # 东莞: towns directly under the prefecture-level city
])
def test_county_code_rule(code, township, ok, tmp_path):
    from desktop_app.core.errors import ValidationError
    from desktop_app.core.services.sync.county_keys import check_county

    keys = KeyStore(tmp_path / "k").ensure().public_keys("county", code, "某县")
    if ok:
        assert check_county(keys, township) == code[:6]
    else:
        with pytest.raises(ValidationError) as exc:
            check_county(keys, township)
        assert exc.value.code in ("other_county", "not_county") and code in str(exc.value)


def test_a_key_file_changed_after_confirmation_is_refused(services, township, tmp_path):
    from desktop_app.core.errors import ValidationError

    county = KeyStore(tmp_path / "c").ensure()
    county.public_keys("county", "522201", "县").write(tmp_path / "county.json")
    seen = services.sync.preview_county_keys(tmp_path / "county.json", township)
    KeyStore(tmp_path / "x").ensure().public_keys("county", "522201", "县").write(
        tmp_path / "county.json")
    with pytest.raises(ValidationError) as exc:
        services.sync.import_county_keys(tmp_path / "county.json", township,
                                         expect_fingerprint=seen.fingerprint)
    assert exc.value.code == "changed"
    assert services.sync.status().county is None


# -- no traceback -------------------------------------------------------------------------
def test_output_cut_short_by_head_ends_quietly(world):
    login, stdin = login_argv("admin")
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--data-dir",
                             str(world / "d"), *login, "users", "list"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()   # like `| head` that has read enough
    _, err = proc.communicate(stdin.encode(), timeout=120)
    assert proc.returncode == 0 and b"Traceback" not in err and b"BrokenPipe" not in err


def test_ctrl_c_gives_a_short_line(world, mp, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    mp.setattr(cli, "_BY_NAME", {**cli._BY_NAME, "check": cli.Verb(
        "check", "", interrupted, access=cli.OPEN)})
    assert main(["--data-dir", str(world / "d"), "check"]) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "已中断" in err


def test_an_unexpected_failure_is_one_chinese_line_and_scrubbed_into_the_log(world, mp, capsys):
    from desktop_app.core.services.queries import QueryService

    def broken(self, *a, **k):
        raise RuntimeError("no such thing for 张三丰 110105194912310021")

    mp.setattr(QueryService, "search", broken)
    assert main(as_user(mp, world / "d", "clerk1") + ["search", "张"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "意外错误" in err and "RuntimeError" in err
    assert "张三丰" not in err and "110105194912310021" not in err
    log = (world / "d" / "logs" / "app.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "110105194912310021" not in log


def test_a_code_replaced_while_it_is_checked_is_refused_and_recorded(services, township,
                                                                     monkeypatch):
    from desktop_app.core.services import accounts as mod
    from desktop_app.core.services.accounts import LoginFailed

    code = services.accounts.issue_recovery_code(township).value
    real, raced = mod.new_recovery_code, []

    def racing() -> str:   # another administrator issues a new code meanwhile
        if not raced:
            raced.append(True)
            services.accounts.issue_recovery_code(township)
        return real()

    monkeypatch.setattr(mod, "new_recovery_code", racing)
    with pytest.raises(LoginFailed):
        services.accounts.recover_admin(code, "xinmima2026")
    monkeypatch.undo()
    assert raced
    folder = services.ctx.db.data_dir
    assert [e["reason"] for e in events(folder, "auth.recovery_failed")] == ["code_changed"]
    assert events(folder, "auth.recovery_used") == []
    assert services.accounts.login("admin", DEMO_PASSWORDS["admin"]).value.username == "admin"
