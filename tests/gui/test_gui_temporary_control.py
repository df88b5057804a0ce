"""Temporary assistance under control as the clerk meets it (issue 13): the 24-hour
先行救助 clock turning an urgent case overdue on the tracking screen, 补齐手续 recording
the materials of an urgent case accepted without them (the checklist reprinted), the
band hint under the amount, and 个案会商 offered with 报县审批 above the ceiling."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.tracking.model import COL_DUE, COL_LEFT, OVERDUE_BG, RowRole
from tests.gui.test_gui_tracking import dialogs, screen, select, task  # noqa: F401 (fixtures)
from tests.helpers.drafts import draft
from tests.helpers.gui import actor_for, click, pdf_text, type_text
from tests.helpers.stages import finish_procedure

pytestmark = pytest.mark.gui

NOW = datetime(2026, 11, 24, 10, 0)


def accept(services, township, items=("LINSHI_URGENT",), missing=()):
    d = draft(services, items=items, urgent=True)
    d = replace(d, items=[replace(i, materials={
        c: ("missing" if c in missing else s) for c, s in i.materials.items()})
        for i in d.items])
    return services.intake.decide(d, "accept", township)


def shown_row(screen, item_code):  # noqa: F811
    m = screen.model
    for r in range(m.rowCount()):
        row = m.index(r, 0).data(RowRole)
        if row.item_code == item_code:
            return r, row
    raise AssertionError(item_code)


def test_an_urgent_case_shows_overdue_on_the_tracking_screen_after_24_hours(
        qtbot, screen, services, township, clock):  # noqa: F811
    clock.now = NOW
    accept(services, township)
    screen.refresh()
    r, row = shown_row(screen, "LINSHI_URGENT")
    assert row.state == "due_soon"
    assert screen.model.index(r, COL_LEFT).data() == "先行救助 剩余 24 小时"
    assert screen.model.index(r, COL_DUE).data() == "11-25 10:00 前"
    clock.now = NOW + timedelta(hours=19)
    screen.refresh()
    r, row = shown_row(screen, "LINSHI_URGENT")
    assert screen.model.index(r, COL_LEFT).data() == "先行救助 剩余 5 小时"
    clock.now = NOW + timedelta(hours=24, minutes=30)
    screen.refresh()
    r, row = shown_row(screen, "LINSHI_URGENT")
    assert row.state == "overdue"
    assert screen.model.index(r, COL_LEFT).data() == "先行救助 超时 1 小时"
    assert screen.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert screen.count.text() == "共 1 项，逾期 1 项，临期 0 项"
    assert [t.item_code for t in services.handling.overdue()] == ["LINSHI_URGENT"]


def test_materials_of_an_urgent_case_are_recorded_later_and_the_checklist_reprinted(
        qtbot, screen, services, township, clock, dialogs, opener):  # noqa: F811
    clock.now = NOW
    urgent = accept(services, township, missing=("EMERGENCY_STATEMENT", "INTEGRITY_PLEDGE"))
    screen.refresh()
    select(screen, "LINSHI_URGENT")
    screen._update_actions()
    menu = screen.temporary_menu
    assert menu.isEnabled() and menu.paperwork_action.isEnabled()
    menu.paperwork_action.trigger()
    dialog = dialogs.last
    assert dialog.objectName() == "paperworkDialog"
    # Nothing changed: refused, nothing printed.
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and not dialog.materials_error.isHidden()
    assert dialog.materials_error.text() == "材料状态没有变化，请修改至少一项材料的状态"
    assert opener.opened == []
    dialog.set_status("EMERGENCY_STATEMENT", "received")
    dialog.set_status("INTEGRITY_PLEDGE", "committed")
    type_text(qtbot, dialog.note, "村委会送来情况说明")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    text = pdf_text(opener.opened[-1])
    assert "临时救助补齐材料清单" in text and "以上材料已全部补齐" in text
    assert "告知承诺" in text and "急难情况说明" in text
    assert screen.message.text().startswith("已登记补齐手续：张三，临时救助（急难型）；已打印材料清单")
    statuses = {m.code: m.status for m in services.handling.task_materials(
        task(services, urgent.application_id, "LINSHI_URGENT").task_id)}
    assert statuses["EMERGENCY_STATEMENT"] == "received"


def test_the_band_hint_and_the_conference_above_the_ceiling(
        qtbot, screen, services, township, clock, dialogs, opener):  # noqa: F811
    clock.now = NOW
    expense = accept(services, township, items=("LINSHI_EXPENSE",))
    finish_procedure(services, township, task(services, expense.application_id,
                                              "LINSHI_EXPENSE").task_id, NOW.date())  # 入户调查, 核对
    screen.refresh()
    select(screen, "LINSHI_EXPENSE")
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = dialogs.last
    type_text(qtbot, dialog.amount, "1500")
    assert dialog.band_hint.text() == ("本金额建议档次：支出型二档（1,000–2,000 元）。"
                                       "仅供参考，由经办人决定。")
    type_text(qtbot, dialog.result_text, "因病住院")
    dialog.amount.clear()
    type_text(qtbot, dialog.amount, "50000")
    assert dialog.band_hint.text().startswith("超过乡镇全部档次，须报县审批；按求助原因通常为：支出型二档")
    click(qtbot, dialog.ok)
    assert dialog.escalate_box.isVisible()
    click(qtbot, dialog.conference_button)
    conference = dialog.conference
    qtbot.addWidget(conference)
    assert conference.amount.text() == "50000"
    assert conference.outcome.currentData() == "escalate"
    type_text(qtbot, conference.people, "张主任、李委员、王站长")
    conference.text.setPlainText("重病支出大，一事一议，报县审批")
    click(qtbot, conference.ok)
    assert not conference.isVisible() and not dialog.isVisible()
    t = task(services, expense.application_id, "LINSHI_EXPENSE")
    assert (t.status, t.handler_code) == ("to_refer", "MCA")
    assert "县民政局" in pdf_text(opener.opened[-1])
    records = services.handling.temporary_records(t.task_id)
    assert "参加人：张主任、李委员、王站长" in records[0].summary


def test_a_followup_from_the_detail(qtbot, services, township, clock, dialogs,  # noqa: F811
                                    tasks, opener):
    from desktop_app.gui.applications.detail import DetailView

    clock.now = NOW
    r = accept(services, township)
    actor = actor_for(services, "admin")
    detail = DetailView(services, tasks, r.application_id, lambda: actor, opener=opener)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    menu = detail.temporary_menu
    menu.run_dialog = dialogs
    assert not menu.isHidden() and menu.followup_action.isEnabled()
    menu.followup_action.trigger()
    dialog = dialogs.last
    dialog.text.setPlainText("入户回访，已安排临时住所")
    type_text(qtbot, dialog.referred, "低保申请")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    detail.reload()
    rows = [(detail.events_model.index(i, 2).data(), detail.events_model.index(i, 3).data())
            for i in range(detail.events_model.rowCount())]
    assert ("办理环节", "跟进救助：临时救助（急难型），入户回访，已安排临时住所；转介：低保申请") in rows


def test_the_settings_page_adds_dated_entries(qtbot, window, services, township):
    page = window.show_admin().settings
    editor = page.temporary
    assert editor.hours.value() == 24  # the catalogue's figure
    assert editor.per_incident.isChecked() and editor.per_household.isChecked()
    assert "急难型 三档 2000 3000 火灾" in editor.bands.toPlainText()
    editor.effective.setDate(editor.effective.date().addDays(7))
    editor.hours.setValue(48)
    editor.per_household.setChecked(False)
    assert page.save()
    day = (NOW + timedelta(days=7)).date().isoformat()
    assert services.settings.get("first_aid_hours") == [{"effective_from": day, "hours": 48}]
    scope = services.settings.get("temporary_ceiling_scope")
    assert [e["effective_from"] for e in scope] == ["2000-01-01", day]
    assert scope[-1]["per_household_year"] is False
    assert len(services.settings.get("temporary_bands")) == 1  # untouched
    # an unreadable band line: a message, nothing saved
    editor.bands.setPlainText("急难型 一档 零 1000")
    assert not page.save()
    assert "第1行" in page.temporary_error.text() or "Line 1" in page.temporary_error.text()
    assert len(services.settings.get("temporary_bands")) == 1
