"""动态管理, 复核 (issue 15 items 1 and 2) driven as a clerk would: the 复核核查表 prefilled
with the household, figures and suggestion recomputed as the household is edited, an
adjusted amount from a chosen month, a change report whose old household facts stay
readable in the detail window's 历次复核, the due list (低保边缘 / 刚性支出 too), the
month's 渐退到期 list printed, bad input refused next to its field with nothing written,
and every string translated."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from desktop_app.core.models import RequestedItem
from desktop_app.core.services import Feedback, MemberInput
from desktop_app.gui.kit.widgets import ErrorLabel
from tests.helpers.drafts import draft, resident_id
from tests.helpers.gui import click, pdf_text, type_text

pytestmark = pytest.mark.gui


def recipient(services, township, code: str = "DIBAO", *, name: str = "张三", seed: int = 1,
              amount: str = "520", **kw) -> tuple[int, int]:
    """An accepted application whose ``code`` benefit was granted today (2026-11-24):
    (application id, the benefit task's id)."""
    if code == "TEKUN":
        kw.setdefault("supporters_able", False)
    r = services.intake.decide(draft(services, name=name, items=(code,),
                                     id_number=resident_id(seed=seed), **kw), "accept", township)
    task = next(t for t in services.handling.tasks_for_application(r.application_id)
                if t.item_code == code)
    with services.ctx.db.transaction() as s:   # granted without walking every procedure step
        s.get(RequestedItem, task.task_id).stage = None
    services.handling.record_feedback(task.task_id, Feedback("done", "2026-11-24", amount=amount),
                                      township)
    return r.application_id, task.task_id


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
def worksheet(qtbot, services, township, tasks, admin, opener):
    def make(item_id: int, kind: str = "recheck"):
        from desktop_app.gui.dynamic.worksheet import WorksheetDialog

        dialog = WorksheetDialog(services, tasks, lambda: admin, item_id, kind=kind,
                                 opener=opener)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def settle(qtbot, dialog) -> None:
    """The figures follow the edits after a short pause."""
    qtbot.waitUntil(lambda: not dialog.refresh_timer.isActive(), timeout=3000)


def test_worksheet_prefilled_recomputed_live_and_adjusted_from_a_month(
        qtbot, services, township, worksheet, opener):
    _app, item = recipient(services, township)
    dialog = worksheet(item)
    # prefilled with the household as it is now
    assert dialog.editor.applicant.name.text() == "张三"
    assert [p.name.text() for p, _ in dialog.editor.members.rows] == ["李四"]
    assert dialog.editor.incomes["wage"].text() == "600"
    before = dialog.figures.texts()
    assert "600" in before["standard"] or before["standard"]
    # the household changed: a child born, the wage went up — figures follow as typed
    child = dialog.editor.members.add_member()
    type_text(qtbot, child.name, "张小宝")
    type_text(qtbot, child.id_number, resident_id(date(2026, 5, 1), True, 9))
    dialog.editor.incomes["wage"].clear()
    type_text(qtbot, dialog.editor.incomes["wage"], "900")
    settle(qtbot, dialog)
    after = dialog.figures.texts()
    assert after["members"] != before["members"] and "3" in after["members"]
    assert after["gross"] != before["gross"]
    assert "建议" in dialog.suggestion.text()     # the suggestion with its reason, in Chinese
    assert dialog.outcome()                       # the suggestion pre-selects the outcome
    # the clerk decides: a new amount from January
    click(qtbot, dialog.outcome_buttons["adjust"])
    assert dialog.amount.isEnabled() and not dialog.stop_reason.isEnabled()
    dialog.amount.clear()
    type_text(qtbot, dialog.amount, "450")
    dialog.effective.setDate(QDate(2027, 1, 1))
    type_text(qtbot, dialog.investigators, "王敏、李强")
    type_text(qtbot, dialog.findings, "入户核实：新生儿一名，户主务工收入增加")
    click(qtbot, dialog.save_button)
    assert dialog.stack.currentWidget() is dialog.done_page, dialog.general.text()
    assert "调整金额" in dialog.done_heading.text()
    # the amount in force changes the month given, not before
    assert services.rechecks.amount_in_force(item, date(2026, 12, 1)) == 52000
    assert services.rechecks.amount_in_force(item, date(2027, 1, 1)) == 45000
    history = services.rechecks.history(item)
    assert [(h.kind, h.outcome) for h in history] == [("recheck", "adjust")]
    # the worksheet (and notice) issued: print and preview through the kit's actions
    assert dialog.document_actions, "no document offered"
    actions = dialog.document_actions[0]
    assert actions.print_button.isEnabled() and actions.preview_button.isEnabled()
    actions.ask_print = lambda printer, parent: True   # the clerk presses 打印 in the dialog
    assert actions.print_document() >= 1
    assert "已发送到打印机" in dialog.sent_label.text()


def test_bad_input_is_refused_next_to_its_field_and_nothing_is_written(
        qtbot, services, township, worksheet):
    _app, item = recipient(services, township)
    dialog = worksheet(item)
    click(qtbot, dialog.outcome_buttons["adjust"])
    dialog.amount.clear()
    type_text(qtbot, dialog.amount, "abc")
    click(qtbot, dialog.save_button)
    assert dialog.stack.currentWidget() is dialog.form
    amount_error = dialog.findChild(ErrorLabel, "amount.error")
    assert amount_error.isVisible() and amount_error.text()
    assert not amount_error.text().isascii()       # the service's Chinese message
    # stop without a reason: refused too
    click(qtbot, dialog.outcome_buttons["stop"])
    assert dialog.stop_reason.isEnabled() and not dialog.amount.isEnabled()
    click(qtbot, dialog.save_button)
    assert dialog.stack.currentWidget() is dialog.form
    assert services.rechecks.history(item) == []


def test_change_report_keeps_the_old_household_readable_in_the_detail(
        qtbot, services, township, tasks, admin, opener, dialogs):
    from desktop_app.gui.applications.detail import DetailView

    app_id, item = recipient(services, township, name="王秀兰", seed=3, members=[
        MemberInput(name="李建国", relation="配偶", id_number=resident_id(date(1962, 3, 1), True, 4)),
        MemberInput(name="李小红", relation="女", id_number=resident_id(date(2008, 3, 1), False, 5))])
    view = DetailView(services, tasks, app_id, lambda: admin, opener=opener)
    view.run_dialog = dialogs
    qtbot.addWidget(view)
    view.show()
    box = view.reviews_box
    assert box.isVisible() and box.empty.isVisible()
    click(qtbot, box.change_button)
    dialog = dialogs.last
    assert dialog.kind == "change" and "change.household" in {
        b.objectName() for b in dialog.change_boxes.values()}
    # 李小红 moved out (married): her row removed, the change ticked
    _person, card = dialog.editor.members.rows[1]
    dialog.editor.members.remove_card(card)
    dialog.change_boxes["household"].setChecked(True)
    type_text(qtbot, dialog.investigators, "王敏、李强")
    click(qtbot, dialog.outcome_buttons["continue"])
    click(qtbot, dialog.save_button)
    assert dialog.stack.currentWidget() is dialog.done_page, dialog.general.text()
    # the history lists the report; its snapshot is the household as reported
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=2000)
    assert box.model.index(0, 1).data() == "变更申报"
    snap = box.show_snapshot(0)
    shown = [p.name.text() for p, _ in snap.editor.members.rows]
    assert shown == ["李建国"]
    assert snap.editor.applicant.name.isReadOnly()
    # the application's own facts (before the report) are still the three of them
    assert view.members_model.rowCount() == 3
    old = services.rechecks.snapshot(services.rechecks.history(item)[0].id)
    assert [m.name for m in old.members] == ["李建国"]


def test_due_list_offers_the_worksheet_and_prints_the_month_of_tapers_ending(
        qtbot, services, township, tasks, admin, opener, dialogs, print_boxes, clock):
    from desktop_app.core.services.dynamic.reviews import ReviewInput
    from desktop_app.gui.dynamic.rechecks import RechecksTab

    _a, dibao = recipient(services, township, name="张三", seed=1)
    _b, edge = recipient(services, township, "DIBAO_EDGE", name="陈大军", seed=6,
                         incomes={"wage": "1300"})
    household = services.rechecks.household(dibao)
    services.rechecks.record(dibao, ReviewInput(
        kind="recheck", on="2026-11-24", household=household.draft, change_kinds=[],
        outcome="taper", amount="520", effective_month="2026-12", taper_months=6, stop_reason="",
        investigators=["王敏", "李强"], findings="收入超过标准但低于1.5倍", review_class=""), admin)
    tab = RechecksTab(services, tasks, lambda: admin, opener=opener)
    tab.run_dialog = dialogs
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.within.setValue(400)
    due = {r.item_code for r in tab.due_rows}
    assert "DIBAO_EDGE" in due, due                 # 低保边缘 is re-checked too
    row = next(i for i, r in enumerate(tab.due_rows) if r.item_code == "DIBAO_EDGE")
    tab.due_view.selectRow(row)
    click(qtbot, tab.recheck_button)
    assert dialogs.last.objectName() == "worksheetDialog"
    assert dialogs.last.editor.applicant.name.text() == "陈大军"
    # the 渐退 ends after 6 months: on the list of May 2027, not of April
    tab.month.setDate(QDate(2027, 4, 1))
    assert tab.taper_model.rowCount() == 0
    assert not tab.print_taper_button.isEnabled()
    tab.month.setDate(QDate(2027, 5, 1))
    assert tab.taper_model.rowCount() == 1
    assert tab.taper_model.index(0, 1).data() == "张三"
    tab.taper_doc.ask_print = lambda printer, parent: True
    click(qtbot, tab.print_taper_button)
    assert tab.taper_doc.path is not None and "张三" in pdf_text(tab.taper_doc.path)
    assert list(print_boxes.printed.iterdir()), "nothing sent to the printer"
    assert "已发送到打印机" in tab.taper_sent.text()
    assert edge


def test_screens_are_translated(qtbot, services, township, tasks, admin, opener, worksheet):
    from test_gui_translations import english_in

    from desktop_app.gui.dynamic.rechecks import RechecksTab

    _app, item = recipient(services, township)
    tab = RechecksTab(services, tasks, lambda: admin, opener=opener)
    qtbot.addWidget(tab)
    tab.show()
    tab.within.setValue(400)
    change = worksheet(item, "change")
    problems = english_in(tab) + english_in(change)
    assert not problems, "untranslated text:\n" + "\n".join(dict.fromkeys(problems))
