"""Issue 17's done-when, on a real PostgreSQL: three demo townships' packages (made by the
township program, ``county_workstation.demo``) dropped on 收包 as a folder → ingested →
the overdue-by-department view and the planted cross-township duplicate appear → a
department's 回执 entered under its own login → return packages made on 返回包 → each
township imports its own (and not another's).

The 超期转办 / 重复申请 / 部门回执 tabs are cviews' (``county_workstation/views``); until
they are on this branch the views and the 回执 are checked through the same county APIs
those tabs call (``county_receiver.views``, ``county_receiver.ops``)."""

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

    # -- overdue referrals by department, and the planted duplicate ---------------------
    table = views.overdue(county.engine, today)
    assert table.counts and sum(table.counts.values()) > 0
    assert {code for _, code in table.counts} <= {t.code for t in townships}
    overdue_total = sum(int(r[9]) for r in srows)
    assert overdue_total == sum(table.counts.values())
    dups = [d for d in views.duplicates(county.engine, today) if d.kind == "same_item"]
    planted = [d for d in dups if d.item_code == "DIBAO" and
               {e.township_code for e in d.entries} >= {townships[0].code, townships[1].code}]
    assert planted, dups
    assert demo.PLANTED_ID not in planted[0].id_masked and "*" in planted[0].id_masked

    # -- a department's 回执 under its own login (医保局: HEALTHCARE only) -------------------
    dept = accounts.login("yibao", "yiliao2026")
    tasks = ops.open_tasks(county, dept, today)
    assert tasks and {t.department for t in tasks} == {"HEALTHCARE"}
    task = tasks[0]
    ops.record_feedback(county, dept, task.task_uuid, "refused", today,
                        text="经审核不符合医疗救助条件")
    others = [t for t in ops.open_tasks(county, officer, today) if t.department != "HEALTHCARE"]
    assert others
    with pytest.raises(CountyRefused):
        ops.record_feedback(county, dept, others[0].task_uuid, "refused", today,
                            text="不属于本部门")
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
