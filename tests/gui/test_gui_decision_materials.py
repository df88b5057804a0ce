"""Materials asked for at 审核确认 on the screens (issue 13): the 初审 / 审核确认 dialog lists
the bank account still owed with a status combo, an approval without it is refused at
that field with nothing written, choosing 收到 records it with the step; the county's
confirmation typed from paper never asks; a waiting task whose 低保 was refused gets a
button on the detail view that records how its material is provided now (released)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import RequestedItem, TaskStage
from desktop_app.core.services import Feedback
from desktop_app.gui.tracking import stage_dialogs as sd
from tests.core.test_dependents_service import accept as accept_with
from tests.core.test_dependents_service import without_procedure
from tests.gui.test_gui_stages import check, view_of, visit  # noqa: F401 (fixture)
from tests.helpers.gui import click, type_text

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _boxes(messages):
    yield messages
    assert not messages.shown, messages.texts()


def bank_status(services, task_id) -> str:
    with services.ctx.db.read() as s:
        return next(m.status for m in s.get_one(RequestedItem, task_id).materials
                    if m.code == "BANK_ACCOUNT")


def steps(services) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(TaskStage))


def test_first_review_asks_for_the_bank_account_and_records_it(
        qtbot, services, township, view_of):  # noqa: F811
    r = accept_with(services, township, ("DIBAO",), **{"DIBAO.BANK_ACCOUNT": "missing"})
    tid = next(t.task_id for t in services.handling.tasks_for_application(r.application_id))
    visit(services, township, tid)
    check(services, township, tid)
    view = view_of(r.application_id)
    click(qtbot, view.stage_bars[0].next_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.FirstReviewDialog)
    box = dialog.findChild(sd.QComboBox, "material_BANK_ACCOUNT")
    assert box is not None and box.isVisible()
    assert [box.itemText(i) for i in range(box.count())][0] == "尚未提供"
    assert "已收取" in [box.itemText(i) for i in range(box.count())]
    type_text(qtbot, dialog.opinion, "符合条件，拟同意")
    before = steps(services)
    click(qtbot, dialog.ok)                                   # approve without it
    label = dialog.errors._slots["materials"].label
    assert dialog.isVisible() and not label.isHidden()
    assert "审核确认前须提供" in label.text() and "银行账户" in label.text()
    assert steps(services) == before and bank_status(services, tid) == "missing"
    box.setCurrentIndex(box.findData("received"))
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: steps(services) == before + 1)
    assert bank_status(services, tid) == "received"


def test_county_paper_reply_does_not_ask(qtbot, services, township):
    from desktop_app.gui.tracking.stage_dialogs import CountyDialog
    from tests.helpers.gui import actor_for

    r = accept_with(services, township, ("DIBAO",), **{"DIBAO.BANK_ACCOUNT": "missing"})
    row = services.handling.tasks_for_application(r.application_id)[0]
    actor = actor_for(services, "admin")
    dialog = CountyDialog(services, None, lambda: actor, row)
    qtbot.addWidget(dialog)
    assert dialog.findChild(sd.QComboBox, "material_BANK_ACCOUNT") is None
    decision = sd.DecisionDialog(services, None, lambda: actor, row)
    qtbot.addWidget(decision)
    assert decision.findChild(sd.QComboBox, "material_BANK_ACCOUNT") is not None


def test_flagged_waiting_task_is_decided_from_the_detail(qtbot, services, township, view_of):  # noqa: F811
    r = accept_with(services, township, ("DIBAO", "MEDICAL"),
                    **{"MEDICAL.ASSISTANCE_STATUS": "awaiting"})
    rows = {t.item_code: t for t in services.handling.tasks_for_application(r.application_id)}
    view = view_of(r.application_id)
    assert not view.waiting_button.isVisible()                # waiting, not flagged yet
    services.handling.record_feedback(without_procedure(services, rows["DIBAO"].task_id),
                                      Feedback("refused", "2026-11-24", "收入高于标准"), township)
    view.reload()
    assert view.waiting_button.isVisible()
    click(qtbot, view.waiting_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.WaitingDecisionDialog)
    box = dialog.findChild(sd.QComboBox, "material_ASSISTANCE_STATUS")
    click(qtbot, dialog.ok)                                   # nothing chosen: told so
    assert dialog.isVisible() and dialog.general.text()
    box.setCurrentIndex(box.findData("received"))
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    med = next(t for t in services.handling.tasks_for_application(r.application_id)
               if t.item_code == "MEDICAL")
    assert med.waiting_for == "" and med.due_date is not None
    qtbot.waitUntil(lambda: not view.waiting_button.isVisible())
