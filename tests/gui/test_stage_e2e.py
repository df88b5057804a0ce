"""Issue #13 "Done when" #1, end to end through the screens: a 低保 accepted at the
window → 入户调查 → 信息核对 → 初审 → 公示 started and its 公示名单 printed (pdftotext: a
minor household member and an orphan's case absent) → closing before the 公示 ends
refused with the date → 公示 concluded → 报县 with its 上报清单 → the county's
confirmation, made by the real county receiver, imported from its return package on the
同步 screen → the task is done and the application closed.

Procedure order as the stage service has it (57号: the township's 初审意见 is what the
village sees during the 公示, so 初审 comes before 公示)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.core.services import MemberInput
from desktop_app.core.services.handling.stage_types import StageInput
from desktop_app.gui.tracking import stage_dialogs as sd
from desktop_app.gui.tracking.model import COL_STAGE, RowRole
from tests.gui.test_gui_sync import wire
from tests.gui.test_gui_tracking import Dialogs
from tests.helpers.county_return import county_confirmation_return, county_for
from tests.helpers.drafts import draft
from tests.helpers.gui import choose, click, fill_valid, make_id, pdf_text, type_text

pytestmark = [pytest.mark.gui, pytest.mark.slow]

MINOR, GRANDFATHER, ORPHAN = "张小宝", "周建华", "周小雨"


def chip_state(view, code: str) -> str:
    return view.stage_bars[0].findChild(QWidget, f"chip_{code}").property("state")


def next_dialog(qtbot, view, cls):
    bar = view.stage_bars[0]
    click(qtbot, bar.next_button)
    dialog = view.run_dialog.last
    assert isinstance(dialog, cls), (type(dialog), bar.plan.current)
    return dialog


def tick(picker, n: int) -> None:
    for i in range(n):
        picker.list.item(i).setCheckState(Qt.CheckState.Checked)


def to_the_county(qtbot, window, services, township, opener, clock, tmp_path):
    """受理 at the window through 报县; returns (detail view, the 低保 task, application id)."""
    village = next(v for v in services.setup.villages() if v.name == "石桥村")
    county_for(services, tmp_path / "county").close()      # keys before the first export
    # An orphan's case in the same village (her grandfather applies for 低保 and 孤儿基本
    # 生活保障): 孤儿 never publicised (民发〔2019〕62号; DOMAIN §9), nor her name.
    orphan = services.intake.decide(replace(draft(
        services, name=GRANDFATHER, items=("DIBAO", "ORPHAN"), id_number=make_id("19580101", 13),
        members=[MemberInput(name=ORPHAN, relation="孙女", id_number=make_id("20160304", 22))]),
        village_id=village.id), "accept", township)
    theirs = {t.item_code: t.task_id
              for t in services.handling.tasks_for_application(orphan.application_id)}
    for step in (StageInput("visit", "2026-11-24", people=("王建国", "李秀英"), text="祖孙二人生活"),
                 StageInput("check", "2026-11-24", done_on="2026-11-24", outcome="match"),
                 StageInput("first_review", "2026-11-24", outcome="approved", text="拟同意")):
        services.handling.record_stage(theirs["DIBAO"], step, township)

    # -- 受理 at the window: 张三, his wife and their grandson (a minor) ------------------
    intake = window.intake
    fill_valid(qtbot, intake)
    grandson = intake.members.add_member()
    choose(grandson.relation, data="孙子")
    type_text(qtbot, grandson.name, MINOR)
    type_text(qtbot, grandson.id_number, make_id("20150808", 11))
    if grandson.counted_reason.findData("co_resident") >= 0:
        choose(grandson.counted_reason, data="co_resident")
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = services.queries.search("张三")[0].id
    task = next(t for t in services.handling.tasks_for_application(app_id)
                if t.item_code == "DIBAO")

    detail = window.open_application(app_id)
    qtbot.addWidget(detail)
    view = detail.view
    view.run_dialog = Dialogs(qtbot)
    assert chip_state(view, "visit") == "current"

    # -- 入户调查: two investigators (an account and a typed name), findings -------------
    dialog = next_dialog(qtbot, view, sd.VisitDialog)
    tick(dialog.people, 1)
    type_text(qtbot, dialog.people.others, "村委会赵六")
    type_text(qtbot, dialog.findings, "住房为土木结构，夫妻二人多病，孙子在读小学")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()
    assert chip_state(view, "visit") == "done"

    # -- 信息核对: requested and its report in at once ---------------------------------------
    dialog = next_dialog(qtbot, view, sd.CheckDialog)
    dialog.result_in.setChecked(True)
    type_text(qtbot, dialog.ref, "HD-2026-118")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()
    assert chip_state(view, "check") == "done"
    assert chip_state(view, "review") == "optional"       # no dispute: no 民主评议

    # -- 初审: the opinion, its 初审意见表 offered for printing --------------------------------
    dialog = next_dialog(qtbot, view, sd.FirstReviewDialog)
    type_text(qtbot, dialog.opinion, "家庭人均收入低于当地低保标准，拟同意")
    click(qtbot, dialog.ok)
    if dialog.isVisible():                                  # the form it printed
        assert dialog.document.isVisible()
        click(qtbot, dialog.ok)
    assert chip_state(view, "first_review") == "done"

    # -- 公示: the village's list; the orphan's case is not even offered ---------------------
    dialog = next_dialog(qtbot, view, sd.PublicityDialog)
    assert dialog.village.currentData() == village.id
    assert dialog.task_ids() == [task.task_id]             # this one ticked, others offered
    offered = {int(dialog.tasks_view.item(i).data(Qt.ItemDataRole.UserRole))
               for i in range(dialog.tasks_view.count())}
    assert offered == {task.task_id, theirs["DIBAO"]}       # not the 孤儿 task
    for i in range(dialog.tasks_view.count()):              # the clerk ticks both
        dialog.tasks_view.item(i).setCheckState(Qt.CheckState.Checked)
    click(qtbot, dialog.ok)
    assert dialog.document.isVisible(), dialog.general.text()
    listing = pdf_text(dialog.produced.path)
    assert "张三" in listing and GRANDFATHER in listing and "最低生活保障" in listing
    assert MINOR not in listing and ORPHAN not in listing and "孤儿" not in listing
    assert make_id("19600512", 31) not in listing           # no ID numbers
    click(qtbot, dialog.document.open_button)
    assert opener.opened[-1] == dialog.produced.path
    click(qtbot, dialog.ok)
    assert chip_state(view, "publicity") == "running"
    ends = view.stage_bars[0].plan.steps[[s.code for s in view.stage_bars[0].plan.steps]
                                         .index("publicity")].ends_on
    assert ends is not None and ends > date(2026, 11, 24)
    day = f"{ends.year}年{ends.month}月{ends.day}日"
    assert day in view.stage_bars[0].blocked.text()

    # -- closing now is refused, with the 公示's last day ------------------------------------
    tracking = window.show_tracking()
    tracking.run_dialog = Dialogs(qtbot)
    tracking.refresh()
    row = next(i for i in range(tracking.model.rowCount())
               if tracking.model.index(i, 0).data(RowRole).task_id == task.task_id)
    assert tracking.model.index(row, COL_STAGE).data() == "公示"
    tracking.view.selectRow(row)
    click(qtbot, tracking.buttons["feedbackAction"])
    feedback = tracking.run_dialog.last
    type_text(qtbot, feedback.result_text, "同意")
    type_text(qtbot, feedback.amount, "620")
    click(qtbot, feedback.ok)
    assert feedback.isVisible()
    shown = " ".join(w.text() for w in feedback.findChildren(QWidget)
                     if w.metaObject().className() == "ErrorLabel" and not w.isHidden())
    assert f"公示期至{day}" in shown, shown
    assert services.handling.tasks_for_application(app_id)[0].status == "in_progress"
    feedback.reject()

    # -- after the 公示: concluded without objection, then 报县 with its 上报清单 ---------------
    clock.now = datetime.combine(ends + timedelta(days=1), time(10))
    view.reload()
    dialog = next_dialog(qtbot, view, sd.PublicityEndDialog)
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()
    assert chip_state(view, "publicity") == "done"
    dialog = next_dialog(qtbot, view, sd.ReportDialog)
    assert dialog.task_ids() == [task.task_id]
    click(qtbot, dialog.ok)
    assert dialog.document.isVisible(), dialog.general.text()
    report = pdf_text(dialog.produced.path)
    assert "张三" in report and "上报清单" in report.replace(" ", "")
    click(qtbot, dialog.ok)
    assert chip_state(view, "county") == "current"
    return view, task, app_id


def test_a_dibao_goes_through_the_procedure_to_the_countys_confirmation(
        qtbot, window, services, township, admin, opener, clock, messages, tmp_path):
    view, task, app_id = to_the_county(qtbot, window, services, township, opener, clock, tmp_path)

    # -- the county confirms; its return package imported on the 同步 screen -----------------
    decided = clock.now.date()
    returned = county_confirmation_return(
        services, admin, tmp_path / "county", [task.task_id], outcome="approved",
        decided_on=decided.isoformat(), amount_fen=62000, period_from="2027-01-01",
        period_to="2027-12-31", document_number="碧民〔2026〕88号", text="同意纳入最低生活保障")
    sync = window.show_sync()
    chooser = wire(sync, tmp_path)
    chooser.answers.append(str(returned))
    click(qtbot, sync.import_button)
    assert "已导入" in sync.import_result.text(), sync.import_result.text()

    done = next(t for t in services.handling.tasks_for_application(app_id)
                if t.item_code == "DIBAO")
    assert done.status == "done" and "620" in done.amount
    assert services.queries.detail(app_id).row.status == "closed"
    view.reload()
    assert chip_state(view, "county") == "done"
    assert view.stage_bars[0].findChild(QWidget, "stageComplete") is not None
    assert not messages.shown, messages.texts()


def test_the_countys_paper_reply_typed_closes_the_task(
        qtbot, window, services, township, opener, clock, messages, tmp_path):
    """Without a return package: the county's paper reply typed at the stage bar."""
    view, task, app_id = to_the_county(qtbot, window, services, township, opener, clock, tmp_path)
    dialog = next_dialog(qtbot, view, sd.CountyDialog)
    type_text(qtbot, dialog.ref, "碧民〔2026〕88号")
    choose(dialog.outcome, data="refused")
    assert not dialog.amount.isEnabled()
    click(qtbot, dialog.ok)                        # a refusal without its reasons: refused
    assert dialog.isVisible()
    assert not dialog.errors._slots["text"].label.isHidden()
    assert services.handling.tasks_for_application(app_id)[0].status == "in_progress"
    choose(dialog.outcome, data="approved")
    type_text(qtbot, dialog.amount, "620")
    dialog.period.set_period(date(2027, 1, 1), date(2027, 12, 1))
    type_text(qtbot, dialog.reason, "同意纳入最低生活保障")
    click(qtbot, dialog.ok)
    if dialog.isVisible():                           # its 初审意见表 reprinted with the reply
        assert dialog.document.isVisible(), dialog.general.text()
        click(qtbot, dialog.ok)
    done = next(t for t in services.handling.tasks_for_application(app_id)
                if t.item_code == "DIBAO")
    assert done.status == "done" and "620" in done.amount
    assert services.queries.detail(app_id).row.status == "closed"
    assert chip_state(view, "county") == "done"
    assert not messages.shown, messages.texts()
