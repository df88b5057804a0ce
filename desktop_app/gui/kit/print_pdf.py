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
  message saying the document is saved, with a button to open the PDF. Printing
  never touches the saved file.

Rendering runs on the GUI thread: PDFium is not thread-safe and a receipt page
renders in about 0.1 s at 600 dpi; a batch shows a progress dialog with 取消.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSettings, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from .fmt import fmt
from .widgets import open_file, paint_now

log = logging.getLogger(__name__)

#: Highest rasterisation resolution. 600 dpi keeps 10-pt CJK text as sharp as a
#: laser printer shows it; a 1200-dpi driver would otherwise mean 140 MB per page.
MAX_DPI = 600
#: Preview pages are rasterised at most at this resolution (screen zoom).
PREVIEW_DPI = 150
SETTINGS_KEY = "print/printer"

translate = QCoreApplication.translate

class PrintError(Exception):
    """Printing failed; ``kind`` is one of the class constants, ``printer`` the queue."""

    NO_PRINTER = "no_printer"
    NOT_FOUND = "not_found"
    OFFLINE = "offline"
    PRINTER_ERROR = "printer_error"
    REFUSED = "refused"
    UNREADABLE = "unreadable"

    def __init__(self, kind: str, printer: str = "", detail: str = "") -> None:
        super().__init__(f"{kind}: {printer} {detail}".strip())
        self.kind = kind
        self.printer = printer
        self.detail = detail

    def reason(self) -> str:
        """The clerk-facing sentence (translated)."""
        texts = {
            self.NO_PRINTER: translate("PrintPdf", "No printer is installed on this computer."),
            self.NOT_FOUND: translate(
                "PrintPdf", "The printer “%1” is not available on this computer."),
            self.OFFLINE: translate("PrintPdf", "The printer “%1” is offline or paused."),
            self.PRINTER_ERROR: translate(
                "PrintPdf",
                "The printer “%1” reports an error (out of paper, jammed or switched off)."),
            self.REFUSED: translate("PrintPdf", "The printer “%1” refused the print job."),
            self.UNREADABLE: translate("PrintPdf", "The saved PDF could not be read for printing."),
        }
        return fmt(texts.get(self.kind, texts[self.REFUSED]), self.printer)


class PrintCancelled(Exception):
    """The clerk pressed 取消 during a batch."""


# -- the rasteriser ------------------------------------------------------------------------------
class PdfPages:
    """The pages of a saved PDF, rendered by PDFium into QImages.

    The file is read into memory, so it is never held open (Windows would lock it).
    """

    def __init__(self, path: Path | str) -> None:
        import pypdfium2

        self.path = Path(path)
        try:
            self._doc = pypdfium2.PdfDocument(self.path.read_bytes())
        except (OSError, pypdfium2.PdfiumError) as exc:
            raise PrintError(PrintError.UNREADABLE, detail=f"{self.path}: {exc}") from exc

    def __len__(self) -> int:
        return len(self._doc)

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._doc.close()

    def size_points(self, index: int) -> QSizeF:
        width, height = self._doc[index].get_size()
        return QSizeF(width, height)

    def render(self, index: int, dpi: float, *, gray: bool = True) -> QImage:
        """Page ``index`` at ``dpi`` (white background, no alpha); a deep copy."""
        page = self._doc[index]
        bitmap = page.render(scale=dpi / 72.0, grayscale=gray, rev_byteorder=not gray,
                             may_draw_forms=False)
        fmt = QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_RGB888
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
        bitmap.close()
        page.close()
        return image


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
                _paint_page(painter, printer, doc, i, resolution, gray)
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


def _paint_page(painter: QPainter, printer: QPrinter, doc: PdfPages, index: int,
                dpi: float, gray: bool) -> None:
    page = doc.size_points(index)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    device_dpi = printer.resolution()
    width = page.width() / 72.0 * device_dpi
    height = page.height() / 72.0 * device_dpi
    # Actual size; shrink (never enlarge) only if the paper is smaller than the page.
    scale = min(1.0, paper.width() / width, paper.height() / height)
    width, height = width * scale, height * scale
    target = QRectF((paper.width() - width) / 2, (paper.height() - height) / 2, width, height)
    painter.drawImage(target, doc.render(index, dpi, gray=gray))


# -- what the screens call ----------------------------------------------------------------------
def show_print_failure(parent: QWidget | None, error: PrintError, path: Path | str | None,
                       opener: Callable[[Path], Any] = open_file) -> None:
    """Say why printing failed and that the document is saved; offer to open it."""
    log.warning("printing failed: %s", error)
    lines = [error.reason()]
    if path is not None:
        lines.append(translate("PrintPdf", "The document is saved; nothing is lost:") + f"\n{path}")
    lines.append(translate(
        "PrintPdf",
        "Check the printer and print again, or open the PDF and print it from the PDF viewer."))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("PrintPdf", "Printing failed"),
                      "\n\n".join(lines),
                      QMessageBox.StandardButton.Ok, parent)
    if error.detail:
        box.setDetailedText(error.detail)
    open_button = None
    if path is not None:
        open_button = box.addButton(translate("PrintPdf", "Open PDF"),
                                    QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if path is not None and open_button is not None and box.clickedButton() is open_button:
        opener(Path(path))


def run_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog (printer, copies, pages); True when the clerk prints."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("PrintPdf", "Print"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def print_pdfs(parent: QWidget | None, paths: Sequence[Path | str], title: str, *,
               ask: Callable[[QPrinter, QWidget | None], bool] | None = run_print_dialog,
               printer: QPrinter | None = None, settings: QSettings | None = None,
               opener: Callable[[Path], Any] = open_file, show_progress: bool | None = None,
               ) -> int:
    """Print saved PDFs as one job titled ``title``; return pages printed (0: not printed).

    ``ask`` shows the print dialog (None prints straight to the remembered printer).
    Failures are shown to the clerk (the PDFs stay saved); nothing raises.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        return 0
    if printer is None:
        if not available_printers():
            show_print_failure(parent, PrintError(PrintError.NO_PRINTER), paths[0], opener)
            return 0
        printer = make_printer(title, settings=settings)
    if ask is not None:
        if not ask(printer, parent):
            return 0
        remember_printer(printer, settings)
    progress_dialog: QProgressDialog | None = None
    progress: Progress | None = None
    if show_progress if show_progress is not None else len(paths) > 1:
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
    try:
        check_printer(printer)
        return paint_pdfs(printer, paths, progress=progress)
    except PrintCancelled:
        return 0
    except PrintError as exc:
        show_print_failure(parent, exc, paths[0] if len(paths) == 1 else Path(paths[0]).parent,
                           opener)
        return 0
    finally:
        if progress_dialog is not None:
            progress_dialog.close()
            progress_dialog.deleteLater()


def preview_dialog(parent: QWidget | None, paths: Sequence[Path | str], title: str, *,
                   settings: QSettings | None = None, printer: QPrinter | None = None,
                   opener: Callable[[Path], Any] = open_file) -> QPrintPreviewDialog:
    """A print preview of the saved PDFs (same rasteriser as the paper); its 打印
    button prints through the same path. The caller shows it (``open()``/``exec()``)."""
    paths = [Path(p) for p in paths]
    printer = printer or make_printer(title, settings=settings)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(fmt(translate("PrintPdf", "Print preview — %1"), title))
    dialog.resize(900, 1000)

    def paint(target: QPrinter) -> None:
        # The same slot draws the preview pages and, after 打印, the real job.
        previewing = _is_preview(target)
        try:
            if not previewing:
                check_printer(target)
            paint_pdfs(target, paths,
                       dpi=min(target.resolution(), PREVIEW_DPI) if previewing else None,
                       app_copies=False if previewing else None)
        except PrintError as exc:
            show_print_failure(dialog, exc, paths[0], opener)

    dialog.paintRequested.connect(paint)
    dialog.accepted.connect(lambda: remember_printer(printer, settings))  # after 打印
    return dialog


def _is_preview(printer: QPrinter) -> bool:
    """QPrintPreviewWidget paints through a picture engine while it builds the preview."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def save_pdf_as(parent: QWidget | None, path: Path | str, *,
                ask_path: Callable[[QWidget | None, Path], Path | None] | None = None,
                ) -> Path | None:
    """Copy the saved PDF where the clerk chooses (USB stick, shared folder)."""
    path = Path(path)
    ask_path = ask_path or _ask_save_path
    target = ask_path(parent, path)
    if target is None:
        return None
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    from ...printing.output import copy_pdf
    from .messages import text_of

    try:
        copy_pdf(path, target)  # atomic: a full or write-protected stick leaves no half file
    except OSError as exc:  # a FileFault: one sentence naming the folder, translated by key
        log.warning("save as failed: %s", getattr(exc, "kind", type(exc).__name__))
        QMessageBox.warning(parent, translate("PrintPdf", "Save failed"), text_of(exc))
        return None
    return target


def _ask_save_path(parent: QWidget | None, path: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, translate("PrintPdf", "Save PDF as"),
                                            str(Path.home() / path.name), "PDF (*.pdf)")
    return Path(chosen) if chosen else None


class DocumentActions(QWidget):
    """打印… / 预览 / 打开PDF / 另存为… for one saved document.

    ``set_document(path, title)`` points it at a document (``DocumentInfo.path`` and
    its number as the job title); the buttons are disabled until then.
    """

    printed = Signal(int)  # pages sent to the printer

    def __init__(self, parent: QWidget | None = None, *, opener: Callable[[Path], Any] = open_file,
                 settings: QSettings | None = None, path: Path | str | None = None,
                 title: str = "") -> None:
        super().__init__(parent)
        self.opener = opener
        self.settings = settings
        self.path: Path | None = None
        self.title = ""
        # Hooks (tests replace them): the print dialog and the save-as question.
        self.ask_print: Callable[[QPrinter, QWidget | None], bool] | None = run_print_dialog
        self.ask_save_path: Callable[[QWidget | None, Path], Path | None] = _ask_save_path
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

    def set_document(self, path: Path | str | None, title: str = "") -> None:
        self.path = Path(path) if path is not None else None
        self.title = title or (self.path.stem if self.path else "")
        for button in (self.print_button, self.preview_button, self.open_button,
                       self.save_button):
            button.setEnabled(self.path is not None)

    def print_document(self) -> int:
        if self.path is None:
            return 0
        pages = print_pdfs(self, [self.path], self.title, ask=self.ask_print,
                           printer=self.make_printer(self.title), settings=self.settings,
                           opener=self.opener)
        if pages:
            self.printed.emit(pages)
        return pages

    def preview(self) -> QPrintPreviewDialog | None:
        if self.path is None:
            return None
        try:
            dialog = preview_dialog(self, [self.path], self.title, settings=self.settings,
                                    printer=self.make_printer(self.title), opener=self.opener)
        except PrintError as exc:
            show_print_failure(self, exc, self.path, self.opener)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_pdf(self) -> None:
        if self.path is not None:
            self.opener(self.path)

    def save_as(self) -> Path | None:
        if self.path is None:
            return None
        return save_pdf_as(self, self.path, ask_path=self.ask_save_path)


def print_document(parent: QWidget | None, path: Path | str, title: str, **kw: Any) -> int:
    """Print one saved PDF with the print dialog (see :func:`print_pdfs`)."""
    return print_pdfs(parent, [path], title, **kw)


def print_batch(parent: QWidget | None, paths: Sequence[Path | str], title: str,
                **kw: Any) -> int:
    """Print several saved PDFs (e.g. one department's 转办单 of the day) as one job
    titled ``title``, with a progress dialog and 取消. Returns pages printed."""
    return print_pdfs(parent, paths, title, show_progress=True, **kw)


__all__ = [
    "DocumentActions", "PdfPages", "PrintCancelled", "PrintError", "available_printers",
    "check_printer", "make_printer", "paint_pdfs", "preview_dialog", "print_batch",
    "print_document", "print_pdfs", "remember_printer", "save_pdf_as", "show_print_failure",
]

