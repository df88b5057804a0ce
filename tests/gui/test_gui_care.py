"""特困照料 (issue 15): the tab of the 动态管理 screen lists agreements ending soon and
特困 persons without an agreement; the assessment dialog types Chinese names, answers the
six indicators (the level shown live), refuses bad input at the fields with nothing
written, and saves: the 委托照料协议 opens and the lists follow the change bus; the detail
window's 特困照料… button opens the same dialog for a TEKUN task."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import CarePlan
from desktop_app.gui.applications.detail import DetailView
from desktop_app.gui.dynamic.care import COL_PERSON, COL_PROBLEM, CareDialog, CareTab
from desktop_app.gui.kit.widgets import ErrorLabel
from tests.helpers.care import dispersed, tekun_task
from tests.helpers.gui import choose, click, pdf_text, type_text

pytestmark = pytest.mark.gui


class Dialogs:
    """Stands in for ``dialog.exec()``: shows the dialog and keeps it for the test."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.shown: list = []

    def __call__(self, dialog) -> None:
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.shown.append(dialog)


@pytest.fixture
def tab(qtbot, services, tasks, admin, opener):
    page = CareTab(services, tasks, lambda: admin, opener=opener)
    qtbot.addWidget(page)
    page.run_dialog = Dialogs(qtbot)
    page.resize(1200, 700)
    page.show()
    return page


def column(view, col):
    m = view.model()
    return [m.index(r, col).data() for r in range(m.rowCount())]


def plans(services) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(CarePlan)) or 0


def shown_errors(dialog) -> list[str]:
    return [lbl.text() for lbl in dialog.findChildren(ErrorLabel) if lbl.text()]


def test_tab_lists_and_a_new_agreement_through_the_dialog(tab, services, township, qtbot,
                                                          opener):
    _a, soon = tekun_task(services, township, name="王德明", seed=21)
    _b, missing = tekun_task(services, township, name="张大山", seed=22)
    services.care.record(soon, dispersed(starts_on="2025-12-10"), township)
    tab.refresh()
    assert column(tab.ending_view, COL_PERSON) == ["王德明"]
    assert column(tab.ending_view, COL_PROBLEM) == ["即将到期"]
    assert column(tab.missing_view, COL_PERSON) == ["张大山"]
    assert column(tab.missing_view, COL_PROBLEM) == ["未进行生活自理能力评估"]
    assert "30 天" in tab.intro.text()

    tab.missing_view.selectRow(0)
    tab._focus(tab.missing_view)
    click(qtbot, tab.assess_button)
    dialog = tab.run_dialog.shown[-1]
    assert isinstance(dialog, CareDialog) and dialog.person.currentText() == "张大山"
    assert "0" in dialog.level.text()            # nothing answered yet
    # bad input: no assessors, one indicator unanswered, no caretaker → at the fields
    for code in ("eat", "dress", "bed", "toilet", "walk"):
        dialog.findChild(type(dialog.indicators[code].button(1)), f"{code}Yes").click()
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and plans(services) == 1
    errors = shown_errors(dialog)
    assert "请填写至少 2 名评估人员" in errors
    assert "请评估“自主洗澡”：能或不能" in errors
    assert "请选择照料人类别" in errors

    dialog.findChild(type(dialog.indicators["bath"].button(0)), "bathNo").click()
    dialog.findChild(type(dialog.indicators["dress"].button(0)), "dressNo").click()
    assert dialog.level.text() == "部分丧失生活自理能力 — 6项指标中2项不能达到"
    assert dialog.amount.text().startswith("每月 400.00 元")
    type_text(qtbot, dialog.assessors, "李四 赵六")
    choose(dialog.caretaker_kind, data="relative")
    type_text(qtbot, dialog.caretaker_name, "张小山")
    type_text(qtbot, dialog.caretaker_relation, "侄子")
    type_text(qtbot, dialog.caretaker_phone, "13900000002")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible(), shown_errors(dialog)
    assert plans(services) == 2
    view = services.care.current(missing)
    assert (view.caretaker_name, view.level, view.amount_fen) == ("张小山", "partial", 40_000)
    assert opener.opened and opener.opened[-1].name.endswith("care_agreement.pdf")
    assert "张小山" in pdf_text(opener.opened[-1])
    # the change bus refreshed the tab: nobody is left without an agreement
    assert column(tab.missing_view, COL_PERSON) == []
    assert "张大山" in tab.message.text()


def test_ending_an_agreement_from_the_tab(tab, services, township, qtbot):
    _a, soon = tekun_task(services, township, name="王德明", seed=23)
    services.care.record(soon, dispersed(starts_on="2025-12-10"), township)
    tab.refresh()
    tab.ending_view.selectRow(0)
    tab._focus(tab.ending_view)
    assert tab.end_button.isEnabled()
    click(qtbot, tab.end_button)
    dialog = tab.run_dialog.shown[-1]
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and shown_errors(dialog) == ["请填写终止原因"]
    type_text(qtbot, dialog.reason, "转为集中供养")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    assert column(tab.ending_view, COL_PERSON) == []
    assert column(tab.missing_view, COL_PROBLEM) == ["已提前终止，未签新协议"]


def test_detail_window_button_for_a_tekun_task(qtbot, services, township, tasks, admin, opener):
    app_id, _task = tekun_task(services, township, name="刘秀英", seed=24)
    view = DetailView(services, tasks, app_id, lambda: admin, opener=opener)
    qtbot.addWidget(view)
    view.show()
    button = view.care_button
    assert button.isVisible() and button.text() == "特困照料…"
    button.run_dialog = Dialogs(qtbot)
    click(qtbot, button)
    dialog = button.run_dialog.shown[-1]
    assert isinstance(dialog, CareDialog) and dialog.person.currentText() == "刘秀英"


def test_no_care_button_without_a_tekun_task(qtbot, services, township, tasks, admin, opener):
    from tests.helpers.drafts import draft
    r = services.intake.decide(draft(services), "accept", township)
    view = DetailView(services, tasks, r.application_id, lambda: admin, opener=opener)
    qtbot.addWidget(view)
    assert not view.care_button.isVisibleTo(view)
