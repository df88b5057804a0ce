"""验证文书: check a document's QR code (issue 17 — qrcheck).

A hand scanner types the code's text into the field (then Enter); or the clerk chooses a
PDF (checked against its content) or a scan / photo of the paper (its signature). The
verdict is shown large — 真实 in green, anything else in red — with what the code says
(number, kind, day, township, masked name) for the clerk to compare with the paper.
The check runs on the read lane (``services.verification``); nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import READ
from ..kit.widgets import ErrorLabel

if TYPE_CHECKING:
    from ...core.services import Services
    from ...core.services.verification import Finding, VerifyReport
    from ..kit.tasks import TaskRunner

GOOD = "color: #1b5e20; font-size: 20px; font-weight: bold;"
BAD = "color: #b71c1c; font-size: 20px; font-weight: bold;"


def verdict_text(status: str) -> str:
    """The verdict as the clerk reads it."""
    texts = {
        "genuine": QCoreApplication.translate(
            "Verify", "Genuine: the signature is valid and the content is as issued"),
        "altered": QCoreApplication.translate(
            "Verify", "Altered: the document or its code differs from what was issued"),
        "unknown_signer": QCoreApplication.translate(
            "Verify", "Unknown issuer: the code is not signed by a registered township key"),
        "voided": QCoreApplication.translate(
            "Verify", "Voided: the issuing township voided this document"),
        "not_ours": QCoreApplication.translate("Verify", "Not a code of this system"),
        "malformed": QCoreApplication.translate(
            "Verify", "The code is damaged or incomplete and cannot be read"),
    }
    return texts.get(status, status)


def kind_title(kind: str) -> str:
    from ... import printing

    return printing.DOCUMENT_KINDS.get(kind, kind)


class VerifyDialog(QDialog):
    """验证文书."""

    def __init__(self, services: Services, tasks: TaskRunner, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a document"))
        self.services = services
        self.tasks = tasks
        self.last: VerifyReport | None = None
        # Which file to check (tests replace it): returns "" when none was chosen.
        self.ask_file: Callable[[], str] = self._ask_file

        intro = QLabel(self.tr("Scan the QR code of the paper document with the scanner, or "
                               "paste its text; or choose the PDF, a scan or a photo of it."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("verifyCode")
        self.code.setPlaceholderText(self.tr("TW1:… (the scanner types it here, then Enter)"))
        self.code.returnPressed.connect(self.verify_code)
        self.check_button = QPushButton(self.tr("&Verify"))
        self.check_button.setObjectName("verifyButton")
        self.check_button.clicked.connect(self.verify_code)
        self.file_button = QPushButton(self.tr("Choose &file…"))
        self.file_button.setObjectName("verifyFileButton")
        self.file_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.file_button)

        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.more = QLabel()
        self.more.setObjectName("verifyMore")
        self.more.setWordWrap(True)
        self.number = QLabel()
        self.kind = QLabel()
        self.date = QLabel()
        self.township = QLabel()
        self.name = QLabel()
        for w, name in ((self.number, "verifyNumber"), (self.kind, "verifyKind"),
                        (self.date, "verifyDate"), (self.township, "verifyTownship"),
                        (self.name, "verifyName")):
            w.setObjectName(name)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QFormLayout()
        details.addRow(self.tr("Document number"), self.number)
        details.addRow(self.tr("Document"), self.kind)
        details.addRow(self.tr("Issued on"), self.date)
        details.addRow(self.tr("Township code"), self.township)
        details.addRow(self.tr("Name (masked)"), self.name)
        self.hint = QLabel(self.tr("Compare the number, date and name above with the paper: a "
                                   "genuine code copied onto another paper still verifies."))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("verifyHint")
        self.error = ErrorLabel()
        self.error.setObjectName("verifyError")
        self.known = QLabel()
        self.known.setObjectName("verifyKnown")
        self.known.setWordWrap(True)
        self.known.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(self.verdict)
        layout.addWidget(self.more)
        layout.addLayout(details)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.known)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self._show(None)
        self.tasks.run(self.services.verification.counts, self._counts, lambda _e: None,
                       owner=self, lane=READ, publish=False)

    # -- actions ----------------------------------------------------------------------
    def verify_code(self) -> None:
        text = self.code.text()
        self._run(lambda: self.services.verification.verify_text(text))

    def choose_file(self) -> None:
        path = self.ask_file()
        if path:
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> None:
        self._run(lambda: self.services.verification.verify_file(path))

    def _run(self, fn: Callable[[], Any]) -> None:
        self.error.clear_message()
        self._busy(True)
        self.tasks.run(fn, self._done, self._failed, owner=self, lane=READ, publish=False)

    def _ask_file(self) -> str:
        return QFileDialog.getOpenFileName(
            self, self.tr("Choose the document or its scan"), "",
            self.tr("Documents and images") + " (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff)")[0]

    # -- results ----------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        for w in (self.check_button, self.file_button, self.code):
            w.setEnabled(not busy)

    def _done(self, report: VerifyReport) -> None:
        self._busy(False)
        self.last = report
        if not report.found:
            self._show(None)
            self.verdict.setStyleSheet(BAD)
            self.verdict.setText(self.tr("No QR code was found in the file"))
            return
        self._show(report.findings[0])
        if len(report.findings) > 1:
            self.more.setText(fmt(self.tr("%1 codes in the file: %2"), len(report.findings),
                                  "；".join(verdict_text(f.status) for f in report.findings)))
        self.code.selectAll()
        self.code.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self._show(None)
        present(self, error, label=self.error)

    def _show(self, f: Finding | None) -> None:
        self.more.setText("")
        if f is None:
            self.verdict.setText("")
            for w in (self.number, self.kind, self.date, self.township, self.name):
                w.setText("—")
            return
        self.verdict.setStyleSheet(GOOD if f.genuine else BAD)
        self.verdict.setText(verdict_text(f.status))
        self.number.setText(f.number or "—")
        self.kind.setText(kind_title(f.kind) if f.kind else "—")
        self.date.setText(f.date or "—")
        self.township.setText(f.township or "—")
        self.name.setText(f.masked_name or "—")

    def _counts(self, counts: tuple[int, int]) -> None:
        keys, voids = counts
        self.known.setText(fmt(self.tr("Trusted: this township's own key and %1 township "
                                       "key(s) from the county; %2 voided document(s) of other "
                                       "townships known (from the county's return packages)."),
                               keys, voids))


def open_verify_dialog(parent: QWidget, services: Services, tasks: TaskRunner) -> VerifyDialog:
    dialog = VerifyDialog(services, tasks, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


__all__ = ["VerifyDialog", "kind_title", "open_verify_dialog", "verdict_text"]
