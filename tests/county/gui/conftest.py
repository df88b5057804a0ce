"""County workstation fixtures: offscreen Qt with the fonts and the zh_CN translations
(Qt's, the township kit's and the workstation's), a county on SQLite with its keys, the
main window over it (synchronous runner)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _county_language(qapp):
    from county_workstation.app import install_translators, register_fonts

    register_fonts(qapp)
    assert install_translators(qapp, "zh_CN"), \
        "county_workstation/i18n/zh_CN.qm missing: run county_workstation/i18n/update.sh"
    yield


@pytest.fixture
def county_dir(tmp_path) -> Path:
    return tmp_path / "county-data"


def make_context(data_dir: Path, url: str | None = None, *, keys: bool = True,
                 today: date = date(2026, 11, 26)):
    from county_receiver.accounts import FAST_COST
    from county_workstation.app import open_county
    from county_workstation.context import CountyContext

    county = open_county(data_dir, url)
    if keys:
        county.keygen("522201", "测试县民政局")
    return CountyContext(county, data_dir, today=lambda: today, accounts_cost=FAST_COST)


def admin_of(context):
    """The county's first administrator, logged in (created on first use)."""
    accounts = context.accounts()
    if accounts.needs_setup():
        return accounts.create_first_admin("admin", "县管理员", "guanli2026")
    return accounts.login("admin", "guanli2026")


@pytest.fixture
def context(county_dir):
    ctx = make_context(county_dir)
    yield ctx
    ctx.county.close()


@pytest.fixture
def county_window(qtbot, context, tmp_path):
    from PySide6.QtCore import QSettings

    from county_workstation.app import build_main_window
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(context, synchronous=True, actor=admin_of(context), settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window
