"""Issue 17's done-when, on a real PostgreSQL: three demo townships' packages (made by the
township program, ``county_workstation.demo``) dropped on 收包 as a folder → ingested →
the overdue-by-department view and the planted cross-township duplicate appear → a
department's 回执 entered under its own login → return packages made on 返回包 → each
township imports its own (and not another's).

The 超期转办 / 重复申请 / 部门回执 tabs are cviews' (``county_workstation/views``); their
figures are checked against the county's own queries (``county_receiver.views``)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def _rows(view):
    m = view.model()
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def _drop(widget, folder):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    widget.dropEvent(QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def test_three_townships_round_trip_on_postgresql(qtbot, pg_url, tmp_path):
    from county_receiver import ops, views
    from county_receiver.accounts import CountyRefused
    from county_workstation import demo
    from county_workstation.app import build_main_window
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from sync_contract.errors import PackageError
    from tests.helpers.gui import type_text

    from .conftest import make_context

    today = date.today()                      # the demo townships are made with the real clock
    context = make_context(tmp_path / "county", pg_url, keys=False, today=today)
    county = context.county
    assert county.engine.dialect.name == "postgresql"
    townships = demo.fill_demo(context, applications=40)
    assert [t.code for t in townships] == [c for c, _ in demo.DEMO_TOWNSHIPS]
    usb = context.extra["demo_usb"]
    assert sorted(p.name for p in usb.iterdir()) == sorted(t.package.name for t in townships)

    # -- the officer drops the USB folder on 收包 --------------------------------------------
    accounts = context.accounts()
    officer = accounts.login("jingban", "xianji2026")
    window = build_main_window(context, synchronous=True, actor=officer,
                               settings=QSettings(str(tmp_path / "s.ini"),
                                                  QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    receive = window.show_tab("ReceiveTab")
    _drop(receive, usb)
    rows = _rows(receive.table)
    assert [(r[1], r[2], r[3]) for r in rows] == [(t.code, "1", "已接收") for t in townships]
    assert "共 3 个包，接收 3 个" in receive.summary.text()
    status = window.show_tab("StatusTab")
    srows = _rows(status.table)
    assert [r[0] for r in srows] == [t.code for t in townships]
    assert all(r[2] == "1" and r[4] == "0" for r in srows)       # last package 1, 0 days
    assert "0 个逾期" in status.summary.text()

    # -- 超期转办: overdue referrals by department × township -------------------------------
    expected = views.overdue(county.engine, today)
    assert expected.counts and sum(expected.counts.values()) > 0
    overdue_tab = window.show_tab("OverdueTab")
    assert overdue_tab.matrix.count(None, None) == sum(expected.counts.values())
    assert sum(int(r[9]) for r in srows) == sum(expected.counts.values())   # 状态 agrees
    for (department, code), n in expected.counts.items():
        assert overdue_tab.matrix.count(department, code) == n
    overdue_tab.drill(None, None)
    assert overdue_tab.list_model.rowCount() == sum(expected.counts.values())

    # -- 重复申请: the planted applicant in two townships, ID masked ------------------------
    dup_tab = window.show_tab("DuplicatesTab")
    cases = [dup_tab.model.row_at(i) for i in range(dup_tab.model.rowCount())]
    planted = [c for c in cases if c.kind == "same_item"
               and {townships[0].name, townships[1].name} <= set(c.townships)]
    assert planted, [(c.kind, c.townships) for c in cases]
    assert demo.PLANTED_ID not in planted[0].id_masked and "*" in planted[0].id_masked

    # -- 部门回执 under the department's own login (医保局: HEALTHCARE only) -------------------
    dept = accounts.login("yibao", "yiliao2026")
    window.attach(dept)
    assert "ReceiveTab" not in window.pages and "ReturnsTab" not in window.pages
    feedback = window.show_tab("FeedbackTab")
    waiting = [feedback.model.row_at(i) for i in range(feedback.model.rowCount())]
    assert waiting and {t.department for t in waiting} == {"HEALTHCARE"}
    feedback.view.selectRow(0)
    task = feedback.selected()
    feedback.result.setCurrentIndex(feedback.result.findData("refused"))
    type_text(qtbot, feedback.text, "经审核不符合医疗救助条件")
    feedback.save_button.click()
    assert "回执" in feedback.info.text(), feedback.form_error.text()
    others = [t for t in ops.open_tasks(county, officer, today) if t.department != "HEALTHCARE"]
    assert others
    with pytest.raises(CountyRefused):     # another department's task: refused by the county
        ops.record_feedback(county, dept, others[0].task_uuid, "refused", today,
                            text="不属于本部门")
    window.attach(officer)
    status = window.show_tab("StatusTab")
    status.refresh()
    fb = {r[0]: r[6] for r in _rows(status.table)}
    assert fb[task.township_code] == "1"

    # -- return packages for every township into a folder --------------------------------
    back = tmp_path / "back"
    back.mkdir()
    window.refresh()
    returns = window.show_tab("ReturnsTab")
    returns.make(back)
    made = {p.name.split("-")[0]: p for p in back.iterdir()}
    assert sorted(made) == [t.code for t in townships]
    lines = {r[0]: r for r in _rows(returns.results)}
    assert "部门回执 1" in lines[task.township_code][4]
    assert all("收包确认 1" in r[4] for r in lines.values())

    # -- each township imports its own, and is refused another's ------------------------
    for i, t in enumerate(townships):
        services = Services.open(t.data_dir)
        try:
            other = made[townships[(i + 1) % 3].code]
            with pytest.raises(PackageError):
                services.sync.import_package(other, SYSTEM)
            result = services.sync.import_package(made[t.code], SYSTEM)
            assert not result.already_applied and result.counts.get("ack") == 1
            if t.code == task.township_code:
                assert result.counts.get("feedback") == 1
        finally:
            services.close()
    window.attach(None)
    county.close()
