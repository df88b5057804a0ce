"""同步 screen, issue 17: 上传 and 下载返回包 beside 导出 (a live county receiver on
loopback), 上传设置 for administrators, and the one line when the county is offline."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QSettings

from county_receiver.http import issue_token
from county_receiver.receiver import County
from desktop_app.core.services.auth import SYSTEM
from sync_contract.keys import KeyStore
from tests.county.upload_server import live_receiver
from tests.helpers.gui import click, decide, make_id
from tests.helpers.sync import township_code

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_modal_loops(messages):
    return messages


@pytest.fixture
def county(services, township, tmp_path):
    ks = KeyStore(tmp_path / "county-keys").ensure()
    ks.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county-public.json")
    services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    c = County(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "county-keys")
    services.sync.export_public_keys(tmp_path / "township-public.json")
    c.register(township_code(services), tmp_path / "township-public.json")
    yield c
    c.close()


@pytest.fixture
def screen(window, tmp_path):
    s = window.show_sync()
    s.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return s


def test_upload_and_download_from_the_sync_screen(qtbot, screen, services, county, admin,
                                                  tmp_path):
    assert screen.upload_button.isVisible() and screen.upload_settings_button.isVisible()
    decide(services, admin, "张三", make_id("19600512", 31))
    code = township_code(services)
    with live_receiver(county, tmp_path / "county-data") as base:
        screen.uploads.configure(base, issue_token(county, code), SYSTEM)
        click(qtbot, screen.upload_button)
        qtbot.waitUntil(lambda: screen.job is None and screen.upload_button.isEnabled(),
                        timeout=20000)
        assert [t.last_package for t in county.townships()] == [1]
        assert "1" in screen.upload_result.text()
        assert screen.model.rowCount() == 1                # the export log shows it
        assert not (services.sync.folder / "outbox" / f"{code}-000001.twpkg").exists()
        click(qtbot, screen.download_button)
        qtbot.waitUntil(lambda: screen.job is None, timeout=20000)
        assert all(r.acknowledged_at is not None for r in services.sync.log())
        assert "1" in screen.import_result.text()
        click(qtbot, screen.download_button)               # nothing new
        qtbot.waitUntil(lambda: screen.job is None, timeout=20000)
        assert services.sync.log()[0].acknowledged_at is not None


def test_offline_upload_says_use_the_usb_stick(qtbot, screen, services, county, admin):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    from desktop_app.core.services.sync.upload import CountyLink
    screen.uploads._link = lambda url, tok: CountyLink(url, tok, retries=1, sleep=lambda _: None,
                                                        timeout=2)
    screen.uploads.configure(f"http://127.0.0.1:{port}", "twup_x", SYSTEM)
    decide(services, admin, "张三", make_id("19600512", 31))
    click(qtbot, screen.upload_button)
    qtbot.waitUntil(lambda: screen.job is None and screen.upload_button.isEnabled(),
                    timeout=20000)
    text = screen.upload_result.text()
    assert "导出到U盘" in text and "\n" not in text
    assert services.sync.log() == []                     # nothing exported


def test_upload_settings_dialog_stores_the_address_and_token(qtbot, screen, services, county):
    dialog = screen.edit_upload_settings()
    assert dialog is not None
    dialog.url.setText("https://county.example.org:8443")
    dialog.token.setText("twup_abc")
    dialog.accept()
    qtbot.waitUntil(lambda: screen.uploads.settings().ready, timeout=5000)
    assert screen.uploads.settings().county_url == "https://county.example.org:8443"
    assert dialog.token.text() == ""                     # not kept in the widget
    bad = screen.edit_upload_settings()
    bad.url.setText("http://county.example.org")
    bad.accept()
    qtbot.waitUntil(lambda: "https" in screen.upload_result.text(), timeout=5000)
    assert screen.uploads.settings().county_url == "https://county.example.org:8443"
