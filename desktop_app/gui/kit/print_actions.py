"""What the document screens put in the clerk's hands (split from ``print_pdf``, issue
14): the 打印… / 预览 / 打开PDF / 另存为… row of one saved document, recording a print
(``DocumentService.record_prints``: a job the printer accepted is what counts), the
"已发送到打印机 …" line, and opening a PDF that no viewer opens (explained, with
另存为… and the built-in preview)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMessageBox, QPushButton, QWidget

from .fmt import fmt
from .print_failure import ask_save_path, explain_open_failure, save_pdf_as, show_print_failure
from .print_pdf import (
    PrintError,
    PrintReport,
    preview_dialog,
    run_print_dialog,
    send_pdfs,
)
from .widgets import open_file

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

Recorder = Callable[[PrintReport], Any]


def sent_text(report: PrintReport, what: str, number: str) -> str:
    """The one-line confirmation: 已发送到打印机 <printer>：<document> <number>."""
    return fmt(translate("PrintPdf", "Sent to printer %1: %2 %3"), report.printer, what,
               number).strip()


def print_recorder(services: Any, tasks: Any, actor: Callable[[], Any], *, owner: Any,
                   documents: Iterable[int] = (), lists: Iterable[int] = (),
                   on_done: Callable[[Any], Any] | None = None) -> Recorder:
    """A callback recording a job the printer accepted on the write lane: the print
    counts of ``documents`` / ``lists`` grow by the copies sent (issue 14)."""
    doc_ids, list_ids = list(documents), list(lists)

    def record(report: PrintReport) -> None:
        who = actor()
        if who is None or not (doc_ids or list_ids):
            return
        service = services.documents
        tasks.run(lambda: service.record_prints(who, documents=doc_ids, lists=list_ids,
                                                printer=report.printer, copies=report.copies),
                  on_done, lambda exc: log.warning("print not recorded: %s",
                                                   type(exc).__name__), owner=owner)

    return record


def show_preview(parent: QWidget | None, path: Path | str, title: str = "", *,
                 on_printed: Recorder | None = None, settings: QSettings | None = None,
                 printer: QPrinter | None = None,
                 opener: Callable[[Path], Any] = open_file) -> QPrintPreviewDialog | None:
    """The built-in preview of a saved PDF, shown (non-modal); its 打印 prints."""
    path = Path(path)
    try:
        dialog = preview_dialog(parent, [path], title or path.stem, settings=settings,
                                printer=printer, opener=opener, on_printed=on_printed)
    except PrintError as exc:
        show_print_failure(parent, exc, path, opener)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_pdf(path: Path | str, *, raw: Callable[[Path], Any] = open_file,
             parent: QWidget | None = None) -> bool:
    """Open a file with the system viewer; when nothing opens it (no PDF viewer on this
    computer), say so and offer 另存为… and the built-in preview. The app's opener."""
    path = Path(path)
    if raw(path):
        return True
    parent = parent or QApplication.activeWindow()
    if path.suffix.lower() != ".pdf":
        QMessageBox.warning(parent, translate("PrintPdf", "Could not open"),
                            fmt(translate("PrintPdf", "No program on this computer could open "
                                                      "%1."), str(path)))
        return False
    explain_open_failure(parent, path, preview=lambda p: show_preview(parent, p))
    return False


class DocumentActions(QWidget):
    """打印… / 预览 / 打开PDF / 另存为… for one saved document.

    ``set_document(path, title, record=…)`` points it at a document (``DocumentInfo.path``
    and its number as the job title; ``record``: a :func:`print_recorder` counting the
    prints); the buttons are disabled until then.
    """

    printed = Signal(int)  # pages sent to the printer
    sent = Signal(object)  # the PrintReport of a job the printer accepted

    def __init__(self, parent: QWidget | None = None, *, opener: Callable[[Path], Any] = open_file,
                 settings: QSettings | None = None, path: Path | str | None = None,
                 title: str = "") -> None:
        super().__init__(parent)
        self.opener = opener
        self.settings = settings
        self.path: Path | None = None
        self.title = ""
        self.record: Recorder | None = None
        # Hooks (tests replace them): the print dialog and the save-as question.
        self.ask_print: Callable[[QPrinter, QWidget | None], bool] | None = run_print_dialog
        self.ask_save_path: Callable[[QWidget | None, Path], Path | None] = ask_save_path
        self.make_printer: Callable[[str], QPrinter | None] = lambda title: None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printDocument")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("previewDocument")
        self.open_button = QPushButton(self.tr("Open PDF"))
        self.open_button.setObjectName("openDocument")
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setObjectName("saveDocumentAs")
        for button in (self.print_button, self.preview_button, self.open_button,
                       self.save_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.print_button.clicked.connect(self.print_document)
        self.preview_button.clicked.connect(self.preview)
        self.open_button.clicked.connect(self.open_pdf)
        self.save_button.clicked.connect(self.save_as)
        self.set_document(path, title)

    def set_document(self, path: Path | str | None, title: str = "", *,
                     record: Recorder | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.title = title or (self.path.stem if self.path else "")
        self.record = record
        for button in (self.print_button, self.preview_button, self.open_button,
                       self.save_button):
            button.setEnabled(self.path is not None)

    def _sent(self, report: PrintReport) -> None:
        if self.record is not None:
            self.record(report)
        self.sent.emit(report)
        self.printed.emit(report.pages)

    def print_document(self) -> int:
        if self.path is None:
            return 0
        report = send_pdfs(self, [self.path], self.title, ask=self.ask_print,
                           printer=self.make_printer(self.title), settings=self.settings,
                           opener=self.opener, preview=lambda p: self.preview())
        if report is None:
            return 0
        self._sent(report)
        return report.pages

    def preview(self) -> QPrintPreviewDialog | None:
        if self.path is None:
            return None
        return show_preview(self, self.path, self.title, on_printed=self._sent,
                            settings=self.settings, printer=self.make_printer(self.title),
                            opener=self.opener)

    def open_pdf(self) -> None:
        if self.path is not None:
            self.opener(self.path)

    def save_as(self) -> Path | None:
        if self.path is None:
            return None
        return save_pdf_as(self, self.path, ask_path=self.ask_save_path)


__all__ = ["DocumentActions", "open_pdf", "print_recorder", "sent_text", "show_preview"]
