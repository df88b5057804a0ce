"""Start-up on a large database (gui/opening.py): the login dialog paints while the
services open behind it; the clock warning still comes before anyone is logged in."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from desktop_app.core.models import Event, NumberSeries

pytestmark = pytest.mark.gui


@pytest.fixture
def large(monkeypatch):
    """Every database counts as large (its full check deferred): the opening path."""
    from desktop_app.gui import app as gui_app

    monkeypatch.setattr(gui_app, "INLINE_CHECK_BYTES", 0)


def _later(fn, ms: int = 30) -> None:
    QTimer.singleShot(ms, fn)


def _login_dialog():
    from desktop_app.gui.auth.login import LoginDialog

    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, LoginDialog) and w.isVisible()), None)


def test_the_login_shows_while_the_services_open(qtbot, services, township, data_dir, large,
                                                 monkeypatch):
    from desktop_app.core.services import Services
    from desktop_app.gui import app as gui_app
    from desktop_app.gui.main_window import MainWindow

    services.close()
    real_open = Services.open.__func__
    gate, entered, finished = threading.Event(), threading.Event(), threading.Event()

    def slow_open(cls, *args, **kwargs):
        entered.set()
        gate.wait(5)  # held until the test has seen the dialog (or gives up)
        finished.set()
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(Services, "open", classmethod(slow_open))
    seen: dict = {}

    def at_dialog():
        dialog = _login_dialog()
        if dialog is None:
            return _later(at_dialog)
        seen["opening"] = entered.is_set() and not finished.is_set()
        seen["names"] = dialog.form.username.count()
        seen["heading"] = dialog.findChild(QWidget, "loginHeading").text()
        dialog.form.username.setCurrentIndex(dialog.form.username.findData("clerk1"))
        dialog.form.password.setText("jingban2026")
        gate.set()
        dialog.submit()  # waits for the services, then logs in
        _later(at_window)

    def at_window():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and w.actor is not None:
                seen["user"] = w.user_label.text()
                w.close()
                return
        _later(at_window)

    _later(at_dialog)
    assert gui_app.run_gui(data_dir, language="zh_CN") == 0
    assert seen["opening"], "the dialog painted only after the services were open"
    assert seen["names"] == 4 and "清水镇" in seen["heading"]
    assert seen["user"] == "李秀英（经办人）"


def test_the_clock_warning_comes_before_the_login(qtbot, services, township, data_dir, large):
    """As on the ordinary path (test_gui_clock): a clock behind the newest record asks
    first; quitting ends the run and nobody was logged in."""
    from desktop_app.core.services import Services
    from desktop_app.gui import app as gui_app

    with services.ctx.db.transaction() as s:
        s.add(NumberSeries(day=date.today() + timedelta(days=3), last_seq=1))
    services.close()
    seen: list = []

    def at_dialog():
        dialog = _login_dialog()
        if dialog is None:
            return _later(at_dialog)
        dialog.form.username.setCurrentIndex(dialog.form.username.findData("clerk1"))
        dialog.form.password.setText("jingban2026")
        _later(at_warning)
        dialog.submit()

    def at_warning():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == "clockWarning" and w.isVisible():
                seen.append(w.windowTitle())
                w.findChild(QWidget, "clockQuitButton").click()
                return
        _later(at_warning)

    _later(at_dialog)
    assert gui_app.run_gui(data_dir, language="zh_CN") == 0
    assert seen == ["电脑时钟慢了"]
    again = Services.open(data_dir)
    try:
        with again.ctx.db.read() as s:
            actions = [e.action for e in s.scalars(select(Event))]
            details = [json.loads(e.detail) for e in s.scalars(
                select(Event).where(Event.action == "system.clock_warning"))]
    finally:
        again.close()
    assert "auth.login" not in actions
    assert [d["choice"] for d in details] == ["quit"]


def test_the_full_check_still_runs_once_the_window_is_usable(qtbot, services, township,
                                                             data_dir, large, monkeypatch):
    """The deferred ``quick_check`` reads the whole file; it starts after the login (not
    during the typing, where it saturated the disk) and still runs."""
    from desktop_app.core import startup
    from desktop_app.gui import app as gui_app
    from desktop_app.gui.main_window import MainWindow

    services.close()
    monkeypatch.setattr(gui_app, "PRINTING_WARM_UP_DELAY_MS", 100)
    calls: list = []
    real_check = startup.check_data_folder

    def check(folder, *args, **kwargs):
        calls.append(any(isinstance(w, MainWindow) and w.actor is not None
                         for w in QApplication.topLevelWidgets()))
        return real_check(folder, *args, **kwargs)

    monkeypatch.setattr(startup, "check_data_folder", check)

    def at_dialog():
        dialog = _login_dialog()
        if dialog is None:
            return _later(at_dialog)
        dialog.form.username.setCurrentIndex(dialog.form.username.findData("clerk1"))
        dialog.form.password.setText("jingban2026")
        dialog.submit()
        _later(at_window)

    def at_window():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and w.actor is not None and calls \
                    and not w.tasks.busy:
                w.close()
                return
        _later(at_window)

    _later(at_dialog)
    assert gui_app.run_gui(data_dir, language="zh_CN") == 0
    assert calls == [True]  # once, with the clerk's window already there
