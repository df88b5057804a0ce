"""Issue 11, item 2 on screen: the administrator recovery code shown once at first-run
setup (print, save, not dismissed by Esc), and the confirmation before the county's
public keys are imported (fingerprint, county, replacement warning)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app.gui.auth.recovery_code import RecoveryCodeDialog
from desktop_app.gui.auth.setup_dialog import SetupDialog
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.sync.keys import CountyKeysDialog
from desktop_app.gui.sync.screen import SyncScreen
from sync_contract.keys import KeyStore, read_public_keys, short_fingerprint
from tests.helpers.gui import click

pytestmark = pytest.mark.gui

CODE = re.compile(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}")


# -- the recovery code at first-run setup -------------------------------------------------
def test_setup_shows_the_recovery_code_once_to_print_or_save(qtbot, services, tmp_path):
    from test_gui_setup import fill

    shown: list[RecoveryCodeDialog] = []
    printed: list[str] = []
    saved = tmp_path / "usb" / "code.txt"
    saved.parent.mkdir()

    def show(parent, code, township):
        dlg = RecoveryCodeDialog(code, township, parent,
                                 choose_save=lambda *args: str(saved),
                                 print_text=lambda parent, text: printed.append(text) or True)
        qtbot.addWidget(dlg)
        dlg.show()
        shown.append(dlg)
        # what the administrator sees: the code, big, and how to use it
        assert CODE.fullmatch(dlg.code_label.text())
        assert "recover-admin" in dlg.findChild(type(dlg.code_label), "recoveryIntro").text()
        click(qtbot, dlg.print_button)
        click(qtbot, dlg.save_button)
        assert "已发送到打印机" in dlg.result_label.text() or "已保存" in dlg.result_label.text()
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)   # Esc (and the close button): stays open
        assert dlg.isVisible() and "妥善保管" in dlg.result_label.text()
        click(qtbot, dlg.kept_button)
        assert dlg.result() == RecoveryCodeDialog.DialogCode.Accepted

    dialog = SetupDialog(services, show_code=show)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, [("522201101201", "石桥村")])
    click(qtbot, dialog.save_button)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert len(shown) == 1
    code = shown[0].code
    assert code in printed[0] and "清水镇" in printed[0]
    assert code in saved.read_text(encoding="utf-8")
    assert not list(saved.parent.glob("*.part")) and not list(saved.parent.glob(".*"))
    # the code shown is the one that works (once)
    services.accounts.set_first_password(services.accounts.needs_first_password().id,
                                         "qingshui2026")
    result = services.accounts.recover_admin(code, "xinmima2026").value
    assert result.actor.username == "admin" and CODE.fullmatch(result.new_code)


# -- the county's key file ----------------------------------------------------------------
@pytest.fixture
def keys_screen(qtbot, services, township, tmp_path, messages):
    from tests.helpers.gui import actor_for

    admin = actor_for(services, "admin")
    answers: list[str] = []
    screen = SyncScreen(services, TaskRunner(synchronous=True), lambda: admin,
                        choose_open=lambda *args: answers.pop(0) if answers else "",
                        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    screen.answers = answers
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    return screen


def _county(tmp_path: Path, name: str, code: str) -> tuple[KeyStore, Path]:
    ks = KeyStore(tmp_path / f"{name}-keys").ensure()
    path = tmp_path / f"{name}.json"
    ks.public_keys("county", code, "碧江区民政局" if code.startswith("522201") else "洪山区民政局"
                   ).write(path)
    return ks, path


def test_county_keys_are_imported_only_when_confirmed_with_the_fingerprint(
        qtbot, keys_screen, services, tmp_path):
    county, path = _county(tmp_path, "county", "522201")
    seen: list[CountyKeysDialog] = []

    def ask(answer: bool):
        def run(parent, preview) -> bool:
            dlg = CountyKeysDialog(preview, parent)
            qtbot.addWidget(dlg)
            dlg.show()
            seen.append(dlg)
            assert dlg.fingerprint.text() == short_fingerprint(preview.fingerprint)
            click(qtbot, dlg.import_button if answer else dlg.cancel_button)
            return dlg.result() == CountyKeysDialog.DialogCode.Accepted
        return run

    keys_screen.ask_county_keys = ask(False)
    keys_screen.answers.append(str(path))
    click(qtbot, keys_screen.import_keys_button)
    assert services.sync.status().county is None
    assert "未导入" in keys_screen.keys_result.text()
    key_set = read_public_keys(path, "county").key_set_fingerprint  # signing + encryption keys
    assert seen[0].fingerprint.text() == short_fingerprint(key_set)
    text = seen[0].findChild(type(seen[0].fingerprint), "countyKeysIntro").text()
    assert "522201" in text and "碧江区民政局" in text and "522201101000" in text

    keys_screen.ask_county_keys = ask(True)
    keys_screen.answers.append(str(path))
    click(qtbot, keys_screen.import_keys_button)
    assert services.sync.status().county.fingerprint == county.fingerprint

    # a new key for the same county: the dialog says it replaces the old one
    new, new_path = _county(tmp_path, "new", "522201")
    keys_screen.ask_county_keys = ask(True)
    keys_screen.answers.append(str(new_path))
    click(qtbot, keys_screen.import_keys_button)
    warning = seen[-1].warning.text()
    assert short_fingerprint(key_set) in warning and "新的密钥" in warning
    assert services.sync.status().county.fingerprint == new.fingerprint


def test_another_countys_keys_are_refused_before_any_confirmation(
        qtbot, keys_screen, services, tmp_path):
    _, path = _county(tmp_path, "other", "420106")
    asked = []
    keys_screen.ask_county_keys = lambda parent, preview: asked.append(preview) or True
    keys_screen.answers.append(str(path))
    click(qtbot, keys_screen.import_keys_button)
    assert asked == [] and services.sync.status().county is None
    text = keys_screen.keys_result.text()
    assert text.startswith("未导入") and "420106" in text and "522201101000" in text


# -- the recovery code at the login screen ------------------------------------------------
def test_forgotten_admin_password_at_the_login_screen(qtbot, services, township, monkeypatch):
    from desktop_app.gui.auth import login

    code = services.accounts.issue_recovery_code(township).value
    shown: list[str] = []

    def run_dialog(dlg) -> int:
        """The dialog as the administrator fills it: a wrong code first, then the right one."""
        dlg.show_code = lambda parent, new_code, name: shown.append(new_code)
        qtbot.addWidget(dlg)
        dlg.show()
        assert dlg.admin.currentData() == "admin"
        dlg.code.setText("0000-0000-0000-0000-000Z" if code[0] != "0" else "1" * 20)
        dlg.password.setText("huifu2026x")
        dlg.repeat.setText("huifu2026x")
        click(qtbot, dlg.ok_button)
        assert dlg.isVisible() and "恢复码错误" in dlg.error.text()
        dlg.code.setText(code.lower())
        dlg.password.setText("huifu2026x")
        dlg.repeat.setText("huifu2026x")
        click(qtbot, dlg.ok_button)
        return dlg.result()

    monkeypatch.setattr(login.RecoverAdminDialog, "exec", run_dialog)
    dialog = login.LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.recover_button)
    assert dialog.result() == login.LoginDialog.DialogCode.Accepted
    assert dialog.actor.username == "admin" and len(shown) == 1 and shown[0] != code
    assert services.accounts.login("admin", "huifu2026x").value.username == "admin"
    # the code was used up
    from desktop_app.core.services import LoginFailed
    with pytest.raises(LoginFailed):
        services.accounts.recover_admin(code, "huifu2027y")
