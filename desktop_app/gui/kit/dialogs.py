"""Small dialogs that ask for text: reasons for 不予受理 and for voiding a document.

Screens take these as callables (``ask_reject_reasons(parent) -> list | None``) so
tests can answer them without a modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .widgets import ErrorLabel


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class ReasonsDialog(QDialog):
    """Asks for one or more reasons, one per line."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, *,
                 multiline: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("reasonsDialog")
        self.setWindowTitle(title)
        self.resize(520, 300 if multiline else 160)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.multiline = multiline
        self.edit: QPlainTextEdit | QLineEdit
        if multiline:
            self.edit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
        else:
            self.edit = QLineEdit()
        self.edit.setObjectName("reasonsEdit")
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("reasonsOk")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def reasons(self) -> list[str]:
        text = self.edit.toPlainText() if self.multiline else self.edit.text()  # type: ignore[union-attr]
        return [line.strip() for line in text.splitlines() if line.strip()]

    def _check(self) -> None:
        if not self.reasons():
            self.error.show_messages([self.tr("Please enter a reason.")])
            return
        self.accept()


def ask_reject_reasons(parent: QWidget | None) -> list[str] | None:
    dialog = ReasonsDialog(
        parent, QCoreApplication.translate("ReasonsDialog", "Not accepted: reasons"),
        QCoreApplication.translate(
            "ReasonsDialog", "Enter the reasons printed on the notice, one per line. The notice "
            "also tells the applicant how to appeal."))
    return dialog.reasons() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_void_reason(parent: QWidget | None) -> str | None:
    dialog = ReasonsDialog(
        parent, QCoreApplication.translate("ReasonsDialog", "Void document"),
        QCoreApplication.translate(
            "ReasonsDialog", "Why is this document voided? Its number stays used and the "
            "reason is kept."), multiline=False)
    return " ".join(dialog.reasons()) if dialog.exec() == QDialog.DialogCode.Accepted else None
