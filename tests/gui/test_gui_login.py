"""Signing in, the first administrator's password, the idle lock, user switching,
and what a clerk may see: driven on real widgets over real services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.core.services.auth import VOID
from desktop_app.gui.auth.login import (
    ChangePasswordDialog,
    ConfirmDialog,
    FirstPasswordDialog,
    LoginDialog,
    sign_in,
)
from tests.helpers.gui import actor_for, click, decide, make_id, type_text

pytestmark = pytest.mark.gui


def choose_user(form, username: str) -> None:
    index = form.username.findData(username)
    assert index >= 0, username
    form.username.setCurrentIndex(index)


def test_login_dialog_enter_submits_and_wrong_password_is_explained(qtbot, services, township):
    dialog = LoginDialog(services, demo=True)
    qtbot.addWidget(dialog)
    dialog.show()
    # Demo mode: admin pre-filled, the demo passwords shown as a hint.
    assert dialog.form.user() == "admin"
    assert dialog.form.hint.isVisible() and "guanli2026" in dialog.form.hint.text()
    qtbot.keyClicks(dialog.form.password, "not-the-password1")
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    assert "用户名或密码错误" in dialog.form.error.text() and not dialog.form.error.isHidden()
    assert dialog.form.password.text() == ""
    qtbot.keyClicks(dialog.form.password, "guanli2026")
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.username == "admin" and dialog.actor.role == "admin"


def test_lockout_message_says_until_when(qtbot, services, township):
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    choose_user(dialog.form, "clerk2")
    texts = []
    for _ in range(5):
        dialog.form.password.setText("wrong-password-9")
        dialog.submit()
        texts.append(dialog.form.error.text())
    assert "再错" in texts[3]  # a warning before the lock
    until = services.accounts.find("clerk2").locked_until
    assert until is not None
    assert "锁定" in texts[4] and until.strftime("%H:%M") in texts[4]
    # While locked even the right password is refused, with the same explanation.
    dialog.form.password.setText("jingban2026")
    dialog.submit()
    assert dialog.actor is None and until.strftime("%H:%M") in dialog.form.error.text()


def test_first_run_sets_the_administrators_password(qtbot, services):
    from desktop_app.core.services.demo import DEMO_TOWNSHIP

    services.setup.initialize(DEMO_TOWNSHIP)  # the setup screen gives no password
    assert services.accounts.login_names() == []
    seen = []

    def answer(dialog):
        assert isinstance(dialog, FirstPasswordDialog)
        qtbot.addWidget(dialog)
        dialog.password.setText("Qingshui2026")
        dialog.repeat.setText("Qingshui2027")
        dialog.submit()
        seen.append(dialog.error.text())
        dialog.password.setText("12345678")
        dialog.repeat.setText("12345678")
        dialog.submit()  # the service's policy message
        seen.append(dialog.error.text())
        dialog.password.setText("Qingshui2026")
        dialog.repeat.setText("Qingshui2026")
        dialog.submit()
        return dialog.result()

    actor = sign_in(services, exec_dialog=answer)
    assert "不一致" in seen[0]
    assert seen[1] and seen[1] != seen[0]
    assert actor is not None and actor.role == "admin" and actor.name == "王建国"
    assert services.accounts.needs_first_password() is None
    assert [u for u, _ in services.accounts.login_names()] == ["admin"]


def test_a_reset_password_must_be_changed_at_login(qtbot, services, township, admin):
    services.accounts.reset_password(actor_for(services, "clerk1").staff_id, "Temp2026x", admin)
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)

    def change(actor, old):
        form = ChangePasswordDialog(services, actor, dialog, old_password=old)
        qtbot.addWidget(form)
        assert not form.old.isVisibleTo(form)
        form.new.setText("Lixiuying88")
        form.repeat.setText("Lixiuying88")
        form.submit()
        return form.actor if form.result() == QDialog.DialogCode.Accepted else None

    dialog.change_password = change
    choose_user(dialog.form, "clerk1")
    dialog.form.password.setText("Temp2026x")
    dialog.submit()
    assert dialog.actor is not None and not dialog.actor.must_change_password
    assert services.accounts.login("clerk1", "Lixiuying88").value.username == "clerk1"


def test_main_window_shows_the_user_and_changes_the_password(qtbot, window, services):
    assert window.user_label.text() == "王建国（管理员）"
    assert window.audit_action.isVisible() and window.admin_action.isVisible()
    dialog = ChangePasswordDialog(services, window.actor, window)
    qtbot.addWidget(dialog)
    dialog.old.setText("wrong-password-1")
    dialog.new.setText("Guanli2027x")
    dialog.repeat.setText("Guanli2027x")
    dialog.submit()
    assert "密码错误" in dialog.error.text()
    dialog.old.setText("guanli2026")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.accounts.login("admin", "Guanli2027x").value.staff_id == window.actor.staff_id


# -- what a clerk sees -----------------------------------------------------------------------------
def test_clerk_sees_no_audit_or_admin_and_a_refusal_is_a_message(qtbot, clerk_window, services,
                                                                   township, messages):
    w = clerk_window
    assert w.user_label.text() == "李秀英（经办人）"
    assert not w.audit_action.isVisible() and not w.admin_action.isVisible()
    # Reached anyway (a stale shortcut, a bug): the service refuses and says why.
    w.show_audit()
    assert "只有负责人或管理员可以查看操作日志" in messages.texts()
    assert w.audit.model.rowCount() == 0
    # A colleague's application: the clerk may not unmask its ID numbers.
    other = decide(services, township, "张三", make_id("19600512", 31))
    dialog = w.open_application(other.application_id)
    view = dialog.view
    assert view.full_id_button.isVisible()
    click(qtbot, view.full_id_button)
    assert "他人经办" in messages.texts()
    assert view.full_ids is None and "*" in view.members_model.data(view.members_model.index(0, 2))


def test_full_ids_for_own_applications_are_shown_and_logged(qtbot, clerk_window, services):
    me = clerk_window.actor
    mine = decide(services, me, "李四", make_id("19710203", 52))
    dialog = clerk_window.open_application(mine.application_id)
    view = dialog.view
    click(qtbot, view.full_id_button)
    assert view.members_model.data(view.members_model.index(0, 2)) == make_id("19710203", 52)
    assert view.full_id_button.text() == "隐藏完整证件号"
    events = [e.action for e in services.queries.detail(mine.application_id).events]
    assert "pii.view_full_id" in events
    click(qtbot, view.full_id_button)
    assert "*" in view.members_model.data(view.members_model.index(0, 2))


# -- voids by a clerk ---------------------------------------------------------------------------
def test_clerk_void_needs_a_supervisors_confirmation(qtbot, clerk_window, services, messages):
    me = clerk_window.actor
    result = decide(services, me, "王五", make_id("19800808", 71))
    dialog = clerk_window.open_application(result.application_id)
    view = dialog.view
    view.ask_reason = lambda parent: "打印错误"
    attempts = []

    def cancel(parent, what):
        return None

    def confirm(parent, what):
        box = ConfirmDialog(services, parent, what, VOID)
        qtbot.addWidget(box)
        assert "打印错误" in box.what.text()
        for user, password in (("clerk2", "jingban2026"), ("supervisor", "wrong-pass-1"),
                               ("supervisor", "fuze2026")):
            box.username.setText(user)
            box.password.setText(password)
            box.submit()
            attempts.append(box.error.text())
        return box.actor

    receipt = next(d for d in services.documents.for_application(result.application_id)
                   if d.kind == "receipt")
    button = view.findChild(type(view.full_id_button), "voidDocument0")
    view.ask_confirmation = cancel
    click(qtbot, button)
    assert not services.documents.for_application(result.application_id)[0].voided

    view.ask_confirmation = confirm
    click(qtbot, view.findChild(type(view.full_id_button), "voidDocument0"))
    assert "只有负责人或管理员可以作废" in attempts[0]  # another clerk does not count
    assert "用户名或密码错误" in attempts[1]
    voided = {d.id: d for d in services.documents.for_application(result.application_id)}
    assert voided[receipt.id].voided
    event = next(e for e in services.queries.detail(result.application_id).events
                 if e.action == "document.void")
    assert event.actor == "李秀英"
    assert event.detail["confirmed_by"] == actor_for(services, "supervisor").staff_id
    assert not messages.shown


# -- idle lock ---------------------------------------------------------------------------------
def test_idle_lock_keeps_unsaved_input(qtbot, window, services):
    intake = window.intake
    type_text(qtbot, intake.applicant.name, "张三")
    type_text(qtbot, intake.applicant.id_number, "5222011960")
    now = [1000.0]
    window.idle.clock = lambda: now[0]
    window.idle.resume()
    assert not window.idle.check()
    now[0] += 10 * 60 + 1  # ten minutes without input (the default)
    assert window.idle.check()
    overlay = window.lock_overlay
    assert overlay.isVisible() and overlay.mode == overlay.LOCK
    assert not window.centralWidget().isEnabled() and not window.toolbar.isEnabled()
    assert overlay.geometry() == window.rect()

    overlay.password.setText("wrong-password-1")
    overlay.unlock()
    assert overlay.isVisible() and "用户名或密码错误" in overlay.unlock_error.text()
    qtbot.keyClicks(overlay.password, "guanli2026")
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not overlay.isVisible() and window.centralWidget().isEnabled()
    assert intake.applicant.name.text() == "张三"
    assert intake.applicant.id_number.text() == "5222011960"
    assert window.actor.username == "admin"
    actions = [r.action for r in services.audit.query(window.actor)[:3]]
    assert actions[0] == "auth.unlock"


def test_another_user_on_the_lock_screen_asks_before_discarding(qtbot, window, services):
    intake = window.intake
    type_text(qtbot, intake.applicant.name, "张三")
    window.lock_screen()
    overlay = window.lock_overlay
    overlay.show_switch()
    choose_user(overlay.form, "clerk1")
    overlay.form.password.setText("jingban2026")
    window.ask = lambda *args: False  # keep the input: stay locked
    assert not overlay.login()
    assert overlay.isVisible() and intake.applicant.name.text() == "张三"
    window.ask = lambda *args: True
    overlay.form.password.setText("jingban2026")
    assert overlay.login()
    assert not overlay.isVisible()
    assert window.user_label.text() == "李秀英（经办人）"
    assert intake.applicant.name.text() == ""
    assert not window.audit_action.isVisible() and not window.admin_action.isVisible()


def test_logout_then_another_user_logs_in(qtbot, window, services):
    window.show_audit()
    assert window.logout()
    overlay = window.lock_overlay
    assert overlay.isVisible() and overlay.mode == overlay.LOGIN and window.actor is None
    assert window.audit is None  # the previous user's screens are gone
    assert not window.intake_action.isEnabled()
    choose_user(overlay.form, "supervisor")
    overlay.form.password.setText("fuze2026")
    assert overlay.login()
    assert window.user_label.text() == "张桂兰（负责人）"
    assert window.audit_action.isVisible() and not window.admin_action.isVisible()
    assert window.stack.currentWidget() is window.intake
