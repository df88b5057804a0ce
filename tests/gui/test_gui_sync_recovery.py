"""同步 screen after an interrupted export: the package whose copy never completed is
named in the status line and written again by the next export; no-change exports are
refused before the folder dialog; 同步检查 reports in a dialog; the start-up recovery
tells the clerk."""

from __future__ import annotations

import os

import pytest

from desktop_app.core.services.sync import service as svc_mod
from desktop_app.gui.sync.common import recover_at_startup
from tests.gui.test_gui_sync import county, county_keys, screen, usb  # noqa: F401 - fixtures
from tests.helpers.gui import click, decide, make_id
from tests.helpers.sync import township_code

pytestmark = pytest.mark.gui


class Killed(BaseException):
    pass


def interrupted_export(services, admin, folder, monkeypatch) -> None:
    """An export "killed" right after its log commit (no handler of ours runs there)."""
    def crash(where: str) -> None:
        if where == "logged":
            raise Killed(where)

    monkeypatch.setattr(svc_mod, "crash_point", crash)
    with pytest.raises(Killed):
        services.sync.export(folder, admin)
    monkeypatch.undo()


def test_no_change_export_says_so_before_the_folder_dialog(
        qtbot, screen, services, county_keys, usb, admin):  # noqa: F811
    decide(services, admin, "张三", make_id("19600512", 31))
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    assert len(screen.chooser.calls) == 1 and services.sync.log()[0].package_seq == 1
    screen.refresh()
    click(qtbot, screen.export_button)                 # only the export's own audit entry
    assert len(screen.chooser.calls) == 1              # no folder asked for
    assert "没有需要导出的更改" in screen.result_label.text()


def test_an_interrupted_export_is_named_and_written_again_by_the_next_one(
        qtbot, screen, services, county_keys, usb, admin, tmp_path, monkeypatch):  # noqa: F811
    decide(services, admin, "张三", make_id("19600512", 31))
    interrupted_export(services, admin, usb, monkeypatch)
    screen.refresh()
    notice = "第 1 号包未完成写出，已重新生成，请交给县级"
    assert notice in screen.status_label.text()
    assert screen.model.index(0, 4).data() == "未写出"
    again = tmp_path / "again"
    again.mkdir()
    screen.chooser.answers.append(str(again))
    click(qtbot, screen.export_button)                 # no new change, still offered
    name = f"{township_code(services)}-000001.twpkg"
    assert sorted(os.listdir(again)) == [name]
    assert notice in screen.result_label.text()
    assert notice not in screen.status_label.text()
    assert screen.model.index(0, 4).data() == "否"
    screen.window().resize(1366, 768)
    screen.window().show()
    qtbot.wait(100)
    screen.window().grab().save(str(tmp_path / "sync-reoffered.png"))


def test_sync_check_reports_in_a_dialog(
        qtbot, screen, services, county_keys, usb, admin, tmp_path, monkeypatch):  # noqa: F811
    decide(services, admin, "张三", make_id("19600512", 31))
    interrupted_export(services, admin, usb, monkeypatch)
    stray = services.ctx.db.data_dir / "sync" / "tmp" / "export-left"
    stray.mkdir(parents=True)
    click(qtbot, screen.doctor_button)
    qtbot.waitUntil(lambda: screen.doctor_dialog is not None, timeout=20000)
    report = screen.doctor_dialog.text.toPlainText()
    assert "导出记录：共 1 个包" in report and "清除了崩溃遗留的 1 个临时文件" in report
    assert "第 1 号包未完成写出" in report
    assert not stray.exists() and screen.doctor_button.isEnabled()
    assert "请查看报告" in screen.result_label.text()
    screen.doctor_dialog.resize(900, 420)
    screen.doctor_dialog.grab().save(str(tmp_path / "sync-doctor.png"))


def test_start_up_recovery_tells_the_clerk(
        qtbot, window, services, county_keys, usb, admin, monkeypatch):  # noqa: F811
    decide(services, admin, "张三", make_id("19600512", 31))
    interrupted_export(services, admin, usb, monkeypatch)
    told: list[str] = []
    recover_at_startup(services, window.tasks, window, notify=told.append)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert "第 1 号包未完成写出，已重新生成，请交给县级" in told[0]
    told.clear()
    services.sync.export(usb, admin)                   # written: nothing to tell next time
    recover_at_startup(services, window.tasks, window, notify=told.append)
    qtbot.wait(300)
    assert told == []


def test_a_full_usb_stick_is_one_chinese_line_on_the_screen(
        qtbot, screen, services, county_keys, usb, admin, monkeypatch):  # noqa: F811
    import errno

    decide(services, admin, "张三", make_id("19600512", 31))

    def full(src, final, **kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(svc_mod, "copy_part", full)
    screen.chooser.answers.append(str(usb))
    click(qtbot, screen.export_button)
    text = screen.result_label.text()
    assert "空间不足" in text and str(usb) in text and "Errno" not in text
    assert os.listdir(usb) == [] and services.sync.log() == []
    assert screen.model.rowCount() == 0
