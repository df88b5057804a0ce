"""备用金 page driven as the 负责人 and a clerk would (issue 13): money in through the
dialog, a 先行救助 drawn elsewhere shows up through the change bus, an overdraw is
refused at the amount field with the figures, months ◀ ▶, the monthly statement
printed, and the buttons a clerk may not use are disabled."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.services import EmergencyInput, Feedback
from desktop_app.gui.reserve.screen import (
    COL_BALANCE,
    COL_BATCH,
    COL_IN,
    COL_KIND,
    COL_OUT,
    COL_TEXT,
)
from tests.helpers.drafts import draft
from tests.helpers.gui import actor_for, click, pdf_text, type_text
from tests.helpers.stages import finish_procedure

pytestmark = pytest.mark.gui

ON = [{"effective_from": "2000-01-01", "enabled": True, "emergency_draws": True}]


class Dialogs:
    """Stands in for ``dialog.exec()``: shows the dialog and keeps it for the test."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.shown: list = []

    def __call__(self, dialog) -> None:
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.shown.append(dialog)


@pytest.fixture
def page(window, services, township, qtbot):
    services.settings.update("reserve_fund", ON, township)
    screen = window.show_reserve()
    screen.run_dialog = Dialogs(qtbot)
    return screen


def cells(screen, col):
    m = screen.model
    return [m.index(r, col).data() for r in range(m.rowCount())]


def test_money_in_then_a_drawn_emergency_aid_and_an_overdraw(page, services, township, qtbot,
                                                             window):
    assert window.stack.currentWidget() is page
    assert window.reserve_action.isChecked() and window.reserve_action.text() == "备用金"
    assert page.balance.text() == "备用金余额：0.00 元"
    # 拨入 through the dialog, keyboard first: the amount has the focus
    click(qtbot, page.receive_button)
    dialog = page.run_dialog.shown[-1]
    assert dialog.objectName() == "receiveDialog" and dialog.focusWidget() is dialog.amount
    type_text(qtbot, dialog.amount, "2000")
    type_text(qtbot, dialog.text, "县民政局拨付第四季度备用金")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    assert page.balance.text() == "备用金余额：2,000.00 元"
    assert cells(page, COL_TEXT) == ["县民政局拨付第四季度备用金"]
    assert "拨入" in page.message.text() and "余额 2,000.00 元" in page.message.text()

    # a 先行救助 recorded on another screen draws from the fund: the page follows the bus
    r = services.intake.decide(draft(services, items=("LINSHI_URGENT",), urgent=True),
                               "accept", township)
    window.tasks.run(lambda: services.handling.record_emergency(
        r.application_id, EmergencyInput("1500", "现金", "房屋失火"), township), owner=window)
    assert cells(page, COL_KIND) == ["拨入", "支付"]
    assert cells(page, COL_OUT) == ["", "1,500.00"]
    assert cells(page, COL_BALANCE) == ["2,000.00", "500.00"]
    assert page.balance.text() == "备用金余额：500.00 元"

    # a result larger than the balance: refused at the amount field with the figures
    e = services.intake.decide(draft(services, items=("LINSHI_EXPENSE",), name="王五"),
                               "accept", township)
    t = next(t for t in services.handling.tasks_for_application(e.application_id))
    finish_procedure(services, township, t.task_id, services.ctx.today())  # 入户调查, 核对
    services.handling.record_feedback(t.task_id, Feedback(
        "done", "2026-11-24", "同意", amount="800"), township)
    click(qtbot, page.pay_button)
    pay = page.run_dialog.shown[-1]
    assert pay.task.count() == 1 and "王五" in pay.task.currentText()
    assert pay.amount.text() == "800.00"
    click(qtbot, pay.ok)
    assert pay.isVisible()  # refused: the dialog stays with the message at the field
    shown = [lbl.text() for lbl in pay.findChildren(type(page.error)) if lbl.text()]
    assert shown == ["备用金余额不足：2026-11-24 可用余额 500.00 元，本次支付 800.00 元，"
                     "差 300.00 元；请先登记拨入或报县审批"]
    assert page.model.rowCount() == 2  # nothing written
    pay.amount.clear()
    type_text(qtbot, pay.amount, "500")
    click(qtbot, pay.ok)
    assert not pay.isVisible() and page.balance.text() == "备用金余额：0.00 元"


def test_months_statement_and_a_clerks_buttons(page, services, township, qtbot, opener):
    services.reserve.receive("3000", "2026-10-15", "县民政局拨付", township)
    page.refresh()
    assert page.month_label.text() == "2026年11月" and page.model.rowCount() == 0
    assert not page.next_button.isEnabled()  # no future month
    click(qtbot, page.prev_button)
    assert page.month_label.text() == "2026年10月"
    assert cells(page, COL_IN) == ["3,000.00"]
    assert "上月结余 0.00" in page.totals.text() and "结余 3,000.00" in page.totals.text()
    click(qtbot, page.next_button)
    assert "上月结余 3,000.00" in page.totals.text()
    click(qtbot, page.prev_button)
    click(qtbot, page.statement_button)
    path = opener.opened[-1]
    assert path.name.endswith("-YB01-reserve_statement.pdf")
    text = pdf_text(path)
    assert "临时救助备用金月度收支明细" in text and "2026年10月" in text and "3,000.00" in text
    assert page.document.print_button.isEnabled()
    assert "月度明细" in page.message.text()

    # a clerk pays but does not manage the fund
    clerk = next(p for p in services.setup.staff() if p.role == "clerk")
    from desktop_app.core.services import Actor

    page.actor = lambda: Actor(clerk.id, clerk.name, clerk.role)
    page.refresh()
    assert not page.receive_button.isEnabled() and not page.batch_button.isEnabled()
    assert page.pay_button.isEnabled()
    assert page.receive_button.toolTip() == "只有负责人或管理员可以登记"


def test_a_supervisor_refunds_and_submits_a_batch(page, services, township, qtbot, opener):
    services.reserve.receive("3000", date(2026, 11, 2), "拨入", township)
    e = services.intake.decide(draft(services, items=("LINSHI_EXPENSE",)), "accept", township)
    t = next(t for t in services.handling.tasks_for_application(e.application_id))
    finish_procedure(services, township, t.task_id, services.ctx.today())  # 入户调查, 核对
    services.handling.record_feedback(t.task_id, Feedback("done", "2026-11-24", "同意",
                                                          amount="1000"), township)
    services.reserve.pay(task_id=t.task_id, by=township)
    page.actor = lambda: actor_for(services, "supervisor")
    page.refresh()
    page.view.setCurrentIndex(page.model.index(1, 0))
    assert page.refund_button.isEnabled()
    click(qtbot, page.refund_button)
    dialog = page.run_dialog.shown[-1]
    assert dialog.amount.text() == "1000.00" and dialog.focusWidget() is dialog.amount
    dialog.amount.clear()
    type_text(qtbot, dialog.amount, "200")
    type_text(qtbot, dialog.text, "多付部分退回")
    click(qtbot, dialog.ok)
    assert cells(page, COL_KIND) == ["拨入", "支付", "退回"]
    assert page.balance.text() == "备用金余额：2,200.00 元"
    # 报账: the batch dialog, then the printed 报账单 opens
    click(qtbot, page.batch_button)
    batch = page.run_dialog.shown[-1]
    assert "支付 1 笔，扣除退回后 800.00 元" in batch.head.text()
    click(qtbot, batch.ok)
    assert opener.opened[-1].name.endswith("-BZ01-reserve_batch.pdf")
    assert "800.00" in pdf_text(opener.opened[-1])
    assert cells(page, COL_BATCH) == ["", *[opener.opened[-1].name[:23]] * 2]
    assert "报账批次" in page.message.text()


def test_every_string_of_the_page_and_its_dialogs_is_chinese(page, services, township, qtbot):
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from desktop_app.gui.kit.labels import action_label

    services.reserve.receive("1000", None, "拨入", township)
    page.refresh()
    page.view.setCurrentIndex(page.model.index(0, 0))
    shown = [page]
    for open_dialog in (page.receive, page.pay, page.submit_batch, page.reimburse):
        shown.append(open_dialog())
    words = re.compile(r"[A-Za-z]{2,}")
    allowed = {"PDF", "Ctrl", "PgUp", "PgDown"}
    problems = []
    for w in shown:
        texts = [w.windowTitle()] if w is not page else []
        texts += [x.text() for x in w.findChildren(QLabel) + w.findChildren(QAbstractButton)]
        texts += [x.toolTip() for x in w.findChildren(QAbstractButton)]
        texts += [page.model.headerData(c, Qt.Orientation.Horizontal)
                  for c in range(page.model.columnCount())] if w is page else []
        problems += [t for t in texts if t and set(words.findall(t)) - allowed]
    assert not problems, problems
    for code, label in (("reserve.receipt", "备用金拨入"), ("reserve.payment", "备用金支付"),
                        ("reserve.refund", "备用金退回"), ("reserve.batch", "备用金报账")):
        assert action_label(code) == label


def test_an_administrator_turns_the_fund_on_from_the_page(window, services, qtbot):
    screen = window.show_reserve()
    screen.run_dialog = Dialogs(qtbot)
    assert "尚未启用备用金台账" in screen.state.text()
    assert not screen.receive_button.isEnabled()
    assert screen.setting_button.isVisible()  # the window's user is the administrator
    click(qtbot, screen.setting_button)
    dialog = screen.run_dialog.shown[-1]
    assert dialog.enabled.isChecked() and dialog.draws.isChecked()
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    assert services.reserve.status().enabled and screen.receive_button.isEnabled()
    assert "先行救助在登记时从备用金支付" in screen.state.text()
    screen.actor = lambda: actor_for(services, "supervisor")
    screen.refresh()
    assert not screen.setting_button.isVisible()
