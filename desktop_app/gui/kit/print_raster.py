"""The rasteriser behind printing and preview (split from ``print_pdf``, issue 14):
the pages of a saved PDF rendered by PDFium into QImages, painted at actual size, and
the two exceptions of the print path. No QPrinter choice, no dialog here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from .fmt import fmt

#: Highest rasterisation resolution. 600 dpi keeps 10-pt CJK text as sharp as a
#: laser printer shows it; a 1200-dpi driver would otherwise mean 140 MB per page.
MAX_DPI = 600
#: Preview pages are rasterised at most at this resolution (screen zoom).
PREVIEW_DPI = 150

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

    def __init__(self, path: Path | str | bytes) -> None:
        """``path``: a saved PDF, or the bytes of one (a preview never written to disk)."""
        import pypdfium2

        self.path = Path("<memory>") if isinstance(path, bytes) else Path(path)
        try:
            data = path if isinstance(path, bytes) else self.path.read_bytes()
            self._doc = pypdfium2.PdfDocument(data)
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


def paint_page(painter: QPainter, printer: QPrinter, doc: PdfPages, index: int,
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



__all__ = ["MAX_DPI", "PREVIEW_DPI", "PdfPages", "PrintCancelled", "PrintError", "paint_page"]
