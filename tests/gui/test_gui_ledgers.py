"""台账 tab (统计与档案, issue 16): the templates and their columns, the period's row
count, full IDs only with the right, an export through the runner written where the save
dialog said, a cancel that leaves nothing, a broken template told in Chinese."""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl
import pytest

from desktop_app import forms_dir
from desktop_app.gui.reports import screen as reports
from desktop_app.gui.reports.ledgers import LedgersTab
from tests.helpers.gui import actor_for
from tests.ledgers.test_ledgers import _demo

pytestmark = pytest.mark.gui

POPULATED = {"demo": _demo}


@pytest.fixture
def demo(populated_template, data_dir):
    return populated_template(_demo, data_dir)[1]


def _tab(qtbot, services, tasks, user: str, tmp_path) -> LedgersTab:
    actor = actor_for(services, user)
    opened = []
    page = LedgersTab(services, tasks, lambda: actor, opener=opened.append)
    page.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.refresh()
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    page.ask_save = lambda suggested: str(out / suggested.name)
    return page


def test_tab_is_registered_in_the_reports_screen():
    assert ("reports.ledgers:LedgersTab", "Ledgers") in reports.TABS


def test_export_as_a_clerk(qtbot, services, tasks, demo, tmp_path):
    tab = _tab(qtbot, services, tasks, "clerk1", tmp_path)
    assert [tab.ledger.itemText(i) for i in range(tab.ledger.count())] == [
        "社会救助受理登记台账", "社会救助事项转办台账", "临时救助台账", "救助对象名册"]
    assert not tab.full_ids.isEnabled() and "负责人或管理员" in tab.full_ids.toolTip()
    tab.ledger.setCurrentIndex(1)
    tpl = services.ledgers.template("referral")
    assert [tab.columns.item(r, 0).text() for r in range(tab.columns.rowCount())] == [
        c.header for c in tpl.columns]
    tab.start.setDate(date(2026, 7, 1))
    tab.end.setDate(date(2026, 11, 30))
    n = services.ledgers.count("referral", date(2026, 7, 1), date(2026, 11, 30))
    assert tab.summary.text().startswith(f"2026-07-01至2026-11-30共 {n} 行")
    tab.export_button.click()
    path = tmp_path / "out" / "社会救助事项转办台账_20260701-20261130.xlsx"
    assert path.exists()
    assert str(path) in tab.result.text() and f"{n} 行" in tab.result.text()
    assert "证件号码已遮盖" in tab.result.text()
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[3]] == [c.header for c in tpl.columns]
    assert ws.max_row == 3 + n
    tab.open_button.click()
    assert tab.opened == [path]


def test_supervisor_may_export_full_ids(qtbot, services, tasks, demo, tmp_path):
    tab = _tab(qtbot, services, tasks, "supervisor", tmp_path)
    assert tab.full_ids.isEnabled()
    tab.ledger.setCurrentIndex(tab.ledger.findData("roster"))
    tab.set_span("this_year")
    tab.full_ids.setChecked(True)
    tab.export_button.click()
    assert "完整证件号码" in tab.result.text()
    assert (tmp_path / "out" / "救助对象名册_20260101-20261231.xlsx").exists()


def test_cancel_leaves_no_file(qtbot, services, tasks, demo, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop_app.core.xlsx.STEP", 5)
    tab = _tab(qtbot, services, tasks, "clerk1", tmp_path)
    tab.start.setDate(date(2026, 7, 1))
    tab.end.setDate(date(2026, 11, 30))
    tab.progress.valueChanged.connect(lambda _v: tab.cancel_button.click())
    tab.export_button.click()
    assert tab.result.text() == "已取消，未写入任何文件。"
    assert list((tmp_path / "out").iterdir()) == []
    assert tab.export_button.isEnabled() and not tab.progress.isVisible()


def test_bad_dates_and_broken_template(qtbot, services, tasks, demo, tmp_path):
    tab = _tab(qtbot, services, tasks, "clerk1", tmp_path)
    tab.start.setDate(date(2026, 11, 30))
    tab.end.setDate(date(2026, 11, 1))
    tab.export_button.click()
    assert tab.error.text() == "开始日期不能晚于结束日期。"
    assert list((tmp_path / "out").iterdir()) == []
    folder = tmp_path / "ledgers"
    shutil.copytree(forms_dir() / "ledgers", folder)
    (folder / "temporary.json").write_text(
        '{"title": "临时救助台账", "columns": [{"field": "nosuch"}]}', "utf-8")
    services.ledgers._folder = folder
    tab.refresh()
    tab.ledger.setCurrentIndex(tab.ledger.findData("temporary"))
    assert "forms/ledgers/temporary.json" in tab.error.text() and "nosuch" in tab.error.text()
    assert not tab.export_button.isEnabled()
    tab.ledger.setCurrentIndex(0)
    assert tab.export_button.isEnabled() and not tab.error.isVisible()
