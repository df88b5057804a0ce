"""The county window: tabs from the one TABS list, by role; the register-a-township flow;
the status tab marks late townships; a widget still in English is caught."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel

from county_workstation import main_window
from county_workstation.app import build_main_window

from .test_translations import english_words

pytestmark = pytest.mark.gui


def _window(qtbot, context, tmp_path, actor):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_main_window(context, synchronous=True, actor=actor, settings=settings)
    qtbot.addWidget(window)
    return window


def test_tabs_come_from_the_one_list_in_order(county_window):
    titles = [county_window.tabs.tabText(i) for i in range(county_window.tabs.count())]
    expected = [QCoreApplication.translate("CountyWindow", t) for _, t in main_window.TABS]
    assert titles == expected
    assert titles[:2] == ["乡镇", "状态"] or "乡镇" in titles


def test_a_department_sees_only_the_tabs_meant_for_it(qtbot, context, tmp_path):
    from county_receiver.accounts import DEPARTMENT

    from .conftest import admin_of

    accounts = context.accounts()
    accounts.add_user(admin_of(context), "yiliao", "医保局", DEPARTMENT, "bumen2026",
                      department_code="MEDICAL")
    window = _window(qtbot, context, tmp_path, accounts.login("yiliao", "bumen2026"))
    classes = set(window.pages)
    for path, _ in main_window.TABS:
        cls_name = path.partition(":")[2]
        module = __import__(f"county_workstation.{path.partition(':')[0]}",
                            fromlist=[cls_name])
        roles = getattr(getattr(module, cls_name), "ROLES", None)
        assert (cls_name in classes) == (roles is None or "department" in roles)
    assert "TownshipsTab" not in classes
    window.attach(None)
    assert window.tabs.count() == 0


def test_english_words_are_found():
    label = QLabel("Receive packages 收包")
    assert english_words(label)
    assert not english_words(QLabel("指纹 3f2a 9c01 be77 0d45，文件 /tmp/a-b/county.json"))


def test_register_a_township_from_its_key_file(county_window, tmp_path):
    from sync_contract.keys import KeyStore

    store = KeyStore(tmp_path / "tw-keys")
    store.ensure()
    key_file = tmp_path / "township.json"
    store.public_keys("township", "522201101000", "清水镇").write(key_file)
    tab = county_window.show_tab("TownshipsTab")
    shown = {}

    def confirm(dialog):
        shown["fp"] = dialog.fingerprint.text()
        return True

    assert tab.register_file(key_file, confirm=confirm)
    groups = shown["fp"].split(" ")
    assert len(groups) == 4 and all(len(g) == 4 for g in groups)
    assert store.fingerprint.startswith("".join(groups))
    model = tab.table.model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "522201101000"
    assert "已登记乡镇" in tab.message.text()
    # the same file again with another township's code in it is refused, nothing written
    other = tmp_path / "other.json"
    KeyStore(tmp_path / "other-keys").ensure()
    KeyStore(tmp_path / "other-keys").public_keys("township", "522201102000", "").write(other)
    store.public_keys("township", "522201102000", "").write(tmp_path / "same-key.json")
    assert not tab.register_file(tmp_path / "same-key.json", confirm=lambda d: True)
    assert model.rowCount() == 1
    # a file that is not a key file: a Chinese message
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert not tab.register_file(bad, confirm=lambda d: True)
    assert tab.message.isVisible() and tab.message.text() == "密钥文件无效"


def test_status_marks_late_townships(county_window, context, tmp_path):
    from sync_contract.keys import KeyStore

    store = KeyStore(tmp_path / "tw-keys")
    store.ensure()
    key_file = tmp_path / "township.json"
    store.public_keys("township", "522201101000", "清水镇").write(key_file)
    context.county.register("522201101000", key_file)
    tab = county_window.show_tab("StatusTab")
    model = tab.table.model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 3)) == "从未"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 个逾期" in tab.summary.text()
    assert context.today() == date(2026, 11, 26)
