"""The county's first administrator and login dialogs over county accounts: a refusal
is told in Chinese in the dialog (nothing written), a good password logs in; logging out
drops the tabs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from county_workstation.login_dialog import FirstAdminDialog, LoginDialog
from tests.helpers.gui import type_text

pytestmark = pytest.mark.gui


def test_first_administrator_then_login(qtbot, context):
    accounts = context.accounts()
    assert accounts.needs_setup()
    setup = FirstAdminDialog(accounts, None)
    qtbot.addWidget(setup)
    setup.show()
    type_text(qtbot, setup.username, "wangju")
    type_text(qtbot, setup.name, "王局长")
    type_text(qtbot, setup.password, "xianmin2026")
    type_text(qtbot, setup.repeat, "xianmin2027")
    setup.try_create()
    assert setup.error.text() == "两次输入的密码不一致。" and accounts.needs_setup()
    setup.repeat.clear()
    type_text(qtbot, setup.repeat, "xianmin2026")
    setup.password.clear()
    setup.repeat.clear()
    type_text(qtbot, setup.password, "12345678")
    type_text(qtbot, setup.repeat, "12345678")
    setup.try_create()
    assert "密码" in setup.error.text() and accounts.needs_setup()
    setup.password.clear()
    setup.repeat.clear()
    type_text(qtbot, setup.password, "xianmin2026")
    type_text(qtbot, setup.repeat, "xianmin2026")
    setup.try_create()
    assert setup.result() == QDialog.DialogCode.Accepted
    assert setup.actor.username == "wangju" and setup.actor.role == "admin"
    assert not accounts.needs_setup()

    login = LoginDialog(accounts, None)
    qtbot.addWidget(login)
    login.show()
    type_text(qtbot, login.username, "wangju")
    type_text(qtbot, login.password, "wrong2026")
    login.try_login()
    assert login.error.text() == "用户名或密码错误" and login.password.text() == ""
    assert login.actor is None
    type_text(qtbot, login.password, "xianmin2026")
    login.try_login()
    assert login.actor.name == "王局长"


def test_logout_drops_the_tabs(county_window, monkeypatch):
    import county_workstation.login as login

    assert county_window.tabs.count() > 0
    monkeypatch.setattr(login, "ask_actor", lambda *a, **k: None)
    county_window.logout()
    assert county_window.tabs.count() == 0 and county_window.actor is None
