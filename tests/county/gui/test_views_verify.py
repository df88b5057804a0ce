"""验证 tab: a QR code's text or a scan of it, checked against the registered townships'
keys: genuine (with the township's name), unknown signer, not ours, damaged; a file
without a code says so."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from county_workstation.views.verify import VerifyTab
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.kit.widgets import commit_text
from sync_contract import docqr
from tests.county.gui import views_seed as seed

pytestmark = pytest.mark.gui

TOWNSHIP = seed.TOWNSHIPS[0][0]


@pytest.fixture
def world(tmp_path):
    return seed.seed(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "keys")


@pytest.fixture
def tab(qtbot, world):
    actor = seed.department("HEALTHCARE")       # a department checks a 转办单
    page = VerifyTab(seed.context(world), TaskRunner(synchronous=True), lambda: actor)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def _qr(key, number="ZB-2026-0042", township=TOWNSHIP):
    return docqr.encode(docqr.Payload(kind="referral", no=number, date="2026-11-20",
                                      tw=township, nm="张*", h=hashlib.sha256(b"x").digest()),
                        key)


def _paste(qtbot, tab, text):
    tab.text.clear()
    commit_text(tab.text, text)
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)


def test_a_genuine_referral(qtbot, tab, world):
    _paste(qtbot, tab, _qr(world.keys[TOWNSHIP]))
    assert tab.verdict.text() == "真实：签名有效，内容与签发时一致"
    assert tab.fields["kind"].text() == "社会救助事项转办单"
    assert tab.fields["number"].text() == "ZB-2026-0042"
    assert tab.fields["township"].text() == f"城关镇（{TOWNSHIP}）"
    assert tab.fields["name"].text() == "张*"
    assert tab.fields["signer"].text() == docqr.key_id(world.keys[TOWNSHIP])
    assert "#1b5e20" in tab.verdict.styleSheet()


def test_signed_by_a_key_the_county_does_not_know(qtbot, tab):
    _paste(qtbot, tab, _qr(Ed25519PrivateKey.generate()))
    assert tab.verdict.text().startswith("签发者未知")
    assert "#b00020" in tab.verdict.styleSheet()


def test_another_townships_key_is_not_this_townships_signature(qtbot, tab, world):
    _paste(qtbot, tab, _qr(world.keys[seed.TOWNSHIPS[1][0]]))
    assert tab.verdict.text().startswith("签发者未知")


@pytest.mark.parametrize(("text", "verdict"), [
    ("https://example.com/receipt/42", "不是本系统的文书二维码"),
    ("TW1:%%%not base45", "二维码内容残缺或格式错误，无法读取")])
def test_not_ours_and_damaged(qtbot, tab, text, verdict):
    _paste(qtbot, tab, text)
    assert tab.verdict.text() == verdict


def test_an_empty_text_is_said(qtbot, tab):
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert tab.error.text() == "请粘贴二维码文字，或选择文件。"


def test_a_scan_of_the_code(qtbot, tab, world, tmp_path):
    from PIL import Image

    matrix = docqr.qr_matrix(_qr(world.keys[TOWNSHIP]))
    n, scale, quiet = len(matrix), 6, 4
    img = Image.new("L", ((n + 2 * quiet) * scale,) * 2, 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                img.paste(0, ((x + quiet) * scale, (y + quiet) * scale,
                              (x + quiet + 1) * scale, (y + quiet + 1) * scale))
    scan = tmp_path / "scan.png"
    img.save(scan)
    tab.ask_file = lambda: str(scan)
    qtbot.mouseClick(tab.file_button, Qt.MouseButton.LeftButton)
    assert tab.source.text() == "文件：scan.png"
    assert tab.verdict.text().startswith("真实")
    assert "核对纸面文字" in tab.reason.text()      # a photo proves the signature only


def test_a_file_without_a_code(qtbot, tab, tmp_path):
    junk = tmp_path / "notes.png"
    junk.write_bytes(b"not an image at all")
    tab.check_file(junk)
    assert tab.verdict.text() == "未能从文件中识别出二维码"
    assert tab.reason.text() == "文件不是可读取的图片或 PDF"


def test_a_document_the_township_voided(qtbot, tab, world):
    from sqlalchemy.orm import Session

    from county_receiver.models import CountyRecord

    with Session(world.county.engine) as s, s.begin():
        s.add(CountyRecord(township_id=1, type="document", uuid=seed._uid("doc/void"),
                           version=2, change_seq=999, package_seq=1,
                           data={"uuid": seed._uid("doc/void"), "version": 2,
                                 "number": "ZB-2026-0042", "kind": "referral", "voided": True,
                                 "voided_at": "2026-11-22T03:00:00Z"}))
    _paste(qtbot, tab, _qr(world.keys[TOWNSHIP]))
    assert tab.verdict.text() == "已作废：该文书已被签发乡镇作废"
    assert "#b00020" in tab.verdict.styleSheet()
    # another number of the same township stays genuine
    _paste(qtbot, tab, _qr(world.keys[TOWNSHIP], number="ZB-2026-0043"))
    assert tab.verdict.text().startswith("真实")
