"""服务机构名录 (administration tab) and 选择服务机构 on the tracking screen (issue 15
item 5), driven with real widgets: a 社工站 added in the directory takes a 照料 task,
its 转办单 and 转办清单 name it, and its 回执 is recorded with the department dialogs."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop_app.core.models import Document, Provider
from desktop_app.core.services.providers import ProviderInput
from tests.helpers.drafts import draft
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

    @property
    def last(self):
        return self.shown[-1]


def providers_page(window, qtbot):
    admin = window.show_admin()
    page = admin.providers
    admin.tabs.setCurrentWidget(page)
    dialogs = Dialogs(qtbot)
    page.run = dialogs
    return page, dialogs


def test_directory_tab_adds_and_changes_a_provider(qtbot, window, services):
    page, dialogs = providers_page(window, qtbot)
    assert page.model.rowCount() == 0
    assert window.admin.tabs.tabText(window.admin.tabs.indexOf(page)) == "服务机构"
    click(qtbot, page.add_button)
    d = dialogs.last
    # nothing typed: the services' messages next to the fields, nothing written
    click(qtbot, d.ok)
    assert d.isVisible()
    assert "请至少选择一项" in d.findChild(type(d.general), "dialogError").text() or any(
        "请至少选择一项" in label.text() for label in d.findChildren(type(d.general)))
    with services.ctx.db.read() as s:
        assert s.scalars(select(Provider)).all() == []
    type_text(qtbot, d.name, "铺镇社会工作服务站")
    choose(d.kind, data="social_work")
    d.service_boxes["SVC_CARE"].setChecked(True)
    d.service_boxes["SVC_VISIT"].setChecked(True)
    type_text(qtbot, d.contact, "周社工")
    type_text(qtbot, d.phone, "0916-2512345")
    type_text(qtbot, d.address, "铺镇人民政府院内便民服务中心二楼")
    click(qtbot, d.ok)
    assert not d.isVisible()
    assert page.model.rowCount() == 1
    row = page.selected()
    assert (row.name, row.kind_label, row.service_names, row.phone) == (
        "铺镇社会工作服务站", "社工站", "访视、照料", "0916-2512345")
    assert page.model.index(0, 5).data() == "在用"
    # deactivated: kept, no longer offered
    click(qtbot, page.active_button)
    assert page.model.index(0, 5).data() == "已停用"
    assert page.active_button.text() == "启用"
    click(qtbot, page.active_button)
    # changed through the dialog (prefilled)
    click(qtbot, page.change_button)
    d = dialogs.last
    assert d.name.text() == "铺镇社会工作服务站" and d.service_boxes["SVC_CARE"].isChecked()
    d.valid_to.setText("2025-01-01")
    d.valid_from.setText("2026-01-01")
    click(qtbot, d.ok)
    assert d.isVisible() and any("停用日期不能早于启用日期" in label.text()
                                 for label in d.findChildren(type(d.general)))
    d.valid_from.setText("")
    d.valid_to.setText("")
    d.service_boxes["SVC_COUNSEL"].setChecked(True)
    click(qtbot, d.ok)
    assert page.selected().service_names == "访视、照料、心理疏导"


def test_tracking_chooses_a_provider_and_its_list_and_receipt_follow(
        qtbot, window, services, township, clock, opener):
    station = services.providers.save(None, ProviderInput(
        name="铺镇社会工作服务站", kind="social_work", services=("SVC_CARE",),
        contact="周社工", phone="0916-2512345"), township).value
    services.providers.save(None, ProviderInput(
        name="阳光志愿服务队", kind="volunteer", services=("SVC_VISIT",)), township)
    r = services.intake.decide(draft(services, items=("SVC_CARE",)), "accept", township)
    screen = window.show_tracking()
    dialogs = Dialogs(qtbot)
    screen.run_dialog = dialogs
    screen.ask = lambda *a: True
    screen.refresh()
    assert screen.model.rowCount() == 1
    screen.view.selectRow(0)
    assert screen.provider_action.isEnabled() and not screen.sign_action.isEnabled()
    assert not screen.handover_button.isEnabled()    # nothing to hand over yet
    click(qtbot, screen.buttons["providerAction"])
    d = dialogs.last
    # only the providers offering 照料 (not the volunteers' 访视)
    assert [d.provider.itemText(i) for i in range(d.provider.count())] == [
        "铺镇社会工作服务站（社工站）"]
    assert "0916-2512345" in d.details.text()
    click(qtbot, d.ok)
    assert not d.isVisible()
    assert "铺镇社会工作服务站" in screen.message.text() and f"{r.number}-Z1" in \
        screen.message.text()
    screen.view.selectRow(0)
    assert not screen.provider_action.isEnabled()
    # the provider's handover list, from the same box as a department's
    assert screen.handover_dept.currentText() == "铺镇社会工作服务站（1 项）"
    assert screen.handover_dept.currentData() == f"P:{station}"
    click(qtbot, screen.handover_button)
    assert "铺镇社会工作服务站" in screen.message.text()
    assert "铺镇社会工作服务站" in pdf_text(screen.last_list.path)
    with services.ctx.db.read() as s:
        slip = s.scalars(select(Document).where(Document.kind == "referral")).one()
    assert "铺镇社会工作服务站" in pdf_text(services.documents.original_pdf(slip.id))
    # its 回执: the department dialogs
    clock.now = datetime(2026, 11, 26, 9, 0)
    screen.refresh()
    screen.view.selectRow(0)
    assert screen.model.row_at(0).handler_name == "铺镇社会工作服务站"
    assert screen.sign_action.isEnabled()
    click(qtbot, screen.buttons["signAction"])
    sign = dialogs.last
    type_text(qtbot, sign.signed_by, "周社工")
    click(qtbot, sign.ok)
    assert services.handling.tasks_for_application(r.application_id)[0].status == "signed"
