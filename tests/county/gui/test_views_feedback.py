"""部门回执 tab: the waiting referrals (a department: its own), a 回执 typed at the county
(Chinese through the input method), refusals said in Chinese with nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from county_receiver.models import DepartmentFeedback
from county_workstation.views import data
from county_workstation.views.feedback import FeedbackTab
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.kit.widgets import commit_text
from tests.county.gui import views_seed as seed

pytestmark = pytest.mark.gui


@pytest.fixture
def world(tmp_path):
    return seed.seed(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "keys")


def _tab(qtbot, world, actor):
    tab = FeedbackTab(seed.context(world), TaskRunner(synchronous=True), lambda: actor)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    tab.refresh()
    return tab


def _numbers(tab):
    return [tab.model.row_at(i).application_number for i in range(tab.model.rowCount())]


def _select(tab, number):
    for i in range(tab.model.rowCount()):
        if tab.model.row_at(i).application_number == number:
            tab.view.selectRow(i)
            return tab.model.row_at(i)
    raise AssertionError(number)


def _feedback(world):
    with Session(world.county.engine) as s:
        return s.scalars(select(DepartmentFeedback)).all()


def _count(world):
    with Session(world.county.engine) as s:
        return s.scalar(select(func.count()).select_from(DepartmentFeedback))


def test_an_officer_sees_every_waiting_referral(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    assert sorted(_numbers(tab)) == ["CG-2026-0001", "CG-2026-0002", "LQ-2026-0001",
                                     "LQ-2026-0002", "SQ-2026-0001"]
    assert tab.count.text() == "待回执 5 件"
    row = _select(tab, "SQ-2026-0001")
    m = tab.model
    texts = [m.data(m.index(tab.view.currentIndex().row(), c)) for c in range(m.columnCount())]
    assert texts[:8] == ["石阡镇", "SQ-2026-0001", "教育救助", "县教育局", "已转办", "2026-10-05",
                         "2026-11-04", "超期 20 天"]
    assert row.days_left == -20
    assert m.data(m.index(tab.view.currentIndex().row(), 0),
                  Qt.ItemDataRole.ForegroundRole) is not None        # overdue in red


def test_a_department_sees_only_its_own(qtbot, world):
    tab = _tab(qtbot, world, seed.department("EDUCATION"))
    assert sorted(_numbers(tab)) == ["LQ-2026-0002", "SQ-2026-0001"]
    assert not tab.department_box.isEnabled() and tab.department_box.currentText() == "县教育局"


def test_a_done_feedback_typed_in_chinese_is_recorded(qtbot, world):
    tab = _tab(qtbot, world, seed.department("HEALTHCARE"))
    _select(tab, "LQ-2026-0001")
    assert tab.form_box.isEnabled() and "龙泉镇" in tab.task_label.text()
    tab.result.setCurrentIndex(tab.result.findData("done"))
    qtbot.keyClicks(tab.amount, "1200.5")
    tab.has_period.setChecked(True)
    commit_text(tab.signed_by, "王医保")
    commit_text(tab.text, "已按规定给予医疗救助")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.form_error.isHidden(), tab.form_error.text()
    assert "回执已保存" in tab.info.text()
    [fb] = _feedback(world)
    assert (fb.result, fb.amount_fen, fb.department, fb.result_text, fb.signed_by) == (
        "done", 120050, "HEALTHCARE", "已按规定给予医疗救助", "王医保")
    assert fb.period_from == seed.TODAY and fb.return_seq is None
    # the list says the 回执 waits for the next return package
    row = _select(tab, "LQ-2026-0001")
    assert row.feedback_result == "done"
    m = tab.model
    assert m.data(m.index(tab.view.currentIndex().row(), 8)) == "办结（待发送）"
    tab.pending_only.setChecked(True)
    assert "LQ-2026-0001" not in _numbers(tab)


def test_a_refusal_without_a_reason_is_refused_in_chinese(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    _select(tab, "CG-2026-0001")
    tab.result.setCurrentIndex(tab.result.findData("refused"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.form_error.text() == "不予办理或退回须写明理由。"
    assert _count(world) == 0


def test_a_county_refusal_is_its_chinese_line(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    _select(tab, "CG-2026-0001")
    with Session(world.county.engine) as s, s.begin():     # meanwhile the township closed it
        from county_receiver.models import CountyRecord
        rec = s.scalars(select(CountyRecord).where(
            CountyRecord.type == "requested_item",
            CountyRecord.application_number.is_(None))).all()
        task = next(r for r in rec if r.uuid == tab.selected().task_uuid)
        task.data = {**task.data, "task_status": "done"}
    tab.result.setCurrentIndex(tab.result.findData("done"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.form_error.text() == "该事项在乡镇已是最终状态（done）"
    assert "/" not in tab.form_error.text()
    assert _count(world) == 0


@pytest.mark.parametrize("amount", ["12.345", "-5", "abc", "一百"])
def test_a_bad_amount_is_said_and_nothing_written(qtbot, world, amount):
    tab = _tab(qtbot, world, seed.officer())
    _select(tab, "CG-2026-0001")
    tab.result.setCurrentIndex(tab.result.findData("done"))
    commit_text(tab.amount, amount)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "最多两位小数" in tab.form_error.text()
    assert _count(world) == 0


def test_no_result_chosen(qtbot, world):
    tab = _tab(qtbot, world, seed.officer())
    _select(tab, "CG-2026-0001")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.form_error.text() == "请选择办理结果。"
    assert _count(world) == 0


def test_a_department_cannot_answer_another_departments_task(world):
    listing = data.waiting_tasks(world.county, seed.officer(), seed.TODAY)
    medical = next(r for r in listing.rows if r.application_number == "CG-2026-0001")
    entry = data.FeedbackEntry(medical.task_uuid, medical.township_code, "done", seed.TODAY,
                               "", None, None, None, "", "EDUCATION")
    with pytest.raises(Exception) as err:
        data.record_feedback(world.county, seed.department("EDUCATION"), entry)
    assert "本部门" in str(getattr(err.value, "message_zh", err.value))
    assert _count(world) == 0
