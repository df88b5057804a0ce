"""No database write on the GUI thread (DESIGN §3: one writer).

``Database.transaction`` is wrapped: a transaction opened on the main thread outside
the runner's write lane is recorded. The screens run with the synchronous runner (as
in every GUI test), which marks its operations as the write lane — so a write that
bypasses the runner is caught, and the first test shows the guard does catch one.
"""

from __future__ import annotations

import threading
import traceback

import pytest

from desktop_app.core.db import Database
from desktop_app.core.services.demo import DEMO_PASSWORDS
from desktop_app.gui.kit.tasks import TaskRunner, on_write_lane
from tests.helpers.gui import click, decide, make_id, make_window


class Guard:
    """Records transactions opened on the GUI thread while armed."""

    def __init__(self) -> None:
        self.armed = False
        self.caught: list[str] = []

    def check(self) -> None:
        if self.armed and threading.current_thread() is threading.main_thread() \
                and not on_write_lane():
            self.caught.append("".join(traceback.format_stack(limit=10)[:-2]))

    def __enter__(self) -> Guard:
        self.armed = True
        return self

    def __exit__(self, *exc) -> None:
        self.armed = False


@pytest.fixture
def guard(monkeypatch) -> Guard:
    g = Guard()
    original = Database.transaction

    def transaction(self):
        g.check()
        return original(self)

    monkeypatch.setattr(Database, "transaction", transaction)
    return g


def no_writes(guard: Guard) -> None:
    assert not guard.caught, "a write ran on the GUI thread:\n" + "\n----\n".join(guard.caught)


def test_the_guard_catches_a_write_on_the_gui_thread(services, township, admin, guard):
    with guard:
        services.settings.update("idle_lock_minutes", 7, admin)   # directly: caught
    assert len(guard.caught) == 1
    runner = TaskRunner(synchronous=True)
    guard.caught.clear()
    with guard:
        runner.run(lambda: services.settings.update("idle_lock_minutes", 8, admin))
        assert runner.call(lambda: services.settings.get("idle_lock_minutes")) == 8
    no_writes(guard)


def test_a_real_runner_writes_on_its_writer_thread(qtbot, services, township, admin, guard):
    runner = TaskRunner()
    seen = []
    try:
        with guard:
            value = runner.call(lambda: (seen.append(threading.current_thread().name),
                                         services.settings.update("idle_lock_minutes", 9, admin)))
    finally:
        runner.shutdown()
    no_writes(guard)
    assert seen[0].startswith("db-writer") and value[1].settings


def test_login_lock_switch_and_logout_write_on_the_write_lane(
        qtbot, services, township, opener, data_dir, messages, guard):
    from desktop_app.gui.auth.login import ChangePasswordDialog, sign_in

    window = make_window(qtbot, services, None, opener, data_dir)

    def log_in(dialog):
        dialog.form.password.setText(DEMO_PASSWORDS["admin"])
        dialog.submit()
        return dialog.result()

    with guard:
        actor = sign_in(services, window, exec_dialog=log_in, tasks=window.tasks)
        assert actor is not None and actor.username == "admin"
        overlay = window.lock_overlay
        window.lock_overlay.show_login()
        overlay.form.password.setText(DEMO_PASSWORDS["admin"])
        assert overlay.login()                          # log in on the overlay
        assert window.lock_screen()
        overlay.password.setText(DEMO_PASSWORDS["admin"])
        assert overlay.unlock()                         # unlock
        assert window.lock_screen()
        index = overlay.form.username.findData("clerk1")
        overlay.form.username.setCurrentIndex(index)
        overlay.form.password.setText(DEMO_PASSWORDS["clerk1"])
        assert overlay.login()                          # switch user (logs the admin out)
        assert window.actor.username == "clerk1"
        dialog = ChangePasswordDialog(services, window.actor, window, tasks=window.tasks)
        dialog.old.setText(DEMO_PASSWORDS["clerk1"])
        dialog.new.setText("Neu2026pass")
        dialog.repeat.setText("Neu2026pass")
        dialog.submit()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert window.logout()                          # 注销
    no_writes(guard)
    assert services.accounts.login("clerk1", "Neu2026pass").value.username == "clerk1"


def test_administration_writes_on_the_write_lane(qtbot, window, services, admin, tmp_path,
                                                 messages, guard):
    admin_screen = window.show_admin()
    users, settings, backups = admin_screen.users, admin_screen.settings, admin_screen.backups

    def fill_new(dialog):
        dialog.name.setText("刘芳")
        dialog.username.setText("clerk3")
        dialog.password.setText("Liufang2026")
        dialog.repeat.setText("Liufang2026")
        return dialog.submit()

    with guard:
        users.run = fill_new
        users.add_user()
        users.select_user("clerk3")
        users.toggle_active()
        settings.idle.setValue(12)
        assert settings.save()
        backups.backup_now()
        backups.select_row(0)
        backups.ask = lambda *args: True
        assert backups.restore_selected()
    no_writes(guard)
    assert not services.accounts.find("clerk3").active
    assert services.backups.exports_paused()
    # After the restore: log in again, then 确认 on the banner resumes exports.
    with guard:
        window.lock_overlay.form.password.setText(DEMO_PASSWORDS["admin"])
        assert window.lock_overlay.login()
        window.banner.ask = lambda *args: True
        click(qtbot, window.banner.button)
    no_writes(guard)
    assert not services.backups.exports_paused()


def test_screens_of_the_daily_work_write_on_the_write_lane(qtbot, window, services, admin,
                                                           messages, guard):
    decide(services, admin, "张三", make_id("19600512", 31))
    row = services.queries.search("张三")[0]
    with guard:
        dialog = window.open_application(row.id)
        dialog.view.toggle_full_ids()
        doc = services.documents.for_application(row.id)[0]
        dialog.view.reprint(doc)
        tracking = window.show_tracking()
        tracking.refresh()
        window.show_sync()
    no_writes(guard)


def test_first_run_setup_writes_on_the_write_lane(qtbot, services, guard):
    from test_gui_setup import fill

    from desktop_app.gui.auth.setup_dialog import SetupDialog

    runner = TaskRunner(synchronous=True)
    dialog = SetupDialog(services, tasks=runner, show_code=lambda *args: None)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, [("522201101201", "石桥村")])
    with guard:
        click(qtbot, dialog.save_button)
    no_writes(guard)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert services.setup.township().name == "清水镇"
