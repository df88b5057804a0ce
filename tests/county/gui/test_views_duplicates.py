"""重复申请 tab: the planted cross-township duplicates appear with masked ID numbers;
the officer's drill-down shows where and, on request, the full number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from county_workstation.views.duplicates import DuplicatesTab
from desktop_app.gui.kit.tasks import TaskRunner
from tests.county.gui import views_seed as seed

pytestmark = pytest.mark.gui


@pytest.fixture
def world(tmp_path):
    return seed.seed(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "keys")


@pytest.fixture
def tab(qtbot, world):
    actor = seed.officer()
    page = DuplicatesTab(seed.context(world), TaskRunner(synchronous=True), lambda: actor)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.refresh()
    return page


def _rows(tab):
    m = tab.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def _select(tab, kind, masked):
    for i in range(tab.model.rowCount()):
        row = tab.model.row_at(i)
        if row.kind == kind and row.id_masked == masked:
            tab.view.selectRow(i)
            return row
    raise AssertionError((kind, masked))


def test_the_planted_duplicates_appear_masked(tab):
    rows = _rows(tab)
    assert ["同一事项跨乡镇申请", "522201********123X", "医疗救助", "城关镇、龙泉镇",
            "CG-2026-0001、LQ-2026-0001"] in rows
    members = [r for r in rows if r[0] == "跨乡镇家庭成员"]
    assert ["跨乡镇家庭成员", "522201********2345", "—", "城关镇、石阡镇",
            "CG-2026-0001、SQ-2026-0001"] in members
    shown = "".join(str(x) for r in rows for x in r)
    assert seed.DUP_ID not in shown and seed.MEMBER_ID not in shown
    assert tab.count.text() == f"共 {len(rows)} 例"


def test_a_case_lists_where_it_occurs_and_reveals_the_full_number(qtbot, tab):
    _select(tab, "two_households", "522201********2345")
    occ = tab.occurrences
    assert [[occ.data(occ.index(r, c)) for c in range(occ.columnCount())]
            for r in range(occ.rowCount())] == [
        ["城关镇", "CG-2026-0001", "家庭成员", "—", "2026-10-25"],
        ["石阡镇", "SQ-2026-0001", "家庭成员", "—", "2026-10-25"]]
    assert tab.full_id.text() == ""
    qtbot.mouseClick(tab.reveal, Qt.MouseButton.LeftButton)
    assert tab.full_id.text() == seed.MEMBER_ID
    # another case: the number is hidden again
    _select(tab, "same_item", "522201********123X")
    assert tab.full_id.text() == ""


def test_the_kind_filter(tab):
    tab.kind.setCurrentIndex(tab.kind.findData("same_item"))
    tab.kind.activated.emit(tab.kind.currentIndex())
    assert {r[0] for r in _rows(tab)} == {"同一事项跨乡镇申请"} and len(_rows(tab)) == 1


def test_a_department_login_does_not_see_the_tab_nor_the_full_number(qtbot, world):
    assert "department" not in DuplicatesTab.ROLES
    actor = seed.department("HEALTHCARE")
    page = DuplicatesTab(seed.context(world), TaskRunner(synchronous=True), lambda: actor)
    qtbot.addWidget(page)
    page.refresh()
    assert page.reveal.isHidden()
    page.reveal_id()
    assert page.full_id.text() == ""
