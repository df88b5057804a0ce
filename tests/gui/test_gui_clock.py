"""The start-up clock warning (issue 11): a modal the clerk must answer, in Chinese, with
what the clock says, the newest record and what to do; the answer is recorded; a clock
set back refuses the receipt at the intake screen through the error presenter; and
``run_gui`` shows the warning before the login."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from desktop_app.core.models import Event, NumberSeries
from desktop_app.core.services.clock import CLOCK_EVENT
from desktop_app.gui.auth.clock_warning import check_clock_at_startup, gap_text, warning_box

pytestmark = pytest.mark.gui

T0 = datetime(2026, 11, 24, 10, 0)


def _events(services, action=CLOCK_EVENT):
    with services.ctx.db.read() as s:
        return [json.loads(e.detail) for e in s.scalars(select(Event).where(Event.action == action))]


def _click_when_shown(name: str, seen: list) -> None:
    """Answer the modal from inside its own event loop (as a clerk would)."""
    def look():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == "clockWarning" and w.isVisible():
                seen.append((w.windowTitle(), w.text(), w.isModal()))
                w.findChild(QWidget, name).click()
                return
        QTimer.singleShot(20, look)
    QTimer.singleShot(20, look)


@pytest.mark.parametrize("gap,text", [
    (timedelta(minutes=11), "11 分钟"), (timedelta(hours=3), "3 小时"),
    (timedelta(hours=3, minutes=5), "3 小时 5 分钟"), (timedelta(days=2), "2 天"),
    (timedelta(days=400, hours=7), "400 天 7 小时"),
])
def test_gap_in_chinese(gap, text):
    assert gap_text(gap) == text


def test_behind_is_a_modal_in_chinese_and_rendered_at_1366x768(qtbot, services, township, clock,
                                                                tmp_path):
    clock.now = T0 - timedelta(days=1, hours=2)
    status = services.clock.status()
    assert status.behind
    screen = QWidget()
    screen.resize(1366, 768)
    qtbot.addWidget(screen)
    screen.show()
    box = warning_box(screen, status)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert box.windowTitle() == "电脑时钟慢了"
    text = box.text()
    assert "电脑时钟显示为 2026-11-23 08:00" in text
    assert "最近一条记录的时间是 2026-11-24 10:00" in text and "慢了 1 天 2 小时" in text
    assert "系统时间改为正确的北京时间" in text and "已记入操作日志" in text
    buttons = {b.objectName(): b.text() for b in box.buttons()}
    assert buttons == {"clockQuitButton": "退出并校正时钟", "clockContinueButton": "继续（只能查询）"}
    assert box.defaultButton().objectName() == "clockQuitButton"
    assert box.width() <= 1366 and box.height() <= 768
    box.grab().save(str(tmp_path / "clock-behind.png"))
    assert (tmp_path / "clock-behind.png").stat().st_size > 10_000


def test_far_ahead_box_text(qtbot, services, township, clock, tmp_path):
    from desktop_app.core.services.clock import program_date

    clock.now = datetime.combine(program_date(), datetime.min.time()) + timedelta(days=400)
    status = services.clock.status()
    box = warning_box(None, status)
    qtbot.addWidget(box)
    box.show()
    assert box.windowTitle() == "电脑时钟超前太多"
    assert "最近一条记录的时间是 2026-11-24 10:00" in box.text() and "超前了" in box.text()
    assert {b.text() for b in box.buttons()} == {"退出并校正时钟", "日期无误，继续"}
    box.grab().save(str(tmp_path / "clock-ahead.png"))


def test_startup_check_blocks_until_answered_and_records_the_answer(qtbot, services, township,
                                                                   clock, tasks):
    clock.now = T0 - timedelta(days=3)
    seen: list = []
    _click_when_shown("clockQuitButton", seen)
    assert check_clock_at_startup(None, services, tasks) is False
    assert seen and seen[0][0] == "电脑时钟慢了" and seen[0][2]  # modal
    assert _events(services) == [{"state": "behind", "clock": "2026-11-21T10:00:00",
                                  "newest": "2026-11-24T10:00:00", "gap_minutes": 3 * 24 * 60,
                                  "choice": "quit"}]
    _click_when_shown("clockContinueButton", seen)
    assert check_clock_at_startup(None, services, tasks) is True
    assert [e["choice"] for e in _events(services)] == ["quit", "continue"]


def test_startup_check_is_silent_when_the_clock_is_right(qtbot, services, township, clock, tasks):
    def never(*_a):
        raise AssertionError("no warning expected")
    assert check_clock_at_startup(None, services, tasks, ask=never) is True
    clock.now = T0 - timedelta(minutes=5)  # drift within the tolerance
    assert check_clock_at_startup(None, services, tasks, ask=never) is True
    assert _events(services) == []


def test_intake_save_with_the_clock_set_back_shows_the_refusal_and_keeps_the_form(
        qtbot, window, intake, services, township, clock, tmp_path):
    from tests.helpers.gui import click, decide, fill_valid, make_id

    decide(services, township, "王五", make_id("19580101", 17))  # a receipt at T0
    clock.now = T0 - timedelta(days=1)
    fill_valid(qtbot, intake)
    before = services.queries.count()
    click(qtbot, intake.accept_button)
    assert services.queries.count() == before
    assert intake.stack.currentWidget() is intake.form
    shown = intake.general_error.text()
    assert "电脑时钟显示的时间（2026-11-23 10:00）早于最近一条记录的时间（2026-11-24 10:00）" in shown
    assert "系统时间改为正确的北京时间" in shown and not intake.general_error.isHidden()
    assert intake.applicant.name.text() == "张三"  # nothing typed is lost
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / "intake-clock-behind.png"))


def test_run_gui_warns_before_the_login(qtbot, services, township, data_dir):
    """The real start-up path: a receipt number of a later day than the PC's clock (as a
    restore carries forward) — the warning comes before the login; quitting ends the run."""
    with services.ctx.db.transaction() as s:
        s.add(NumberSeries(day=date.today() + timedelta(days=3), last_seq=1))
    services.close()
    from desktop_app.core.services import Services
    from desktop_app.gui import app as gui_app

    seen: list = []
    _click_when_shown("clockQuitButton", seen)
    assert gui_app.run_gui(data_dir, language="zh_CN") == 0
    assert seen and seen[0][0] == "电脑时钟慢了"
    again = Services.open(data_dir)
    try:
        recorded = _events(again)
    finally:
        again.close()
    assert len(recorded) == 1 and recorded[0]["choice"] == "quit"
    assert recorded[0]["state"] == "behind"


def test_audit_screen_check_shows_time_running_backwards(qtbot, window, services, township, clock):
    from desktop_app.core.services.demo import DEMO_PASSWORDS
    from tests.helpers.drafts import draft

    services.intake.decide(draft(services), "accept", township)
    screen = window.show_audit()
    screen.run_check()
    assert "校验通过" in screen.check_result.text()
    clock.now = T0 - timedelta(days=2)
    services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"])  # stamped two days back
    screen.run_check()
    shown = screen.check_result.text()
    assert "电脑时钟曾被调回" in shown and "2026-11-22 10:00" in shown
    assert "发现问题" in shown


def test_audit_screen_check_shows_an_acknowledged_setback_as_a_note(qtbot, window, services,
                                                                    township, clock):
    from tests.helpers.drafts import draft

    services.intake.decide(draft(services), "accept", township)
    clock.now = T0 - timedelta(days=2)
    services.clock.acknowledge(services.clock.status(), "continue")  # the start-up warning
    screen = window.show_audit()
    screen.run_check()
    shown = screen.check_result.text()
    assert "校验通过" in shown and "说明：" in shown and "启动时已提示并记录" in shown
