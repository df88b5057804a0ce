"""The cumulative temporary-assistance ceiling as the clerk meets it: the refusal with
its figures at the amount field of the 先行救助 and 回执 dialogs (issue #13)."""

from __future__ import annotations

import pytest

from desktop_app.core.services import EmergencyInput
from tests.gui.test_gui_tracking import dialogs, screen, select, task  # noqa: F401 (fixtures)
from tests.helpers.drafts import draft
from tests.helpers.gui import click, type_text
from tests.helpers.stages import finish_procedure

pytestmark = pytest.mark.gui


def accept(services, township, items):
    return services.intake.decide(draft(services, items=items, urgent=True), "accept", township)


def test_a_second_payment_on_the_incident_is_refused_at_the_amount_field(
        qtbot, screen, services, township, dialogs):  # noqa: F811
    urgent = accept(services, township, ("LINSHI_URGENT",))
    services.handling.record_emergency(urgent.application_id, EmergencyInput(
        "3000", "现金", "房屋失火，生活无着"), township)
    screen.refresh()
    select(screen, "LINSHI_URGENT")
    click(qtbot, screen.buttons["emergencyAction"])
    dialog = dialogs.last
    assert "1" in dialog.year.text() and "3,000.00" in dialog.year.text()
    type_text(qtbot, dialog.amount, "3000")
    type_text(qtbot, dialog.cause, "再次受灾")
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["amount"].label
    assert not label.isHidden()
    assert label.text() == ("本次金额 3,000.00 元，本事项已救助 1 次共 3,000.00 元，合计 6,000.00 元，"
                            "超过乡镇（街道）临时救助审批额度 3,000.00 元，请报县审批（报县民政局审批）")
    assert dialog.escalate_box.isVisible()  # the only path: 报县审批
    assert len(services.handling.year_aid(urgent.application_id)) == 1  # nothing written


def test_an_expense_decision_above_the_ceiling_is_refused_at_the_amount_field(
        qtbot, screen, services, township, dialogs):  # noqa: F811
    expense = accept(services, township, ("LINSHI_EXPENSE",))
    finish_procedure(services, township, task(services, expense.application_id,
                                              "LINSHI_EXPENSE").task_id, services.ctx.today())
    screen.refresh()
    select(screen, "LINSHI_EXPENSE")
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = dialogs.last
    type_text(qtbot, dialog.result_text, "同意给予临时救助")
    type_text(qtbot, dialog.amount, "50000")
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["amount"].label
    assert not label.isHidden()
    assert "50,000.00" in label.text() and "3,000.00" in label.text() and "报县审批" in label.text()
    assert task(services, expense.application_id, "LINSHI_EXPENSE").status == "in_progress"
    # the only path beyond the ceiling, offered in the same dialog: 报县审批
    assert dialog.escalate_box.isVisible()


def test_an_expense_case_above_the_ceiling_is_reported_to_the_county_from_the_dialog(
        qtbot, screen, services, township, dialogs, opener):  # noqa: F811
    """The refusal's advice (报县审批) can be followed at once: the 回执 dialog's 报县审批
    sends the 支出型 task to the county with a 转办单, which opens."""
    from tests.gui.test_gui_tracking import pdf_text

    expense = accept(services, township, ("LINSHI_EXPENSE",))
    finish_procedure(services, township, task(services, expense.application_id,
                                              "LINSHI_EXPENSE").task_id, services.ctx.today())
    screen.refresh()
    select(screen, "LINSHI_EXPENSE")
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = dialogs.last
    type_text(qtbot, dialog.result_text, "同意给予临时救助")
    type_text(qtbot, dialog.amount, "50000")
    click(qtbot, dialog.ok)
    assert dialog.escalate_box.isVisible()
    click(qtbot, dialog.escalate_box.button)
    assert not dialog.isVisible()
    t = task(services, expense.application_id, "LINSHI_EXPENSE")
    assert (t.status, t.handler_code) == ("to_refer", "MCA")
    assert "县民政局" in pdf_text(opener.opened[-1])
    assert "转办单" in screen.message.text() or "县" in screen.message.text()
