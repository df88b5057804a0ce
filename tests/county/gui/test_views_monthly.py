"""月度统计 tab: a month's figures by township / item / department across townships,
the chart of one figure, a bad period said with nothing read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from county_workstation.views.monthly import MonthlyTab, parse_month, shift_month
from desktop_app.gui.kit.tasks import TaskRunner
from tests.county.gui import views_seed as seed

pytestmark = pytest.mark.gui


@pytest.fixture
def world(tmp_path):
    return seed.seed(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "keys")


def _tab(qtbot, world, actor=None):
    actor = actor or seed.officer()
    tab = MonthlyTab(seed.context(world), TaskRunner(synchronous=True), lambda: actor)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    return tab


def _show(qtbot, tab, text):
    tab.month_edit.clear()
    qtbot.keyClicks(tab.month_edit, text)
    qtbot.keyClick(tab.month_edit, Qt.Key.Key_Return)


def _table(tab):
    m = tab.model
    heads = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    return {m.data(m.index(r, 0)): {heads[c]: m.data(m.index(r, c))
                                    for c in range(1, m.columnCount())}
            for r in range(m.rowCount())}


@pytest.mark.parametrize(("text", "first"), [
    ("2026-10", (2026, 10)), ("2026年9月", (2026, 9)), ("2026.1", (2026, 1)),
    ("2026-13", None), ("26-10", None), ("", None)])
def test_month_text(text, first):
    got = parse_month(text)
    assert (got.year, got.month) == first if first else got is None


def test_shift_month_over_the_year():
    assert shift_month(parse_month("2026-12"), 1) == parse_month("2027-01")
    assert shift_month(parse_month("2026-01"), -1) == parse_month("2025-12")


def test_figures_by_township_and_the_chart(qtbot, world):
    tab = _tab(qtbot, world)
    _show(qtbot, tab, "2026-10")
    assert tab.month_label.text() == "2026年10月"
    table = _table(tab)
    assert list(table) == ["城关镇", "龙泉镇", "石阡镇", "合计"]
    assert [table[k]["受理登记"] for k in table] == ["2", "2", "2", "6"]
    assert table["城关镇"]["转办"] == "3" and table["合计"]["转办"] == "6"
    # the chart: 受理登记 by township
    assert tab.figure.currentData() == "received"
    assert [(p.label, p.value) for p in tab.chart.points] == [
        ("城关镇", 2.0), ("龙泉镇", 2.0), ("石阡镇", 2.0)]
    assert "受理登记" in tab.chart.title and "2026年10月" in tab.chart.title
    tab.figure.setCurrentIndex(tab.figure.findData("referred"))
    tab.figure.activated.emit(tab.figure.currentIndex())
    assert [p.value for p in tab.chart.points] == [3.0, 1.0, 2.0]
    tab.chart.barActivated.emit(1)
    assert tab.view.currentIndex().row() == 1


def test_by_department_names_the_departments(qtbot, world):
    tab = _tab(qtbot, world)
    tab.by.setCurrentIndex(tab.by.findData("department"))
    _show(qtbot, tab, "2026-10")
    table = _table(tab)
    assert {"县医保局", "县教育局", "合计"} <= set(table)
    assert table["县医保局"]["转办"] == "4"


def test_a_department_sees_its_own_figures(qtbot, world):
    tab = _tab(qtbot, world, seed.department("EDUCATION"))
    _show(qtbot, tab, "2026-10")
    assert _table(tab)["合计"]["转办"] == "1"     # LQ-0002 referred in November


def test_previous_month_and_an_empty_one(qtbot, world):
    tab = _tab(qtbot, world)
    _show(qtbot, tab, "2026-10")
    qtbot.mouseClick(tab.previous, Qt.MouseButton.LeftButton)
    assert tab.month_edit.text() == "2026-09"
    assert list(_table(tab)) == ["合计"] and _table(tab)["合计"]["受理登记"] == "0"
    assert tab.chart.points == []
    qtbot.mouseClick(tab.following, Qt.MouseButton.LeftButton)
    assert tab.month_edit.text() == "2026-10" and len(tab.chart.points) == 3


def test_a_bad_period_is_said_and_nothing_read(qtbot, world):
    tab = _tab(qtbot, world)
    _show(qtbot, tab, "2026-10")
    _show(qtbot, tab, "2026-13")
    assert not tab.error.isHidden() and "2026-11" in tab.error.text()
    assert tab.month_label.text() == "2026年10月"    # the last good figures stay
    assert len(tab.chart.points) == 3
