"""受理登记 driven as a clerk would: typing, ticking, deciding, reading the PDFs."""

from __future__ import annotations

import itertools
import re

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.helpers.gui import choose, click, fill_valid, make_id, pdf_text, type_text

pytestmark = pytest.mark.gui


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_live_id_check_shows_sex_and_birth_date(qtbot, intake):
    a = intake.applicant
    type_text(qtbot, a.id_number, make_id("19600512", 31)[:10])
    assert "10/18" in a.derived.text()
    type_text(qtbot, a.id_number, make_id("19600512", 31)[10:])
    assert "男" in a.derived.text() and "1960-05-12" in a.derived.text()
    assert "66" in a.derived.text()  # age on 2026-11-24
    a.id_number.setText(make_id("19600512", 31)[:17] + "0")
    assert not a.errors["id_number"].isHidden()
    assert "校验位" in a.errors["id_number"].text()


def test_accept_with_all_materials_prints_receipt(qtbot, window, intake, services, opener,
                                                  print_boxes):
    fill_valid(qtbot, intake)
    assert "950.50" in intake.totals.text() and "475.25" in intake.totals.text()
    click(qtbot, intake.accept_button)

    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    rows = services.queries.search("张三")
    assert len(rows) == 1 and rows[0].status == "accepted"
    number = rows[0].number
    assert number in intake.result.number.text()
    detail = services.queries.detail(rows[0].id)
    due = detail.items[0].due_date

    receipt = [d for d in services.documents.for_application(rows[0].id) if d.kind == "receipt"]
    assert receipt, "no receipt issued"
    # "…并打印" sent the receipt to the (remembered test) printer, not to a viewer, and
    # counted it; 打开 PDF opens it.
    assert not print_boxes.shown and not opener.opened
    assert intake.result.sent.text().startswith("已发送到打印机 测试打印机：")
    assert receipt[0].print_count == 1 and len(list(print_boxes.printed.iterdir())) == 1
    click(qtbot, intake.result.findChild(QWidget, "openDocument0"))
    assert opener.opened == [receipt[0].path] and opener.opened[0].exists()
    text = squash(pdf_text(services.documents.original_pdf(receipt[0].id)))
    assert "张三" in text
    assert number in text
    assert any(form in text for form in (
        due.isoformat(), f"{due.year}年{due.month}月{due.day}日", f"{due.year}年{due.month:02d}月{due.day:02d}日"))
    # The result page shows the due date, marked provisional when 2027's holidays are unknown.
    shown = intake.result.findChild(QWidget, "resultDue0").text()
    assert due.isoformat() in shown
    if detail.items[0].provisional:
        assert "暂定" in shown

    # 新建受理 clears the form for the next applicant.
    click(qtbot, intake.result.new_button)
    assert intake.stack.currentWidget() is intake.form
    assert intake.applicant.name.text() == "" and not intake.members.rows


def test_notice_lists_every_missing_material(qtbot, intake, services):
    fill_valid(qtbot, intake, all_received=False)
    panel = intake.materials
    click(qtbot, panel.findChild(QWidget, "allReceived.DIBAO"))
    item = services.ctx.catalog.item("DIBAO")
    first, second = [m for m in item.required_materials if not m.data_shared][:2]
    choose(panel.findChild(QWidget, f"material.DIBAO.{first.code}"), text="缺少")
    choose(panel.findChild(QWidget, f"material.DIBAO.{second.code}"), text="缺少")
    assert "2" in intake.status.text()

    # 受理 is refused while materials are missing: the message appears at the materials.
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.form
    assert not panel.error.isHidden() and "材料不齐" in panel.error.text()
    assert services.queries.count() == 0

    intake.confirm_notice = lambda parent, pdf: True  # the preview confirmed (issue 14)
    click(qtbot, intake.notice_button)
    assert intake.stack.currentWidget() is intake.result
    app_id = services.queries.search_ids("张三")[0]
    assert services.queries.detail(app_id).row.status == "pending_materials"
    notice = [d for d in services.documents.for_application(app_id) if d.kind == "notice_missing"]
    text = squash(pdf_text(services.documents.original_pdf(notice[0].id)))
    assert squash(first.name) in text and squash(second.name) in text


def test_reject_asks_for_reasons(qtbot, intake, services):
    fill_valid(qtbot, intake)
    intake.ask_reasons = lambda parent: None  # the clerk cancels: nothing happens
    click(qtbot, intake.reject_button)
    assert services.queries.count() == 0 and intake.stack.currentWidget() is intake.form
    intake.ask_reasons = lambda parent: ["户籍及居住地均不在本乡镇"]
    click(qtbot, intake.reject_button)
    rows = services.queries.search("张三")
    assert rows[0].status == "rejected"
    assert services.queries.detail(rows[0].id).reject_reasons == ["户籍及居住地均不在本乡镇"]


BAD_INPUTS = [
    ("checksum", "applicant.id_number", lambda intake: intake.applicant.id_number,
     make_id("19600512", 31)[:17] + ("0" if make_id("19600512", 31)[17] != "0" else "1"), "校验位"),
    ("future_birth", "applicant.id_number", lambda intake: intake.applicant.id_number,
     make_id("20270101", 31), "晚于今天"),
    ("empty_name", "applicant.name", lambda intake: intake.applicant.name, "", "姓名"),
    ("negative_income", "income.wage", lambda intake: intake.incomes["wage"], "-500", "负数"),
    ("non_numeric_income", "income.wage", lambda intake: intake.incomes["wage"], "abc", "格式"),
    ("long_address", "applicant.hukou_address", lambda intake: intake.applicant.hukou_address,
     "石" * 10_000, "不能超过"),
]


@pytest.mark.parametrize(("case", "path", "widget", "value", "message"), BAD_INPUTS,
                         ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_shows_message_at_field_and_writes_nothing(
        qtbot, intake, services, case, path, widget, value, message):
    fill_valid(qtbot, intake)
    field: QLineEdit = widget(intake)
    field.clear()
    if value:
        type_text(qtbot, field, value)
    intake.applicant.name.setFocus()  # focus elsewhere: the error must move it back
    before = services.queries.count()
    docs_before = list((services.ctx.db.data_dir / "documents").rglob("*.pdf"))

    click(qtbot, intake.accept_button)

    assert services.queries.count() == before == 0
    assert list((services.ctx.db.data_dir / "documents").rglob("*.pdf")) == docs_before
    assert intake.stack.currentWidget() is intake.form
    slot_label = intake.errors._slots[path].label
    assert not slot_label.isHidden() and message in slot_label.text(), slot_label.text()
    assert QApplication.focusWidget() is field
    assert field.text() == value  # nothing typed is lost
    assert intake.members.rows[0][0].name.text() == "李秀英"
    assert intake.incomes["farming"].text() == "150.50"


def test_member_rows_can_be_removed_without_losing_others(qtbot, intake):
    first = intake.members.add_member()
    type_text(qtbot, first.name, "张一")
    second = intake.members.add_member()
    type_text(qtbot, second.name, "张二")
    choose(second.relation, data="女")
    click(qtbot, intake.members.findChild(QWidget, "removeMember1"))
    assert len(intake.members.rows) == 1
    remaining = intake.members.rows[0][0]
    assert remaining.name.text() == "张二" and remaining.relation.currentData() == "女"
    assert remaining.prefix == "members.1"
    assert "2" in intake.totals.text()  # 2 people: applicant + one member


def test_member_errors_appear_on_their_row(qtbot, intake, services):
    fill_valid(qtbot, intake)
    member = intake.members.rows[0][0]
    member.name.clear()
    click(qtbot, intake.accept_button)
    assert services.queries.count() == 0
    assert not member.errors["name"].isHidden()
    assert QApplication.focusWidget() is member.name


def test_tab_order_follows_the_form(qtbot, intake):
    a = intake.applicant
    order = [a.name, a.id_type, a.id_number, a.phone, a.hukou_address, intake.village]
    for current, expected in itertools.pairwise(order):
        assert current.nextInFocusChain() is expected or _next_focusable(current) is expected


def _next_focusable(widget):
    nxt = widget.nextInFocusChain()
    while nxt is not widget and not (nxt.isVisibleTo(widget.window()) and nxt.isEnabled()
                                     and nxt.focusPolicy() & nxt.focusPolicy().TabFocus):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_materials_shared_between_items_are_entered_once(qtbot, intake, services):
    intake.items.boxes["DIBAO"].setChecked(True)
    intake.items.boxes["MEDICAL"].setChecked(True)
    dibao = {m.code for m in services.ctx.catalog.item("DIBAO").materials}
    medical = {m.code for m in services.ctx.catalog.item("MEDICAL").materials}
    common = sorted(dibao & medical)
    assert common
    code = common[0]
    choose(intake.materials.findChild(QWidget, f"material.DIBAO.{code}"), data="received")
    assert intake.materials.materials_for("MEDICAL")[code] == "received"
    # A material's choices follow the catalogue.
    for mat in services.ctx.catalog.item("DIBAO").materials:
        box = intake.materials.findChild(QWidget, f"material.DIBAO.{mat.code}")
        offered = {box.itemData(i) for i in range(box.count())}
        assert ("committed" in offered) == mat.commitment_allowed
        assert ("shared" in offered) == mat.data_shared
        assert ("na" in offered) == (not mat.required)
    # Unticking and re-ticking an item keeps what was set.
    intake.items.boxes["DIBAO"].setChecked(False)
    intake.items.boxes["DIBAO"].setChecked(True)
    assert intake.materials.materials_for("DIBAO")[code] == "received"


def test_saving_runs_on_the_worker_thread(qtbot, services, admin, opener):
    """The real (threaded) runner: buttons disabled while saving, result on the GUI thread."""
    from desktop_app.gui.app import build_main_window

    win = build_main_window(services, admin, opener=opener)
    qtbot.addWidget(win)
    win.show()
    intake = win.intake
    fill_valid(qtbot, intake)
    with qtbot.waitSignal(win.tasks.bus.changed, timeout=20000,
                          check_params_cb=lambda changes, origin: origin is intake):
        click(qtbot, intake.accept_button)
        assert not intake.accept_button.isEnabled()  # no double submission
    assert intake.stack.currentWidget() is intake.result
    # The receipt came back with the save; the 承诺书 (and any 转办单) render right after
    # on the same worker, then the form may save again.
    qtbot.waitUntil(intake.accept_button.isEnabled, timeout=20000)
    row = services.queries.search("张三")[0]
    assert row.status == "accepted"
    docs = services.documents.for_application(row.id)
    assert {d.kind for d in docs} >= {"receipt", "commitment"}
    assert all(d.path.exists() for d in docs)
    win.tasks.shutdown()


def test_applicant_without_id_needs_a_reason(qtbot, intake, services):
    """A person with no ID (流浪人员) is recorded as such, with the reason — never a fake number."""
    fill_valid(qtbot, intake, spouse=False)
    a = intake.applicant
    choose(a.id_type, data="NONE")
    assert a.reason.isVisibleTo(intake) and not a.id_number.isEnabled()
    assert intake.reason_label.isVisibleTo(intake)
    click(qtbot, intake.accept_button)
    assert services.queries.count() == 0
    assert not a.errors["no_id_reason"].isHidden()
    assert QApplication.focusWidget() is a.reason
    type_text(qtbot, a.reason, "流浪乞讨人员")
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    row = services.queries.search("张三")[0]
    assert "无" in row.id_masked or row.id_masked == ""
