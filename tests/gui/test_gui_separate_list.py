"""单独登记名单: supervisors and administrators see the applications of staff and cadre
relatives (and only those); a clerk gets the services' refusal; double-click or Enter
asks to open the application."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, Qt
from test_gui_translations import english_in

from desktop_app.gui.tracking.separate_list import (
    COL_DATE,
    COL_NAME,
    COL_NOTE,
    COL_NUMBER,
    COL_STATUS,
    SeparateListView,
)
from tests.helpers.drafts import draft, resident_id
from tests.helpers.gui import actor_for, make_window

pytestmark = pytest.mark.gui

NOTE = "申请人系石桥村村委会主任之兄"


@pytest.fixture
def flagged(services, township, clock):
    """Two flagged applications on different days, one ordinary application."""
    first = services.intake.decide(draft(
        services, items=("DIBAO",), staff_relative=True, staff_relative_note=NOTE),
        "accept", township)
    services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=7)),
                           "accept", township)
    clock.now = datetime(2026, 12, 2, 10, 0)
    second = services.intake.decide(draft(
        services, name="钱七", id_number=resident_id(seed=9), items=("MEDICAL",),
        staff_relative=True, staff_relative_note="申请人系乡民政办工作人员之母"),
        "accept", township)
    return first, second


def make_list(qtbot, services, username: str) -> SeparateListView:
    actor = actor_for(services, username)
    view = SeparateListView(services, lambda: actor)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def cell(view, row, col):
    return view.model.index(row, col).data()


def test_supervisor_sees_flagged_applications_only(qtbot, services, flagged, messages):
    first, second = flagged
    view = make_list(qtbot, services, "supervisor")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)  # loaded once shown
    numbers = [cell(view, r, COL_NUMBER) for r in range(view.model.rowCount())]
    assert numbers == [second.number, first.number]  # newest first
    assert [cell(view, r, COL_NAME) for r in range(2)] == ["钱七", "张三"]
    assert cell(view, 1, COL_NOTE) == NOTE and cell(view, 1, COL_STATUS) == "已受理"
    assert cell(view, 1, COL_DATE) == "2026-11-24"
    assert view.count.text() == "共 2 件"
    assert not messages.shown and view.message.isHidden()
    assert not english_in(view)

    # The intake-date filter narrows the loaded rows.
    view.date_from.setDate(QDate(2026, 12, 1))
    view.date_to.setDate(QDate(2026, 12, 31))
    view.by_date.setChecked(True)
    assert [cell(view, r, COL_NUMBER) for r in range(view.model.rowCount())] == [second.number]
    assert view.count.text() == "显示 1 件，共 2 件"
    view.by_date.setChecked(False)
    assert view.model.rowCount() == 2


def test_double_click_and_enter_open_the_application(qtbot, services, flagged):
    first, second = flagged
    view = make_list(qtbot, services, "admin")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    rect = view.view.visualRect(view.model.index(1, COL_NAME))
    with qtbot.waitSignal(view.openApplication) as opened:
        qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [first.application_id]
    view.view.setCurrentIndex(view.model.index(0, COL_NUMBER))
    view.view.setFocus()
    with qtbot.waitSignal(view.openApplication) as opened:
        qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert opened.args == [second.application_id]


def test_clerk_gets_the_refusal_and_no_rows(qtbot, services, flagged, messages):
    view = make_list(qtbot, services, "clerk1")
    qtbot.waitUntil(lambda: bool(messages.shown))
    assert view.model.rowCount() == 0 and view.denied
    assert "只有负责人或管理员可以查看单独登记名单" in messages.texts()
    assert view.message.text() == "只有负责人或管理员可以查看单独登记名单"
    assert not english_in(view)


def test_main_window_offers_the_list_to_supervisors_only(qtbot, services, flagged, opener,
                                                         data_dir):
    win = make_window(qtbot, services, actor_for(services, "supervisor"), opener, data_dir)
    assert win.separate_action.isVisible() and win.separate_action.isEnabled()
    win.separate_action.trigger()
    view = win.stack.currentWidget()
    assert isinstance(view, SeparateListView)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    clerk = make_window(qtbot, services, actor_for(services, "clerk1"), opener, data_dir)
    assert not clerk.separate_action.isVisible()
