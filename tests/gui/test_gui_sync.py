"""同步 screen: export into a chosen folder (worker thread, progress, cancel), the export
log with re-export, importing county return packages, refusals while paused or without
county keys, and the administrators' keys section."""

from __future__ import annotations

import threading
from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QGroupBox

from desktop_app.core.services.auth import SYSTEM
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.sync.screen import COL_ACK, COL_SEQ, SyncScreen
from sync_contract import envelope as env
from sync_contract.keys import KeyStore, read_public_keys, short_fingerprint
from tests.helpers.gui import actor_for, click, decide, make_id
from tests.helpers.sync import db_digest, feedback, make_return, referred_task, township_code

pytestmark = pytest.mark.gui


class Chooser:
    """Stands in for the file dialogs: returns the next prepared answer, records the call."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.calls: list[tuple] = []

    def __call__(self, parent, title, start, *pattern) -> str:
        self.calls.append((title, start, *pattern))
        return self.answers.pop(0) if self.answers else ""


@pytest.fixture(autouse=True)
def _no_modal_loops(messages):
    """Message boxes are recorded, never shown modally (a test would hang)."""
    return messages


@pytest.fixture
def county(tmp_path) -> KeyStore:
    ks = KeyStore(tmp_path / "county-keys").ensure()
    ks.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county-public.json")
    return ks


@pytest.fixture
def county_keys(services, township, county, tmp_path):
    services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    return county


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "U盘"
    folder.mkdir()
    return folder


def wire(screen: SyncScreen, tmp_path: Path) -> Chooser:
    """One chooser for folders and files; remembered folders in a private ini file."""
    chooser = Chooser()
    screen.choose_folder = screen.choose_open = screen.choose_save = chooser
    screen.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return chooser


@pytest.fixture
def screen(window, tmp_path, messages):
    s = window.show_sync()
    s.messages = messages  # message boxes answered without a modal loop
    s.chooser = wire(s, tmp_path)
    return s


def ack_texts(screen) -> list[str]:
    m = screen.model
    return [m.index(r, COL_ACK).data() for r in range(m.rowCount())]


def packages(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- export -----------------------------------------------------------------------------------
def test_export_writes_the_package_into_the_chosen_folder_and_the_log_shows_it(
        qtbot, screen, services, county_keys, usb, admin, opener, tmp_path):
    decide(services, admin, "张三", make_id("19600512", 31))
    screen.refresh()
    assert "待导出" in screen.status_label.text()
    assert screen.model.rowCount() == 0 and not screen.reexport_button.isEnabled()
    stages = []
    shown = screen._progress
    screen._progress = lambda fraction, message: (stages.append(message[0]),
                                                  shown(fraction, message))
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)

    code = township_code(services)
    name = f"{code}-000001.twpkg"
    assert packages(usb) == [name]
    assert {"records", "compress", "encrypt"} <= set(stages)
    text = screen.result_label.text()
    row = services.sync.log()[0]
    assert "第 1 号包" in text and str(usb / name) in text
    assert short_fingerprint(row.digest) in text and "申请 1" in text
    assert screen.progress.isHidden() and not screen.cancel_button.isEnabled()
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, COL_SEQ).data() == "1"
    assert ack_texts(screen) == ["否"]
    assert screen.model.index(0, 3).data() == short_fingerprint(row.digest)
    # the folder is remembered and offered next time; 打开所在文件夹 opens it
    assert screen.settings.value("sync/export_folder") == str(usb)
    click(qtbot, screen.open_folder_button)
    assert opener.opened[-1] == usb
    screen.chooser.answers.append("")          # the dialog cancelled: nothing happens
    decide(services, admin, "李四", make_id("19710203", 52))
    click(qtbot, screen.export_button)
    assert screen.chooser.calls[-1][1] == str(usb)
    assert packages(usb) == [name] and services.sync.log()[0].package_seq == 1


def test_export_runs_on_the_worker_thread_with_progress_on_the_gui_thread(
        qtbot, services, admin, county_keys, usb, tmp_path, monkeypatch):
    calls = []
    original = SyncScreen._progress

    def spy(self, fraction, message):
        calls.append((message[0], threading.current_thread() is threading.main_thread()))
        original(self, fraction, message)

    monkeypatch.setattr(SyncScreen, "_progress", spy)
    runner = TaskRunner()
    screen = SyncScreen(services, runner, lambda: admin)
    qtbot.addWidget(screen)
    chooser = wire(screen, tmp_path)
    screen.show()
    chooser.answers.append(str(usb))
    try:
        assert screen.export()
        assert screen.cancel_button.isEnabled() and not screen.export_button.isEnabled()
        qtbot.waitUntil(lambda: screen.job is None, timeout=20000)
    finally:
        runner.shutdown()
    assert len(packages(usb)) == 1, screen.result_label.text()
    assert calls and all(on_gui for _, on_gui in calls)
    assert {"records", "encrypt"} <= {stage for stage, _ in calls}
    assert screen.model.rowCount() == 1 and screen.export_button.isEnabled()


def test_cancel_during_export_leaves_no_file_and_no_log_row(
        qtbot, screen, services, county_keys, usb, admin):
    decide(services, admin, "张三", make_id("19600512", 31))
    before = db_digest(services.ctx.db.data_dir)

    shown = screen._progress

    def press_cancel(fraction, message):
        shown(fraction, message)
        if message[0] == "compress" and screen.cancel_button.isEnabled():
            screen.cancel_button.click()

    screen._progress = press_cancel
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    assert "已取消导出" in screen.result_label.text()
    assert "没有写出任何文件" in screen.result_label.text()
    assert packages(usb) == []
    sent, tmp = services.sync.sent_dir, services.sync.kept.tmp
    assert not sent.exists() or list(sent.iterdir()) == []
    assert not tmp.exists() or list(tmp.iterdir()) == []
    assert services.sync.log() == [] and screen.model.rowCount() == 0
    assert db_digest(services.ctx.db.data_dir) == before
    assert screen.export_button.isEnabled() and screen.progress.isHidden()


def test_cancel_from_the_gui_while_the_worker_exports(
        qtbot, services, admin, county_keys, usb, tmp_path, monkeypatch):
    """A real worker thread, held inside the export until 取消 was pressed."""
    from desktop_app.core.services.sync import export as exp

    entered, release = threading.Event(), threading.Event()
    original = exp.iter_records

    def slow(raw, type_, lo, hi):
        entered.set()
        release.wait(10)
        yield from original(raw, type_, lo, hi)

    monkeypatch.setattr(exp, "iter_records", slow)
    runner = TaskRunner()
    screen = SyncScreen(services, runner, lambda: admin)
    qtbot.addWidget(screen)
    chooser = wire(screen, tmp_path)
    screen.show()
    chooser.answers.append(str(usb))
    try:
        assert screen.export()
        assert entered.wait(10)
        click(qtbot, screen.cancel_button)
        assert screen.stage_label.text() == "正在取消…"
        release.set()
        qtbot.waitUntil(lambda: screen.job is None, timeout=20000)
    finally:
        release.set()
        runner.shutdown()
    assert "已取消导出" in screen.result_label.text()
    assert packages(usb) == [] and services.sync.log() == []


def test_paused_exports_and_missing_county_keys_show_the_refusal(
        qtbot, window, screen, services, township, county, usb, tmp_path):
    # No county keys: refused before any folder is asked for; the admin is sent to 密钥.
    screen.refresh()
    assert "县级公钥" in screen.status_label.text()
    click(qtbot, screen.export_button)
    assert screen.chooser.calls == []
    assert "县级公钥" in screen.result_label.text() and "密钥" in screen.result_label.text()
    # A clerk is told to ask an administrator.
    clerk = SyncScreen(services, window.tasks, lambda: actor_for(services, "clerk1"))
    qtbot.addWidget(clerk)
    clerk.export()
    assert "管理员" in clerk.result_label.text()

    services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    with services.ctx.db.transaction() as s:
        services.ctx.put_setting(s, "exports_paused", {"since": "2026-11-24T10:00",
                                                       "backup": "b.sqlite3"}, None)
    before = db_digest(services.ctx.db.data_dir)
    click(qtbot, screen.export_button)
    assert screen.chooser.calls == []
    assert "暂停导出" in screen.result_label.text()
    assert "暂停导出" in screen.status_label.text()
    assert packages(usb) == [] and db_digest(services.ctx.db.data_dir) == before
    # Once an administrator confirms on the banner, the export goes through.
    window.banner.refresh()
    assert window.banner.isVisible()
    window.banner.ask = lambda *args: True
    window.banner.confirm()
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    assert len(packages(usb)) == 1, screen.result_label.text()


# -- export log and re-export -------------------------------------------------------------------
def test_reexport_from_the_log_writes_the_same_package_again(
        qtbot, screen, services, county_keys, admin, usb, tmp_path):
    decide(services, admin, "张三", make_id("19600512", 31))
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    decide(services, admin, "李四", make_id("19710203", 52))
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    assert [r.package_seq for r in services.sync.log()] == [2, 1]
    assert [screen.model.index(r, COL_SEQ).data() for r in range(2)] == ["2", "1"]

    again = tmp_path / "again"
    again.mkdir()
    screen.select_package(1)
    assert screen.reexport_button.isEnabled()
    screen.chooser.answers.append(str(again))
    click(qtbot, screen.reexport_button)
    code = township_code(services)
    name = f"{code}-000001.twpkg"
    assert packages(again) == [name]
    assert "重新" in screen.result_label.text() and "第 1 号包" in screen.result_label.text()

    def inner(path: Path) -> bytes:
        return pyrage.decrypt(path.read_bytes(), [county_keys.age_identity])

    assert inner(again / name) == inner(usb / name)     # same sequence, same content
    assert (again / name).read_bytes() == (usb / name).read_bytes()  # the kept copy
    assert [r.package_seq for r in services.sync.log()] == [2, 1]


# -- return packages ---------------------------------------------------------------------------
def test_importing_a_return_package_applies_it_and_refreshes_the_screens(
        qtbot, window, screen, services, township, county_keys, admin, usb, tmp_path):
    task = referred_task(services, admin)
    tracking = window.show_tracking()
    assert any(r.task_id == task.id and r.status == "referred" for r in tracking.model.rows())
    screen = window.show_sync()
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    digest = services.sync.log()[0].digest
    ret = make_return(tmp_path / "r1.twret", services, county_keys, 1, {
        "ack": [{"package_seq": 1, "sha256": digest}],
        "feedback": [feedback(task.uuid)],
        "holiday_year": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": []}],
    })
    screen.chooser.answers.append(str(ret))
    with qtbot.waitSignal(screen.tasks.bus.changed,
                          check_params_cb=lambda changes, origin: origin is screen) as signal:
        click(qtbot, screen.import_button)
    text = screen.import_result.text()
    assert "已导入第 1 号回执包" in text, text
    assert "已确认" in text and "1" in text
    assert "部门反馈" in text and "1 个事项" in text
    assert "节假日" in text
    assert ack_texts(screen) == ["是"]
    assert task.application_id in signal.args[0].applications
    # the tracking screen was refreshed through the main window: the task is done
    assert not any(r.task_id == task.id and r.status == "referred"
                   for r in tracking.model.rows())
    assert screen.settings.value("sync/import_folder") == str(tmp_path)
    # the same package again: already imported, nothing changed
    before = db_digest(services.ctx.db.data_dir)
    screen.chooser.answers.append(str(ret))
    click(qtbot, screen.import_button)
    assert "导入过" in screen.import_result.text()
    assert db_digest(services.ctx.db.data_dir) == before


def test_a_bad_return_package_shows_one_line_and_changes_nothing(
        qtbot, screen, services, county_keys, admin, usb, tmp_path):
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    digest = services.sync.log()[0].digest
    good = make_return(tmp_path / "r1.twret", services, county_keys, 1,
                       {"ack": [{"package_seq": 1, "sha256": digest}]})
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "bad.twret"
    bad.write_bytes(bytes(data))
    before = db_digest(services.ctx.db.data_dir)
    changed = []
    screen.tasks.bus.changed.connect(lambda changes, origin: changed.append(changes))
    screen.chooser.answers.append(str(bad))
    click(qtbot, screen.import_button)
    text = screen.import_result.text()
    assert text.startswith("未导入") and "\n" not in text, text
    assert db_digest(services.ctx.db.data_dir) == before
    assert ack_texts(screen) == ["否"] and changed == []
    # a package for somebody else (signed by another county key): refused the same way
    other = KeyStore(tmp_path / "other-county").ensure()
    forged = make_return(tmp_path / "forged.twret", services, other, 1,
                         {"ack": [{"package_seq": 1, "sha256": digest}]})
    screen.chooser.answers.append(str(forged))
    click(qtbot, screen.import_button)
    assert screen.import_result.text().startswith("未导入")
    assert db_digest(services.ctx.db.data_dir) == before
    assert screen.import_button.isEnabled() and screen.progress.isHidden()


# -- keys ----------------------------------------------------------------------------------------
def test_keys_section_imports_county_keys_and_shows_the_fingerprints(
        qtbot, screen, services, township, county, tmp_path):
    assert screen.keys_group is not None and screen.keys_group.isVisible()
    own = services.sync.keys.fingerprint
    assert screen.township_fp.text() == short_fingerprint(own)
    assert len(screen.township_fp.text().split()) == 4
    assert "未导入" in screen.county_label.text()

    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    screen.chooser.answers.append(str(bad))
    click(qtbot, screen.import_keys_button)
    assert screen.keys_result.text().startswith("未导入")
    assert services.sync.status().county is None

    shown = []
    screen.ask_county_keys = lambda parent, preview: shown.append(preview) or True
    screen.chooser.answers.append(str(tmp_path / "county-public.json"))
    click(qtbot, screen.import_keys_button)
    key_set = read_public_keys(tmp_path / "county-public.json", "county").key_set_fingerprint
    assert [p.fingerprint for p in shown] == [key_set]   # confirmed first: signing + encryption
    fp = short_fingerprint(key_set)
    assert fp in screen.county_label.text() and county.age_recipient in screen.county_label.text()
    assert "测试县民政局" in screen.county_label.text() and fp in screen.keys_result.text()
    assert services.sync.status().county.fingerprint == county.fingerprint
    assert "县级公钥" not in screen.status_label.text()

    out = tmp_path / "keys-out" / "mine.json"
    out.parent.mkdir()
    screen.chooser.answers.append(str(out))
    click(qtbot, screen.export_keys_button)
    pub = read_public_keys(out, "township")
    assert pub.fingerprint == own and pub.code == township_code(services)
    assert str(out) in screen.keys_result.text()


def test_a_clerk_exports_but_does_not_see_the_keys_and_screens_go_with_the_user(
        qtbot, clerk_window, services, county_keys, usb, tmp_path):
    assert clerk_window.sync_action.isVisible() and clerk_window.sync_action.isEnabled()
    assert not clerk_window.admin_action.isVisible()
    clerk_window.sync_action.trigger()
    screen = clerk_window.sync_screen
    assert clerk_window.stack.currentWidget() is screen
    assert screen.keys_group is None and screen.findChild(QGroupBox, "keysGroup") is None
    chooser = wire(screen, tmp_path)
    chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    assert len(packages(usb)) == 1, screen.result_label.text()
    # another user logs in: the screen built for the clerk is gone
    clerk_window.set_actor(actor_for(services, "admin"))
    assert clerk_window.sync_screen is None
    assert clerk_window.stack.currentWidget() is clerk_window.intake
    assert clerk_window.show_sync().keys_group is not None


def test_sync_screen_is_translated(qtbot, window, screen, services, county_keys, admin, usb,
                                   tmp_path):
    from test_gui_translations import english_in

    decide(services, admin, "张三", make_id("19600512", 31))
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    ret = make_return(tmp_path / "r1.twret", services, county_keys, 1,
                      {"ack": [{"package_seq": 1, "sha256": services.sync.log()[0].digest}]})
    screen.chooser.answers.append(str(ret))
    click(qtbot, screen.import_button)
    screen.refresh_keys()
    screen.view.selectRow(0)
    row = services.sync.log()[0]
    own = services.sync.keys.fingerprint
    county_set = services.sync.status().county.key_set_fingerprint
    data = (str(tmp_path), str(usb), row.digest, short_fingerprint(row.digest), row.file_name,
            own, short_fingerprint(own), short_fingerprint(county_keys.fingerprint),
            short_fingerprint(county_set), county_keys.age_recipient)
    assert not english_in(screen, data), english_in(screen, data)
    assert not english_in(window.toolbar, data)
    assert env.package_name(township_code(services), 1) == row.file_name
