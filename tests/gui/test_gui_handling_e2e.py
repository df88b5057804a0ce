"""一门受理、协同办理 end to end, through the real screens: the window accepts an
application with three items (低保 handled by the township, 医疗救助 referred to the
县医保局, 教育救助 to the 县教育局); each department gets its own 转办单 with only its
items; the tracking screen prints both 转办清单, the 回执 results are recorded for
all three tasks through the dialogs, the application closes and the 办理结果告知书
prints."""

from __future__ import annotations

import re

import pytest

from desktop_app.gui.tracking.model import RowRole
from tests.helpers.gui import click, fill_valid, pdf_text, type_text
from tests.helpers.stages import finish_procedure

pytestmark = pytest.mark.gui


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_accept_refer_track_feedback_close_and_notify(qtbot, window, services, opener, admin,
                                                      clock):
    # 1. 受理 at the window: three items, every material received.
    intake = window.intake
    fill_valid(qtbot, intake, items=("DIBAO", "MEDICAL", "EDUCATION"))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app = services.queries.search("张三")[0]
    assert app.status == "accepted"

    # 2. One 转办单 per county department, each with only its own items.
    slips = [d for d in services.documents.for_application(app.id) if d.kind == "referral"]
    assert len(slips) == 2
    texts = [squash(pdf_text(services.documents.original_pdf(d.id))) for d in slips]
    medical = next(t for t in texts if "县医保局" in t)
    education = next(t for t in texts if "县教育局" in t)
    assert medical is not education
    assert "医疗救助" in medical and "教育救助" not in medical and "县教育局" not in medical
    assert "教育救助" in education and "医疗救助" not in education and "县医保局" not in education
    for text in (medical, education):
        assert "最低生活保障" not in text  # the township's own item is not referred
        assert app.number in text and "张三" in text

    # 3. 转办跟踪: three open tasks; print both departments' 转办清单.
    screen = window.show_tracking()
    shown = []

    def show(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog)

    screen.run_dialog = show
    asked = []
    screen.ask = lambda parent, title, text: asked.append(text) or True

    def rows():
        return [screen.model.index(i, 0).data(RowRole) for i in range(screen.model.rowCount())]

    def select(code):
        i = next(i for i, r in enumerate(rows()) if r.item_code == code)
        screen.view.selectRow(i)
        return rows()[i]

    assert {r.item_code: r.status for r in rows() if r.application_id == app.id} == {
        "DIBAO": "in_progress", "MEDICAL": "to_refer", "EDUCATION": "to_refer"}
    for dept, name in (("HEALTHCARE", "县医保局"), ("EDUCATION", "县教育局")):
        screen.handover_dept.setCurrentIndex(screen.handover_dept.findData(dept))
        click(qtbot, screen.handover_button)
        listed = pdf_text(screen.last_list.path)   # printed, not opened (issue 14)
        assert "转办清单" in listed and name in listed and app.number in listed
    assert screen.handover_dept.count() == 0 and not screen.handover_button.isEnabled()
    assert {r.item_code: r.status for r in rows()} == {
        "DIBAO": "in_progress", "MEDICAL": "referred", "EDUCATION": "referred"}

    # 4. The 回执 come back. 县医保局: signed and completed on the same slip.
    select("MEDICAL")
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = shown[-1]
    type_text(qtbot, dialog.signed_by, "赵医保")
    type_text(qtbot, dialog.result_text, "同意给予医疗救助")
    type_text(qtbot, dialog.amount, "2400")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()

    # 县教育局: signature recorded first, then 不予办理 with its reason.
    select("EDUCATION")
    click(qtbot, screen.buttons["signAction"])
    type_text(qtbot, shown[-1].signed_by, "钱教育")
    click(qtbot, shown[-1].ok)
    select("EDUCATION")
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = shown[-1]
    assert not dialog.sign_box.isVisible()
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("refused"))
    type_text(qtbot, dialog.result_text, "子女已享受国家助学金")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()
    assert services.queries.detail(app.id).row.status == "accepted"  # 低保 still open
    assert not asked

    # 低保: the county's confirmation, recorded by the township (monthly, with a period) —
    # once the township's steps (入户调查 … 公示 … 报县, issue 13) are recorded.
    from datetime import datetime

    dibao_id = next(t.task_id for t in services.handling.tasks_for_application(app.id)
                    if t.item_code == "DIBAO")
    clock.now = datetime(2026, 12, 2, 10, 0)
    finish_procedure(services, admin, dibao_id, app.intake_date)
    screen.refresh()
    select("DIBAO")
    click(qtbot, screen.buttons["feedbackAction"])
    dialog = shown[-1]
    type_text(qtbot, dialog.result_text, "同意给予最低生活保障")
    type_text(qtbot, dialog.amount, "600")
    from datetime import date

    dialog.set_period(date(2026, 12, 1), date(2027, 11, 1))
    dialog.review_class.setCurrentIndex(dialog.review_class.findData("C"))
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), dialog.general.text()

    dibao = next(t for t in services.handling.tasks_for_application(app.id)
                 if t.item_code == "DIBAO")
    assert (dibao.amount, dibao.period) == ("每月 600.00 元", "2026年12月至2027年11月")

    # 5. Every task has its result: the application is closed and the notice prints.
    detail = services.queries.detail(app.id)
    assert (detail.row.status, detail.row.status_label) == ("closed", "已办结")
    assert asked and app.number in asked[0]
    assert rows() == []
    notices = [d for d in services.documents.for_application(app.id) if d.kind == "result_notice"]
    assert len(notices) == 1 and opener.opened[-1] == notices[0].path
    notice = squash(pdf_text(notices[0].path))
    for needle in ("办理结果告知书", "医疗救助", "2,400.00", "教育救助", "子女已享受国家助学金",
                   "最低生活保障", "600.00", "2026年12月至", "2027年11月", "行政复议"):
        assert needle in notice, needle
    assert "办结" in screen.message.text() and notices[0].number in screen.message.text()
