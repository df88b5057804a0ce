"""Every table model of the GUI passes Qt's model tester (pytest-qt's ``qtmodeltester``,
the Python port of QAbstractItemModelTester) with realistic rows: the tracking list and
its review reminders, the detail dialog's tasks, members and history, the accounts and
the backups of 系统管理, the export log of 同步 and the 单独登记名单. (The applications
list and the audit log are checked in their own tests.)"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.models import RequestedItem
from desktop_app.core.services import Feedback
from desktop_app.core.services.auth import SYSTEM
from sync_contract.keys import KeyStore
from tests.helpers.drafts import draft, resident_id
from tests.helpers.gui import actor_for

pytestmark = pytest.mark.gui


def check(qtmodeltester, model, rows: int | None = None) -> None:
    assert model.rowCount() > 0 if rows is None else model.rowCount() == rows
    qtmodeltester.check(model, force_py=True)


def accept(services, township, items=("DIBAO",), **kw):
    return services.intake.decide(draft(services, items=items, **kw), "accept", township)


def task(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


@pytest.fixture
def june(clock):
    """Requested before ``window``: the township and the login are recorded on 1 June, so
    the June application is not dated before them (core/services/clock.py)."""
    clock.now = datetime(2026, 6, 1, 10, 0)
    return clock


def tracking(window, services, township, clock):
    clock.now = datetime(2026, 6, 1, 10, 0)
    accept(services, township, ("MEDICAL",))  # overdue by now
    clock.now = datetime(2026, 11, 24, 10, 0)
    accept(services, township, ("VAGRANT",), name="赵六", id_number=resident_id(seed=9), members=[])
    tekun = accept(services, township, ("TEKUN",), name="王五", id_number=resident_id(seed=7),
                   supporters_able=False)
    tekun_task = task(services, tekun.application_id, "TEKUN").task_id
    with services.ctx.db.transaction() as s:  # accepted before the procedure existed
        s.get(RequestedItem, tekun_task).stage = None
    services.handling.record_feedback(tekun_task, Feedback("done", "2026-11-24", amount="780"),
                                      township)
    screen = window.show_tracking()
    screen.include_final.setChecked(True)
    return screen


def detail(window, services, township):
    r = accept(services, township, ("DIBAO", "MEDICAL"))
    services.handling.issue_handover_list("HEALTHCARE", township)
    return window.open_application(r.application_id).view


def test_tracking_tasks_model_also_while_sorting(qtbot, june, qtmodeltester, window, services,
                                                 township, clock):
    screen = tracking(window, services, township, clock)
    check(qtmodeltester, screen.model, rows=3)
    for column in range(screen.model.columnCount()):  # the tester watches every re-sort
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            screen.view.sortByColumn(column, order)
    screen.refresh()  # a reset while sorted
    assert screen.model.rowCount() == 3


def test_tracking_review_model(qtbot, june, qtmodeltester, window, services, township, clock):
    screen = tracking(window, services, township, clock)
    screen.tabs.setCurrentIndex(1)
    screen.within.setValue(400)
    check(qtmodeltester, screen.review_model, rows=1)


@pytest.mark.parametrize("name", ["task_model", "members_model", "events_model"])
def test_detail_models(qtbot, qtmodeltester, window, services, township, name):
    view = detail(window, services, township)
    check(qtmodeltester, getattr(view, name))
    view.reload()  # a reset under the tester
    assert getattr(view, name).rowCount() > 0


def test_accounts_model(qtbot, qtmodeltester, window, services, admin):
    screen = window.show_admin()
    check(qtmodeltester, screen.users.model, rows=len(services.accounts.users(admin)))
    screen.users.reload()


def test_backups_model(qtbot, qtmodeltester, window, services, admin):
    services.backups.backup_now(admin)
    services.backups.backup_now(admin)
    screen = window.show_admin()
    screen.backups.refresh()
    qtbot.waitUntil(lambda: screen.backups.model.rowCount() >= 1)
    check(qtmodeltester, screen.backups.model)


def test_export_log_model(qtbot, qtmodeltester, window, services, township, tmp_path):
    county = KeyStore(tmp_path / "county-keys").ensure()
    county.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county.json")
    services.sync.import_county_keys(tmp_path / "county.json", SYSTEM)
    accept(services, township)
    services.sync.export(tmp_path, township)
    accept(services, township, name="王五", id_number=resident_id(seed=7))
    services.sync.export(tmp_path, township)
    screen = window.show_sync()
    check(qtmodeltester, screen.model, rows=2)
    screen.refresh()


@pytest.fixture
def separate_list(qapp, services, township):
    """The supervisor's 单独登记名单 over one flagged and one ordinary application; kept
    until after the model tester lets go of its model."""
    from desktop_app.gui.tracking.separate_list import SeparateListView

    accept(services, township, staff_relative=True, staff_relative_note="申请人系村委会主任之兄")
    accept(services, township, name="王五", id_number=resident_id(seed=7))
    actor = actor_for(services, "supervisor")
    view = SeparateListView(services, lambda: actor)
    yield view
    view.close()


def test_separate_list_model(separate_list, qtbot, qtmodeltester):
    view = separate_list
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    check(qtmodeltester, view.model, rows=1)
    view.reload()
