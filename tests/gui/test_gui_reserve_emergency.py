"""先行救助 drawn from the 临时救助备用金, as the clerk meets it in the 先行救助 dialog of
the tracking screen (issue 13): larger than the fund's balance → refused at the amount
field with both figures, nothing written, no 报县审批 box (it is not the ceiling); within
it → paid, and the 备用金 page shows the line."""

from __future__ import annotations

import pytest

from tests.gui.test_gui_tracking import dialogs, screen, select  # noqa: F401 (fixtures)
from tests.helpers.drafts import draft
from tests.helpers.gui import click, type_text

pytestmark = pytest.mark.gui


def test_emergency_aid_above_the_fund_balance_is_refused_at_the_amount_field(
        qtbot, screen, services, township, dialogs, window):  # noqa: F811
    services.settings.update("reserve_fund", [
        {"effective_from": "2000-01-01", "enabled": True, "emergency_draws": True}], township)
    services.reserve.receive("1000", None, "县民政局拨付备用金", township)
    urgent = services.intake.decide(draft(services, items=("LINSHI_URGENT",), urgent=True),
                                    "accept", township)
    screen.refresh()
    select(screen, "LINSHI_URGENT")
    click(qtbot, screen.buttons["emergencyAction"])
    dialog = dialogs.last
    type_text(qtbot, dialog.amount, "1500")
    type_text(qtbot, dialog.cause, "房屋失火，生活无着")
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["amount"].label
    assert not label.isHidden()
    assert label.text() == ("备用金余额不足：2026-11-24 可用余额 1,000.00 元，本次支付 1,500.00 元，"
                            "差 500.00 元；请先登记拨入或报县审批")
    assert not dialog.escalate_box.isVisible()
    assert services.handling.year_aid(urgent.application_id) == []  # nothing written
    dialog.amount.clear()
    type_text(qtbot, dialog.amount, "1000")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    page = window.show_reserve()
    assert page.balance.text() == "备用金余额：0.00 元"
    assert [page.model.index(r, 2).data() for r in range(page.model.rowCount())] == [
        "拨入", "支付"]
