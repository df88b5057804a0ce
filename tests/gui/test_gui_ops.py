"""The operation runner (write lane, read lane, jobs with progress and cancel, owner
guard, change bus) and the error presenter."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from desktop_app.core.errors import PermissionDenied, ValidationError, ValidationErrors
from desktop_app.core.services.context import Changes, Outcome
from desktop_app.gui.kit import errors
from desktop_app.gui.kit.tasks import READ, TaskRunner
from tests.helpers.gui import decide, make_id


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.shutdown()


def idle(qtbot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def test_writes_and_reads_run_on_their_own_lanes(qtbot, runner):
    seen = {}
    runner.run(lambda: seen.update(write=threading.current_thread().name))
    runner.run(lambda: seen.update(read=threading.current_thread().name), lane=READ)
    idle(qtbot, runner)
    assert seen["write"].startswith("db-writer") and seen["read"].startswith("db-reader")


def test_callbacks_are_skipped_once_the_owner_is_gone(qtbot, runner):
    owner = QWidget()
    release = threading.Event()
    called = []
    runner.run(lambda: release.wait(5) and 1 / 0, called.append, called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    release.set()
    idle(qtbot, runner)
    assert called == []  # neither the result nor the error reached a deleted widget


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_the_bus_publishes_a_writes_changes_after_its_callback(qtbot):
    runner = TaskRunner(synchronous=True)
    owner = QWidget()
    qtbot.addWidget(owner)
    order = []
    runner.bus.changed.connect(lambda changes, origin: order.append(("bus", changes, origin)))
    changes = Changes(applications={7})
    runner.run(lambda: Outcome("x", changes), lambda r: order.append(("done", r.value)),
               owner=owner)
    assert order == [("done", "x"), ("bus", changes, owner)]
    order.clear()
    runner.run(lambda: Outcome(1, Changes()), owner=owner)          # nothing changed
    runner.run(lambda: Outcome(1, changes), lane=READ)               # reads publish nothing
    runner.run(lambda: 1 / 0, on_error=lambda e: order.append("error"))
    assert order == ["error"]


def test_a_job_reports_progress_on_the_gui_thread_and_stops_when_cancelled(qtbot, runner):
    reports, started, stopped = [], threading.Event(), []

    def job(j):
        started.set()
        for i in range(1000):
            if j.cancelled:
                stopped.append(i)
                raise RuntimeError(f"cancelled at {i}")
            j.progress(i / 1000, f"step {i}")
            time.sleep(0.005)

    errors_seen = []
    handle = runner.run_job(job, on_error=errors_seen.append, on_progress=lambda f, m: reports.append(
        (f, m, threading.current_thread() is threading.main_thread())))
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(reports) >= 3, timeout=5000)
    handle.request_cancel()
    idle(qtbot, runner)
    assert stopped and errors_seen and all(on_gui for _, _, on_gui in reports)
    assert reports[0][1] == "step 0"


def test_a_long_job_shows_a_progress_dialog_a_short_one_does_not(qtbot, runner):
    def dialogs():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]

    runner.run_job(lambda job: job.progress(0.5, "quick"), title="Quick")
    idle(qtbot, runner)
    qtbot.wait(700)
    assert dialogs() == []

    release = threading.Event()
    job = runner.run_job(lambda j: release.wait(10) or j.cancelled, title="Slow")
    qtbot.waitUntil(lambda: bool(dialogs()), timeout=3000)
    dialog = dialogs()[0]
    assert dialog.labelText() == "Slow"
    dialog.findChild(QPushButton).click()  # 取消 sets the job's cancel event
    assert job.cancelled
    release.set()
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: not dialogs(), timeout=3000)


# -- the error presenter ------------------------------------------------------------------------
class Fields:
    def __init__(self):
        self.shown = []

    def show(self, errs):
        self.shown.append(list(errs))


class Label:
    def __init__(self):
        self.messages = []

    def show_messages(self, messages):
        self.messages.append(list(messages))


class PackageError(Exception):
    """Shaped like the sync contract's (matched by name, not imported)."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason, self.message = reason, message


class Cancelled(Exception):
    pass


def test_validation_errors_go_next_to_the_fields_or_on_the_label(messages):
    one = ValidationError("name", "required", "请填写姓名")
    fields, label = Fields(), Label()
    errors.present(None, ValidationErrors([one]), fields=fields)
    errors.present(None, one, label=label)
    assert fields.shown == [[one]] and label.messages == [["请填写姓名"]]
    assert messages.shown == []
    errors.present(None, one)  # no label: a box with the message
    assert messages.shown[-1][1] == "请填写姓名"


def test_refusals_cancellations_and_package_errors(messages):
    label = Label()
    errors.present(None, PermissionDenied("void", "只有负责人可以作废"), label=label)
    assert label.messages == [["只有负责人可以作废"]]
    assert messages.shown[-1] == ("无权操作", "只有负责人可以作废")
    errors.present(None, PackageError("bad_signature", "签名无效"), label=label)
    assert label.messages[-1] == ["签名无效"]
    count = len(messages.shown)
    errors.present(None, Cancelled())
    assert len(messages.shown) == count  # quiet


def test_an_unexpected_failure_is_logged_and_shown_without_personal_data(messages, caplog,
                                                                         monkeypatch):
    details = []
    monkeypatch.setattr(QMessageBox, "setDetailedText", lambda box, text: details.append(text))
    id_number = make_id("19600512", 31)
    with caplog.at_level(logging.ERROR):
        errors.present(None, RuntimeError(f"row for {id_number} broke"))
    assert messages.shown[-1][0] == "操作失败"
    assert details and id_number not in details[0] and "[证件号]" in details[0]
    assert id_number not in caplog.text
    assert errors.describe(RuntimeError(id_number)) == "出错了，详细信息已写入日志。"


# -- one reload per change -----------------------------------------------------------------------
def test_the_detail_view_reloads_once_per_change(qtbot, window, services, admin, monkeypatch):
    from desktop_app.gui.applications.detail import DetailView

    decide(services, admin, "张三", make_id("19600512", 31))
    row = services.queries.search("张三")[0]
    dialog = window.open_application(row.id)
    reloads = []
    original = DetailView.reload
    monkeypatch.setattr(DetailView, "reload", lambda self: (reloads.append(1), original(self)))
    doc = services.documents.for_application(row.id)[0]
    dialog.view.reprint(doc)                       # its own operation
    assert len(reloads) == 1
    reloads.clear()
    tracking = window.show_tracking()              # another screen changes the application
    window.tasks.run(lambda: services.documents.reprint(doc.id, admin), owner=tracking)
    assert len(reloads) == 1
