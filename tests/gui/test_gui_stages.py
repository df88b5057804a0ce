"""The 审核确认 procedure as the clerk meets it (issue 13): the stage bar of the detail
view with its next action, the stage dialogs driven with real widgets over the real
stage service (Chinese typed through the input method), the service's refusals shown
at the field with nothing written, the document a step produced offered for printing,
and the tracking screen's 当前环节 / 环节时限 columns and batch lists."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from desktop_app.core.models import TaskStage
from desktop_app.core.services.handling.stage_types import StageInput
from desktop_app.gui.tracking import stage_dialogs as sd
from desktop_app.gui.tracking.model import COL_STAGE, COL_STAGE_DUE, OVERDUE_BG, RowRole
from tests.gui.test_gui_detail_timeline import make_view
from tests.gui.test_gui_tracking import Dialogs
from tests.gui.test_gui_tracking import select as select_row
from tests.helpers.drafts import draft, resident_id
from tests.helpers.gui import click, type_text

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _boxes(messages):
    """A message box would wait for a click: recorded instead (``messages.shown``)."""
    yield messages
    assert not messages.shown, messages.texts()


def accept(services, township, items=("DIBAO",), **kw):
    return services.intake.decide(draft(services, items=items, **kw), "accept", township)


def stage_rows(services) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(TaskStage))


def dibao_task(services, app_id):
    return next(t for t in services.handling.tasks_for_application(app_id)
                if t.item_code == "DIBAO")


def chip_state(bar, code: str) -> str:
    chip = bar.findChild(QWidget, f"chip_{code}")
    assert chip is not None, f"no chip {code}"
    return chip.property("state")


def tick(picker, n: int) -> None:
    for i in range(n):
        picker.list.item(i).setCheckState(Qt.CheckState.Checked)


@pytest.fixture
def view_of(qtbot, services, tasks, opener):
    shown = Dialogs(qtbot)

    def make(app_id):
        view = make_view(qtbot, services, tasks, opener, app_id)
        view.run_dialog = shown
        view.shown = shown
        return view

    return make


def visit(services, township, task_id, on="2026-11-24"):
    services.handling.record_stage(task_id, StageInput(
        "visit", on, people=("王建国", "李秀英"), text="住房简陋，无稳定收入"), township)


def check(services, township, task_id, on="2026-11-24"):
    services.handling.record_stage(task_id, StageInput(
        "check", on, done_on=on, ref="HD-2026-001", outcome="match"), township)


def first_review(services, township, task_id, on="2026-11-24"):
    services.handling.record_stage(task_id, StageInput(
        "first_review", on, outcome="approved", text="符合最低生活保障条件，拟同意"), township)


def test_stage_bar_shows_the_procedure_and_its_next_action_records_the_visit(
        qtbot, services, township, view_of):
    r = accept(services, township)
    view = view_of(r.application_id)
    assert view.stages_box.isVisible()
    bar = view.stage_bars[0]
    assert chip_state(bar, "visit") == "current"
    assert chip_state(bar, "review") == "pending"
    assert not bar.dispute_button.isVisible()           # only once visit and check are done
    # its due date (provisional 2027: 元旦 not counted, issue #14)
    assert "时限 2027-01-06" in bar.findChild(QWidget, "chip_visit").text()
    assert bar.next_button.isVisible() and bar.next_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "入户调查" in bar.next_button.text()
    click(qtbot, bar.next_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.VisitDialog)
    assert dialog.windowTitle() == "登记入户调查"

    # one investigator: refused at the field, nothing written
    tick(dialog.people, 1)
    type_text(qtbot, dialog.findings, "住房为土木结构，家中无劳动力")
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["people"].label
    assert not label.isHidden() and label.text()
    assert stage_rows(services) == 0

    # a second one typed by name (not an account)
    type_text(qtbot, dialog.people.others, "村委会赵六")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    assert stage_rows(services) == 1
    bar = view.stage_bars[0]                         # the view reloaded from the bus
    assert chip_state(bar, "visit") == "done"
    assert "✓" in bar.findChild(QWidget, "chip_visit").text()
    assert chip_state(bar, "check") == "current"
    plan = services.handling.stage_plan(dibao_task(services, r.application_id).task_id)
    visit_view = next(s for s in plan.steps if s.code == "visit")
    assert visit_view.state == "done" and visit_view.started_on.isoformat() == "2026-11-24"


def test_check_is_requested_then_its_report_completes_it(qtbot, services, township, view_of):
    r = accept(services, township)
    task_id = dibao_task(services, r.application_id).task_id
    visit(services, township, task_id)
    view = view_of(r.application_id)
    click(qtbot, view.stage_bars[0].next_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.CheckDialog)
    assert not dialog.ref.isEnabled()                # no report yet: only the request
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    bar = view.stage_bars[0]
    assert chip_state(bar, "check") == "running"

    click(qtbot, bar.next_button)
    dialog = view.shown.last
    assert dialog.result_in.isChecked() and dialog.ref.isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("discrepancy"))
    assert dialog.explained.isEnabled()
    type_text(qtbot, dialog.ref, "HD-2026-118")
    type_text(qtbot, dialog.explained, "存款与申报不一致，申请人已说明为借款")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    assert chip_state(view.stage_bars[0], "check") == "done"


def test_a_back_dated_step_is_refused_at_the_date_with_the_date_and_nothing_written(
        qtbot, services, township, view_of):
    from PySide6.QtCore import QDate

    r = accept(services, township)
    view = view_of(r.application_id)
    click(qtbot, view.stage_bars[0].next_button)
    dialog = view.shown.last
    dialog.started_on.setDate(QDate(2026, 11, 1))    # before the acceptance
    tick(dialog.people, 2)
    click(qtbot, dialog.ok)
    assert dialog.isVisible()
    label = dialog.errors._slots["started_on"].label
    assert not label.isHidden() and "2026" in label.text()
    assert stage_rows(services) == 0


def test_the_dispute_opens_the_village_review_and_the_extension_prints_its_notice(
        qtbot, services, township, view_of, opener):
    r = accept(services, township)
    task_id = dibao_task(services, r.application_id).task_id
    visit(services, township, task_id)
    check(services, township, task_id)
    view = view_of(r.application_id)
    bar = view.stage_bars[0]
    assert bar.dispute_button.isVisible()
    click(qtbot, bar.dispute_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.VillageReviewDialog)
    type_text(qtbot, dialog.dispute, "邻居反映其子在外务工收入较高")
    tick(dialog.people, 2)
    type_text(qtbot, dialog.conclusion, "经评议，其子已分户，收入不计入")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    assert chip_state(view.stage_bars[0], "review") == "done"

    bar = view.stage_bars[0]
    assert bar.extend_button.isVisibleTo(bar)
    before = bar.plan.due_date
    click(qtbot, bar.extend_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.ExtensionDialog)
    click(qtbot, dialog.ok)                           # no reason: refused at the field
    assert not dialog.errors._slots["text"].label.isHidden()
    type_text(qtbot, dialog.reason, "需补充调查其子的务工收入")
    click(qtbot, dialog.ok)
    # recorded: the dialog stays open on the 延期告知书 with print / preview / open
    assert dialog.isVisible() and dialog.document.isVisible()
    assert not dialog.form_box.isEnabled()
    assert dialog.document.print_button.isEnabled()
    click(qtbot, dialog.document.open_button)
    assert opener.opened[-1].suffix == ".pdf"
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    plan = services.handling.stage_plan(task_id)
    assert plan.due_date > before and plan.extended_days == 15


def test_keyboard_reaches_the_next_action(qtbot, services, township, view_of):
    r = accept(services, township)
    view = view_of(r.application_id)
    view.activateWindow()
    qtbot.waitActive(view)
    view.stage_bars[0].next_button.setFocus()
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(view.shown.last, sd.VisitDialog)


@pytest.fixture
def screen(window, qtbot):
    tracking = window.show_tracking()
    tracking.run_dialog = Dialogs(qtbot)
    tracking.ask = lambda *a: True
    return tracking


def test_tracking_shows_the_stage_and_its_due_date_coloured_when_late(
        qtbot, services, township, screen, clock):
    r = accept(services, township)
    screen.refresh()
    i = next(n for n in range(screen.model.rowCount())
             if screen.model.index(n, 0).data(RowRole).item_code == "DIBAO")
    assert screen.model.index(i, COL_STAGE).data() == "入户调查"
    due = screen.model.index(i, COL_STAGE_DUE).data()
    assert due == "2027-01-06（暂定）"  # 元旦 2027 not counted (issue #14)
    assert screen.model.index(i, COL_STAGE_DUE).data(Qt.ItemDataRole.BackgroundRole) is None
    clock.now = datetime(2026, 11, 24, 10) + timedelta(days=50)
    screen.refresh()
    cell = screen.model.index(i, COL_STAGE_DUE)
    assert "逾期" in cell.data()
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert r.application_id


def test_publicity_list_for_the_selected_tasks_of_a_village(
        qtbot, services, township, screen, opener):
    a = accept(services, township, name="张三")
    b = accept(services, township, name="王五", id_number=resident_id(seed=7), members=[])
    for app in (a, b):
        t = dibao_task(services, app.application_id).task_id
        visit(services, township, t)
        check(services, township, t)
        first_review(services, township, t)
    screen.refresh()
    assert not screen.publicity_action.isEnabled() or screen.selected_rows() == []
    row = select_row(screen, "DIBAO", "张三")
    assert screen.model.rowCount() == 2
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # both
    screen._update_actions()
    assert len(screen.selected_rows()) == 2
    assert screen.publicity_action.isEnabled() and not screen.report_action.isEnabled()
    screen.publicity_action.trigger()
    dialog = screen.run_dialog.last
    assert isinstance(dialog, sd.PublicityDialog)
    assert dialog.village.currentText() == row.village
    assert sorted(dialog.task_ids()) == sorted(r.task_id for r in screen.selected_rows())
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and dialog.document.isVisible()   # the 公示名单, to print
    assert "公示名单" in dialog.produced_label.text() or dialog.produced.number
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    assert dialog.produced.number in screen.message.text()
    screen.refresh()
    select_row(screen, "DIBAO", "张三")
    assert screen.model.index(screen.view.currentIndex().row(), COL_STAGE).data() == "公示"


def test_the_townships_own_decision_closes_a_temporary_expense_case(
        qtbot, services, township, view_of):
    """审核确认 where the township decides (临时救助支出型): a refusal needs its reasons, an
    approval records the amount and closes the task; the 审核确认表 is offered."""
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    task = next(t for t in services.handling.tasks_for_application(r.application_id))
    visit(services, township, task.task_id)
    check(services, township, task.task_id)
    view = view_of(r.application_id)
    bar = view.stage_bars[0]
    assert [c.objectName() for c in bar.chips] == ["chip_visit", "chip_check", "chip_decision"]
    click(qtbot, bar.next_button)
    dialog = view.shown.last
    assert isinstance(dialog, sd.DecisionDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("refused"))
    assert not dialog.amount.isEnabled() and not dialog.period.isEnabled()
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and not dialog.errors._slots["text"].label.isHidden()
    before = stage_rows(services)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("approved"))
    type_text(qtbot, dialog.amount, "abc")
    click(qtbot, dialog.ok)
    assert not dialog.errors._slots["amount"].label.isHidden()
    assert stage_rows(services) == before
    dialog.amount.clear()
    type_text(qtbot, dialog.amount, "1500")
    type_text(qtbot, dialog.reason, "因病支出较大，同意给予临时救助")
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and dialog.document.isVisible(), dialog.general.text()
    assert "审核确认表" in dialog.produced_label.text()
    click(qtbot, dialog.ok)
    done = next(t for t in services.handling.tasks_for_application(r.application_id))
    assert done.status == "done" and "1,500" in done.amount
