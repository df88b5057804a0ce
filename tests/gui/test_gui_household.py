"""受理登记 and 办件详情 for the household as policy sees it (issue 12), driven as a clerk
would: members counted or not (and why), a minor applicant's guardian, the legal
supporters outside the household, residence, the assessment's counted line, the
detail's gross and net — and the 核对授权书 printed through the app with every adult
and supporter in full, one signature row each."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.test_gui_intake_assessment import suggested
from tests.helpers.gui import choose, click, fill_valid, make_id, type_text, village_named
from tests.helpers.printing import POPPLER, Poppler, squash

pytestmark = pytest.mark.gui

CHILD = make_id("20140611", 62)          # the applicant, 12 on 2026-11-24
GRANDMOTHER = make_id("19580917", 42)    # guardian, counted
FATHER = make_id("19850302", 51)         # adult, in prison: not counted, does not sign
MOTHER = make_id("19880415", 24)         # legal supporter outside the household
GRANDFATHER = make_id("19500108", 13)    # legal supporter outside the household


def add_member(qtbot, intake, relation: str, name: str, id_number: str):
    member = intake.members.add_member()
    choose(member.relation, data=relation)
    type_text(qtbot, member.name, name)
    type_text(qtbot, member.id_number, id_number)
    return member


def fill_supporter(qtbot, person, relation: str, name: str, id_number: str, *,
                   size: str = "3", income: str = "2100", reason: str = "low_income") -> None:
    choose(person.relation, data=relation)
    type_text(qtbot, person.name, name)
    type_text(qtbot, person.id_number, id_number)
    type_text(qtbot, person.address, "浙江省宁波市鄞州区首南街道")
    type_text(qtbot, person.household_size, size)
    type_text(qtbot, person.monthly_income, income)
    choose(person.able, data=False)
    choose(person.unable_reason, data=reason)


def fill_minor_household(qtbot, intake) -> None:
    """A 12-year-old living with her grandmother (guardian, counted) and her father (in
    prison: not counted); her mother and maternal grandfather, elsewhere, cannot support."""
    a = intake.applicant
    type_text(qtbot, a.name, "杨梓涵")
    type_text(qtbot, a.id_number, CHILD)
    type_text(qtbot, a.phone, "13985612347")
    type_text(qtbot, a.hukou_address, "贵州省铜仁市碧江区清水镇杉树村三组27号")
    village_named(intake, "石桥村")
    grandmother = add_member(qtbot, intake, "祖父母", "杨秀兰", GRANDMOTHER)
    choose(grandmother.counted_reason, data="co_resident")
    assert grandmother.guardian.isEnabled()  # a minor applicant, an adult member
    click(qtbot, grandmother.guardian)
    father = add_member(qtbot, intake, "父亲", "杨建华", FATHER)
    click(qtbot, father.counted)  # untick: not counted
    choose(father.counted_reason, data="prison")
    type_text(qtbot, intake.incomes["farming"], "260")
    type_text(qtbot, intake.incomes["support"], "300")
    click(qtbot, intake.supporters[True])  # "yes, listed below": the first card opens
    assert len(intake.related.rows) == 1
    fill_supporter(qtbot, intake.related.rows[0][0], "母亲", "王丽", MOTHER)
    click(qtbot, intake.related.add_button)
    fill_supporter(qtbot, intake.related.rows[1][0], "外祖父母", "王德贵", GRANDFATHER,
                   size="2", income="400", reason="elderly")
    intake.items.boxes["DIBAO"].setChecked(True)
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))


# -- the done-when: register, accept, print the authorisation ------------------------
@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_minor_with_guardian_and_two_supporters_prints_every_signer_in_full(
        qtbot, intake, services, opener, tmp_path):
    fill_minor_household(qtbot, intake)
    draft = intake.draft()
    assert draft.supporters_able is False  # both listed supporters unable
    assert [p.name for p in draft.related] == ["王丽", "王德贵"]
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, (
        intake.general_error.text(), [s.label.text() for s in intake.errors._slots.values()
                                      if s.label.text()])

    app_id = intake.result.application_id
    detail = services.queries.detail(app_id)
    assert [(m.name, m.counted, m.guardian) for m in detail.members] == [
        ("杨梓涵", True, False), ("杨秀兰", True, True), ("杨建华", False, False)]
    assert [r.name for r in detail.related] == ["王丽", "王德贵"]

    # The 核对授权书 through the app's own path: the result page's 打开PDF.
    r = next(n for n, d in enumerate(intake.result.documents) if d.kind == "commitment")
    click(qtbot, intake.result.findChild(QWidget, f"openDocument{r}"))
    pdf = opener.opened[-1].read_bytes()
    poppler = Poppler(tmp_path)
    pages = poppler.text(pdf).split("\f")
    table = squash("".join(p for p in pages if "序号" in p))  # the authorisation table
    assert table, "no authorisation table"
    assert "********" not in table and "……" not in squash(poppler.text(pdf))
    signers = {"杨秀兰": GRANDMOTHER, "王丽": MOTHER, "王德贵": GRANDFATHER}
    for name, id_number in signers.items():
        assert name in table, name
        assert table.count(id_number) == 1, name  # full, on exactly one row
    # The father is recorded as not counted (服刑): not among the 共同生活的家庭成员
    # who authorise (民发〔2021〕57号), so no row of his.
    assert "杨建华" not in table and FATHER not in table
    # One numbered signature row per person in the table, each with one full ID.
    ids = re.findall(r"\d{17}[\dX]", table)
    assert len(ids) == len(set(ids)) and set(signers.values()) <= set(ids)
    assert _row_numbers(poppler, pdf) == [str(n) for n in range(1, len(ids) + 1)]


def _row_numbers(poppler: Poppler, pdf: bytes) -> list[str]:
    """The 序号 column of the authorisation table, page by page, top to bottom."""
    _, words = poppler.words(pdf)
    heads = [(x0, x1) for text, x0, _, x1, _, _ in words if text == "序号"]
    assert heads, "no 序号 header"
    left, right = heads[0][0] - 5, heads[0][1] + 5
    cells = [(page, y0, text) for text, x0, y0, x1, _, page in words
             if x0 >= left and x1 <= right and text != "序号" and text.isdigit()]
    return [text for _, _, text in sorted(cells)]


# -- field errors ---------------------------------------------------------------------------------
def test_bad_supporter_id_is_shown_at_its_field_and_nothing_is_saved(qtbot, intake, services):
    fill_valid(qtbot, intake)
    click(qtbot, intake.supporters[True])
    person = intake.related.rows[0][0]
    bad = MOTHER[:17] + ("0" if MOTHER[17] != "0" else "1")
    fill_supporter(qtbot, person, "女", "张丽", bad)
    intake.applicant.name.setFocus()  # elsewhere: the error brings the focus back

    click(qtbot, intake.accept_button)

    assert services.queries.count() == 0
    assert intake.stack.currentWidget() is intake.form
    label = intake.errors._slots["related.0.id_number"].label
    assert label is person.errors["id_number"]
    assert not label.isHidden() and "校验位" in label.text(), label.text()
    assert QApplication.focusWidget() is person.id_number
    assert person.name.text() == "张丽" and person.id_number.text() == bad  # nothing lost


def test_unable_supporter_needs_a_reason_at_the_field(qtbot, intake, services):
    fill_valid(qtbot, intake)
    click(qtbot, intake.supporters[True])
    person = intake.related.rows[0][0]
    fill_supporter(qtbot, person, "子", "张强", MOTHER)
    assert person.unable_reason.isEnabled()
    choose(person.unable_reason, data="")
    click(qtbot, intake.accept_button)
    assert services.queries.count() == 0
    assert not person.errors["economy"].isHidden()
    assert QApplication.focusWidget() is person.unable_reason
    choose(person.able, data=True)  # able: the reason goes away with its combo
    assert not person.unable_reason.isEnabled()
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    assert services.queries.detail(intake.result.application_id).supporters_able is True


def test_member_not_counted_without_reason_is_an_error_at_the_field(qtbot, intake, services):
    fill_valid(qtbot, intake)
    spouse = intake.members.rows[0][0]
    assert spouse.counted.isChecked() and spouse.counted_reason.currentData() == "spouse"
    click(qtbot, spouse.counted)  # untick: the reasons become the excluded ones
    offered = {spouse.counted_reason.itemData(i) for i in range(spouse.counted_reason.count())}
    assert "prison" in offered and "spouse" not in offered and "applicant" not in offered
    assert spouse.counted_reason.currentData() == ""
    intake.applicant.name.setFocus()
    son = add_member(qtbot, intake, "子", "张强", make_id("19900101", 51))
    assert son.counted.isChecked() and son.counted_reason.currentData() == ""  # not 配偶
    click(qtbot, intake.findChild(QWidget, "removeMember2"))
    spouse = intake.members.rows[0][0]  # rows are rebuilt, keeping what was chosen
    assert not spouse.counted.isChecked() and spouse.counted_reason.currentData() == ""

    click(qtbot, intake.accept_button)

    assert services.queries.count() == 0
    label = intake.errors._slots["members.1.counted_reason"].label
    assert not label.isHidden() and label.text(), "no message at the reason"
    assert QApplication.focusWidget() is spouse.counted_reason
    choose(spouse.counted_reason, data="living_apart")
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    members = services.queries.detail(intake.result.application_id).members
    assert [(m.counted, m.counted_reason) for m in members] == [
        (True, "申请人本人"), (False, "不共同生活")]


def test_totals_line_counts_only_the_members_counted(qtbot, intake):
    """The per-person figure under the incomes uses the counted members, as the
    assessment, the stored figure and the 核算表 do (one definition)."""
    fill_valid(qtbot, intake)                    # applicant + spouse, 950.50 a month
    qtbot.waitUntil(lambda: "计入 2 人" in intake.totals.text())
    assert "475.25" in intake.totals.text()
    click(qtbot, intake.members.rows[0][0].counted)   # the spouse: not counted
    qtbot.waitUntil(lambda: "计入 1 人" in intake.totals.text())
    assert "人均毛收入每月 950.50 元" in intake.totals.text()


# -- the guardian tick follows the ages ---------------------------------------------------------
def test_guardian_tick_only_for_an_adult_member_of_a_minor_applicant(qtbot, intake):
    a = intake.applicant
    type_text(qtbot, a.id_number, make_id("19600512", 31))  # an adult applicant
    adult = add_member(qtbot, intake, "配偶", "李秀英", make_id("19620303", 42))
    child = add_member(qtbot, intake, "女", "张小红", make_id("20150101", 44))
    assert not adult.guardian.isEnabled() and not child.guardian.isEnabled()
    a.id_number.clear()
    type_text(qtbot, a.id_number, CHILD)  # now a minor applicant
    assert adult.guardian.isEnabled() and not child.guardian.isEnabled()
    click(qtbot, adult.guardian)
    assert [m.guardian for m in intake.draft().members] == [True, False]
    a.id_number.clear()
    type_text(qtbot, a.id_number, make_id("19600512", 31))  # adult again: the tick goes
    assert not adult.guardian.isEnabled() and not adult.guardian.isChecked()
    assert [m.guardian for m in intake.draft().members] == [False, False]


# -- supporters: not asked / none / listed -------------------------------------------------------
def test_supporters_answer_not_asked_none_or_listed(qtbot, intake):
    assert intake.draft().supporters_able is None and intake.draft().related == []
    click(qtbot, intake.supporters[False])
    assert intake.draft().supporters_able is False and intake.draft().related == []
    click(qtbot, intake.related.add_button)
    person = intake.related.rows[0][0]
    assert intake.supporters[True].isChecked() and not intake.supporters[False].isEnabled()
    choose(person.able, data=True)
    assert intake.draft().supporters_able is True
    click(qtbot, person.supporter)  # only a guardian: no supporter listed any more
    assert intake.supporters[None].isChecked() and intake.supporters[False].isEnabled()
    assert not person.able.isEnabled()
    click(qtbot, person.guardian)
    p = intake.draft().related[0]
    assert (p.supporter, p.guardian, p.able, p.household_size) == (False, True, None, "")
    click(qtbot, intake.findChild(QWidget, "removeRelated0"))
    assert intake.related.rows == [] and intake.draft().related == []


def test_removing_a_supporter_keeps_the_others(qtbot, intake):
    click(qtbot, intake.related.add_button)
    fill_supporter(qtbot, intake.related.rows[0][0], "子", "张一", MOTHER)
    click(qtbot, intake.related.add_button)
    fill_supporter(qtbot, intake.related.rows[1][0], "女", "张二", GRANDFATHER, reason="elderly")
    click(qtbot, intake.findChild(QWidget, "removeRelated0"))
    (left, _card), = intake.related.rows
    assert left.prefix == "related.0" and left.name.text() == "张二"
    assert left.relation.currentData() == "女" and left.unable_reason.currentData() == "elderly"


# -- residence, reimbursed, clearing --------------------------------------------------------------
def test_residence_fields_follow_the_kind_and_clear_form_clears_everything(qtbot, intake):
    assert not intake.residence_address.isEnabled() and not intake.residence_permit.isEnabled()
    choose(intake.residence_kind, data="permit")
    assert intake.residence_address.isEnabled() and intake.residence_permit.isEnabled()
    type_text(qtbot, intake.residence_address, "清水镇新街18号")
    type_text(qtbot, intake.residence_permit, "52220120260001")
    type_text(qtbot, intake.property_fields["medical_spending"], "8600")
    type_text(qtbot, intake.property_fields["medical_reimbursed"], "5200")
    d = intake.draft()
    assert (d.residence_kind, d.residence_address, d.residence_permit_no, d.medical_reimbursed) == (
        "permit", "清水镇新街18号", "52220120260001", "5200")
    choose(intake.residence_kind, data="incident")
    assert not intake.residence_permit.isEnabled()
    assert intake.draft().residence_permit_no == ""  # a field the kind does not ask is not sent
    member = add_member(qtbot, intake, "配偶", "李秀英", make_id("19620303", 42))
    click(qtbot, member.counted)
    click(qtbot, intake.related.add_button)

    intake.clear_form()

    d = intake.draft()
    assert (d.residence_kind, d.residence_address, d.medical_reimbursed) == ("hukou", "", "")
    assert d.related == [] and d.members == [] and d.supporters_able is None
    assert intake.supporters[False].isEnabled()


# -- the wheel does not change an unfocused combo -------------------------------------------------
def test_wheel_over_an_unfocused_combo_leaves_its_value(qtbot, intake):
    member = add_member(qtbot, intake, "配偶", "李秀英", make_id("19620303", 42))
    click(qtbot, intake.related.add_button)
    person = intake.related.rows[0][0]
    intake.applicant.name.setFocus()
    for box in (member.counted_reason, person.able, person.relation, intake.residence_kind):
        before = box.currentIndex()
        centre = QPointF(box.rect().center())
        event = QWheelEvent(centre, QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(0, -120),
                            QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(box, event)
        assert box.currentIndex() == before, box.objectName()
    member.counted_reason.setFocus()  # with the focus, the wheel still works
    before = member.counted_reason.currentIndex()
    event = QWheelEvent(QPointF(5, 5), QPointF(member.counted_reason.mapToGlobal(QPoint(5, 5))),
                        QPoint(0, -120), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(member.counted_reason, event)
    assert member.counted_reason.currentIndex() != before


# -- the assessment panel's counted line is the rules' --------------------------------------------
def test_panel_counted_line_is_the_rules(qtbot, intake, services):
    fill_minor_household(qtbot, intake)
    suggested(qtbot, intake, "DIBAO")
    qtbot.waitUntil(lambda: "杨建华" in intake.assessment.figure_texts()["members"], timeout=3000)
    f = services.assessment.evaluate(intake.draft()).figures
    shown = intake.assessment.figure_texts()["members"]
    assert (f.members, f.all_members) == (2, 3)
    assert shown.startswith(f"共 {f.all_members} 人，计入 {f.members} 人"), shown
    for name, reason in f.excluded_members:
        assert f"{name}（{reason}）" in shown
    assert f.excluded_members == (("杨建华", "服刑或强制隔离戒毒"),)
    names = [intake.assessment.figure_labels[k][0].text() for k in ("members", "gross", "net")]
    assert names == ["计入人数", "毛收入", "计算收入（用于比较）"]
    # Re-counting the father: the line follows at once (after the debounce).
    father = intake.members.rows[1][0]
    click(qtbot, father.counted)
    qtbot.waitUntil(lambda: "杨建华" not in intake.assessment.figure_texts()["members"],
                    timeout=3000)
    assert intake.assessment.figure_texts()["members"] == "共 3 人，计入 3 人"


# -- the detail view ------------------------------------------------------------------------------
def test_detail_shows_gross_net_counted_and_supporters_masked(qtbot, window, intake, services):
    fill_minor_household(qtbot, intake)
    choose(intake.residence_kind, data="permit")
    type_text(qtbot, intake.residence_address, "清水镇新街18号")
    type_text(qtbot, intake.residence_permit, "52220120260001")
    type_text(qtbot, intake.property_fields["medical_spending"], "8600")
    type_text(qtbot, intake.property_fields["medical_reimbursed"], "5200")
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = intake.result.application_id
    d = services.queries.detail(app_id)
    view = window.open_application(app_id).view

    gross = view.findChild(QWidget, "detailGross").text()
    net = view.findChild(QWidget, "detailNet").text()
    assert "560.00" in gross and f"{d.per_capita_income_fen / 100:.2f}" in gross
    assert d.net_income_fen is not None and f"{d.net_income_fen / 100:.2f}" in net
    assert f"计入 {d.counted_members} 人" in net and d.counted_members == 2
    labels = [view.income.itemAt(r, view.income.ItemRole.LabelRole).widget().text()
              for r in range(view.income.rowCount())]
    assert "毛收入" in labels and "计算收入" in labels
    assert "5,200.00" in view.findChild(QWidget, "detailMedical").text()
    texts = [view.basic.itemAt(r, view.basic.ItemRole.FieldRole).widget().text()
             for r in range(view.basic.rowCount())]
    assert "居住证持有人在居住地申请" in texts and "52220120260001" in texts

    members = view.members_model
    cells = [[members.index(r, c).data() for c in range(members.columnCount())]
             for r in range(members.rowCount())]
    assert cells[1][0] == "祖父母（监护人）" and cells[1][4] == "计入（有法定义务且长期共同居住）"
    assert cells[2][4] == "不计入（服刑或强制隔离戒毒）"
    related = view.related_model
    rows = [[related.index(r, c).data() for c in range(related.columnCount())]
            for r in range(related.rowCount())]
    assert [r[1] for r in rows] == ["王丽", "王德贵"]
    assert rows[0][2] == MOTHER[:6] + "********" + MOTHER[-4:]
    assert rows[1][4] == "无履行能力：年满60周岁且无稳定收入"
    assert rows[0][5] == "3 人；每月 2,100.00 元"
    click(qtbot, view.full_id_button)  # the admin may see full IDs: logged
    assert related.index(0, 2).data() == MOTHER and related.index(1, 2).data() == GRANDFATHER
    assert members.index(1, 2).data() == GRANDMOTHER
    click(qtbot, view.full_id_button)
    assert "*" in related.index(0, 2).data()


def test_detail_of_an_application_without_the_stored_calculation(qtbot, window, services,
                                                                township):
    from desktop_app.core.models import Application
    from tests.helpers.gui import decide

    result = decide(services, township, "张三", make_id("19600512", 31))
    with services.ctx.db.transaction() as s:  # as migration 0008 leaves an older row
        a = s.get(Application, result.application_id)
        for attr in ("counted_members", "excluded_income_fen", "deduction_fen", "net_income_fen",
                     "net_per_capita_fen", "topup_fen"):
            setattr(a, attr, None)
    view = window.open_application(result.application_id).view
    assert view.findChild(QWidget, "detailNet").text() == "受理时未保存核算结果"
    assert "600.00" in view.findChild(QWidget, "detailGross").text()
    labels = [view.income.itemAt(r, view.income.ItemRole.LabelRole).widget().text()
              for r in range(view.income.rowCount())]
    assert "拟补差金额" not in labels and "不计入／扣减" not in labels  # nothing invented


def test_minor_applicant_without_a_guardian_is_told_in_the_section(qtbot, intake, services):
    fill_valid(qtbot, intake, id_number=CHILD, spouse=False)
    grandmother = add_member(qtbot, intake, "祖父母", "杨秀兰", GRANDMOTHER)
    click(qtbot, intake.accept_button)
    assert services.queries.count() == 0
    assert not intake.supporters_error.isHidden() and "监护人" in intake.supporters_error.text()
    click(qtbot, grandmother.guardian)
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    assert [m.guardian for m in services.queries.detail(intake.result.application_id).members] == [
        False, True]
