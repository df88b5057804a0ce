"""验证文书 dialog and the 发文登记簿 button (issue 17 — qrcheck), driven like a clerk:
the toolbar action opens the dialog; a scanner's text (typed, then Enter) of a genuine
receipt says 真实 in green with what the code says; a PDF with one changed character says
已被改动; an empty code is refused in one Chinese line; the 台账 tab prints the register
of its period."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.reports.ledgers import LedgersTab
from desktop_app.gui.verify.dialog import VerifyDialog
from sync_contract import qrread
from tests.helpers.gui import actor_for, click
from tests.helpers.sync import fill
from tests.verification.helpers import change_one_character, pdf_of, receipts

pytestmark = pytest.mark.gui


def _dialog(qtbot, services, tasks) -> VerifyDialog:
    d = VerifyDialog(services, tasks)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_toolbar_opens_the_dialog(window):
    assert window.verify_action.isEnabled() and window.verify_action.text() == "验证文书"
    dialog = window.show_verify()
    assert isinstance(dialog, VerifyDialog) and dialog.windowTitle() == "验证文书"
    dialog.close()


def test_a_scanned_code_and_a_changed_pdf(qtbot, services, township, tasks, tmp_path):
    fill(services, township, n=1)
    [receipt] = receipts(services)[:1]
    pdf = pdf_of(services, receipt)
    [text] = qrread.texts_in_pdf(pdf.read_bytes())
    d = _dialog(qtbot, services, tasks)
    assert "0 个乡镇密钥" in d.known.text()

    d.code.setText(text)       # a hand scanner types ASCII, then Enter
    qtbot.keyClick(d.code, Qt.Key.Key_Return)
    assert d.verdict.text().startswith("真实") and "#1b5e20" in d.verdict.styleSheet()
    assert d.number.text() == receipt.number and d.kind.text() == "社会救助申请受理回执"
    assert d.name.text().endswith("*")

    altered = tmp_path / "altered.pdf"
    altered.write_bytes(change_one_character(pdf.read_bytes()))
    d.ask_file = lambda: str(altered)
    click(qtbot, d.file_button)
    assert d.verdict.text().startswith("已被改动") and "#b71c1c" in d.verdict.styleSheet()

    d.code.setText("")
    click(qtbot, d.check_button)
    assert d.error.text() == "请扫描或粘贴文书二维码的内容"
    d.resize(640, 420)
    d.grab().save(str(tmp_path / "verify.png"))


def test_the_ledgers_tab_prints_the_register(qtbot, services, township, tasks, opener):
    fill(services, township, n=1)
    actor = actor_for(services, "clerk1")
    tab = LedgersTab(services, tasks, lambda: actor, opener=opener)
    qtbot.addWidget(tab)
    tab.show()
    button = tab.findChild(type(tab.open_button), "issuanceRegisterButton")
    assert button is not None and button.text() == "打印发文登记簿(&R)"
    click(qtbot, button)
    assert tab.result.text().startswith("已生成发文登记簿 ") and "-DJ01" in tab.result.text()
    assert tab.last_path is not None and tab.last_path.exists()
