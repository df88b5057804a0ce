"""``county-workstation`` starts: a new data folder asks for the first administrator (its
database made there); ``--demo`` makes the three demo townships, shows the demo accounts
at the login and removes its throwaway folder at the end; a bad database URL is one
Chinese sentence and exit code 1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import county_workstation.login_dialog as login_dialog
from county_workstation.app import run

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _root_log_handlers():
    """``run`` logs into its data folder: put the root logger back afterwards."""
    import logging

    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture
def dialogs(monkeypatch):
    seen: list[tuple[str, str]] = []

    def fake_exec(self):
        hint = self.hint.text() if hasattr(self, "hint") else ""
        seen.append((type(self).__name__, hint))
        QTimer.singleShot(0, QApplication.instance().quit)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", fake_exec)
    monkeypatch.setattr(login_dialog.FirstAdminDialog, "exec", fake_exec)
    return seen


def test_a_new_folder_asks_for_the_first_administrator(tmp_path, dialogs):
    assert run(["--data-dir", str(tmp_path / "c")]) == 0
    assert dialogs == [("FirstAdminDialog", "")]
    assert (tmp_path / "c" / "county.sqlite3").is_file()


def test_a_bad_database_url_is_one_sentence(tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: told.append(a[2]))
    assert run(["--data-dir", str(tmp_path / "c"), "--db", "nosuchdb://x"]) == 1
    assert told and "数据库" in told[0]


@pytest.mark.slow
def test_demo_starts_and_cleans_up(tmp_path, dialogs, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert run(["--demo"]) == 0
    assert dialogs[0][0] == "LoginDialog" and "jingban / xianji2026" in dialogs[0][1]
    assert not list(tmp_path.glob("county-demo-*"))


def test_the_township_demo_verb_refuses_a_bad_code(tmp_path, capsys):
    from desktop_app.cli import main

    assert main(["--data-dir", str(tmp_path / "t"), "county-demo", "--code", "5222", "--name",
                 "甲镇", "--county-keys", str(tmp_path / "k.json"), "--public-key",
                 str(tmp_path / "p.json"), "--out", str(tmp_path / "usb")]) == 1
    assert "--code 应为 12 位数字" in capsys.readouterr().err
    assert not (tmp_path / "usb").exists()
