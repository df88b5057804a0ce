"""Printing that keeps its word (issue 14, item 3 and the notice confirmation of item 7):
"受理并打印" sends the receipt to the remembered printer and says so, the print is
counted; preview from every document screen; 补打 and 打印转办清单 print; a failure or a
PDF no viewer opens is explained with 另存为…; a one-time notice is issued only after
its preview is confirmed — Enter alone never issues it.

Real widgets; the printer itself is faked at the painting step (the real CUPS queue:
tests/print_queue/test_accept_and_print.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop_app.gui.kit import print_actions, print_failure, print_pdf
from desktop_app.gui.kit.print_pdf import PrintReport
from tests.helpers.drafts import draft
from tests.helpers.gui import click, fill_valid

pytestmark = pytest.mark.gui

PRINTER = "窗口打印机"


def _count(services, doc_id: int) -> int:
    with services.ctx.db.read() as s:
        from desktop_app.core.models import Document

        return s.get_one(Document, doc_id).print_count


@pytest.fixture
def office_printer(monkeypatch, tmp_path):
    """A printer "窗口打印机" installed and remembered; jobs recorded where they would
    be painted; the print dialog must not appear."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(print_pdf.SETTINGS_KEY, PRINTER)
    jobs: list[tuple[str, list[str]]] = []

    def paint(printer, paths, **kw):
        jobs.append((printer.docName(), [Path(p).name for p in paths]))
        return 2

    monkeypatch.setattr(print_pdf, "available_printers", lambda: [PRINTER])
    monkeypatch.setattr(print_pdf, "settings_store", lambda: settings)
    monkeypatch.setattr(print_pdf, "check_printer", lambda printer: None)
    monkeypatch.setattr(print_pdf, "paint_pdfs", paint)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: pytest.fail("print dialog shown"))
    return jobs


def test_accept_and_print_sends_the_receipt_and_counts_it(qtbot, intake, services,
                                                         office_printer, opener):
    fill_valid(qtbot, intake)
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = services.queries.search_ids("张三")[0]
    docs = {d.kind: d for d in services.documents.for_application(app_id)}
    receipt = docs["receipt"]
    assert office_printer == [(receipt.number, [receipt.path.name])]  # no viewer: paper
    assert not opener.opened
    assert intake.result.sent.text() == f"已发送到打印机 {PRINTER}：{receipt.title} {receipt.number}"
    assert _count(services, receipt.id) == 1
    assert {k: d.print_count for k, d in docs.items() if k != "receipt"} == {
        k: 0 for k in docs if k != "receipt"}   # issued, not printed

    # every issued document: 打开PDF, 预览 and 打印… on the result page
    previews = []
    intake.result.preview_pdf = lambda parent, path, title, **kw: previews.append(
        (Path(path), title))
    for r, doc in enumerate(intake.result.documents):
        click(qtbot, intake.result.findChild(QPushButton, f"previewDocument{r}"))
        assert previews[-1] == (Path(doc.path), doc.number)


def test_first_print_asks_for_the_printer(qtbot, services, township, monkeypatch, tmp_path):
    monkeypatch.setattr(print_pdf, "available_printers", lambda: [PRINTER])
    monkeypatch.setattr(print_pdf, "settings_store", lambda: QSettings(
        str(tmp_path / "s.ini"), QSettings.Format.IniFormat))  # nothing remembered yet
    receipt = services.intake.decide(draft(services), "accept", township).documents[0]
    asked = []
    assert print_pdf.send_pdfs(None, [receipt.path], receipt.number, remembered=True,
                               ask=lambda printer, parent: asked.append(1) or False) is None
    assert asked == [1]


def test_no_printer_explains_and_offers_save_as(qtbot, intake, services, print_boxes,
                                               monkeypatch, tmp_path):
    monkeypatch.setattr(print_pdf, "available_printers", lambda: [])
    print_boxes.answer = "save"
    monkeypatch.setattr(print_failure, "ask_save_path", lambda parent, path: tmp_path / "usb")
    fill_valid(qtbot, intake)
    click(qtbot, intake.accept_button)
    (title, text), = print_boxes.shown
    assert title == "打印失败" and "未安装打印机" in text and "已保存" in text
    receipt = intake.result.documents[0]
    assert (tmp_path / "usb.pdf").read_bytes() == Path(receipt.path).read_bytes()
    assert "未打印" in intake.result.sent.text() and _count(services, receipt.id) == 0


def test_a_pdf_no_viewer_opens_is_explained(qtbot, services, township, print_boxes,
                                            monkeypatch, tmp_path):
    receipt = services.intake.decide(draft(services), "accept", township).documents[0]
    monkeypatch.setattr(print_failure, "ask_save_path", lambda parent, path: tmp_path / "copy")
    print_boxes.answer = "save"
    assert print_actions.open_pdf(receipt.path, raw=lambda path: False) is False
    (title, text), = print_boxes.shown
    assert title == "无法打开PDF" and "PDF阅读器" in text and str(receipt.path) in text
    assert (tmp_path / "copy.pdf").read_bytes() == Path(receipt.path).read_bytes()

    shown = []
    monkeypatch.setattr(print_actions, "show_preview", lambda parent, path, *a, **k: shown.append(
        Path(path)))
    print_boxes.answer = "preview"
    print_actions.open_pdf(receipt.path, raw=lambda path: False)
    assert shown == [Path(receipt.path)]
    assert print_actions.open_pdf(receipt.path, raw=lambda path: True) is True
    assert len(print_boxes.shown) == 2   # a PDF that opens says nothing


def test_detail_previews_prints_and_reprints_with_counts(qtbot, services, admin, tasks, opener):
    from desktop_app.gui.applications.detail import DetailView

    result = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", admin)
    view = DetailView(services, tasks, result.application_id, lambda: admin, opener=opener)
    qtbot.addWidget(view)
    view.show()
    docs = services.documents.for_application(result.application_id)
    assert "未打印" in view.findChild(QWidget, "document0").text()
    previews, jobs = [], []
    view.preview_pdf = lambda parent, path, title, **kw: previews.append((Path(path), title))
    view.print_pdf = lambda parent, path, title, **kw: jobs.append(
        (Path(path).name, title, kw.get("remembered"))) or PrintReport(PRINTER, 2, 1, title)
    for r, doc in enumerate(docs):   # a preview from every document
        click(qtbot, view.findChild(QPushButton, f"previewDocument{r}"))
        assert previews[-1] == (services.documents.original_pdf(doc.id), doc.number)

    receipt = docs[0]
    click(qtbot, view.findChild(QPushButton, "printDocument0"))
    assert _count(services, receipt.id) == 1
    assert "已打印 1 次" in view.findChild(QWidget, "document0").text()
    assert view.sent_label.text() == f"已发送到打印机 {PRINTER}：{receipt.title} {receipt.number}"
    click(qtbot, view.findChild(QPushButton, "reprintDocument0"))   # 补打 prints
    assert jobs[-1] == (f"{receipt.number}-receipt-补打1.pdf", receipt.number, True)
    assert _count(services, receipt.id) == 2
    assert not opener.opened


def test_handover_list_prints_and_its_prints_count(qtbot, services, admin, tasks, opener):
    from desktop_app.core.models import ListDocument
    from desktop_app.gui.tracking.screen import TrackingScreen

    a = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", admin)
    slip = next(d for d in a.documents if d.kind == "referral")
    screen = TrackingScreen(services, tasks, lambda: admin, opener=opener)
    qtbot.addWidget(screen)
    screen.refresh()
    jobs, previews = [], []
    screen.print_batch = lambda parent, paths, title, **kw: jobs.append(
        ([Path(p).name for p in paths], kw.get("remembered"))) or PrintReport(
            PRINTER, len(paths), 1, title)
    screen.preview_pdfs = lambda parent, paths, title, **kw: previews.append(
        [Path(p).name for p in paths])
    screen.handover_button.click()     # 打印转办清单: printed, not only generated
    info = screen.last_list
    assert jobs == [([info.path.name], True)] and not opener.opened
    assert f"已发送到打印机 {PRINTER}" in screen.message.text()

    def list_count() -> int:
        with services.ctx.db.read() as s:
            return s.get_one(ListDocument, info.id).print_count

    assert list_count() == 1 and _count(services, slip.id) == 0
    screen.batch_button.click()        # the list and its slips, one job
    assert jobs[-1][0] == [info.path.name, f"{a.number}-Z1-referral.pdf"]
    assert list_count() == 2 and _count(services, slip.id) == 1
    screen.preview_list_button.click()
    assert previews == [[info.path.name, f"{a.number}-Z1-referral.pdf"]]


def _missing_one(qtbot, intake) -> None:
    fill_valid(qtbot, intake, all_received=False)


def _answer_dialog(qtbot, act) -> list:
    """Run ``act`` on the confirmation dialog once it is up; returns what it saw."""
    seen: list = []

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "noticeConfirm":
            QTimer.singleShot(20, later)
            return
        seen.append(len(dialog.pages))
        act(dialog)

    QTimer.singleShot(0, later)
    return seen


def test_notice_is_issued_only_after_its_preview_is_confirmed(qtbot, intake, services):
    _missing_one(qtbot, intake)
    # Enter on the notice button opens the preview; Enter there cancels.
    seen = _answer_dialog(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    intake.notice_button.setFocus()
    qtbot.keyClick(intake.notice_button, Qt.Key.Key_Space)
    assert seen and seen[0] >= 1              # the notice's pages were shown
    assert services.queries.count() == 0       # nothing issued, no number used
    assert intake.stack.currentWidget() is intake.form

    seen = _answer_dialog(qtbot, lambda d: qtbot.mouseClick(d.confirm_button,
                                                            Qt.MouseButton.LeftButton))
    click(qtbot, intake.notice_button)
    assert seen
    app_id = services.queries.search_ids("张三")[0]
    assert services.queries.detail(app_id).row.status == "pending_materials"
    assert services.queries.detail(app_id).row.number.endswith("0001")
