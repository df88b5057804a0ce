"""Printing the saved PDFs — one layout source.

The PDF a document screen saved (``DocumentInfo.path``) is what goes to paper: its
pages are rasterised with PDFium (``pypdfium2``; QtPdf is not part of
PySide6-Essentials) at the printer's resolution (capped at :data:`MAX_DPI`) and
painted, at actual size, onto a :class:`QPrinter` set to A4. The preview dialog
is driven by the same rasteriser, so preview, paper and the saved file agree.
There is no second, hand-drawn QPainter layout.

* The job title is the document number (what the clerk sees in the Windows or
  CUPS queue); the chosen printer is remembered in ``QSettings`` (``print/printer``).
* Copies come from the print dialog; when the driver cannot make copies itself
  (``supportsMultipleCopies()`` false) the pages are painted once per copy.
* A two-part form (回执 stub and applicant's part) is already laid out on one A4
  page of the PDF, so it prints on one sheet; nothing is scaled unless the paper
  chosen is smaller than the page.
* Failures — no printer installed, printer offline or in error, job refused,
  unreadable PDF — raise :class:`PrintError`; the screens show a plain Chinese
  message saying the document is saved, with 另存为… and 打开PDF. Printing
  never touches the saved file.
* "…并打印" sends straight to the remembered printer (:func:`send_pdfs` with
  ``remembered=True``; the first time: the print dialog, whose choice is remembered)
  and the screens say "已发送到打印机 …" from the :class:`PrintReport`.

The module is split (issue 14): ``print_raster`` (PDFium pages, the exceptions),
``print_failure`` (failure boxes, 另存为), ``print_actions`` (the screens' buttons,
recording prints, a PDF no viewer opens, the confirmation with preview); this module
chooses printers, paints jobs and builds the preview.

Rendering runs on the GUI thread: PDFium is not thread-safe and a receipt page
renders in about 0.1 s at 600 dpi; a batch shows a progress dialog with 取消.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from .fmt import fmt
from .print_failure import save_pdf_as, show_print_failure
from .print_raster import MAX_DPI, PREVIEW_DPI, PdfPages, PrintCancelled, PrintError, paint_page
from .widgets import open_file, paint_now

log = logging.getLogger(__name__)

SETTINGS_KEY = "print/printer"

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PrintReport:
    """A job the printer accepted: the queue (or file) it went to, the pages painted
    and the copies of each document in it."""

    printer: str
    pages: int
    copies: int
    title: str


# -- printers ----------------------------------------------------------------------------------
def available_printers() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def settings_store() -> QSettings:
    """Where the last printer is remembered (the app's own organisation/name)."""
    return QSettings()


def make_printer(title: str, *, settings: QSettings | None = None,
                 printer_name: str | None = None) -> QPrinter:
    """A QPrinter for one document: A4, actual size, one copy, job title ``title``,
    the remembered printer if it still exists (else the system default)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = printer_name
    if name is None:
        remembered = str((settings if settings is not None else settings_store()).value(SETTINGS_KEY, "") or "")
        if remembered and remembered in available_printers():
            name = remembered
    if name:
        printer.setPrinterName(name)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setCopyCount(1)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)  # forms are black on white
    printer.setDocName(title)
    return printer


def remember_printer(printer: QPrinter, settings: QSettings | None = None) -> None:
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        store = settings if settings is not None else settings_store()
        store.setValue(SETTINGS_KEY, printer.printerName())
        store.sync()


def check_printer(printer: QPrinter) -> None:
    """Refuse early, with a reason, when the chosen printer cannot print."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return
    if not available_printers():
        raise PrintError(PrintError.NO_PRINTER)
    name = printer.printerName()
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise PrintError(PrintError.NOT_FOUND, name)
    state = info.state()
    if state == QPrinter.PrinterState.Error:
        raise PrintError(PrintError.PRINTER_ERROR, info.printerName())
    if state == QPrinter.PrinterState.Aborted:
        raise PrintError(PrintError.OFFLINE, info.printerName())


Progress = Callable[[int, int], bool]  # (pages done, pages total) -> go on?


def paint_pdfs(printer: QPrinter, paths: Sequence[Path | str], *,
               progress: Progress | None = None, app_copies: bool | None = None,
               dpi: float | None = None) -> int:
    """Paint every page of ``paths`` onto ``printer`` as one job; return pages painted.

    ``app_copies``: paint each document ``copyCount()`` times (default: when the
    driver cannot make copies). Raises :class:`PrintError` or :class:`PrintCancelled`.
    """
    docs = [PdfPages(p) for p in paths]
    try:
        copies = max(1, printer.copyCount())
        if app_copies is None:
            app_copies = (printer.outputFormat() != QPrinter.OutputFormat.NativeFormat
                          or not printer.supportsMultipleCopies())
        repeat = copies if app_copies else 1
        if app_copies and copies > 1:
            printer.setCopyCount(1)  # the copies are in the job now
        pages = [(doc, i) for doc in docs for _ in range(repeat) for i in range(len(doc))]
        if not pages:
            return 0
        resolution = dpi or min(printer.resolution(), MAX_DPI)
        gray = printer.colorMode() == QPrinter.ColorMode.GrayScale
        name = printer.printerName()

        def orient(doc: PdfPages, i: int) -> None:
            size = doc.size_points(i)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                       if size.width() > size.height()
                                       else QPageLayout.Orientation.Portrait)

        orient(*pages[0])
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(PrintError.REFUSED, name)
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for n, (doc, i) in enumerate(pages):
                if progress is not None and not progress(n, len(pages)):
                    printer.abort()
                    raise PrintCancelled
                if n:
                    orient(doc, i)
                    if not printer.newPage():
                        raise PrintError(PrintError.REFUSED, name)
                paint_page(painter, printer, doc, i, resolution, gray)
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintError(PrintError.REFUSED, name)
        if progress is not None:
            progress(len(pages), len(pages))
        return len(pages)
    finally:
        for doc in docs:
            doc.close()


def run_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog (printer, copies, pages); True when the clerk prints."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("PrintPdf", "Print"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def remembered_printer(settings: QSettings | None = None) -> str | None:
    """The printer chosen last time, if it is still installed."""
    store = settings if settings is not None else settings_store()
    name = str(store.value(SETTINGS_KEY, "") or "")
    return name if name and name in available_printers() else None


def printer_label(printer: QPrinter) -> str:
    """How the clerk knows the printer: its queue name (a file printer: the file)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return Path(printer.outputFileName()).name
    return printer.printerName() or QPrinterInfo.defaultPrinterName()


def _print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """:func:`run_print_dialog` as this module holds it when called (a test replaces it)."""
    return run_print_dialog(printer, parent)


def send_pdfs(parent: QWidget | None, paths: Sequence[Path | str], title: str, *,
              ask: Callable[[QPrinter, QWidget | None], bool] | None = _print_dialog,
              printer: QPrinter | None = None, settings: QSettings | None = None,
              opener: Callable[[Path], Any] = open_file, show_progress: bool | None = None,
              remembered: bool = False, preview: Callable[[Path], Any] | None = None,
              ) -> PrintReport | None:
    """Print saved PDFs as one job titled ``title``; the :class:`PrintReport` of the job
    the printer accepted, or None (not printed: cancelled, or a failure shown to the
    clerk with 另存为 — the PDFs stay saved; nothing raises).

    ``ask`` shows the print dialog (None prints straight to the remembered printer).
    ``remembered``: "…并打印" — straight to the remembered printer when it is still
    installed; otherwise (the first time) ``ask`` and remember the choice.
    """
    files = [Path(p) for p in paths]
    if not files:
        return None
    failed_at = files[0] if len(files) == 1 else files[0].parent
    known: str | None = None
    if printer is None:
        if not available_printers():
            show_print_failure(parent, PrintError(PrintError.NO_PRINTER), failed_at, opener,
                               preview=preview)
            return None
        known = remembered_printer(settings) if remembered else None
        printer = make_printer(title, settings=settings)
    if known:
        ask = None   # "…并打印": the printer chosen last time, no dialog
    if ask is not None:
        if not ask(printer, parent):
            return None
        remember_printer(printer, settings)
    progress_dialog: QProgressDialog | None = None
    progress: Progress | None = None
    if show_progress if show_progress is not None else len(files) > 1:
        progress_dialog = QProgressDialog(translate("PrintPdf", "Printing…"),
                                          translate("PrintPdf", "Cancel"), 0, 1, parent)
        progress_dialog.setWindowTitle(translate("PrintPdf", "Print"))
        progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        progress_dialog.setMinimumDuration(0)
        paint_now(progress_dialog)  # issue 14: painted before the first page is rendered

        def progress(done: int, total: int) -> bool:
            progress_dialog.setMaximum(total)
            progress_dialog.setValue(done)
            progress_dialog.setLabelText(fmt(translate("PrintPdf", "Printing page %1 of %2…"),
                                             str(min(done + 1, total)), str(total)))
            QCoreApplication.processEvents()
            return not progress_dialog.wasCanceled()
    copies = max(1, printer.copyCount())
    try:
        check_printer(printer)
        pages = paint_pdfs(printer, files, progress=progress)
    except PrintCancelled:
        return None
    except PrintError as exc:
        show_print_failure(parent, exc, failed_at, opener, preview=preview)
        return None
    finally:
        if progress_dialog is not None:
            progress_dialog.close()
            progress_dialog.deleteLater()
    if not pages:
        return None
    return PrintReport(known or printer_label(printer), pages, copies, title)


def print_pdfs(parent: QWidget | None, paths: Sequence[Path | str], title: str,
               **kw: Any) -> int:
    """:func:`send_pdfs`, counted in pages (0: not printed)."""
    report = send_pdfs(parent, paths, title, **kw)
    return report.pages if report is not None else 0


def preview_dialog(parent: QWidget | None, paths: Sequence[Path | str], title: str, *,
                   settings: QSettings | None = None, printer: QPrinter | None = None,
                   opener: Callable[[Path], Any] = open_file,
                   on_printed: Callable[[PrintReport], Any] | None = None,
                   ) -> QPrintPreviewDialog:
    """A print preview of the saved PDFs (same rasteriser as the paper); its 打印
    button prints through the same path and reports the job to ``on_printed`` (the
    screen records the print). The caller shows it (``open()``/``exec()``)."""
    paths = [Path(p) for p in paths]
    printer = printer or make_printer(title, settings=settings)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(fmt(translate("PrintPdf", "Print preview — %1"), title))
    dialog.resize(900, 1000)

    def paint(target: QPrinter) -> None:
        # The same slot draws the preview pages and, after 打印, the real job.
        previewing = _is_preview(target)
        try:
            copies = max(1, target.copyCount())
            if not previewing:
                check_printer(target)
            pages = paint_pdfs(target, paths,
                               dpi=min(target.resolution(), PREVIEW_DPI) if previewing else None,
                               app_copies=False if previewing else None)
        except PrintError as exc:
            show_print_failure(dialog, exc, paths[0], opener)
            return
        if not previewing and pages and on_printed is not None:
            on_printed(PrintReport(printer_label(target), pages, copies, title))

    dialog.paintRequested.connect(paint)
    dialog.accepted.connect(lambda: remember_printer(printer, settings))  # after 打印
    return dialog


def _is_preview(printer: QPrinter) -> bool:
    """QPrintPreviewWidget paints through a picture engine while it builds the preview."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def print_document(parent: QWidget | None, path: Path | str, title: str,
                   **kw: Any) -> PrintReport | None:
    """Print one saved PDF (see :func:`send_pdfs`): the job's report or None."""
    return send_pdfs(parent, [path], title, **kw)


def print_batch(parent: QWidget | None, paths: Sequence[Path | str], title: str,
                **kw: Any) -> PrintReport | None:
    """Print several saved PDFs (e.g. one department's 转办单 of the day) as one job
    titled ``title``, with a progress dialog and 取消: the job's report or None."""
    return send_pdfs(parent, paths, title, show_progress=True, **kw)


__all__ = [
    "MAX_DPI", "PREVIEW_DPI", "PdfPages", "PrintCancelled", "PrintError", "PrintReport",
    "available_printers", "check_printer", "make_printer", "paint_pdfs", "preview_dialog",
    "print_batch", "print_document", "print_pdfs", "printer_label", "remember_printer",
    "remembered_printer", "save_pdf_as", "send_pdfs", "show_print_failure",
]
