"""救助需求综合评估 on the intake screen: suggestions follow the form, the clerk adopts
or dismisses each; nothing is requested without the clerk's click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.gui import choose, click, make_id, type_text, village_named

pytestmark = pytest.mark.gui


def fill_household(qtbot, intake, *, wage: str = "300", name: str = "张三",
                   birth: str = "19600512") -> None:
    """A one-person rural household (applicant born 1960, aged 66) earning ``wage`` a month:
    below the rural 低保标准 of 600 yuan by default. No item is ticked."""
    a = intake.applicant
    type_text(qtbot, a.name, name)
    type_text(qtbot, a.id_number, make_id(birth, 31))
    type_text(qtbot, a.phone, "13812345678")
    type_text(qtbot, a.hukou_address, "贵州省铜仁市碧江区清水镇石桥村12号")
    village_named(intake, "石桥村")
    type_text(qtbot, intake.incomes["wage"], wage)


def suggested(qtbot, intake, code: str, present: bool = True) -> None:
    """Wait for the debounced assessment to show (or drop) ``code``."""
    qtbot.waitUntil(lambda: not intake.refresh_timer.isActive()
                    and (intake.assessment.state(code) is not None) is present, timeout=3000)


def row_widget(intake, code: str, part: str):
    widget = intake.assessment.findChild(QWidget, f"suggestion.{code}.{part}")
    assert widget is not None, f"no {part} for {code}"
    return widget


def test_low_income_household_gets_the_dibao_suggestion_with_its_reason(qtbot, intake):
    assert intake.assessment.state("DIBAO") is None
    fill_household(qtbot, intake)
    suggested(qtbot, intake, "DIBAO")
    reason = row_widget(intake, "DIBAO", "reason").text()
    assert "300" in reason and "600" in reason and "低保标准" in reason, reason
    assert row_widget(intake, "DIBAO", "name").text() == "最低生活保障"
    # A suggestion only: nothing ticked by itself.
    assert intake.items.chosen() == []
    assert intake.assessment.state("DIBAO") == "pending"

    # The household earns more: the suggestion goes (after the debounce).
    intake.incomes["wage"].clear()
    type_text(qtbot, intake.incomes["wage"], "2000")
    suggested(qtbot, intake, "DIBAO", present=False)


def test_adopting_ticks_the_item_and_the_application_requests_it(qtbot, intake, services):
    fill_household(qtbot, intake)
    suggested(qtbot, intake, "DIBAO")
    click(qtbot, row_widget(intake, "DIBAO", "adopt"))
    assert intake.items.boxes["DIBAO"].isChecked()
    assert intake.items.chosen() == ["DIBAO"]
    assert intake.assessment.state("DIBAO") == "adopted"
    assert not row_widget(intake, "DIBAO", "adopt").isEnabled()
    assert "已采纳" in row_widget(intake, "DIBAO", "state").text()

    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = services.queries.search_ids("张三")[0]
    detail = services.queries.detail(app_id)
    assert [i.name for i in detail.items] == ["最低生活保障"]


def test_dismissing_leaves_the_item_unrequested(qtbot, intake, services):
    fill_household(qtbot, intake)
    suggested(qtbot, intake, "DIBAO")
    click(qtbot, row_widget(intake, "DIBAO", "dismiss"))
    assert intake.assessment.state("DIBAO") == "dismissed"
    assert not intake.items.boxes["DIBAO"].isChecked()
    assert "未采纳" in row_widget(intake, "DIBAO", "state").text()
    assert "9e9e9e" in row_widget(intake, "DIBAO", "reason").styleSheet()  # greyed out

    # Remembered for this draft: a later edit re-assesses, the dismissal stays.
    intake.incomes["wage"].clear()
    type_text(qtbot, intake.incomes["wage"], "310")
    qtbot.waitUntil(lambda: "310" in row_widget(intake, "DIBAO", "reason").text(), timeout=3000)
    assert intake.assessment.state("DIBAO") == "dismissed"

    # The clerk requests something else; the saved application does not have 低保.
    intake.items.boxes["MEDICAL"].setChecked(True)
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.MEDICAL"))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = services.queries.search_ids("张三")[0]
    assert [i.name for i in services.queries.detail(app_id).items] == ["医疗救助"]

    # A new application forgets the dismissal.
    click(qtbot, intake.result.new_button)
    assert intake.assessment.state("DIBAO") is None
    fill_household(qtbot, intake, name="李四", birth="19610203")
    suggested(qtbot, intake, "DIBAO")
    assert intake.assessment.state("DIBAO") == "pending"


def test_ticking_a_suggested_item_by_hand_shows_it_adopted(qtbot, intake):
    fill_household(qtbot, intake)
    suggested(qtbot, intake, "DIBAO")
    intake.items.boxes["DIBAO"].setChecked(True)
    assert intake.assessment.state("DIBAO") == "adopted"
    intake.items.boxes["DIBAO"].setChecked(False)
    assert intake.assessment.state("DIBAO") == "pending"


def test_supporters_answer_decides_whether_tekun_is_suggested(qtbot, intake):
    fill_household(qtbot, intake)  # aged 66, income below the standard
    suggested(qtbot, intake, "DIBAO")
    assert intake.supporters_able() is None
    assert intake.assessment.state("TEKUN") is None  # not asked: no 特困

    click(qtbot, intake.supporters[False])
    assert intake.supporters_able() is False
    suggested(qtbot, intake, "TEKUN")
    assert "法定义务人" in row_widget(intake, "TEKUN", "reason").text()
    assert intake.draft().supporters_able is False

    # "Yes, listed below": the first supporter's card opens; recorded able → no 特困.
    click(qtbot, intake.supporters[True])
    supporter = intake.related.rows[0][0]
    assert intake.draft().supporters_able is None  # not checked yet
    choose(supporter.able, data=True)
    suggested(qtbot, intake, "TEKUN", present=False)
    assert intake.draft().supporters_able is True
    assert not intake.supporters[False].isEnabled()  # "none at all" contradicts the list


def test_supporters_answer_is_saved_and_cleared(qtbot, intake, services):
    fill_household(qtbot, intake)
    click(qtbot, intake.supporters[False])
    intake.items.boxes["DIBAO"].setChecked(True)
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = services.queries.search_ids("张三")[0]
    assert services.queries.detail(app_id).supporters_able is False
    click(qtbot, intake.result.new_button)
    assert intake.supporters_able() is None


def test_suggestion_buttons_are_reachable_by_keyboard(qtbot, intake):
    fill_household(qtbot, intake)
    suggested(qtbot, intake, "DIBAO")
    adopt = row_widget(intake, "DIBAO", "adopt")
    dismiss = row_widget(intake, "DIBAO", "dismiss")
    qtbot.waitUntil(lambda: adopt.isVisible() and dismiss.isVisible(), timeout=2000)  # rows show
    assert adopt.focusPolicy() & Qt.FocusPolicy.TabFocus                              # queued
    # The requested items come before the panel in the tab order, the adopt button
    # follows the last item box, then its dismiss button.
    assert _next_focusable(adopt) is dismiss
    last_box = list(intake.items.boxes.values())[-1]
    assert _next_focusable(last_box) is adopt
    # A mnemonic (Alt+P) reaches the adopt button; space adopts.
    assert "&" in adopt.text()
    adopt.setFocus()
    qtbot.keyClick(adopt, Qt.Key.Key_Space)
    assert intake.items.boxes["DIBAO"].isChecked()


def _next_focusable(widget):
    nxt = widget.nextInFocusChain()
    while nxt is not widget and not (nxt.isVisibleTo(widget.window()) and nxt.isEnabled()
                                     and nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_blank_form_suggests_nothing(qtbot, intake):
    intake.refresh_assessment()
    assert intake.assessment.rows == {}
    assert intake.assessment.hint.isVisibleTo(intake)
    choose(intake.house_rating, data="D")  # property alone is not a household yet
    intake.refresh_assessment()
    assert intake.assessment.rows == {}
    QApplication.processEvents()


# -- warnings at intake (duplicates, conflicts of interest) ------------------------------------
def test_duplicate_id_with_an_open_task_is_warned_and_can_be_opened(qtbot, intake, services,
                                                                    township):
    from tests.helpers.gui import decide

    earlier = decide(services, township, "张三", make_id("19600512", 31))  # 低保 accepted
    assert intake.warnings.isHidden()
    fill_household(qtbot, intake)
    intake.items.boxes["DIBAO"].setChecked(True)
    qtbot.waitUntil(lambda: any(earlier.number in t for t in intake.warnings.texts()),
                    timeout=3000)
    assert intake.warnings.isVisibleTo(intake)
    text = "\n".join(intake.warnings.texts())
    assert "最低生活保障" in text and "未办结" in text, text
    opened = []
    intake.openApplication.connect(opened.append)
    button = intake.warnings.findChild(QWidget, "intakeWarning0.open")
    assert earlier.number in button.text()
    click(qtbot, button)
    assert opened == [earlier.application_id]

    # Never blocking: the application can still be recorded.
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    # Cleared with the form.
    click(qtbot, intake.result.new_button)
    assert intake.warnings.isHidden() and intake.warnings.texts() == []


def test_flagged_staff_relative_is_warned_and_needs_a_note(qtbot, intake, services):
    fill_household(qtbot, intake)
    assert not intake.staff_note.isEnabled()
    click(qtbot, intake.staff_relative)
    qtbot.waitUntil(lambda: any("近亲属" in t for t in intake.warnings.texts()), timeout=3000)
    assert intake.warnings.isVisibleTo(intake)
    assert intake.staff_note.isEnabled()

    intake.items.boxes["DIBAO"].setChecked(True)
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    click(qtbot, intake.accept_button)
    assert services.queries.count() == 0  # the note is required
    assert QApplication.focusWidget() is intake.staff_note
    assert intake.errors._slots["staff_relative_note"].label.isVisibleTo(intake)

    type_text(qtbot, intake.staff_note, "村委会主任张某之兄")
    choose(intake.hardship_cause, text="因病")
    assert intake.draft().hardship_cause == "illness"
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    assert services.queries.count() == 1

    # Unflagged: the warning goes.
    click(qtbot, intake.result.new_button)
    assert not intake.staff_relative.isChecked() and intake.staff_note.text() == ""
    assert intake.hardship_cause.currentData() == ""
    fill_household(qtbot, intake, name="李四", birth="19610203")
    intake.refresh_assessment()
    assert not any("近亲属" in t for t in intake.warnings.texts())


def test_panel_and_warnings_are_translated(qtbot, intake, services, township):
    """Every state of the panel (pending, adopted, dismissed) and a warning with its button."""
    from test_gui_translations import english_in

    from tests.helpers.gui import decide

    decide(services, township, "张三", make_id("19600512", 31))
    fill_household(qtbot, intake)
    click(qtbot, intake.supporters[False])
    intake.items.boxes["DIBAO"].setChecked(True)
    click(qtbot, intake.staff_relative)
    suggested(qtbot, intake, "TEKUN")
    click(qtbot, row_widget(intake, "TEKUN", "dismiss"))
    qtbot.waitUntil(lambda: len(intake.warnings.texts()) >= 2, timeout=3000)
    assert {intake.assessment.state(c) for c in ("DIBAO", "TEKUN")} == {"adopted", "dismissed"}
    problems = english_in(intake.assessment) + english_in(intake.warnings)
    problems += english_in(intake.findChild(QWidget, "supporters"))
    assert not problems, problems
