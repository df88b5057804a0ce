"""Issue 14, the intake form: nothing typed is lost (drafts), messages follow the field,
one money parser, materials suggested from the household's facts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.gui import choose, click, fill_valid, make_id, type_text

pytestmark = pytest.mark.gui


class Answers:
    """A question answered by the test; ``asked`` counts the times it was put."""

    def __init__(self, answer: str) -> None:
        self.answer, self.asked, self.seen = answer, 0, []

    def __call__(self, _parent, *args):
        self.asked += 1
        self.seen.extend(args)
        return self.answer


def _pending(services, window):
    return services.drafts.pending_drafts(window.actor)


# -- drafts: closing asks ------------------------------------------------------------------------
def test_close_with_a_dirty_form_asks_and_cancel_keeps_the_window(qtbot, window, intake, services):
    type_text(qtbot, intake.applicant.name, "王小明")
    intake.ask_close = ask = Answers("cancel")
    assert not window.close()
    assert ask.asked == 1 and window.isVisible()
    assert intake.applicant.name.text() == "王小明"
    assert _pending(services, window) == []


def test_close_save_draft_and_exit_keeps_the_form_in_the_database(qtbot, window, intake, services):
    type_text(qtbot, intake.applicant.name, "王小明")
    type_text(qtbot, intake.incomes["wage"], "1200")
    intake.ask_close = ask = Answers("save")
    actor = window.actor
    assert window.close()
    assert ask.asked == 1
    [draft] = services.drafts.pending_drafts(actor)
    assert draft.applicant_name == "王小明"
    saved = services.drafts.load_draft(actor, draft.id).draft
    assert saved.incomes == {"wage": "1200"}


def test_close_discard_leaves_no_draft(qtbot, window, intake, services):
    type_text(qtbot, intake.applicant.name, "王小明")
    intake.autosave()   # a draft was autosaved already: 放弃 removes it
    actor = window.actor
    assert len(services.drafts.pending_drafts(actor)) == 1
    intake.ask_close = ask = Answers("discard")
    assert window.close()
    assert ask.asked == 1 and services.drafts.pending_drafts(actor) == []


def test_close_with_an_empty_form_does_not_ask(qtbot, window, intake):
    intake.ask_close = ask = Answers("cancel")
    assert window.close()
    assert ask.asked == 0


# -- drafts: autosave, discard on decision / clear -------------------------------------------------
def test_autosave_after_a_pause_then_decision_discards(qtbot, window, intake, services):
    intake.autosave_timer.setInterval(50)
    type_text(qtbot, intake.applicant.name, "张三")
    qtbot.waitUntil(lambda: bool(_pending(services, window)), timeout=3000)
    assert "草稿已保存" in intake.draft_label.text()
    first = _pending(services, window)[0].id
    fill_valid(qtbot, intake, name="")   # the rest of a valid form
    qtbot.waitUntil(lambda: services.drafts.load_draft(window.actor, first).draft.items != [],
                    timeout=3000)
    assert [d.id for d in _pending(services, window)] == [first]   # one draft, updated
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    assert _pending(services, window) == []


def test_clear_form_discards_the_draft(qtbot, window, intake, services, messages):
    type_text(qtbot, intake.applicant.name, "王小明")
    intake.autosave()
    assert len(_pending(services, window)) == 1
    click(qtbot, intake.clear_button)
    assert _pending(services, window) == []
    assert intake.draft_label.text() == ""


def test_restore_offer_puts_every_field_back(qtbot, window, intake, services):
    fill_valid(qtbot, intake, all_received=False)
    choose(intake.source, data="hotline")
    intake.urgent.setChecked(True)
    choose(intake.materials.findChild(QWidget, "material.DIBAO.APPLICATION"), data="received")
    before = intake.draft()
    intake.autosave()
    actor = window.actor
    intake.clear_form()   # as after a restart: an empty form ...
    services.drafts.save_draft(actor, before)   # ... and the draft the crash left
    assert intake.applicant.name.text() == ""
    intake._offered.clear()
    intake.ask_restore = ask = Answers("restore")
    intake.offer_drafts()
    assert ask.asked == 1 and ask.seen[0].applicant_name == "张三"
    assert intake.draft() == before
    assert "恢复" in intake.draft_label.text()
    # restored, not new: the draft is the one offered, and goes with the decision
    assert [d.id for d in _pending(services, window)] == [intake.draft_id]


def test_restore_later_and_discard(qtbot, window, intake, services):
    from desktop_app.core.services import ApplicationDraft, MemberInput

    actor = window.actor
    for name in ("甲一", "乙二"):
        services.drafts.save_draft(actor, ApplicationDraft(applicant=MemberInput(name=name)))
    intake._offered.clear()
    intake.ask_restore = Answers("discard")
    intake.offer_drafts()
    assert _pending(services, window) == []   # both declined, both discarded
    assert intake.applicant.name.text() == ""
    services.drafts.save_draft(actor, ApplicationDraft(applicant=MemberInput(name="丙三")))
    intake._offered.clear()
    intake.ask_restore = Answers("later")
    intake.offer_drafts()
    assert len(_pending(services, window)) == 1 and intake.applicant.name.text() == ""


# -- messages follow the field ------------------------------------------------------------------
def test_a_fixed_field_loses_its_message_and_the_refusal_line(qtbot, window, intake):
    fill_valid(qtbot, intake)
    good = intake.applicant.id_number.text()
    intake.applicant.id_number.setText(good[:17] + ("1" if good[17] != "1" else "2"))
    intake.incomes["wage"].setText("-5")
    click(qtbot, intake.accept_button)
    id_error = intake.applicant.errors["id_number"]
    wage_error = window.findChild(QWidget, "income.wage.error")
    assert not id_error.isHidden() and not wage_error.isHidden()
    assert intake.refusal_line.isVisible() and "未能保存" in intake.refusal_line.text()

    intake.applicant.id_number.setText(good)
    intake.refresh_assessment()   # what the refresh timer does 0.3 s after the edit
    assert wage_error.text() and not wage_error.isHidden()   # still wrong: still told
    assert intake.applicant.id_number.styleSheet() == ""
    assert "校验" not in intake.refusal_line.text()
    assert intake.refusal_line.text().startswith("未能保存：工资性收入：")   # names the field
    live_id = id_error.text()
    assert "校验位" not in live_id

    intake.incomes["wage"].setText("1200元")
    intake.refresh_assessment()
    assert wage_error.isHidden() and intake.incomes["wage"].styleSheet() == ""
    assert not intake.refusal_line.isVisible()
    click(qtbot, intake.accept_button)   # and "1200元" saves
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()


def test_a_refused_decision_is_told_in_view(qtbot, window, intake, services):
    window.resize(1366, 700)
    fill_valid(qtbot, intake, all_received=False)
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.form
    error = intake.materials.error
    label = error if error.text() else window.findChild(QWidget, "materials.DIBAO")
    QApplication.processEvents()
    assert intake.refusal_line.isVisible() and "材料" in intake.refusal_line.text()
    assert not intake.refusal_line.visibleRegion().isEmpty()
    # the message next to the materials is scrolled into view in the right column
    area = window.findChild(QWidget, "intakeRightScroll")
    top = label.mapTo(area.widget(), label.rect().topLeft()).y()
    shown = area.verticalScrollBar().value()
    assert shown <= top <= shown + area.viewport().height()
    # receiving the materials clears it
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    intake.refresh_assessment()
    assert not intake.refusal_line.isVisible() and not error.text()


# -- one money parser ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, counted", [("1200元", True), ("¥1,200", True), ("１２００", True),
                                           ("1e9", False), ("0.125", False), ("abc", False)])
def test_live_total_reads_amounts_as_the_save_does(qtbot, intake, text, counted):
    type_text(qtbot, intake.incomes["wage"], text)
    note = "部分金额格式不正确"
    totals = intake.totals.text()
    if counted:
        assert "1,200.00" in totals and note not in totals, totals
    else:
        assert note in totals, totals
    errors = intake.services.intake.validate(intake.draft())
    assert any(e.field == "income.wage" for e in errors) is not counted


# -- materials from the household's facts ---------------------------------------------------------
def _status(intake, material: str) -> str:
    return intake.materials.findChild(QWidget, f"material.DIBAO.{material}").currentData()


def test_materials_follow_the_household_unless_changed(qtbot, window, intake):
    a = intake.applicant
    type_text(qtbot, a.name, "张三")
    type_text(qtbot, a.id_number, make_id("19600512", 31))
    intake.items.boxes["DIBAO"].setChecked(True)
    intake.refresh_assessment()
    assert _status(intake, "MARRIAGE_PROOF") == "na"
    assert _status(intake, "ILLNESS_PROOF") == "na"

    spouse = intake.members.add_member()
    choose(spouse.relation, data="配偶")
    choose(a.health, data="重病")
    intake.refresh_assessment()
    assert _status(intake, "MARRIAGE_PROOF") == "shared"     # not 不适用 with a 配偶
    assert _status(intake, "ILLNESS_PROOF") == "missing"     # not 不适用 with 重病
    hint = intake.materials.findChild(QWidget, "suggestion.DIBAO.MARRIAGE_PROOF")
    assert not hint.isHidden() and "有配偶" in hint.text()

    # the clerk changes one: it stays theirs
    box = intake.materials.findChild(QWidget, "material.DIBAO.MARRIAGE_PROOF")
    box.setCurrentIndex(box.findData("received"))
    box.activated.emit(box.currentIndex())
    choose(spouse.relation, data="子")
    choose(a.health, data="健康")
    intake.refresh_assessment()
    assert _status(intake, "MARRIAGE_PROOF") == "received"
    assert _status(intake, "ILLNESS_PROOF") == "na"   # untouched: follows the facts back

    # 全部收取 covers the conditional materials the household needs
    choose(a.health, data="重病")
    intake.refresh_assessment()
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    assert _status(intake, "ILLNESS_PROOF") == "received"
    assert _status(intake, "DISABILITY_CERT") == "na"


def test_autosave_never_disables_the_buttons(qtbot, window, intake, services):
    """The autosave is quiet on the write lane: the decision buttons stay usable."""
    seen: list[bool] = []
    window.tasks.busyChanged.connect(seen.append)
    type_text(qtbot, intake.applicant.name, "王小明")
    intake.autosave()
    assert len(_pending(services, window)) == 1
    assert seen == [] and not window.tasks.busy and intake.accept_button.isEnabled()


def test_no_draft_is_kept_of_a_decided_form(qtbot, window, intake, services):
    """After the decision the result page shows: late refreshes save nothing."""
    fill_valid(qtbot, intake)
    intake.autosave()
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result
    intake.schedule_refresh()
    intake.refresh_assessment()
    intake._dirty = True
    intake.autosave()
    assert _pending(services, window) == []


def test_an_unreadable_draft_is_told_once_then_discarded(qtbot, window, intake, services, messages):
    from sqlalchemy import text

    from desktop_app.core.services import ApplicationDraft, MemberInput

    actor = window.actor
    draft_id = services.drafts.save_draft(actor, ApplicationDraft(applicant=MemberInput(name="甲"))).value
    with services.ctx.db.transaction() as s:
        s.execute(text("UPDATE intake_draft SET state = '{' WHERE id = :i"), {"i": draft_id})
    intake._offered.clear()
    intake.ask_restore = Answers("restore")
    intake.offer_drafts()
    assert "无法读取" in messages.texts()
    assert _pending(services, window) == []


# -- the 补正 dialog's draft ----------------------------------------------------------------------
def test_supplement_statuses_survive_and_go_with_the_decision(qtbot, window, services, township):
    from tests.helpers.gui import decide

    app_id = decide(services, township, "李四", make_id("19700101", 51), "notice").application_id
    view = window.open_application(app_id).view
    first = services.ctx.catalog.item("DIBAO").materials[0].code

    supplement = view.open_supplement()
    qtbot.addWidget(supplement)
    box = supplement.findChild(QWidget, f"material.DIBAO.{first}")
    assert box.currentData() == "missing"
    box.setCurrentIndex(box.findData("received"))
    supplement.autosave()
    supplement.deleteLater()   # the window went away without a decision (a crash)
    [draft] = _pending(services, window)
    assert (draft.kind, draft.application_id) == ("supplement", app_id)
    # the intake form's start-up offer leaves 补正 drafts to their own dialog
    intake = window.intake
    intake._offered.clear()
    intake.ask_restore = not_asked = Answers("restore")
    intake.offer_drafts()
    assert not_asked.asked == 0 and intake.applicant.name.text() == ""

    supplement = view.open_supplement()
    qtbot.addWidget(supplement)
    supplement.ask_restore = ask = Answers("restore")
    supplement.offer_draft()
    assert ask.asked == 1
    box = supplement.findChild(QWidget, f"material.DIBAO.{first}")
    assert box.currentData() == "received"
    click(qtbot, supplement.accept_button)
    assert services.queries.detail(app_id).row.status == "accepted"
    assert _pending(services, window) == []
