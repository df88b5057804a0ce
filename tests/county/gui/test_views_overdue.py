"""超期转办 tab: overdue referrals by department × township on a county with planted
cases; a cell drills down to its tasks; a department's login sees only its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from county_workstation.views.overdue import OverdueTab
from desktop_app.gui.kit.tasks import TaskRunner
from tests.county.gui import views_seed as seed

pytestmark = pytest.mark.gui


@pytest.fixture
def world(tmp_path):
    return seed.seed(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "keys")


def _tab(qtbot, world, actor):
    tasks = TaskRunner(synchronous=True)
    tab = OverdueTab(seed.context(world), tasks, lambda: actor)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    tab.refresh()
    return tab


def _matrix(tab):
    m = tab.matrix
    cols = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    return {m.data(m.index(r, 0)): {cols[c]: m.data(m.index(r, c))
                                    for c in range(1, m.columnCount())}
            for r in range(m.rowCount())}


def test_counts_by_department_and_township(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    table = _matrix(tab)
    assert table["县医保局"] == {"城关镇": "2", "龙泉镇": "1", "石阡镇": "", "合计": "3"}
    assert table["县教育局"] == {"城关镇": "", "龙泉镇": "", "石阡镇": "1", "合计": "1"}
    assert table["合计"]["合计"] == "4"          # not due yet, done and township tasks left out
    assert "4" in tab.summary.text()


def test_a_cell_lists_its_tasks_longest_overdue_first(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    index = tab.matrix.cell_of("HEALTHCARE", "522201001000")
    tab.matrix_view.clicked.emit(index)
    rows = [tab.list_model.row_at(i) for i in range(tab.list_model.rowCount())]
    assert [r.application_number for r in rows] == ["CG-2026-0001", "CG-2026-0002"]
    assert [r.days_overdue for r in rows] == [10, 3]
    assert rows[0].item_label == "医疗救助" and rows[0].township_label == "城关镇"
    assert "城关镇" in tab.list_title.text() and "2" in tab.list_title.text()
    # 合计 of a column: every department of the township
    tab.matrix_view.clicked.emit(tab.matrix.cell_of(None, "522201003000"))
    assert [tab.list_model.row_at(i).application_number
            for i in range(tab.list_model.rowCount())] == ["SQ-2026-0001"]


def test_a_later_day_counts_more(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    tab.as_of.setDate(tab.as_of.date().addDays(10))    # LQ-2026-0002 due on 12-02
    assert _matrix(tab)["合计"]["合计"] == "5"


def test_a_department_sees_only_its_own(qtbot, world):
    tab = _tab(qtbot, world, seed.department("EDUCATION"))
    assert not tab.department_box.isEnabled()
    assert tab.department_box.currentText() == "县教育局"
    table = _matrix(tab)
    assert set(table) == {"县教育局", "合计"}
    tab.matrix_view.clicked.emit(tab.matrix.cell_of(None, None))
    assert [tab.list_model.row_at(i).department_label
            for i in range(tab.list_model.rowCount())] == ["县教育局"]


def test_a_township_filter(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    tab.township_box.setCurrentIndex(tab.township_box.findData("522201002000"))
    tab.township_box.activated.emit(tab.township_box.currentIndex())
    assert _matrix(tab) == {"县医保局": {"龙泉镇": "1", "合计": "1"},
                            "合计": {"龙泉镇": "1", "合计": "1"}}


def test_a_failed_query_is_said_not_an_empty_table(qtbot, world, monkeypatch):
    boxes = seed.answer_boxes(monkeypatch)
    tab = _tab(qtbot, world, seed.officer())
    assert tab.matrix.rowCount() == 3
    with world.county.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE county_task")
    tab.refresh()
    assert tab.matrix.rowCount() == 0
    assert tab.summary.text() == "查询失败。"
    assert boxes            # the kit's presenter: logged, scrubbed, told in plain words


@pytest.mark.slow
def test_the_same_on_postgresql(qtbot, pg_url, tmp_path):
    """The tabs' queries on the county's production database (PostgreSQL)."""
    from county_workstation.views.feedback import FeedbackTab

    world = seed.seed(pg_url, tmp_path / "keys")
    try:
        tab = _tab(qtbot, world, seed.officer())
        assert _matrix(tab)["县医保局"] == {"城关镇": "2", "龙泉镇": "1", "石阡镇": "",
                                            "合计": "3"}
        tab.matrix_view.clicked.emit(tab.matrix.cell_of("EDUCATION", None))
        assert [tab.list_model.row_at(i).days_overdue
                for i in range(tab.list_model.rowCount())] == [20]
        actor = seed.department("EDUCATION")
        feedback = FeedbackTab(seed.context(world), TaskRunner(synchronous=True),
                               lambda: actor)
        qtbot.addWidget(feedback)
        feedback.refresh()
        assert sorted(feedback.model.row_at(i).application_number
                      for i in range(feedback.model.rowCount())) == ["LQ-2026-0002",
                                                                     "SQ-2026-0001"]
    finally:
        world.county.close()
