"""转办跟踪 driven as a clerk would: overdue and due-soon rows, filters, the 回执
dialogs (signature, result, validation), the day's 转办清单, 先行救助 above the
ceiling with escalation, re-checks, and every string translated."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop_app.core.models import RequestedItem
from desktop_app.core.services import Feedback
from desktop_app.gui.tracking.model import (
    COL_APPLICANT,
    COL_ITEM,
    COL_LEFT,
    COL_NUMBER,
    COL_STATUS,
    DUE_SOON_BG,
    OVERDUE_BG,
    RowRole,
)
from tests.helpers.drafts import draft, resident_id
from tests.helpers.gui import click, pdf_text, type_text

pytestmark = pytest.mark.gui

TODAY = datetime(2026, 11, 24, 10, 0)


def accept(services, township, items, **kw):
    return services.intake.decide(draft(services, items=items, **kw), "accept", township)


def rows(screen):
    m = screen.model
    return [m.index(r, 0).data(RowRole) for r in range(m.rowCount())]


def row_of(screen, item_code: str, applicant: str | None = None) -> int:
    for i, r in enumerate(rows(screen)):
        if r.item_code == item_code and (applicant is None or r.applicant == applicant):
            return i
    raise AssertionError(f"no row for {item_code} {applicant or ''}")


def select(screen, item_code: str, applicant: str | None = None):
    i = row_of(screen, item_code, applicant)
    screen.view.selectRow(i)
    screen.view.setCurrentIndex(screen.model.index(i, 0))
    return screen.model.row_at(i)


def task(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


class Dialogs:
    """Stands in for ``dialog.exec()``: shows the dialog and keeps it for the test."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.shown: list = []

    def __call__(self, dialog) -> None:
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.shown.append(dialog)

    @property
    def last(self):
        return self.shown[-1]


@pytest.fixture
def dialogs(qtbot):
    return Dialogs(qtbot)


@pytest.fixture
def screen(window, dialogs):
    tracking = window.show_tracking()
    tracking.run_dialog = dialogs
    tracking.ask = lambda *a: True
    return tracking


def _late(services, clock):
    """张三: 医疗救助 accepted in June (overdue now); 王五: 法律援助 accepted today;
    赵六: 流浪乞讨人员救助 due today (due soon)."""
    from desktop_app.core.services.demo import create_demo_township

    clock.now = datetime(2026, 6, 1, 10, 0)  # before any record: the clock never goes back
    township = create_demo_township(services)  # as the ``township`` fixture does
    old = accept(services, township, ("MEDICAL",))
    clock.now = TODAY
    new = accept(services, township, ("LEGAL_AID",), name="王五", id_number=resident_id(seed=7))
    soon = accept(services, township, ("VAGRANT",), name="赵六", id_number=resident_id(seed=9),
                  members=[])
    return old, new, soon


POPULATED = {"late": _late}


@pytest.fixture
def late(populated_template, data_dir, services, township, clock, window):
    """The three decisions of :func:`_late`, already in ``data_dir``'s database."""
    assert clock.now == TODAY
    old, new, soon = populated_template(_late, data_dir)[1]
    if window.tracking is not None:
        window.tracking.refresh()
    return old, new, soon


def test_toolbar_and_shortcut_open_the_tracking_screen(qtbot, window, late):
    action = window.tracking_action
    assert action.isVisible() and action.isEnabled()
    assert action.shortcut() == QKeySequence("Ctrl+T")
    action.trigger()
    assert window.stack.currentWidget() is window.tracking
    assert window.tracking.model.rowCount() == 3


def test_overdue_rows_are_red_and_say_so_due_soon_amber(qtbot, screen, late):
    m = screen.model
    overdue = row_of(screen, "MEDICAL")
    left = m.index(overdue, COL_LEFT).data()
    assert "逾期" in left and "工作日" in left
    assert m.index(overdue, COL_NUMBER).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    soon = row_of(screen, "VAGRANT")
    assert "临期" in m.index(soon, COL_LEFT).data()
    assert m.index(soon, COL_ITEM).data(Qt.ItemDataRole.BackgroundRole).color() == DUE_SOON_BG
    ok = row_of(screen, "LEGAL_AID")
    assert m.index(ok, COL_NUMBER).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "逾期" not in m.index(ok, COL_LEFT).data()
    assert m.index(ok, COL_STATUS).data() == "待转办"
    assert "1 项逾期" in screen.count.text().replace("，", " ").replace(" ", " ") or \
        "逾期" in screen.count.text()
    # Sorted by due date: the June application comes first.
    assert m.index(0, COL_APPLICANT).data() == "张三"
    screen.view.sortByColumn(COL_LEFT, Qt.SortOrder.DescendingOrder)
    assert m.index(m.rowCount() - 1, COL_APPLICANT).data() == "张三"


def test_filters_narrow_the_rows(qtbot, screen, services, township, late):
    def choose(combo, data):
        combo.setCurrentIndex(combo.findData(data))

    assert screen.model.rowCount() == 3
    choose(screen.state, "state:overdue")
    assert [r.applicant for r in rows(screen)] == ["张三"]
    choose(screen.state, "state:due_soon")
    assert [r.item_code for r in rows(screen)] == ["VAGRANT"]
    choose(screen.state, None)
    choose(screen.department, "JUSTICE")
    assert [r.item_code for r in rows(screen)] == ["LEGAL_AID"]
    choose(screen.department, None)
    choose(screen.item, "MEDICAL")
    assert [r.item_code for r in rows(screen)] == ["MEDICAL"]
    choose(screen.item, None)
    other = services.setup.villages()[1].id
    choose(screen.village, other)
    assert screen.model.rowCount() == 0
    choose(screen.village, None)
    assert screen.clerk.count() >= 2
    choose(screen.clerk, services.accounts.find("clerk1").id)
    assert screen.model.rowCount() == 0
    choose(screen.clerk, None)
    choose(screen.state, "status:to_refer")
    assert screen.model.rowCount() == 3
    choose(screen.state, None)
    # A finished task shows only with 含已办结.
    old = late[0]
    services.handling.issue_handover_list("HEALTHCARE", township)
    services.handling.record_feedback(task(services, old.application_id, "MEDICAL").task_id,
                                      Feedback("done", "2026-11-24", amount="800"), township)
    screen.refresh()
    assert screen.model.rowCount() == 2
    screen.include_final.setChecked(True)
    assert screen.model.rowCount() == 3
    done = row_of(screen, "MEDICAL")
    assert screen.model.index(done, COL_LEFT).data() == "—"


def test_double_click_and_enter_open_the_application(qtbot, window, screen, late):
    old = late[0]
    i = row_of(screen, "MEDICAL")
    rect = screen.view.visualRect(screen.model.index(i, COL_NUMBER))
    qtbot.mouseClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert old.application_id in window.details
    window.details[old.application_id].close()
    qtbot.waitUntil(lambda: old.application_id not in window.details)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    assert old.application_id in window.details


def test_handover_list_button_writes_the_pdf_and_tasks_become_referred(
        qtbot, screen, services, township, opener, late):
    accept(services, township, ("MEDICAL", "EDUCATION"), name="孙八",
           id_number=resident_id(seed=11))
    screen.refresh()
    combo = screen.handover_dept
    assert combo.count() == 4  # 县医保局 (2), 县教育局, 县司法局, 县救助管理站
    assert any("县医保局" in combo.itemText(i) and "2" in combo.itemText(i)
               for i in range(combo.count()))
    combo.setCurrentIndex(combo.findData("HEALTHCARE"))
    click(qtbot, screen.handover_button)
    assert screen.last_list.path.exists()   # written, and printed (issue 14), not opened
    assert "已发送到打印机" in screen.message.text() and not opener.opened
    text = pdf_text(screen.last_list.path)
    assert "转办清单" in text and "县医保局" in text and "张三" in text and "孙八" in text
    assert "县教育局" not in text
    assert {r.status_label for r in rows(screen) if r.item_code == "MEDICAL"} == {"已转办"}
    assert combo.findData("HEALTHCARE") < 0 and combo.count() == 3
    assert "转办清单" in screen.message.text()


def test_sign_dialog_records_the_signature(qtbot, screen, services, township, dialogs, late):
    services.handling.issue_handover_list("HEALTHCARE", township)
    screen.refresh()
    r = select(screen, "MEDICAL")
    assert screen.sign_action.isEnabled() and not screen.re_refer_action.isEnabled()
    click(qtbot, screen.buttons["signAction"])
    dialog = dialogs.last
    type_text(qtbot, dialog.signed_by, "赵医保")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    t = task(services, r.application_id, "MEDICAL")
    assert (t.status, t.signed_by) == ("signed", "赵医保")
    assert screen.model.index(row_of(screen, "MEDICAL"), COL_STATUS).data() == "已签收"


def test_feedback_dialog_records_a_result_and_the_task_leaves_the_open_list(
        qtbot, screen, services, township, dialogs, opener, late):
    old = late[0]
    services.handling.issue_handover_list("HEALTHCARE", township)
    screen.refresh()
    select(screen, "MEDICAL")
    assert screen.feedback_action.isEnabled()
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = dialogs.last
    assert dialog.sign_box.isVisible()  # not signed yet: the 回执 carries the signature
    type_text(qtbot, dialog.result_text, "同意给予医疗救助")
    type_text(qtbot, dialog.amount, "2400")
    type_text(qtbot, dialog.signed_by, "钱七")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()
    t = task(services, old.application_id, "MEDICAL")
    assert (t.status, t.amount, t.signed_by) == ("done", "2,400.00 元", "钱七")
    assert "MEDICAL" not in {r.item_code for r in rows(screen)}
    # The only item: the application closed, and the result notice printed when asked.
    assert "办结" in screen.message.text()
    assert services.queries.detail(old.application_id).row.status == "closed"
    notices = [d for d in services.documents.for_application(old.application_id)
               if d.kind == "result_notice"]
    assert len(notices) == 1 and opener.opened[-1] == notices[0].path
    assert "2,400.00" in pdf_text(notices[0].path)


def test_feedback_validation_errors_show_at_the_fields_and_nothing_is_saved(
        qtbot, screen, services, township, dialogs, late):
    old = late[0]
    services.handling.issue_handover_list("HEALTHCARE", township)
    screen.refresh()
    select(screen, "MEDICAL")
    screen.record_feedback()
    dialog = dialogs.last
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("refused"))
    assert not dialog.amount.isEnabled()
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["result_text"].label
    assert not label.isHidden() and "不予办理的理由" in label.text()
    # A wrong amount on a completed result, with the period reversed.
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("done"))
    type_text(qtbot, dialog.amount, "abc")
    dialog.set_period(datetime(2027, 3, 1).date(), datetime(2027, 1, 1).date())
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    assert not dialog.errors._slots["amount"].label.isHidden()
    assert "截止月" in dialog.errors._slots["period_to"].label.text()
    assert task(services, old.application_id, "MEDICAL").status == "referred"
    assert services.queries.detail(old.application_id).row.status == "accepted"


def test_returned_task_is_referred_again_with_a_new_slip(
        qtbot, screen, services, township, dialogs, opener, late):
    old = late[0]
    services.handling.issue_handover_list("HEALTHCARE", township)
    services.handling.record_feedback(task(services, old.application_id, "MEDICAL").task_id,
                                      Feedback("returned", "2026-11-24", "缺少住院费用清单"),
                                      township)
    screen.refresh()
    select(screen, "MEDICAL")
    assert screen.re_refer_action.isEnabled() and not screen.feedback_action.isEnabled()
    click(qtbot, screen.buttons["reReferAction"])
    assert opener.opened[-1].name.startswith(f"{old.number}-Z2")
    assert task(services, old.application_id, "MEDICAL").status == "to_refer"
    assert "县医保局" in pdf_text(opener.opened[-1])


def test_emergency_aid_above_the_ceiling_shows_the_error_and_escalates(
        qtbot, screen, services, township, dialogs, opener):
    urgent = accept(services, township, ("LINSHI_URGENT",), urgent=True)
    screen.refresh()
    select(screen, "LINSHI_URGENT")
    assert screen.emergency_action.isEnabled()
    click(qtbot, screen.buttons["emergencyAction"])
    dialog = dialogs.last
    assert "3,000.00" in dialog.ceiling.text()
    type_text(qtbot, dialog.amount, "3500")
    type_text(qtbot, dialog.cause, "房屋失火，生活无着")
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["amount"].label
    assert not label.isHidden() and "超过乡镇先行救助限额" in label.text()
    assert dialog.escalate_box.isVisible()
    click(qtbot, dialog.escalate_button)
    assert not dialog.isVisible()
    t = task(services, urgent.application_id, "LINSHI_URGENT")
    assert (t.status, t.handler_code) == ("to_refer", "MCA")
    assert "县民政局" in pdf_text(opener.opened[-1])
    assert "报县审批" in screen.message.text() or "县" in screen.message.text()
    select(screen, "LINSHI_URGENT")
    assert not screen.emergency_action.isEnabled()


def test_emergency_aid_within_the_ceiling_prints_the_record(
        qtbot, screen, services, township, dialogs, opener):
    first = accept(services, township, ("LINSHI_URGENT",), urgent=True)
    services.handling.record_emergency(
        first.application_id, __import__("desktop_app.core.services", fromlist=["x"])
        .EmergencyInput("800", "现金", "突发疾病"), township)
    second = accept(services, township, ("LINSHI_URGENT",), urgent=True)
    screen.refresh()
    i = next(i for i, r in enumerate(rows(screen)) if r.application_id == second.application_id)
    screen.view.selectRow(i)
    screen.record_emergency()
    dialog = dialogs.last
    assert "800.00" in dialog.year.text() and "突发疾病" in dialog.year.text()
    type_text(qtbot, dialog.amount, "1500")
    type_text(qtbot, dialog.cause, "子女意外受伤")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()
    assert opener.opened[-1].name.startswith(f"{second.number}-J1")
    assert "1,500.00" in pdf_text(opener.opened[-1])


def test_context_menu_offers_the_actions_enabled_per_status(qtbot, screen, late):
    i = row_of(screen, "MEDICAL")
    pos = screen.view.visualRect(screen.model.index(i, 0)).center()
    menu = screen._context_menu(pos)
    qtbot.addWidget(menu)
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions()}
    assert enabled["openTaskApplication"] and not enabled["signAction"]
    assert not enabled["feedbackAction"]  # 待转办: the list goes first
    menu.close()


def test_review_reminders_and_recording_a_review(qtbot, screen, services, township, dialogs):
    r = accept(services, township, ("TEKUN",), supporters_able=False)
    tekun = task(services, r.application_id, "TEKUN").task_id
    with services.ctx.db.transaction() as s:  # accepted before the procedure existed
        s.get(RequestedItem, tekun).stage = None
    services.handling.record_feedback(tekun, Feedback("done", "2026-11-24", amount="780"),
                                      township)
    screen.tabs.setCurrentIndex(1)
    assert screen.review_model.rowCount() == 0  # due in a year
    screen.within.setValue(400)
    assert screen.review_model.rowCount() == 1
    assert screen.review_model.index(0, 5).data() == "2027-11-24"
    screen.reviews.selectRow(0)
    click(qtbot, screen.review_button)
    # issue 15: the re-check is the 复核核查表 with the household prefilled
    dialog = dialogs.last
    assert dialog.objectName() == "worksheetDialog"
    assert dialog.editor.applicant.name.text() == "张三"
    click(qtbot, dialog.outcome_buttons["stop"])
    type_text(qtbot, dialog.stop_reason, "已死亡")
    type_text(qtbot, dialog.investigators, "王敏、李强")
    click(qtbot, dialog.save_button)
    assert dialog.stack.currentWidget() is dialog.done_page, dialog.general.text()
    assert screen.review_model.rowCount() == 0
    assert services.rechecks.due(within_days=800) == []


def test_tracking_screen_and_dialogs_are_translated(qtbot, screen, services, township, dialogs,
                                                     late, data_dir):
    from test_gui_translations import english_in

    services.handling.issue_handover_list("HEALTHCARE", township)
    accept(services, township, ("LINSHI_URGENT", "DIBAO"), urgent=True, name="钱九",
           id_number=resident_id(seed=13))
    screen.include_final.setChecked(True)
    screen.refresh()
    problems = english_in(screen, (str(data_dir),))
    select(screen, "MEDICAL")
    screen.record_signed()
    screen.record_feedback()
    dialogs.last.result_box.setCurrentIndex(dialogs.last.result_box.findData("refused"))
    dialogs.last.submit()
    select(screen, "LINSHI_URGENT")
    screen.record_emergency()
    type_text(qtbot, dialogs.last.amount, "99999")
    dialogs.last.submit()
    select(screen, "DIBAO")
    screen.record_feedback()
    for d in dialogs.shown:
        problems += english_in(d)
    screen.tabs.setCurrentIndex(1)
    problems += english_in(screen)
    assert not problems, "untranslated text:\n" + "\n".join(dict.fromkeys(problems))


def test_event_labels_of_handling_actions_are_translated():
    from desktop_app.gui.kit.labels import action_label

    for code in ("task.refer", "task.sign", "task.feedback", "task.re_refer", "task.review",
                 "emergency.pay", "emergency.escalate", "application.close"):
        label = action_label(code)
        assert label != code and not any(c.isascii() and c.isalpha() for c in label), label
