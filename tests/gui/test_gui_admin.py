"""操作日志, 系统管理 (accounts, settings, backup and restore), the exports-paused
banner, automatic backups and the start-up check of a damaged database."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta

import pytest

from desktop_app.gui.admin import audit as audit_view
from desktop_app.gui.admin.audit import COL_ACTION, COL_ACTOR, RowRole
from desktop_app.gui.admin.backups import COL_APPS, COL_KIND, InfoRole
from tests.helpers.gui import actor_for, decide, make_id

pytestmark = pytest.mark.gui


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- audit viewer ------------------------------------------------------------------------------
def test_audit_viewer_filters_by_action_and_person(qtbot, qtmodeltester, window, services,
                                                  township, monkeypatch):
    from desktop_app.core.services import LoginFailed

    clerk = actor_for(services, "clerk1")
    decide(services, clerk, "张三", make_id("19600512", 31))
    with pytest.raises(LoginFailed):
        services.accounts.login("clerk1", "wrong-password-1")
    screen = window.show_audit()
    model = screen.model
    assert model.rowCount() > 5
    qtmodeltester.check(model, force_py=True)

    logins = next(i for i in range(screen.action.count())
                  if "auth.login" in (screen.action.itemData(i) or ()))
    screen.action.setCurrentIndex(logins)
    rows = [model.index(r, 0).data(RowRole) for r in range(model.rowCount())]
    assert rows and all(r.action.startswith("auth.") for r in rows)
    assert "登录失败" in [model.index(r, COL_ACTION).data() for r in range(model.rowCount())]

    screen.action.setCurrentIndex(0)
    choose(screen.person, clerk.staff_id)
    names = {model.index(r, COL_ACTOR).data() for r in range(model.rowCount())}
    assert names == {"李秀英"}
    actions = {model.index(r, 0).data(RowRole).action for r in range(model.rowCount())}
    assert {"application.create", "document.issue", "auth.login_failed"} <= actions
    details = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert any("密码错误" in d for d in details)

    # Paging backwards.
    monkeypatch.setattr(audit_view, "PAGE", 2)
    choose(screen.person, None)
    assert model.rowCount() == 2 and screen.more_button.isEnabled()
    first = [model.index(r, 0).data(RowRole).seq for r in range(2)]
    screen.load_more()
    seqs = [model.index(r, 0).data(RowRole).seq for r in range(model.rowCount())]
    assert seqs[:2] == first and len(seqs) == 4 and seqs == sorted(seqs, reverse=True)

    # 校验 on the (synchronous) task runner.
    screen.run_check()
    assert "校验通过" in screen.check_result.text()


# -- accounts and settings --------------------------------------------------------------------
def test_admin_manages_accounts(qtbot, window, services, messages):
    admin_screen = window.show_admin()
    users = admin_screen.users
    assert users.model.rowCount() == 4

    def fill_new(dialog):
        qtbot.addWidget(dialog)
        dialog.name.setText("刘芳")
        dialog.username.setText("Bad Name")
        dialog.password.setText("Liufang2026")
        dialog.repeat.setText("Liufang2026")
        assert not dialog.submit()
        assert dialog.error.text()
        dialog.username.setText("clerk3")
        choose(dialog.role, "clerk")
        return dialog.submit()

    users.run = fill_new
    users.add_user()
    info = services.accounts.find("clerk3")
    assert info.role == "clerk" and info.must_change_password
    assert users.selected().username == "clerk3"

    def set_role(dialog):
        qtbot.addWidget(dialog)
        choose(dialog.role, "supervisor")
        return dialog.submit()

    users.run = set_role
    users.change_role()
    assert services.accounts.find("clerk3").role == "supervisor"

    def reset(dialog):
        qtbot.addWidget(dialog)
        dialog.password.setText("Newpass2026")
        dialog.repeat.setText("Newpass2026")
        return dialog.submit()

    users.run = reset
    users.reset_password()
    assert services.accounts.login("clerk3", "Newpass2026").value.must_change_password

    users.toggle_active()
    assert not services.accounts.find("clerk3").active
    row = [users.model.data(users.model.index(r, 3)) for r in range(users.model.rowCount())]
    assert any("已停用" in text for text in row)

    # The last administrator cannot deactivate themselves: the message stays on the page.
    users.select_user("admin")
    users.toggle_active()
    assert services.accounts.find("admin").active and users.error.text()


def test_settings_page_saves_and_shows_errors(qtbot, window, services, tmp_path):
    page = window.show_admin().settings
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    page.choose = lambda *args: str(mirror)
    page.choose_mirror()
    page.idle.setValue(3)
    page.keep["recent"].setValue(8)
    page.overrides.setPlainText("2026-12-31 休息")
    page.holidays.setPlainText("2027 节假日 2027-01-01 2027-02-16\n2027 调休上班 2027-02-07")
    assert page.save()
    assert services.settings.get("idle_lock_minutes") == 3
    assert services.settings.get("backup_mirror_dir") == str(mirror)
    assert services.settings.get("backup_keep")["recent"] == 8
    assert services.settings.get("workday_overrides") == {"2026-12-31": False}
    assert services.settings.get("holiday_years")["2027"]["workdays"] == ["2027-02-07"]
    assert window.idle.minutes == 3  # the lock follows the new setting at once

    page.mirror.setText("relative/folder")
    page.overrides.setPlainText("31.12.2026 off")
    assert not page.save()
    mirror_error = page.findChild(type(page.status), "backup_mirror_dirError")
    overrides_error = page.findChild(type(page.status), "workday_overridesError")
    assert not overrides_error.isHidden() and "第 1 行" in overrides_error.text()
    page.overrides.setPlainText("")
    assert not page.save()
    assert not mirror_error.isHidden() and "完整路径" in mirror_error.text()
    assert services.settings.get("backup_mirror_dir") == str(mirror)


def test_settings_page_edits_the_handling_settings(qtbot, window, services):
    page = window.show_admin().settings
    assert page.ceiling.text() == "3,000.00" and page.review["DIBAO_C"].value() == 6
    page.ceiling.setText("5000")
    page.paperwork.setValue(7)
    page.due_soon.setValue(2)
    page.review["DIBAO_C"].setValue(3)
    assert page.save()
    assert services.settings.get("emergency_ceiling_fen") == 500_000
    assert services.settings.get("emergency_paperwork_workdays") == 7
    assert services.settings.get("due_soon_workdays") == 2
    assert services.settings.get("review_months")["DIBAO_C"] == 3
    # issue 13: the catalogue's township ceiling (¥3,000, the county's delegation) bounds
    # the 先行救助 ceiling; a lower setting applies (tests/core/test_temporary_control.py)
    assert services.handling.emergency_ceiling() == 300_000
    page.ceiling.setText("五千")
    assert not page.save()
    error = page.findChild(type(page.status), "emergency_ceiling_fenError")
    assert not error.isHidden() and error.text()
    assert services.settings.get("emergency_ceiling_fen") == 500_000


def test_settings_page_shows_the_clock_and_an_administrator_confirms_it(qtbot, window, services,
                                                                       township, clock, messages):
    """Issue #11: receipts issued while the clock ran ahead, then the clock corrected — the
    window refuses documents until an administrator confirms the clock on 设置."""
    page = window.show_admin().settings
    assert page.clock["tolerance_minutes"].value() == 10 and page.clock["ahead_days"].value() == 60
    assert not page.confirm_clock_button.isEnabled() and "一致" in page.clock_state.text()
    now = clock.now
    clock.now = now + timedelta(days=30)
    decide(services, township, "王五", make_id("19800101", 3))
    clock.now = now
    page.load()
    assert page.confirm_clock_button.isEnabled() and "早于最近一条记录" in page.clock_state.text()
    messages.answer_yes = False
    page.confirm_clock()
    assert services.clock.status().behind  # declined: nothing recorded
    messages.answer_yes = True
    page.confirm_clock()
    qtbot.waitUntil(lambda: not page.confirm_clock_button.isEnabled())
    assert services.clock.status().ok and "一致" in page.clock_state.text()
    assert "记录在操作日志" in messages.shown[-1][1]
    page.clock["tolerance_minutes"].setValue(20)
    assert page.save()
    assert services.settings.get("clock_check") == {"tolerance_minutes": 20, "ahead_days": 60}


# -- backup and restore -------------------------------------------------------------------------
def test_restore_lists_backups_replaces_data_and_pauses_exports(qtbot, window, services, township,
                                                               admin, clock):
    decide(services, township, "张三", make_id("19600512", 31))
    services.backups.backup_now(admin)
    clock.now += timedelta(minutes=5)
    decide(services, township, "李四", make_id("19710203", 52))
    assert services.queries.count() == 2

    page = window.show_admin().backups
    window.admin.show_backups()
    assert page.model.rowCount() == 1
    info = page.model.index(0, 0).data(InfoRole)
    assert page.model.index(0, COL_KIND).data() == "手动备份"
    assert page.model.index(0, COL_APPS).data() == "1" and info.ok
    assert not page.restore_button.isEnabled()
    page.select_row(0)
    assert page.restore_button.isEnabled()

    asked = []
    page.ask = lambda parent, title, text: asked.append(text) or True
    assert page.restore_selected()
    assert "1 件申请" in asked[0] and info.created.strftime("%Y-%m-%d %H:%M:%S") in asked[0]
    assert services.queries.count() == 1  # the data is the backup's
    assert window.admin is None  # screens of the previous session are gone
    overlay = window.lock_overlay
    assert overlay.isVisible() and overlay.mode == overlay.LOGIN and window.actor is None
    assert "重新登录" in overlay.message.text()
    banner = window.banner
    assert banner.isVisible() and "暂停" in banner.text.text()

    # Everyone logs in again; the administrator confirms the data to resume exports.
    index = overlay.form.username.findData("admin")
    overlay.form.username.setCurrentIndex(index)
    overlay.form.password.setText("guanli2026")
    assert overlay.login()
    assert banner.isVisible() and banner.button.isVisible()
    banner.ask = lambda *args: True
    banner.confirm()
    assert not banner.isVisible() and services.backups.exports_paused() is None


def test_backup_now_and_automatic_backups_report_in_the_status_bar(qtbot, window, services,
                                                                  admin, clock, tmp_path):
    page = window.show_admin().backups
    page.backup_now()
    assert "已写入备份" in page.status.text() and page.model.rowCount() == 1

    auto = window.start_auto_backups()  # the start-up backup, on the task runner
    assert "自动备份" in window.backup_label.text()
    services.settings.update("backup_mirror_dir", str(tmp_path / "usb-stick"), admin)
    clock.now += timedelta(hours=25)
    auto.hourly()  # daily due: backs up, but the USB stick is missing
    assert "镜像" in window.backup_label.text() and "c62828" in window.backup_label.styleSheet()
    report = auto.at_exit()
    assert report.skipped or report.path is not None


def test_clerk_is_refused_a_restore_with_a_message(qtbot, services, township, messages):
    from desktop_app.gui.admin.backups import BackupsPage
    from desktop_app.gui.kit.tasks import TaskRunner

    services.backups.backup_now(actor_for(services, "admin"))
    clerk = actor_for(services, "clerk1")
    page = BackupsPage(services, TaskRunner(synchronous=True), lambda: clerk,
                       ask=lambda *args: True)
    qtbot.addWidget(page)
    page.select_row(0)
    page.restore_selected()
    assert "只有管理员可以恢复备份" in messages.texts()


# -- start-up -----------------------------------------------------------------------------------
def test_startup_offers_the_newest_good_backup_for_a_damaged_database(qtbot, services, township,
                                                                     data_dir, messages):
    from desktop_app.core.db import DB_FILENAME
    from desktop_app.core.services import Services
    from desktop_app.gui import app as gui_app

    decide(services, township, "张三", make_id("19600512", 31))
    report = services.backups.auto_backup("startup")
    services.close()
    db = data_dir / DB_FILENAME
    data = bytearray(db.read_bytes())
    data[100:4096 * 3] = b"\x00" * (4096 * 3 - 100)
    db.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)

    # The dialog names the folder, the file and the backup; "quit" leaves everything as it is.
    assert not gui_app._startup_check(None, data_dir)
    title, text = messages.shown[-1]
    assert title == "数据库已损坏"
    assert str(data_dir) in text and DB_FILENAME in text and report.path.name in text

    offered = []
    assert gui_app._startup_check(None, data_dir, ask=lambda parent, p: offered.append(p) or True)
    assert offered[0].backup.name == report.path.name
    restored = Services.open(data_dir)
    try:
        assert restored.queries.count() == 1
        assert restored.backups.exports_paused() is not None
    finally:
        restored.close()


def test_uncaught_errors_are_logged_and_explained(qtbot, messages, caplog):
    from desktop_app.core.errors import PermissionDenied
    from desktop_app.gui.app import install_excepthook

    previous = install_excepthook()
    try:
        with caplog.at_level(logging.ERROR):
            try:
                raise RuntimeError("boom 110105194912310021")
            except RuntimeError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
        denied = PermissionDenied("audit.view", "只有负责人或管理员可以查看操作日志")
        sys.excepthook(PermissionDenied, denied, None)
    finally:
        sys.excepthook = previous
    assert messages.shown[0][0] == "意外错误"
    assert "只有负责人" in messages.shown[1][1]
    logged = caplog.text
    assert "RuntimeError" in logged and "110105194912310021" not in logged

