"""Printing from the document screens (desktop_app.gui.kit.print_pdf).

The printer is a QPrinter writing a PDF file (or one that cannot write at all)
so these run anywhere; the real CUPS queue is tested in tests/print_queue.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from desktop_app.gui.kit import print_pdf
from desktop_app.gui.kit.print_actions import DocumentActions
from tests.helpers.drafts import draft

pytestmark = pytest.mark.gui


def _sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout


def _pages(path: Path) -> int:
    return int(next(line.split()[-1] for line in _pdfinfo(path).splitlines()
                    if line.startswith("Pages:")))


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def receipt(services, township):
    return services.intake.decide(draft(services), "accept", township).documents[0]


def file_printer(title: str, target: Path) -> QPrinter:
    printer = print_pdf.make_printer(title, printer_name="")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


@pytest.fixture
def actions(qtbot, receipt, settings, opener):
    widget = DocumentActions(opener=opener, settings=settings, path=receipt.path,
                             title=receipt.number)
    widget.ask_print = lambda printer, parent: True  # the clerk presses 打印 in the dialog
    qtbot.addWidget(widget)
    return widget


def test_failing_printer_shows_error_and_keeps_document(qtbot, actions, receipt, messages,
                                                        tmp_path):
    before = _sha(receipt.path)
    # A printer that refuses the job: its spool file cannot be created.
    actions.make_printer = lambda title: file_printer(title, tmp_path / "no-such-dir" / "x.pdf")
    with qtbot.assertNotEmitted(actions.printed):
        actions.print_button.click()
    assert len(messages.shown) == 1
    title, text = messages.shown[0]
    assert title == "打印失败"
    assert "拒绝" in text and str(receipt.path) in text and "已保存" in text
    assert Path(receipt.path).exists() and _sha(receipt.path) == before
    assert actions.print_button.isEnabled()  # the clerk can try again


def test_no_printer_installed_is_explained(qtbot, actions, receipt, messages, monkeypatch):
    monkeypatch.setattr(print_pdf, "available_printers", lambda: [])
    assert actions.print_document() == 0
    assert "未安装打印机" in messages.texts() and str(receipt.path) in messages.texts()


def test_offline_printer_is_refused_before_printing(qtbot, actions, messages, monkeypatch):
    def offline(printer):
        raise print_pdf.PrintError(print_pdf.PrintError.OFFLINE, "办公室打印机")

    monkeypatch.setattr(print_pdf, "check_printer", offline)
    monkeypatch.setattr(print_pdf, "available_printers", lambda: ["办公室打印机"])
    monkeypatch.setattr(print_pdf, "paint_pdfs", lambda *a, **k: pytest.fail("printed"))
    assert actions.print_document() == 0
    assert "“办公室打印机”脱机或已暂停" in messages.texts()


def test_a4_copies_and_job_title(qtbot, actions, receipt, tmp_path, settings):
    printer = print_pdf.make_printer(receipt.number, settings=settings)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    assert printer.fullPage() and printer.copyCount() == 1
    assert printer.docName() == receipt.number

    out = tmp_path / "printed.pdf"
    printed = file_printer(receipt.number, out)
    printed.setCopyCount(3)  # chosen in the print dialog
    actions.make_printer = lambda title: printed
    with qtbot.waitSignal(actions.printed) as signal:
        actions.print_button.click()
    saved_pages = _pages(receipt.path)
    assert signal.args == [3 * saved_pages]
    info = _pdfinfo(out)
    assert f"Pages:           {3 * saved_pages}" in info
    assert "(A4)" in info and receipt.number in info  # the job title is the number


def test_remembers_the_chosen_printer(settings, monkeypatch):
    monkeypatch.setattr(print_pdf, "available_printers", lambda: ["窗口打印机", "PDF"])
    class Chosen:  # what the print dialog left in the printer
        def outputFormat(self):
            return QPrinter.OutputFormat.NativeFormat

        def printerName(self):
            return "窗口打印机"

    chosen = Chosen()
    print_pdf.remember_printer(chosen, settings)
    assert settings.value(print_pdf.SETTINGS_KEY) == "窗口打印机"
    monkeypatch.setattr(QPrinter, "setPrinterName", lambda self, name: setattr(
        self, "_chosen", name))
    assert getattr(print_pdf.make_printer("T", settings=settings), "_chosen", None) == "窗口打印机"
    settings.setValue(print_pdf.SETTINGS_KEY, "已拆除的打印机")  # gone: the system default
    assert getattr(print_pdf.make_printer("T", settings=settings), "_chosen", None) is None


def test_preview_renders_the_saved_pdf(qtbot, actions, receipt, monkeypatch):
    calls = []
    real = print_pdf.paint_pdfs

    def spy(printer, paths, **kw):
        calls.append((list(paths), kw))
        return real(printer, paths, **kw)

    monkeypatch.setattr(print_pdf, "paint_pdfs", spy)
    dialog = actions.preview()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(calls))
    paths, kw = calls[0]
    assert paths == [Path(receipt.path)]
    assert kw["dpi"] <= print_pdf.PREVIEW_DPI and kw["app_copies"] is False
    assert receipt.number in dialog.windowTitle() and "打印预览" in dialog.windowTitle()
    dialog.close()


def test_open_and_save_as(qtbot, actions, receipt, opener, tmp_path):
    actions.open_button.click()
    assert opener.opened == [Path(receipt.path)]
    actions.ask_save_path = lambda parent, path: tmp_path / "copy"
    saved = actions.save_as()
    assert saved == tmp_path / "copy.pdf" and _sha(saved) == _sha(receipt.path)


def test_batch_prints_one_job_and_can_be_cancelled(qtbot, services, township, tmp_path,
                                                   monkeypatch):
    receipt = services.intake.decide(draft(services), "accept", township).documents
    paths = [d.path for d in receipt]  # the receipt and the 承诺书
    total = sum(_pages(p) for p in paths)
    out = tmp_path / "batch.pdf"
    report = print_pdf.print_batch(None, paths, "转办单 2026-11-24", ask=None,
                                   printer=file_printer("batch", out))
    assert report.pages == total and report.copies == 1 and report.printer == "batch.pdf"
    assert _pages(out) == total

    monkeypatch.setattr(print_pdf.QProgressDialog, "wasCanceled", lambda self: True)
    assert print_pdf.print_batch(None, paths, "转办单", ask=None,
                                 printer=file_printer("batch", tmp_path / "c.pdf")) is None
