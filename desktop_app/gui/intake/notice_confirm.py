"""一次性告知书, confirmed before it is issued (issue 14): the notice button (or its key)
shows the notice as it will be printed — rendered by the service without recording
anything — and issues only on 确认开具. Enter, Esc and closing the window cancel: a
stray key press never issues a notice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

#: Preview resolution: an A4 page about 800 px wide, readable at 1366×768.
PREVIEW_DPI = 96


class NoticeConfirmDialog(QDialog):
    """The preview pages of a decision's document, with 确认开具 and 取消 (the default)."""

    def __init__(self, pdf: bytes, parent: QWidget | None = None, *,
                 title: str = "", question: str = "", confirm: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("noticeConfirm")
        self.setWindowTitle(title or self.tr("Issue the one-time notice?"))
        intro = QLabel(question or self.tr(
            "This is the one-time notice as it will be printed for the applicant. Check the "
            "missing materials: once issued, the notice is recorded under its number."))
        intro.setWordWrap(True)
        intro.setObjectName("noticeConfirmText")

        pages = QWidget()
        column = QVBoxLayout(pages)
        self.pages: list[QLabel] = []
        from ..kit.print_raster import PdfPages

        with PdfPages(pdf) as doc:
            for i in range(len(doc)):
                image = doc.render(i, PREVIEW_DPI, gray=True)
                label = QLabel()
                label.setObjectName(f"noticePage{i}")
                label.setPixmap(QPixmap.fromImage(image))
                label.setStyleSheet("border: 1px solid #999; background: white;")
                column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                self.pages.append(label)
        scroll = QScrollArea()
        scroll.setObjectName("noticePreview")
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)

        self.buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm or self.tr("Confirm and &issue"))
        self.confirm_button.setObjectName("noticeConfirmButton")
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.setDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("noticeCancelButton")
        self.cancel_button.setDefault(True)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.cancel_button.setFocus()
        self._fit()

    def _fit(self) -> None:
        """A page wide, as tall as the screen allows (never larger than it)."""
        width = (self.pages[0].pixmap().width() + 60) if self.pages else 600
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = 900
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 60)
        self.resize(width, height)


def confirm_notice(parent: QWidget | None, pdf: bytes) -> bool:
    """Show the notice; True only when the clerk pressed 确认开具."""
    dialog = NoticeConfirmDialog(pdf, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


__all__ = ["NoticeConfirmDialog", "confirm_notice"]
