"""The administrator recovery code, shown once (first-run setup; docs/roles.md).

The code resets a forgotten administrator password on this computer
(``desktop-app recover-admin``); it works once and only its salted hash is stored, so
this dialog is the only time it can be seen. The administrator prints it or saves it
(to a USB stick, say) and keeps it away from the computer; the dialog closes only with
"I have kept the code" — not with Esc or the window's close button.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..kit.fmt import fmt
from ..kit.widgets import ERROR_STYLE

RECOVER_COMMAND = "desktop-app recover-admin"
#: ``(parent, title, suggested path) -> path or ""``; replaced in tests.
SaveChooser = Callable[[QWidget, str, str], str]
#: ``(parent, code, township) -> None``: shows a recovery code once; replaced in tests.
CodeShower = Callable[[QWidget, str, str], None]
#: ``(parent, text) -> printed?``; replaced in tests.
TextPrinter = Callable[[QWidget, str], bool]


def _choose_save(parent: QWidget, title: str, start: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, start, "*.txt")
    return path


def _print_text(parent: QWidget, text: str) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("recovery-code")
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    doc.setPlainText(text)
    doc.setDefaultFont(QFont("sans-serif", 14))
    doc.print_(printer)
    return True


class RecoveryCodeDialog(QDialog):
    def __init__(self, code: str, township: str = "", parent: QWidget | None = None, *,
                 choose_save: SaveChooser = _choose_save,
                 print_text: TextPrinter = _print_text) -> None:
        super().__init__(parent)
        self.code = code
        self.township = township
        self.choose_save = choose_save
        self.print_text = print_text
        self.issued = datetime.now()
        self.setObjectName("recoveryCodeDialog")
        self.setWindowTitle(self.tr("Administrator recovery code"))
        intro = QLabel(fmt(self.tr(
            "If the administrator's password is ever forgotten, this code sets a new one on "
            "this computer (command: %1). It works once; a new code is then shown.\nPrint it "
            "or write it down now and keep it locked away from this computer: it is shown only "
            "this once, and it is not stored anywhere in readable form."), RECOVER_COMMAND))
        intro.setWordWrap(True)
        intro.setObjectName("recoveryIntro")
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recoveryCode")
        mono = QFont("monospace", 20)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setBold(True)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label = QLabel()
        self.result_label.setObjectName("recoveryResult")
        self.result_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printRecoveryCode")
        self.save_button = QPushButton(self.tr("Save as a file…"))
        self.save_button.setObjectName("saveRecoveryCode")
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.kept_button = buttons.addButton(self.tr("I have kept the code"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.kept_button.setObjectName("keptRecoveryCode")
        self.print_button.clicked.connect(self.print_code)
        self.save_button.clicked.connect(self.save_code)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.code_label)
        layout.addSpacing(12)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def sheet_text(self) -> str:
        """What is printed or saved: whose code, when, the code and how to use it."""
        return fmt(self.tr(
            "Township Service Window: administrator recovery code\n\n"
            "Township: %1\nIssued: %2\n\n    %3\n\n"
            "If the administrator's password is forgotten: on this computer run\n"
            "    %4\n"
            "type this code and choose a new password. The code works once; write down the new "
            "code that is then shown. Keep this sheet locked away."),
            self.township, self.issued.strftime("%Y-%m-%d %H:%M"), self.code,
            RECOVER_COMMAND) + "\n"

    def print_code(self) -> bool:
        if not self.print_text(self, self.sheet_text()):
            return False
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Sent to the printer."))
        return True

    def save_code(self) -> bool:
        from sync_contract.faults import fault
        from sync_contract.fs import atomic_write

        start = str(Path.home() / "recovery-code.txt")
        path = self.choose_save(self, self.tr("Save the recovery code"), start)
        if not path:
            return False
        target = Path(path)
        try:
            atomic_write(target, self.sheet_text().encode("utf-8"))
        except OSError as exc:
            self.result_label.setStyleSheet(ERROR_STYLE)
            self.result_label.setText(str(fault(exc, target.parent, "write_file")))
            return False
        self.result_label.setStyleSheet("")
        self.result_label.setText(fmt(self.tr(
            "Saved to %1. Keep that file away from this computer."), str(target)))
        return True

    def reject(self) -> None:
        """Esc and the close button do nothing: the code must have been kept."""
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(self.tr(
            "Print or write down the code, then click \"I have kept the code\"."))


def show_recovery_code(parent: QWidget | None, code: str, township: str = "") -> None:
    dialog = RecoveryCodeDialog(code, township, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
