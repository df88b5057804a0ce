"""The command line: demo fill, print by number, search, check, exit codes (the login
itself: tests/core/test_cli_auth.py)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from desktop_app.cli import main
from tests.helpers.cli import as_user, login_argv


def run(*args: str, user: str | None = None) -> subprocess.CompletedProcess:
    login, stdin = login_argv(user) if user else ([], "")
    return subprocess.run([sys.executable, "-m", "desktop_app", *login, *args],
                          capture_output=True, text=True, input=stdin, timeout=300)


def test_demo_then_print_receipt_by_number(tmp_path, capsys, monkeypatch):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--applications", "12", "--seed", "3"]) == 0
    conn = sqlite3.connect(data / "township.sqlite3")
    number, = conn.execute(
        "SELECT number FROM document WHERE kind='receipt' ORDER BY id LIMIT 1").fetchone()
    name, = conn.execute(
        "SELECT m.name FROM document d JOIN household_member m ON m.application_id = d.application_id "
        "AND m.position = 0 WHERE d.number = ?", (number,)).fetchone()
    conn.close()
    out = tmp_path / "r.pdf"
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "print", "receipt", number, "--out", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert number in text and name in text
    # Printing again gives the same bytes: the recorded hash holds.
    out2 = tmp_path / "r2.pdf"
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "print", "receipt", number, "--out", str(out2)]) == 0
    assert out.read_bytes() == out2.read_bytes()
    capsys.readouterr()
    assert main(as_user(monkeypatch, data, "clerk1") + ["search", name[:1]]) == 0
    assert number in capsys.readouterr().out
    assert main(["--data-dir", str(data), "check"]) == 0
    # a voided document is not handed out again (as at the window; review of #11)
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import DEMO_PASSWORDS

    services = Services.open(data)
    try:
        admin = services.accounts.login("admin", DEMO_PASSWORDS["admin"]).value
        doc = services.documents.find("receipt", number)
        services.documents.void(doc.id, "登记错误", admin)
    finally:
        services.close()
    capsys.readouterr()
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "print", "receipt", number, "--out", str(tmp_path / "r3.pdf")]) == 1
    assert "已作废" in capsys.readouterr().err and not (tmp_path / "r3.pdf").exists()


def test_unknown_number_fails_with_one_line(tmp_path):
    assert main(["--data-dir", str(tmp_path / "d"), "demo", "--applications", "0"]) == 0
    r = run("--data-dir", str(tmp_path / "d"), "print", "receipt", "522201101-20991231-0001",
            "--out", str(tmp_path / "x.pdf"), user="clerk1")
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "522201101-20991231-0001" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_usage_error_exits_2(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["--data-dir", str(tmp_path), "print"])
    assert exc.value.code == 2


def test_check_reports_tampered_event_log(tmp_path):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--applications", "3"]) == 0
    conn = sqlite3.connect(data / "township.sqlite3")
    conn.execute("DROP TRIGGER event_no_update")  # the app refuses edits; an attacker drops it
    conn.execute("UPDATE event SET action = 'x' WHERE seq = 2")
    conn.commit()
    conn.close()
    r = run("--data-dir", str(data), "check")
    assert r.returncode == 1 and "seq 2" in r.stderr


@pytest.mark.slow
def test_self_test_exits_zero():
    r = run("--self-test")
    assert r.returncode == 0, r.stderr
    assert "self-test ok" in r.stdout


def test_commands_load_neither_qt_nor_the_gui(tmp_path):
    """The verbs stay headless: only ``desktop-app`` without a command opens the GUI."""
    code = ("import io, sys\nfrom desktop_app.cli import main\n"
            f"assert main(['--data-dir', {str(tmp_path / 'd')!r}, 'demo', '--applications', '0'])"
            " == 0\n"
            f"assert main(['--data-dir', {str(tmp_path / 'd')!r}, 'check']) == 0\n"
            "sys.stdin = io.StringIO('guanli2026\\n')\n"
            f"assert main(['--data-dir', {str(tmp_path / 'd')!r}, '--user', 'admin', "
            "'--password-stdin', 'users', 'list']) == 0\n"
            "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'desktop_app.gui'))]\n"
            "assert not loaded, loaded\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
