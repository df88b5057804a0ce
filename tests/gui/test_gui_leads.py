"""主动发现 (issue 15 item 3), the 动态管理 tab: a 12345 lead becomes an intake draft with
the reporter's facts prefilled, is accepted at the window, and the lead closes with that
application linked; the other endings, the dialogs' refusals, printing, overdue leads on
the tracking screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.core.services.leads import LeadInput
from desktop_app.gui.kit.widgets import ErrorLabel
from tests.helpers.gui import actor_for, choose, click, commit_text, make_id, make_window, type_text

pytestmark = pytest.mark.gui

SUBJECT, ID_NUMBER, PHONE = "欧阳秀兰", make_id("19480302", 42), "13912345678"
SITUATION = "老人独居，腿脚不便，冬天取暖困难"


@pytest.fixture
def clerk_win(qtbot, services, township, opener, data_dir):
    return make_window(qtbot, services, actor_for(services, "clerk1"), opener, data_dir)


@pytest.fixture
def tab(clerk_win):
    screen = clerk_win.show_dynamic()
    page = screen.pages["LeadsTab"]
    screen.tabs.setCurrentWidget(page)
    assert screen.tabs.currentWidget() is page
    page.dialogs = []
    page.run_dialog = lambda d: (page.dialogs.append(d), d.show())
    return page


def _register_hotline(qtbot, tab) -> None:
    click(qtbot, tab.new_button)
    dlg = tab.dialogs[-1]
    choose(dlg.source, data="hotline")
    assert dlg.ticket.isEnabled()
    type_text(qtbot, dlg.ticket, "GD202611240001")
    type_text(qtbot, dlg.reporter, "王大明")
    type_text(qtbot, dlg.reporter_phone, "13700001111")
    type_text(qtbot, dlg.subject, SUBJECT)
    type_text(qtbot, dlg.id_number, ID_NUMBER)
    type_text(qtbot, dlg.phone, PHONE)
    choose(dlg.village, text="石桥村")
    type_text(qtbot, dlg.address, "石桥村三组47号")
    commit_text(dlg.situation, SITUATION)
    click(qtbot, dlg.ok)
    assert not dlg.isVisible(), dlg.general.text()


def test_hotline_lead_becomes_an_accepted_application_and_closes(qtbot, clerk_win, tab, services):
    _register_hotline(qtbot, tab)
    assert tab.model.rowCount() == 1
    row = tab.current()
    assert (row.source, row.subject_name, row.status) == ("hotline", SUBJECT, "open")
    assert row.reply_due is not None
    assert "GD202611240001" in tab.detail.text()

    click(qtbot, tab.buttons["applyLead"])
    intake = clerk_win.intake
    assert clerk_win.stack.currentWidget() is intake
    # what the reporter told is in the form
    assert intake.applicant.name.text() == SUBJECT
    assert intake.applicant.id_number.text() == ID_NUMBER
    assert intake.applicant.phone.text() == PHONE
    assert intake.village.currentText() == "石桥村"
    assert intake.hardship.text() == SITUATION
    assert intake.source.currentData() == "hotline"
    assert intake.lead_id == row.id
    # the clerk completes the household and accepts
    type_text(qtbot, intake.incomes["wage"], "300")
    intake.items.boxes["DIBAO"].setChecked(True)
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()

    [closed] = services.leads.find(status="closed")
    assert closed.id == row.id and closed.outcome == "apply"
    assert closed.application_id is not None
    detail = services.queries.detail(closed.application_id)
    assert detail.row.number == closed.application_number and detail.source == "12345热线"
    assert detail.hardship_reason == SITUATION and detail.phone == PHONE
    assert services.drafts.pending_drafts(clerk_win.actor) == []
    # the tab shows it closed with the application linked, and opens it
    clerk_win.show_dynamic()
    choose(tab.filter, data="closed")
    tab.select_lead(row.id)
    assert tab.current().application_number == detail.row.number
    assert tab.buttons["openLeadApplication"].isEnabled()
    assert not tab.buttons["applyLead"].isEnabled()
    opened = []
    tab.openApplication.connect(opened.append)
    click(qtbot, tab.buttons["openLeadApplication"])
    assert opened == [closed.application_id]


def test_refusals_are_shown_in_the_dialog_and_nothing_is_written(qtbot, tab, services):
    click(qtbot, tab.new_button)
    dlg = tab.dialogs[-1]
    choose(dlg.source, data="hotline")
    click(qtbot, dlg.ok)
    assert dlg.isVisible()
    shown = [w.text() for w in dlg.findChildren(ErrorLabel) if w.text()]
    assert len(shown) >= 3   # the ticket, the person, the situation: each at its field
    assert services.leads.find() == []


def test_visit_refer_and_print(qtbot, tab, services, opener):
    _register_hotline(qtbot, tab)
    click(qtbot, tab.buttons["visitLead"])
    dlg = tab.dialogs[-1]
    type_text(qtbot, dlg.visitors, "")
    commit_text(dlg.visitors, "赵协理、李四")
    commit_text(dlg.findings, "独居，生活困难")
    click(qtbot, dlg.ok)
    assert not dlg.isVisible(), dlg.general.text()
    assert tab.current().status == "visited" and "赵协理" in tab.detail.text()

    click(qtbot, tab.buttons["printSlip"])
    assert tab.document.path is not None and tab.document.path.exists()
    assert tab.message.text().endswith("-D")
    click(qtbot, tab.buttons["referLead"])
    dlg = tab.dialogs[-1]
    click(qtbot, dlg.ok)
    assert dlg.isVisible() and [w.text() for w in dlg.findChildren(ErrorLabel) if w.text()]
    commit_text(dlg.reason, "县医保局")
    click(qtbot, dlg.ok)
    assert not dlg.isVisible()
    assert tab.model.rowCount() == 0          # the open list no longer shows it
    choose(tab.filter, data="all")
    assert tab.current().status == "closed"


def test_overdue_leads_on_the_tracking_screen(qtbot, clerk_win, services):
    clerk = actor_for(services, "clerk1")
    village = services.setup.villages()[0].id
    services.leads.create(clerk, LeadInput(source="hotline", reported_on="2026-11-10",
                                           subject_name=SUBJECT, village_id=village,
                                           situation=SITUATION, ticket_no="GD1"))
    tracking = clerk_win.show_tracking()
    label = tracking.findChild(QWidget, "overdueLeads")
    assert label is not None and label.isVisible()
    assert "1" in label.text() and "主动发现" in label.text()
