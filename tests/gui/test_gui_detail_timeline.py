"""办件详情 with 协同办理: the 办理进度 table (one task per accepted item), the one
办理时间线, 求助原因, the 单独登记 flag and the 办理结果告知书 button — real widgets over
real services; the department's steps are recorded through the services."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from test_gui_translations import english_in

from desktop_app.core.services import Feedback
from desktop_app.gui.applications.detail import OVERDUE_COLOR, DetailView
from tests.helpers.drafts import draft
from tests.helpers.gui import actor_for, click, decide, make_id
from tests.helpers.stages import finish_procedure

pytestmark = pytest.mark.gui

COL_ITEM, COL_DEPT, COL_STATUS, COL_DUE, COL_REFERRED, COL_SIGNED, COL_RESULT = range(7)


def accept(services, township, items=("MEDICAL",), **kw):
    return services.intake.decide(draft(services, items=items, **kw), "accept", township)


def make_view(qtbot, services, tasks, opener, app_id, username="admin"):
    actor = actor_for(services, username)
    view = DetailView(services, tasks, app_id, lambda: actor, opener=opener)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def task_cells(view, row: int) -> list[str]:
    m = view.task_model
    return [m.index(row, c).data() for c in range(m.columnCount())]


def timeline(view) -> list[str]:
    m = view.events_model
    return [" ".join(m.index(r, c).data() for c in range(m.columnCount()))
            for r in range(m.rowCount())]


def form_value(view, label: str) -> str:
    for row in range(view.basic.rowCount()):
        head = view.basic.itemAt(row, view.basic.ItemRole.LabelRole)
        field = view.basic.itemAt(row, view.basic.ItemRole.FieldRole)
        if head and head.widget() and head.widget().text() == label:
            return field.widget().text()
    raise AssertionError(f"no row {label!r}")


def test_referred_item_goes_from_waiting_to_closed_with_amount_and_timeline(
        qtbot, services, township, tasks, opener, clock):
    r = accept(services, township)
    view = make_view(qtbot, services, tasks, opener, r.application_id)
    assert view.progress_box.isVisibleTo(view)
    assert view.task_model.rowCount() == 1
    cells = task_cells(view, 0)
    assert cells[COL_ITEM] == "医疗救助" and cells[COL_DEPT] == "县医保局"
    assert cells[COL_STATUS].startswith("待转办")
    assert cells[COL_RESULT] == "—" and cells[COL_REFERRED] == "—"
    assert not view.result_notice_button.isEnabled()  # no result yet
    assert "已办结" not in view.heading.text()

    # The department's path, recorded through the services.
    handover = services.handling.issue_handover_list("HEALTHCARE", township).value
    task = services.handling.tasks_for_application(r.application_id)[0]
    services.handling.record_signed(task.task_id, "赵六", "2026-11-24", township)
    clock.now = datetime(2026, 11, 26, 9, 0)
    services.handling.record_feedback(task.task_id, Feedback(
        "done", "2026-11-26", "同意给予医疗救助", amount="600"), township)
    view.reload()

    cells = task_cells(view, 0)
    assert cells[COL_STATUS] == "已办结"
    assert cells[COL_REFERRED] == "2026-11-24"
    assert cells[COL_SIGNED] == "赵六 2026-11-24"
    assert "600.00 元" in cells[COL_RESULT] and "同意给予医疗救助" in cells[COL_RESULT]
    assert "2026-11-26" in cells[COL_RESULT]
    assert "已办结" in view.heading.text() and "2026-11-26" in view.heading.text()
    # The status line of the requested item follows the task, not "办理中".
    assert "已办结" in view.findChild(QWidget, "itemDue0").text()

    lines = timeline(view)
    assert any("受理" in x for x in lines)
    assert any("社会救助事项转办单（县医保局）" in x for x in lines)
    assert any(" 转办 医疗救助 → 县医保局（清单 " in x for x in lines), lines
    assert any(" 部门签收 医疗救助，签收人 赵六" in x for x in lines), lines
    assert any(" 办理结果反馈 医疗救助 已办结，600.00 元，同意给予医疗救助" in x
               for x in lines), lines
    closed = [x for x in lines if " 办结 " in x]
    assert closed and "医疗救助 已办结" in closed[0]
    # Oldest first, and everybody named.
    m = view.events_model
    assert all(m.index(row, 1).data() not in ("", "—") for row in range(m.rowCount()))
    assert lines.index(next(x for x in lines if " 转办 " in x)) < lines.index(closed[0])
    assert not english_in(view, (handover.number,))  # "QD": the list's number, data


def test_result_notice_button_issues_the_notice_and_lists_it(
        qtbot, services, township, tasks, opener):
    r = accept(services, township, items=("LINSHI_EXPENSE", "MEDICAL"))
    view = make_view(qtbot, services, tasks, opener, r.application_id)
    assert not view.result_notice_button.isEnabled()
    township_task = next(t for t in services.handling.tasks_for_application(r.application_id)
                         if t.item_code == "LINSHI_EXPENSE")
    finish_procedure(services, township, township_task.task_id, services.ctx.today())
    services.handling.record_feedback(township_task.task_id, Feedback(
        "done", "2026-11-24", "同意给予临时救助", amount="1,200"), township)
    view.reload()
    # One item final, the other still waiting: the notice can be issued, not closed yet.
    assert view.result_notice_button.isEnabled()
    assert view.progress_note.text() == "共 2 项事项，已有 1 项办理完毕"
    assert "已办结" not in view.heading.text()
    changed = []
    tasks.bus.changed.connect(lambda changes, origin: origin is view and changed.append(changes))
    click(qtbot, view.result_notice_button)

    docs = services.documents.for_application(r.application_id)
    notices = [d for d in docs if d.kind == "result_notice"]
    assert len(notices) == 1 and notices[0].number == f"{r.number}-G1"
    assert opener.opened[-1] == notices[0].path and opener.opened[-1].exists()
    assert changed and r.application_id in changed[-1].applications
    shown = [w.text() for w in view.docs_box.findChildren(QLabel)]
    assert any("办理结果告知书" in t and f"{r.number}-G1" in t for t in shown), shown
    assert any("办理结果告知书" in x for x in timeline(view))


def test_result_notice_refusal_is_shown_not_raised(qtbot, services, township, tasks, opener):
    """A stale button (the screen was open while nothing was final) gets the service's
    message, no crash."""
    r = accept(services, township)
    view = make_view(qtbot, services, tasks, opener, r.application_id)
    view.issue_result_notice()
    assert "还没有任何事项的办理结果" in view.error.text()
    assert not opener.opened


def test_overdue_task_is_marked_in_words_and_red(qtbot, services, township, tasks, opener,
                                                 clock):
    r = accept(services, township)
    due = services.handling.tasks_for_application(r.application_id)[0].due_date
    clock.now = datetime.combine(due + timedelta(days=20), time(9, 0))
    view = make_view(qtbot, services, tasks, opener, r.application_id)
    status = view.task_model.index(0, COL_STATUS)
    assert "超期" in status.data() and "工作日" in status.data()
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_COLOR
    assert status.data(Qt.ItemDataRole.FontRole).bold()
    assert "超期" in view.progress_note.text()


def test_staff_relative_is_flagged_and_the_cause_shown(qtbot, services, township, tasks, opener):
    note = "申请人系石桥村村委会主任之兄"
    r = accept(services, township, items=("DIBAO",), staff_relative=True,
               staff_relative_note=note, hardship_cause="illness")
    view = make_view(qtbot, services, tasks, opener, r.application_id)
    flag = view.findChild(QLabel, "staffRelativeFlag")
    assert flag.isVisibleTo(view)
    assert flag.text() == f"经办人员或村（居）干部近亲属（单独登记备案）：{note}"
    assert form_value(view, "求助原因") == "因病"

    plain = accept(services, township, items=("DIBAO",))
    other = make_view(qtbot, services, tasks, opener, plain.application_id)
    assert not other.findChild(QLabel, "staffRelativeFlag").isVisibleTo(other)
    assert form_value(other, "求助原因") == "—"


def test_pending_application_has_no_progress_section(qtbot, services, township, tasks, opener):
    pending = decide(services, township, "李四", make_id("19710203", 52), "notice")
    view = make_view(qtbot, services, tasks, opener, pending.application_id)
    assert not view.progress_box.isVisibleTo(view)
    assert view.task_model.rowCount() == 0
