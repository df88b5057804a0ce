"""首次设置, the main window's frame, and the task runner."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.gui.auth.setup_dialog import SetupDialog
from desktop_app.gui.kit.tasks import TaskRunner
from tests.helpers.gui import click, type_text

pytestmark = pytest.mark.gui

TOWNSHIP = "522201101000"


@pytest.fixture
def dialog(qtbot, services):
    dlg = SetupDialog(services)
    dlg.shown_codes = []   # the recovery code dialog: tests/gui/test_gui_recovery_code.py
    dlg.show_code = lambda parent, code, township: dlg.shown_codes.append((code, township))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fill(qtbot, dlg, villages):
    type_text(qtbot, dlg.township_name, "清水镇")
    type_text(qtbot, dlg.township_code, TOWNSHIP)
    type_text(qtbot, dlg.window_phone, "0856-5221234")
    type_text(qtbot, dlg.supervision_phone, "0856-5225678")
    type_text(qtbot, dlg.admin_name, "王建国")
    dlg.set_villages(villages)


def test_duplicate_village_code_shows_error_and_writes_nothing(qtbot, dialog, services):
    fill(qtbot, dialog, [("522201101201", "石桥村"), ("522201101201", "杉树村")])
    click(qtbot, dialog.save_button)
    assert not services.setup.is_initialized()
    assert dialog.result() != SetupDialog.DialogCode.Accepted
    assert not dialog.villages_error.isHidden()
    assert "重复" in dialog.villages_error.text()
    tinted = [dialog.villages.item(r, 0).background().color().name() for r in range(2)]
    assert tinted == ["#ffcdd2", "#ffcdd2"]
    # Nothing typed is lost.
    assert dialog.township_name.text() == "清水镇"
    assert dialog.village_rows() == [("522201101201", "石桥村"), ("522201101201", "杉树村")]


def test_errors_appear_next_to_fields(qtbot, dialog, services):
    fill(qtbot, dialog, [("522201101201", "石桥村")])
    dialog.township_code.setText("12345")
    dialog.admin_name.clear()
    click(qtbot, dialog.save_button)
    assert not services.setup.is_initialized()
    code_error = dialog.findChild(QWidget, "township_codeError")
    admin_error = dialog.findChild(QWidget, "admin_nameError")
    assert not code_error.isHidden() and "12位" in code_error.text()
    assert not admin_error.isHidden() and "姓名" in admin_error.text()
    assert dialog.focusWidget() is dialog.township_code


def test_valid_setup_initialises(qtbot, dialog, services):
    fill(qtbot, dialog, [("522201101201", "石桥村"), ("522201101202", "杉树村")])
    click(qtbot, dialog.save_button)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert services.setup.township().name == "清水镇"
    assert [v.name for v in services.setup.villages()] == ["石桥村", "杉树村"]
    assert [p.name for p in services.setup.staff()] == ["王建国"]


def test_import_villages_from_csv(qtbot, dialog, tmp_path):
    csv = tmp_path / "villages.csv"
    csv.write_text("代码,名称\n522201101201,石桥村\n522201101202,杉树村\n", encoding="gbk")
    dialog.choose_file = lambda *args: str(csv)
    type_text(qtbot, dialog.township_code, TOWNSHIP)
    click(qtbot, dialog.import_button)
    assert dialog.village_rows() == [("522201101201", "石桥村"), ("522201101202", "杉树村")]

    bad = tmp_path / "bad.csv"
    bad.write_text("522201101201,石桥村\n522201101201,杉树村\n", encoding="utf-8")
    dialog.choose_file = lambda *args: str(bad)
    click(qtbot, dialog.import_button)
    assert "第2行" in dialog.villages_error.text().replace(" ", "")
    assert len(dialog.village_rows()) == 2  # the earlier list is kept


def test_main_window_frame(window, services, data_dir):
    assert window.township_label.text().startswith("清水镇")
    assert str(data_dir) in window.folder_label.text()
    assert window.findChild(QWidget, "demoMarker") is None
    assert window.clerk_id() == services.setup.staff()[0].id
    assert window.user_label.text() == "王建国（管理员）"
    window.show_applications()
    assert window.stack.currentWidget() is window.applications
    window.intake_action.trigger()
    assert window.stack.currentWidget() is window.intake


def test_demo_marker(qtbot, services, admin):
    from desktop_app.gui.app import build_main_window

    win = build_main_window(services, admin, demo=True, synchronous=True)
    qtbot.addWidget(win)
    marker = win.findChild(QWidget, "demoMarker")
    assert marker is not None and marker.text() == "演示模式"
    assert "演示" in win.windowTitle()


def test_task_runner_delivers_on_gui_thread(qtbot):
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    with qtbot.waitSignal(runner.busyChanged, timeout=5000, check_params_cb=lambda busy: not busy):
        runner.run(work, lambda result: seen.update(result=result, thread=threading.get_ident()))
    assert seen["result"] == 42
    assert seen["thread"] == gui_thread != seen["worker"]

    errors = []
    with qtbot.waitSignal(runner.busyChanged, timeout=5000, check_params_cb=lambda busy: not busy):
        runner.run(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
    runner.shutdown()


def test_task_runner_synchronous_mode():
    runner = TaskRunner(synchronous=True)
    out = []
    runner.run(lambda: "done", out.append)
    assert out == ["done"] and not runner.busy


def test_run_gui_first_run_shows_setup(qtbot, tmp_path, monkeypatch):
    """Start-up on an empty folder shows 首次设置; cancelling leaves nothing set up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.services import Services
    from desktop_app.gui import app as gui_app

    seen = []

    def close_dialog():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, SetupDialog) and w.isVisible():
                seen.append(w.windowTitle())
                w.reject()
                return
        QTimer.singleShot(50, close_dialog)

    QTimer.singleShot(50, close_dialog)
    assert gui_app.run_gui(tmp_path / "data", language="zh_CN") == 0
    assert seen == ["首次设置"]
    services = Services.open(tmp_path / "data")
    assert not services.setup.is_initialized()
    services.close()


def test_run_gui_logs_in_and_opens_main_window(qtbot, services, township, data_dir):
    """Start-up: the login dialog (wrong password first), then the main window for that
    user; a start-up backup is made, and an exit backup when the window closes."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui import app as gui_app
    from desktop_app.gui.auth.login import LoginDialog
    from desktop_app.gui.main_window import MainWindow

    services.close()
    seen = []

    def log_in():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, LoginDialog) and w.isVisible():
                assert w.form.username.count() == 4  # the accounts that can log in
                w.form.username.setCurrentIndex(w.form.username.findData("clerk1"))
                w.form.password.setText("wrong-password-1")
                w.submit()
                seen.append(w.form.error.text())
                w.form.password.setText("jingban2026")
                w.submit()
                QTimer.singleShot(50, close_window)
                return
        QTimer.singleShot(50, log_in)

    def close_window():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and w.actor is not None:
                if w.tasks.busy:  # the start-up backup is still being written
                    break
                seen.append((w.windowTitle(), w.user_label.text(), w.backup_label.text()))
                w.close()
                return
        QTimer.singleShot(50, close_window)

    QTimer.singleShot(50, log_in)
    assert gui_app.run_gui(data_dir, language="zh_CN") == 0
    assert "用户名或密码错误" in seen[0]
    title, user, _backup = seen[1]
    assert "清水镇" in title and user == "李秀英（经办人）"
    kinds = sorted(p.name.split("-")[3].split(".")[0] for p in (data_dir / "backups").glob("backup-*"))
    assert "startup" in kinds
    assert (data_dir / "logs").is_dir()


def test_run_gui_says_when_the_folder_is_open_elsewhere(qtbot, data_dir, monkeypatch, messages):
    import subprocess
    import sys

    from desktop_app.gui import app as gui_app

    code = ("import sys, time, pathlib\n"
            "from desktop_app.core.db import open_database\n"
            "db = open_database(pathlib.Path(sys.argv[1]))\nprint('open', flush=True)\n"
            "time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(data_dir)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert gui_app.run_gui(data_dir, language="zh_CN") == 1
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert "程序已在运行" in messages.texts() and str(data_dir) in messages.texts()


def test_run_gui_reports_a_damaged_database(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.gui import app as gui_app

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "township.sqlite3").write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: shown.append((title, text))))
    assert gui_app.run_gui(folder, language="zh_CN") == 1
    assert shown and "数据库" in shown[0][0] and str(folder) in shown[0][1]
