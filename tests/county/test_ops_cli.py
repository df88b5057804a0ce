"""``county-receiver`` with accounts: ``users setup`` once, then every verb logs in with
``--user`` (password from the environment here), roles are enforced, writes of the old
verbs are audited, and ``ingest-folder`` / ``status`` / ``audit verify`` work
(docs/county-accounts.md)."""

from __future__ import annotations

import logging
import shutil

import pytest

from county_receiver import cli
from county_receiver.cli_ops import NEW_PASSWORD_ENV, PASSWORD_ENV

PASSWORD = "Kreis2026x"


@pytest.fixture
def run(tmp_path, monkeypatch, capsys, world):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.delenv(NEW_PASSWORD_ENV, raising=False)
    base = ["--data-dir", str(tmp_path / "data")]
    common = ["--db", f"sqlite:///{tmp_path / 'county.sqlite3'}", "--keys", str(world.county_keys)]

    def call(*argv: str, user: str | None = None, password: str = PASSWORD,
             new_password: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setenv(PASSWORD_ENV, password)
        if new_password is not None:
            monkeypatch.setenv(NEW_PASSWORD_ENV, new_password)
        extra = ["--user", user] if user else []
        rc = cli.main([*base, argv[0], *argv[1:], *common, *extra])
        out = capsys.readouterr()
        return rc, out.out, out.err
    yield call
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, cli._Handler)]:
        root.removeHandler(h)
        h.close()


@pytest.mark.slow   # a dozen CLI runs, each opening the county database (~6 s)
def test_cli_accounts_roles_and_audit(run, world, tmp_path):
    rc, out, _ = run("status")                           # no accounts yet: as before
    assert rc == 0 and "尚未登记任何乡镇" in out
    rc, out, err = run("users", "setup", "--username", "admin", "--name", "王管理",
                       new_password="abc")
    assert rc == 1 and "密码至少 8 位" in err and err.count("\n") == 1
    rc, out, err = run("users", "setup", "--username", "admin", "--name", "王管理",
                       new_password=PASSWORD)
    assert rc == 0 and "首位管理员" in out, err
    rc, _, err = run("users", "setup", "--username", "other", "--name", "李", new_password=PASSWORD)
    assert rc == 1 and "只能设置一次" in err

    rc, _, err = run("townships")                        # accounts now: log in
    assert rc == 1 and "--user" in err
    rc, _, err = run("townships", user="admin", password="Wrong12345")
    assert rc == 1 and "用户名或密码错误" in err and "Traceback" not in err
    rc, _, err = run("register", "--township", world.code, "--verify-key",
                     str(world.township_public), user="admin")
    assert rc == 0, err
    rc, out, err = run("users", "add", "--username", "dept", "--name", "卫健局", "--role",
                       "department", "--department", "HEALTHCARE", user="admin",
                       new_password="Health2026y")
    assert rc == 0, err

    usb = tmp_path / "usb"
    usb.mkdir()
    for p in world.packages:
        shutil.copyfile(p, usb / p.name)
    rc, _, err = run("ingest-folder", str(usb), user="dept", password="Health2026y")
    assert rc == 1 and "无权接收同步包" in err
    rc, _, err = run("make-return", "--township", world.code, "--out", str(tmp_path),
                     user="dept", password="Health2026y")
    assert rc == 1 and "无权制作返回包" in err
    assert not list(tmp_path.glob("*.twret"))
    rc, out, err = run("ingest-folder", str(usb), user="admin")
    assert rc == 0 and out.count("已接收（格式版本") == 2 and "接收 2 个" in out, err
    rc, out, _ = run("status", "--today", "2026-11-24", user="dept", password="Health2026y")
    assert rc == 0 and world.code in out and "最后一包 第 2 号" in out
    rc, out, _ = run("tasks", "--today", "2026-11-24", user="dept", password="Health2026y")
    assert rc == 0 and all("\tHEALTHCARE\t" in line for line in out.splitlines()[:-1])

    rc, out, err = run("make-return", "--township", world.code, "--out", str(tmp_path),
                       user="admin")
    assert rc == 0, err
    rc, out, _ = run("audit", "verify", user="admin")
    assert rc == 0 and "完整" in out
    rc, out, _ = run("audit", "list", "--last", "100", user="admin")
    actions = [line.split("\t")[3] for line in out.splitlines()]
    assert actions.count("ingest") == 2 and "return.make" in actions
    assert "township.register" in actions and "user.add" in actions
    assert "王管理" not in out and "卫健局" not in out and PASSWORD not in out
    rc, _, err = run("audit", "verify", user="dept", password="Health2026y")
    assert rc == 1 and "无权查看审计日志" in err


def test_keygen_needs_no_login_and_no_database(run, tmp_path, world):
    rc, out, err = run("keygen", "--code", "522201")
    assert rc == 0, err
    assert not (tmp_path / "county.sqlite3").exists()
