"""监测 tab (动态管理, issue 15 item 4): the monitoring list with the demo's known cases,
recording a visit as a clerk types it (Chinese through the input method), a bad visit
told next to its fields with nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from desktop_app.core.models import MonitorVisit
from desktop_app.core.services import demo_monitor
from desktop_app.gui.dynamic import screen as dynamic
from desktop_app.gui.dynamic.monitor import COL_REASONS, MonitorTab
from desktop_app.gui.kit.widgets import commit_text
from tests.helpers.gui import actor_for, choose, type_text

pytestmark = pytest.mark.gui


def _planted(services, clock):
    from desktop_app.core.services.demo import create_demo_township

    admin = create_demo_township(services)
    demo_monitor.add_cases(services, admin)
    return demo_monitor.planted(services)


POPULATED = {"planted": _planted}


@pytest.fixture
def planted(populated_template, data_dir):
    return populated_template(_planted, data_dir)[1]


@pytest.fixture
def tab(qtbot, services, planted, tasks):
    actor = actor_for(services, "clerk1")
    page = MonitorTab(services, tasks, lambda: actor)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.refresh()
    return page


def _select(tab, name):
    for i in range(tab.model.rowCount()):
        if tab.model.row_at(i).name == name:
            tab.view.selectRow(i)
            return tab.model.row_at(i)
    raise AssertionError(f"{name} not on the list")


def test_tab_is_registered_in_the_dynamic_screen():
    assert ("dynamic.monitor:MonitorTab", "Monitoring") in dynamic.TABS


def test_the_list_shows_the_known_households(tab, planted):
    names = {tab.model.row_at(i).name for i in range(tab.model.rowCount())}
    assert {"田秀梅", "杨再兴", "吴晓燕", "麻金花", "罗永福"} <= names
    assert not names & {"龙国华", "石宏伟", "滕建军", "张明亮"}
    row = _select(tab, "田秀梅")
    index = tab.model.index(tab.view.currentIndex().row(), COL_REASONS)
    assert tab.model.data(index) == "县级预警；低保边缘家庭"
    assert "低保边缘家庭" in tab.details.toPlainText() and row.risk == "medium"
    # filters: county warnings only
    choose(tab.reason, data="warning")
    assert {tab.model.row_at(i).name for i in range(tab.model.rowCount())} == {"田秀梅", "罗永福"}
    # taken off the list: shown on request
    tab.show_closed.setChecked(True)
    choose(tab.reason, data=None)
    assert "张明亮" in {tab.model.row_at(i).name for i in range(tab.model.rowCount())}


def _count(services):
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(MonitorVisit))


def test_recording_a_visit(qtbot, tab, services):
    before = _count(services)
    _select(tab, "罗永福")
    seen = []

    def fill(dialog):
        seen.append(dialog)
        dialog.show()
        commit_text(dialog.findings, "新增重度残疾，家中无人务工")
        dialog.ok.click()                      # no visitor, no outcome: told, nothing saved
        assert dialog.result() == 0
        texts = " ".join(label.text() for label in dialog.findChildren(type(tab.error)))
        assert "请填写至少一名走访人员" in texts and "请选择走访结论" in texts
        assert _count(services) == before
        type_text(qtbot, dialog.visitors, "李秀英、村委会杨光明")
        assert dialog.outcome.findData("change") == -1   # not a 低保/特困 household
        choose(dialog.outcome, data="lead")
        dialog.ok.click()

    tab.run_dialog = fill
    qtbot.mouseClick(tab.visit_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert seen and _count(services) == before + 1
    assert "主动发现" in tab.info.text()
    row = _select(tab, "罗永福")
    assert row.last_visit_on == services.ctx.today() and row.last_outcome == "lead"
    assert "新增重度残疾" in tab.details.toPlainText()
    assert not tab.findChild(QPushButton, "openApplication").isEnabled()  # no application here


def test_a_visit_needing_help_registers_a_lead_when_the_register_is_there(
        qtbot, tab, services, monkeypatch):
    """With the lead register (helper ``leads``' ``services.leads``) present, a visit
    that finds a household in need registers the lead with the household's facts and
    keeps its number on the visit. (A stand-in register here: the real one comes with
    that helper's branch.)"""
    import sys
    import types
    from dataclasses import dataclass, field
    from datetime import date

    @dataclass
    class LeadInput:
        source: str
        reported_on: date | str = ""
        subject_name: str = ""
        subject_id_number: str = ""
        subject_phone: str = ""
        village_id: int | None = None
        address: str = ""
        situation: str = ""
        reporter_name: str = ""
        reporter_phone: str = ""
        ticket_no: str = ""
        origin_ref: str = ""
        assignee: str = ""
        extra: list = field(default_factory=list)

    made = []

    class Register:
        def create(self, by, data):
            made.append(data)
            return types.SimpleNamespace(value=7, changes=None)

        def detail(self, lead_id):
            return types.SimpleNamespace(row=types.SimpleNamespace(number=f"ZD-{lead_id}"))

    module = types.ModuleType("desktop_app.core.services.leads")
    module.LeadInput = LeadInput
    monkeypatch.setitem(sys.modules, "desktop_app.core.services.leads", module)
    monkeypatch.setattr(services, "leads", Register(), raising=False)
    _select(tab, "罗永福")

    def fill(dialog):
        type_text(qtbot, dialog.visitors, "陈晓红")
        commit_text(dialog.findings, "新增重度残疾，家中无人务工")
        choose(dialog.outcome, data="lead")
        dialog.ok.click()

    tab.run_dialog = fill
    tab.record_visit()
    assert len(made) == 1 and made[0].source == "county_warning"
    assert made[0].subject_name == "罗永福" and "无人务工" in made[0].situation
    assert "ZD-7" in tab.info.text()
    row = _select(tab, "罗永福")
    assert services.monitor.visits(warning_id=row.warning_ids[0])[0].lead_ref == "ZD-7"
