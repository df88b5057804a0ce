"""救助评估规则 in 系统管理 → 设置 (issue 12): the rules in force are shown; a change is
saved as a new entry from the chosen day (tomorrow at the earliest) and the assessment
of a draft dated that day follows it; saving without a change writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from tests.helpers.drafts import draft
from tests.helpers.gui import click

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(window):
    screen = window.show_admin()
    screen.tabs.setCurrentWidget(screen.settings)
    return screen.settings


def test_shows_the_rules_in_force(settings):
    e = settings.eligibility
    assert "2021-01-01" in e.in_force.text()
    assert e.basis.currentData() == "hukou" and e.basis.currentText() == "申请人户籍"
    assert e.excluded["allowance"].isChecked() and not e.excluded["pension"].isChecked()
    assert e.vehicles.value() == 1 and e.deposits.value() == 24 and e.houses.value() == 1
    assert e.housing.value() == 0 and e.housing.text() == "不限"
    assert e.effective.date() == QDate(2026, 11, 25)  # tomorrow (the test clock: 11-24)
    assert e.entries() is e.original  # nothing changed


def test_a_change_becomes_a_dated_entry_the_assessment_follows(qtbot, settings, services):
    e = settings.eligibility
    d = draft(services, incomes={"pension": "1300"})  # 650 a head: 低保边缘
    assert [s.rule_id for s in services.assessment.assess(d)] == ["dibao_edge"]
    e.excluded["pension"].setChecked(True)
    e.vehicles.setValue(0)
    e.houses.setValue(2)
    click(qtbot, settings.save_button)
    qtbot.waitUntil(lambda: settings.status.text() != "", timeout=3000)
    stored = services.settings.editable()["eligibility"]
    assert [x["effective_from"] for x in stored] == ["2021-01-01", "2026-11-25"]
    assert set(stored[1]["excluded_incomes"]) == {"pension", "allowance", "basic_pension", "assistance",
                                                  "disability_subsidy", "reward"}
    assert stored[1]["max_vehicles"] == 0 and stored[0]["max_vehicles"] == 1
    assert stored[1]["max_houses"] == 2
    # the application day keeps its rules; a draft dated the 25th uses the new ones
    assert [s.rule_id for s in services.assessment.assess(d)] == ["dibao_edge"]
    d.intake_date = date(2026, 11, 25)
    assert [s.rule_id for s in services.assessment.assess(d)] == ["dibao"]
    # the form still shows today's rules; saving again changes nothing
    assert not e.excluded["pension"].isChecked()
    assert e.entries() is e.original


def test_rigid_validity_is_editable_and_an_old_entry_shows_its_default(qtbot, settings, services):
    """Issue 12: the 刚性支出 validity (months) is a dated setting; an entry stored before
    the field came in shows the default 12."""
    from desktop_app.core.rules.eligibility import ADDED_LATER, DEFAULT_ENTRY

    e = settings.eligibility
    old = {k: v for k, v in DEFAULT_ENTRY.items() if k not in ADDED_LATER}
    e.set_entries([old])
    assert e.rigid_months.value() == 12 and e.rigid_months.text() == "12 个月"
    assert e.entries() == [old]          # unchanged: the stored entry as it was
    e.rigid_months.setValue(6)
    entries = e.entries()
    assert [x["effective_from"] for x in entries] == ["2021-01-01", "2026-11-25"]
    assert entries[1]["rigid_validity_months"] == 6
    assert services.assessment.policy_on(date(2026, 11, 25)).rigid_validity_months == 12  # not saved yet


def test_care_long_term_condition_is_editable(qtbot, settings, services):
    """Issue 12 item 5 (review 12 finding 10): the care subsidy's 需长期照护 is a dated
    setting (国发〔2015〕52号: 一级、二级且需要长期照护); default no condition; a county-sent
    choice the form does not list is shown as it is and kept."""
    from desktop_app.core.rules.eligibility import DEFAULT_ENTRY

    e = settings.eligibility
    assert e.care_need.currentData() == "" and e.care_need.currentText() == "不限，仅按残疾等级"
    e.care_need.setCurrentIndex(e.care_need.findData("部分自理|完全不能自理"))
    entries = e.entries()
    assert entries[1]["care_self_care"] == ["部分自理", "完全不能自理"]
    assert entries[0]["care_self_care"] == []
    county = {**DEFAULT_ENTRY, "care_self_care": ["部分自理"]}
    e.set_entries([county])
    assert e.care_need.currentText() == "部分自理" and e.entries() == [county]
    e.set_entries([DEFAULT_ENTRY])
    assert e.care_need.count() == 3 and e.care_need.currentData() == ""
